"""Command palette (Ctrl+P): the main actions by name, in French."""

from collections.abc import Callable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option


class PaletteCommandes(CommandPalette):
    """Textual's palette with its two English lines in French (placeholder, no match)."""

    def __init__(self) -> None:
        super().__init__(placeholder="Rechercher une commande…", id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Same as Textual's, which writes « No matches found » with no way to change it.
        self._stop_no_matches_countdown()

        def _aucune() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("Aucune commande trouvée", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _aucune)


class PasserelleCommands(Provider):
    """Actions of the screen in front (interview, dossiers) and of the whole application."""

    def _commandes(self) -> list[tuple[str, str, Callable[[], object]]]:
        from assistant.tui.screens.dossiers import DossiersScreen
        from assistant.tui.screens.workspace import WorkspaceScreen

        app = self.app
        commandes: list[tuple[str, str, Callable[[], object]]] = [
            ("Aide : toutes les touches", "F1", partial(app.run_action, "help")),
            ("Verrouiller le coffre", "Ctrl+L", partial(app.run_action, "lock")),
        ]
        ecran = self.screen
        if isinstance(ecran, DossiersScreen):
            commandes += [
                ("Nouveau dossier", "n", ecran.action_new),
                ("Connaissances : métiers, certifications, services", "k", ecran.action_knowledge),
            ]
        if isinstance(ecran, WorkspaceScreen):
            onglet = partial(ecran.executer_commande)
            commandes += [
                ("Métiers : fiches pour ce dossier", "/metiers", partial(onglet, "/metiers")),
                (
                    "Formations : certifications pour le projet",
                    "/formations",
                    partial(onglet, "/formations"),
                ),
                ("Services pour les freins notés", "/services", partial(onglet, "/services")),
                ("Plan d'action et compte à rebours", "/plan", partial(onglet, "/plan")),
                ("Profil : tout ce qui est noté", "/profil", partial(onglet, "/profil")),
                ("Synthèse : rédiger le brouillon", "/synthese", partial(onglet, "/synthese")),
                ("Documents : relire, valider", "F8", ecran.action_documents),
                ("Exporter un document validé", "/export", partial(onglet, "/export")),
                ("Renseigner un champ", "F2", ecran.action_edit_field),
                ("Aller à une étape", "F4", ecran.action_choose_step),
                ("Changer de profil (P0 à P4)", "F5", ecran.action_choose_profile),
                ("Passer l'étape en cours", "F6", ecran.action_skip_step),
                ("Question suivante", "Ctrl+N", ecran.action_next_question),
                ("Tout accepter", "Ctrl+O", ecran.action_accept_all),
                ("Commencer un rendez-vous de suivi", "F7", ecran.action_follow_up),
                ("Simulation d'entretien d'embauche", "F9", ecran.action_simulation),
                (
                    "Simulation : progression du dossier",
                    "/simulation progres",
                    partial(onglet, "/simulation progres"),
                ),
            ]
        return commandes

    async def discover(self) -> Hits:
        for nom, aide, action in self._commandes():
            yield DiscoveryHit(nom, action, help=aide)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for nom, aide, action in self._commandes():
            score = matcher.match(nom)
            if score > 0:
                yield Hit(score, matcher.highlight(nom), action, help=aide)
