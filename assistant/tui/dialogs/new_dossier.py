"""Dialog to open a new dossier: pseudonymous reference and establishment type."""

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from assistant.domain.dossier import Dossier
from assistant.domain.enums import TypeEtablissement
from assistant.domain.errors import DonneesInvalides
from assistant.domain.labels import TYPES_ETABLISSEMENT
from assistant.storage.errors import VaultError

CreerDossier = Callable[[str, TypeEtablissement], Dossier]


class NewDossierDialog(ModalScreen[Dossier | None]):
    """Creates the dossier itself, so that a refused reference keeps what was typed."""

    DEFAULT_CSS = """
    NewDossierDialog { align: center middle; }
    NewDossierDialog > Vertical {
        width: 72; max-width: 95%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    NewDossierDialog Label { margin-top: 1; }
    NewDossierDialog .aide { color: $text-muted; }
    NewDossierDialog #erreur { color: $error; height: auto; margin-top: 1; }
    NewDossierDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    NewDossierDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Annuler")]

    def __init__(self, creer: CreerDossier) -> None:
        super().__init__()
        self._creer = creer

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Nouveau dossier[/b]")
            yield Label("Référence pseudonyme")
            yield Input(placeholder="par exemple MA-2026-014", id="reference", max_length=32)
            yield Static(
                "Jamais de nom ni de numéro d'écrou : une référence interne suffit.", classes="aide"
            )
            yield Label("Type d'établissement")
            yield Select(
                [(label, value) for value, label in TYPES_ETABLISSEMENT.items()],
                prompt="Choisir…",
                id="type",
            )
            yield Static("", id="erreur")
            with Horizontal():
                yield Button("Annuler", id="annuler")
                yield Button("Créer", variant="primary", id="creer")

    def show_error(self, message: str) -> None:
        self.query_one("#erreur", Static).update(message)

    def on_input_submitted(self) -> None:
        self.query_one("#type", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "annuler":
            self.dismiss(None)
            return
        reference = self.query_one("#reference", Input).value.strip()
        choix = self.query_one("#type", Select).value
        if not reference:
            self.show_error("Saisissez une référence pour le dossier.")
            return
        if not isinstance(choix, TypeEtablissement):
            self.show_error("Choisissez le type d'établissement.")
            return
        try:
            dossier = self._creer(reference, choix)
        except DonneesInvalides as exc:
            self.show_error("\n".join(exc.messages))
            return
        except VaultError as exc:
            self.show_error(exc.message)
            return
        self.dismiss(dossier)
