"""Every path Passerelle uses, in one place. Data directories are private to the user (0700)."""

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "passerelle"
CONFIG_FILE_ENV = "PASSERELLE_CONFIG_FILE"
VAULT_FILE_NAME = "coffre.db"
# Prompts and the guide's question bank are data files beside the package (editable install).
PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
GUIDE_DIR = PROMPTS_DIR / "guide"
# The curated public knowledge pack that ships with the app.
KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
# Official open-data files, laid beside the project (never copied into it).
SHARED_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def config_file() -> Path:
    """The TOML configuration file: `$PASSERELLE_CONFIG_FILE` or the user's config directory."""
    override = os.environ.get(CONFIG_FILE_ENV)
    if override:
        return Path(override).expanduser()
    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make it readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


class Locations:
    """Paths under one data directory; tests and the demo pass their own."""

    def __init__(self, data_dir: Path, vault_dir: Path | None = None) -> None:
        self.data_dir = data_dir.expanduser()
        # The demo keeps its vault apart but shares the public knowledge index.
        self.vault_dir = (vault_dir or data_dir).expanduser()

    @property
    def vault_file(self) -> Path:
        return self.vault_dir / VAULT_FILE_NAME

    @property
    def local_knowledge_dir(self) -> Path:
        """Public data a deployment imports (services of its territory, training sessions)."""
        return self.data_dir / "connaissances"

    @property
    def index_dir(self) -> Path:
        """Public knowledge index (Chroma); never personal data."""
        return self.data_dir / "index"

    def prepare(self) -> "Locations":
        ensure_private_dir(self.data_dir)
        ensure_private_dir(self.vault_dir)
        return self
