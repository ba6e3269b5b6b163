"""Shared fixtures. Every dossier here is fictitious; no real person's data is ever used."""

from pathlib import Path

import pytest

from assistant.config import Settings, load_settings
from assistant.session import Session

PASSPHRASE = "tulipe cartable 47 orage"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own configuration or data directory."""
    for name in list(__import__("os").environ):
        if name.startswith("PASSERELLE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PASSERELLE_CONFIG_FILE", str(tmp_path / "absent-config.toml"))
    monkeypatch.setenv("PASSERELLE_DATA_DIR", str(tmp_path / "donnees"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings()


@pytest.fixture
def session(settings: Settings) -> Session:
    session = Session(settings)
    yield session
    session.lock()


@pytest.fixture
def unlocked_session(session: Session) -> Session:
    session.create_vault(PASSPHRASE, PASSPHRASE)
    return session
