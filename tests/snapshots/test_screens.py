"""SVG snapshots of the main screens at 80x24 (update with `pytest --snapshot-update`)."""

from datetime import date

import pytest
from conftest import PASSPHRASE
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.config import Settings
from assistant.domain.enums import TypeEtablissement
from assistant.session import Session
from assistant.tui.app import make_app

pytestmark = pytest.mark.snapshot
SIZE = (80, 24)


async def _steady(pilot: Pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_create_vault_screen(snap_compare, settings: Settings) -> None:
    assert snap_compare(make_app(settings), terminal_size=SIZE, run_before=_steady)


def test_dossiers_list(snap_compare, settings: Settings) -> None:
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

    assert snap_compare(make_app(settings), terminal_size=SIZE, run_before=unlock)


def test_dossier_overview(snap_compare, settings: Settings) -> None:
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier("MA-2026-014", TypeEtablissement.MAISON_ARRET)
    dossier.etapes.situation.statut_penal = "prevenu"  # type: ignore[assignment]
    session.save_dossier(dossier)
    session.lock()

    async def open_first(pilot: Pilot) -> None:
        pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press("enter")
        await _steady(pilot)

    assert snap_compare(make_app(settings), terminal_size=SIZE, run_before=open_first)
