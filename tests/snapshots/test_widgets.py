"""SVG snapshots of the chart widgets (update with `pytest --snapshot-update`)."""

from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget

from assistant.demo import dossiers_demo
from assistant.retrieval.demand import HiringDemand
from assistant.tui.widgets.demande_regions import DemandeRegions
from assistant.tui.widgets.frise import Frise

pytestmark = pytest.mark.snapshot
AUJOURD_HUI = date(2026, 3, 15)
PETIT, GRAND = (80, 24), (160, 48)


class Banc(App[None]):
    """One widget alone on a screen."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


def _frise_demo(reference: str) -> Frise:
    dossier = next(d for d in dossiers_demo(AUJOURD_HUI) if d.reference == reference)
    frise = Frise(annee_courante=AUJOURD_HUI.year)
    frise.afficher_dossier(dossier)
    return frise


@pytest.mark.parametrize("taille", [PETIT, GRAND], ids=["80x24", "160x48"])
def test_frise_p1(snap_compare, taille: tuple[int, int]) -> None:
    assert snap_compare(Banc(_frise_demo("DEMO-FICTIF-P1")), terminal_size=taille)


def test_frise_p3_approximate_dates(snap_compare) -> None:
    assert snap_compare(Banc(_frise_demo("DEMO-FICTIF-P3")), terminal_size=PETIT)


def test_frise_empty(snap_compare) -> None:
    assert snap_compare(Banc(Frise(annee_courante=2026)), terminal_size=PETIT)


@pytest.mark.parametrize("taille", [PETIT, GRAND], ids=["80x24", "160x48"])
def test_demand_by_region(snap_compare, taille: tuple[int, int]) -> None:
    widget = DemandeRegions(
        "F1703", "Maçon / Maçonne", HiringDemand().by_region("F1703"), region_sortie="84"
    )
    assert snap_compare(Banc(widget), terminal_size=taille)


def test_demand_empty(snap_compare) -> None:
    assert snap_compare(Banc(DemandeRegions()), terminal_size=PETIT)
