"""The counsellor's own note on one criterion of the grid; stays open with the reason if refused."""

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from assistant.domain.errors import DonneesInvalides


class NoteDialog(ModalScreen[bool]):
    """Answers True when the note was applied, False when the counsellor cancelled."""

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; border: thick $accent; background: $surface;
    }
    NoteDialog .aide { color: $text-muted; }
    NoteDialog #note { width: 12; }
    NoteDialog #erreur { color: $error; height: auto; }
    NoteDialog #boutons { height: auto; }
    NoteDialog #boutons Button { margin-right: 1; width: auto; min-width: 12; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Annuler"),
        Binding("ctrl+s", "save", "Appliquer", priority=True),
    ]

    def __init__(
        self,
        titre: str,
        enregistrer: Callable[[int, str], None],
        note: int | None = None,
        observation: str = "",
    ) -> None:
        super().__init__()
        self.titre = titre
        self.enregistrer = enregistrer
        self.note = note
        self.observation = observation

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Noter : {self.titre}", style="bold"))
            yield Static(
                "1 = à travailler · 2 = en progrès · 3 = bien · 4 = très bien. "
                "Ctrl+S : appliquer · Échap : annuler",
                classes="aide",
            )
            yield Input(
                str(self.note) if self.note else "", placeholder="1 à 4", id="note", max_length=2
            )
            yield Input(
                self.observation,
                placeholder="Ce que vous avez observé (une phrase)",
                id="observation",
                max_length=400,
            )
            yield Static("", id="erreur")
            with Horizontal(id="boutons"):
                yield Button("Appliquer", variant="primary", id="appliquer")
                yield Button("Annuler", id="annuler")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    def _suivant(self) -> None:
        self.query_one("#observation", Input).focus()

    @on(Input.Submitted, "#observation")
    def _valider(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        erreur = self.query_one("#erreur", Static)
        brut = self.query_one("#note", Input).value.strip()
        if not brut.isdigit():
            erreur.update("La note doit être un chiffre de 1 à 4.")
            self.query_one("#note", Input).focus()
            return
        try:
            self.enregistrer(int(brut), self.query_one("#observation", Input).value)
        except DonneesInvalides as exc:
            erreur.update(Text("\n".join(exc.messages)))
            return
        self.dismiss(True)

    @on(Button.Pressed)
    def _bouton(self, event: Button.Pressed) -> None:
        if event.button.id == "appliquer":
            self.action_save()
        else:
            self.dismiss(False)
