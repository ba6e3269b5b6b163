"""What the application writes to the journal as the counsellor works (never content)."""

import pytest
from conftest import PASSPHRASE

from assistant.guide.extraction.proposals import Proposition
from assistant.session import Session

pytestmark = pytest.mark.integration


def test_the_life_of_a_dossier_is_journaled_without_content(unlocked_session: Session) -> None:
    session = unlocked_session
    dossier = session.create_dossier("CP-2026-040", "centre_penitentiaire")
    entretien = session.entretien(dossier)
    entretien.confirmer(
        Proposition(
            9,
            "consentements",
            {
                "destinataire": "spip",
                "perimetre": "synthese_complete",
                "accord": True,
                "date": "2026-11-26",
                "recueilli_par": "cip-07",
            },
            "Accord pour le SPIP",
            "ajouter",
        )
    )
    entretien.retirer(9, "consentements", 0)
    session.delete_dossier(dossier.id)
    session.lock()
    session.unlock(PASSPHRASE)
    assert session.journal is not None
    entrees = session.journal.entrees()
    assert [e.evenement for e in entrees] == [
        "coffre_ouvert",
        "dossier_cree",
        "dossier_ouvert",
        "consentement_modifie",
        "consentement_modifie",
        "dossier_supprime",
        "coffre_verrouille",
        "coffre_ouvert",
    ]
    assert [e.details.get("consentements") for e in entrees[3:5]] == [1, 0]
    assert all(e.dossier_id == dossier.id for e in entrees[1:6])
    brut = repr([(e.evenement, e.details) for e in entrees])
    assert "CP-2026-040" not in brut and "cip-07" not in brut
    assert session.journal.verifier().ok
