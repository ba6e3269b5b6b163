"""Prepare a mock interview: target job sheet, employer type, length, timer, person mode, and the
years of the gap from the dossier (never the facts)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from assistant.domain.dossier import Dossier
from assistant.domain.simulation import TypeEmployeur
from assistant.simulation.plan import Duree, PlanSimulation, PosteCible, preparer

if TYPE_CHECKING:
    from assistant.session import Session

EMPLOYEURS: list[tuple[str, TypeEmployeur]] = [
    ("Entreprise", "entreprise"),
    ("Agence d'intérim", "interim"),
    ("Structure d'insertion (SIAE)", "siae"),
    ("Association", "association"),
    ("Employeur public", "public"),
]
DUREES_CHOIX: list[tuple[str, Duree]] = [
    ("Courte (≈ 10 min)", "courte"),
    ("Complète (≈ 20 min)", "complete"),
]
LIBRE = "libre"
"""Option id of a job typed without a sheet: the generic questions are asked."""


@dataclass(frozen=True)
class ReglagesSimulation:
    """What the counsellor chose; the plan is ready to play."""

    plan: PlanSimulation
    minuteur: bool
    mode_personne: bool


def annees_du_dossier(dossier: Dossier, annee_courante: int) -> tuple[int, int] | None:
    """From the end of the last job recorded to the planned release (or this year).

    Only years, as on a CV: nothing about what happened is read or asked.
    """
    fins = []
    for experience in dossier.etapes.experiences.experiences or []:
        if experience.debut:
            fins.append(int(experience.debut[:4]) + (experience.duree_mois or 0) // 12)
    if not fins:
        return None
    sortie = dossier.etapes.situation.date_sortie_previsible
    fin = max(sortie.year if sortie else annee_courante, annee_courante)
    debut = max(fins)
    return (debut, fin) if debut < fin else None


class SimulationSetupDialog(ModalScreen[ReglagesSimulation | None]):
    """Answers the settings and the plan, or None (Échap)."""

    DEFAULT_CSS = """
    SimulationSetupDialog { align: center middle; }
    SimulationSetupDialog > VerticalScroll {
        width: 96; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; border: thick $accent; background: $surface;
    }
    SimulationSetupDialog .aide { color: $text-muted; }
    SimulationSetupDialog #postes { height: auto; max-height: 6; }
    SimulationSetupDialog Horizontal { height: auto; margin-top: 1; }
    SimulationSetupDialog Select { width: 1fr; margin-right: 2; }
    SimulationSetupDialog Checkbox { width: 1fr; }
    SimulationSetupDialog .etiquette { padding: 1 1 0 0; width: auto; }
    SimulationSetupDialog .annee { width: 10; }
    SimulationSetupDialog #erreur { color: $error; height: auto; }
    SimulationSetupDialog #boutons Button { margin-right: 1; width: auto; min-width: 12; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuler"),
        Binding("ctrl+s", "start", "Commencer", priority=True),
    ]

    def __init__(self, session: "Session", dossier: Dossier) -> None:
        super().__init__()
        self.session = session
        self.dossier = dossier
        self._cibles = session.documents(dossier).cibles_lettre()
        self._libelles = {c.code_rome: c.intitule for c in self._cibles}
        self._libre = ""

    def compose(self) -> ComposeResult:
        annees = annees_du_dossier(self.dossier, self.session.aujourd_hui().year)
        with VerticalScroll():
            yield Static(Text("Préparer une simulation d'entretien d'embauche", style="bold"))
            yield Static(
                "Entraînement — ce n'est pas une évaluation. Ctrl+S : commencer · Échap : annuler",
                classes="aide",
            )
            yield OptionList(
                *[
                    Option(Text(f"{c.intitule} ({c.code_rome}, {c.origine})"), id=c.code_rome)
                    for c in self._cibles
                ],
                id="postes",
            )
            yield Input(
                placeholder="Autre métier : tapez-le puis Entrée pour chercher sa fiche",
                id="recherche",
                max_length=120,
            )
            with Horizontal():
                yield Select(
                    EMPLOYEURS, value="entreprise", allow_blank=False, id="employeur", compact=True
                )
                yield Select(
                    DUREES_CHOIX, value="courte", allow_blank=False, id="duree", compact=True
                )
            with Horizontal():
                yield Checkbox("Minuteur", id="minuteur", compact=True)
                yield Checkbox(
                    "Mode personne (elle tape ses réponses)", id="mode-personne", compact=True
                )
            with Horizontal():
                yield Label("Période sans emploi, de", classes="etiquette")
                yield Input(
                    str(annees[0]) if annees else "",
                    placeholder="AAAA",
                    id="debut",
                    classes="annee",
                    max_length=4,
                )
                yield Label("à", classes="etiquette")
                yield Input(
                    str(annees[1]) if annees else "",
                    placeholder="AAAA",
                    id="fin",
                    classes="annee",
                    max_length=4,
                )
            yield Static(
                "Les années seules, comme sur un CV (vide : question sans années). "
                "Ne demandez jamais les faits.",
                classes="aide",
            )
            yield Static("", id="erreur")
            with Horizontal(id="boutons"):
                yield Button("Commencer", variant="primary", id="commencer")
                yield Button("Annuler", id="annuler")

    def on_mount(self) -> None:
        if self._cibles:
            self.query_one("#postes", OptionList).highlighted = 0
            self.query_one("#postes", OptionList).focus()
        else:
            self.query_one("#postes").display = False
            self.query_one("#recherche", Input).focus()

    # --- the job ------------------------------------------------------------------------------

    @on(Input.Submitted, "#recherche")
    def _chercher(self, event: Input.Submitted) -> None:
        texte = " ".join(event.value.split())
        if not texte:
            self._erreur("Tapez un métier, par exemple « cariste » ou « agent d'entretien ».")
            return
        self._erreur("")
        self._recherche(texte)

    @work(thread=True, exclusive=True, group="recherche-poste")
    def _recherche(self, texte: str) -> None:
        try:
            hits = [(h.code_rome, h.libelle) for h in self.session.knowledge.search_jobs(texte, 5)]
        except Exception:  # knowledge unavailable: the typed job still works, without a sheet
            hits = []
        self.app.call_from_thread(self._resultats, texte, hits)

    def _resultats(self, texte: str, hits: list[tuple[str, str]]) -> None:
        liste = self.query_one("#postes", OptionList)
        liste.clear_options()
        self._libelles = {c.code_rome: c.intitule for c in self._cibles}
        for cible in self._cibles:
            liste.add_option(
                Option(
                    Text(f"{cible.intitule} ({cible.code_rome}, {cible.origine})"), cible.code_rome
                )
            )
        for code, libelle in hits:
            if code not in self._libelles:
                self._libelles[code] = libelle
                liste.add_option(Option(Text(f"{libelle} ({code}, recherche)"), code))
        self._libre = texte
        liste.add_option(
            Option(Text(f"« {texte} » sans fiche métier (questions générales)"), LIBRE)
        )
        liste.display = True
        liste.highlighted = len(self._cibles) if hits else liste.option_count - 1
        liste.focus()

    def _poste(self) -> PosteCible | None:
        liste = self.query_one("#postes", OptionList)
        if not liste.display or liste.highlighted is None:
            return None
        code = liste.get_option_at_index(liste.highlighted).id
        if code == LIBRE or code is None:
            return PosteCible(None, self._libre[:120]) if self._libre else None
        fiche = self.session.knowledge.knowledge.fiches.get(code)
        if fiche is None:  # a code the pack does not know: the title, generic questions
            return PosteCible(code, self._libelles.get(code, code))
        return PosteCible.depuis_fiche(fiche, self.session.knowledge.knowledge)

    @on(OptionList.OptionSelected, "#postes")
    def _poste_choisi(self) -> None:
        self.query_one("#employeur", Select).focus()

    # --- start --------------------------------------------------------------------------------

    def _erreur(self, texte: str) -> None:
        self.query_one("#erreur", Static).update(Text(texte))

    def _annees(self) -> tuple[int, int] | None:
        debut = self.query_one("#debut", Input).value.strip()
        fin = self.query_one("#fin", Input).value.strip()
        if not debut and not fin:
            return None
        if not (debut.isdigit() and fin.isdigit()):
            raise ValueError(
                "Écrivez les deux années de la période sur quatre chiffres (par exemple 2019 et "
                "2026), ou laissez les deux cases vides."
            )
        return int(debut), int(fin)

    def action_start(self) -> None:
        try:
            poste = self._poste()
        except Exception:  # the pack could not be read: say so, the dialog stays open
            self._erreur("Les fiches métiers sont indisponibles : choisissez « sans fiche ».")
            return
        if poste is None:
            self._erreur("Choisissez le poste visé dans la liste, ou tapez un métier puis Entrée.")
            return
        try:
            plan = preparer(
                poste,
                cast(TypeEmployeur, self.query_one("#employeur", Select).value),
                cast(Duree, self.query_one("#duree", Select).value),
                self._annees(),
                # A new draw for each simulation of the dossier, the same when replayed.
                seed=len(self.dossier.simulations),
            )
        except ValueError as exc:
            self._erreur(str(exc))
            return
        self.dismiss(
            ReglagesSimulation(
                plan,
                self.query_one("#minuteur", Checkbox).value,
                self.query_one("#mode-personne", Checkbox).value,
            )
        )

    @on(Button.Pressed)
    def _bouton(self, event: Button.Pressed) -> None:
        if event.button.id == "commencer":
            self.action_start()
        else:
            self.dismiss(None)
