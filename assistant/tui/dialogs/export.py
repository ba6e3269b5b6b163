"""Export a validated document: recipient, format and folder, with what consent allows shown
before anything is written."""

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from assistant.domain.enums import Destinataire
from assistant.domain.labels import libelle
from assistant.storage.errors import VaultError

if TYPE_CHECKING:
    from assistant.documents import Documents, FormatExport
    from assistant.export.consent import DestinataireExport

FORMATS: list[tuple[str, str]] = [
    ("Word (.docx)", "docx"),
    ("PDF (.pdf)", "pdf"),
    ("Texte Markdown (.md)", "md"),
]


def destinataires() -> list[tuple[str, str]]:
    """The person first (their own documents), then the recipients of the guide."""
    return [("La personne elle-même", "personne")] + [(libelle(d), d.value) for d in Destinataire]


class ExportDialog(ModalScreen[Path | None]):
    """Answers the written file's path, or None when the counsellor cancelled."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > VerticalScroll {
        width: 90; max-width: 96%; height: auto; max-height: 96%;
        padding: 0 2; border: thick $accent; background: $surface;
    }
    ExportDialog Label { margin-top: 1; }
    ExportDialog .aide { color: $text-muted; }
    ExportDialog #decision { height: auto; margin-top: 1; }
    ExportDialog .erreur { color: $error; height: auto; }
    ExportDialog #boutons { height: auto; margin-top: 1; }
    ExportDialog #boutons Button { margin-right: 1; min-width: 10; width: auto; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuler"),
        Binding("ctrl+s", "export", "Exporter", priority=True),
    ]

    def __init__(self, documents: "Documents", brouillon_id: str, dossier_cible: Path) -> None:
        super().__init__()
        self.documents = documents
        self.brouillon_id = brouillon_id
        self.dossier_cible = dossier_cible

    def compose(self) -> ComposeResult:
        brouillon = self.documents.brouillon(self.brouillon_id)
        with VerticalScroll():
            yield Static(Text(f"Exporter : {libelle(brouillon.type)}", style="bold"))
            yield Static(
                "Seuls les documents validés sortent, et seulement ce que la personne a accepté "
                "de partager avec ce destinataire. Ctrl+S : exporter · Échap : annuler.",
                classes="aide",
            )
            yield Label("Destinataire")
            yield Select(destinataires(), prompt="(à choisir)", id="destinataire")
            yield Label("Format")
            yield Select(FORMATS, value="docx", allow_blank=False, id="format")
            yield Label("Dossier où écrire le fichier")
            yield Input(str(self.dossier_cible), id="dossier")
            yield Static("", id="decision")
            yield Static("", id="erreur", classes="erreur")
            with Horizontal(id="boutons"):
                yield Button("Exporter", variant="primary", id="exporter")
                yield Button("Annuler", id="annuler")

    def on_mount(self) -> None:
        self.query_one("#destinataire", Select).focus()

    def _destinataire(self) -> "DestinataireExport | None":
        valeur = self.query_one("#destinataire", Select).value
        return None if valeur is Select.NULL else cast("DestinataireExport", valeur)

    @on(Select.Changed, "#destinataire")
    def _montrer_decision(self) -> None:
        destinataire = self._destinataire()
        zone = self.query_one("#decision", Static)
        if destinataire is None:
            zone.update("")
            return
        from assistant.export.typography import typographier

        decision = self.documents.decision(self.brouillon_id, destinataire)
        texte = Text()
        if decision.autorise:
            texte.append("✓ Export possible. ", style="bold green")
        else:
            texte.append("✗ Export refusé. ", style="bold red")
        # Non-breaking spaces inside « » and before « : » keep the sentence from breaking badly.
        texte.append(typographier(decision.raison))
        for retrait in decision.retraits[:8]:
            # The counsellor's own draft: shown as plain text, cut to one line.
            texte.append(f"\n  – retiré ({retrait.motif}) : {retrait.texte[:90]}")
        if len(decision.retraits) > 8:
            texte.append(f"\n  … et {len(decision.retraits) - 8} autre(s) phrase(s) retirée(s).")
        zone.update(texte)

    def action_export(self) -> None:
        from assistant.export.errors import ExportImpossible, ExportRefuse

        erreur = self.query_one("#erreur", Static)
        destinataire = self._destinataire()
        if destinataire is None:
            erreur.update("Choisissez d'abord le destinataire.")
            return
        texte = self.query_one("#dossier", Input).value.strip()
        if not texte:
            erreur.update("Indiquez le dossier où écrire le fichier.")
            return
        dossier = Path(texte).expanduser()
        format_ = cast("FormatExport", self.query_one("#format", Select).value)
        try:
            resultat = self.documents.exporter(self.brouillon_id, destinataire, format_, dossier)
        except (ExportRefuse, ExportImpossible) as exc:
            erreur.update(str(exc))
            return
        except VaultError as exc:
            erreur.update(exc.message)
            return
        self.dismiss(resultat.chemin)

    @on(Button.Pressed)
    def _bouton(self, event: Button.Pressed) -> None:
        if event.button.id == "exporter":
            self.action_export()
        else:
            self.dismiss(None)
