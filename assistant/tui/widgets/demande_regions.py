"""Hiring projects (BMO 2025) by region for one job sheet, as a horizontal bar chart.

The figures are estimates (BMO counts job families, not job sheets) and the chart says so: « au
moins » when statistical secrecy hid some cells, « lien approché » when the job sheet has no exact
BMO family. The release region of the person, when known, is highlighted.
"""

import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:  # the knowledge stack loads on first use, not when the interface starts
    from assistant.retrieval.demand import RegionalDemand

SANS_FICHE = "Choisissez une fiche métier pour voir les projets de recrutement par région."
SANS_CHIFFRES = (
    "Aucun projet de recrutement BMO 2025 n'est relié à cette fiche métier : "
    "le chiffre par région n'est pas connu."
)
SOURCE = "Source : enquête BMO 2025 (France Travail)"
NOTE_APPROCHE = "Estimation BMO 2025 (lien approché) : fiche sans famille BMO exacte."
NOTE_MASQUE = "« au moins » : des chiffres sont cachés par le secret statistique."
LARGEUR_PAR_DEFAUT = 80
LARGEUR_DIFFICILES = 110
"""From this width on, the share of hirings judged difficult is shown beside each bar."""
_ESPACE_FINE = "\u202f"  # French thousands separator and space before « % »
_HUITIEMES = " ▏▎▍▌▋▊▉"
_NOM_MAX = 28
_BARRE_MIN = 8
_COULEUR = "#5f87af"
_COULEUR_SORTIE = "#d7af00"
_DISCRET = Style(dim=True)


def format_nombre(nombre: int) -> str:
    """French style: « 12 345 » with a narrow no-break space between thousands."""
    return f"{nombre:,}".replace(",", _ESPACE_FINE)


def format_projets(demande: "RegionalDemand") -> str:
    return ("au moins " if demande.masque else "") + format_nombre(demande.projets)


def _paragraphe(texte: str, largeur: int, style: Style | str = _DISCRET) -> list[Text]:
    return [Text(ligne, style=style) for ligne in textwrap.wrap(texte, max(largeur, 20))]


def barre(valeur: float, maximum: float, largeur: int) -> str:
    """At most `largeur` cells, to the eighth of a cell; never empty for a non-zero value."""
    if maximum <= 0 or valeur <= 0:
        return ""
    huitiemes = max(round(valeur / maximum * largeur * 8), 1)
    pleins, reste = divmod(huitiemes, 8)
    return "█" * pleins + (_HUITIEMES[reste] if reste else "")


class DemandeRegions(Widget):
    """Bar chart of `RegionalDemand`s for one job sheet; update it with `afficher(...)`."""

    DEFAULT_CSS = """
    DemandeRegions {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    code_rome: reactive[str | None] = reactive(None, layout=True)
    libelle: reactive[str | None] = reactive(None, layout=True)
    demandes: reactive[list["RegionalDemand"]] = reactive(list, layout=True)
    region_sortie: reactive[str | None] = reactive(None, layout=True)
    """INSEE code of the region where the person plans to live; its bar is highlighted."""

    def __init__(
        self,
        code_rome: str | None = None,
        libelle: str | None = None,
        demandes: Iterable["RegionalDemand"] = (),
        region_sortie: str | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(DemandeRegions.code_rome, code_rome)
        self.set_reactive(DemandeRegions.libelle, libelle)
        self.set_reactive(DemandeRegions.demandes, list(demandes))
        self.set_reactive(DemandeRegions.region_sortie, region_sortie)

    def afficher(
        self,
        code_rome: str | None,
        libelle: str | None,
        demandes: Iterable["RegionalDemand"],
        region_sortie: str | None = None,
    ) -> None:
        """Show another job sheet (one refresh for the four values)."""
        self.set_reactive(DemandeRegions.code_rome, code_rome)
        self.set_reactive(DemandeRegions.libelle, libelle)
        self.set_reactive(DemandeRegions.demandes, list(demandes))
        self.set_reactive(DemandeRegions.region_sortie, region_sortie)
        self.refresh(layout=True)

    # --- rendering ----------------------------------------------------------------------------

    def render(self) -> Text:
        return Text("\n", no_wrap=True).join(self.lignes(self.size.width or LARGEUR_PAR_DEFAUT))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lignes(width or LARGEUR_PAR_DEFAUT))

    def titre(self) -> str:
        fiche = " · ".join(t for t in (self.code_rome, self.libelle) if t)
        return f"{fiche} — projets de recrutement par région (BMO 2025)"

    def lignes(self, largeur: int) -> list[Text]:
        """The chart laid out for `largeur` cells (render and height use the same layout)."""
        if not self.code_rome:
            return _paragraphe(SANS_FICHE, largeur)
        lignes = _paragraphe(self.titre(), largeur, "bold")
        if not self.demandes:
            return lignes + _paragraphe(SANS_CHIFFRES, largeur)
        lignes += [*self._barres(largeur), Text()]
        for note in self._notes():
            lignes += _paragraphe(note, largeur)
        for ligne in lignes:
            if ligne.cell_len > largeur:
                ligne.truncate(largeur, overflow="ellipsis")
        return lignes

    def _barres(self, largeur: int) -> list[Text]:
        demandes = sorted(self.demandes, key=lambda d: (-d.projets, d.nom))
        chiffres = [format_projets(d) for d in demandes]
        largeur_chiffre = max(len(c) for c in chiffres)
        largeur_nom = min(max(len(d.nom) for d in demandes), _NOM_MAX)
        difficiles = largeur >= LARGEUR_DIFFICILES
        largeur_difficiles = len(f" 100{_ESPACE_FINE}% difficiles") if difficiles else 0
        # Marker (2), name, space, bar, space, figure, optional share of difficult hirings.
        largeur_barre = max(
            largeur - 2 - largeur_nom - 1 - 1 - largeur_chiffre - largeur_difficiles, _BARRE_MIN
        )
        maximum = max(d.projets for d in demandes)
        lignes = []
        for demande, chiffre in zip(demandes, chiffres, strict=True):
            sortie = demande.region == self.region_sortie
            couleur = _COULEUR_SORTIE if sortie else _COULEUR
            nom = (
                demande.nom
                if len(demande.nom) <= largeur_nom
                else demande.nom[: largeur_nom - 1] + "…"
            )
            ligne = Text.assemble(
                ("▶ " if sortie else "  ", couleur),
                (f"{nom:<{largeur_nom}} ", "bold" if sortie else ""),
                (f"{barre(demande.projets, maximum, largeur_barre):<{largeur_barre}}", couleur),
                (f" {chiffre:>{largeur_chiffre}}", "bold" if sortie else ""),
            )
            if difficiles and demande.projets:
                part = round(100 * demande.difficiles / demande.projets)
                ligne.append(f" {part:>3}{_ESPACE_FINE}% difficiles", style=_DISCRET)
            lignes.append(ligne)
        return lignes

    def _notes(self) -> list[str]:
        familles = sorted({f for d in self.demandes for f in d.familles})
        notes = [SOURCE + (f", familles {', '.join(familles)}." if familles else ".")]
        if any(d.approche for d in self.demandes):
            notes.append(NOTE_APPROCHE)
        if any(d.masque for d in self.demandes):
            notes.append(NOTE_MASQUE)
        sortie = next((d for d in self.demandes if d.region == self.region_sortie), None)
        if sortie is not None:
            notes.append(f"▶ Région de retour envisagée : {sortie.nom}.")
        return notes
