"""Rewrite one sentence of a draft; stays open with the reason when the change is refused."""

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from assistant.domain.errors import DonneesInvalides
from assistant.storage.errors import VaultError

MAX_PHRASE = 1000


class SentenceEditorDialog(ModalScreen[bool]):
    """Answers True when the sentence was saved, False when the counsellor cancelled."""

    DEFAULT_CSS = """
    SentenceEditorDialog { align: center middle; }
    SentenceEditorDialog > Vertical {
        width: 90; max-width: 96%; height: auto; max-height: 96%;
        padding: 0 2; border: thick $accent; background: $surface;
    }
    SentenceEditorDialog TextArea { height: 8; margin-top: 1; }
    SentenceEditorDialog .aide { color: $text-muted; }
    SentenceEditorDialog .erreur { color: $error; height: auto; }
    SentenceEditorDialog #boutons { height: auto; margin-top: 1; }
    SentenceEditorDialog #boutons Button { margin-right: 1; min-width: 10; width: auto; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Annuler"),
        Binding("ctrl+s", "save", "Enregistrer", priority=True),
    ]

    def __init__(self, texte: str, enregistrer: Callable[[str], None], aide: str = "") -> None:
        super().__init__()
        self.texte = texte
        self.enregistrer = enregistrer
        self.aide = aide

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Modifier la phrase", style="bold"))
            yield Static(
                "Ctrl+S : enregistrer · Échap : annuler. Une phrase que vous écrivez est "
                "sous votre responsabilité : elle est marquée « écrite par le conseiller ».",
                classes="aide",
            )
            if self.aide:
                yield Static(Text(self.aide), classes="erreur")
            yield TextArea(self.texte, id="phrase", soft_wrap=True)
            yield Static("", id="erreur", classes="erreur")
            with Horizontal(id="boutons"):
                yield Button("Enregistrer", variant="primary", id="enregistrer")
                yield Button("Annuler", id="annuler")

    def on_mount(self) -> None:
        zone = self.query_one(TextArea)
        zone.move_cursor(zone.document.end)  # most corrections finish or shorten the sentence
        zone.focus()

    def action_save(self) -> None:
        texte = " ".join(self.query_one(TextArea).text.split())
        erreur = self.query_one("#erreur", Static)
        if not texte:
            erreur.update("La phrase est vide. Pour la retirer du document, utilisez Suppr.")
            return
        if len(texte) > MAX_PHRASE:
            erreur.update(
                f"La phrase fait {len(texte)} caractères (au plus {MAX_PHRASE}) : "
                "coupez-la en deux."
            )
            return
        try:
            self.enregistrer(texte)
        except DonneesInvalides as exc:
            erreur.update("\n".join(exc.messages))
            return
        except VaultError as exc:
            erreur.update(exc.message)
            return
        self.dismiss(True)

    @on(Button.Pressed)
    def _bouton(self, event: Button.Pressed) -> None:
        if event.button.id == "enregistrer":
            self.action_save()
        else:
            self.dismiss(False)
