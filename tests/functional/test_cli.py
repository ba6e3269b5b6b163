"""The `passerelle` command as a counsellor runs it (real installed entry point)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from assistant import __version__
from assistant.config import Settings
from assistant.session import Session

pytestmark = pytest.mark.functional
# The console script installed beside the interpreter running the tests.
PASSERELLE = Path(sys.executable).with_name("passerelle")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    assert PASSERELLE.exists(), "the passerelle command is installed by `make test`"
    return subprocess.run([str(PASSERELLE), *args], capture_output=True, text=True, timeout=60)


def test_version_and_help_in_french() -> None:
    assert run("--version").stdout.strip() == f"passerelle {__version__}"
    aide = run("--help")
    assert aide.returncode == 0
    assert "Utilisation : passerelle" in aide.stdout
    assert "Commandes:" in aide.stdout and "doctor" in aide.stdout
    assert "Affiche cette aide" in aide.stdout


def test_unknown_command_or_option_is_explained_without_traceback() -> None:
    for args, attendu in ((["nimporte"], "Commande non reconnue"), (["--foo"], "Option inconnue")):
        result = run(*args)
        assert result.returncode == 2
        assert attendu in result.stderr and "Traceback" not in result.stderr


def test_doctor_is_honest_on_a_fresh_install() -> None:
    result = run("doctor")
    assert result.returncode == 0, result.stdout
    lignes = result.stdout.splitlines()
    assert any(ligne.startswith("OK") and "SQLCipher 4." in ligne for ligne in lignes)
    assert any(
        ligne.startswith("ATTENTION") and "Coffre chiffré : pas encore créé" in ligne
        for ligne in lignes
    )
    assert any(
        "Index de recherche" in ligne and "pas encore construit" in ligne for ligne in lignes
    )
    assert any(ligne.startswith("OK") and "Paquet de connaissances" in ligne for ligne in lignes)
    assert any(
        ligne.startswith("OK") and "Descriptions des métiers : 1584 fiches sur 1584" in ligne
        for ligne in lignes
    ), lignes
    assert any("rien ne quitte cet ordinateur" in ligne for ligne in lignes)
    assert "10 étapes" in result.stdout


def test_doctor_reports_a_vault_and_an_unreachable_llm(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(settings)
    session.create_vault(PASSPHRASE, PASSPHRASE)
    session.lock()
    monkeypatch.setenv("PASSERELLE_LLM__PROVIDER", "openai_compatible")
    # Port 9 (discard) on loopback: nothing listens, the probe fails at once.
    monkeypatch.setenv("PASSERELLE_LLM__BASE_URL", "http://127.0.0.1:9/v1")
    result = run("doctor")
    assert result.returncode == 1
    assert "OK         Coffre chiffré" in result.stdout and "chiffré)" in result.stdout
    assert "PROBLÈME   Modèle de langage : openai_compatible injoignable" in result.stdout
    assert "sur cet ordinateur" in result.stdout
    assert "1 problème(s)" in result.stdout


def test_doctor_flags_an_unencrypted_vault_file(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, mode=0o700)
    (settings.data_dir / "coffre.db").write_bytes(b"SQLite format 3\x00" + bytes(4080))
    result = run("doctor")
    assert result.returncode == 1
    assert "n'est PAS chiffré" in result.stdout


def test_bad_configuration_stops_with_a_french_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[llm]\nfournisseur = 'ollama'\n", encoding="utf-8")
    monkeypatch.setenv("PASSERELLE_CONFIG_FILE", str(config))
    result = run("doctor")
    assert result.returncode == 2
    assert "la clé « llm.fournisseur » n'est pas reconnue" in result.stderr
    assert str(config) in result.stderr and "Traceback" not in result.stderr


def test_schema_export_writes_one_json_schema_per_top_level_model(tmp_path: Path) -> None:
    result = run("schema", "--sortie", str(tmp_path / "schemas"))
    assert result.returncode == 0
    files = sorted((tmp_path / "schemas").glob("*.schema.json"))
    assert len(files) == 12
    dossier = json.loads((tmp_path / "schemas" / "dossier.schema.json").read_text("utf-8"))
    assert dossier["title"] == "Dossier" and "etapes" in dossier["properties"]


def test_search_option_out_of_range_is_explained_in_french() -> None:
    for command in ("metiers", "certifications", "services"):
        result = run("search", command, "cariste", "--top", "0")
        assert result.returncode == 2
        assert "Valeur refusée pour --top" in result.stderr
        assert "entre 1 et 50" in result.stderr and "Traceback" not in result.stderr
    niveau = run("search", "certifications", "cariste", "--niveau-max", "9")
    assert niveau.returncode == 2
    assert "--niveau-max doit être un nombre entier entre 3 et 8" in niveau.stderr
