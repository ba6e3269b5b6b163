"""Progress across the dossier's mock interviews: per criterion, the notes over time."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from assistant.domain.dossier import Dossier
from assistant.simulation.fichiers import charger_banque, charger_feedback
from assistant.simulation.resultat import progression
from assistant.tui.widgets.footer import StableFooter
from assistant.tui.widgets.simulation.grille import texte_progression


def texte_historique(dossier: Dossier) -> Text:
    """One line per simulation: when, which job, which employer, strengths and areas."""
    employeurs = charger_banque().employeurs
    texte = Text()
    texte.append("Simulations du dossier\n", style="bold")
    for numero, simulation in enumerate(dossier.simulations, start=1):
        quand = f"{simulation.date:%d/%m/%Y}" if simulation.date else f"n°{numero}"
        texte.append(f"\n{quand} · ", style="bold")
        texte.append(Text(simulation.poste_vise))
        texte.append(f" · {employeurs[simulation.type_employeur].libelle}", style="dim")
        if simulation.points_forts:
            texte.append("\n  Ce qui va bien : " + ", ".join(simulation.points_forts))
        if simulation.axes_progres:
            texte.append("\n  À travailler : " + ", ".join(simulation.axes_progres))
        if simulation.periode_refusee:
            texte.append("\n  Question sur la période refusée (refus respecté).", style="dim")
    return texte


class ProgressionScreen(Screen[None]):
    DEFAULT_CSS = """
    ProgressionScreen #bandeau-progression {
        height: auto; padding: 0 1; background: $warning 20%; text-style: bold;
    }
    ProgressionScreen #corps-progression { height: 1fr; padding: 0 1; }
    ProgressionScreen #historique { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Retour")]

    def __init__(self, dossier: Dossier) -> None:
        super().__init__()
        self.dossier = dossier

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(charger_feedback().bandeau, id="bandeau-progression")
        with VerticalScroll(id="corps-progression"):
            yield Static(texte_progression(progression(self.dossier)), id="graphique")
            if self.dossier.simulations:
                yield Static(texte_historique(self.dossier), id="historique")
        yield StableFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Progression des simulations — dossier {self.dossier.reference}"
        self.query_one("#corps-progression").focus()
