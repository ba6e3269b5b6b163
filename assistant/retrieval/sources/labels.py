"""Comparing French job labels: FAP names (plural, masculine) against ROME titles and appellations.

A light, explainable normaliser: accents and case removed, stop words dropped, plural and feminine
endings folded ("Couvreurs" and "Couvreur / Couvreuse" give the same word). Words that say a level
or a status rather than a trade ("ouvriers", "qualifiés", "cadres"...) are kept apart as generic:
two labels that share only those are not about the same job.
"""

import re
import unicodedata


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _word_list(
    "a au aux avec d dans de des du en et hors l la le les ou par pour sauf sur un une"
)
# Level/status words of the FAP names; "peu" and "non" qualified are the same level.
GENERIC = _word_list(
    "agent ouvrier technicien cadre employ qualifi non peu assimil divers autre professionnel "
    "ingenieur responsabl chef charg salari personnel metier maitris expert"
)
_WORD = re.compile(r"[a-z0-9]+")
# Feminine endings folded onto the masculine one, longest first.
_FEMININE = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("onne", "on"),
    ("ette", "et"),
    ("elle", "el"),
    ("ere", "er"),
    ("ive", "if"),
    ("ffe", "f"),
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_TYPOS = {"ouvier": "ouvrier"}  # BMO 2025 spells "Ouviers" in two métier names
# Two different words are taken as the same when they share this many first letters
# ("dessin"/"dessinateur", "comptable"/"comptabilité"); shorter prefixes mix up "transport" and
# "transformation".
FUZZY_PREFIX = 6


def stem(word: str) -> str:
    """Fold plural and feminine endings so masculine/feminine and singular/plural forms meet."""
    if len(word) > 4 and word.endswith("aux"):
        word = word[:-3] + "al"
    elif len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        word = word[:-1]
    word = _TYPOS.get(word, word)
    for ending, replacement in _FEMININE:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)] + replacement
    while len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return {"peu": "non"}.get(word, word)


def words(label: str) -> frozenset[str]:
    """The normalised words of a label, stop words removed."""
    return frozenset(stem(w) for w in _WORD.findall(_fold(label)) if w not in _STOP and len(w) > 1)


def significant(label_words: frozenset[str]) -> frozenset[str]:
    """The words that name a trade, not a level or status."""
    return label_words - GENERIC


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice similarity of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _alike(a: str, b: str) -> bool:
    return a == b or (
        len(a) >= FUZZY_PREFIX and len(b) >= FUZZY_PREFIX and a[:FUZZY_PREFIX] == b[:FUZZY_PREFIX]
    )


def matched(label: frozenset[str], name: frozenset[str]) -> frozenset[str]:
    """The trade words of `label` that appear (exactly or nearly) in `name`."""
    return frozenset(w for w in significant(label) if any(_alike(w, n) for n in name))


def same_level(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both labels say "non/peu qualifiés", or neither does."""
    return ("non" in a) == ("non" in b)


def same_job(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    """Two labels name the same job: they share a trade word and are similar enough overall."""
    return bool(matched(a, b)) and dice(a, b) >= threshold


def contained(variant: frozenset[str], name: frozenset[str]) -> bool:
    """Every trade word of a job-title variant appears in a (longer) métier name."""
    trade = significant(variant)
    return bool(trade) and matched(variant, name) == trade


def names_half(variant: frozenset[str], name: frozenset[str]) -> bool:
    """At least half of the trade words of a job-title variant appear in the métier name."""
    trade = significant(variant)
    return bool(trade) and 2 * len(matched(variant, name)) >= len(trade)
