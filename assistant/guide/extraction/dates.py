"""Years, periods, durations and dates in spoken French (folded text).

"de 2015 à 2019", "en 2012", "depuis 2020", "3 ans", "six mois", "pendant deux ans et demi",
"un an et 3 mois", "le 15 mars 2027", "15/03/2027", "en mars".
"""

import re
from dataclasses import dataclass
from datetime import date

from assistant.guide.extraction.text import NOMBRE, lire_nombre

MOIS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
NOM_MOIS = r"(?:" + "|".join(MOIS) + r")"
ANNEE = r"(?:19[4-9]\d|20\d\d)"

_ANNEE = re.compile(rf"(?<![\d/])({ANNEE})(?![\d/])")
_PERIODE = re.compile(
    rf"\b(?:de|entre|depuis)\s+(?:{NOM_MOIS}\s+)?({ANNEE})\s*(?:a|et|jusqu'en|jusqu'a|-)\s*"
    rf"(?:{NOM_MOIS}\s+)?({ANNEE})\b|\b({ANNEE})\s*-\s*({ANNEE})\b"
)
_DEPUIS = re.compile(rf"\bdepuis\s+(?:(?:l'annee|l'an|{NOM_MOIS})\s+)?({ANNEE})\b")
_IL_Y_A = re.compile(rf"\bil y a\s+({NOMBRE})\s+ans?\b")
_UNITE = r"(?:ans?|annees?|mois|semaines?)"
_DUREE = re.compile(
    rf"\b({NOMBRE}|quelques|plusieurs)\s+({_UNITE})(?:\s+et\s+(demi|{NOMBRE}\s+mois))?\b"
)
_DATE_COMPLETE = re.compile(
    rf"\b(\d{{1,2}}|1er|premier)\s+({NOM_MOIS})\s+({ANNEE})\b"
    rf"|\b(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}|\d{{2}})\b"
)
_MOIS_ANNEE = re.compile(rf"\b({NOM_MOIS})(?:\s+({ANNEE}))?\b")


@dataclass(frozen=True)
class Duree:
    mois: int
    debut: int
    fin: int


def annees(plie: str, debut: int = 0, fin: int | None = None) -> list[tuple[int, int]]:
    """(year, position) of the plausible years in a slice of the folded text."""
    fin = len(plie) if fin is None else fin
    return [(int(m.group(1)), debut + m.start()) for m in _ANNEE.finditer(plie[debut:fin])]


def periode(plie: str) -> tuple[int, int, int, int] | None:
    """(first year, last year, start, end): "de 2015 à 2019", "entre 2015 et 2019", "2015-2019"."""
    m = _PERIODE.search(plie)
    if not m:
        return None
    a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    premiere, derniere = int(a), int(b)
    if derniere < premiere:
        return None
    return premiere, derniere, m.start(), m.end()


def depuis(plie: str) -> tuple[int, int, int] | None:
    m = _DEPUIS.search(plie)
    return (int(m.group(1)), m.start(), m.end()) if m else None


def il_y_a(plie: str, annee_courante: int) -> tuple[int, int, int] | None:
    m = _IL_Y_A.search(plie)
    if not m:
        return None
    n = lire_nombre(m.group(1))
    if n is None or n > 80:
        return None
    return annee_courante - n, m.start(), m.end()


def durees(plie: str) -> list[Duree]:
    """Every duration in months ("3 ans" -> 36, "un an et demi" -> 18, "6 semaines" -> 1)."""
    trouvees = []
    for m in _DUREE.finditer(plie):
        n = lire_nombre(m.group(1))
        if n is None:
            continue
        unite = m.group(2)
        if unite.startswith("an"):
            mois = n * 12
        elif unite.startswith("semaine"):
            mois = max(1, round(n / 4.33)) if n else 0
        else:
            mois = n
        complement = m.group(3)
        if complement == "demi":
            mois += 6 if unite.startswith("an") else 0
        elif complement:
            extra = lire_nombre(complement.split()[0])
            mois += extra or 0
        if 0 < mois <= 600:
            trouvees.append(Duree(mois, m.start(), m.end()))
    return trouvees


def duree_dans(plie: str) -> list[Duree]:
    return durees(plie)


def date_complete(plie: str, annee_courante: int) -> tuple[date, int, int] | None:
    """A full date: "le 15 mars 2027", "1er mars 2027", "15/03/2027", "15/03/27"."""
    for m in _DATE_COMPLETE.finditer(plie):
        try:
            if m.group(2):
                jour = 1 if m.group(1) in ("1er", "premier") else int(m.group(1))
                valeur = date(int(m.group(3)), MOIS[m.group(2)], jour)
            else:
                annee = int(m.group(6))
                if annee < 100:
                    annee += 2000
                valeur = date(annee, int(m.group(5)), int(m.group(4)))
        except ValueError:
            continue
        if abs(valeur.year - annee_courante) <= 40:
            return valeur, m.start(), m.end()
    return None


def mois_annee(plie: str) -> list[tuple[int, int | None, int, int]]:
    """(month, year or None, start, end) of "en mars", "mars 2027"."""
    return [
        (MOIS[m.group(1)], int(m.group(2)) if m.group(2) else None, m.start(), m.end())
        for m in _MOIS_ANNEE.finditer(plie)
    ]
