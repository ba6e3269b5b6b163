"""The frise and the regional demand chart, mounted in a small app at 80x24 and 160x48."""

from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget

from assistant.demo import dossiers_demo
from assistant.guide.timeline import Periode, elements_non_dates, periodes
from assistant.retrieval.demand import HiringDemand
from assistant.retrieval.pack import read_dataset
from assistant.tui.widgets.demande_regions import (
    LARGEUR_DIFFICILES,
    NOTE_APPROCHE,
    NOTE_MASQUE,
    SANS_CHIFFRES,
    SANS_FICHE,
    DemandeRegions,
    format_nombre,
)
from assistant.tui.widgets.frise import VIDE, Frise

pytestmark = pytest.mark.functional
AUJOURD_HUI = date(2026, 3, 15)
TAILLES = [(80, 24), (160, 48)]
ESPACE_FINE = "\u202f"


class Banc(App[None]):
    """One widget alone on a screen."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


def _ecran(widget: Widget) -> list[str]:
    """The widget's lines as drawn on screen (padding included), trailing spaces removed."""
    taille = widget.outer_size
    return [strip.text.rstrip() for strip in widget.render_lines(taille.region)]


def _dossier_p1():
    return next(d for d in dossiers_demo(AUJOURD_HUI) if d.reference == "DEMO-FICTIF-P1")


@pytest.fixture(scope="module")
def demande() -> HiringDemand:
    return HiringDemand()


# --- Frise --------------------------------------------------------------------------------------


@pytest.mark.parametrize("taille", TAILLES)
async def test_frise_of_a_dossier(taille: tuple[int, int]) -> None:
    dossier = _dossier_p1()
    frise = Frise(
        periodes(dossier, AUJOURD_HUI.year),
        non_dates=elements_non_dates(dossier),
        annee_courante=AUJOURD_HUI.year,
    )
    async with Banc(frise).run_test(size=taille) as pilot:
        await pilot.pause()
        lignes = _ecran(frise)
        assert all(len(ligne) <= taille[0] for ligne in lignes)
        texte = "\n".join(lignes)
        # Years axis, one line per nature, a legend and the detail of each period.
        assert "2008" in lignes[0] and "2024" in lignes[0]
        for nature in ("École", "Emploi", "Détention", "Sans emploi"):
            assert any(ligne.lstrip().startswith(nature) for ligne in lignes[2:7]), nature
        assert "Formation " not in "\n".join(lignes[2:7])  # no empty line for a missing nature
        assert "█ daté" in texte and "░ sans expérience datée" in texte
        assert "2018–2024 Emploi      Ouvrier VRD en intérim" in texte
        assert "Remise à niveau en français écrit" in texte
        assert "Rénovation de la maison d'un cousin (fictif)" in texte
        # Bars are scaled to the width: the widest period fills more cells on a wide screen.
        emploi = next(ligne for ligne in lignes if ligne.lstrip().startswith("Emploi"))
        assert emploi.count("█") > (60 if taille[0] > 100 else 20)
        assert frise.size.height == len(frise.lignes(frise.size.width))


@pytest.mark.parametrize("taille", TAILLES)
async def test_frise_empty_then_updated(taille: tuple[int, int]) -> None:
    frise = Frise(annee_courante=2026)
    async with Banc(frise).run_test(size=taille) as pilot:
        await pilot.pause()
        assert " ".join(_ecran(frise)).split() == VIDE.split()

        frise.periodes = [
            Periode(2015.0, 2018.5, "Cariste (fictif)", "emploi"),
            Periode(2019.0, 2020.0, "Snack familial (fictif)", "emploi", approximatif=True),
        ]
        await pilot.pause()
        texte = "\n".join(_ecran(frise))
        assert VIDE not in texte
        assert "▒" in texte and "(dates approximatives)" in texte
        assert "2015–2018 Emploi      Cariste (fictif)" in texte
        assert frise.size.height == len(frise.lignes(frise.size.width))


async def test_frise_shows_a_whole_dossier() -> None:
    frise = Frise()
    async with Banc(frise).run_test(size=(80, 24)) as pilot:
        frise.afficher_dossier(_dossier_p1(), annee_courante=2026)
        await pilot.pause()
        assert "Apprenti maçon" in "\n".join(_ecran(frise))


# --- Regional demand ----------------------------------------------------------------------------


@pytest.mark.parametrize("taille", TAILLES)
async def test_demand_by_region_for_a_job_sheet(
    taille: tuple[int, int], demande: HiringDemand
) -> None:
    par_region = demande.by_region("F1703")
    widget = DemandeRegions("F1703", "Maçon / Maçonne", par_region, region_sortie="84")
    async with Banc(widget).run_test(size=taille) as pilot:
        await pilot.pause()
        lignes = _ecran(widget)
        texte = "\n".join(lignes)
        assert all(len(ligne) <= taille[0] for ligne in lignes)
        assert lignes[0].strip().startswith("F1703 · Maçon / Maçonne")
        barres = [ligne for ligne in lignes if "█" in ligne]
        assert len(barres) == len(par_region)
        # Sorted, most hiring first; the release region is marked and its figure is exact.
        attendus = sorted(par_region, key=lambda d: -d.projets)
        assert [b.split("█")[0].strip(" ▶") for b in barres] == [d.nom for d in attendus]
        [sortie] = [b for b in barres if "▶" in b]
        assert "Auvergne-Rhône-Alpes" in sortie
        ara = next(d for d in par_region if d.region == "84")
        assert f"au moins {format_nombre(ara.projets)}" in sortie
        assert ESPACE_FINE in format_nombre(ara.projets)
        notes = " ".join(texte.split())
        assert "Estimation BMO 2025 (lien approché)" in notes
        assert NOTE_MASQUE in notes
        assert ("% difficiles" in texte) == (taille[0] >= LARGEUR_DIFFICILES)
        assert widget.size.height == len(widget.lignes(widget.size.width))


async def test_exact_link_has_no_approximation_note(demande: HiringDemand) -> None:
    widget = DemandeRegions("G1602", "Commis / Commise de cuisine", demande.by_region("G1602"))
    async with Banc(widget).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        texte = "\n".join(_ecran(widget))
        assert NOTE_APPROCHE not in texte
        assert "▶" not in texte


@pytest.mark.parametrize("taille", TAILLES)
async def test_demand_empty_states(taille: tuple[int, int], demande: HiringDemand) -> None:
    widget = DemandeRegions()
    async with Banc(widget).run_test(size=taille) as pilot:
        await pilot.pause()
        assert " ".join(_ecran(widget)).split() == SANS_FICHE.split()

        # A real job sheet that no BMO family is linked to.
        libelle = next(r["libelle"] for r in read_dataset("rome_fiches") if r["code"] == "B1804")
        assert demande.by_region("B1804") == []
        widget.afficher("B1804", libelle, demande.by_region("B1804"))
        await pilot.pause()
        texte = " ".join(_ecran(widget))
        assert texte.split()[0] == "B1804"
        assert " ".join(SANS_CHIFFRES.split()) in " ".join(texte.split())

        widget.afficher("F1703", "Maçon / Maçonne", demande.by_region("F1703"), "84")
        await pilot.pause()
        assert sum("█" in ligne for ligne in _ecran(widget)) == len(demande.by_region("F1703"))
