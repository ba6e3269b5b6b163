"""Reading an utterance: capped, cleaned, folded (no accents, lower case) with aligned positions.

Every recogniser matches its patterns on `Enonce.plie` (accent- and case-insensitive French) and
quotes the person's own words with `Enonce.extrait`, which slices the original text at the same
positions: folding maps each character to exactly one character.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.guide.extraction.proposals import ContexteExtraction

LONGUEUR_MAX = 2000
"""Only the start of a runaway paste is read: an utterance is a few sentences (about 300 words
fit), and the worst case (2000 characters of digits or noise) stays under 20 ms."""

_REMPLACEMENTS = str.maketrans(
    {
        "œ": "oe",
        "Œ": "Oe",
        "æ": "ae",
        "Æ": "Ae",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "ʼ": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "–": "-",
        "—": "-",
        "‐": "-",
        "…": ".",
    }
)
_CONTROLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_ESPACES = re.compile(r"[ \t]+")


@lru_cache(maxsize=8192)
def _plier_caractere(caractere: str) -> str:
    base = unicodedata.normalize("NFD", caractere)[:1] or " "
    bas = base.lower()[:1] or " "
    return bas if bas.isprintable() or bas == "\n" else " "


def preparer(texte: str) -> str:
    """Cap, replace typographic variants, drop control characters (positions are then stable)."""
    if not isinstance(texte, str):
        return ""
    texte = texte[:LONGUEUR_MAX]
    # Lone surrogates (bad pastes) cannot be encoded anywhere: replace them.
    texte = texte.encode("utf-8", "replace").decode("utf-8")
    texte = texte.translate(_REMPLACEMENTS)
    texte = _CONTROLE.sub(" ", texte)
    return _ESPACES.sub(" ", texte)


def plier(texte: str) -> str:
    """Lower case without accents, one character for one character."""
    return "".join(_plier_caractere(c) for c in texte)


def plier_libre(texte: str) -> str:
    """Folded and squeezed, for comparing labels (not position-aligned)."""
    return " ".join(plier(preparer(texte)).replace("-", " ").replace("'", " ").split())


@dataclass
class Enonce:
    """One utterance as the recognisers see it."""

    brut: str
    plie: str
    contexte: ContexteExtraction
    phrases: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def lire(cls, texte: str, contexte: ContexteExtraction) -> "Enonce":
        brut = preparer(texte)
        plie = plier(brut)
        return cls(brut, plie, contexte, _phrases(plie))

    def extrait(self, debut: int, fin: int) -> str:
        return self.brut[debut:fin].strip(" ,;.:!?\"'-\n")

    def phrase_de(self, position: int) -> tuple[int, int]:
        for debut, fin in self.phrases:
            if debut <= position < fin:
                return debut, fin
        return 0, len(self.plie)

    def attendu(self, *champs: str) -> bool:
        """Whether the question just asked is about one of these fields."""
        return any(c in self.contexte.champs_attendus for c in champs)

    def etape_ou_attendu(self, etape: int, *champs: str) -> bool:
        return self.contexte.etape == etape or self.attendu(*champs)

    @property
    def mots(self) -> int:
        return len(self.plie.split())


_FIN_PHRASE = re.compile(r"[.!?;\n]+(?:\s|$)|\s+(?:puis|ensuite|et apres|apres ca|avant ca)\s+")


def _phrases(plie: str) -> list[tuple[int, int]]:
    morceaux = []
    debut = 0
    for m in _FIN_PHRASE.finditer(plie):
        if m.start() > debut:
            morceaux.append((debut, m.start()))
        debut = m.end()
    if debut < len(plie):
        morceaux.append((debut, len(plie)))
    return morceaux


# --- French numbers -----------------------------------------------------------------------------

_UNITES = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_DIZAINES = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_MOTS_NOMBRES = sorted(
    [*_UNITES, *_DIZAINES, "quatre-vingt", "quatre vingt"], key=len, reverse=True
)
_MOT = "(?:" + "|".join(re.escape(m) for m in _MOTS_NOMBRES) + ")"
NOMBRE = rf"(?:\d{{1,3}}(?![\d])|{_MOT}s?(?:(?:[- ]et[- ]|[- ]){_MOT}s?)*(?![a-z]))"
"""A number in digits or in French words (`deux`, `vingt-trois`, `soixante et onze`)."""


def lire_nombre(texte: str) -> int | None:
    """The value of a number matched by NOMBRE; None when it is not one."""
    texte = texte.strip()
    if texte.isdigit():
        return int(texte)
    mots = [m for m in re.split(r"[- ]+", texte.replace("quatre-vingt", "quatrevingt")) if m]
    mots = [m.replace("quatre vingt", "quatrevingt") for m in mots]
    total = 0
    for i, mot in enumerate(mots):
        mot = mot.rstrip("s") if mot not in ("trois", "six") else mot
        if mot == "et":
            continue
        if mot == "quatre" and i + 1 < len(mots) and mots[i + 1].startswith("vingt"):
            continue
        apres_quatre = mot in ("quatrevingt", "vingt") and i > 0 and mots[i - 1] == "quatre"
        if apres_quatre or mot == "quatrevingt":
            total += 80
        elif mot in _DIZAINES:
            total += _DIZAINES[mot]
        elif mot in _UNITES:
            total += _UNITES[mot]
        else:
            return None
    return total if mots else None
