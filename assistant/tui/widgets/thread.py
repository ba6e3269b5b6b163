"""A thread of bubbles drawn line by line, without one widget per bubble.

With a widget per bubble, each new line in the thread mounted a widget and removed an old one,
and each of those laid out the whole screen (10 to 20 ms on this kind of machine, twice per
answer) while the counsellor went on typing. Here a new bubble is wrapped once to the thread's
width and its lines are appended; the screen only repaints the thread. Colours come from the
stylesheet (component classes `fil--<kind>` for the text, `fil--bord-<kind>` for the bar), the
shape of each kind (bar side, indent, blank line before) from `FORMES`.
"""

import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

MAX_AFFICHE = 2000
"""What a bubble shows of a very long text (the dossier keeps what was confirmed)."""
_CONTROLES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters a terminal would act on (escape sequences, bell…): never drawn."""
BARRE = "█"
"""Textual's « thick » border edge, as the bubbles had when they were widgets."""


@dataclass(frozen=True)
class Forme:
    """How one kind of bubble is laid out (its colours are in the stylesheet)."""

    barre: Literal["gauche", "droite"] | None = None
    retrait_gauche: int = 0
    retrait_droit: int = 0
    avant: int = 1
    """Blank lines above the bubble."""
    a_droite: bool = False
    """Text aligned to the right (what the person said)."""
    marge: int = 1
    """Spaces on each side of the text, inside the bubble."""


@dataclass(frozen=True)
class Bulle:
    auteur: str
    texte: Text


class BubbleThread(ScrollView, can_focus=False):
    FORMES: ClassVar[dict[str, Forme]] = {}
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
        self._couleurs_dessinees: tuple[Style, ...] = ()

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
        self._couleurs_dessinees = self._couleurs()
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

    def notify_style_update(self) -> None:
        # The colours are in the drawn lines: drawn again when the theme changed them (light or
        # dark), not at every hover or focus change that also lands here.
        super().notify_style_update()
        if self._largeur and self._couleurs() != self._couleurs_dessinees:
            self._redessiner()

    def _couleurs(self) -> tuple[Style, ...]:
        noms = sorted(self.COMPONENT_CLASSES)
        return (self.rich_style, *(self.get_component_rich_style(n) for n in noms))

    def _dessiner(self, bulle: Bulle, largeur: int) -> list[Strip]:
        forme = self.FORMES.get(bulle.auteur, Forme())
        fond = self.rich_style
        style = fond + self.get_component_rich_style(f"fil--{bulle.auteur}", default=Style())
        barre = style + self.get_component_rich_style(f"fil--bord-{bulle.auteur}", default=Style())
        cote = 1 if forme.barre else 0
        interieur = largeur - forme.retrait_gauche - forme.retrait_droit - cote - 2 * forme.marge
        interieur = max(interieur, 1)
        texte = bulle.texte.copy()
        texte.justify = "right" if forme.a_droite else "left"
        console = self.app.console
        options = console.options.update(width=interieur, height=None, highlight=False)
        lignes = console.render_lines(texte, options, style=style, pad=True)
        blanc = Strip.blank(largeur, fond)
        strips = [blanc] * forme.avant
        marge = Segment(" " * forme.marge, style) if forme.marge else None
        for ligne in lignes:
            segments: list[Segment] = []
            if forme.retrait_gauche:
                segments.append(Segment(" " * forme.retrait_gauche, fond))
            if forme.barre == "gauche":
                segments.append(Segment(BARRE, barre))
            if marge:
                segments.append(marge)
            segments.extend(ligne)
            if marge:
                segments.append(marge)
            if forme.barre == "droite":
                segments.append(Segment(BARRE, barre))
            strips.append(Strip(segments).adjust_cell_length(largeur, fond))
        return strips

    def render_line(self, y: int) -> Strip:
        largeur = self.scrollable_content_region.width
        if largeur != self._largeur:
            self._redessiner(plus_tard=True)
        index = self.scroll_offset.y + y
        if 0 <= index < len(self._lignes):
            return self._lignes[index]
        return Strip.blank(largeur, self.rich_style)
