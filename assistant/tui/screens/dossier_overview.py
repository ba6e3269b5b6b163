"""A read-only view of a dossier: steps of the guide, profile, rules, the next question."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from assistant.domain.dossier import Dossier
from assistant.domain.enums import EtatEtape
from assistant.session import Session

SYMBOLES = {
    EtatEtape.A_FAIRE: "○ à faire",
    EtatEtape.EN_COURS: "◐ en cours",
    EtatEtape.FAITE: "● faite",
    EtatEtape.PASSEE: "– passée",
}


class DossierOverviewScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Retour à la liste")]

    def __init__(self, session: Session, dossier: Dossier) -> None:
        super().__init__()
        self.session = session
        self.dossier = dossier

    def compose(self) -> ComposeResult:
        guide = self.session.guide
        dossier = self.dossier
        choix = guide.profil(dossier)
        rencontre = dossier.rencontre_courante
        yield Header()
        with Horizontal():
            with VerticalScroll(id="etapes"):
                yield Static(f"[b]Dossier {dossier.reference}[/b]", classes="titre")
                entete = f"Profil {choix.profil.value} — " if choix.profil else ""
                yield Static(entete + choix.raison, classes="aide")
                for numero in rencontre.etapes_prevues if rencontre else []:
                    avancement = guide.avancement(dossier, numero)
                    condense = " (condensée)" if avancement.condensee else ""
                    yield Static(
                        f"{SYMBOLES[avancement.etat]:<12} {numero}. {avancement.titre}{condense}",
                        classes=f"etape {avancement.etat.value}",
                    )
            with VerticalScroll(id="suite"):
                prochaine = guide.prochaine_question(dossier)
                if prochaine is None:
                    yield Static(
                        "Toutes les étapes de ce rendez-vous sont closes.", classes="titre"
                    )
                else:
                    yield Static(
                        f"[b]Étape {prochaine.numero_etape} — {prochaine.titre_etape}[/b]",
                        classes="titre",
                    )
                    yield Static(f"« {prochaine.texte} »", id="question")
                    yield Static(f"Pourquoi : {prochaine.question.pourquoi}", classes="aide")
                for regle in guide.regles(dossier):
                    yield Static(f"• {regle.message}", classes="regle")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Dossier {self.dossier.reference}"
