"""A thread of bubbles drawn line by line, without one widget per bubble.

With a widget per bubble, each new line in the thread mounted a widget and removed an old one,
and each of those laid out the whole screen (10 to 20 ms on this kind of machine, twice per
answer) while the counsellor went on typing. Here a new bubble is wrapped once to the thread's
width and its lines are appended; the screen only repaints the thread.

Each kind of bubble is styled in CSS as if it were a widget, through a component class
`fil--<kind>`: colour, background, text-style, text-align, margin (top, left, right), padding and
a left or right border (drawn as a bar, e.g. `border-left: thick $accent`).
"""

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.events import Resize
from textual.geometry import Size, Spacing
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

MAX_AFFICHE = 2000
"""What a bubble shows of a very long text (the dossier keeps what was confirmed)."""
_CONTROLES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters a terminal would act on (escape sequences, bell…): never drawn."""
BARRE = "█"
"""The edge of Textual's « thick » border, the one the bubbles use."""


@dataclass(frozen=True)
class Forme:
    """One kind of bubble, as its component class in the stylesheet says."""

    style: Style
    haut: int
    gauche: int
    droite: int
    rembourrage: Spacing
    barre_gauche: Segment | None
    barre_droite: Segment | None
    a_droite: bool


@dataclass(frozen=True)
class Bulle:
    auteur: str
    texte: Text


class BubbleThread(ScrollView, can_focus=False):
    MAX_BULLES: ClassVar[int] = 24
    """Older bubbles leave the thread (it is not the record: the dossier is)."""

    # The thread's height is set by its container, not by its lines: a new bubble changes its
    # virtual height, which by default would lay out the whole screen. Scrollbars are updated
    # by `_apres_ajout`.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._bulles: list[Bulle] = []
        self._hauteurs: list[int] = []
        """Lines of each bubble at `_largeur`, to drop the oldest ones without redrawing."""
        self._lignes: list[Strip] = []
        self._largeur = 0
        self._formes: dict[str, Forme] = {}

    @property
    def bulles(self) -> list[Bulle]:
        return list(self._bulles)

    def textes(self) -> list[str]:
        return [bulle.texte.plain for bulle in self._bulles]

    def ajouter(self, auteur: str, texte: str | Text, detail: str | None = None) -> Bulle:
        if isinstance(texte, str):
            if len(texte) > MAX_AFFICHE:
                texte = f"{texte[:MAX_AFFICHE]}… ({len(texte)} caractères au total)"
            texte = Text(_CONTROLES.sub("", texte))  # never markup: shown as typed
        else:
            texte = texte.copy()
        if detail:
            texte.append("\n" + detail, style="dim italic")
        bulle = Bulle(auteur, texte)
        self._bulles.append(bulle)
        if self._largeur:
            lignes = self._dessiner(bulle, self._largeur)
            self._lignes.extend(lignes)
            self._hauteurs.append(len(lignes))
        surplus = len(self._bulles) - self.MAX_BULLES
        if surplus > 0:
            del self._bulles[:surplus]
            if self._largeur:
                del self._lignes[: sum(self._hauteurs[:surplus])]
                del self._hauteurs[:surplus]
        self._apres_ajout()
        return bulle

    # --- drawing ------------------------------------------------------------------------------

    def _apres_ajout(self) -> None:
        self.virtual_size = Size(self._largeur, len(self._lignes))
        # What a layout would have done for a scrollable widget: scrollbars shown or hidden and
        # sized to the new height (their visibility change, rare, still lays out the screen).
        self._scroll_update(self.virtual_size)
        self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.refresh()

    def _redessiner(self, plus_tard: bool = False) -> None:
        largeur = self.scrollable_content_region.width
        self._largeur = largeur
        self._formes = self._lire_formes()
        self._lignes = []
        self._hauteurs = []
        if largeur > 0:
            for bulle in self._bulles:
                lignes = self._dessiner(bulle, largeur)
                self._lignes.extend(lignes)
                self._hauteurs.append(len(lignes))
        if plus_tard:  # asked while drawing: scroll and scrollbars once this frame is done
            self.call_after_refresh(self._apres_ajout)
        else:
            self._apres_ajout()

    def on_resize(self, event: Resize) -> None:
        if self.scrollable_content_region.width != self._largeur:
            self._redessiner()
        else:  # shorter when the proposals open under it: the newest bubble stays in view
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def notify_style_update(self) -> None:
        # Colours and shapes are in the drawn lines: drawn again when the theme or a class of an
        # ancestor changed them (read once every style of this update is applied), not at every
        # hover or focus change that also lands here.
        super().notify_style_update()
        if self._largeur:
            self.call_after_refresh(self._si_formes_changees)

    def _si_formes_changees(self) -> None:
        if self._lire_formes() != self._formes:
            self._redessiner()

    def _lire_formes(self) -> dict[str, Forme]:
        fond = self.rich_style
        formes = {}
        for nom in self.COMPONENT_CLASSES:
            if nom.startswith("fil--"):
                css = self.get_component_styles(nom)
                style = fond + css.rich_style  # not the widget's cache: it may be stale here
                formes[nom.removeprefix("fil--")] = Forme(
                    style=style,
                    haut=css.margin.top,
                    gauche=css.margin.left,
                    droite=css.margin.right,
                    rembourrage=css.padding,
                    barre_gauche=_barre(css.border_left, style),
                    barre_droite=_barre(css.border_right, style),
                    a_droite=css.text_align in ("right", "end"),
                )
        return formes

    def _dessiner(self, bulle: Bulle, largeur: int) -> list[Strip]:
        fond = self.rich_style
        forme = self._formes.get(bulle.auteur)
        if forme is None:
            forme = Forme(fond, 0, 0, 0, Spacing(), None, None, False)
        bord = Spacing(0, 1 if forme.barre_droite else 0, 0, 1 if forme.barre_gauche else 0)
        cotes = forme.rembourrage + bord
        interieur = max(largeur - forme.gauche - forme.droite - cotes.width, 1)
        texte = bulle.texte.copy()
        texte.justify = "right" if forme.a_droite else "left"
        console = self.app.console
        options = console.options.update(width=interieur, height=None, highlight=False)
        lignes = console.render_lines(texte, options, style=forme.style, pad=True)
        vide = [Segment(" " * interieur, forme.style)]
        rembourrage = forme.rembourrage
        lignes = [vide] * rembourrage.top + lignes + [vide] * rembourrage.bottom
        debut: list[Segment | None] = [
            Segment(" " * forme.gauche, fond),
            forme.barre_gauche,
            Segment(" " * rembourrage.left, forme.style),
        ]
        fin: list[Segment | None] = [
            Segment(" " * rembourrage.right, forme.style),
            forme.barre_droite,
            Segment(" " * forme.droite, fond),
        ]
        avant = [segment for segment in debut if segment and segment.text]
        apres = [segment for segment in fin if segment and segment.text]
        strips = [Strip.blank(largeur, fond)] * forme.haut
        for ligne in lignes:
            strips.append(Strip([*avant, *ligne, *apres]).adjust_cell_length(largeur, fond))
        return strips

    def render_line(self, y: int) -> Strip:
        largeur = self.scrollable_content_region.width
        if largeur != self._largeur:
            self._redessiner(plus_tard=True)
        index = self.scroll_offset.y + y
        if 0 <= index < len(self._lignes):
            return self._lignes[index]
        return Strip.blank(largeur, self.rich_style)


def _barre(bord: tuple[str, Color], style: Style) -> Segment | None:
    """A border of a bubble's component class, drawn as a bar on the bubble's background."""
    genre, couleur = bord
    if genre in ("", "none", "hidden"):
        return None
    return Segment(BARRE, style + Style(color=couleur.rich_color))
