"""The interview thread: the guide's questions, what the counsellor typed, what was noted."""

from typing import Literal

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

Auteur = Literal["assistant", "conseiller", "note", "erreur"]
MAX_BULLES = 24
"""Older bubbles leave the screen (the thread is not the record: the dossier is)."""
MAX_AFFICHE = 2000


class ChatLog(VerticalScroll, can_focus=False):
    def ajouter(self, auteur: Auteur, texte: str | Text, detail: str | None = None) -> Static:
        if isinstance(texte, str):
            if len(texte) > MAX_AFFICHE:
                texte = f"{texte[:MAX_AFFICHE]}… ({len(texte)} caractères au total)"
            texte = Text(texte)
        if detail:
            texte.append("\n" + detail, style="dim italic")
        bulle = Static(texte, classes=f"bulle {auteur}")
        self.mount(bulle)
        surplus = len(self.children) - MAX_BULLES
        for ancienne in list(self.children)[: max(surplus, 0)]:
            ancienne.remove()
        self.scroll_end(animate=False)
        return bulle
