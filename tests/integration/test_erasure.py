"""Erasure leaves no byte of the dossier in the vault file, its WAL or its SHM.

The vault is encrypted, so a raw scan of it could never find anything: this test runs the same
storage code on a database opened with an empty key (SQLCipher then writes plain pages) and
scans every byte. It first proves that the scan sees the data while it exists.
"""

from pathlib import Path

import pytest
from factories import dossier_complet

from assistant.storage.dossiers import DossierRepository
from assistant.storage.migrations import migrate
from assistant.storage.vault import Vault, _configure, sqlite

pytestmark = pytest.mark.integration

MARQUEUR = "Zyxqua-Marqueur-Effacement"


def _coffre_en_clair(chemin: Path) -> Vault:
    # No PRAGMA key: SQLCipher behaves as plain SQLite; the rest is the vault's own setup.
    conn = sqlite.connect(str(chemin), isolation_level=None, check_same_thread=False)
    _configure(conn)
    migrate(conn)
    return Vault(chemin, conn)


def _octets(chemin: Path) -> bytes:
    fichiers = [
        chemin,
        chemin.with_name(chemin.name + "-wal"),
        chemin.with_name(chemin.name + "-shm"),
    ]
    return b"".join(f.read_bytes() for f in fichiers if f.exists())


def test_deleted_dossier_leaves_no_byte_behind(tmp_path: Path) -> None:
    chemin = tmp_path / "coffre.db"
    vault = _coffre_en_clair(chemin)
    repo = DossierRepository(vault)
    temoin = dossier_complet()
    temoin.reference = "TEMOIN-01"
    temoin.etapes.synthese.resume_personne = "Dossier témoin conservé."
    repo._insert(temoin)
    dossier = dossier_complet()
    dossier.reference = "EFFACE-01"
    repo._insert(dossier)
    # Several versions of the document, as an interview writes them.
    for i in range(12):
        dossier.etapes.synthese.resume_personne = f"{MARQUEUR} version {i} " + "x" * 300
        repo.save(dossier)
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO correspondances VALUES (?, ?, ?, ?)",
            (dossier.id, "[PERSONNE_1]", "PERSONNE", f"{MARQUEUR} Nom"),
        )
    assert MARQUEUR.encode() in _octets(chemin)  # the scan sees plain data while it exists

    repo.delete(dossier.id)
    vault.close()

    brut = _octets(chemin)
    assert MARQUEUR.encode() not in brut
    assert b"EFFACE-01" not in brut
    assert dossier.id.encode() not in brut
    assert b"TEMOIN-01" in brut  # the other dossier is untouched
