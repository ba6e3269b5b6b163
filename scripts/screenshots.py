"""SVG screenshots of the main screens, from the real application on the demo vault.

Run: `.venv/bin/python scripts/screenshots.py [--index DIR] [--sortie docs/captures]`.
Everything is fictional (the demo dossiers, `assistant.demo`) and dated as if today were
26 November 2026, so two runs give the same images. Without `--index` the knowledge index is not
built (search by words only, as written in the panels); `--index DIR` copies the ready `index/`
of a data directory (never written to) for suggestions by meaning.
"""

import argparse
import asyncio
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from assistant.config import load_settings
from assistant.demo import emplacement_demo, session_demo
from assistant.locations import Locations
from assistant.session import Session
from assistant.tui.app import PasserelleApp

ROOT = Path(__file__).resolve().parents[1]
JOUR = dt.date(2026, 11, 26)
SIZE = (120, 36)
PHRASE_DEMO = "demo-passerelle-fictif"


async def _steady(pilot: Pilot) -> None:
    app = pilot.app
    for champ in app.screen.query(Input):
        champ.cursor_blink = False
    await app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def _captures(app: PasserelleApp, sortie: Path) -> list[Path]:
    faites: list[Path] = []

    def capture(nom: str) -> None:
        chemin = sortie / f"{nom}.svg"
        chemin.write_text(app.export_screenshot(), encoding="utf-8")
        faites.append(chemin)

    async with app.run_test(size=SIZE) as pilot:
        await _steady(pilot)
        capture("01-deverrouillage")

        app.screen.query_one("#phrase", Input).value = PHRASE_DEMO
        await pilot.press("enter")
        await _steady(pilot)
        capture("02-dossiers")

        await pilot.press("k")
        await _steady(pilot)
        app.screen.query_one("#requete", Input).value = "j'ai fait du placo sur des chantiers"
        await pilot.press("enter")
        await _steady(pilot)
        await _steady(pilot)
        capture("03-connaissances")
        await pilot.press("escape")
        await _steady(pilot)

        table = app.screen.query_one("#dossiers", DataTable)
        resumes = app.screen._resumes.values()  # type: ignore[attr-defined]
        ident = next(r.id for r in resumes if r.reference == "DEMO-FICTIF-P1")
        table.move_cursor(row=table.get_row_index(ident))
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press(*"/metiers", "enter")
        await _steady(pilot)
        capture("04-entretien-metiers")

        await pilot.press(*"/plan", "enter")
        await _steady(pilot)
        capture("05-plan")

        await pilot.press(*"/synthese", "enter")
        await _steady(pilot)
        await _steady(pilot)
        await pilot.press("down", "down", "down")
        await _steady(pilot)
        capture("06-synthese")
        await pilot.press("escape")
        await _steady(pilot)

        await pilot.press("f9")
        await _steady(pilot)
        app.screen.query_one("#employeur", Select).value = "siae"
        await pilot.press("ctrl+s")
        await _steady(pilot)
        app.screen.query_one("#reponse", Input).value = (
            "J'ai travaillé deux ans en chantier, puis à l'atelier ; je voudrais reprendre "
            "dans le bâtiment."
        )
        await pilot.press("enter")
        await _steady(pilot)
        capture("07-simulation")
        await pilot.press("ctrl+r")
        await _steady(pilot)

        await pilot.press("f1")
        await _steady(pilot)
        capture("08-aide")
    return faites


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="data directory holding a ready index/ (copied)")
    parser.add_argument("--sortie", default=str(ROOT / "docs" / "captures"))
    args = parser.parse_args()
    sortie = Path(args.sortie)
    sortie.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        if args.index:
            source = Path(args.index).expanduser()
            shutil.copytree(
                source / "index" if (source / "index").is_dir() else source, data_dir / "index"
            )
        settings = load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir)
        settings.knowledge.build_index_in_background = False
        session_demo(settings, aujourd_hui=JOUR).lock()
        locations = Locations(data_dir, vault_dir=emplacement_demo(data_dir))
        session = Session(settings, locations=locations)
        session.aujourd_hui = lambda: JOUR  # the plan's countdown, as on the demo's day
        app = PasserelleApp(session, demo=True)
        faites = asyncio.run(_captures(app, sortie))
    for chemin in faites:
        print(chemin.relative_to(ROOT) if chemin.is_relative_to(ROOT) else chemin)
    if app.return_code not in (None, 0):
        sys.exit(app.return_code)


if __name__ == "__main__":
    main()
