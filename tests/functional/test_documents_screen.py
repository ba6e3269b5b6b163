"""Documents through the interface: draft, review with sources, fix, validate, export by consent."""

from datetime import date
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from factories import dossier_complet
from pilote import attendre, ouvrir_entretien, relire
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, TextArea

from assistant.config import Settings
from assistant.domain.enums import StatutValidation, TypeBrouillon
from assistant.domain.steps import EtapeProjet, Projet
from assistant.session import Session
from assistant.tui.app import make_app
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.dialogs.sentence_editor import SentenceEditorDialog
from assistant.tui.screens.documents import DocumentsScreen
from assistant.tui.screens.workspace import WorkspaceScreen

pytestmark = pytest.mark.functional
SIZE = (120, 36)
JOUR = date(2026, 3, 2)


def _coffre(settings: Settings, projets: bool = True) -> str:
    """A vault with one complete fictitious dossier (consent: SPIP, without health)."""
    settings.knowledge.build_index_in_background = False
    session = Session(settings)
    session.aujourd_hui = lambda: JOUR
    session.create_vault(PASSPHRASE, PASSPHRASE)
    dossier = session.create_dossier("CP-2026-060", "centre_penitentiaire", jour=JOUR)
    complet = dossier_complet()
    complet.id, complet.reference, complet.rencontres = dossier.id, dossier.reference, []
    complet.nouvelle_rencontre(JOUR, "cip-07")
    complet.brouillons = []
    if not projets:  # and no job sheet anywhere in the dossier
        complet.etapes.projet = EtapeProjet()
        complet.etapes.experiences.experiences = [
            e.model_copy(update={"code_rome": None}) for e in complet.etapes.experiences.experiences
        ]
    session.save_dossier(complet)
    session.lock()
    return dossier.id


def _app(settings: Settings):  # type: ignore[no-untyped-def]
    app = make_app(settings)
    app.session.aujourd_hui = lambda: JOUR
    return app


def _phrases(ecran: DocumentsScreen) -> list[str]:
    liste = ecran.query_one("#phrases", OptionList)
    return [str(liste.get_option_at_index(i).prompt) for i in range(liste.option_count)]


async def _surligner(pilot: Pilot, ecran: DocumentsScreen, debut: str) -> int:
    liste = ecran.query_one("#phrases", OptionList)
    for i in range(liste.option_count):
        if str(liste.get_option_at_index(i).prompt).startswith(debut):
            liste.highlighted = i
            await pilot.pause()
            return i
    raise AssertionError(f"aucune phrase ne commence par {debut!r}")


async def _rediger_synthese(pilot: Pilot) -> DocumentsScreen:
    ecran_entretien = await ouvrir_entretien(pilot)
    ecran_entretien.query_one("#saisie", Input).value = "/synthese"
    await pilot.press("enter")
    await attendre(pilot)
    await attendre(pilot)
    ecran = pilot.app.screen
    assert isinstance(ecran, DocumentsScreen)
    return ecran


async def test_draft_fix_validate_and_export_a_synthesis(
    settings: Settings, tmp_path: Path
) -> None:
    dossier_id = _coffre(settings)
    app = _app(settings)
    sortie = tmp_path / "exports"
    sortie.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        ecran = await _rediger_synthese(pilot)
        phrases = _phrases(ecran)
        assert "CONTEXTE" in phrases and "PARCOURS" in phrases
        assert all(p.startswith("✓") for p in phrases if p[:1] in "✓⚠•")
        # The sources of the highlighted sentence are shown under the draft.
        await _surligner(pilot, ecran, "✓ Premier entretien")
        sources = str(ecran.query_one("#sources", Static).render())
        assert "Sources de la phrase" in sources and "02/03/2026" in sources

        # The counsellor rewrites a sentence with something that must never leave: flagged.
        await pilot.press("e")
        await attendre(pilot)
        dialogue = app.screen
        assert isinstance(dialogue, SentenceEditorDialog)
        dialogue.query_one(TextArea).text = "Il a été condamné pour vol avec violence."
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert app.screen is ecran
        assert any(p.startswith("⚠ Il a été condamné") for p in _phrases(ecran))
        assert "infraction" in str(ecran.query_one("#sources", Static).render())
        await pilot.press("v")
        await attendre(pilot)
        assert app.screen is ecran  # no confirmation offered while a sentence is flagged
        assert relire(settings, dossier_id).brouillons[0].statut is StatutValidation.BROUILLON

        # Removed, then read and validated.
        await _surligner(pilot, ecran, "⚠ Il a été condamné")
        await pilot.press("delete")
        await attendre(pilot)
        assert not any("condamné" in p for p in _phrases(ecran))
        await pilot.press("r")
        await attendre(pilot)
        await pilot.press("v")
        await attendre(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#oui")
        await attendre(pilot)
        valide = relire(settings, dossier_id).brouillons[0]
        assert valide.statut is StatutValidation.VALIDE_CONSEILLER
        assert valide.valide_par == "cip-07" and valide.relu_par == "cip-07"

        # Export: the consent decides before anything is written.
        await pilot.press("x")
        await attendre(pilot)
        export = app.screen
        assert isinstance(export, ExportDialog)
        export.query_one("#destinataire", Select).value = "employeur"
        await pilot.pause()
        assert "Export refusé" in str(export.query_one("#decision", Static).render())
        export.query_one("#dossier", Input).value = str(sortie)
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert app.screen is export
        assert "consentement" in str(export.query_one("#erreur", Static).render())
        assert list(sortie.iterdir()) == []

        export.query_one("#destinataire", Select).value = "spip"
        export.query_one("#format", Select).value = "docx"
        await pilot.pause()
        assert "Export possible" in str(export.query_one("#decision", Static).render())
        await pilot.press("ctrl+s")
        await attendre(pilot)
        assert app.screen is ecran
    fichiers = list(sortie.iterdir())
    assert [f.name for f in fichiers] == ["synthese_CP-2026-060_2026-03-02.docx"]
    session = Session(settings)
    session.unlock(PASSPHRASE)
    assert session.journal is not None
    evenements = [e.evenement for e in session.journal.entrees()]
    session.lock()
    for attendu in ("brouillon_cree", "brouillon_relu", "brouillon_valide", "export_refuse"):
        assert attendu in evenements
    assert evenements.count("export") == 1


async def test_a_cover_letter_asks_for_the_job_and_explains_when_there_is_none(
    settings: Settings,
) -> None:
    _coffre(settings, projets=False)
    app = _app(settings)
    async with app.run_test(size=SIZE) as pilot:
        await ouvrir_entretien(pilot)
        await pilot.press("f8")
        await attendre(pilot)
        ecran = app.screen
        assert isinstance(ecran, DocumentsScreen)
        await pilot.press("n")
        await attendre(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        app.screen.query_one(OptionList).highlighted = 3  # Lettre de motivation
        await pilot.press("enter")
        await attendre(pilot)
        assert app.screen is ecran
        assert "fiche ROME" in " ".join(str(n.message) for n in app._notifications)
        assert ecran.documents.brouillons == []

        dossier = ecran.documents.dossier
        dossier.etapes.projet.projets = [Projet(libelle_personne="maçon", code_rome="F1703")]
        app.session.save_dossier(dossier)
        await pilot.press("n")
        await attendre(pilot)
        app.screen.query_one(OptionList).highlighted = 3
        await pilot.press("enter")
        await attendre(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await attendre(pilot)
        await attendre(pilot)
        assert app.screen is ecran
        lettre = ecran.documents.brouillons[0]
        assert lettre.type is TypeBrouillon.LETTRE_MOTIVATION
        assert lettre.code_rome == "F1703" and not lettre.phrases_bloquantes()
        await pilot.press("escape")
        await attendre(pilot)
        assert isinstance(app.screen, WorkspaceScreen)


async def test_an_unreachable_model_falls_back_to_the_templates_with_a_message(
    settings: Settings,
) -> None:
    settings.llm.provider = "openai_compatible"
    settings.llm.base_url = "http://127.0.0.1:9/v1"  # discard port: nothing listens
    settings.llm.timeout_seconds = 5
    dossier_id = _coffre(settings)
    app = _app(settings)
    async with app.run_test(size=SIZE) as pilot:
        ecran = await _rediger_synthese(pilot)
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "modèle de langage" in messages.lower()
        assert _phrases(ecran)
    brouillon = relire(settings, dossier_id).brouillons[0]
    assert brouillon.origine == "modele_local" and not brouillon.phrases_bloquantes()
