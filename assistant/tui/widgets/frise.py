"""The frise: a person's dated path as horizontal bars on a years axis, one line per nature.

A visual support of the guide for people at ease with pictures more than with writing; the screen
may be turned towards the person, so the words are plain and nothing is guessed (see
`assistant.guide.timeline` for what is placed and what is not).
"""

import math
import textwrap
from collections.abc import Callable, Iterable
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from assistant.domain.dossier import Dossier
from assistant.guide.timeline import (
    LIBELLES_NATURE,
    NATURES,
    Nature,
    Periode,
    elements_non_dates,
    periodes,
)

VIDE = "Aucune période datée pour l'instant : les expériences avec une année apparaîtront ici."
LARGEUR_PAR_DEFAUT = 80
_LARGEUR_ETIQUETTE = 12  # "Sans emploi" and a space
_PAS_ANNEES = (1, 2, 5, 10, 20, 50)
_ECART_ETIQUETTES = 6  # four digits and two spaces between year labels

COULEURS: dict[Nature, str] = {
    "ecole": "#5f87d7",
    "formation": "#af87d7",
    "emploi": "#5faf5f",
    "detention": "#d7875f",
    "sans_emploi": "#8a8a8a",
}
_PLEIN, _APPROCHE, _TROU = "█", "▒", "░"
_DISCRET = Style(dim=True)
_Colonne = Callable[[float], int]


def _tronquer(ligne: Text, largeur: int) -> Text:
    if ligne.cell_len > largeur:
        ligne.truncate(largeur, overflow="ellipsis")
    return ligne


def _paragraphe(texte: str, largeur: int, indent: str = "") -> list[Text]:
    """Plain text wrapped to `largeur`, dimmed: messages and captions, not the chart itself."""
    lignes = textwrap.wrap(texte, max(largeur, 20), subsequent_indent=indent)
    return [Text(ligne, style=_DISCRET) for ligne in lignes]


class Frise(Widget):
    """Horizontal timeline of `Periode`s; assign `periodes` (and `non_dates`) to update it."""

    DEFAULT_CSS = """
    Frise {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    periodes: reactive[list[Periode]] = reactive(list, layout=True)
    non_dates: reactive[list[str]] = reactive(list, layout=True)
    """Facts the axis cannot hold (undated training, periods to value), shown under the legend."""
    annee_courante: reactive[int] = reactive(lambda: date.today().year, layout=True)

    def __init__(
        self,
        periodes: Iterable[Periode] = (),
        *,
        non_dates: Iterable[str] = (),
        annee_courante: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(Frise.periodes, list(periodes))
        self.set_reactive(Frise.non_dates, list(non_dates))
        if annee_courante is not None:
            self.set_reactive(Frise.annee_courante, annee_courante)

    def afficher_dossier(self, dossier: Dossier, annee_courante: int | None = None) -> None:
        """Show the dated path of a dossier (steps 2 and 3) and what could not be dated."""
        if annee_courante is not None:
            self.annee_courante = annee_courante
        self.periodes = periodes(dossier, self.annee_courante)
        self.non_dates = elements_non_dates(dossier)

    # --- rendering ----------------------------------------------------------------------------

    def render(self) -> Text:
        return Text("\n", no_wrap=True).join(self.lignes(self.size.width or LARGEUR_PAR_DEFAUT))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lignes(width or LARGEUR_PAR_DEFAUT))

    def lignes(self, largeur: int) -> list[Text]:
        """The frise laid out for `largeur` cells (render and height use the same layout)."""
        lignes = self._frise(largeur) if self.periodes else _paragraphe(VIDE, largeur)
        if self.non_dates:
            lignes.append(Text("Sans date sur la frise :", style=_DISCRET))
            for element in self.non_dates:
                lignes += _paragraphe(f"  · {element}", largeur, indent="    ")
        return [_tronquer(ligne, largeur) for ligne in lignes]

    def _frise(self, largeur: int) -> list[Text]:
        debut = math.floor(min(p.debut for p in self.periodes))
        fin = max(math.ceil(max(p.fin for p in self.periodes)), self.annee_courante + 1)
        largeur_barres = max(largeur - _LARGEUR_ETIQUETTE, 10)
        # The last year boundary falls on the last cell, so that its tick is drawn.
        echelle = (largeur_barres - 1) / (fin - debut)

        def colonne(annee: float) -> int:
            return min(max(round((annee - debut) * echelle), 0), largeur_barres - 1)

        pas = next((p for p in _PAS_ANNEES if p * echelle >= _ECART_ETIQUETTES), _PAS_ANNEES[-1])
        reperes = [a for a in range(debut, fin + 1) if a % pas == 0]
        lignes = [*self._axe(reperes, colonne, largeur_barres)]
        for nature in NATURES:
            du_type = [p for p in self.periodes if p.nature == nature]
            if du_type:
                lignes.append(self._ligne(nature, du_type, reperes, colonne, largeur_barres))
        lignes.append(Text())
        lignes.append(self._legende())
        for periode in sorted(self.periodes, key=lambda p: (p.debut, p.fin)):
            lignes.append(self._detail(periode))
        return lignes

    @staticmethod
    def _axe(reperes: list[int], colonne: _Colonne, largeur_barres: int) -> list[Text]:
        annees = [" "] * largeur_barres
        trait = ["─"] * largeur_barres
        libre = 0
        for annee in reperes:
            c = colonne(annee)
            trait[c] = "┬"
            debut = min(c, largeur_barres - 4)  # the last label ends at the right edge
            if debut >= libre:
                annees[debut : debut + 4] = list(str(annee))
                libre = debut + _ECART_ETIQUETTES
        marge = " " * _LARGEUR_ETIQUETTE
        return [
            Text(marge + "".join(annees).rstrip(), style="bold"),
            Text(marge + "".join(trait), style=_DISCRET),
        ]

    @staticmethod
    def _ligne(
        nature: Nature,
        du_type: list[Periode],
        reperes: list[int],
        colonne: _Colonne,
        largeur_barres: int,
    ) -> Text:
        cellules: list[str | None] = [None] * largeur_barres
        for periode in du_type:
            c0 = min(colonne(periode.debut), largeur_barres - 1)
            c1 = max(colonne(periode.fin), c0 + 1)  # at least one cell, however short
            motif = (
                _TROU if nature == "sans_emploi" else _APPROCHE if periode.approximatif else _PLEIN
            )
            for c in range(c0, c1):
                # A precisely dated period wins over an approximate one on the same cell.
                if cellules[c] != _PLEIN:
                    cellules[c] = motif
        ligne = Text(f"{LIBELLES_NATURE[nature]:<{_LARGEUR_ETIQUETTE}}", style="bold")
        grille = {colonne(a) for a in reperes}
        for c, cellule in enumerate(cellules):
            if cellule is not None:
                ligne.append(cellule, style=COULEURS[nature])
            else:
                ligne.append("·" if c in grille else " ", style=_DISCRET)
        return ligne

    @staticmethod
    def _legende() -> Text:
        return Text.assemble(
            (_PLEIN, "bold"),
            " daté   ",
            (_APPROCHE, "bold"),
            " dates approximatives   ",
            (_TROU, COULEURS["sans_emploi"]),
            " sans expérience datée",
        )

    @staticmethod
    def _detail(periode: Periode) -> Text:
        approx = " (dates approximatives)" if periode.approximatif else ""
        return Text.assemble(
            ("■ ", COULEURS[periode.nature]),
            (f"{periode.annees:<10}", "bold"),
            f"{LIBELLES_NATURE[periode.nature]:<{_LARGEUR_ETIQUETTE}}",
            periode.libelle + approx,
        )
