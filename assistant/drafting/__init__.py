"""Drafting: documents grounded sentence by sentence, offline templates or a model, and checks.

`rediger` drafts a document (synthesis, end-of-programme report, CV, cover letter, easy-to-read
summary); `reverifier` and the review helpers keep a draft checked while the counsellor edits it.
Every sentence carries the dossier fields or knowledge records it rests on; the grounding
checker and the lint flag what is not supported or not allowed.
"""

from assistant.drafting.generate import (
    ResultatRedaction,
    accepter_phrase,
    ajouter_phrase,
    modifier_phrase,
    rediger,
    retirer_phrase,
    reverifier,
)
from assistant.drafting.sources import FaitsDossier, FicheCible

__all__ = [
    "FaitsDossier",
    "FicheCible",
    "ResultatRedaction",
    "accepter_phrase",
    "ajouter_phrase",
    "modifier_phrase",
    "rediger",
    "retirer_phrase",
    "reverifier",
]
