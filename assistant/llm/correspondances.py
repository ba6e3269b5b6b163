"""Placeholders and their originals for one dossier, and restoring them in a model's answer.

Pure values, no I/O: the mapping is kept in the vault by `assistant.storage.pseudonyms`.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

CATEGORIES: tuple[str, ...] = (
    "PERSONNE",
    "LIEU",
    "ETABLISSEMENT",
    "ADRESSE",
    "TELEPHONE",
    "COURRIEL",
    "DATE_NAISSANCE",
    "NIR",
    "ECROU",
)
_IDENTIFIANTS = {"NIR", "ECROU", "TELEPHONE"}
# Tolerant on case and separator: models often write "[Personne 1]" for "[PERSONNE_1]".
JETON = re.compile(
    r"\[\s*(" + "|".join(c.replace("_", "[ _]") for c in CATEGORIES) + r")[ _](\d{1,4})\s*\]",
    re.IGNORECASE,
)
# The longest possible placeholder, to know how much of a streamed answer to hold back.
LONGUEUR_MAX_JETON = max(len(c) for c in CATEGORIES) + 10


def cle(categorie: str, valeur: str) -> str:
    """What makes two spellings the same original (spaces in a phone number, case of a name)."""
    if categorie in _IDENTIFIANTS:
        compact = re.sub(r"[^0-9A-Za-z+]", "", valeur).upper()
        return re.sub(r"^(?:\+|00)33", "0", compact)
    texte = unicodedata.normalize("NFC", valeur).replace("’", "'")
    return " ".join(texte.casefold().split())


def canonique(jeton: str) -> str:
    """`[Personne 1]` -> `[PERSONNE_1]`; unchanged when it is not a placeholder."""
    trouve = JETON.fullmatch(jeton.strip())
    if not trouve:
        return jeton
    categorie = trouve.group(1).upper().replace(" ", "_")
    return f"[{categorie}_{int(trouve.group(2))}]"


@dataclass(frozen=True)
class Correspondance:
    """One placeholder (`[PERSONNE_1]`), its category and the original text it stands for."""

    jeton: str
    categorie: str
    valeur: str


@dataclass(frozen=True)
class Correspondances:
    """The mapping of one dossier. Immutable: `avec` returns an extended copy."""

    entrees: tuple[Correspondance, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.entrees)

    def __iter__(self) -> Iterator[Correspondance]:
        return iter(self.entrees)

    @cached_property
    def _par_jeton(self) -> dict[str, Correspondance]:
        return {c.jeton: c for c in self.entrees}

    @cached_property
    def _par_cle(self) -> dict[tuple[str, str], str]:
        return {(c.categorie, cle(c.categorie, c.valeur)): c.jeton for c in self.entrees}

    def valeur(self, jeton: str) -> str | None:
        """The original behind a placeholder, or None if it was never given."""
        trouve = self._par_jeton.get(canonique(jeton))
        return trouve.valeur if trouve else None

    def jeton_de(self, categorie: str, valeur: str) -> str | None:
        return self._par_cle.get((categorie, cle(categorie, valeur)))

    def avec(self, categorie: str, valeur: str) -> tuple[str, "Correspondances"]:
        """The placeholder of this original, numbered after the category's last one if new."""
        existant = self.jeton_de(categorie, valeur)
        if existant:
            return existant, self
        prefixe = f"[{categorie}_"
        numeros = [
            int(c.jeton[len(prefixe) : -1]) for c in self.entrees if c.categorie == categorie
        ]
        jeton = f"{prefixe}{max(numeros, default=0) + 1}]"
        return jeton, Correspondances((*self.entrees, Correspondance(jeton, categorie, valeur)))

    def nouvelles(self, anciennes: "Correspondances") -> tuple[Correspondance, ...]:
        """The entries added since `anciennes`."""
        connus = {c.jeton for c in anciennes}
        return tuple(c for c in self.entrees if c.jeton not in connus)


def restaurer(texte: str, correspondances: Correspondances) -> tuple[str, list[str]]:
    """Put the originals back; returns the text and the placeholders that were never given.

    Unknown placeholders (a model inventing `[PERSONNE_7]`) stay visible in the text so the
    counsellor sees them; the caller flags them.
    """
    inconnus: list[str] = []

    def remplacer(trouve: re.Match[str]) -> str:
        valeur = correspondances.valeur(trouve.group(0))
        if valeur is None:
            jeton = canonique(trouve.group(0))
            if jeton not in inconnus:
                inconnus.append(jeton)
            return trouve.group(0)
        return valeur

    return JETON.sub(remplacer, texte), inconnus


def coupure_sure(texte: str) -> int:
    """How much of a streamed text can be restored now: all but an unfinished placeholder."""
    debut = texte.rfind("[")
    if debut == -1 or "]" in texte[debut:] or len(texte) - debut > LONGUEUR_MAX_JETON:
        return len(texte)
    return debut
