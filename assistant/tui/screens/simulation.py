"""The mock interview (guide, module M1): the recruiter's lines and the answers in a thread, then
the person's own view, then the grid, which the counsellor can adjust and save to the dossier.

In person mode the person types the answers: larger spacing, simple words, no footer, no command
palette and no key that reaches the dossier; Ctrl+R (documented on screen) asks to give the hand
back to the counsellor. The idle lock still applies.
"""

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from assistant.domain.dossier import Dossier
from assistant.domain.errors import DonneesInvalides
from assistant.simulation.conduite import Simulation
from assistant.simulation.criteres import CRITERES
from assistant.simulation.grille import GrilleFeedback, libelle, noter_simulation, override
from assistant.simulation.llm import ResultatFeedback, feedback_simulation
from assistant.simulation.resultat import vers_modele
from assistant.storage.errors import VaultError
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.simulation_note import NoteDialog
from assistant.tui.dialogs.simulation_setup import ReglagesSimulation, SimulationSetupDialog
from assistant.tui.widgets.footer import StableFooter
from assistant.tui.widgets.simulation.fil import FilSimulation
from assistant.tui.widgets.simulation.grille import marques, texte_grille

if TYPE_CHECKING:
    from assistant.interview import Entretien
    from assistant.session import Session
    from assistant.tui.screens.workspace import WorkspaceScreen

Phase = Literal["entretien", "auto_evaluation", "calcul", "grille"]
Origine = Literal["regles", "llm", "conseiller"]
MAX_AUTO_EVALUATION = 1000
AUTO_EVALUATION = (
    "Avant de voir le retour : comment vous êtes-vous senti pendant cet entretien ? "
    "Qu'est-ce qui s'est bien passé, et que feriez-vous autrement ?"
)
FIN = "Merci, l'entretien est terminé."


def modifier_dossier(
    session: "Session", entretien: "Entretien", modifier: Callable[[Dossier], None]
) -> str | None:
    """Apply a change to the dossier and save it; on failure, the last saved state comes back
    and the French reason is returned (None when saved)."""
    avant = entretien.dossier.model_copy(deep=True)
    try:
        modifier(entretien.dossier)
        session.save_dossier(entretien.dossier)
    except DonneesInvalides as exc:
        entretien.dossier = avant
        return " ".join(exc.messages)
    except VaultError as exc:
        entretien.dossier = avant
        return exc.message
    except ValueError as exc:
        entretien.dossier = avant
        return str(exc)
    return None


def palette_pour(screen: Screen[None], mode_personne: bool) -> None:
    """No command palette while the person has the keyboard."""
    screen.app.use_command_palette = not mode_personne


class SimulationScreen(Screen[None]):
    DEFAULT_CSS = """
    SimulationScreen #bandeau-simulation {
        height: auto; padding: 0 1; background: $warning 20%; text-style: bold;
    }
    SimulationScreen #barre-simulation { height: auto; padding: 0 1; }
    SimulationScreen #poste-simulation { width: 1fr; color: $text-muted; }
    SimulationScreen #minuteur { width: auto; text-style: bold; }
    SimulationScreen #zone-grille { height: 1fr; padding: 0 1; display: none; }
    SimulationScreen.voir-grille #zone-grille { display: block; }
    SimulationScreen.voir-grille FilSimulation { display: none; }
    SimulationScreen #consigne { height: auto; padding: 0 1; color: $text-muted; }
    SimulationScreen.personne Footer { display: none; }
    SimulationScreen.personne FilSimulation > .fil--recruteur,
    SimulationScreen.personne FilSimulation > .fil--personne,
    SimulationScreen.personne FilSimulation > .fil--assistant,
    SimulationScreen.personne FilSimulation > .fil--note,
    SimulationScreen.personne FilSimulation > .fil--erreur { padding: 1 2; text-style: bold; }
    SimulationScreen.personne #consigne { color: $text; text-style: bold; padding: 1 1 0 1; }
    SimulationScreen.personne #reponse { border: tall $success; }
    """
    BINDINGS = [
        Binding("f1", "app.help", "Aide"),
        Binding("escape", "back", "Entretien"),
        Binding("ctrl+t", "finish", "Terminer maintenant", priority=True),
        Binding("f2", "override", "Modifier une note"),
        Binding("f3", "workshop", "Atelier réponse période"),
        Binding("f4", "progress", "Progression"),
        Binding("f5", "toggle_transcript", "Transcription / grille"),
        Binding("ctrl+s", "save", "Enregistrer", priority=True),
        Binding("ctrl+r", "give_back", "Rendre la main au conseiller", priority=True),
    ]

    def __init__(
        self, session: "Session", entretien: "Entretien", reglages: ReglagesSimulation
    ) -> None:
        super().__init__()
        self.session = session
        self.entretien = entretien
        self.reglages = reglages
        self.simulation = Simulation(reglages.plan)
        self.mode_personne = reglages.mode_personne
        self.phase: Phase = "entretien"
        self.grille: GrilleFeedback | None = None
        self.origine: Origine = "regles"
        self.message_retour = ""
        self.auto_evaluation: str | None = None
        self.reponse_retenue: str | None = None
        self.index_enregistre: int | None = None
        """Where the record sits in `dossier.simulations` once saved."""
        self.modifiee = False
        """Changed since the last save (or never saved)."""
        self.horloge: Callable[[], float] = time.monotonic
        self._debut = 0.0

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        plan = self.reglages.plan
        yield Header()
        yield Static(plan.bandeau, id="bandeau-simulation")
        with Horizontal(id="barre-simulation"):
            yield Static("", id="poste-simulation")
            yield Static("", id="minuteur")
        yield FilSimulation(id="fil-simulation")
        with VerticalScroll(id="zone-grille"):
            yield Static("", id="message-retour")
            yield Static("", id="grille")
        yield Static("", id="consigne")
        yield Input(id="reponse")
        yield StableFooter()

    def on_mount(self) -> None:
        plan = self.reglages.plan
        code = f" ({plan.poste.code_rome})" if plan.poste.code_rome else " (sans fiche métier)"
        self.query_one("#poste-simulation", Static).update(
            Text(f"{plan.poste.intitule}{code} · {plan.duree_minutes} min environ")
        )
        self._appliquer_mode()
        fil = self.query_one(FilSimulation)
        fil.ajouter("assistant", plan.introduction)
        self._dire_recruteur(self.simulation.replique_courante or "")
        self._debut = self.horloge()
        if self.reglages.minuteur:
            self._tic()
            self.set_interval(1, self._tic)
        self.query_one("#reponse", Input).focus()

    def on_screen_resume(self) -> None:
        palette_pour(self, self.mode_personne)

    def on_screen_suspend(self) -> None:
        self.app.use_command_palette = True

    def on_unmount(self) -> None:
        self.app.use_command_palette = True

    def _appliquer_mode(self) -> None:
        self.set_class(self.mode_personne, "personne")
        palette_pour(self, self.mode_personne)
        reference = self.entretien.dossier.reference
        self.sub_title = (
            "Entraînement à l'entretien d'embauche"
            if self.mode_personne
            else f"Simulation d'entretien — dossier {reference}"
        )
        self._consigne()
        self.refresh_bindings()

    def _consigne(self) -> None:
        entree = self.query_one("#reponse", Input)
        if self.phase == "entretien":
            entree.placeholder = (
                "Écrivez votre réponse ici, puis appuyez sur Entrée"
                if self.mode_personne
                else "Ce que répond la personne… (Entrée : envoyer)"
            )
            texte = (
                "Répondez comme en vrai. Vous pouvez dire que vous ne voulez pas répondre."
                if self.mode_personne
                else "Entrée : envoyer la réponse · Ctrl+T : terminer maintenant"
            )
        elif self.phase == "auto_evaluation":
            entree.placeholder = "Votre avis sur l'entretien (Entrée ; vous pouvez laisser vide)"
            texte = "Dites en quelques mots ce que vous en pensez, puis Entrée."
        elif self.phase == "calcul":
            texte = "Calcul du retour…"
        else:
            texte = (
                "Voici votre retour."
                if self.mode_personne
                else "F2 : modifier une note · F3 : atelier réponse période · Ctrl+S : enregistrer"
                " · F5 : transcription"
            )
        if self.mode_personne:
            texte += " — Conseiller : Ctrl+R pour reprendre la main."
        self.query_one("#consigne", Static).update(Text(texte))

    def _tic(self) -> None:
        if self.phase != "entretien":
            return
        ecoule = int(self.horloge() - self._debut)
        prevu = self.reglages.plan.duree_minutes * 60
        texte = Text(f"⏱ {ecoule // 60:02d}:{ecoule % 60:02d} / {prevu // 60:02d}:00")
        if ecoule > prevu:
            texte.stylize("bold yellow")
        self.query_one("#minuteur", Static).update(texte)

    # --- bindings -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "give_back":
            return self.mode_personne
        if action == "back":
            return True
        if self.mode_personne:
            # Only the workshop (the person's own answer) stays within reach.
            return action == "workshop" and self.phase == "grille"
        if action == "finish":
            return self.phase == "entretien"
        if action in ("override", "save", "toggle_transcript"):
            return self.phase == "grille"
        return True

    # --- the interview ------------------------------------------------------------------------

    def _dire_recruteur(self, texte: str, relance: bool = False) -> None:
        detail = "Relance du recruteur" if relance and not self.mode_personne else None
        self.query_one(FilSimulation).ajouter("recruteur", texte, detail)

    @on(Input.Submitted, "#reponse")
    def _envoyer(self, event: Input.Submitted) -> None:
        texte = event.value
        event.input.value = ""
        if self.phase == "entretien":
            self._repondre(texte)
        elif self.phase == "auto_evaluation":
            self._auto_evaluer(texte)

    def _repondre(self, texte: str) -> None:
        fil = self.query_one(FilSimulation)
        tour = self.simulation.repondre(texte)
        fil.ajouter("personne", tour.reponse or "(silence)")
        if tour.remarque and (not self.mode_personne or not tour.remarque.startswith("Relance")):
            fil.ajouter("note", tour.remarque)
        if tour.suite is not None:
            en_relance = self.simulation.replique_courante != (
                self.simulation.question_courante.texte
                if self.simulation.question_courante
                else None
            )
            self._dire_recruteur(tour.suite, relance=en_relance)
            return
        self._vers_auto_evaluation()

    def action_finish(self) -> None:
        if self.phase != "entretien":
            return
        self.query_one(FilSimulation).ajouter(
            "note", "Simulation arrêtée avant la fin : la grille porte sur les réponses données."
        )
        self._vers_auto_evaluation()

    def _vers_auto_evaluation(self) -> None:
        if self.reglages.minuteur:
            self._tic()  # the time spent stays on screen
        self.phase = "auto_evaluation"
        self.query_one(FilSimulation).ajouter("recruteur", FIN)
        self.query_one(FilSimulation).ajouter("assistant", AUTO_EVALUATION)
        self._consigne()
        self.refresh_bindings()

    def _auto_evaluer(self, texte: str) -> None:
        fil = self.query_one(FilSimulation)
        texte = " ".join(texte.split())
        if len(texte) > MAX_AUTO_EVALUATION:
            texte = texte[:MAX_AUTO_EVALUATION]
            fil.ajouter("note", f"Seuls les {MAX_AUTO_EVALUATION} premiers caractères sont gardés.")
        self.auto_evaluation = texte or None
        fil.ajouter("personne", texte or "(pas d'avis)")
        self.phase = "calcul"
        self.query_one("#reponse", Input).display = False
        self._consigne()
        self.refresh_bindings()
        self._calculer_retour()

    # --- feedback -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="retour-simulation")
    def _calculer_retour(self) -> None:
        raison = None
        try:
            passerelle = self.session.passerelle_llm()
        except Exception as exc:  # a configured model that cannot be built: the offline grid
            passerelle = None
            raison = getattr(exc, "message", None) or "le modèle de langage est indisponible"
        try:
            resultat = feedback_simulation(
                self.simulation, passerelle, dossier_id=self.entretien.dossier.id
            )
        except Exception:  # the rules never need the network; the grid must always come
            resultat = ResultatFeedback(
                noter_simulation(self.simulation),
                "Grille calculée avec des règles simples.",
                "regles",
            )
        if raison:
            resultat = ResultatFeedback(
                resultat.grille,
                f"Le modèle de langage n'a pas pu être utilisé : {raison.rstrip('.')}. "
                "Voici la grille calculée avec des règles simples.",
                "regles",
            )
        repli = passerelle is not None and resultat.source == "regles"
        self.app.call_from_thread(self._montrer_retour, resultat, repli or bool(raison))

    def _montrer_retour(self, resultat: ResultatFeedback, repli: bool) -> None:
        self.grille = resultat.grille
        self.origine = resultat.source
        self.message_retour = resultat.message
        self.modifiee = True
        self.phase = "grille"
        self.add_class("voir-grille")
        if repli:
            self.notify(resultat.message, severity="warning", timeout=12)
        self._montrer_grille()
        self._consigne()
        self.refresh_bindings()
        self.query_one("#zone-grille", VerticalScroll).focus()

    def _montrer_grille(self) -> None:
        if self.grille is None:
            return
        bandeau = self.reglages.plan.bandeau  # always on screen above: not repeated
        message = Text()
        message.append(self.message_retour.removeprefix(bandeau).strip(), style="italic")
        if self.reponse_retenue:
            message.append("\nRéponse retenue sur la période : ", style="bold")
            message.append(Text(self.reponse_retenue))
        if not self.mode_personne:
            etat = (
                "Enregistrée dans le dossier."
                if self.index_enregistre is not None and not self.modifiee
                else "Pas encore enregistrée : Ctrl+S pour l'enregistrer dans le dossier."
            )
            message.append(f"\n{etat}", style="bold")
        self.query_one("#message-retour", Static).update(message)
        self.query_one("#grille", Static).update(
            texte_grille(self.grille, self.auto_evaluation, bandeau=False)
        )

    def action_toggle_transcript(self) -> None:
        if self.phase == "grille":
            self.toggle_class("voir-grille")

    # --- the counsellor's notes ---------------------------------------------------------------

    def action_override(self) -> None:
        grille = self.grille
        if grille is None or self.mode_personne:
            return
        options: list[tuple[str, str]] = []
        for critere in CRITERES:
            note = grille.note(critere)
            etat = f"{marques(note.note_1_4)} {note.note_1_4}/4" if note else "○○○○ non noté"
            options.append((critere, f"{etat}  {libelle(critere)}"))

        def choisi(ident: str | None) -> None:
            critere = next((c for c in CRITERES if c == ident), None)
            if critere is None or self.grille is None:
                return
            actuelle = self.grille.note(critere)

            def enregistrer(note: int, observation: str) -> None:
                if self.grille is not None:
                    self.grille = override(self.grille, critere, note, observation)

            def fini(applique: bool | None) -> None:
                if applique:
                    self.modifiee = True
                    self._montrer_grille()
                    self.notify(f"Note modifiée : {libelle(critere)}.")

            self.app.push_screen(
                NoteDialog(
                    libelle(critere),
                    enregistrer,
                    actuelle.note_1_4 if actuelle else None,
                    actuelle.observation if actuelle else "",
                ),
                fini,
            )

        self.app.push_screen(
            ChoiceDialog(
                "Quelle note modifier ?",
                options,
                "Votre note remplace celle de la grille ; les points forts et les axes suivent.",
            ),
            choisi,
        )

    # --- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.grille is None or self.mode_personne:
            return
        try:
            record = vers_modele(
                self.simulation,
                self.grille,
                self.auto_evaluation,
                self.reponse_retenue,
                jour=self.session.aujourd_hui(),
                origine=self.origine,
            )
        except DonneesInvalides as exc:
            self.notify(" ".join(exc.messages), severity="error", timeout=12)
            return
        index = self.index_enregistre

        def ranger(dossier: Dossier) -> None:
            if index is None:
                dossier.simulations.append(record)
            else:
                dossier.simulations[index] = record

        erreur = modifier_dossier(self.session, self.entretien, ranger)
        if erreur is not None:
            self.notify(
                f"La simulation n'a pas été enregistrée : {erreur} Rien n'est perdu à l'écran : "
                "réessayez (Ctrl+S).",
                severity="error",
                timeout=12,
            )
            return
        if index is None:
            self.index_enregistre = len(self.entretien.dossier.simulations) - 1
        self.modifiee = False
        self._montrer_grille()
        self.notify("Simulation enregistrée dans le dossier : grille et transcription.")

    # --- other views --------------------------------------------------------------------------

    def action_workshop(self) -> None:
        from assistant.tui.screens.simulation_atelier import AtelierScreen

        def retenir(texte: str) -> None:
            index = self.index_enregistre
            if index is not None:

                def ranger(dossier: Dossier) -> None:
                    dossier.simulations[index] = dossier.simulations[index].model_copy(
                        update={"reponse_periode_detention_travaillee": texte}
                    )

                erreur = modifier_dossier(self.session, self.entretien, ranger)
                if erreur is not None:
                    raise ValueError(erreur)
            self.reponse_retenue = texte

        def fini(texte: str | None) -> None:
            if texte is not None:
                self._montrer_grille()

        self.app.push_screen(
            AtelierScreen(self.reglages.plan.poste, retenir, self.mode_personne), fini
        )

    def action_progress(self) -> None:
        from assistant.tui.screens.simulation_progression import ProgressionScreen

        self.app.push_screen(ProgressionScreen(self.entretien.dossier))

    def action_give_back(self) -> None:
        if not self.mode_personne:
            return

        def confirme(oui: bool | None) -> None:
            if oui:
                self.mode_personne = False
                self._appliquer_mode()
                self._montrer_grille()

        self.app.push_screen(
            ConfirmDialog(
                "Rendre la main au conseiller ? Le mode personne s'arrête ; la simulation "
                "continue.",
                confirm_label="Rendre la main",
            ),
            confirme,
        )

    def action_back(self) -> None:
        if self.mode_personne:
            self.notify(
                "Cette touche est réservée au conseiller : Ctrl+R pour lui rendre la main.",
                timeout=6,
            )
            return
        if self.phase == "grille" and not self.modifiee:
            self.app.pop_screen()
            return

        def confirme(oui: bool | None) -> None:
            if oui:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmDialog(
                "La simulation n'est pas enregistrée : la transcription et la grille seront "
                "perdues. Revenir à l'entretien quand même ?",
                confirm_label="Revenir",
            ),
            confirme,
        )


def ouvrir_simulation(ecran: "WorkspaceScreen", quoi: str = "") -> None:
    """From the interview workspace: a new simulation, the progress view or the workshop."""
    session, entretien = ecran.session, ecran.entretien
    quoi = quoi.casefold()
    if quoi in ("progres", "progrès", "progression"):
        from assistant.tui.screens.simulation_progression import ProgressionScreen

        ecran.app.push_screen(ProgressionScreen(entretien.dossier))
        return
    if quoi == "atelier":
        from assistant.tui.screens.simulation_atelier import ouvrir_atelier_seul

        ouvrir_atelier_seul(ecran.app, session, entretien)
        return

    def choisi(reglages: ReglagesSimulation | None) -> None:
        if reglages is not None:
            ecran.app.push_screen(SimulationScreen(session, entretien, reglages))

    ecran.app.push_screen(SimulationSetupDialog(session, entretien.dossier), choisi)
