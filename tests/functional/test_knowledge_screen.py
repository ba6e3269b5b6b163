"""The knowledge explorer in the terminal interface (lexical search; no index build in tests)."""

import pytest
from conftest import PASSPHRASE
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from assistant.config import load_settings
from assistant.session import Session
from assistant.tui.app import make_app
from assistant.tui.screens.knowledge import KnowledgeScreen

pytestmark = pytest.mark.functional


async def _search(pilot: Pilot, kind: str, query: str, place: str = "") -> KnowledgeScreen:
    screen = pilot.app.screen
    assert isinstance(screen, KnowledgeScreen)
    screen.query_one("#type", Select).value = kind
    screen.query_one("#lieu", Input).value = place
    field = screen.query_one("#requete", Input)
    field.value = query
    field.focus()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def _rows(screen: KnowledgeScreen) -> list[list[str]]:
    table = screen.query_one("#resultats", DataTable)
    return [list(map(str, table.get_row_at(i))) for i in range(table.row_count)]


def _text(screen: KnowledgeScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_explorer_finds_jobs_certifications_and_services() -> None:
    settings = load_settings(knowledge={"build_index_in_background": False})
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    session.lock()
    app = make_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("k")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, KnowledgeScreen)
        assert "par les mots seulement" in _text(screen, "#index")

        screen = await _search(pilot, "metiers", "Cariste H/F", "Occitanie")
        rows = _rows(screen)
        assert rows[0][:2] == ["N1101", "Cariste"]
        assert "projets de recrutement en Occitanie" in _text(screen, "#pourquoi")
        # What the job is, for the person beside the counsellor.
        assert "chariot" in _text(screen, "#pourquoi")

        screen = await _search(pilot, "metiers", "Cariste", "Atlantide")
        assert "Région inconnue" in _text(screen, "#pourquoi")

        screen = await _search(pilot, "certifications", "cariste")
        assert "Titre professionnel cariste d'entrepôt" in [row[1] for row in _rows(screen)]

        screen = await _search(pilot, "services", "chantier d'insertion", "69")
        assert _rows(screen) and all(row[0] == "69" for row in _rows(screen))

        # Housing is not in the shipped pack: the counsellor reads why and how to add it, not
        # an employment site whose name says « urgence ».
        screen = await _search(pilot, "services", "hébergement d'urgence", "69")
        assert _rows(screen) == []
        assert "importez l'export data·inclusion" in _text(screen, "#pourquoi")

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KnowledgeScreen)
