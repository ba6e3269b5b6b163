"""`passerelle audit verify` and `passerelle audit show` on a real vault."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from assistant.session import Session

pytestmark = pytest.mark.integration
PASSERELLE = Path(sys.executable).with_name("passerelle")


def run(*args: str, stdin: str = PASSPHRASE + "\n") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PASSERELLE), *args], input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def coffre(unlocked_session: Session) -> Session:
    dossier = unlocked_session.create_dossier("CP-2026-031", "centre_penitentiaire")
    unlocked_session.entretien(dossier)
    unlocked_session.delete_dossier(dossier.id)
    unlocked_session.create_dossier("CP-2026-032", "maison_arret")
    unlocked_session.lock()
    return unlocked_session


def test_verify_passes_on_an_untouched_journal(coffre: Session) -> None:
    resultat = run("audit", "verify")
    assert resultat.returncode == 0, resultat.stderr
    # create vault, create, open, delete, create, lock; then this command's own opening.
    assert "Journal intègre : 7 entrées vérifiées." in resultat.stdout
    assert "Empreinte de la dernière entrée (n° 7) : " in resultat.stdout


def test_show_lists_events_in_french_without_content(coffre: Session) -> None:
    resultat = run("audit", "show")
    assert resultat.returncode == 0, resultat.stderr
    lignes = resultat.stdout.splitlines()
    assert "Coffre ouvert" in lignes[0]
    assert any("Dossier supprimé · dossier supprimé" in ligne for ligne in lignes)
    assert any("Dossier créé · dossier CP-2026-032" in ligne for ligne in lignes)
    filtre = run("audit", "show", "--dossier", "CP-2026-032")
    assert filtre.returncode == 0
    assert len(filtre.stdout.splitlines()) == 1


def test_verify_fails_on_a_tampered_journal(coffre: Session) -> None:
    coffre.unlock(PASSPHRASE)
    vault = coffre._vault
    assert vault is not None
    with vault.transaction() as conn:
        conn.execute("DELETE FROM journal WHERE seq = 3")
    coffre.lock()
    resultat = run("audit", "verify")
    assert resultat.returncode == 1
    assert "Journal altéré : l'entrée n° 3 manque" in resultat.stdout


def test_wrong_passphrase_and_missing_vault_are_explained(
    coffre: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resultat = run("audit", "verify", stdin="pas la bonne phrase\n")
    assert resultat.returncode == 2
    assert "Traceback" not in resultat.stderr
    assert "phrase secrète" in resultat.stderr.lower()
    monkeypatch.setenv("PASSERELLE_DATA_DIR", str(tmp_path / "ailleurs"))
    absent = run("audit", "verify")
    assert absent.returncode == 2
    assert "Aucun coffre" in absent.stderr
