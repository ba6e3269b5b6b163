"""The journal of events in a real SQLCipher vault: chained, tamper-evident, content-free."""

import itertools
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from assistant.storage.journal import GENESE, Journal
from assistant.storage.vault import Vault

pytestmark = pytest.mark.integration


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    v = Vault.create(tmp_path / "coffre.db", PASSPHRASE)
    yield v  # type: ignore[misc]
    v.close()


def _remplir(journal: Journal) -> None:
    journal.ajouter("coffre_ouvert")
    journal.ajouter("dossier_cree", dossier_id="d1")
    journal.ajouter(
        "export",
        dossier_id="d1",
        destinataire="spip",
        perimetre="synthese_complete",
        fichier="synthese_CP-01_2026-11-26.docx",
    )
    journal.ajouter(
        "appel_llm", dossier_id="d1", fournisseur="ollama", local=True, pseudonymise=False
    )
    journal.ajouter("coffre_verrouille")


def test_entries_are_chained_in_order(vault: Vault) -> None:
    journal = Journal(vault)
    _remplir(journal)
    entrees = journal.entrees()
    assert [e.seq for e in entrees] == [1, 2, 3, 4, 5]
    assert entrees[0].empreinte_precedente == GENESE
    assert all(b.empreinte_precedente == a.empreinte for a, b in itertools.pairwise(entrees))
    assert entrees[2].details["fichier"] == "synthese_CP-01_2026-11-26.docx"
    assert entrees[3].details["local"] is True
    assert [e.seq for e in journal.entrees(dossier_id="d1")] == [2, 3, 4]
    assert [e.seq for e in journal.entrees(limite=2)] == [4, 5]
    verification = journal.verifier()
    assert verification.ok and verification.entrees == 5
    assert "5 entrées" in verification.message


def test_entries_survive_reopening(vault: Vault, tmp_path: Path) -> None:
    _remplir(Journal(vault))
    vault.close()
    rouvert = Vault.open(tmp_path / "coffre.db", PASSPHRASE)
    try:
        assert Journal(rouvert).verifier().ok
        assert len(Journal(rouvert).entrees()) == 5
    finally:
        rouvert.close()


@pytest.mark.parametrize(
    ("alteration", "attendu"),
    [
        (
            'UPDATE journal SET details = \'{"destinataire":"employeur"}\' WHERE seq = 3',
            "l'entrée n° 3 a été modifiée",
        ),
        ("UPDATE journal SET evenement = 'purge' WHERE seq = 1", "l'entrée n° 1 a été modifiée"),
        ("DELETE FROM journal WHERE seq = 2", "l'entrée n° 2 manque"),
        ("UPDATE journal SET seq = seq + 10 WHERE seq = 4", "l'entrée n° 4 manque"),
    ],
)
def test_tampering_is_detected(vault: Vault, alteration: str, attendu: str) -> None:
    journal = Journal(vault)
    _remplir(journal)
    with vault.transaction() as conn:
        conn.execute(alteration)
    verification = journal.verifier()
    assert not verification.ok
    assert attendu in verification.message


def test_reordering_is_detected(vault: Vault) -> None:
    journal = Journal(vault)
    _remplir(journal)
    # Swap the contents of entries 2 and 3 while keeping their sequence numbers.
    with vault.transaction() as conn:
        lignes = {
            seq: rest
            for seq, *rest in conn.execute(
                "SELECT seq, horodatage, evenement, dossier_id, details, empreinte_precedente, "
                "empreinte FROM journal WHERE seq IN (2, 3)"
            )
        }
        for seq, autre in ((2, 3), (3, 2)):
            conn.execute(
                "UPDATE journal SET horodatage = ?, evenement = ?, dossier_id = ?, details = ?, "
                "empreinte_precedente = ?, empreinte = ? WHERE seq = ?",
                (*lignes[autre], seq),
            )
    verification = journal.verifier()
    assert not verification.ok
    assert "entrée n° 2" in verification.message


def test_a_rewritten_entry_with_a_fresh_digest_breaks_the_next_link(vault: Vault) -> None:
    journal = Journal(vault)
    _remplir(journal)
    from assistant.storage.journal import empreinte

    with vault.transaction() as conn:
        seq, horo, _, dossier, details, prec = conn.execute(
            "SELECT seq, horodatage, evenement, dossier_id, details, empreinte_precedente "
            "FROM journal WHERE seq = 2"
        ).fetchone()
        nouvelle = empreinte(seq, horo, "dossier_supprime", dossier, details, prec)
        conn.execute(
            "UPDATE journal SET evenement = 'dossier_supprime', empreinte = ? WHERE seq = 2",
            (nouvelle,),
        )
    verification = journal.verifier()
    assert not verification.ok
    assert "rompue à l'entrée n° 3" in verification.message


def test_content_cannot_be_logged(vault: Vault) -> None:
    journal = Journal(vault)
    with pytest.raises(ValueError):
        journal.ajouter("export", dossier_id="d1", note="x" * 500)
    with pytest.raises(TypeError):
        journal.ajouter("export", dossier_id="d1", contenu=["liste"])  # type: ignore[arg-type]
    assert journal.entrees() == []
