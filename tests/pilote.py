"""Pilot steps shared by the functional tests of the interview workspace (fictitious dossiers)."""

from datetime import date

from conftest import PASSPHRASE
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.config import Settings
from assistant.domain.dossier import Dossier
from assistant.domain.enums import TypeEtablissement
from assistant.session import Session
from assistant.tui.screens.workspace import WorkspaceScreen


def coffre_avec_dossier(settings: Settings, reference: str, jour: date) -> str:
    """A vault holding one new dossier; the dense index is not built in the background."""
    settings.knowledge.build_index_in_background = False
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier(reference, TypeEtablissement.MAISON_ARRET, jour=jour)
    session.lock()
    return dossier.id


def relire(settings: Settings, dossier_id: str) -> Dossier:
    """The dossier as stored in the vault, read by a new session."""
    session = Session(settings)
    session.unlock(PASSPHRASE)
    try:
        return session.get_dossier(dossier_id)
    finally:
        session.lock()


async def attendre(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ouvrir_entretien(pilot: Pilot) -> WorkspaceScreen:
    """Unlock, open the first dossier of the list, wait for its suggestions."""
    pilot.app.screen.query_one("#phrase", Input).value = PASSPHRASE
    await pilot.press("enter")
    await attendre(pilot)
    await pilot.press("enter")
    await attendre(pilot)
    await attendre(pilot)
    assert isinstance(pilot.app.screen, WorkspaceScreen)
    return pilot.app.screen


async def dire(pilot: Pilot, screen: WorkspaceScreen, texte: str) -> None:
    """Type what the person says in the chat and send it."""
    screen.query_one("#saisie", Input).value = texte
    await pilot.press("enter")
    await attendre(pilot)
