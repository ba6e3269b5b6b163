"""The ten criteria of the training grid and the rules that score them (notes live here, words in
`prompts/simulation/feedback.toml`)."""

from typing import Final, Literal, get_args

from assistant.domain.simulation import CritereSimulation

CRITERES: Final[tuple[CritereSimulation, ...]] = get_args(CritereSimulation)

NON_OBSERVABLES: Final[frozenset[CritereSimulation]] = frozenset(
    {"accueil_presentation", "communication_non_verbale"}
)
"""Seen only in the room (greeting, posture, voice): the counsellor scores them, never the rules."""

Regle = Literal[
    "vide",
    "tres_courte",
    "refus",
    "trop_long",
    "hors_sujet",
    "vague",
    "partiel",
    "complet",
    "details_affaire",
    "negatif",
    "ton",
    "aucune_question",
    "seulement_conditions",
]
REGLES: Final[tuple[Regle, ...]] = get_args(Regle)

NOTES: Final[dict[Regle, int]] = {
    "vide": 1,
    "tres_courte": 1,
    "refus": 1,
    "trop_long": 2,
    "hors_sujet": 2,
    "vague": 2,
    "details_affaire": 2,
    "negatif": 2,
    "ton": 2,
    "aucune_question": 2,
    "seulement_conditions": 2,
    "partiel": 3,
    "complet": 4,
}
"""One note per rule, the same for every criterion: the scale stays the same for everyone."""

REGLES_COMMUNES: Final[tuple[Regle, ...]] = (
    "vide",
    "tres_courte",
    "refus",
    "trop_long",
    "hors_sujet",
    "vague",
    "partiel",
    "complet",
)
REGLES_PROPRES: Final[dict[CritereSimulation, tuple[Regle, ...]]] = {
    "explication_periode_detention": ("details_affaire", "negatif"),
    "savoir_etre": ("ton",),
    "questions_au_recruteur": ("aucune_question", "seulement_conditions"),
}

ORDRE_PRIORITE: Final[tuple[CritereSimulation, ...]] = (
    "explication_periode_detention",
    "lien_parcours_poste",
    "exemples_concrets",
    "presentation_de_soi",
    "disponibilites_contraintes",
    "questions_au_recruteur",
    "connaissance_poste_structure",
    "savoir_etre",
    "accueil_presentation",
    "communication_non_verbale",
)
"""Which area to work on first when several have the same note: the gap answer matters most."""


def regles_de(critere: CritereSimulation) -> tuple[Regle, ...]:
    """Rules that can fire for a criterion (none for the criteria only the counsellor sees)."""
    if critere in NON_OBSERVABLES:
        return ()
    return REGLES_COMMUNES + REGLES_PROPRES.get(critere, ())
