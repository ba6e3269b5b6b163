"""Grounding and lint together, on one sentence or on a whole draft."""

import re
from collections.abc import Mapping, Sequence

from assistant.domain.dossier import Brouillon
from assistant.domain.drafts import PhraseBrouillon, Signalement
from assistant.domain.enums import TypeBrouillon
from assistant.drafting.grounding import verifier_phrase
from assistant.drafting.lint import linter

MAX_SIGNALEMENTS = 20
# Pseudonymisation tokens look like [PERSONNE_7]; one left in a text was not put back.
_JETON = re.compile(r"\[[A-Z][A-Z_]*_\d+\]")


def jetons_restants(texte: str, jetons: Sequence[str] = ()) -> list[str]:
    """Placeholders of `jetons`, or shaped like one, still present in `texte`."""
    trouves = [j for j in jetons if j and j in texte]
    trouves += [j for j in _JETON.findall(texte) if j not in trouves]
    return trouves


def controler_phrase(
    phrase: PhraseBrouillon,
    faits: Mapping[str, str],
    document: TypeBrouillon | None = None,
    *,
    stricte: bool = False,
    jetons: Sequence[str] = (),
) -> PhraseBrouillon:
    """The sentence with its flags recomputed: grounding, lint, leftover placeholders."""
    signalements: list[Signalement] = [
        Signalement(
            type="jeton_inconnu",
            message=f"« {jeton} » est un pseudonyme que Passerelle ne sait pas remplacer : "
            "réécrivez la phrase.",
        )
        for jeton in jetons_restants(phrase.texte, jetons)
    ]
    signalements += verifier_phrase(phrase, faits, stricte=stricte)
    signalements += linter(phrase.texte, document)
    return phrase.model_copy(update={"signalements": signalements[:MAX_SIGNALEMENTS]})


def controler_brouillon(
    brouillon: Brouillon,
    faits: Mapping[str, str],
    *,
    stricte: bool = False,
    jetons: Sequence[str] = (),
) -> Brouillon:
    """A copy of the draft with every sentence checked again."""
    sections = [
        section.model_copy(
            update={
                "phrases": [
                    controler_phrase(p, faits, brouillon.type, stricte=stricte, jetons=jetons)
                    for p in section.phrases
                ]
            }
        )
        for section in brouillon.sections
    ]
    return brouillon.model_copy(update={"sections": sections})
