"""SVG snapshots of the main screens at 80x24 and 160x48 (`pytest --snapshot-update`)."""

from datetime import date

import pytest
from conftest import PASSPHRASE
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.config import Settings
from assistant.domain.enums import TypeEtablissement
from assistant.domain.steps import Experience
from assistant.session import Session
from assistant.tui.app import make_app

pytestmark = pytest.mark.snapshot
SIZE = (80, 24)


async def _steady(pilot: Pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.mark.parametrize("size", SIZES)
def test_create_vault_screen(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(settings), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES)
def test_dossiers_list(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    session.create_dossier("MA-2026-014", TypeEtablissement.MAISON_ARRET, jour=date(2026, 3, 2))
    dossier = session.create_dossier(
        "CD-2026-003", TypeEtablissement.CENTRE_DETENTION, jour=date(2026, 2, 9)
    )
    dossier.etapes.situation.statut_penal = "condamne"  # type: ignore[assignment]
    dossier.etapes.situation.horizon_sortie = "de_3_a_6_mois"  # type: ignore[assignment]
    session.save_dossier(dossier)
    session.lock()

    async def unlock(pilot: Pilot) -> None:
        field = pilot.app.screen.query_one("#phrase", Input)
        field.value = PASSPHRASE
        await pilot.press("enter")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=unlock)


def _vault_with_dossier(settings: Settings) -> None:
    settings.knowledge.build_index_in_background = False
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier(
        "MA-2026-014", TypeEtablissement.MAISON_ARRET, jour=date(2026, 3, 2)
    )
    situation = dossier.etapes.situation
    situation.statut_penal = "condamne"  # type: ignore[assignment]
    situation.horizon_sortie = "de_3_a_6_mois"  # type: ignore[assignment]
    situation.region_sortie = "84"
    dossier.etapes.experiences.experiences = [
        Experience(intitule_libre="maçon", type="interim", debut="2015", duree_mois=48)  # type: ignore[arg-type]
    ]
    session.save_dossier(dossier)
    session.lock()


async def _open_workspace(pilot: Pilot) -> None:
    pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
    await pilot.press("enter")
    await _steady(pilot)
    await pilot.press("enter")
    await _steady(pilot)
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_workspace(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)
    assert snap_compare(make_app(settings), terminal_size=size, run_before=_open_workspace)


@pytest.mark.parametrize("size", SIZES)
def test_workspace_context_panel(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)

    async def open_jobs(pilot: Pilot) -> None:
        await _open_workspace(pilot)
        await pilot.press(*"/metiers", "enter")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=open_jobs)


@pytest.mark.parametrize("size", SIZES)
def test_field_editor(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)

    async def edit(pilot: Pilot) -> None:
        await _open_workspace(pilot)
        await pilot.press("f2")
        await _steady(pilot)
        await pilot.press("enter")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=edit)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)

    async def help_screen(pilot: Pilot) -> None:
        await _open_workspace(pilot)
        await pilot.press("f1")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=help_screen)


@pytest.mark.parametrize("size", SIZES)
def test_unlock_screen(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)
    assert snap_compare(make_app(settings), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES)
def test_knowledge_explorer(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)

    async def explore(pilot: Pilot) -> None:
        pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press("k")
        await _steady(pilot)
        await pilot.press(*"cariste", "enter")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=explore)


@pytest.mark.parametrize("size", SIZES)
def test_demo_dossier_plan_in_light_theme(
    snap_compare, settings: Settings, size: tuple[int, int]
) -> None:
    """A filled dossier (the fictitious P1 demo), plan tab, light theme."""
    settings.knowledge.build_index_in_background = False
    settings.theme = "textual-light"
    from assistant.demo import session_demo
    from assistant.tui.app import PasserelleApp

    async def plan(pilot: Pilot) -> None:
        await _steady(pilot)
        await pilot.press("down", "enter")
        await _steady(pilot)
        await _steady(pilot)
        await pilot.press(*"/plan", "enter")
        await _steady(pilot)

    session = session_demo(settings, date(2026, 11, 26))
    session.aujourd_hui = lambda: date(2026, 11, 26)
    app = PasserelleApp(session, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=plan)


@pytest.mark.parametrize("size", SIZES)
def test_new_dossier_dialog(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)

    async def new(pilot: Pilot) -> None:
        pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press("n")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=new)


@pytest.mark.parametrize("size", SIZES)
def test_step_chooser(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_dossier(settings)

    async def steps(pilot: Pilot) -> None:
        await _open_workspace(pilot)
        await pilot.press("f4")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=steps)


def _vault_with_drafted_synthesis(settings: Settings, validated: bool = False) -> None:
    """The complete fictitious dossier with a synthesis drafted at a fixed time."""
    from datetime import UTC, datetime

    from factories import dossier_complet

    from assistant.domain.enums import StatutValidation, TypeBrouillon

    settings.knowledge.build_index_in_background = False
    session = Session(settings)
    session.aujourd_hui = lambda: date(2026, 3, 2)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier("CP-2026-060", "centre_penitentiaire", jour=date(2026, 3, 2))
    complet = dossier_complet()
    complet.id, complet.reference, complet.brouillons = dossier.id, dossier.reference, []
    session.save_dossier(complet)
    documents = session.documents(complet)
    brouillon = documents.rediger(TypeBrouillon.SYNTHESE).brouillon
    heure = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)
    mise_a_jour: dict[str, object] = {"cree_le": heure}
    if validated:
        mise_a_jour |= {
            "statut": StatutValidation.VALIDE_CONSEILLER,
            "relu_par": "cip-07",
            "relu_le": heure,
            "valide_par": "cip-07",
            "valide_le": heure,
        }
    complet.brouillons = [brouillon.model_copy(update=mise_a_jour)]
    session.save_dossier(complet)
    session.lock()


async def _open_documents(pilot: Pilot) -> None:
    await _open_workspace(pilot)
    await pilot.press("f8")
    await _steady(pilot)
    await pilot.press("down", "down")
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_documents_screen(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_drafted_synthesis(settings)
    assert snap_compare(make_app(settings), terminal_size=size, run_before=_open_documents)


@pytest.mark.parametrize("size", SIZES)
def test_sentence_editor(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault_with_drafted_synthesis(settings)

    async def edit(pilot: Pilot) -> None:
        await _open_documents(pilot)
        await pilot.press("e")
        await _steady(pilot)
        pilot.app.screen.query_one("TextArea").cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(make_app(settings), terminal_size=size, run_before=edit)


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    from pathlib import Path

    from textual.widgets import Select

    _vault_with_drafted_synthesis(settings, validated=True)

    async def export(pilot: Pilot) -> None:
        await _open_documents(pilot)
        pilot.app.dossier_export = Path("/srv/exports")  # type: ignore[attr-defined]
        await pilot.press("x")
        await _steady(pilot)
        pilot.app.screen.query_one("#destinataire", Select).value = "spip"
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=size, run_before=export)
