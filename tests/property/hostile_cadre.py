"""What the hostile-input properties share: example counts, counters, strategies, checks.

The same properties run in CI (`pytest -m property`, few examples) and in `bench/hostile.py`
(`HOSTILE_FACTEUR=20`, many more). Every test here is written without pytest fixtures so that
the bench can call it directly; each property counts the inputs it tried in `ESSAIS`.
"""

import os
import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SHARED = Path(__file__).resolve().parents[3] / "shared"
DATA = SHARED / "data"
FACTEUR = max(1, int(os.environ.get("HOSTILE_FACTEUR", "1")))
ESSAIS: Counter[str] = Counter()
"""Inputs tried per target (bench/hostile.py prints them)."""


def reglages(exemples: int) -> settings:
    """`exemples` in CI, `exemples × HOSTILE_FACTEUR` in the bench; never a deadline."""
    return settings(
        max_examples=exemples * FACTEUR,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


def essai(cible: str) -> None:
    ESSAIS[cible] += 1


# --- Strategies ---------------------------------------------------------------------------

CONTROLES = "".join(chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)])
HOSTILES = (
    CONTROLES
    + "\ufeff\ufffe\uffff\u200b\u200d\u202e\u2028\u2029\u00a0\u202f"
    + "éèàçœ«»’—…²³¼①٣𝟐"
    + "🙂🧱👩‍👩‍👧"
    + "مرحبا你好Привет"
    + "[]/\\\"';,|{}<>&="
    + "\u0301\u0308"
)

texte_hostile = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(HOSTILES), max_size=60),
    st.text(
        alphabet=st.one_of(st.sampled_from(HOSTILES), st.characters(codec="utf-8")), max_size=80
    ),
)
"""Arbitrary text with a strong bias towards the characters that break parsers and exports."""

cellule = st.one_of(
    texte_hostile,
    st.sampled_from(["", "*", "NULL", "-", "0", "00000000", "99999999", "²", "٣٣", "1e400"]),
    st.integers(-(10**20), 10**20).map(str),
    st.from_regex(r"[A-Z][0-9]{4}", fullmatch=True),
    st.from_regex(r"(RNCP|RS)[0-9]{1,6}", fullmatch=True),
    st.from_regex(r"[0-9]{1,14}", fullmatch=True),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
"""One CSV cell: arbitrary text, or a value that almost looks like a code or a number."""


# --- Checks -------------------------------------------------------------------------------

_ANGLAIS = re.compile(
    r"Traceback|Input should|Value error|Field required|object has no attribute|"
    r"invalid literal|unexpected keyword",
    re.IGNORECASE,
)


def francais(message: str) -> bool:
    """A message a counsellor can read: not empty, no Python or pydantic English."""
    return bool(message.strip()) and _ANGLAIS.search(message) is None


def xml_compatible(texte: str) -> bool:
    """XML 1.0 characters only (DOCX exports go through lxml, which refuses the others)."""
    return all(
        ch in "\t\n\r"
        or 0x20 <= ord(ch) <= 0xD7FF
        or 0xE000 <= ord(ch) <= 0xFFFD
        or ord(ch) >= 0x10000
        for ch in texte
    )
