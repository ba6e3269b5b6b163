"""The context panel: profile so far, job sheets, certifications, services, action plan."""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from assistant.domain.dossier import Dossier
from assistant.domain.steps import Action, EtapePlanAction
from assistant.guide.presentation import profil_texte, valeur_texte
from assistant.guide.rules import Regle
from assistant.suggestions import PisteMetier, Suggestions
from assistant.tui.widgets.demande_regions import DemandeRegions
from assistant.tui.widgets.frise import Frise
from assistant.tui.widgets.interview.profile import ProfileView
from assistant.tui.widgets.interview.view import Vue

if TYPE_CHECKING:  # the search stack is heavy: not loaded with the screen
    from assistant.retrieval.metiers import JobHit


def _compte_a_rebours(jours: int | None, sortie: date | None) -> Text:
    if jours is None or sortie is None:
        return Text(
            "Date de sortie prévisible non renseignée : le compte à rebours apparaîtra quand "
            "la personne la donne (étape 1).",
            style="dim",
        )
    if jours < 0:
        return Text(f"Sortie prévisible dépassée depuis {-jours} jour(s) ({sortie:%d/%m/%Y}).")
    texte = Text(f"J-{jours}", style="bold reverse" if jours <= 90 else "bold")
    texte.append(f" avant la sortie prévisible du {sortie:%d/%m/%Y}")
    return texte


def plan_texte(dossier: Dossier, aujourd_hui: date) -> Text:
    situation = dossier.etapes.situation
    sortie = situation.date_sortie_previsible
    jours = (sortie - aujourd_hui).days if sortie else None
    texte = _compte_a_rebours(jours, sortie)
    texte.append("\n\n")
    actions: list[Action] = dossier.etapes.plan_action.actions or []
    if not actions:
        texte.append("Aucune action pour l'instant (étape 8, ou F2 pour en ajouter).", style="dim")
        return texte
    statuts = {"a_faire": "☐", "en_cours": "◐", "fait": "☑", "abandonne": "✗"}
    for action in sorted(actions, key=lambda a: (a.echeance or date.max, a.libelle)):
        texte.append(f"{statuts[action.statut]} {action.libelle}\n", style="bold")
        details = valeur_texte(EtapePlanAction, "actions", action).split(" (", 1)[-1]
        texte.append(f"   ({details}", style="dim")
        if action.echeance and action.statut not in ("fait", "abandonne"):
            reste = (action.echeance - aujourd_hui).days
            if reste < 0:
                texte.append(f" · en retard de {-reste} j", style="bold red")
            else:
                texte.append(f" · dans {reste} j")
            if sortie and action.echeance > sortie and action.moment.value == "en_detention":
                texte.append(" · échéance après la sortie prévisible", style="yellow")
        texte.append("\n")
    return texte


class JobsList(OptionList):
    BINDINGS = [
        Binding("a", "add_project", "Ajouter comme projet"),
        Binding("r", "show_demand", "Recrutements par région"),
    ]

    @dataclass
    class ShowDemand(Message):
        piste: PisteMetier

    @dataclass
    class AddProject(Message):
        piste: PisteMetier

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.pistes: list[PisteMetier] = []

    def montrer(self, pistes: list[PisteMetier]) -> None:
        if pistes == self.pistes and self.option_count == len(pistes):
            return  # same options: rebuilding them would re-lay the list out for nothing
        self.pistes = pistes
        self.clear_options()
        for piste in pistes:
            hit = piste.hit
            texte = Text(
                "✔ " if piste.confirmee else "• ", style="bold green" if piste.confirmee else ""
            )
            texte.append(f"{hit.code_rome} {hit.libelle}", style="bold")
            if hit.reglemente:
                texte.append(" ⚠ réglementé", style="bold yellow")
            texte.append(f"\n  {piste.origine}", style="dim")
            if hit.demande_region is not None:
                texte.append(f"\n  {hit.demande_region.phrase()}", style="dim")
            self.add_option(Option(texte))
        if pistes:
            self.highlighted = 0  # its description shows below without a key pressed

    def action_show_demand(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.pistes):
            self.post_message(self.ShowDemand(self.pistes[self.highlighted]))

    def action_add_project(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.pistes):
            self.post_message(self.AddProject(self.pistes[self.highlighted]))


class ContextPanel(Vertical):
    """Read-only views; the index state is explained here, never as an error."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._suggestions: Suggestions | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="onglets"):
            with TabPane("Profil", id="onglet-profil"):
                yield ProfileView(id="vue-profil")
            with TabPane("Métiers", id="onglet-metiers"):
                yield Vue("", id="etat-index", classes="aide")
                yield JobsList(id="vue-metiers")
                yield Vue("", id="pourquoi-metier")
            with TabPane("Formations", id="onglet-formations"), VerticalScroll():
                yield Vue(id="vue-formations")
            with TabPane("Services", id="onglet-services"), VerticalScroll():
                yield Vue(id="vue-services")
            with TabPane("Plan", id="onglet-plan"), VerticalScroll():
                yield Vue(id="vue-plan")
            with TabPane("Frise", id="onglet-frise"), VerticalScroll():
                yield Frise(id="vue-frise")
            with TabPane("Demande", id="onglet-recrutements"), VerticalScroll():
                yield DemandeRegions(id="vue-recrutements")

    def ouvrir(self, onglet: str) -> None:
        self.query_one(TabbedContent).active = onglet

    def montrer_profil(self, dossier: Dossier, regles: list[Regle]) -> None:
        sections: list[Text] = []
        if regles:
            alertes = Text()
            for regle in regles:
                alertes.append(f"⚑ {regle.message}\n", style="yellow")
            sections.append(alertes)  # its last line break leaves a blank line after the alerts
        for titre, lignes in profil_texte(dossier):
            section = Text(titre, style="bold")
            for champ, valeur in lignes:
                section.append(f"\n  {champ} : ", style="dim")
                section.append(valeur)
            sections.append(section)
        if not sections:
            sections.append(Text("Rien de noté pour l'instant.", style="dim"))
        self.query_one("#vue-profil", ProfileView).montrer(sections)

    def montrer_plan(self, dossier: Dossier, aujourd_hui: date) -> None:
        self.query_one("#vue-plan", Vue).montrer(plan_texte(dossier, aujourd_hui))
        self.query_one("#vue-frise", Frise).afficher_dossier(dossier, aujourd_hui.year)

    def montrer_index(self, texte: str) -> None:
        self.query_one("#etat-index", Vue).montrer(Text(texte))

    def montrer_suggestions(self, suggestions: Suggestions) -> None:
        if suggestions == self._suggestions:
            return  # e.g. a barrier's level changed, not the services found for it
        self._suggestions = suggestions
        self.query_one("#vue-metiers", JobsList).montrer(suggestions.metiers)
        details = self.query_one("#pourquoi-metier", Vue)
        # In the border, the keys stay in sight however long the description is.
        details.border_title = _TOUCHES_METIER if suggestions.metiers else ""
        details.montrer(
            _details(suggestions.metiers[0].hit)
            if suggestions.metiers
            else Text(
                "Les fiches apparaissent dès qu'une expérience ou un projet est noté.", style="dim"
            )
        )
        formations = Text()
        for numero, piste in enumerate(suggestions.certifications):
            formations.append(("\n" if numero else "") + f"Pour « {piste.pour} »\n\n", style="bold")
            for certification in piste.hits:
                formations.append(f"{certification.certification.intitule}\n", style="bold")
                formations.append(f"  {certification.pourquoi}\n", style="dim")
            if not piste.hits:
                formations.append(
                    "  Aucune autre certification dans la base pour ce projet.\n", style="dim"
                )
        if not suggestions.certifications:
            formations.append(
                "Les certifications apparaissent dès qu'un projet ou une expérience est noté.",
                style="dim",
            )
        self.query_one("#vue-formations", Vue).montrer(formations)
        services = Text()
        for groupe in suggestions.services:
            services.append(f"Frein : {groupe.frein}\n", style="bold")
            if groupe.hors_departement:
                services.append(
                    "  Aucun service de ce type connu dans le département de retour ; "
                    "en voici d'autres :\n",
                    style="yellow",
                )
            for hit in groupe.hits:
                services.append(f"  • {hit.service.nom}\n")
                services.append(f"    {hit.pourquoi}\n", style="dim")
            if not groupe.hits:
                services.append(
                    "  Aucun service de ce type dans la base : le paquet livré contient les SIAE, "
                    "les GEIQ et les agences France Travail. Importez les services du territoire "
                    "(export data·inclusion, `passerelle knowledge import services`) ; en "
                    "attendant, voyez avec le SPIP.\n",
                    style="dim",
                )
        if not suggestions.services:
            services.append(
                "Les services apparaissent pour chaque frein noté à l'étape 5.", style="dim"
            )
        self.query_one("#vue-services", Vue).montrer(services)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        liste = self.query_one("#vue-metiers", JobsList)
        if event.option_list is not liste or event.option_index >= len(liste.pistes):
            return
        self.query_one("#pourquoi-metier", Vue).montrer(
            _details(liste.pistes[event.option_index].hit)
        )


_TOUCHES_METIER = "r : recrutements par région · a : ajouter comme projet"


def _details(hit: "JobHit") -> Text:
    """What the job is, to read with the person, then why it came (for the counsellor)."""
    texte = Text()
    if hit.description:
        texte.append(hit.description + "\n")
    texte.append(hit.pourquoi, style="dim")
    return texte
