"""Screens that open the vault: create it the first time, unlock it afterwards."""

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Static

from assistant.session import Session
from assistant.storage.errors import VaultError
from assistant.storage.passphrase import check_passphrase
from assistant.tui import messages
from assistant.tui.widgets.footer import StableFooter


class _VaultScreen(Screen[None]):
    """Shared behaviour: the slow key derivation runs in a worker, errors are shown in place."""

    def __init__(self, session: Session, indice: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.indice = indice

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for widget in self.query(Input):
            widget.disabled = busy
        self.query_one("#valider", Button).disabled = busy
        self.query_one("#etat", Static).update(text)

    def on_vault_open_failed(self, message: messages.VaultOpenFailed) -> None:
        self._set_busy(False)
        self.query_one("#erreur", Static).update(message.message)
        first = self.query(Input).first()
        first.value = ""
        first.focus()


class UnlockScreen(_VaultScreen):
    """Ask for the passphrase of an existing vault."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(classes="carte"):
            yield Static("[b]Ouvrir le coffre[/b]", classes="titre")
            yield Static(
                self.indice
                or "Les dossiers sont chiffrés sur cet ordinateur. Saisissez votre phrase secrète.",
                classes="aide",
            )
            yield Label("Phrase secrète")
            yield Input(password=True, id="phrase")
            yield Static("", id="erreur", classes="erreur")
            yield Static("", id="etat", classes="aide")
            yield Button("Ouvrir", variant="primary", id="valider")
        yield StableFooter()

    def on_mount(self) -> None:
        self.query_one("#phrase", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#valider")
    def submit(self) -> None:
        phrase = self.query_one("#phrase", Input).value
        if not phrase:
            self.query_one("#erreur", Static).update("Saisissez la phrase secrète du coffre.")
            return
        self.query_one("#erreur", Static).update("")
        self._set_busy(True, "Ouverture du coffre…")
        self._unlock(phrase)

    @work(thread=True, exclusive=True, group="coffre")
    def _unlock(self, phrase: str) -> None:
        try:
            self.session.unlock(phrase)
        except VaultError as exc:
            self.post_message(messages.VaultOpenFailed(exc.message))
            return
        self.app.post_message(messages.VaultOpened(created=False))


class CreateVaultScreen(_VaultScreen):
    """First start: create the vault with a strong passphrase."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(classes="carte"):
            yield Static("[b]Créer votre coffre[/b]", classes="titre")
            yield Static(
                "Tout ce que vous noterez sera chiffré sur cet ordinateur avec une phrase secrète "
                "que vous seul connaissez. Sans elle, personne ne peut lire les dossiers — "
                "vous non plus : notez-la dans un endroit sûr.",
                classes="aide",
            )
            yield Label("Phrase secrète (12 caractères au moins)")
            yield Input(password=True, id="phrase")
            yield Static("", id="force", classes="aide")
            yield Label("Confirmez la phrase secrète")
            yield Input(password=True, id="confirmation")
            yield Static("", id="erreur", classes="erreur")
            yield Static("", id="etat", classes="aide")
            yield Button("Créer le coffre", variant="primary", id="valider")
        yield StableFooter()

    def on_mount(self) -> None:
        self.query_one("#phrase", Input).focus()

    @on(Input.Changed, "#phrase")
    def show_strength(self, event: Input.Changed) -> None:
        force = self.query_one("#force", Static)
        if not event.value:
            force.update("")
            return
        verdict = check_passphrase(event.value)
        force.update(("✔ " if verdict.acceptable else "✘ ") + verdict.message)
        force.set_class(verdict.acceptable, "bonne")

    @on(Input.Submitted, "#phrase")
    def next_field(self) -> None:
        self.query_one("#confirmation", Input).focus()

    @on(Input.Submitted, "#confirmation")
    @on(Button.Pressed, "#valider")
    def submit(self) -> None:
        phrase = self.query_one("#phrase", Input).value
        confirmation = self.query_one("#confirmation", Input).value
        verdict = check_passphrase(phrase)
        erreur = self.query_one("#erreur", Static)
        if not verdict.acceptable:
            erreur.update(verdict.message)
            self.query_one("#phrase", Input).focus()
            return
        if phrase != confirmation:
            erreur.update("Les deux saisies sont différentes : retapez la confirmation.")
            self.query_one("#confirmation", Input).value = ""
            self.query_one("#confirmation", Input).focus()
            return
        erreur.update("")
        self._set_busy(True, "Création du coffre chiffré…")
        self._create(phrase, confirmation)

    @work(thread=True, exclusive=True, group="coffre")
    def _create(self, phrase: str, confirmation: str) -> None:
        try:
            self.session.create_vault(phrase, confirmation)
        except VaultError as exc:
            self.post_message(messages.VaultOpenFailed(exc.message))
            return
        self.app.post_message(messages.VaultOpened(created=True))
