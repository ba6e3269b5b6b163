"""A yes/no question in a modal dialog."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmDialog(ModalScreen[bool]):
    """Answers True when the counsellor confirms, False otherwise (Échap = non)."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Grid {
        grid-size: 2; grid-gutter: 1 2; grid-rows: auto 3;
        width: 64; max-width: 95%; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    ConfirmDialog #question { column-span: 2; width: 100%; }
    ConfirmDialog Button { width: 100%; }
    """
    BINDINGS = [Binding("escape", "dismiss(False)", "Annuler")]

    def __init__(self, question: str, confirm_label: str = "Confirmer") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Grid():
            yield Label(self.question, id="question")
            yield Button("Annuler", id="non")
            yield Button(self.confirm_label, variant="error", id="oui")

    def on_mount(self) -> None:
        # Safe default: the destructive choice needs a deliberate move.
        self.query_one("#non", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "oui")
