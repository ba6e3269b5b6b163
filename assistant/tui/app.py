"""The Passerelle application and its factory, used by the command line and by every test."""

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from assistant.config import Settings
from assistant.session import Session
from assistant.tui import messages
from assistant.tui.screens.dossiers import DossiersScreen
from assistant.tui.screens.vault import CreateVaultScreen, UnlockScreen


class PasserelleApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Passerelle"
    SUB_TITLE = "Entretiens socio-professionnels"
    BINDINGS = [
        Binding("ctrl+l", "lock", "Verrouiller", priority=True),
        Binding("ctrl+q", "quit", "Quitter", priority=True),
    ]

    def __init__(self, session: Session, llm: Any = None) -> None:
        super().__init__()
        self.session = session
        self.llm = llm

    def on_mount(self) -> None:
        self.theme = self.session.settings.theme
        self._show_vault_screen()

    def _show_vault_screen(self) -> None:
        screen = (
            UnlockScreen(self.session)
            if self.session.vault_exists
            else CreateVaultScreen(self.session)
        )
        self.push_screen(screen)

    def on_vault_opened(self, message: messages.VaultOpened) -> None:
        if message.created:
            self.notify("Coffre créé. Gardez votre phrase secrète en lieu sûr.")
        self.switch_screen(DossiersScreen(self.session))

    async def action_lock(self) -> None:
        if not self.session.is_unlocked:
            return
        self.session.lock()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.post_message(messages.VaultClosed())
        self._show_vault_screen()

    async def action_quit(self) -> None:
        self.session.lock()
        self.exit()

    def _fatal_error(self) -> None:
        # Textual's default crash report prints local variables: they may hold personal data.
        self.bell()
        self.session.lock()
        self.panic(
            Text(
                "Passerelle a rencontré une erreur inattendue et doit se fermer. "
                "Tout ce qui avait été confirmé est enregistré dans le coffre chiffré. "
                "Relancez Passerelle ; si l'erreur revient, lancez `passerelle doctor`."
            )
        )


def make_app(settings: Settings, data_dir: Path | None = None, llm: Any = None) -> PasserelleApp:
    """The one place where the application is assembled (CLI, demo and tests)."""
    return PasserelleApp(Session(settings, data_dir), llm=llm)
