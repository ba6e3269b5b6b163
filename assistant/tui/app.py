"""The Passerelle application and its factory, used by the command line and by every test."""

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker

from assistant.config import Settings
from assistant.session import Session
from assistant.storage.errors import VaultError
from assistant.tui import messages
from assistant.tui.commands import PaletteCommandes, PasserelleCommands
from assistant.tui.full_collections import FullCollections, defer_full_collections
from assistant.tui.screens.dossiers import DossiersScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.screens.vault import CreateVaultScreen, UnlockScreen

INDEX_WORDS_ONLY = (
    "Recherche par les mots seulement (index par le sens : `passerelle knowledge index`)."
)
DEMO_HINT = "Coffre de démonstration : la phrase secrète est « demo-passerelle-fictif »."
INDEX_READY = "Recherche par les mots et par le sens."


class PasserelleApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Passerelle"
    SUB_TITLE = "Entretiens socio-professionnels"
    COMMANDS = App.COMMANDS | {PasserelleCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("f1", "help", "Aide"),
        Binding("ctrl+l", "lock", "Verrouiller", priority=True),
        Binding("ctrl+q", "quit", "Quitter", priority=True),
    ]

    def __init__(self, session: Session, llm: Any = None, demo: bool = False) -> None:
        super().__init__()
        self.session = session
        self.llm = llm
        self.demo = demo
        if demo:
            self.title = "Passerelle — DÉMONSTRATION, dossiers fictifs"
        self.index_status = "Index par le sens : vérification…"
        self._index_worker: Worker[None] | None = None
        self._last_activity = time.monotonic()
        self._full_collections = FullCollections()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, in French; no « Screenshot »: an SVG of a dossier's screen
        would be a clear copy of personal data outside the vault."""
        yield SystemCommand(
            "Thème", "Changer l'apparence (clair, sombre…)", self.action_change_theme
        )
        yield SystemCommand("Quitter", "Fermer Passerelle", self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand("Réduire", "Rendre au panneau sa taille", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("Agrandir", "Agrandir le panneau actif", screen.action_maximize)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, PaletteCommandes):
            self.push_screen(PaletteCommandes())

    def on_mount(self) -> None:
        self.theme = self.session.settings.theme
        self.set_interval(0.5, lambda: self._full_collections.tick(self._last_activity))
        minutes = self.session.settings.vault.idle_lock_minutes
        if minutes:
            self.set_interval(min(30.0, minutes * 60 / 4), self._lock_if_idle)
        if self.session.is_unlocked:  # the demo opens its own vault before the app starts
            self.prepare_knowledge()
            self.push_screen(DossiersScreen(self.session))
        else:
            self._show_vault_screen()

    # --- vault --------------------------------------------------------------------------------

    def _show_vault_screen(self) -> None:
        screen = (
            UnlockScreen(self.session)
            if self.session.vault_exists
            else CreateVaultScreen(self.session)
        )
        self.push_screen(screen)

    def on_vault_opened(self, message: messages.VaultOpened) -> None:
        self.prepare_knowledge()  # loads while the counsellor picks a dossier
        if message.created:
            self.notify("Coffre créé. Gardez votre phrase secrète en lieu sûr.")
        if len(self.screen_stack) > 2:
            # Unlocked again after a lock: back exactly where the counsellor was.
            self.pop_screen()
            return
        self._purge_expired()
        self.switch_screen(DossiersScreen(self.session))

    def _purge_expired(self) -> None:
        """Storage limitation: dossiers past their retention period are erased on opening."""
        try:
            echus = self.session.purger(appliquer=True)
        except VaultError as exc:
            self.notify(exc.message, severity="error", timeout=10)
            return
        if echus:
            mois = self.session.settings.vault.retention_months
            references = ", ".join(e.reference for e in echus[:10])
            self.notify(
                f"{len(echus)} dossier(s) effacé(s) : plus de {mois} mois depuis le dernier "
                f"rendez-vous ({references}{'…' if len(echus) > 10 else ''}).",
                title="Durée de conservation",
                timeout=15,
            )

    def action_lock(self) -> None:
        """Close the vault and hide everything behind the passphrase screen; nothing is lost:
        every confirmed change is already saved, and the screens underneath keep their state."""
        if not self.session.is_unlocked:
            return
        self.session.lock()
        self.post_message(messages.VaultClosed())
        self.push_screen(UnlockScreen(self.session, indice=DEMO_HINT if self.demo else None))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.Paste):
            self._last_activity = time.monotonic()
        await super().on_event(event)

    def _lock_if_idle(self) -> None:
        minutes = self.session.settings.vault.idle_lock_minutes
        if self.session.is_unlocked and time.monotonic() - self._last_activity >= minutes * 60:
            self.action_lock()
            self.notify("Coffre verrouillé après une période sans activité.")

    # --- knowledge index ----------------------------------------------------------------------

    def prepare_knowledge(self) -> str:
        """Check (and build in the background if allowed) the dense index, once per run."""
        if self._index_worker is None:
            self._index_worker = self.run_worker(
                self._prepare_index, thread=True, group="index", exit_on_error=False
            )
            # A remote model needs the pseudonymiser: built now, not at the first draft.
            self.run_worker(
                self.session.prechauffer_llm, thread=True, group="llm", exit_on_error=False
            )
        return self.index_status

    def _set_index_status(self, text: str) -> None:
        self.index_status = text
        for screen in self.screen_stack:
            screen.post_message(messages.IndexStatusChanged(text))

    def _prepare_index(self) -> None:
        service = self.session.knowledge
        try:
            ready = service.check_index()
            service.warm_up()
            if ready:
                self.call_from_thread(self._set_index_status, INDEX_READY)
                return
            if not self.session.settings.knowledge.build_index_in_background:
                self.call_from_thread(self._set_index_status, INDEX_WORDS_ONLY)
                return
            service.build_index(
                lambda done, total: self.call_from_thread(
                    self._set_index_status,
                    f"Index par le sens en préparation : {done}/{total} (la recherche par les "
                    "mots fonctionne déjà).",
                )
            )
        except Exception as exc:  # the interview goes on, search by words only
            service.dense_ready = False
            self.call_from_thread(
                self._set_index_status,
                "Recherche par les mots seulement : l'index par le sens est indisponible "
                f"({getattr(exc, 'message', None) or type(exc).__name__}).",
            )
            return
        self.call_from_thread(self._set_index_status, INDEX_READY)

    # --- help and quit ------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        if getattr(self.screen, "mode_personne", False):
            # The person is typing: only the counsellor ends the practice (Ctrl+R first).
            self.notify(
                "Mode personne : le conseiller reprend la main avec Ctrl+R avant de quitter.",
                severity="warning",
            )
            return
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


def leave_a_core_to_the_screen() -> None:
    """Process settings that keep typing fluid while searches run in workers (two cores)."""
    # One thread for the embedding engine (read when it loads, in a worker): on two cores the
    # other one stays with the interface. A suggestion's search then takes ~100 ms instead of
    # ~150 while the screen redraws. A value set by the user wins.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # A worker running Python code (understanding an answer, scoring job titles) hands the GIL
    # back every 5 ms by default; at 1 ms a key typed meanwhile is shown sooner (bench/workspace.py:
    # key p95 73-94 ms instead of 112-209 while an answer's searches run).
    sys.setswitchinterval(0.001)
    # CPython's own full collections stop every thread for 60-100 ms every few seconds: they run
    # when the counsellor pauses instead (FullCollections, ticked by the app).
    defer_full_collections()


def make_app(
    settings: Settings, data_dir: Path | None = None, llm: Any = None, demo: bool = False
) -> PasserelleApp:
    """The one place where the application is assembled (CLI, demo and tests)."""
    leave_a_core_to_the_screen()
    return PasserelleApp(Session(settings, data_dir), llm=llm, demo=demo)
