"""Retention periods: when a dossier falls due for erasure."""

from datetime import UTC, date, datetime

import pytest

from assistant.domain.dossier import Dossier
from assistant.retention import ajouter_mois, derniere_activite, dossiers_echus, echeance

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("jour", "mois", "attendu"),
    [
        (date(2024, 1, 15), 24, date(2026, 1, 15)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 12, 1), 12, date(2025, 12, 1)),
    ],
)
def test_months_are_added_on_the_calendar(jour: date, mois: int, attendu: date) -> None:
    assert ajouter_mois(jour, mois) == attendu


def _dossier(reference: str, *rencontres: date) -> Dossier:
    dossier = Dossier.ouvrir(reference, "maison_arret", cree_le=datetime(2023, 5, 2, tzinfo=UTC))
    for jour in rencontres:
        dossier.nouvelle_rencontre(jour)
    return dossier


def test_the_last_meeting_starts_the_period_and_creation_stands_in_without_one() -> None:
    suivi = _dossier("MA-01", date(2023, 6, 1), date(2024, 3, 10))
    assert derniere_activite(suivi) == date(2024, 3, 10)
    assert echeance(suivi, 24) == date(2026, 3, 10)
    assert derniere_activite(_dossier("MA-02")) == date(2023, 5, 2)


def test_only_dossiers_past_their_period_are_due_oldest_first() -> None:
    dossiers = [
        _dossier("MA-01", date(2024, 3, 10)),
        _dossier("MA-02"),
        _dossier("MA-03", date(2026, 1, 5)),
        _dossier("MA-04", date(2024, 11, 26)),
    ]
    echus = dossiers_echus(dossiers, date(2026, 11, 26), 24)
    assert [e.reference for e in echus] == ["MA-02", "MA-01", "MA-04"]
    assert echus[-1].echeance == date(2026, 11, 26)
    assert dossiers_echus(dossiers, date(2026, 11, 26), 120) == []
