"""Errors of the export, with a French message for the counsellor."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.export.consent import DecisionPartage


class ErreurExport(Exception):
    """Base of the export errors; `str(error)` is the French message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ExportRefuse(ErreurExport):
    """Sharing this document with this recipient is outside the rules or the consent."""

    def __init__(self, message: str, decision: "DecisionPartage | None" = None) -> None:
        super().__init__(message)
        self.decision = decision


class ExportImpossible(ErreurExport):
    """The file could not be written (folder missing, read-only, full…); nothing was left."""
