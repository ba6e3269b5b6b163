"""The mock interview's thread: the recruiter's lines on the left, the person's answers on the
right, short notes in between. The person's words are plain text, never markup."""

from typing import Literal

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

Role = Literal["recruteur", "personne", "assistant", "note", "erreur"]
MAX_REPLIQUES = 60
MAX_AFFICHE = 2000
"""What a bubble shows of a very long answer (the transcript keeps what the engine keeps)."""


class FilSimulation(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    FilSimulation { height: 1fr; padding: 0 1; }
    FilSimulation .replique { height: auto; margin: 1 0 0 0; padding: 0 1; }
    FilSimulation .replique.recruteur {
        border-left: thick $accent; background: $surface; margin-right: 6;
    }
    FilSimulation .replique.personne {
        margin-left: 6; border-right: thick $success; text-align: right;
    }
    FilSimulation .replique.assistant { border-left: thick $primary; margin-right: 6; }
    FilSimulation .replique.note { color: $text-muted; margin-top: 0; }
    FilSimulation .replique.erreur { color: $error; border-left: thick $error; }
    """

    def ajouter(self, role: Role, texte: str | Text, detail: str | None = None) -> Static:
        if isinstance(texte, str):
            if len(texte) > MAX_AFFICHE:
                texte = f"{texte[:MAX_AFFICHE]}… ({len(texte)} caractères au total)"
            texte = Text(texte)
        if detail:
            texte.append("\n" + detail, style="dim italic")
        replique = Static(texte, classes=f"replique {role}")
        self.mount(replique)
        surplus = len(self.children) - MAX_REPLIQUES
        for ancienne in list(self.children)[: max(surplus, 0)]:
            ancienne.remove()
        self.scroll_end(animate=False)
        return replique
