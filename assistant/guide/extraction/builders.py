"""Small helpers shared by the recognisers to build proposals."""

import re
from collections.abc import Callable
from typing import Any

from assistant.domain.steps import ETAPES
from assistant.guide.extraction.fields import texte_valeur
from assistant.guide.extraction.proposals import Mode, Proposition
from assistant.guide.extraction.text import Enonce

Reconnaisseur = Callable[[Enonce], list[Proposition]]
"""One recogniser: reads an utterance, returns what it understood (possibly nothing)."""


def choix(
    enonce: Enonce,
    etape: int,
    champ: str,
    valeur: Any,
    debut: int,
    fin: int,
    confiance: float = 0.7,
    titre: str | None = None,
    mode: Mode = "remplacer",
) -> Proposition:
    """A proposal for a choice field, labelled « Titre du champ : libellé de la valeur »."""
    modele = ETAPES[etape]
    nom = titre or (modele.model_fields[champ].title or champ)
    return Proposition(
        etape=etape,
        champ=champ,
        valeur=valeur,
        libelle=f"{nom} : {texte_valeur(modele, champ, valeur)}",
        mode=mode,
        extrait=enonce.extrait(debut, fin),
        confiance=confiance,
    )


NEGATION_AVANT = re.compile(
    r"(?:\bpas\b|\bplus\b|\bjamais\b|\bsans\b|\bni\b|\baucune?\b|\bn'|\bne\b|\bperdu)[^.,;]{0,25}$"
)


def nie_avant(plie: str, position: int, portee: int = 30) -> bool:
    """Whether a negation comes just before `position` in the same clause."""
    return bool(NEGATION_AVANT.search(plie[max(0, position - portee) : position]))


def nettoyer_intitule(texte: str, longueur: int = 120) -> str:
    """A person's words as a short label: trimmed, first letter kept as typed."""
    texte = " ".join(texte.split()).strip(" ,;.:!?\"'-")
    return texte[:longueur].rstrip()
