"""The interview workspace: steps of the guide, the chat, and the context panel.

Nothing enters the dossier unconfirmed: what the counsellor types is read for proposals, which
are accepted, corrected or rejected; each confirmed change is saved to the vault at once.
"""

import contextlib
import time
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header, Input, ProgressBar, Tabs

from assistant.domain.enums import TypeBrouillon
from assistant.domain.errors import DonneesInvalides
from assistant.domain.steps import ETAPES
from assistant.guide.engine import QuestionProposee
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.fields import decrire
from assistant.guide.presentation import valeur_texte
from assistant.interview import Entretien
from assistant.retrieval.messages import AUCUN_SERVICE
from assistant.session import Session
from assistant.storage.errors import VaultError
from assistant.suggestions import Suggestions, cle_suggestions
from assistant.tui import messages
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.field_editor import FieldEditorDialog
from assistant.tui.widgets.demande_regions import DemandeRegions
from assistant.tui.widgets.footer import StableFooter
from assistant.tui.widgets.interview.chat import ChatLog
from assistant.tui.widgets.interview.chat_input import ChatInput
from assistant.tui.widgets.interview.context import ContextPanel, JobsList
from assistant.tui.widgets.interview.proposals import ProposalsList
from assistant.tui.widgets.interview.steps import StepsList
from assistant.tui.widgets.interview.view import Vue

if TYPE_CHECKING:
    from assistant.tui.app import PasserelleApp

COMMANDES_CHAT: list[tuple[str, str]] = [
    ("/metiers [mots]", "Fiches métiers pour ces mots (ou pour le dossier)"),
    ("/formations [mots]", "Certifications pour ces mots (ou pour le projet)"),
    ("/services [frein]", "Services d'insertion pour un frein (ou pour les freins notés)"),
    ("/plan", "Plan d'action et compte à rebours avant la sortie"),
    ("/profil", "Tout ce qui est noté, étape par étape"),
    ("/frise", "Frise du parcours : école, emplois, formations"),
    ("/synthese", "Rédiger la synthèse de l'entretien (brouillon à relire)"),
    ("/documents", "Documents du dossier : rédiger, relire, valider (F8)"),
    ("/export", "Exporter un document validé, selon le consentement"),
    ("/simulation [progres|atelier]", "Simulation d'entretien d'embauche (F9), progrès, atelier"),
    ("/etape N", "Aller à l'étape N (0 à 9)"),
    ("/suivante", "Question suivante sans rien noter (Ctrl+N)"),
    ("/passer", "Passer l'étape en cours (F6)"),
    ("/champ", "Renseigner directement un champ de l'étape (F2)"),
    ("/rdv", "Commencer un rendez-vous de suivi (F7)"),
    ("/aide", "Toutes les touches (F1)"),
]
LARGEUR_ETROITE = 120
"""Below this width the steps column hides and the context panel opens on F3 instead."""


class WorkspaceScreen(Screen[None]):
    BINDINGS = [
        Binding("f1", "app.help", "Aide"),
        Binding("escape", "back", "Dossiers"),
        Binding("ctrl+o", "accept_all", "Tout accepter", priority=True),
        Binding("ctrl+n", "next_question", "Question suivante", priority=True),
        Binding("down", "focus_proposals", "Propositions", show=False),
        Binding("f2", "edit_field", "Renseigner"),
        Binding("f3", "toggle_context", "Contexte"),
        Binding("f4", "choose_step", "Étapes"),
        Binding("f5", "choose_profile", "Profil"),
        Binding("f6", "skip_step", "Passer l'étape"),
        Binding("f7", "follow_up", "Nouveau RDV"),
        Binding("f8", "documents", "Documents"),
        Binding("f9", "simulation", "Simulation"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # « Tout accepter » stays in the footer, dimmed while nothing waits: lighting a key costs
        # nothing, adding or removing one rebuilds the footer while the counsellor types.
        if action == "accept_all":
            return True if self.en_attente else None
        if action == "focus_proposals":
            return bool(self.en_attente)
        return True

    def action_focus_proposals(self) -> None:
        self.query_one("#propositions", ProposalsList).focus()

    def __init__(self, session: Session, entretien: Entretien) -> None:
        super().__init__()
        self.session = session
        self.entretien = entretien
        self.en_attente: list[Proposition] = []
        self._derniere_question: str | None = None
        self._resume_differe: int | None = None
        """A step whose closing summary waits for the counsellor's decision on its proposals."""
        self._lancement_suggestions = 0.0
        self._cle_suggestions: tuple[object, ...] | None = None
        self._generation_suggestions = 0
        self._panneau_en_attente = False
        """Which refresh the panel must show: a slower, older worker's result is dropped."""

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="espace"):
            with Vertical(id="colonne-etapes"):
                yield Vue(id="profil-actif")
                yield ProgressBar(id="progression", show_eta=False, show_percentage=False)
                yield StepsList(id="liste-etapes")
                yield Vue(id="rencontre", classes="aide")
            with Vertical(id="colonne-chat"):
                yield Vue(id="barre-etape")
                yield ChatLog(id="fil")
                yield ProposalsList(id="propositions")
                yield ChatInput(
                    placeholder="Ce que dit la personne… (Entrée : envoyer ; / : commandes)",
                    id="saisie",
                )
            yield ContextPanel(id="contexte")
        yield StableFooter()

    def on_mount(self) -> None:
        dossier = self.entretien.dossier
        self.sub_title = f"Entretien — dossier {dossier.reference}"
        self.query_one("#propositions", ProposalsList).display = False
        fil = self.query_one("#fil", ChatLog)
        rencontre = dossier.rencontre_courante
        if rencontre is not None and rencontre.questions_posees:
            fil.ajouter("note", "Reprise de l'entretien là où il s'était arrêté.")
        self._rafraichir()
        self._poser_question()
        self.query_one("#saisie", Input).focus()
        app = cast("PasserelleApp", self.app)
        self.query_one(ContextPanel).montrer_index(app.prepare_knowledge())

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < LARGEUR_ETROITE, "etroit")
        self.call_after_refresh(self._focus_visible)

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._focus_visible)

    def _focus_visible(self) -> None:
        """Back to the chat when the focused widget was hidden by a narrow terminal: otherwise
        the focus is lost, and comes back later on the steps list, where « s » skips a step."""
        focus = self.focused
        if focus is None or not focus.display or any(not a.display for a in focus.ancestors):
            self.query_one("#saisie", Input).focus()

    # --- views --------------------------------------------------------------------------------

    def _rafraichir(self, suggestions: bool = True) -> None:
        """Redraw what depends on the dossier; suggestions are recomputed in a worker."""
        entretien = self.entretien
        dossier = entretien.dossier
        guide = self.session.guide
        choix = guide.profil(dossier)
        profil = choix.profil.value if choix.profil else "à définir"
        courante = entretien.etape_en_cours
        closes, prevues = guide.progression(dossier)
        cases = "▰" * closes + "▱" * max(prevues - closes, 0)
        titre = f"Étape {courante} — {ETAPES[courante].titre}" if courante is not None else "Fin"
        self.query_one("#barre-etape", Vue).montrer(
            Text.assemble(f"{cases} {closes}/{prevues}  ", (titre, "bold"), f"  ·  Profil {profil}")
        )
        if not self._panneau_en_attente:
            # The chat and the proposals first; the steps column in the next frame, the (long)
            # profile and the plan in the one after: a key typed meanwhile is handled between
            # them instead of waiting for one long frame.
            self._panneau_en_attente = True
            self.call_after_refresh(self._montrer_etapes)
        cle = cle_suggestions(dossier)
        if suggestions and cle != self._cle_suggestions:
            self._cle_suggestions = cle
            self._lancement_suggestions = time.perf_counter()
            self._generation_suggestions += 1
            # Searches already made are answered from memory here, at once; otherwise a
            # worker runs them (the panel is updated when it is done).
            try:
                connues = self.session.suggestions_en_memoire(dossier)
            except Exception:  # the worker will say why (it runs the same code)
                connues = None
            if connues is not None:
                self._montrer_suggestions(connues, 0.0, self._generation_suggestions)
            else:
                self._suggerer(dossier.model_copy(deep=True), self._generation_suggestions)

    def _montrer_etapes(self) -> None:
        entretien = self.entretien
        dossier = entretien.dossier
        guide = self.session.guide
        choix = guide.profil(dossier)
        profil = choix.profil.value if choix.profil else "à définir"
        origine = "choisi" if dossier.profil_choisi else "proposé"
        self.query_one("#profil-actif", Vue).montrer(
            Text.assemble((f"Profil {profil}", "bold"), f" ({origine})\n", (choix.raison, "dim"))
        )
        rencontre = dossier.rencontre_courante
        courante = entretien.etape_en_cours
        closes, prevues = guide.progression(dossier)
        barre = self.query_one("#progression", ProgressBar)
        barre.update(total=max(prevues, 1), progress=closes)
        if rencontre is not None:
            self.query_one("#liste-etapes", StepsList).montrer(
                [guide.avancement(dossier, n) for n in rencontre.etapes_prevues], courante
            )
            self.query_one("#rencontre", Vue).montrer(
                Text(
                    f"Rendez-vous {rencontre.numero} ({rencontre.type.value}) du "
                    f"{rencontre.date:%d/%m/%Y}"
                )
            )
        self.call_after_refresh(self._montrer_panneau)

    def _montrer_panneau(self) -> None:
        self._panneau_en_attente = False
        dossier = self.entretien.dossier
        panneau = self.query_one(ContextPanel)
        panneau.montrer_profil(dossier, self.session.guide.regles(dossier))
        panneau.montrer_plan(dossier, self.entretien.aujourd_hui())

    def _poser_question(self) -> None:
        question = self.entretien.question
        fil = self.query_one("#fil", ChatLog)
        ident = question.question.id if question else None
        if ident is not None and ident == self._derniere_question:
            return
        if (
            question is not None
            and question.cloture
            and self._propositions_de(question.numero_etape)
        ):
            # The summary reads back what is noted: it waits for the proposals of its step, or
            # what was just understood would be missing from it.
            if self._resume_differe != question.numero_etape:
                self._resume_differe = question.numero_etape
                fil.ajouter(
                    "note",
                    "Décidez d'abord des propositions ci-dessous : je résumerai ensuite "
                    "l'étape pour la relire avec la personne.",
                )
            return
        self._resume_differe = None
        self._derniere_question = ident
        if question is None:
            fil.ajouter(
                "assistant",
                "Toutes les étapes de ce rendez-vous sont closes. Vérifiez le profil (onglet "
                "Profil), puis F7 pour un rendez-vous de suivi ou Échap pour revenir aux dossiers.",
            )
            self.post_message(messages.StepChanged(None))
            return
        detail = f"Étape {question.numero_etape} — {question.titre_etape}"
        if question.condensee:
            detail += " (condensée)"
        detail += f" · Pourquoi : {question.question.pourquoi}"
        fil.ajouter("assistant", question.texte, detail)
        self.post_message(messages.StepChanged(question.numero_etape))

    # --- chat ---------------------------------------------------------------------------------

    @on(Input.Submitted, "#saisie")
    def envoyer(self, event: Input.Submitted) -> None:
        texte = event.value
        if not texte.strip():
            self.query_one("#fil", ChatLog).ajouter(
                "note",
                "Tapez ce que dit la personne, ou Ctrl+N pour passer à la question suivante.",
            )
            return
        event.input.value = ""
        if texte.lstrip().startswith("/"):
            self.executer_commande(texte.strip())
            return
        self.query_one("#fil", ChatLog).ajouter("conseiller", texte)
        question = self.entretien.question
        self._extraire(texte, question)

    @work(thread=True, exclusive=False, group="extraction")
    def _extraire(self, texte: str, question: QuestionProposee | None) -> None:
        try:
            lu = self.session.corriger_orthographe(texte)
        except Exception:  # knowledge unavailable: the text is read as typed
            lu = texte
        try:
            propositions = self.entretien.proposer(lu, question, self._metiers)
        except Exception:  # the rules must not fail; if they do, the interview goes on
            propositions = []
        self.app.call_from_thread(self._compris, question, propositions)

    def _metiers(self, texte: str) -> list[Any]:
        try:
            return self.session.chercher_metiers(texte)
        except Exception:  # knowledge unavailable: the extraction proposes words without code
            return []

    def _compris(self, question: QuestionProposee | None, propositions: list[Proposition]) -> None:
        fil = self.query_one("#fil", ChatLog)
        if propositions:
            resume = " ; ".join(p.libelle for p in propositions)
            fil.ajouter("note", f"J'ai compris : {resume}. À confirmer ci-dessous.")
        else:
            fil.ajouter(
                "note",
                "Rien de précis à noter automatiquement. F2 pour renseigner un champ directement.",
            )
        self.en_attente.extend(propositions)
        self._montrer_attente()
        self._anticiper_suggestions()
        self.post_message(
            messages.UtteranceUnderstood(
                question.question.id if question else None, len(propositions)
            )
        )
        if question is not None and question == self.entretien.question:
            self._sauver(lambda: self.entretien.passer_question(question))
        self._rafraichir(suggestions=False)
        self._poser_question()

    def _montrer_attente(self) -> None:
        self.query_one("#propositions", ProposalsList).montrer(self.en_attente)
        self.refresh_bindings()

    def _sauver(self, action: Any) -> bool:
        """Run a change of the dossier; explain a refusal or a failed write in the chat."""
        try:
            action()
        except DonneesInvalides as exc:
            self.query_one("#fil", ChatLog).ajouter("erreur", "\n".join(exc.messages))
            return False
        except (VaultError, ValueError) as exc:
            texte = exc.message if isinstance(exc, VaultError) else str(exc)
            self.query_one("#fil", ChatLog).ajouter("erreur", texte)
            return False
        return True

    # --- proposals ----------------------------------------------------------------------------

    @on(ProposalsList.Decided)
    def decider(self, event: ProposalsList.Decided) -> None:
        proposition = event.proposition
        if event.decision == "rejeter":
            self._retirer_attente(proposition)
            self.post_message(messages.ProposalRejected(proposition.etape, proposition.champ))
        elif event.decision == "corriger":
            self._corriger(proposition)
        else:
            self._accepter(proposition)

    def _retirer_attente(self, proposition: Proposition) -> None:
        if proposition in self.en_attente:
            self.en_attente.remove(proposition)
        self._montrer_attente()
        if not self.en_attente:
            self.query_one("#saisie", Input).focus()
        if self._resume_differe is not None and not self._propositions_de(self._resume_differe):
            self._poser_question()

    def _propositions_de(self, numero: int) -> bool:
        return any(p.etape == numero for p in self.en_attente)

    def _accepter(self, proposition: Proposition, rafraichir: bool = True) -> bool:
        try:
            self.entretien.confirmer(proposition)
        except DonneesInvalides as exc:
            self.query_one("#fil", ChatLog).ajouter(
                "erreur",
                "Proposition refusée : "
                + " ".join(exc.messages)
                + " Corrigez-la (c) ou rejetez-la (x).",
            )
            return False
        except VaultError as exc:
            self.query_one("#fil", ChatLog).ajouter("erreur", exc.message)
            return False
        self.query_one("#fil", ChatLog).ajouter("note", f"✔ Noté : {proposition.libelle}")
        self._retirer_attente(proposition)
        self.post_message(messages.ProposalConfirmed(proposition.etape, proposition.champ))
        if rafraichir:
            self._rafraichir()
        return True

    def action_accept_all(self) -> None:
        if not self.en_attente:
            self.notify("Aucune proposition à confirmer.")
            return
        for proposition in list(self.en_attente):
            self._accepter(proposition, rafraichir=False)
        self._rafraichir()

    def _corriger(self, proposition: Proposition) -> None:
        modele = ETAPES[proposition.etape]
        description = decrire(modele, proposition.champ)
        valeur, mode = proposition.valeur, proposition.mode
        if mode in ("refus", "non_aborde"):
            valeur, mode = None, "remplacer"
        elif mode == "ajouter" and description.genre != "items":
            # One more item of a simple list: edit the whole list with the new item in it.
            actuel = list(
                getattr(
                    self.entretien.dossier.etapes.par_numero(proposition.etape), proposition.champ
                )
                or []
            )
            valeur, mode = [*actuel, valeur], "remplacer"

        def fini(enregistre: bool | None) -> None:
            if enregistre:
                self.query_one("#fil", ChatLog).ajouter(
                    "note", f"✔ Noté après correction : {description.titre}"
                )
                self._retirer_attente(proposition)
                self.post_message(messages.ProposalConfirmed(proposition.etape, proposition.champ))
                self._rafraichir()

        self.app.push_screen(
            FieldEditorDialog(
                proposition.etape,
                description,
                self.entretien.confirmer,
                valeur,
                mode,
                titre=f"Corriger — {description.titre}",
                absences=description.genre != "items",
            ),
            fini,
        )

    # --- direct editing -----------------------------------------------------------------------

    def action_edit_field(self, numero: int | None = None) -> None:
        numero = self.entretien.etape_en_cours if numero is None else numero
        if numero is None:
            numero = 0
        modele = ETAPES[numero]
        etape = self.entretien.dossier.etapes.par_numero(numero)
        options = []
        for champ in modele.champs_questionnables():
            etat = etape.etat_champ(champ)
            titre = modele.model_fields[champ].title or champ
            if etat == "rempli":
                resume = valeur_texte(modele, champ, getattr(etape, champ))
                resume = resume if len(resume) <= 50 else resume[:49] + "…"
            else:
                resume = {"manquant": "à renseigner", "refus": "refus", "non_aborde": "non abordé"}[
                    etat
                ]
            options.append((champ, f"{titre} — {resume}"))

        def choisi(champ: str | None) -> None:
            if champ is not None:
                self._editer(numero, champ)

        self.app.push_screen(
            ChoiceDialog(
                f"Étape {numero} — {modele.titre} : quel champ renseigner ?",
                options,
                "Entrée pour choisir, Échap pour annuler. F4 pour une autre étape.",
            ),
            choisi,
        )

    def _editer(self, numero: int, champ: str) -> None:
        modele = ETAPES[numero]
        description = decrire(modele, champ)
        etape = self.entretien.dossier.etapes.par_numero(numero)
        actuel = getattr(etape, champ)
        if description.genre != "items":
            self._ouvrir_editeur(numero, description, actuel, "remplacer")
            return
        elements = list(actuel or [])
        options = [("ajouter", "+ Ajouter un élément")]
        for i, element in enumerate(elements):
            options.append((f"modifier:{i}", f"Modifier : {valeur_texte(modele, champ, element)}"))
        for i, element in enumerate(elements):
            options.append((f"retirer:{i}", f"Retirer : {valeur_texte(modele, champ, element)}"))

        def choisi(choix: str | None) -> None:
            if choix is None:
                return
            if choix == "ajouter":
                self._ouvrir_editeur(numero, description, None, "ajouter", absences=False)
                return
            geste, index = choix.split(":")
            i = int(index)
            if geste == "retirer":
                if self._sauver(lambda: self.entretien.retirer(numero, champ, i)):
                    self.query_one("#fil", ChatLog).ajouter(
                        "note", f"Élément retiré : {description.titre}"
                    )
                    self._rafraichir()
                return
            self._modifier_element(numero, description, elements, i)

        self.app.push_screen(ChoiceDialog(description.titre, options), choisi)

    def _modifier_element(
        self, numero: int, description: Any, elements: list[Any], index: int
    ) -> None:
        def enregistrer(proposition: Proposition) -> None:
            nouveaux = [e.model_dump(mode="json") for e in elements]
            nouveaux[index] = proposition.valeur
            self.entretien.confirmer(
                Proposition(numero, description.nom, nouveaux, proposition.libelle, "remplacer")
            )

        valeur = elements[index].model_dump(mode="json")
        self._ouvrir_editeur(
            numero, description, valeur, "remplacer", absences=False, enregistrer=enregistrer
        )

    def _ouvrir_editeur(
        self,
        numero: int,
        description: Any,
        valeur: Any,
        mode: Any,
        absences: bool = True,
        enregistrer: Any = None,
    ) -> None:
        def fini(enregistre: bool | None) -> None:
            if enregistre:
                self.query_one("#fil", ChatLog).ajouter("note", f"✔ Noté : {description.titre}")
                self.post_message(messages.ProposalConfirmed(numero, description.nom))
                self._rafraichir()

        self.app.push_screen(
            FieldEditorDialog(
                numero,
                description,
                enregistrer or self.entretien.confirmer,
                valeur,
                mode,
                absences=absences,
            ),
            fini,
        )

    # --- steps, profile, meetings -------------------------------------------------------------

    def action_next_question(self) -> None:
        question = self.entretien.question
        if question is None:
            self.notify("Toutes les étapes de ce rendez-vous sont closes.")
            return
        if self._sauver(lambda: self.entretien.passer_question(question)):
            self._rafraichir(suggestions=False)
            self._poser_question()

    def _aller_a(self, numero: int) -> None:
        if self._sauver(lambda: self.entretien.aller_a_etape(numero)):
            self._derniere_question = None
            self._rafraichir(suggestions=False)
            self._poser_question()

    @on(StepsList.Chosen)
    def _etape_choisie(self, event: StepsList.Chosen) -> None:
        self._aller_a(event.numero)
        self.query_one("#saisie", Input).focus()

    @on(StepsList.Skipped)
    def _etape_passee(self, event: StepsList.Skipped) -> None:
        self.action_skip_step(event.numero)

    def action_choose_step(self) -> None:
        rencontre = self.entretien.dossier.rencontre_courante
        if rencontre is None:
            return
        guide = self.session.guide
        options = []
        for numero in rencontre.etapes_prevues:
            a = guide.avancement(self.entretien.dossier, numero)
            options.append((str(numero), f"{numero}. {a.titre} — {a.etat.value.replace('_', ' ')}"))

        def choisi(ident: str | None) -> None:
            if ident is not None:
                self._aller_a(int(ident))

        self.app.push_screen(ChoiceDialog("Aller à l'étape", options), choisi)

    def action_skip_step(self, numero: int | None = None) -> None:
        if self._sauver(lambda: self.entretien.passer_etape(numero)):
            self.query_one("#fil", ChatLog).ajouter(
                "note", "Étape passée : elle pourra être reprise (F4)."
            )
            self._derniere_question = None
            self._rafraichir(suggestions=False)
            self._poser_question()

    def action_choose_profile(self) -> None:
        guide = self.session.guide
        propose = guide.profil(self.entretien.dossier.model_copy(update={"profil_choisi": None}))
        code = propose.profil.value if propose.profil else "à définir"
        auto = f"Proposé par le guide : {code} — {propose.raison}"
        options = [("auto", auto)]
        for profil, regles in guide.data.profils.items():
            options.append((profil.value, f"{profil.value} — {regles.libelle}"))

        def choisi(ident: str | None) -> None:
            if ident is None:
                return
            from assistant.domain.enums import ProfilDeroule

            profil = None if ident == "auto" else ProfilDeroule(ident)
            if self._sauver(lambda: self.entretien.changer_profil(profil)):
                self._derniere_question = None
                self._rafraichir()
                self._poser_question()

        self.app.push_screen(
            ChoiceDialog(
                "Profil de déroulé",
                options,
                "Le profil adapte les questions à l'horizon de sortie (guide, section D).",
            ),
            choisi,
        )

    def action_follow_up(self) -> None:
        def confirme(ok: bool | None) -> None:
            if ok and self._sauver(self.entretien.nouvelle_rencontre):
                self.query_one("#fil", ChatLog).ajouter(
                    "note",
                    "Rendez-vous de suivi commencé : étapes 1, 5, 8 et 9 (guide, section D).",
                )
                self._derniere_question = None
                self._rafraichir()
                self._poser_question()

        self.app.push_screen(
            ConfirmDialog(
                "Commencer aujourd'hui un rendez-vous de suivi ? Il reprend la situation, les "
                "freins, le plan d'action et la synthèse (étapes 1, 5, 8, 9).",
                confirm_label="Commencer",
            ),
            confirme,
        )

    def action_toggle_context(self) -> None:
        if self.has_class("etroit"):
            self.toggle_class("voir-contexte")
            if not self.has_class("voir-contexte"):
                self.query_one("#saisie", Input).focus()
                return
        # The tab bar takes the focus: ← → change tab, Tab goes into the list of the tab.
        self.query_one(ContextPanel).query_one(Tabs).focus()

    def action_back(self) -> None:
        contexte = self.query_one(ContextPanel)
        if (
            self.focused is not None
            and contexte in self.focused.ancestors
            and not self.has_class("etroit")
        ):
            self.query_one("#saisie", Input).focus()
            return
        if self.has_class("voir-contexte"):
            self.remove_class("voir-contexte")
            self.query_one("#saisie", Input).focus()
            return
        if self.en_attente:

            def confirme(ok: bool | None) -> None:
                if ok:
                    self.app.pop_screen()

            self.app.push_screen(
                ConfirmDialog(
                    f"{len(self.en_attente)} proposition(s) ne sont pas confirmées et ne seront "
                    "pas notées. Revenir quand même à la liste des dossiers ?",
                    confirm_label="Revenir",
                ),
                confirme,
            )
            return
        self.app.pop_screen()

    # --- suggestions --------------------------------------------------------------------------

    def _anticiper_suggestions(self) -> None:
        """Run the searches the proposals would need while the counsellor reads them.

        Nothing is written or shown: the searches are remembered, so that the panel is right at
        once when the proposals are confirmed (a search under way is waited for, not re-run).
        """
        try:
            dossier = self.entretien.dossier_si_confirme(self.en_attente)
        except Exception:  # anticipating is a bonus: the refresh at confirmation does the work
            return
        if cle_suggestions(dossier) != self._cle_suggestions:
            self._anticiper(dossier)

    @work(thread=True, exclusive=True, group="anticipation")
    def _anticiper(self, dossier: Any) -> None:
        with contextlib.suppress(Exception):  # the refresh runs the same searches and says why
            self.session.suggestions(dossier)  # searches already made are answered from memory

    @work(thread=True, exclusive=True, group="suggestions")
    def _suggerer(self, dossier: Any, generation: int) -> None:
        debut = time.perf_counter()
        try:
            suggestions = self.session.suggestions(dossier)
        except Exception as exc:  # the interview goes on without suggestions
            message = getattr(exc, "message", None) or type(exc).__name__
            self.app.call_from_thread(self._suggestions_indisponibles, message, generation)
            return
        calcul = (time.perf_counter() - debut) * 1000
        self.app.call_from_thread(self._montrer_suggestions, suggestions, calcul, generation)

    def _montrer_suggestions(
        self, suggestions: Suggestions, calcul_ms: float = 0.0, generation: int | None = None
    ) -> None:
        if generation is not None and generation != self._generation_suggestions:
            return  # a later refresh is already shown or on its way
        self.query_one(ContextPanel).montrer_suggestions(suggestions)
        duree = (time.perf_counter() - self._lancement_suggestions) * 1000
        self.post_message(
            messages.SuggestionsRefreshed(
                len(suggestions.metiers), len(suggestions.services), duree, calcul_ms
            )
        )

    def _suggestions_indisponibles(self, message: str, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation_suggestions:
            return
        self._cle_suggestions = None  # try again at the next change
        self.query_one(ContextPanel).montrer_index(
            f"Suggestions indisponibles pour l'instant ({message}) ; l'entretien continue."
        )

    def on_index_status_changed(self, message: messages.IndexStatusChanged) -> None:
        self.query_one(ContextPanel).montrer_index(message.text)

    @on(JobsList.ShowDemand)
    def _montrer_recrutements(self, event: JobsList.ShowDemand) -> None:
        hit = event.piste.hit
        panneau = self.query_one(ContextPanel)
        try:
            demandes = self.session.knowledge.demand.by_region(hit.code_rome)
        except Exception as exc:  # the pack is checked by `passerelle doctor`
            message = getattr(exc, "message", None) or type(exc).__name__
            self.notify(f"Chiffres BMO indisponibles ({message}).", severity="warning")
            return
        panneau.query_one(DemandeRegions).afficher(
            hit.code_rome,
            hit.libelle,
            demandes,
            self.entretien.dossier.etapes.situation.region_sortie,
        )
        panneau.ouvrir("onglet-recrutements")

    @on(JobsList.AddProject)
    def _ajouter_projet(self, event: JobsList.AddProject) -> None:
        hit = event.piste.hit
        proposition = Proposition(
            6,
            "projets",
            {"libelle_personne": hit.libelle, "code_rome": hit.code_rome},
            f"Projet : {hit.libelle} ({hit.code_rome})",
            "ajouter",
        )
        self.en_attente.append(proposition)
        self._montrer_attente()
        self.query_one("#fil", ChatLog).ajouter(
            "note", f"Proposé comme projet : {hit.libelle} ({hit.code_rome}). À confirmer."
        )

    # --- documents ----------------------------------------------------------------------------

    def action_documents(
        self, nouveau: TypeBrouillon | None = None, exporter: bool = False
    ) -> None:
        """Open the dossier's documents (and start a draft or an export when asked)."""
        from assistant.tui.screens.documents import DocumentsScreen

        documents = self.session.documents(self.entretien.dossier)
        self.app.push_screen(DocumentsScreen(self.session, documents, nouveau, exporter))

    def action_simulation(self, quoi: str = "") -> None:
        """A mock interview (F9), or its progress view / gap-answer workshop (`quoi`)."""
        from assistant.tui.screens.simulation import ouvrir_simulation

        ouvrir_simulation(self, quoi)

    # --- slash commands -----------------------------------------------------------------------

    def executer_commande(self, texte: str) -> None:
        """Run a slash command typed in the chat (or chosen in the palette)."""
        nom, _, argument = texte[1:].partition(" ")
        nom, argument = nom.casefold(), argument.strip()
        fil = self.query_one("#fil", ChatLog)
        panneau = self.query_one(ContextPanel)
        onglets = {
            "metiers": "onglet-metiers",
            "métiers": "onglet-metiers",
            "formations": "onglet-formations",
            "services": "onglet-services",
            "plan": "onglet-plan",
            "profil": "onglet-profil",
            "frise": "onglet-frise",
        }
        if nom in onglets:
            panneau.ouvrir(onglets[nom])
            if self.has_class("etroit"):
                self.add_class("voir-contexte")
            if argument and nom in ("metiers", "métiers", "formations", "services"):
                self._recherche_libre(nom, argument)
            titre = onglets[nom].removeprefix("onglet-").capitalize().replace("Metiers", "Métiers")
            fil.ajouter("note", f"Onglet {titre} du panneau de contexte (F3 pour y aller).")
        elif nom in ("etape", "étape") and argument in {str(n) for n in range(len(ETAPES))}:
            self._aller_a(int(argument))
        elif nom == "suivante":
            self.action_next_question()
        elif nom == "passer":
            self.action_skip_step()
        elif nom == "champ":
            self.action_edit_field()
        elif nom == "rdv":
            self.action_follow_up()
        elif nom in ("synthese", "synthèse"):
            self.action_documents(TypeBrouillon.SYNTHESE)
        elif nom == "documents":
            self.action_documents()
        elif nom == "export":
            self.action_documents(exporter=True)
        elif nom == "simulation":
            self.action_simulation(argument)
        elif nom == "aide":
            self.app.action_help()  # type: ignore[attr-defined]
        else:
            connues = ", ".join(c.split()[0] for c, _ in COMMANDES_CHAT)
            fil.ajouter("erreur", f"Commande inconnue : « {texte[:40]} ». Commandes : {connues}.")

    @work(thread=True, exclusive=True, group="recherche")
    def _recherche_libre(self, nom: str, argument: str) -> None:
        knowledge = self.session.knowledge
        try:
            if nom in ("metiers", "métiers"):
                from assistant.suggestions import PisteMetier

                region = self.entretien.dossier.etapes.situation.region_sortie
                pistes = [
                    PisteMetier(f"Recherche : {argument[:40]}", hit, False)
                    for hit in knowledge.search_jobs(argument, 5, region)
                ]
                self.app.call_from_thread(self.query_one("#vue-metiers", JobsList).montrer, pistes)
            else:
                texte = Text(f"Recherche : {argument[:60]}\n\n", style="bold")
                hits: list[Any] = (
                    knowledge.search_certifications(argument, 5)
                    if nom == "formations"
                    else knowledge.search_services(
                        argument, self.entretien.dossier.etapes.situation.departement_sortie
                    )
                )
                for hit in hits:
                    titre = hit.certification.intitule if nom == "formations" else hit.service.nom
                    texte.append(titre + "\n", style="bold")
                    texte.append(f"  {hit.pourquoi}\n", style="dim")
                if not hits:
                    texte.append(
                        "Aucun résultat." if nom == "formations" else AUCUN_SERVICE, style="dim"
                    )
                cible = "#vue-formations" if nom == "formations" else "#vue-services"
                self.app.call_from_thread(self.query_one(cible, Vue).montrer, texte)
        except Exception as exc:
            message = getattr(exc, "message", None) or str(exc)
            self.app.call_from_thread(
                self.query_one("#fil", ChatLog).ajouter,
                "erreur",
                f"Recherche impossible : {message}",
            )
