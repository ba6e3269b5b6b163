"""Storage limitation: a dossier is erased a set number of months after its last meeting.

The period comes from the configuration (`[vault] retention_months`, 24 by default, to be set by
the deploying organisation with its data protection officer). Erasure is a hard delete with
`secure_delete` and a WAL checkpoint, together with the dossier's pseudonymisation mapping.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from assistant.domain.dossier import Dossier


@dataclass(frozen=True)
class DossierEchu:
    id: str
    reference: str
    derniere_activite: date
    echeance: date


def ajouter_mois(jour: date, mois: int) -> date:
    """The same day `mois` months later (the month's last day when it has fewer days)."""
    annee, indice = divmod(jour.month - 1 + mois, 12)
    annee += jour.year
    dernier = calendar.monthrange(annee, indice + 1)[1]
    return date(annee, indice + 1, min(jour.day, dernier))


def derniere_activite(dossier: Dossier) -> date:
    """The last meeting's date, or the creation date of a dossier without meetings."""
    dates = [r.date for r in dossier.rencontres]
    return max(dates) if dates else dossier.cree_le.date()


def echeance(dossier: Dossier, mois: int) -> date:
    return ajouter_mois(derniere_activite(dossier), mois)


def dossiers_echus(dossiers: list[Dossier], aujourd_hui: date, mois: int) -> list[DossierEchu]:
    """Dossiers whose retention period is over on `aujourd_hui`, oldest first."""
    echus = [
        DossierEchu(d.id, d.reference, derniere_activite(d), echeance(d, mois))
        for d in dossiers
        if echeance(d, mois) <= aujourd_hui
    ]
    return sorted(echus, key=lambda e: e.echeance)
