"""Hostile text through `nettoyer_texte` and the domain text types (everything a user types)."""

import unicodedata

import pytest
from hostile_cadre import essai, francais, reglages, texte_hostile, xml_compatible
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from assistant.domain.base import (
    Libelle,
    TexteCourt,
    TexteLong,
    TexteMoyen,
    TexteRedige,
    nettoyer_texte,
)
from assistant.domain.errors import messages_erreurs
from assistant.retrieval.text import fold
from assistant.retrieval.typos import Spelling

pytestmark = pytest.mark.property

TYPES = {
    "Libelle": (TypeAdapter(Libelle), 120),
    "TexteCourt": (TypeAdapter(TexteCourt), 200),
    "TexteMoyen": (TypeAdapter(TexteMoyen), 300),
    "TexteLong": (TypeAdapter(TexteLong), 1000),
    "TexteRedige": (TypeAdapter(TexteRedige), 20000),
}


def _a_des_surrogates(texte: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in texte)


@given(texte_hostile)
@example("e\x00\u0301")  # a control character between a letter and its accent
@example("fin\ufffe\uffff")  # noncharacters: lxml (DOCX export) refuses them
@example("\ud800 seul")
@reglages(300)
def test_cleaned_text_is_printable_normalised_and_stable(texte: str) -> None:
    essai("nettoyer_texte (texte)")
    try:
        propre = nettoyer_texte(texte)
    except PydanticCustomError as exc:
        assert _a_des_surrogates(texte)
        assert francais(str(exc)) and "UTF-8" in str(exc)
        return
    assert isinstance(propre, str)
    assert propre == propre.strip()
    assert unicodedata.is_normalized("NFC", propre)
    assert xml_compatible(propre)
    assert not any((ord(ch) < 0x20 and ch not in "\t\n") or ch == "\x7f" for ch in propre)
    assert nettoyer_texte(propre) == propre


@given(st.binary(max_size=200))
@example(b"\xff\xfe\x00r\x00e\x00")
@example("Caf\xe9".encode("latin-1"))
@reglages(150)
def test_bytes_are_decoded_or_refused_in_french(brut: bytes) -> None:
    essai("nettoyer_texte (octets)")
    try:
        propre = nettoyer_texte(brut)
    except PydanticCustomError as exc:
        assert francais(str(exc))
        return
    assert isinstance(propre, str) and xml_compatible(propre)


@given(st.sampled_from(sorted(TYPES)), texte_hostile | st.text(min_size=100, max_size=1200))
@reglages(300)
def test_text_types_keep_or_refuse_with_a_french_reason(nom: str, texte: str) -> None:
    essai("types de texte du domaine")
    adaptateur, longueur = TYPES[nom]
    try:
        valeur = adaptateur.validate_python(texte)
    except ValidationError as exc:
        messages = messages_erreurs(exc)
        assert messages and all(francais(m) for m in messages), messages
        return
    assert 1 <= len(valeur) <= longueur
    assert valeur == nettoyer_texte(valeur) and xml_compatible(valeur)


def test_a_runaway_paste_is_refused_not_truncated() -> None:
    adaptateur, _ = TYPES["TexteRedige"]
    with pytest.raises(ValidationError) as exc:
        adaptateur.validate_python("x" * 100_000)
    (message,) = messages_erreurs(exc.value)
    assert "100000 caractères, 20000 au plus" in message


_ORTHOGRAPHE = Spelling(["Électricien", "Magasinier", "Manutentionnaire", "Déménageur"], [])


@given(texte_hostile | st.text(max_size=300))
@example("electricen ﬁ\u0301 œuvre 3x8 __ magasignier\x00")
@reglages(200)
def test_the_spelling_never_fails_and_changes_only_job_words(texte: str) -> None:
    """Whatever is typed, the spelling returns a text; words it does not correct stay as typed."""
    essai("orthographe des métiers (texte)")
    lu = _ORTHOGRAPHE.fix_text(texte)
    plie, corriges = _ORTHOGRAPHE.fix(fold(texte))
    assert isinstance(lu, str) and isinstance(plie, str)
    if not corriges:
        assert lu == texte
    assert set(corriges.values()) <= {"électricien", "magasinier", "manutentionnaire", "déménageur"}
