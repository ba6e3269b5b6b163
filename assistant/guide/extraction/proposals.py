"""What an extractor proposes, and the one interface every extractor (rules, LLM) implements.

A proposal is never applied by itself: the counsellor accepts, corrects or rejects it
(guide rule A.5).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Mode = Literal["remplacer", "ajouter", "refus", "non_aborde"]
"""remplacer: the field takes `valeur`; ajouter: `valeur` is one more item of a list field;
refus / non_aborde: the person declined or the subject was not covered (`valeur` is None)."""


@dataclass(frozen=True)
class Proposition:
    """One field value understood from an utterance, waiting for the counsellor."""

    etape: int
    champ: str
    valeur: Any
    """JSON-compatible: a str/int/bool/date ISO string, a list, or a dict for a sub-model."""
    libelle: str
    """What the counsellor reads, in French: « CAP maçon obtenu en 2012 »."""
    mode: Mode = "remplacer"
    extrait: str = ""
    """The words of the utterance it rests on."""
    confiance: float = 0.5


@dataclass(frozen=True)
class MetierTrouve:
    code_rome: str
    libelle: str
    score: float


ChercheMetiers = Callable[[str], Sequence[MetierTrouve]]
"""Job-title lookup injected by the application (the knowledge search); may be absent."""


@dataclass(frozen=True)
class ContexteExtraction:
    """Where the interview stands when the utterance is typed."""

    etape: int
    """The current step: answers are read for its fields first."""
    champs_attendus: tuple[str, ...] = ()
    """The fields of the question just asked (a bare « oui » or « 7 » answers them)."""
    question_id: str | None = None
    annee_courante: int = 2026
    metiers: ChercheMetiers | None = None
    deja_notes: dict[str, Any] = field(default_factory=dict)
    """Fields already filled in the current step (name -> value), to avoid proposing them again."""
    mois_courant: int | None = None
    """1-12; with `annee_courante`, turns « sortie en mars » into months. None: this month when
    `annee_courante` is this year, otherwise June (mid-year)."""


class Extracteur(Protocol):
    def extraire(self, texte: str, contexte: ContexteExtraction) -> list[Proposition]:
        """Proposals for the utterance, most relevant first; never raises on any text."""
        ...
