"""The demo vault for real (SQLCipher): separate, idempotent, reopened with its passphrase."""

from datetime import date

import pytest

from assistant.config import Settings
from assistant.demo import (
    PHRASE_SECRETE_DEMO,
    REFERENCES_DEMO,
    dossiers_demo,
    emplacement_demo,
    installer_demo,
    session_demo,
)
from assistant.domain.dossier import Dossier
from assistant.session import Session

pytestmark = pytest.mark.integration
AUJOURD_HUI = date(2026, 3, 15)


def _par_reference(session: Session) -> dict[str, Dossier]:
    dossiers, problems = session.dossiers.list()
    assert problems == []
    return {d.reference: d for d in dossiers}


def _sans_tenue(dossier: Dossier) -> dict:
    """The content of a dossier, without what the vault itself assigns (id, write time)."""
    return dossier.model_dump(exclude={"id", "modifie_le"})


def test_install_twice_then_reopen(settings: Settings) -> None:
    session = Session(settings, data_dir=emplacement_demo(settings.data_dir))
    session.create_vault(PHRASE_SECRETE_DEMO, PHRASE_SECRETE_DEMO)

    ecrits = installer_demo(session, AUJOURD_HUI)
    assert [d.reference for d in ecrits] == list(REFERENCES_DEMO)
    assert installer_demo(session, AUJOURD_HUI) == []
    avant = _par_reference(session)
    assert sorted(avant) == sorted(REFERENCES_DEMO)
    attendus = {d.reference: d for d in dossiers_demo(AUJOURD_HUI)}
    for reference, dossier in avant.items():
        assert _sans_tenue(dossier) == _sans_tenue(attendus[reference])
    session.lock()

    rouverte = Session(settings, data_dir=emplacement_demo(settings.data_dir))
    rouverte.unlock(PHRASE_SECRETE_DEMO)
    try:
        assert _par_reference(rouverte) == avant
        resumes, _ = rouverte.list_dossiers()
        assert {r.reference: r.profil.value for r in resumes if r.profil} == {
            "DEMO-FICTIF-P0": "P0",
            "DEMO-FICTIF-P1": "P1",
            "DEMO-FICTIF-P3": "P3",
        }
    finally:
        rouverte.lock()
    # The counsellor's own vault was never created nor touched.
    assert not Session(settings).vault_exists


def test_installing_again_keeps_what_was_typed_during_a_demo(settings: Settings) -> None:
    session = session_demo(settings, AUJOURD_HUI)
    try:
        p0 = _par_reference(session)["DEMO-FICTIF-P0"]
        p0.etapes.experiences.periodes_sans_emploi_valorisables = ["Club de boxe éducative"]
        session.save_dossier(p0)
        session.dossiers.delete(_par_reference(session)["DEMO-FICTIF-P3"].id)

        assert [d.reference for d in installer_demo(session, AUJOURD_HUI)] == ["DEMO-FICTIF-P3"]
        apres = _par_reference(session)
        assert apres["DEMO-FICTIF-P0"].etapes.experiences.periodes_sans_emploi_valorisables == [
            "Club de boxe éducative"
        ]
        assert len(apres) == 3
    finally:
        session.lock()


def test_session_demo_creates_then_reopens_the_demo_vault(settings: Settings) -> None:
    premiere = session_demo(settings, AUJOURD_HUI)
    fichier = premiere.locations.vault_file
    premiere.lock()
    assert fichier.parent == emplacement_demo(settings.data_dir)
    assert not Session(settings).vault_exists

    seconde = session_demo(settings, AUJOURD_HUI)
    try:
        assert seconde.is_unlocked
        assert sorted(_par_reference(seconde)) == sorted(REFERENCES_DEMO)
        # Public knowledge is not duplicated for the demo.
        assert seconde.locations.index_dir == Session(settings).locations.index_dir
    finally:
        seconde.lock()
