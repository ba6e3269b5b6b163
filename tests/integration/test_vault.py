"""The encrypted vault against the real SQLCipher library."""

import hashlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from factories import dossier_complet
from pydantic import ValidationError
from sqlcipher3 import dbapi2 as sqlite

from assistant.domain.errors import DonneesInvalides
from assistant.storage.dossiers import DossierRepository
from assistant.storage.errors import (
    DossierAlreadyExists,
    DossierNotFound,
    VaultAlreadyExists,
    VaultCorrupted,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
)
from assistant.storage.migrations import SCHEMA_VERSION
from assistant.storage.vault import PAGE_SIZE, Vault

pytestmark = pytest.mark.integration


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "coffre" / "coffre.db"


@pytest.fixture
def vault(vault_path: Path) -> Vault:
    v = Vault.create(vault_path, PASSPHRASE)
    yield v  # type: ignore[misc]
    v.close()


def _fingerprint(directory: Path) -> dict[str, str]:
    """Name and SHA-256 of every file of the vault's directory."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file()
    }


def _fill(vault: Vault, count: int = 1) -> list[str]:
    repo = DossierRepository(vault)
    ids = []
    for i in range(count):
        dossier = dossier_complet()
        dossier.reference = f"FICTIF-{i:03d}"
        dossier.id = f"{i:032x}"
        repo._insert(dossier)
        ids.append(dossier.id)
    return ids


def test_create_open_update_delete_cycle(vault: Vault, vault_path: Path) -> None:
    repo = DossierRepository(vault)
    created = repo.create("MA-2026-001", "maison_arret")
    created.etapes.situation.inquietude_principale = "Trouver un hébergement"
    repo.save(created)
    vault.close()

    reopened = Vault.open(vault_path, PASSPHRASE)
    repo = DossierRepository(reopened)
    dossiers, problems = repo.list()
    assert problems == []
    assert [d.reference for d in dossiers] == ["MA-2026-001"]
    assert repo.get(created.id).etapes.situation.inquietude_principale == "Trouver un hébergement"
    repo.delete(created.id)
    assert repo.list() == ([], [])
    with pytest.raises(DossierNotFound, match="n'existe plus"):
        repo.get(created.id)
    reopened.close()


def test_files_are_private(vault: Vault, vault_path: Path) -> None:
    assert stat.S_IMODE(vault_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600


def test_no_string_of_a_dossier_is_readable_on_disk(vault: Vault, vault_path: Path) -> None:
    repo = DossierRepository(vault)
    dossier = repo.create("ZQX-REF-4242", "centre_detention")
    dossier.etapes.situation.inquietude_principale = "Marqueur-Unique-Inquietude"
    dossier.etapes.freins.ressources_personnes = ["Marqueur Sœur à Valence"]
    dossier.etapes.experiences.periodes_sans_emploi_valorisables = ["Marqueur bénévolat foot"]
    repo.save(dossier)
    secrets = [
        "ZQX-REF-4242",
        "Marqueur-Unique-Inquietude",
        "Marqueur Sœur à Valence",
        "Marqueur bénévolat foot",
        "inquietude_principale",  # even the field names are encrypted
        PASSPHRASE,
    ]

    def scan() -> None:
        for path in vault_path.parent.iterdir():
            raw = path.read_bytes()
            for secret in secrets:
                for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                    assert encoded not in raw, f"« {secret} » lisible dans {path.name}"

    scan()  # while open: the write-ahead log holds the latest pages, encrypted too
    vault.close()
    scan()


def test_wrong_passphrase_opens_nothing_and_changes_no_byte(vault: Vault, vault_path: Path) -> None:
    _fill(vault)
    vault.close()
    before = _fingerprint(vault_path.parent)
    with pytest.raises(WrongPassphrase) as excinfo:
        Vault.open(vault_path, "tulipe cartable 47 orages")
    assert "rien n'a été modifié" in excinfo.value.message
    assert _fingerprint(vault_path.parent) == before


def test_empty_passphrase_is_refused(vault: Vault, vault_path: Path) -> None:
    vault.close()
    before = _fingerprint(vault_path.parent)
    with pytest.raises(WrongPassphrase, match="Saisissez la phrase secrète"):
        Vault.open(vault_path, "")
    assert _fingerprint(vault_path.parent) == before


def test_weak_passphrase_cannot_create_a_vault(vault_path: Path) -> None:
    with pytest.raises(WeakPassphrase, match="trop courte"):
        Vault.create(vault_path, "secret")
    assert not vault_path.exists()


def test_existing_vault_is_never_overwritten(vault: Vault, vault_path: Path) -> None:
    with pytest.raises(VaultAlreadyExists, match="existe déjà"):
        Vault.create(vault_path, PASSPHRASE)


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound, match="Créez-en un"):
        Vault.open(tmp_path / "absent.db", PASSPHRASE)


def test_truncated_vault_is_reported_and_left_alone(vault: Vault, vault_path: Path) -> None:
    _fill(vault, 5)
    vault.close()
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[: len(data) - 1000])
    before = _fingerprint(vault_path.parent)
    with pytest.raises(VaultCorrupted, match="tronqué"):
        Vault.open(vault_path, PASSPHRASE)
    assert _fingerprint(vault_path.parent) == before


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "coffre.db"
    path.write_bytes(b"")
    with pytest.raises(VaultCorrupted, match="vide"):
        Vault.open(path, PASSPHRASE)


def test_plain_sqlite_file_is_not_taken_for_a_vault(tmp_path: Path) -> None:
    path = tmp_path / "coffre.db"
    conn = sqlite.connect(str(path))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(VaultCorrupted, match="n'est pas un coffre chiffré"):
        Vault.open(path, PASSPHRASE)


def test_damaged_page_is_detected_at_open(vault: Vault, vault_path: Path) -> None:
    _fill(vault, 40)
    with vault.connection() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.close()
    data = bytearray(vault_path.read_bytes())
    assert len(data) >= 4 * PAGE_SIZE
    offset = 3 * PAGE_SIZE + 100
    data[offset : offset + 64] = bytes(64)
    vault_path.write_bytes(bytes(data))
    before = _fingerprint(vault_path.parent)
    with pytest.raises(VaultCorrupted, match="endommagé"):
        Vault.open(vault_path, PASSPHRASE)
    assert _fingerprint(vault_path.parent) == before


def test_vault_from_a_newer_version_is_refused_untouched(vault: Vault, vault_path: Path) -> None:
    with vault.connection() as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.close()
    before = _fingerprint(vault_path.parent)
    with pytest.raises(VaultTooNew, match="version plus récente"):
        Vault.open(vault_path, PASSPHRASE)
    assert _fingerprint(vault_path.parent) == before


def test_duplicate_reference_is_refused(vault: Vault) -> None:
    repo = DossierRepository(vault)
    repo.create("MA-2026-001", "maison_arret")
    with pytest.raises(DossierAlreadyExists, match="MA-2026-001"):
        repo.create("MA-2026-001", "sas")


def test_invalid_reference_gives_french_message_and_writes_nothing(vault: Vault) -> None:
    repo = DossierRepository(vault)
    with pytest.raises(DonneesInvalides) as excinfo:
        repo.create("1234567", "maison_arret")
    assert "numéro d'écrou" in excinfo.value.messages[0]
    assert repo.list() == ([], [])


def test_rejected_paste_keeps_what_was_saved(vault: Vault) -> None:
    repo = DossierRepository(vault)
    dossier = repo.create("MA-2026-002", "maison_arret")
    dossier.etapes.situation.inquietude_principale = "Le logement"
    repo.save(dossier)
    with pytest.raises(ValidationError):
        dossier.etapes.situation.inquietude_principale = "x" * 100_000
    with pytest.raises(ValidationError):
        dossier.etapes.situation.inquietude_principale = "\udcff\udcfe"
    assert repo.get(dossier.id).etapes.situation.inquietude_principale == "Le logement"


def test_unreadable_document_is_reported_without_hiding_the_others(vault: Vault) -> None:
    repo = DossierRepository(vault)
    repo.create("MA-2026-003", "maison_arret")
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO dossiers VALUES ('x', 'FUTUR-1', '2030-01-01', '2030-01-01', ?)",
            ('{"reference": "FUTUR-1", "champ_du_futur": 1}',),
        )
    dossiers, problems = repo.list()
    assert [d.reference for d in dossiers] == ["MA-2026-003"]
    assert problems and "FUTUR-1" in problems[0] and "mettez Passerelle à jour" in problems[0]


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from assistant.storage.vault import Vault
    from assistant.storage.dossiers import DossierRepository

    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    repo = DossierRepository(vault)
    dossier = repo.get(sys.argv[3])
    for i in range(1, 10_000):
        dossier.etapes.situation.inquietude_principale = f"Changement confirmé n° {i}"
        repo.save(dossier)
        print(i, flush=True)
    """
)


def test_sigkill_right_after_a_confirmed_change_loses_nothing(
    vault: Vault, vault_path: Path
) -> None:
    dossier_id = DossierRepository(vault).create("MA-2026-004", "maison_arret").id
    vault.close()
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(vault_path), PASSPHRASE, dossier_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    confirmed = 0
    for line in process.stdout:
        confirmed = int(line)
        if confirmed >= 25:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    reopened = Vault.open(vault_path, PASSPHRASE)
    saved = DossierRepository(reopened).get(dossier_id).etapes.situation.inquietude_principale
    reopened.close()
    assert saved is not None
    number = int(saved.rsplit(" ", 1)[1])
    # Every change reported as confirmed is there; at most the one in flight may also be.
    assert number >= confirmed


def test_sqlcipher_prints_nothing_on_a_wrong_passphrase(
    vault: Vault, vault_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "une autre phrase tout à fait fausse")
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_no_temporary_file_is_written(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    """A whole session of work in a subprocess leaves its temporary directory empty."""
    vault.close()
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from assistant.storage.vault import Vault
        from assistant.storage.dossiers import DossierRepository
        vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
        repo = DossierRepository(vault)
        for i in range(30):
            d = repo.create(f"TMP-{i:03d}", "maison_arret")
            d.etapes.situation.inquietude_principale = "x" * 200
            repo.save(d)
        repo.list()
        for d in repo.list()[0][:10]:
            repo.delete(d.id)
        vault.close()
        """
    )
    env = {**os.environ, "TMPDIR": str(scratch), "SQLITE_TMPDIR": str(scratch)}
    subprocess.run([sys.executable, "-c", script, str(vault_path), PASSPHRASE], check=True, env=env)
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["coffre.db"]


def test_path_with_uri_characters_is_used_as_is(tmp_path: Path) -> None:
    path = tmp_path / "dossier #1 ?%" / "coffre.db"
    Vault.create(path, PASSPHRASE).close()
    assert path.exists() and not (tmp_path / "dossier ").exists()
    Vault.open(path, PASSPHRASE).close()
