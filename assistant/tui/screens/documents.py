"""Documents of a dossier: draft, review sentence by sentence with its sources, validate, export.

Left: the dossier's documents and their status. Right: the draft, one line per sentence, ✓ when
its facts are found in its sources, ⚠ when something must be fixed before it can leave; under it,
the sources and the flags of the highlighted sentence.
"""

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from assistant.documents import DocumentIntrouvable, Documents, ValidationRefusee
from assistant.domain.dossier import Brouillon
from assistant.domain.enums import StatutValidation, TypeBrouillon
from assistant.domain.labels import libelle
from assistant.storage.errors import VaultError
from assistant.tui.dialogs.choice import ChoiceDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.dialogs.sentence_editor import SentenceEditorDialog
from assistant.tui.screens.workspace import LARGEUR_ETROITE
from assistant.tui.widgets.footer import StableFooter
from assistant.tui.widgets.interview.view import Vue

if TYPE_CHECKING:
    from assistant.drafting.generate import ResultatRedaction
    from assistant.session import Session

ORIGINES = {
    "modele_local": "rédigé hors ligne à partir du dossier",
    "llm": "rédigé par le modèle de langage",
    "conseiller": "écrit par le conseiller",
}
STATUTS = {
    StatutValidation.BROUILLON: ("Brouillon", "yellow"),
    StatutValidation.RELU: ("Relu", "cyan"),
    StatutValidation.VALIDE_CONSEILLER: ("Validé", "green"),
}


def _statut(brouillon: Brouillon) -> Text:
    texte, style = STATUTS[brouillon.statut]
    return Text(texte, style=f"bold {style}")


class DocumentsScreen(Screen[None]):
    BINDINGS = [
        Binding("f1", "app.help", "Aide"),
        Binding("escape", "back", "Entretien"),
        Binding("n", "new", "Nouveau document"),
        Binding("e", "edit", "Modifier la phrase"),
        Binding("delete", "remove", "Retirer la phrase"),
        Binding("r", "reviewed", "Relu"),
        Binding("v", "validate", "Valider"),
        Binding("x", "export", "Exporter"),
        Binding("ctrl+d", "delete_document", "Supprimer le document", show=False),
    ]

    def __init__(
        self,
        session: "Session",
        documents: Documents,
        nouveau: TypeBrouillon | None = None,
        exporter: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.documents = documents
        self.courant: str | None = None
        self._nouveau = nouveau
        self._exporter = exporter
        self._en_cours = False
        self._flux = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="documents-espace"):
            with Vertical(id="colonne-documents"):
                yield Static(Text("Documents", style="bold"), classes="titre-colonne")
                yield OptionList(id="liste-documents")
                yield Static(
                    "n : nouveau · Entrée : ouvrir\nr : relu · v : valider · x : exporter",
                    classes="aide",
                )
            with Vertical(id="colonne-brouillon"):
                yield Vue(id="etat-brouillon")
                yield OptionList(id="phrases")
                with VerticalScroll(id="zone-flux"):
                    yield Static("", id="flux")
                with VerticalScroll(id="zone-sources"):
                    yield Vue(id="sources")
        yield StableFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Documents — dossier {self.documents.dossier.reference}"
        self.query_one("#zone-flux").display = False
        brouillons = self.documents.brouillons
        if brouillons:
            self.courant = brouillons[0].id
        self._rafraichir()
        if self._nouveau is not None:
            self._demander_cible(self._nouveau)
        elif self._exporter:
            valides = [b for b in brouillons if b.statut is StatutValidation.VALIDE_CONSEILLER]
            if valides:
                self.courant = valides[0].id
                self._rafraichir()
                self.action_export()
            else:
                self.notify(
                    "Aucun document validé à exporter : rédigez-en un (n), relisez-le, "
                    "puis validez-le (v).",
                    severity="warning",
                )
        self.query_one("#phrases" if self.courant else "#liste-documents").focus()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < LARGEUR_ETROITE, "etroit")

    # --- views --------------------------------------------------------------------------------

    def _brouillon(self) -> Brouillon | None:
        if self.courant is None:
            return None
        try:
            return self.documents.brouillon(self.courant)
        except DocumentIntrouvable:
            self.courant = None
            return None

    def _rafraichir(self) -> None:
        liste = self.query_one("#liste-documents", OptionList)
        liste.clear_options()
        for brouillon in self.documents.brouillons:
            ligne = Text(libelle(brouillon.type), style="bold")
            ligne.append("\n")
            ligne.append_text(_statut(brouillon))
            ligne.append(f" · {brouillon.cree_le.astimezone():%d/%m %H:%M}")
            signalees = len(brouillon.phrases_bloquantes())
            if signalees:
                ligne.append(f" · ⚠ {signalees}", style="bold red")
            liste.add_option(Option(ligne, id=brouillon.id))
        if self.courant is not None:
            try:
                liste.highlighted = liste.get_option_index(self.courant)
            except Exception:  # the draft was removed meanwhile
                self.courant = None
        self._montrer_brouillon()

    def _montrer_brouillon(self) -> None:
        brouillon = self._brouillon()
        etat = self.query_one("#etat-brouillon", Vue)
        phrases = self.query_one("#phrases", OptionList)
        phrases.clear_options()
        if brouillon is None:
            etat.montrer(
                Text(
                    "Aucun document pour ce dossier. « n » : rédiger une synthèse, un bilan, "
                    "un CV, une lettre de motivation ou un résumé pour la personne.",
                    style="italic",
                )
            )
            self.query_one("#sources", Vue).montrer("")
            return
        titre = Text(libelle(brouillon.type), style="bold")
        if brouillon.intitule_poste:
            titre.append(f" — {brouillon.intitule_poste}")
        titre.append("  ")
        titre.append_text(_statut(brouillon))
        titre.append(f" · {ORIGINES.get(brouillon.origine, brouillon.origine)}")
        if brouillon.fournisseur:
            titre.append(f" ({brouillon.fournisseur})")
        bloquantes = len(brouillon.phrases_bloquantes())
        if bloquantes:
            titre.append(
                f"\n⚠ {bloquantes} phrase(s) à corriger ou retirer avant validation "
                "(e : modifier, Suppr : retirer).",
                style="bold red",
            )
        elif brouillon.statut is StatutValidation.VALIDE_CONSEILLER:
            titre.append(
                f"\nValidé par {brouillon.valide_par} le "
                f"{brouillon.valide_le.astimezone():%d/%m/%Y à %H:%M} · x : exporter"
                if brouillon.valide_le
                else ""
            )
        else:
            titre.append("\nToutes les phrases s'appuient sur le dossier. r : relu · v : valider")
        etat.montrer(titre)
        for i, section in enumerate(brouillon.sections):
            phrases.add_option(Option(Text(section.titre.upper(), style="bold"), disabled=True))
            for j, phrase in enumerate(section.phrases):
                if phrase.bloquee:
                    marque = ("⚠ ", "bold red")
                elif phrase.signalements:
                    marque = ("• ", "bold yellow")
                else:
                    marque = ("✓ ", "green")
                # The person's words may contain brackets: plain text, never markup.
                ligne = Text.assemble(marque, phrase.texte)
                phrases.add_option(Option(ligne, id=f"{i}-{j}"))
        if not brouillon.sections and brouillon.contenu:
            phrases.add_option(Option(Text(brouillon.contenu), disabled=True))
        self._montrer_sources()

    def _position(self) -> tuple[int, int] | None:
        phrases = self.query_one("#phrases", OptionList)
        if phrases.highlighted is None:
            return None
        ident = phrases.get_option_at_index(phrases.highlighted).id
        if not ident:
            return None
        section, _, phrase = ident.partition("-")
        return int(section), int(phrase)

    def _montrer_sources(self) -> None:
        vue = self.query_one("#sources", Vue)
        brouillon = self._brouillon()
        position = self._position()
        if brouillon is None or position is None:
            vue.montrer(Text("Sources : choisissez une phrase (↑ ↓).", style="italic"))
            return
        phrase = brouillon.sections[position[0]].phrases[position[1]]
        texte = Text("Sources de la phrase\n", style="bold")
        for signalement in phrase.signalements:
            style = "bold red" if signalement.bloquant else "yellow"
            texte.append(
                ("⚠ " if signalement.bloquant else "• ") + signalement.message + "\n", style
            )
        if phrase.signalements:
            texte.append("\n")
        faits = self._faits()
        for source in phrase.sources:
            texte.append("— ", style="dim")
            texte.append(self._decrire_source(source, faits))
            texte.append("\n")
        if not phrase.sources:
            texte.append("Aucune source : cette phrase ne s'appuie sur rien du dossier.\n", "red")
        vue.montrer(texte)

    def _faits(self) -> dict[str, str]:
        from assistant.drafting.sources import FaitsDossier

        brouillon = self._brouillon()
        fiche = (
            self.documents.fiche_cible(brouillon.code_rome)
            if brouillon is not None and brouillon.code_rome
            else None
        )
        return dict(
            FaitsDossier.depuis(
                self.documents.dossier, self.session.aujourd_hui(), fiche=fiche
            ).faits
        )

    @staticmethod
    def _decrire_source(source: str, faits: dict[str, str]) -> str:
        if source == "conseiller":
            return "Écrit ou corrigé par le conseiller"
        fait = faits.get(source)
        if fait is None:
            return f"{source} (n'existe plus dans le dossier)"
        return fait

    @on(OptionList.OptionHighlighted, "#phrases")
    def _phrase_choisie(self) -> None:
        self._montrer_sources()

    @on(OptionList.OptionSelected, "#liste-documents")
    def _document_choisi(self, event: OptionList.OptionSelected) -> None:
        self.courant = event.option.id
        self._montrer_brouillon()
        self.query_one("#phrases", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#liste-documents")
    def _document_survole(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id != self.courant:
            self.courant = event.option.id
            self._montrer_brouillon()

    # --- actions ------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_new(self) -> None:
        if self._en_cours:
            self.notify("Un document est déjà en cours de rédaction.", severity="warning")
            return
        options = [(t.value, libelle(t)) for t in TypeBrouillon]

        def choisi(valeur: str | None) -> None:
            if valeur is not None:
                self._demander_cible(TypeBrouillon(valeur))

        self.app.push_screen(
            ChoiceDialog(
                "Quel document rédiger ?",
                options,
                "Le brouillon ne reprend que ce qui est noté dans le dossier ; vous le relisez "
                "et le validez avant tout envoi.",
            ),
            choisi,
        )

    def _demander_cible(self, type_document: TypeBrouillon) -> None:
        if type_document is not TypeBrouillon.LETTRE_MOTIVATION:
            self._rediger(type_document, None)
            return
        cibles = self.documents.cibles_lettre()
        if not cibles:
            self.notify(
                "Une lettre de motivation vise une fiche métier : notez d'abord un projet avec "
                "sa fiche ROME (onglet Métiers de l'entretien, touche a).",
                severity="warning",
                timeout=8,
            )
            return

        def choisie(code: str | None) -> None:
            if code is not None:
                self._rediger(type_document, code)

        self.app.push_screen(
            ChoiceDialog(
                "Pour quel poste ?",
                [(c.code_rome, f"{c.intitule} ({c.code_rome}, {c.origine})") for c in cibles],
            ),
            choisie,
        )

    def _rediger(self, type_document: TypeBrouillon, code_rome: str | None) -> None:
        self._en_cours = True
        self._flux = ""
        self.query_one("#zone-flux").display = True
        self.query_one("#flux", Static).update(
            Text(f"Rédaction : {libelle(type_document)}…", style="italic")
        )
        self._travail_redaction(type_document, code_rome)

    def _morceau(self, morceau: str) -> None:
        self._flux += morceau
        self.query_one("#flux", Static).update(Text(self._flux[-4000:]))
        self.query_one("#zone-flux", VerticalScroll).scroll_end(animate=False)

    @work(thread=True, exclusive=True, group="redaction")
    def _travail_redaction(self, type_document: TypeBrouillon, code_rome: str | None) -> None:
        def sur_morceau(morceau: str) -> None:
            self.app.call_from_thread(self._morceau, morceau)

        try:
            resultat = self.documents.rediger(
                type_document, code_rome=code_rome, sur_morceau=sur_morceau
            )
        except VaultError as exc:
            self.app.call_from_thread(self._fin_redaction, None, exc.message)
            return
        except Exception:  # a draft must never crash the interview
            self.app.call_from_thread(
                self._fin_redaction,
                None,
                "La rédaction a échoué de façon inattendue ; rien n'a été enregistré. "
                "Réessayez, ou rédigez le document à la main.",
            )
            return
        self.app.call_from_thread(self._fin_redaction, resultat, None)

    def _fin_redaction(self, resultat: "ResultatRedaction | None", erreur: str | None) -> None:
        self._en_cours = False
        self.query_one("#zone-flux").display = False
        if erreur is not None or resultat is None:
            self.notify(erreur or "La rédaction a échoué.", severity="error", timeout=10)
            return
        for message in resultat.messages:
            self.notify(message, severity="warning", timeout=10)
        self.courant = resultat.brouillon.id
        self._rafraichir()
        signalees = len(resultat.brouillon.phrases_bloquantes())
        self.notify(
            f"{libelle(resultat.brouillon.type)} rédigé(e) : "
            + (
                f"{signalees} phrase(s) signalée(s) à revoir."
                if signalees
                else "chaque phrase s'appuie sur le dossier. Relisez-le puis validez-le (v)."
            ),
            severity="warning" if signalees else "information",
        )
        self.query_one("#phrases", OptionList).focus()

    def action_edit(self) -> None:
        brouillon = self._brouillon()
        position = self._position()
        if brouillon is None or position is None:
            self.notify("Choisissez d'abord une phrase (↑ ↓).", severity="warning")
            return
        section, indice = position
        phrase = brouillon.sections[section].phrases[indice]
        brouillon_id = brouillon.id

        def enregistrer(texte: str) -> None:
            self.documents.modifier_phrase(brouillon_id, section, indice, texte)

        def fini(enregistre: bool | None) -> None:
            if enregistre:
                self._rafraichir()
                self._surligner(f"{section}-{indice}")

        aide = "\n".join(s.message for s in phrase.signalements)
        self.app.push_screen(SentenceEditorDialog(phrase.texte, enregistrer, aide), fini)

    def _surligner(self, ident: str) -> None:
        phrases = self.query_one("#phrases", OptionList)
        try:
            phrases.highlighted = phrases.get_option_index(ident)
        except Exception:  # the sentence no longer exists (removed)
            return

    def action_remove(self) -> None:
        brouillon = self._brouillon()
        position = self._position()
        if brouillon is None or position is None:
            self.notify("Choisissez d'abord une phrase (↑ ↓).", severity="warning")
            return
        try:
            self.documents.retirer_phrase(brouillon.id, *position)
        except VaultError as exc:
            self.notify(exc.message, severity="error")
            return
        self._rafraichir()
        self._surligner(f"{position[0]}-{position[1]}")
        self.notify("Phrase retirée du document.")

    def action_reviewed(self) -> None:
        brouillon = self._brouillon()
        if brouillon is None:
            return
        if brouillon.statut is not StatutValidation.BROUILLON:
            self.notify("Ce document est déjà relu.", severity="information")
            return
        try:
            self.documents.marquer_relu(brouillon.id)
        except VaultError as exc:
            self.notify(exc.message, severity="error")
            return
        self._rafraichir()
        self.notify("Document marqué relu. Validez-le (v) quand il est prêt à partir.")

    def action_validate(self) -> None:
        brouillon = self._brouillon()
        if brouillon is None:
            return
        if brouillon.statut is StatutValidation.VALIDE_CONSEILLER:
            self.notify("Ce document est déjà validé : x pour l'exporter.")
            return
        if brouillon.phrases_bloquantes():
            self.notify(
                f"{len(brouillon.phrases_bloquantes())} phrase(s) signalée(s) : corrigez-les (e) "
                "ou retirez-les (Suppr) avant de valider.",
                severity="error",
                timeout=8,
            )
            return

        def confirme(oui: bool | None) -> None:
            if not oui:
                return
            try:
                self.documents.valider(brouillon.id)
            except (ValidationRefusee, VaultError) as exc:
                self.notify(str(exc), severity="error")
                return
            self._rafraichir()
            self.notify("Document validé. Il peut être exporté (x).")

        self.app.push_screen(
            ConfirmDialog(
                f"Valider ce document ({libelle(brouillon.type)}) ? Vous attestez l'avoir relu "
                "en entier ; toute modification ultérieure le remettra en brouillon.",
                "Valider",
            ),
            confirme,
        )

    def action_export(self) -> None:
        brouillon = self._brouillon()
        if brouillon is None:
            return
        if brouillon.statut is not StatutValidation.VALIDE_CONSEILLER:
            self.notify(
                "Seul un document validé peut être exporté : relisez-le puis validez-le (v).",
                severity="warning",
            )
            return
        app = self.app
        dossier_cible = cast(Path, getattr(app, "dossier_export", None) or Path.home())

        def fini(chemin: Path | None) -> None:
            if chemin is not None:
                app.dossier_export = chemin.parent  # type: ignore[attr-defined]
                self.notify(f"Exporté : {chemin}", timeout=10)

        app.push_screen(ExportDialog(self.documents, brouillon.id, dossier_cible), fini)

    def action_delete_document(self) -> None:
        brouillon = self._brouillon()
        if brouillon is None:
            return

        def confirme(oui: bool | None) -> None:
            if not oui:
                return
            try:
                self.documents.supprimer(brouillon.id)
            except (DocumentIntrouvable, VaultError) as exc:
                self.notify(str(exc), severity="error")
                return
            self.courant = None
            brouillons = self.documents.brouillons
            if brouillons:
                self.courant = brouillons[0].id
            self._rafraichir()

        self.app.push_screen(
            ConfirmDialog(f"Supprimer ce document ({libelle(brouillon.type)}) ?", "Supprimer"),
            confirme,
        )
