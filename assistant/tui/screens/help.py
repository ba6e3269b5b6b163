"""F1: every key of the application, by screen, and the chat's slash commands."""

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from assistant.tui.widgets.footer import StableFooter

NOMS_TOUCHES = {
    "ctrl": "Ctrl",
    "shift": "Maj",
    "escape": "Échap",
    "enter": "Entrée",
    "delete": "Suppr",
    "tab": "Tab",
    "up": "↑",
    "down": "↓",
}


def libelle_touche(touches: str) -> str:
    """« ctrl+o » → « Ctrl+O », « escape » → « Échap »; several keys joined by « ou »."""
    noms = []
    for touche in touches.split(","):
        parties = [
            NOMS_TOUCHES.get(p, p.upper() if p[:1] == "f" and p[1:].isdigit() else p)
            for p in touche.split("+")
        ]
        if len(parties) > 1:
            parties[-1] = parties[-1].upper()
        noms.append("+".join(parties))
    return " ou ".join(noms)


def _sections() -> list[tuple[str, list[Any]]]:
    # Imported here: these screens import much of the interface, the help screen is opened late.
    from assistant.tui.app import PasserelleApp
    from assistant.tui.screens.documents import DocumentsScreen
    from assistant.tui.screens.dossiers import DossiersScreen
    from assistant.tui.screens.knowledge import KnowledgeScreen
    from assistant.tui.screens.simulation import SimulationScreen
    from assistant.tui.screens.simulation_atelier import AtelierScreen
    from assistant.tui.screens.workspace import WorkspaceScreen
    from assistant.tui.widgets.interview.proposals import ProposalsList
    from assistant.tui.widgets.interview.steps import StepsList

    return [
        ("Partout", [PasserelleApp]),
        ("Liste des dossiers", [DossiersScreen]),
        ("Entretien", [WorkspaceScreen]),
        ("Entretien — propositions à confirmer (Tab pour y aller)", [ProposalsList]),
        ("Entretien — liste des étapes", [StepsList]),
        (
            "Documents (synthèse, bilan, CV, lettre, résumé) — F8 depuis l'entretien",
            [DocumentsScreen],
        ),
        ("Simulation d'entretien d'embauche — F9 depuis l'entretien", [SimulationScreen]),
        ("Simulation — atelier « ma réponse sur la période » (F3)", [AtelierScreen]),
        ("Connaissances (métiers, certifications, services)", [KnowledgeScreen]),
    ]


class HelpScreen(Screen[None]):
    BINDINGS = [Binding("escape,f1", "app.pop_screen", "Fermer l'aide")]

    def compose(self) -> ComposeResult:
        from assistant.tui.screens.workspace import COMMANDES_CHAT

        yield Header()
        with VerticalScroll(id="aide"):
            for titre, classes in _sections():
                texte = Text(titre + "\n", style="bold")
                for classe in classes:
                    for binding in classe.BINDINGS:
                        if isinstance(binding, Binding) and binding.description:
                            texte.append(f"  {libelle_touche(binding.key):<18}", style="bold")
                            texte.append(binding.description + "\n")
                texte.rstrip()
                yield Static(texte, classes="section-aide")
            commandes = Text(
                "Commandes du fil d'entretien (tapez / au début de la saisie)\n", style="bold"
            )
            for commande, description in COMMANDES_CHAT:
                commandes.append(f"  {commande:<22}", style="bold")
                commandes.append(description + "\n")
            commandes.rstrip()
            yield Static(commandes, classes="section-aide")
            yield Static(
                "Ctrl+P ouvre la palette de commandes : tapez quelques lettres d'une action "
                "(« métiers », « verrouiller »…) puis Entrée.",
                classes="aide",
            )
        yield StableFooter()

    def on_mount(self) -> None:
        self.sub_title = "Aide — touches du clavier"
