"""Small French text helpers of drafting: folding, words, sentences, dates and durations.

Folding (lower case, no accents, typographic variants made plain) is how every comparison of
drafting is made, so that « Maçon », « MACON » and « maçon » are the same fact.
"""

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

_VARIANTES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "–": "-",
        "—": "-",
        "‐": "-",
        "…": "...",
    }
)
_MOT = re.compile(r"[a-z0-9]+")
_VARIANTES_ALIGNEES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"', "–": "-", "—": "-"}
)


@lru_cache(maxsize=4096)
def _plier_caractere(c: str) -> str:
    return unicodedata.normalize("NFD", c)[:1].lower()[:1] or " "


def plier_aligne(texte: str) -> tuple[str, str]:
    """(text with plain quotes and dashes, its folded copy): same length, same positions.

    Matching on the folded copy and quoting the other gives the words as they were written.
    """
    base = texte.translate(_VARIANTES_ALIGNEES)
    return base, "".join(_plier_caractere(c) for c in base)


def plier(texte: str) -> str:
    """Lower case, no accents, typographic quotes and dashes made plain."""
    decompose = unicodedata.normalize("NFD", texte.translate(_VARIANTES))
    return "".join(c for c in decompose if not unicodedata.combining(c)).lower()


def mots(texte: str) -> list[str]:
    """The folded words (letters and digits) of a text."""
    return _MOT.findall(plier(texte))


def date_courte(jour: date) -> str:
    """« 15/08/2026 »."""
    return f"{jour:%d/%m/%Y}"


def date_longue(jour: date) -> str:
    """« 1er mars 2026 », « 15 août 2026 »."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"


def duree(mois: int) -> str:
    """« 8 mois », « 5 ans », « 2 ans et 6 mois »."""
    ans, reste = divmod(mois, 12)
    if ans == 0:
        return f"{mois} mois"
    texte = f"{ans} an{'s' if ans > 1 else ''}"
    return f"{texte} et {reste} mois" if reste else texte


def mois_annee(debut: str) -> str:
    """« 2013-05 » -> « mai 2013 »; « 2025 » stays « 2025 »."""
    if len(debut) == 7:
        return f"{MOIS[int(debut[5:]) - 1]} {debut[:4]}"
    return debut


def periode(debut: str | None, duree_mois: int | None) -> str | None:
    """Years of an experience: « 2013 – 2018 », « 2025 », or None when the start is unknown.

    Without a month, the start is taken as January (months counted inclusively), so that a
    period is never stretched beyond what was said.
    """
    if not debut:
        return None
    annee = int(debut[:4])
    if duree_mois is None:
        return str(annee)
    mois_debut = int(debut[5:]) if len(debut) == 7 else 1
    fin = annee + (mois_debut - 1 + max(duree_mois - 1, 0)) // 12
    return str(annee) if fin == annee else f"{annee} – {fin}"


def liste(elements: Iterable[str], mot: str = "et") -> str:
    """« a, b et c »."""
    items = [e for e in elements if e]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {mot} {items[-1]}"


def initiale_minuscule(texte: str) -> str:
    """« Travail en équipe » -> « travail en équipe »; acronyms (« CAP ») are kept."""
    mots = texte.split()
    # « France Travail » keeps its capitals; « Structure d'insertion (SIAE) » does not need to.
    if any(m[:1].isupper() and not m.strip("()").isupper() for m in mots[1:]):
        return texte
    if len(texte) > 1 and texte[0].isupper() and not texte[1].isupper():
        return texte[0].lower() + texte[1:]
    return texte


def ponctuer(texte: str) -> str:
    """Free text as the end of a sentence: trailing spaces and punctuation made one full stop."""
    texte = " ".join(texte.split()).rstrip(" ;,:")
    return texte if texte.endswith((".", "!", "?", "…")) else texte + "."


# Words after which a full stop does not end the sentence.
_ABREVIATIONS = frozenset(
    {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "etc", "cf", "ex", "art", "p"}
    | {"no", "n", "av", "bd", "env", "min", "max", "cat", "tel", "vol", "chap", "ref", "j.-c"}
)
_FIN = re.compile(r"([.!?…]+)(\s+)(?=[«\"(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")


def decouper_phrases(texte: str) -> list[str]:
    """French sentences of a paragraph; « M. », « etc. », « art. 9 » and « 3.5 » do not split."""
    phrases: list[str] = []
    debut = 0
    for fin in _FIN.finditer(texte):
        avant = texte[debut : fin.start()].split()
        dernier = plier(avant[-1]).rstrip(".") if avant else ""
        if fin.group(1) == "." and dernier in _ABREVIATIONS:
            continue
        phrase = texte[debut : fin.end(1)].strip()
        if phrase:
            phrases.append(phrase)
        debut = fin.end()
    reste = texte[debut:].strip()
    if reste:
        phrases.append(reste)
    return phrases
