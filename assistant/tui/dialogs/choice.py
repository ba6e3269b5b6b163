"""Pick one option in a list (a field to fill, a step, a profile), by keyboard."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChoiceDialog(ModalScreen[str | None]):
    """Answers the chosen option's id, or None (Échap)."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 90%;
        padding: 0 1; border: thick $accent; background: $surface;
    }
    ChoiceDialog OptionList { height: auto; max-height: 20; }
    ChoiceDialog .aide { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Annuler")]

    def __init__(self, titre: str, options: list[tuple[str, str]], aide: str = "") -> None:
        super().__init__()
        self.titre = titre
        self.options = options
        self.aide = aide

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.titre, style="bold"))
            if self.aide:
                yield Static(self.aide, classes="aide")
            # Options may quote the person's words: shown as plain text, never as markup.
            yield OptionList(*[Option(Text(texte), id=ident) for ident, texte in self.options])

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
