"""Typed messages of the interface; tests assert on this stream (`run_test(message_hook=...)`)."""

from dataclasses import dataclass

from textual.message import Message


@dataclass
class VaultOpened(Message):
    """The vault was created or unlocked."""

    created: bool


@dataclass
class VaultOpenFailed(Message):
    """Unlocking or creating failed; `message` is the French explanation shown."""

    message: str


class VaultClosed(Message):
    """The vault was locked (Ctrl+L)."""


@dataclass
class DossierCreated(Message):
    dossier_id: str
    reference: str


@dataclass
class DossierDeleted(Message):
    reference: str


@dataclass
class IndexStatusChanged(Message):
    """The dense index of the knowledge pack changed state; `text` is what the panels show."""

    text: str


@dataclass
class UtteranceUnderstood(Message):
    """The counsellor's text was read; `propositions` proposals wait for confirmation."""

    question_id: str | None
    propositions: int


@dataclass
class ProposalConfirmed(Message):
    etape: int
    champ: str


@dataclass
class ProposalRejected(Message):
    etape: int
    champ: str


@dataclass
class SuggestionsRefreshed(Message):
    """The context panel shows suggestions for the dossier as saved."""

    metiers: int
    services: int
    duree_ms: float
    """From the confirmed answer to the panel updated."""
    calcul_ms: float = 0.0
    """Of which the searches themselves (in a worker thread)."""


@dataclass
class StepChanged(Message):
    """The interview moved to another step (or the meeting is complete: None)."""

    numero: int | None
