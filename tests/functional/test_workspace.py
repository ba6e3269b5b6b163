"""The interview workspace under ordinary and hostile use: keys, dialogs, bad input, sizes."""

import time
from datetime import date

import pytest
from conftest import PASSPHRASE
from pilote import attendre, coffre_avec_dossier, dire, ouvrir_entretien, relire
from textual.message import Message
from textual.widgets import Input, Static, TabbedContent
from textual.widgets._footer import FooterKey  # not re-exported by textual.widgets

from assistant.config import Settings
from assistant.domain.enums import EtatEtape, ProfilDeroule, TypeRencontre
from assistant.tui import messages
from assistant.tui.app import make_app
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.field_editor import FieldEditorDialog
from assistant.tui.screens.help import HelpScreen
from assistant.tui.screens.vault import UnlockScreen
from assistant.tui.screens.workspace import WorkspaceScreen
from assistant.tui.widgets.footer import StableFooter
from assistant.tui.widgets.interview.chat import ChatLog
from assistant.tui.widgets.interview.context import JobsList
from assistant.tui.widgets.interview.proposals import ProposalsList
from assistant.tui.widgets.interview.steps import StepsList

pytestmark = pytest.mark.functional
SIZE = (120, 36)


def _vault(settings: Settings) -> str:
    return coffre_avec_dossier(settings, "MA-2026-031", date(2026, 11, 26))


def _chat(screen: WorkspaceScreen) -> str:
    return "\n".join(screen.query_one("#fil", ChatLog).textes())


async def test_a_huge_paste_emoji_and_other_scripts_never_break_the_chat(
    settings: Settings,
) -> None:
    dossier_id = _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        await dire(pilot, screen, "Il a travaillé comme maçon 🧱 " + "x" * 100_000)
        assert "caractères au total" in _chat(screen)
        await dire(pilot, screen, "Он говорит по-русски، ويتكلم العربية 🙂 \x00\x07 fin")
        await dire(pilot, screen, "   ")
        assert "Tapez ce que dit la personne" in _chat(screen)
        assert isinstance(pilot.app.screen, WorkspaceScreen)
    # Only the fact that the questions were asked was saved, not what was typed.
    document = relire(settings, dossier_id).model_dump_json()
    assert "xxxxxxxxxx" not in document and "العربية" not in document


async def test_a_refused_value_keeps_the_dialog_open_with_the_reason(settings: Settings) -> None:
    dossier_id = _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)
        await pilot.press("down", "down", "down", "down", "down", "down", "enter")  # step 6
        await attendre(pilot)
        assert screen.entretien.etape_en_cours == 6
        await pilot.press("f2", "enter")  # « Projets (1 à 3) »
        await pilot.pause()
        await pilot.press("enter")  # « + Ajouter un élément »
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, FieldEditorDialog)
        dialog.query_one("#champ-libelle_personne", Input).value = "Cariste"
        dialog.query_one("#champ-code_rome", Input).value = "pas un code"
        dialog.query_one("#champ-importance_0_10", Input).value = "12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is dialog
        erreur = str(dialog.query_one("#erreur", Static).render())
        assert "Fiche ROME" in erreur and "inférieur ou égal à 10" in erreur
        dialog.query_one("#champ-code_rome", Input).value = "n1101"
        dialog.query_one("#champ-importance_0_10", Input).value = "9"
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is screen
    projet = (relire(settings, dossier_id).etapes.projet.projets or [])[0]
    assert (projet.libelle_personne, projet.code_rome, projet.importance_0_10) == (
        "Cariste",
        "N1101",
        9,
    )


async def test_proposals_can_be_corrected_or_rejected_one_by_one(settings: Settings) -> None:
    dossier_id = _vault(settings)
    seen: list[Message] = []
    async with make_app(settings).run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ouvrir_entretien(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("down", "enter")  # step 1
        await attendre(pilot)
        await pilot.press("ctrl+n")  # « Comment se passent ces premiers jours ? »: nothing to note
        await attendre(pilot)
        await dire(pilot, screen, "Il est condamné, il sort dans deux mois, il va à Marseille.")
        libelles = [p.libelle for p in screen.en_attente]
        assert any("Statut pénal" in x for x in libelles)
        await pilot.press("down")
        assert screen.focused is screen.query_one("#propositions")
        for _ in range(len(libelles)):
            proposition = screen.en_attente[0]
            if proposition.champ == "statut_penal":
                await pilot.press("x")  # rejected
            else:
                await pilot.press("enter")  # accepted
            await attendre(pilot)
        assert screen.en_attente == []
        assert screen.focused is screen.query_one("#saisie")
    situation = relire(settings, dossier_id).etapes.situation
    assert situation.statut_penal is None
    assert situation.departement_sortie == "13"
    rejetes = {id(m): m for m in seen if isinstance(m, messages.ProposalRejected)}
    assert [m.champ for m in rejetes.values()] == ["statut_penal"]


async def test_slash_commands_profile_follow_up_and_help(settings: Settings) -> None:
    dossier_id = _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        onglets = screen.query_one(TabbedContent)
        await dire(pilot, screen, "/plan")
        assert onglets.active == "onglet-plan"
        await dire(pilot, screen, "/metiers cariste")
        assert onglets.active == "onglet-metiers"
        pistes = screen.query_one("#vue-metiers", JobsList).pistes
        assert pistes[0].hit.code_rome == "N1101"
        assert pistes[0].origine == "Recherche : cariste"
        await pilot.pause()
        # The first job says what it is, then why it came, without a key pressed.
        pourquoi = str(screen.query_one("#pourquoi-metier", Static).render())
        assert "chariot" in pourquoi and "Intitulé proche" in pourquoi
        await dire(pilot, screen, "/etape 5")
        assert screen.entretien.etape_en_cours == 5
        await dire(pilot, screen, "/inconnue")
        assert "Commande inconnue" in _chat(screen)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)
        await pilot.press("down", "down", "down", "down", "enter")  # P3
        await attendre(pilot)
        assert "Profil P3" in str(screen.query_one("#profil-actif", Static).render())
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        aide = " ".join(str(s.render()) for s in pilot.app.screen.query(Static))
        for touche in ("Ctrl+O", "F2", "F7", "Ctrl+L", "/metiers"):
            assert touche in aide
        await pilot.press("escape")
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.click("#oui")
        await attendre(pilot)
        assert screen.entretien.etape_en_cours == 1
    dossier = relire(settings, dossier_id)
    assert dossier.profil_choisi is ProfilDeroule.P3
    assert [r.type for r in dossier.rencontres] == [TypeRencontre.ACCUEIL, TypeRencontre.SUIVI]
    assert dossier.rencontres[1].etapes_prevues == [1, 5, 8, 9]
    assert dossier.rencontres[0].etat(5) is EtatEtape.EN_COURS


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 60)])
async def test_any_terminal_size_keeps_the_interview_usable(
    settings: Settings, size: tuple[int, int]
) -> None:
    _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert screen.has_class("etroit") is (size[0] < 120)
        await dire(pilot, screen, "Oui, il est d'accord.")
        await pilot.press("f3")
        await pilot.pause()
        assert screen.query_one("#contexte").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WorkspaceScreen)
        assert screen.query_one("#saisie", Input).display


async def test_the_focus_hidden_by_a_narrow_terminal_comes_back_to_the_chat(
    settings: Settings,
) -> None:
    """Found by hand: focus lost when the panel hid, then given to the steps list after the
    lock, where the first « s » typed would have skipped a step."""
    _vault(settings)
    app = make_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        saisie = screen.query_one("#saisie", Input)
        await pilot.press("f3")
        await pilot.pause()
        assert app.focused is not saisie and screen.query_one("#contexte") in app.focused.ancestors
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.focused is saisie
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await attendre(pilot)
        assert app.screen is screen and app.focused is saisie
        await pilot.press("s")
        assert saisie.value == "s"
        assert screen.entretien.etape_en_cours == 0


async def test_idle_time_locks_the_vault(settings: Settings) -> None:
    _vault(settings)
    settings.vault.idle_lock_minutes = 1
    app = make_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        app._last_activity = time.monotonic() - 61
        app._lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert not app.session.is_unlocked
        app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await attendre(pilot)
        assert app.screen is screen


async def test_the_footer_is_rebuilt_only_when_its_keys_change(settings: Settings) -> None:
    _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        footer = screen.query_one(StableFooter)
        keys = list(footer.query(FooterKey))
        assert any(key.description == "Aide" for key in keys)
        # A bindings signal with the same keys (every focus move sends one) keeps the widgets.
        screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys
        # « Tout accepter » is dimmed while nothing waits and lit in place when proposals come.
        accepter = next(key for key in keys if key.action == "accept_all")
        assert accepter.has_class("-disabled")
        await dire(pilot, screen, "/etape 3")
        await dire(pilot, screen, "Il a travaillé comme cariste chez un grossiste de 2016 à 2019")
        assert screen.en_attente
        assert not accepter.has_class("-disabled")
        await pilot.press("ctrl+o")
        await attendre(pilot)
        assert not screen.en_attente and accepter.has_class("-disabled")
        assert list(footer.query(FooterKey)) == keys
        # Another screen shows its own keys.
        await pilot.press("f1")
        await attendre(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        help_keys = [key.description for key in pilot.app.screen.query(FooterKey)]
        assert help_keys and help_keys != [key.description for key in keys]


async def test_a_long_excerpt_is_cut_at_a_word_with_an_ellipsis(settings: Settings) -> None:
    _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        await dire(pilot, screen, "/etape 3")
        await dire(pilot, screen, "Il a travaillé comme cariste chez un grossiste de 2016 à 2019")
        liste = screen.query_one(ProposalsList)
        textes = [str(liste.get_option_at_index(i).prompt) for i in range(liste.option_count)]
        attendu = "« Il a travaillé comme cariste chez un grossiste de 2016 à… »"
        assert any(attendu in t for t in textes)
        assert not any("201 »" in t for t in textes)


async def test_a_long_line_typed_in_the_chat_keeps_its_cursor_in_view(settings: Settings) -> None:
    """The chat line asks for no layout when its text grows: it must still scroll with it."""
    _vault(settings)
    async with make_app(settings).run_test(size=(80, 24)) as pilot:
        screen = await ouvrir_entretien(pilot)
        saisie = screen.query_one("#saisie", Input)
        phrase = "il a conduit des chariots élévateurs pendant six ans chez un grossiste "
        await pilot.press(*phrase, *phrase)
        await pilot.pause()
        assert saisie.value == phrase * 2
        assert saisie.scroll_x > 0
        assert _ligne(saisie).rstrip().endswith("chez un grossiste")  # the end is in view
        x, _ = saisie.cursor_screen_offset
        assert saisie.content_region.x <= x <= saisie.content_region.right  # after the last letter
        await pilot.press("home")
        await pilot.pause()
        assert saisie.scroll_x == 0
        assert _ligne(saisie).strip().startswith("il a conduit des chariots")


async def test_the_steps_list_replaces_only_the_lines_that_change(settings: Settings) -> None:
    """An answer changes the steps' bookkeeping at every turn, rarely what a line shows."""
    _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        etapes = screen.query_one("#liste-etapes", StepsList)

        def lignes() -> list[tuple[str | None, str, int]]:
            options = [etapes.get_option_at_index(i) for i in range(etapes.option_count)]
            return [(o.id, str(o.prompt), id(o.prompt)) for o in options]

        await dire(pilot, screen, "Il a travaillé comme cariste chez un grossiste de 2016 à 2019")
        await pilot.press("ctrl+o")
        await attendre(pilot)
        await pilot.press("down")  # highlight moved by the counsellor: kept across redraws
        surligne = etapes.highlighted
        avant = lignes()
        await dire(pilot, screen, "Il a aussi été magasinier pendant deux ans")
        await pilot.press("ctrl+o")
        await attendre(pilot)
        assert lignes() == avant  # nothing shown changed: not one line rebuilt
        courante = screen.entretien.etape_en_cours
        await dire(pilot, screen, "/etape 5")
        apres = lignes()
        assert [ident for ident, _, _ in apres] == [ident for ident, _, _ in avant]
        changees = {
            n
            for (n, texte, _), (_, avant_texte, _) in zip(apres, avant, strict=True)
            if texte != avant_texte
        }
        assert changees == {str(courante), "5"}
        assert "en cours" in dict((n, t) for n, t, _ in apres)["5"]
        # The other lines keep their rendered prompt object: they are not rebuilt.
        assert [a for a in apres if a[0] not in changees] == [
            a for a in avant if a[0] not in changees
        ]
        assert etapes.highlighted == surligne


def _ligne(saisie: Input) -> str:
    return "".join(segment.text for segment in saisie.render_line(0))


async def test_the_closing_summary_waits_for_the_proposals_of_its_step(
    settings: Settings,
) -> None:
    _vault(settings)
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        for _ in range(10):
            question = screen.entretien.question
            assert question is not None and not question.cloture
            if question.question.id == "cadre.relance_interprete":
                break
            await pilot.press("ctrl+n")
            await attendre(pilot)
        await dire(pilot, screen, "Non, pas d'interprète.")
        assert [p.champ for p in screen.en_attente] == ["interprete"]
        # The summary would miss the answer just given: it waits for the decision.
        assert "Si je résume" not in _chat(screen)
        assert "je résumerai ensuite l'étape" in _chat(screen)
        await pilot.press("ctrl+o")
        await attendre(pilot)
        resume = _chat(screen).split("Si je résume cette partie :")[-1]
        assert "• Interprète présent : non" in resume
        assert resume.count("Est-ce juste ?") == 1
