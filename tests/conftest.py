"""Shared fixtures. Every dossier here is fictitious; no real person's data is ever used."""

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from assistant.config import Settings, load_settings
from assistant.locations import Locations
from assistant.session import Session

if TYPE_CHECKING:
    from assistant.retrieval.service import KnowledgeService

PASSPHRASE = "tulipe cartable 47 orage"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own configuration or data directory."""
    for name in list(os.environ):
        if name.startswith("PASSERELLE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PASSERELLE_CONFIG_FILE", str(tmp_path / "absent-config.toml"))
    monkeypatch.setenv("PASSERELLE_DATA_DIR", str(tmp_path / "donnees"))
    # A full index build takes two minutes: tests that want the dense index copy `built_index`.
    monkeypatch.setenv("PASSERELLE_KNOWLEDGE__BUILD_INDEX_IN_BACKGROUND", "false")


@pytest.fixture(autouse=True)
def garbage_collection_as_usual() -> Iterator[None]:
    """The app leaves full collections to its pauses (`make_app`): the test run does not."""
    seuils = gc.get_threshold()
    yield
    gc.set_threshold(*seuils)


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


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data directory of a fully built index; copy it before writing to it."""
    data_dir = tmp_path_factory.mktemp("index-partage")
    settings = load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir)
    from assistant.retrieval.service import KnowledgeService

    service = KnowledgeService(settings, Locations(data_dir))
    service.build_index()
    assert service.index_ready()
    return data_dir


@pytest.fixture
def knowledge_service(built_index: Path, tmp_path: Path) -> "KnowledgeService":
    data_dir = tmp_path / "donnees"
    shutil.copytree(built_index, data_dir, dirs_exist_ok=True)
    settings = load_settings(config_file=tmp_path / "absent.toml", data_dir=data_dir)
    from assistant.retrieval.service import KnowledgeService

    return KnowledgeService(settings, Locations(data_dir))
