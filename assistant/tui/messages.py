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
