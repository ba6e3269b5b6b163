"""Mock interviews through the interface: setup, the recruiter's questions, the person's answers,
the self-assessment, the grid, the counsellor's notes, saving, person mode, progress, workshop."""

import dataclasses
import json
from datetime import date

import pytest
from conftest import PASSPHRASE
from pilote import attendre, ouvrir_entretien, relire
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, Select, Static, TextArea

from assistant.config import Settings
from assistant.domain.enums import TypeEtablissement
from assistant.domain.steps import Experience, Projet
from assistant.session import Session
from assistant.storage.errors import VaultError
from assistant.tui.app import make_app
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.simulation_note import NoteDialog
from assistant.tui.dialogs.simulation_setup import SimulationSetupDialog
from assistant.tui.screens.simulation import SimulationScreen
from assistant.tui.screens.simulation_atelier import AtelierScreen
from assistant.tui.screens.simulation_progression import ProgressionScreen
from assistant.tui.screens.vault import UnlockScreen
from assistant.tui.screens.workspace import WorkspaceScreen
from assistant.tui.widgets.simulation.fil import FilSimulation

pytestmark = pytest.mark.functional
SIZE = (120, 36)
BONNES = {
    "presentation": (
        "J'ai travaillé trois ans comme magasinier puis cariste, j'ai passé mon CACES et "
        "aujourd'hui je souhaite reprendre ce métier."
    ),
    "structure": (
        "Je peux accepter des missions en logistique ou dans le bâtiment ; avec un encadrant, "
        "j'apprends vite, par exemple sur un chantier l'an dernier."
    ),
    "periode": (
        "J'ai été incarcéré. J'ai travaillé à l'atelier et passé mon CACES. "
        "Aujourd'hui je suis prêt pour ce poste."
    ),
    "disponibilites": "Je suis disponible dès ma sortie en mars, je viendrai en bus.",
    "cloture": "Oui : qui sera mon tuteur les premiers jours ? Quels sont les horaires ?",
}
AUTRE = (
    "Un jour à l'atelier, un camion est arrivé en retard. J'ai organisé le déchargement avec un "
    "collègue et au final tout était rangé à temps."
)


def _vault(settings: Settings, projets: list[tuple[str, str]]) -> str:
    """A dossier with projects (title, ROME code), a past job ending in 2019, release in 2026."""
    settings.knowledge.build_index_in_background = False
    session = Session(settings)
    session.aujourd_hui = lambda: date(2026, 3, 2)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier(
        "MA-2026-051", TypeEtablissement.MAISON_ARRET, jour=date(2026, 3, 2)
    )
    if projets:
        dossier.etapes.projet.projets = [
            Projet(libelle_personne=t, code_rome=c) for t, c in projets
        ]
    dossier.etapes.experiences.experiences = [
        Experience(intitule_libre="magasinier", type="emploi_salarie", debut="2016", duree_mois=36)  # type: ignore[arg-type]
    ]
    dossier.etapes.situation.date_sortie_previsible = date(2026, 9, 1)
    session.save_dossier(dossier)
    session.lock()
    return dossier.id


def _app(settings: Settings):  # type: ignore[no-untyped-def]
    app = make_app(settings)
    app.session.aujourd_hui = lambda: date(2026, 3, 2)
    return app


async def _preparer(
    pilot: Pilot,
    employeur: str,
    *,
    poste: int = 0,
    duree: str = "courte",
    minuteur: bool = False,
    personne: bool = False,
) -> SimulationScreen:
    """F9 from the workspace, the settings chosen, the simulation started."""
    await ouvrir_entretien(pilot)
    await pilot.press("f9")
    await attendre(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, SimulationSetupDialog)
    dialog.query_one("#postes", OptionList).highlighted = poste
    dialog.query_one("#employeur", Select).value = employeur
    dialog.query_one("#duree", Select).value = duree
    dialog.query_one("#minuteur", Checkbox).value = minuteur
    dialog.query_one("#mode-personne", Checkbox).value = personne
    await pilot.press("ctrl+s")
    await attendre(pilot)
    ecran = pilot.app.screen
    assert isinstance(ecran, SimulationScreen)
    return ecran


def _fil(ecran: SimulationScreen) -> str:
    return "\n".join(ecran.query_one(FilSimulation).textes())


async def _repondre(pilot: Pilot, ecran: SimulationScreen, texte: str) -> None:
    ecran.query_one("#reponse", Input).value = texte
    await pilot.press("enter")
    await attendre(pilot)


async def _jouer(
    pilot: Pilot, ecran: SimulationScreen, reponses: dict[str, str] | None = None
) -> list[str]:
    """Answer every question (by phase); the questions asked, in order."""
    reponses = {**BONNES, **(reponses or {})}
    posees = []
    while ecran.phase == "entretien":
        question = ecran.simulation.question_courante
        assert question is not None
        posees.append(question.phase)
        await _repondre(pilot, ecran, reponses.get(question.phase, AUTRE))
    return posees


async def _finir(pilot: Pilot, ecran: SimulationScreen, avis: str = "J'étais stressé.") -> None:
    assert ecran.phase == "auto_evaluation"
    await _repondre(pilot, ecran, avis)
    await attendre(pilot)
    assert ecran.phase == "grille"


def _grille(ecran: SimulationScreen) -> str:
    return str(ecran.query_one("#grille", Static).render())


@pytest.mark.parametrize(
    ("projets", "employeur", "code", "structure"),
    [
        ([("Cariste", "N1101")], "interim", "N1101", "mission"),
        ([("Maçon", "F1703")], "siae", "F1703", "encadrant"),
    ],
    ids=["cariste-interim", "macon-siae"],
)
async def test_a_full_simulation_is_played_scored_and_saved(
    settings: Settings, projets: list[tuple[str, str]], employeur: str, code: str, structure: str
) -> None:
    dossier_id = _vault(settings, projets)
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, employeur)
        plan = ecran.reglages.plan
        assert plan.type_employeur == employeur and plan.poste.code_rome == code
        assert plan.annees_trou == (2019, 2026)  # last job 2016 + 3 years, release in 2026
        assert "Entraînement — ce n'est pas une évaluation" in str(
            ecran.query_one("#bandeau-simulation", Static).render()
        )
        posees = await _jouer(pilot, ecran)
        assert posees[-1] == "cloture" and "periode" in posees
        fil = _fil(ecran)
        assert "Qu'avez-vous fait entre 2019 et 2026 ?" in fil
        assert structure in fil.lower()
        # Self-assessment first (motivational style), then the grid.
        assert "comment vous êtes-vous senti" in fil
        assert str(ecran.query_one("#grille", Static).render()) == ""
        await _finir(pilot, ecran)
        grille = _grille(ecran)
        assert grille.index("Ce qui va bien") < grille.index("Détail, critère par critère")
        assert "J'étais stressé." in grille
        assert "Observation :" in grille and "Conseil :" in grille
        assert "Non notés" in grille and "À observer" in grille  # greeting, non-verbal
        assert ecran.grille is not None and len(ecran.grille.axes_progres) <= 2
        notes = {c.critere: c.note_1_4 for c in ecran.grille.criteres}
        assert len(notes) >= 6 and notes["explication_periode_detention"] >= 3
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert ecran.index_enregistre == 0
        await pilot.press("escape")
        await attendre(pilot)
        assert isinstance(pilot.app.screen, WorkspaceScreen)
    dossier = relire(settings, dossier_id)
    [simulation] = dossier.simulations
    assert simulation.code_rome == code and simulation.type_employeur == employeur
    assert simulation.date == date(2026, 3, 2) and simulation.duree == "courte"
    assert simulation.auto_evaluation == "J'étais stressé."
    assert {c.critere: c.note_1_4 for c in simulation.criteres} == notes
    assert simulation.origine_feedback == "regles"
    assert simulation.periode_refusee is False
    assert simulation.transcription is not None
    assert "Recruteur : Qu'avez-vous fait entre 2019 et 2026 ?" in simulation.transcription
    assert "Personne : J'ai été incarcéré." in simulation.transcription


async def test_empty_one_word_and_very_long_answers(settings: Settings) -> None:
    dossier_id = _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "entreprise")
        await _repondre(pilot, ecran, "")  # a silence: the recruiter follows up, once
        fil = _fil(ecran)
        assert "(silence)" in fil and "Relance du recruteur" in fil
        await _repondre(pilot, ecran, "Oui.")  # one word, after the follow-up: moves on
        assert ecran.simulation.echanges[0].reponse_relance == "Oui."
        await _repondre(pilot, ecran, "Bof.")  # one word on a new question: a follow-up
        assert ecran.simulation.replique_courante != ecran.simulation.question_courante.texte  # type: ignore[union-attr]
        await _repondre(pilot, ecran, "J'ai [bold]travaillé[/bold] " + "très longtemps " * 2000)
        fil = _fil(ecran)
        assert "seuls les 4000 premiers caractères sont gardés" in fil
        assert "caractères au total" in fil  # the bubble is cut, the screen stays usable
        assert "[bold]travaillé[/bold]" in fil  # the person's words are never markup
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran, "")
        await pilot.press("ctrl+s")
        await attendre(pilot)
    [simulation] = relire(settings, dossier_id).simulations
    assert simulation.auto_evaluation is None
    assert (
        simulation.transcription is not None and "Personne : (silence)" in simulation.transcription
    )
    presentation = next(c for c in simulation.criteres if c.critere == "presentation_de_soi")
    assert presentation.note_1_4 <= 2  # silence then « Oui. »


async def test_a_refused_gap_question_is_respected_and_not_scored(settings: Settings) -> None:
    dossier_id = _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "interim")
        posees = await _jouer(pilot, ecran, {"periode": "Je préfère ne pas en parler."})
        assert posees.count("periode") == 1
        fil = _fil(ecran)
        assert "Refus respecté : la question n'est pas reposée." in fil
        assert fil.count("Qu'avez-vous fait entre 2019 et 2026 ?") == 1
        await _finir(pilot, ecran)
        assert ecran.grille is not None
        assert ecran.grille.note("explication_periode_detention") is None
        assert "Explication de la période" in _grille(ecran).split("Non notés")[1]
        await pilot.press("ctrl+s")
        await attendre(pilot)
    [simulation] = relire(settings, dossier_id).simulations
    assert simulation.periode_refusee is True
    assert all(c.critere != "explication_periode_detention" for c in simulation.criteres)


async def test_a_job_sheet_without_skills_data_gets_generic_questions(settings: Settings) -> None:
    _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        await ouvrir_entretien(pilot)
        knowledge = pilot.app.session.knowledge.knowledge  # type: ignore[attr-defined]
        knowledge.fiches["N1101"] = dataclasses.replace(
            knowledge.fiches["N1101"], savoir_faire=(), savoir_etre=(), contextes=()
        )
        await pilot.press("f9")
        await attendre(pilot)
        await pilot.press("ctrl+s")
        await attendre(pilot)
        ecran = pilot.app.screen
        assert isinstance(ecran, SimulationScreen)
        assert ecran.reglages.plan.poste.competences == ()
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran)
        assert "Détail, critère par critère" in _grille(ecran)


async def test_a_typed_job_without_a_sheet_and_bad_years_in_the_setup(settings: Settings) -> None:
    _vault(settings, [])
    async with _app(settings).run_test(size=SIZE) as pilot:
        await ouvrir_entretien(pilot)
        await pilot.press("f9")
        await attendre(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, SimulationSetupDialog)
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is dialog
        assert "Choisissez le poste visé" in str(dialog.query_one("#erreur", Static).render())
        dialog.query_one("#recherche", Input).value = "Plongeur en cuisine collective"
        dialog.query_one("#recherche", Input).focus()
        await pilot.press("enter")
        await attendre(pilot)
        liste = dialog.query_one("#postes", OptionList)
        liste.highlighted = liste.option_count - 1  # « … sans fiche métier »
        dialog.query_one("#debut", Input).value = "19"
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is dialog
        assert "quatre chiffres" in str(dialog.query_one("#erreur", Static).render())
        dialog.query_one("#debut", Input).value = "2030"
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert "précéder" in str(dialog.query_one("#erreur", Static).render())
        dialog.query_one("#debut", Input).value = ""
        dialog.query_one("#fin", Input).value = ""
        await pilot.press("ctrl+s")
        await attendre(pilot)
        ecran = pilot.app.screen
        assert isinstance(ecran, SimulationScreen)
        assert ecran.reglages.plan.poste.code_rome is None
        assert ecran.reglages.plan.annees_trou is None
        assert "sans fiche métier" in str(ecran.query_one("#poste-simulation", Static).render())


async def test_the_counsellor_overrides_a_note_with_errors_in_french(settings: Settings) -> None:
    dossier_id = _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "entreprise")
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran)
        await pilot.press("f2")
        await attendre(pilot)
        assert isinstance(pilot.app.screen, ChoiceDialog)
        await pilot.press("enter")  # the first criterion: greeting (not scored by the rules)
        await attendre(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, NoteDialog)
        dialog.query_one("#note", Input).value = "x"
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is dialog
        assert "chiffre de 1 à 4" in str(dialog.query_one("#erreur", Static).render())
        dialog.query_one("#note", Input).value = "7"
        dialog.query_one("#observation", Input).value = "Bonjour franc, regard posé."
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is dialog
        assert "4" in str(dialog.query_one("#erreur", Static).render())
        dialog.query_one("#note", Input).value = "4"
        dialog.query_one("#observation", Input).value = ""
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is dialog
        assert str(dialog.query_one("#erreur", Static).render()).strip()
        dialog.query_one("#observation", Input).value = "Bonjour franc, regard posé."
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is ecran
        assert ecran.grille is not None
        accueil = ecran.grille.note("accueil_presentation")
        assert accueil is not None and accueil.note_1_4 == 4 and accueil.source == "conseiller"
        assert "Bonjour franc, regard posé." in _grille(ecran)
        await pilot.press("ctrl+s")
        await attendre(pilot)
    [simulation] = relire(settings, dossier_id).simulations
    accueil_sauve = next(c for c in simulation.criteres if c.critere == "accueil_presentation")
    assert accueil_sauve.note_1_4 == 4


async def test_a_vault_error_on_save_loses_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier_id = _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "entreprise")
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran)

        def panne(dossier: object) -> None:
            raise VaultError("Le coffre n'a pas pu être écrit (disque plein).")

        with monkeypatch.context() as m:
            m.setattr(pilot.app.session, "save_dossier", panne)  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await attendre(pilot)
        assert ecran.index_enregistre is None and ecran.modifiee
        assert ecran.entretien.dossier.simulations == []  # back to the saved state
        assert ecran.grille is not None and pilot.app.screen is ecran
        await pilot.press("ctrl+s")  # the disk is back: the same grid is saved
        await attendre(pilot)
        assert ecran.index_enregistre == 0
    assert len(relire(settings, dossier_id).simulations) == 1


async def test_person_mode_blocks_the_dossier_until_the_counsellor_takes_back(
    settings: Settings,
) -> None:
    _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "siae", personne=True, minuteur=True)
        assert ecran.has_class("personne") and not pilot.app.use_command_palette
        assert "Ctrl+R" in str(ecran.query_one("#consigne", Static).render())
        assert "dossier" not in ecran.sub_title
        assert "/ 10:00" in str(ecran.query_one("#minuteur", Static).render())
        debut = ecran.horloge()
        ecran.horloge = lambda: debut + 125  # the timer ticks every second on this clock
        await pilot.pause(1.2)
        assert str(ecran.query_one("#minuteur", Static).render()).startswith("⏱ 02:0")
        for touche in ("escape", "ctrl+p", "f4", "f2", "ctrl+s", "f9", "f8"):
            await pilot.press(touche)
            await attendre(pilot)
            assert pilot.app.screen is ecran, touche
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran)
        await pilot.press("ctrl+s")  # saving is the counsellor's
        await attendre(pilot)
        assert ecran.index_enregistre is None
        # The idle lock still works, and unlocking comes back to the same screen.
        await pilot.press("ctrl+l")
        await attendre(pilot)
        assert isinstance(pilot.app.screen, UnlockScreen)
        pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await attendre(pilot)
        assert pilot.app.screen is ecran
        await pilot.press("ctrl+r")
        await attendre(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Rendre la main au conseiller ?" in str(dialog.query_one("#question").render())
        await pilot.click("#oui")
        await attendre(pilot)
        assert pilot.app.screen is ecran and not ecran.has_class("personne")
        assert pilot.app.use_command_palette
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert ecran.index_enregistre == 0
        await pilot.press("escape")
        await attendre(pilot)
        assert isinstance(pilot.app.screen, WorkspaceScreen)


async def test_an_llm_with_scores_out_of_range_falls_back_to_the_offline_grid(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier_id = _vault(settings, [("Cariste", "N1101")])
    appels = []

    class Reponse:
        texte = json.dumps(
            {
                "criteres": [
                    {
                        "critere": "presentation_de_soi",
                        "note": 9,
                        "observation": "Très bien.",
                        "conseil": "Continuez.",
                    }
                ]
            }
        )

    class FaussePasserelle:
        def invoquer(self, messages: list[tuple[str, str]], *, dossier_id: str) -> Reponse:
            appels.append(dossier_id)
            return Reponse()

    monkeypatch.setattr(Session, "passerelle_llm", lambda self: FaussePasserelle())
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "interim")
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran)
        assert appels == [dossier_id]
        assert ecran.origine == "regles"
        message = str(ecran.query_one("#message-retour", Static).render())
        assert "note hors de l'échelle de 1 à 4" in message
        assert ecran.grille is not None and all(1 <= c.note_1_4 <= 4 for c in ecran.grille.criteres)
        await pilot.press("ctrl+s")
        await attendre(pilot)
    [simulation] = relire(settings, dossier_id).simulations
    assert simulation.origine_feedback == "regles"


async def test_progress_after_two_simulations_and_the_workshop(settings: Settings) -> None:
    dossier_id = _vault(settings, [("Cariste", "N1101"), ("Maçon", "F1703")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        ecran = await _preparer(pilot, "interim")
        await _jouer(pilot, ecran, {"presentation": "Bonjour."})
        await _finir(pilot, ecran)
        await pilot.press("ctrl+s")
        await attendre(pilot)
        await pilot.press("escape")
        await attendre(pilot)
        workspace = pilot.app.screen
        assert isinstance(workspace, WorkspaceScreen)
        await pilot.press(*"/simulation", "enter")
        await attendre(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, SimulationSetupDialog)
        dialog.query_one("#postes", OptionList).highlighted = 1
        dialog.query_one("#employeur", Select).value = "siae"
        await pilot.press("ctrl+s")
        await attendre(pilot)
        ecran = pilot.app.screen
        assert isinstance(ecran, SimulationScreen)
        await _jouer(pilot, ecran)
        await _finir(pilot, ecran)
        await pilot.press("ctrl+s")
        await attendre(pilot)
        await pilot.press("f4")
        await attendre(pilot)
        progression = pilot.app.screen
        assert isinstance(progression, ProgressionScreen)
        graphique = str(progression.query_one("#graphique", Static).render())
        assert "Présentation de soi" in graphique
        lignes = graphique.splitlines()
        presentation = lignes[lignes.index("Présentation de soi") + 1]
        assert presentation.split() == ["●○○○", "02/03", "●●●●", "02/03", "↗"]
        historique = str(progression.query_one("#historique", Static).render())
        assert "Cariste" in historique and "Maçon" in historique
        await pilot.press("escape")
        await attendre(pilot)
        # The workshop: live checks, details of the case refused, the wording kept.
        await pilot.press("f3")
        await attendre(pilot)
        atelier = pilot.app.screen
        assert isinstance(atelier, AtelierScreen)
        assert "L1221-6" in str(atelier.query_one("#cadre", Static).render())
        atelier.query_one("#etape-fait", Input).value = "J'ai été condamné pour vol."
        await attendre(pilot)
        signaux = str(atelier.query_one("#signaux", Static).render())
        assert "⚠" in signaux and "affaire" in signaux
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is atelier
        assert "affaire" in str(atelier.query_one("#erreur-atelier", Static).render())
        atelier.query_one("#etape-fait", Input).value = "J'ai été incarcéré pendant deux ans."
        atelier.query_one("#etape-acquis", Input).value = "J'ai passé mon CACES à l'atelier."
        atelier.query_one(
            "#etape-lien_poste", Input
        ).value = "J'ai appris la sécurité, essentielle pour ce poste."
        atelier.query_one("#etape-conclusion", Input).value = "Aujourd'hui je suis prêt."
        await attendre(pilot)
        assert "CACES" in atelier.query_one("#proposition", TextArea).text
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is ecran
        assert ecran.reponse_retenue and ecran.reponse_retenue.startswith("J'ai été incarcéré")
    dossier = relire(settings, dossier_id)
    assert [s.code_rome for s in dossier.simulations] == ["N1101", "F1703"]
    assert dossier.simulations[1].reponse_periode_detention_travaillee is not None
    assert "CACES" in dossier.simulations[1].reponse_periode_detention_travaillee
    assert dossier.simulations[0].reponse_periode_detention_travaillee is None


async def test_the_workshop_alone_needs_a_saved_simulation(settings: Settings) -> None:
    _vault(settings, [("Cariste", "N1101")])
    async with _app(settings).run_test(size=SIZE) as pilot:
        await ouvrir_entretien(pilot)
        await pilot.press(*"/simulation atelier", "enter")
        await attendre(pilot)
        atelier = pilot.app.screen
        assert isinstance(atelier, AtelierScreen)
        atelier.query_one(
            "#proposition", TextArea
        ).text = "J'ai été incarcéré. J'ai passé mon CACES. Aujourd'hui je suis prêt pour ce poste."
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert pilot.app.screen is atelier
        assert "aucune simulation" in str(atelier.query_one("#erreur-atelier", Static).render())
        await pilot.press("escape")
        await attendre(pilot)
        assert isinstance(pilot.app.screen, WorkspaceScreen)
