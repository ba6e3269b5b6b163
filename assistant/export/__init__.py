"""Consent-scoped export of validated documents (DOCX, PDF, Markdown).

`decider_partage` says whether a document may go to a recipient and what of it;
`exporter` writes it into the folder the counsellor chose and records it in the audit journal.
Importing this package loads neither python-docx nor fpdf2: each renderer imports its library.
"""

from assistant.export.consent import (
    PERSONNE,
    DecisionPartage,
    DestinataireExport,
    Retrait,
    decider_partage,
)
from assistant.export.errors import ErreurExport, ExportImpossible, ExportRefuse
from assistant.export.exporter import (
    FORMATS,
    Format,
    JournalAudit,
    ResultatExport,
    exporter,
)
from assistant.export.typography import typographier

__all__ = [
    "FORMATS",
    "PERSONNE",
    "DecisionPartage",
    "DestinataireExport",
    "ErreurExport",
    "ExportImpossible",
    "ExportRefuse",
    "Format",
    "JournalAudit",
    "ResultatExport",
    "Retrait",
    "decider_partage",
    "exporter",
    "typographier",
]
