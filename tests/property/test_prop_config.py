"""Any configuration file: the settings load, or a `ConfigError` explains in French."""

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hostile_cadre import essai, francais, reglages, texte_hostile
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.config import ConfigError, Settings, load_settings

pytestmark = pytest.mark.property

CLES = {
    "": ["data_dir", "theme", "conseiller_id", "inconnue"],
    "vault": ["idle_lock_minutes", "retention_months", "inconnue"],
    "llm": ["provider", "base_url", "model", "api_key", "timeout_seconds", "local_hosts"],
    "knowledge": ["embedding_engine", "embedding_model_dir", "chroma_url", "inconnue"],
}

valeur_toml = st.recursive(
    st.one_of(
        st.integers(-(10**20), 10**20).map(str),
        st.floats().map(
            lambda f: {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(f), repr(f))
        ),
        st.booleans().map(lambda b: str(b).lower()),
        texte_hostile.map(lambda t: json.dumps(t, ensure_ascii=False)),
        st.sampled_from(
            ['"none"', '"openai_compatible"', '"fake"', '"textual-light"', "1979-05-27"]
        ),
    ),
    lambda enfants: st.lists(enfants, max_size=4).map(lambda v: "[" + ", ".join(v) + "]"),
    max_leaves=8,
)


@st.composite
def fichier_toml(draw: st.DrawFn) -> str:
    """A TOML file built from the real keys (and some unknown ones) with any values."""
    lignes = []
    for section, cles in CLES.items():
        choisies = draw(st.lists(st.sampled_from(cles), unique=True, max_size=len(cles)))
        if section and (choisies or draw(st.booleans())):
            lignes.append(f"[{section}]")
        lignes += [f"{cle} = {draw(valeur_toml)}" for cle in choisies]
    return "\n".join(lignes) + "\n"


contenu = st.one_of(
    fichier_toml().map(lambda t: t.encode("utf-8")),
    texte_hostile.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
    fichier_toml().map(lambda t: t.encode("utf-16")),
    fichier_toml().map(lambda t: t.encode("latin-1", "replace")),
    st.integers(1, 5000).map(lambda n: ("a = " + "[" * n + "]" * n).encode()),
    st.integers(1, 5000).map(lambda n: ("a = " + "{b = " * n + "1" + "}" * n).encode()),
)


def _charger(brut: bytes) -> Settings:
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "passerelle.toml"
        chemin.write_bytes(brut)
        return load_settings(config_file=chemin, data_dir=Path(dossier) / "donnees")


@given(contenu)
@example(("a = " + "[" * 3000 + "]" * 3000).encode())
@example(b'[llm]\nprovider = "openai_compatible"\ntimeout_seconds = nan\n')
@example(b"[vault]\nidle_lock_minutes = 99999999999999999999\n")
@example(b"\xef\xbb\xbftheme = 'textual-light'\n")
@reglages(300)
def test_any_configuration_file_loads_or_is_explained_in_french(brut: bytes) -> None:
    essai("load_settings (fichier TOML)")
    try:
        reglages_lus = _charger(brut)
    except ConfigError as exc:
        assert francais(str(exc)), str(exc)
        assert "passerelle.toml" in str(exc) or "PASSERELLE_" in str(exc)
        return
    assert isinstance(reglages_lus, Settings)
    assert 1 <= reglages_lus.vault.idle_lock_minutes <= 240


def test_a_deeply_nested_value_is_explained_not_a_crash() -> None:
    with pytest.raises(ConfigError, match=r"mal formé \(valeurs imbriquées"):
        _charger(("a = " + "[" * 3000 + "]" * 3000).encode())


def _secret_visible(reglages_lus: Any) -> bool:
    return "sk-fictif-123" in repr(reglages_lus) or "sk-fictif-123" in str(reglages_lus)


def test_a_key_in_the_file_is_never_printed() -> None:
    reglages_lus = _charger(b'[llm]\napi_key = "sk-fictif-123"\n')
    assert not _secret_visible(reglages_lus)
