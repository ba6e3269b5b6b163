"""`passerelle purge`: a dry run first, then erasure of the dossiers past their period."""

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from assistant.session import Session

pytestmark = pytest.mark.integration
PASSERELLE = Path(sys.executable).with_name("passerelle")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PASSERELLE), *args],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def coffre(unlocked_session: Session) -> Session:
    aujourd_hui = date.today()
    unlocked_session.create_dossier("MA-ANCIEN", "maison_arret", aujourd_hui - timedelta(days=800))
    unlocked_session.create_dossier("MA-RECENT", "maison_arret", aujourd_hui - timedelta(days=30))
    unlocked_session.lock()
    return unlocked_session


def test_dry_run_lists_and_keeps_then_apply_erases(coffre: Session) -> None:
    essai = run("purge")
    assert essai.returncode == 0, essai.stderr
    assert "MA-ANCIEN" in essai.stdout and "MA-RECENT" not in essai.stdout
    assert "Rien n'a été effacé" in essai.stdout
    coffre.unlock(PASSPHRASE)
    assert {d.reference for d in coffre.list_dossiers()[0]} == {"MA-ANCIEN", "MA-RECENT"}
    coffre.lock()

    reel = run("purge", "--appliquer")
    assert reel.returncode == 0, reel.stderr
    assert "1 dossier(s) effacé(s) définitivement." in reel.stdout
    coffre.unlock(PASSPHRASE)
    assert [d.reference for d in coffre.list_dossiers()[0]] == ["MA-RECENT"]
    assert coffre.journal is not None
    evenements = [e.evenement for e in coffre.journal.entrees()]
    assert evenements.count("purge") == 1 and "dossier_supprime" in evenements
    coffre.lock()
    assert "Aucun dossier n'a dépassé" in run("purge").stdout


def test_retention_period_comes_from_the_configuration(
    coffre: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PASSERELLE_VAULT__RETENTION_MONTHS", "1")
    essai = run("purge")
    assert "MA-ANCIEN" in essai.stdout and "MA-RECENT" not in essai.stdout
    monkeypatch.setenv("PASSERELLE_VAULT__RETENTION_MONTHS", "0")
    refuse = run("purge")
    assert refuse.returncode == 2
    assert "retention_months" in refuse.stderr and "Traceback" not in refuse.stderr
