"""The terminal interface driven with Textual's Pilot, asserting on the message stream."""

from datetime import date

import pytest
from conftest import PASSPHRASE
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Select, Static

from assistant.config import Settings
from assistant.domain.enums import TypeEtablissement
from assistant.session import Session
from assistant.tui import messages
from assistant.tui.app import PasserelleApp, make_app
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.new_dossier import NewDossierDialog
from assistant.tui.screens.dossiers import DossiersScreen
from assistant.tui.screens.vault import CreateVaultScreen, UnlockScreen
from assistant.tui.screens.workspace import WorkspaceScreen
from assistant.tui.widgets.interview.chat import ChatLog

pytestmark = pytest.mark.functional
SIZE = (100, 30)


def _existing_vault(settings: Settings, *references: str) -> None:
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    for reference in references:
        session.create_dossier(reference, TypeEtablissement.MAISON_ARRET, jour=date(2026, 3, 2))
    session.lock()


async def _type(pilot: Pilot, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = text
    await pilot.pause()


async def _settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _of_type(seen: list[Message], kind: type[Message]) -> list[Message]:
    """Each message once, although the hook sees it at every node it bubbles through."""
    return list({id(m): m for m in seen if isinstance(m, kind)}.values())


def _text(app: PasserelleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _unlock(pilot: Pilot, phrase: str = PASSPHRASE) -> None:
    await _type(pilot, "#phrase", phrase)
    await pilot.press("enter")
    await _settle(pilot)


async def test_first_start_creates_the_vault(settings: Settings) -> None:
    seen: list[Message] = []
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        assert isinstance(app.screen, CreateVaultScreen)
        await _type(pilot, "#phrase", "soleil2026")
        assert "trop courte" in _text(app, "#force")
        await pilot.click("#valider")
        assert "trop courte" in _text(app, "#erreur")
        await _type(pilot, "#phrase", PASSPHRASE)
        assert "solide" in _text(app, "#force")
        await _type(pilot, "#confirmation", PASSPHRASE + "x")
        await pilot.press("enter")
        assert "différentes" in _text(app, "#erreur")
        await _type(pilot, "#confirmation", PASSPHRASE)
        await pilot.press("enter")
        await _settle(pilot)
        assert isinstance(app.screen, DossiersScreen)
    assert any(isinstance(m, messages.VaultOpened) and m.created for m in seen)
    assert app.session.locations.vault_file.exists()


async def test_wrong_passphrase_keeps_the_vault_closed(settings: Settings) -> None:
    _existing_vault(settings, "MA-2026-001")
    seen: list[Message] = []
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await _unlock(pilot, "ce n'est pas la bonne phrase")
        assert isinstance(app.screen, UnlockScreen)
        assert "Phrase secrète incorrecte" in _text(app, "#erreur")
        assert app.screen.query_one("#phrase", Input).value == ""
        await _unlock(pilot)
        assert isinstance(app.screen, DossiersScreen)
        table = app.screen.query_one("#dossiers", DataTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[:2] == ["MA-2026-001", "Maison d'arrêt"]
    assert len(_of_type(seen, messages.VaultOpenFailed)) == 1


async def _open_new_dossier_dialog(pilot: Pilot) -> NewDossierDialog:
    await pilot.press("n")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, NewDossierDialog)
    for button in dialog.query(Button):
        # A button ignores clicks during its 0.2 s press animation; tests click faster.
        button.active_effect_duration = 0
    return dialog


async def test_create_a_dossier_and_refuse_a_bad_reference(settings: Settings) -> None:
    _existing_vault(settings)
    seen: list[Message] = []
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await _unlock(pilot)
        assert app.screen.query_one("#vide", Static).display
        dialog = await _open_new_dossier_dialog(pilot)
        await _type(pilot, "#reference", "4471234")
        dialog.query_one("#type", Select).value = TypeEtablissement.CENTRE_DETENTION
        await pilot.click("#creer")
        await pilot.pause()
        assert app.screen is dialog, "a refused reference keeps the dialog and what was typed"
        assert "numéro d'écrou" in _text(app, "#erreur")
        assert dialog.query_one("#reference", Input).value == "4471234"
        await _type(pilot, "#reference", "CD-2026-007")
        await pilot.click("#creer")
        await pilot.pause()
        assert isinstance(app.screen, DossiersScreen)
        table = app.screen.query_one("#dossiers", DataTable)
        assert table.get_row_at(0)[0:2] == ["CD-2026-007", "Centre de détention"]
        assert table.get_row_at(0)[5] == "0/10"
        assert not app.screen.query_one("#vide", Static).display
    created = _of_type(seen, messages.DossierCreated)
    assert [m.reference for m in created] == ["CD-2026-007"]  # type: ignore[attr-defined]
    # Saved at once: a fresh session sees it without any "save" action.
    fresh = Session(settings)
    fresh.unlock(PASSPHRASE)
    assert [r.reference for r in fresh.list_dossiers()[0]] == ["CD-2026-007"]
    fresh.lock()


async def test_delete_asks_for_confirmation(settings: Settings) -> None:
    _existing_vault(settings, "MA-2026-001", "MA-2026-002")
    seen: list[Message] = []
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await _unlock(pilot)
        table = app.screen.query_one("#dossiers", DataTable)
        first = table.get_row_at(0)[0]
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#oui")
        await pilot.pause()
        assert table.row_count == 1
        assert table.get_row_at(0)[0] != first
    deleted = _of_type(seen, messages.DossierDeleted)
    assert [m.reference for m in deleted] == [first]  # type: ignore[attr-defined]


def _chat(app: PasserelleApp) -> str:
    return "\n".join(app.screen.query_one("#fil", ChatLog).textes())


async def test_open_a_dossier_asks_the_next_question(settings: Settings) -> None:
    settings.knowledge.build_index_in_background = False
    _existing_vault(settings, "MA-2026-001")
    app = make_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        await _unlock(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        assert isinstance(app.screen, WorkspaceScreen)
        assert "Qu'est-ce qu'on vous a dit de ce rendez-vous" in _chat(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DossiersScreen)


async def test_ctrl_l_locks_and_the_unlock_returns_where_the_counsellor_was(
    settings: Settings,
) -> None:
    settings.knowledge.build_index_in_background = False
    _existing_vault(settings, "MA-2026-001")
    seen: list[Message] = []
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await _unlock(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        saisie = app.screen.query_one("#saisie", Input)
        saisie.value = "phrase en cours de frappe"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert not app.session.is_unlocked
        assert "phrase en cours" not in "".join(str(w.render()) for w in app.screen.query(Static))
        await _unlock(pilot)
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.screen.query_one("#saisie", Input).value == "phrase en cours de frappe"
        assert app.session.is_unlocked
    assert any(isinstance(m, messages.VaultClosed) for m in seen)


async def test_the_command_palette_speaks_french(settings: Settings) -> None:
    from textual.command import CommandInput, CommandList

    _existing_vault(settings, "MA-2026-001")
    app = make_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        await _unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        saisie = app.screen.query_one(CommandInput)
        assert saisie.placeholder == "Rechercher une commande…"
        await pilot.pause(0.5)
        liste = app.screen.query_one(CommandList)
        tout = " ".join(str(liste.get_option_at_index(i).prompt) for i in range(liste.option_count))
        assert "Thème" in tout and "Quitter" in tout and "Nouveau dossier" in tout
        # Textual's English commands, and no screenshot: a clear copy of a dossier's screen.
        mots = set(tout.split())
        assert not mots & {"Theme", "Quit", "Keys", "Screenshot", "Maximize"}, tout
        await pilot.press(*"zzzzqx")
        await pilot.pause(1.0)
        liste = app.screen.query_one(CommandList)
        textes = [str(liste.get_option_at_index(i).prompt) for i in range(liste.option_count)]
        assert any("Aucune commande trouvée" in t for t in textes), textes
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"nouveau")
        await pilot.pause(0.5)
        liste = app.screen.query_one(CommandList)
        assert any(
            "Nouveau dossier" in str(liste.get_option_at_index(i).prompt)
            for i in range(liste.option_count)
        )
