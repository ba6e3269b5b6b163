"""SVG snapshots of the mock-interview screens at 80x24 and 160x48 (`pytest --snapshot-update`)."""

from datetime import date

import pytest
from conftest import PASSPHRASE
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, TextArea

from assistant.config import Settings
from assistant.domain.enums import TypeEtablissement
from assistant.domain.steps import Experience, Projet
from assistant.session import Session
from assistant.simulation.conduite import Simulation
from assistant.simulation.grille import noter_simulation
from assistant.simulation.plan import PosteCible, preparer
from assistant.simulation.resultat import vers_modele
from assistant.tui.app import PasserelleApp, make_app

pytestmark = pytest.mark.snapshot
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
JOUR = date(2026, 3, 2)
REPONSES = {
    "presentation": "J'ai travaillé trois ans comme magasinier, j'ai passé mon CACES.",
    "periode": "J'ai été incarcéré. J'ai passé mon CACES. Aujourd'hui je suis prêt pour ce poste.",
    "cloture": "Qui sera mon tuteur ? Quels sont les horaires ?",
}


def _vault(settings: Settings, simulations: int = 0) -> None:
    settings.knowledge.build_index_in_background = False
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier("MA-2026-051", TypeEtablissement.MAISON_ARRET, jour=JOUR)
    dossier.etapes.projet.projets = [
        Projet(libelle_personne="Cariste", code_rome="N1101"),
        Projet(libelle_personne="Maçon", code_rome="F1703"),
    ]
    dossier.etapes.experiences.experiences = [
        Experience(intitule_libre="magasinier", type="emploi_salarie", debut="2016", duree_mois=36)  # type: ignore[arg-type]
    ]
    dossier.etapes.situation.date_sortie_previsible = date(2026, 9, 1)
    poste = PosteCible("N1101", "Cariste", competences=("Conduire un chariot élévateur",))
    for numero in range(simulations):
        simulation = Simulation(preparer(poste, "interim", "courte", (2019, 2026), seed=numero))
        while not simulation.terminee:
            question = simulation.question_courante
            assert question is not None
            texte = "Bonjour." if numero == 0 else REPONSES.get(question.phase, "Oui, souvent.")
            simulation.repondre(texte)
        dossier.simulations.append(
            vers_modele(
                simulation, noter_simulation(simulation), jour=date(2026, 2, 2 + 7 * numero)
            )
        )
    session.save_dossier(dossier)
    session.lock()


def _app(settings: Settings) -> PasserelleApp:
    app = make_app(settings)
    app.session.aujourd_hui = lambda: JOUR
    return app


async def _steady(pilot: Pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for zone in pilot.app.screen.query(TextArea):
        zone.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _workspace(pilot: Pilot) -> None:
    pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
    await pilot.press("enter")
    await _steady(pilot)
    await pilot.press("enter")
    await _steady(pilot)
    await _steady(pilot)


async def _setup(pilot: Pilot) -> None:
    await _workspace(pilot)
    await pilot.press("f9")
    await _steady(pilot)


async def _start(pilot: Pilot, personne: bool = False) -> None:
    await _setup(pilot)
    pilot.app.screen.query_one("#mode-personne", Checkbox).value = personne
    await pilot.press("ctrl+s")
    await _steady(pilot)


async def _answer(pilot: Pilot, texte: str) -> None:
    pilot.app.screen.query_one("#reponse", Input).value = texte
    await pilot.press("enter")
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_simulation_setup(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault(settings)
    assert snap_compare(_app(settings), terminal_size=size, run_before=_setup)


@pytest.mark.parametrize("size", SIZES)
def test_simulation_in_progress(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault(settings)

    async def play(pilot: Pilot) -> None:
        await _start(pilot)
        await _answer(pilot, "")
        await _answer(pilot, REPONSES["presentation"])

    assert snap_compare(_app(settings), terminal_size=size, run_before=play)


@pytest.mark.parametrize("size", SIZES)
def test_simulation_person_mode(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault(settings)

    async def play(pilot: Pilot) -> None:
        await _start(pilot, personne=True)
        await _answer(pilot, REPONSES["presentation"])

    assert snap_compare(_app(settings), terminal_size=size, run_before=play)


@pytest.mark.parametrize("size", SIZES)
def test_simulation_grid(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault(settings)

    async def play(pilot: Pilot) -> None:
        await _start(pilot)
        screen = pilot.app.screen
        while screen.phase == "entretien":  # type: ignore[attr-defined]
            question = screen.simulation.question_courante  # type: ignore[attr-defined]
            await _answer(pilot, REPONSES.get(question.phase, "Oui, je l'ai fait souvent."))
        await _answer(pilot, "J'étais stressé au début.")

    assert snap_compare(_app(settings), terminal_size=size, run_before=play)


@pytest.mark.parametrize("size", SIZES)
def test_simulation_progress(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault(settings, simulations=2)

    async def progress(pilot: Pilot) -> None:
        await _workspace(pilot)
        await pilot.press(*"/simulation progres", "enter")
        await _steady(pilot)

    assert snap_compare(_app(settings), terminal_size=size, run_before=progress)


@pytest.mark.parametrize("size", SIZES)
def test_simulation_workshop(snap_compare, settings: Settings, size: tuple[int, int]) -> None:
    _vault(settings, simulations=1)

    async def workshop(pilot: Pilot) -> None:
        await _workspace(pilot)
        await pilot.press(*"/simulation atelier", "enter")
        await _steady(pilot)
        pilot.app.screen.query_one("#etape-fait", Input).value = "J'ai été incarcéré."
        await _steady(pilot)

    assert snap_compare(_app(settings), terminal_size=size, run_before=workshop)
