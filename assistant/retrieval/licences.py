"""What the title of a licence says (CACES, habilitation électrique, permis de conduire), and
which of them a query asks for: one line stands for all the categories of one licence."""

import re
import unicodedata
from collections.abc import Sequence

from assistant.retrieval.certifications import CACES_RECOMMENDATION, Certification

GROUPE_ELECTRIQUE = "habilitation electrique"
GROUPE_PERMIS = "permis de conduire"

_CATEGORIE_CACES = re.compile(r"\bcatégorie (\w+)", re.IGNORECASE)
CATEGORIE_DEMANDEE = re.compile(r"\b(?:cat|categorie) (\w+)")
# The category a licence is usually asked for, shown for it: the forklift of warehouses (R489
# cat. 3), the boom lift (R486 cat. B), the floor-controlled crane (R484 cat. 1), the car.
_COURANT = {"489": "3", "486": "B", "484": "1", GROUPE_PERMIS: "B"}
# What people call the machines when the title does not say it.
CACES_MOTS = {"486": "nacelle", "489": "chariot élévateur"}

# « Habilitation électrique B1V exécutant électricien… »: the symbol says the voltage (B basse,
# H haute tension), the role (0 non-electrician, 1 exécutant, 2 chargé de travaux, C, R, S, E,
# P) and the variant (V voisinage, T sous tension, N nettoyage).
_SYMBOLE_ELECTRIQUE = re.compile(r"^Habilitation électrique ([BH][0-9A-Z]{0,2})\b")
# Symbols in a query, also glued together as offers write them (« H0B0 », « B1VB2V »).
_SYMBOLE = r"[bh](?:[0-2][vtn]?|[crsep])"
_SYMBOLES = re.compile(rf"(?:{_SYMBOLE})+")
_HAUTE_TENSION = re.compile(r"\bhaute tension\b|\bht[ab]?\b")
# Two letters are a symbol only when the query speaks of habilitations (« BP électricien » is
# a brevet professionnel, « technicien BE » a bureau d'études).
_HABILITATION = re.compile(r"\bhabilitation|\belectrique")
_VARIANTES = {"T": "T (travaux sous tension)", "N": "N (nettoyage sous tension)"}

_PERMIS_TITRE = re.compile(r"^Permis de conduire catégorie (\w+)")
# Categories of the permis de conduire, in lower-case text with its accents and apostrophes:
# « permis à points », « permis de chasse », « permis d'exploitation », « le permis c'est »
# are none; a list follows the first (« permis B, C et D »).
_CATEGORIE_PERMIS = r"(?<!\w)(?:am|a1|a2|b1|b96|be|c1e|c1|ce|d1e|d1|de|[abcdt])(?!['\w])"
_PERMIS = re.compile(
    r"\bpermis (?:de conduire )?(?:(?:cat[ée]gorie|cat\.?) )?"
    rf"({_CATEGORIE_PERMIS}(?:(?:\s*,\s*|\s+et\s+|\s+ou\s+|\s*/\s*|\s*\+\s*){_CATEGORIE_PERMIS})*)"
)
# « A » and « DE » alone are words too (« permis de chasse », « permis a points »).
_PAS_SEULE = re.compile(r"^(?:a|de) (?!et\b|ou\b)\w")


def caces(c: Certification) -> tuple[str | None, str | None]:
    """The recommendation (« 489 ») and the category (« 3 ») a CACES title names."""
    if c.famille_courte != "caces":
        return None, None
    recommandation = CACES_RECOMMENDATION.search(c.intitule or "")
    categorie = _CATEGORIE_CACES.search(c.intitule or "")
    return (
        recommandation.group(1) if recommandation else None,
        categorie.group(1) if categorie else None,
    )


def symbole(c: Certification) -> str | None:
    """« B1V » for an habilitation électrique."""
    if c.famille_courte != "habilitation_electrique":
        return None
    found = _SYMBOLE_ELECTRIQUE.search(c.intitule or "")
    return found.group(1) if found else None


def permis(c: Certification) -> str | None:
    """« C1E » for the permis de conduire of that category."""
    if c.famille_courte != "permis":
        return None
    found = _PERMIS_TITRE.search(c.intitule or "")
    return found.group(1).upper() if found else None


def groupe(c: Certification) -> tuple[str, str] | None:
    """The licence a certification is one category of, and that category."""
    recommandation, categorie = caces(c)
    if recommandation and categorie:
        return f"caces R{recommandation}", categorie
    if found := symbole(c):
        return GROUPE_ELECTRIQUE, found
    if found := permis(c):
        return GROUPE_PERMIS, found
    return None


def usuel(c: Certification) -> bool:
    """The category that stands for its licence when none is asked for."""
    found = groupe(c)
    if found is None:
        return False
    key, categorie = found
    return _COURANT.get(key.removeprefix("caces R")) == categorie


def plainest(titles: Sequence[str]) -> int:
    """The position of the title that says a category most plainly: « BR chargé d'intervention
    générale », not « BR photovoltaïque » nor « B2V (essai) »."""
    return min(
        range(len(titles)),
        key=lambda i: (
            "(" in titles[i] or "photovolta" in titles[i] or "essai" in titles[i],
            len(titles[i]),
        ),
    )


def permis_demandes(text: str) -> list[str]:
    """The categories of permis de conduire a text names, in its order (« B », « CE »)."""
    lowered = unicodedata.normalize("NFC", text.lower()).replace("’", "'")
    found: list[str] = []
    for match in _PERMIS.finditer(lowered):
        if _PAS_SEULE.match(lowered[match.start(1) :]):
            continue
        for categorie in re.findall(_CATEGORIE_PERMIS, match.group(1)):
            if categorie.upper() not in found:
                found.append(categorie.upper())
    return found


def permis_word(categorie: str) -> str:
    """A word for a permis category (« B » -> « permisbx »): a single letter is no word for the
    search; the final « x » keeps the stemmer from reading « permisc1e » as « permisc1 »."""
    return f"permis{categorie.lower()}x"


def symboles_demandes(folded: str) -> list[str]:
    """The habilitation symbols a folded query names (« habilitation B0 H0V » -> B0, H0V)."""
    nommee = bool(_HABILITATION.search(folded))
    found = [
        s.upper()
        for word in folded.split()
        if _SYMBOLES.fullmatch(word)
        for s in re.findall(_SYMBOLE, word)
        # Without the word, only a symbol with its digit (« B1V ») is one.
        if nommee or any(ch.isdigit() for ch in s)
    ]
    return list(dict.fromkeys(found))


def haute_tension_demandee(folded: str) -> bool:
    return bool(_HAUTE_TENSION.search(folded)) or any(
        s.startswith("H") for s in symboles_demandes(folded)
    )


def autres_symboles(symboles: Sequence[str]) -> str:
    """The other habilitations électriques, named by voltage; their T and N variants summed up:
    35 symbols would not be read."""
    basse = sorted({s for s in symboles if s.startswith("B") and s[-1] not in "NT"})
    haute = sorted({s for s in symboles if s.startswith("H") and s[-1] not in "NT"})
    variantes = [texte for v, texte in _VARIANTES.items() if any(s.endswith(v) for s in symboles)]
    parts = []
    if basse:
        parts.append(f"autres symboles : {', '.join(basse)}")
    if haute:
        parts.append(f"haute tension : {', '.join(haute)}")
    if variantes:
        parts.append(f"et les variantes {' et '.join(variantes)}")
    return "".join(f" ; {part}" for part in parts)
