"""A whole first interview driven through the real interface, with a restart in the middle.

Every answer is typed in the chat as a counsellor would, the proposals are confirmed with
Ctrl+O, the action plan is filled through the field editor (F2); the dossier is then read back
from the encrypted vault by a fresh application.
"""

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from pilote import attendre, coffre_avec_dossier, dire, ouvrir_entretien, relire
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input, Select

from assistant.config import Settings
from assistant.domain.enums import CategorieFrein, EtatEtape
from assistant.tui import messages
from assistant.tui.app import PasserelleApp, make_app
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.field_editor import FieldEditorDialog
from assistant.tui.screens.workspace import WorkspaceScreen
from assistant.tui.widgets.interview.chat import ChatLog
from assistant.tui.widgets.interview.context import JobsList

pytestmark = pytest.mark.functional
SIZE = (120, 36)
JOUR = date(2026, 11, 26)

# What the person says, as the counsellor types it (fictitious person).
REPONSES = {
    "cadre.ce_qu_on_a_dit": "On lui a dit que c'était pour le juge.",
    "cadre.accords": "Oui, il est d'accord pour l'entretien et pour la prise de notes, il a "
    "compris à qui la synthèse est transmise.",
    "cadre.relance_interprete": "Non, pas d'interprète.",
    "situation.suite": "Il est condamné, sa sortie est prévue dans 4 mois.",
    "situation.lieu_sortie": "Il veut retourner vivre à Lyon.",
    "situation.inquietude": "Retrouver vite du travail et un toit.",
    "situation.amenagement": "On lui a parlé de semi-liberté, il voit le SPIP.",
    "situation.relance_tranche_age": "Il a 34 ans.",
    "formation.ecole": "Il a un CAP maçon obtenu en 2008, il a quitté l'école en 2008.",
    "formation.certificats": "Il a le CACES R482 et le SST.",
    "experiences.premier_travail": "Il a travaillé comme maçon en intérim de 2010 à 2015.",
    "competences.ce_qu_on_dit": "Ses collègues disent qu'il est ponctuel et sérieux.",
    "freins.hebergement": "Pas de logement à la sortie, sans solution pour l'instant.",
    "freins.mobilite": "Son permis B est suspendu.",
    "freins.dettes": "Oui, il a des dettes, des amendes à rembourser.",
    "projet.dans_un_an": "Il voudrait devenir coffreur.",
    "projet.importance": "8 sur 10",
}
SANS_REPONSE = "Il réfléchit, on y reviendra."


def _vault(settings: Settings) -> str:
    return coffre_avec_dossier(settings, "MA-2026-021", JOUR)


async def _say(pilot: Pilot, screen: WorkspaceScreen, text: str) -> None:
    await dire(pilot, screen, text)
    if screen.en_attente:
        await pilot.press("ctrl+o")
        await attendre(pilot)


async def _add_action(pilot: Pilot, screen: WorkspaceScreen) -> None:
    """F2 → « Actions » → « Ajouter » → the item form, saved with Ctrl+S."""
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press("enter")  # first field of step 8: the actions
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press("enter")  # « + Ajouter un élément »
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FieldEditorDialog)
    dialog.query_one("#champ-libelle", Input).value = "Demande d'hébergement au SIAO"
    dialog.query_one("#champ-moment", Select).value = "en_detention"
    dialog.query_one("#champ-echeance", Input).value = "15/01/2027"
    await pilot.press("ctrl+s")
    await attendre(pilot)
    assert pilot.app.screen is screen


async def _answer_until(pilot: Pilot, screen: WorkspaceScreen, derniere_etape: int) -> None:
    for _ in range(150):
        question = screen.entretien.question
        if question is None or question.numero_etape > derniere_etape:
            return
        if question.question.id == "plan_action.commencer":
            await _add_action(pilot, screen)
        await _say(pilot, screen, REPONSES.get(question.question.id, SANS_REPONSE))
    raise AssertionError("the interview did not end")


async def test_a_whole_interview_then_restart_loses_nothing(
    settings: Settings, built_index: Path
) -> None:
    # The real dense index (built once per test run) behind the job suggestions.
    shutil.copytree(built_index / "index", settings.data_dir / "index")
    dossier_id = _vault(settings)
    seen: list[Message] = []

    # First part: steps 0 to 4, then the counsellor quits.
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ouvrir_entretien(pilot)
        await _answer_until(pilot, screen, derniere_etape=4)
        assert screen.entretien.etape_en_cours == 5
        await pilot.press("ctrl+q")

    # After a restart the interview resumes at step 5 with everything confirmed so far.
    app = make_app(settings)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ouvrir_entretien(pilot)
        assert screen.entretien.etape_en_cours == 5
        bulles = " ".join(screen.query_one("#fil", ChatLog).textes())
        assert "Reprise de l'entretien" in bulles
        assert screen.entretien.dossier.etapes.formation.diplomes[0].intitule.startswith("CAP")
        await _answer_until(pilot, screen, derniere_etape=9)
        assert screen.entretien.question is None
        assert (
            "Toutes les étapes de ce rendez-vous sont closes"
            in (screen.query_one("#fil", ChatLog).textes()[-1])
        )

    # Read back from the vault by a new session: every confirmed value is there.
    dossier = relire(settings, dossier_id)
    etapes = dossier.etapes
    assert etapes.cadre.accord_entretien is True
    assert etapes.situation.statut_penal == "condamne"
    assert (etapes.situation.region_sortie, etapes.situation.departement_sortie) == ("84", "69")
    assert etapes.situation.tranche_age == "26_ans_et_plus"
    assert [d.intitule for d in etapes.formation.diplomes] == ["CAP maçon"]
    assert etapes.formation.diplomes[0].annee == 2008
    experience = etapes.experiences.experiences[0]
    assert (experience.code_rome, experience.type.value, experience.duree_mois) == (
        "F1703",
        "interim",
        60,
    )
    freins = {f.categorie: f for f in etapes.freins.freins}
    assert freins[CategorieFrein.LOGEMENT].niveau.value == "bloquant"
    assert CategorieFrein.FINANCES_DETTES in freins
    assert etapes.freins.permis_conduire == "b_suspendu_ou_annule"
    projet = (etapes.projet.projets or [])[0]
    assert (projet.code_rome, projet.importance_0_10) == ("F1701", 8)
    action = (etapes.plan_action.actions or [])[0]
    assert (action.libelle, action.echeance) == ("Demande d'hébergement au SIAO", date(2027, 1, 15))
    rencontre = dossier.rencontres[0]
    assert all(rencontre.etat(n) is EtatEtape.FAITE for n in rencontre.etapes_prevues)
    # What is typed in the chat is not stored as such: only the values confirmed.
    assert "pour le juge" not in dossier.model_dump_json()

    def unique(kind: type[Message]) -> list[Message]:
        return list({id(m): m for m in seen if isinstance(m, kind)}.values())

    etapes_vues = [m.numero for m in unique(messages.StepChanged)]  # type: ignore[attr-defined]
    assert sorted(set(etapes_vues) - {None}) == list(range(10))
    assert len(unique(messages.ProposalConfirmed)) >= 20
    assert any(m.propositions > 0 for m in unique(messages.UtteranceUnderstood))  # type: ignore[attr-defined]
    assert app.index_status == "Recherche par les mots et par le sens."
    refreshed = unique(messages.SuggestionsRefreshed)
    assert refreshed and max(m.metiers for m in refreshed) >= 2  # type: ignore[attr-defined]


async def test_locked_mid_step_nothing_confirmed_is_lost(settings: Settings) -> None:
    dossier_id = _vault(settings)
    app: PasserelleApp = make_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        await _answer_until(pilot, screen, derniere_etape=0)
        await _say(pilot, screen, "Il est condamné, sa sortie est prévue dans 4 mois.")
        saisie = screen.query_one("#saisie", Input)
        saisie.value = "Il veut retourner vivre à Lyon."
        await pilot.press("enter")
        await attendre(pilot)
        assert screen.en_attente  # proposals waiting when the counsellor leaves the laptop
        avant = app.focused
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not app.session.is_unlocked
        pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await attendre(pilot)
        assert pilot.app.screen is screen
        assert app.focused is avant  # back where the counsellor was
        assert screen.en_attente, screen.query_one("#fil", ChatLog).textes()[-4:]
        await pilot.press("ctrl+o")
        await attendre(pilot)
    situation = relire(settings, dossier_id).etapes.situation
    assert situation.statut_penal == "condamne"
    assert situation.region_sortie == "84"


async def test_what_was_said_is_searched_while_the_proposals_are_read(
    settings: Settings, built_index: Path
) -> None:
    shutil.copytree(built_index / "index", settings.data_dir / "index")
    dossier_id = _vault(settings)
    seen: list[Message] = []
    async with make_app(settings).run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ouvrir_entretien(pilot)
        await dire(pilot, screen, "/etape 3")
        await dire(pilot, screen, "Il a travaillé comme cariste en intérim de 2016 à 2019.")
        assert screen.en_attente
        # Nothing confirmed yet: nothing written, but the job search has already run.
        assert not screen.entretien.dossier.etapes.experiences.experiences
        assert not relire(settings, dossier_id).etapes.experiences.experiences
        session = screen.session
        attendu = screen.entretien.dossier_si_confirme(screen.en_attente)
        anticipees = session.suggestions_en_memoire(attendu)
        assert anticipees is not None
        assert anticipees.metiers[0].hit.code_rome == "N1101"
        seen.clear()
        await pilot.press("ctrl+o")
        await attendre(pilot)
        assert screen.query_one(JobsList).pistes[0].hit.code_rome == "N1101"
    # A message is seen once per node it bubbles through.
    refreshed = {id(m): m for m in seen if isinstance(m, messages.SuggestionsRefreshed)}.values()
    # The panel was updated from memory, in the confirmation itself: no search left to run.
    assert [m.calcul_ms for m in refreshed] == [0.0]  # type: ignore[attr-defined]
    assert relire(settings, dossier_id).etapes.experiences.experiences[0].intitule_libre
