"""The list of dossiers in the vault: create, open, delete."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from assistant.domain.dossier import Dossier
from assistant.domain.labels import libelle
from assistant.session import DossierResume, Session
from assistant.storage.errors import VaultError
from assistant.tui import messages
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.new_dossier import NewDossierDialog
from assistant.tui.screens.knowledge import KnowledgeScreen
from assistant.tui.screens.workspace import WorkspaceScreen
from assistant.tui.widgets.footer import StableFooter

COLONNES = (
    "Référence",
    "Établissement",
    "Sortie prévue",
    "Profil",
    "Dernier RDV",
    "Étapes",
)


def _ligne(resume: DossierResume) -> tuple[str, ...]:
    return (
        resume.reference,
        libelle(resume.type_etablissement),
        libelle(resume.horizon_sortie, "à préciser"),
        resume.profil.value if resume.profil else "—",
        resume.derniere_rencontre.strftime("%d/%m/%Y") if resume.derniere_rencontre else "—",
        f"{resume.etapes_closes}/{resume.etapes_prevues}",
    )


class DossiersScreen(Screen[None]):
    BINDINGS = [
        Binding("f1", "app.help", "Aide"),
        Binding("n", "new", "Nouveau dossier"),
        Binding("enter", "open", "Ouvrir", show=True),
        Binding("delete", "delete", "Supprimer"),
        Binding("k", "knowledge", "Connaissances"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._resumes: dict[str, DossierResume] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problemes", classes="erreur")
        yield Static(
            "Aucun dossier pour l'instant. Appuyez sur [b]n[/b] pour créer le premier.",
            id="vide",
            classes="aide",
        )
        table: DataTable[str] = DataTable(id="dossiers", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLONNES)
        yield table
        yield StableFooter()

    def on_mount(self) -> None:
        self.sub_title = "Dossiers"
        self.reload()

    def reload(self, select: str | None = None) -> None:
        try:
            resumes, problemes = self.session.list_dossiers()
        except VaultError as exc:
            self.notify(exc.message, severity="error")
            return
        self._resumes = {r.id: r for r in resumes}
        table = self.query_one("#dossiers", DataTable)
        table.clear()
        for resume in resumes:
            table.add_row(*_ligne(resume), key=resume.id)
        self.query_one("#vide", Static).display = not resumes
        self.query_one("#problemes", Static).update("\n".join(problemes))
        if select is not None and select in self._resumes:
            table.move_cursor(row=table.get_row_index(select))
        table.focus()

    def _selected(self) -> DossierResume | None:
        table = self.query_one("#dossiers", DataTable)
        if not self._resumes or table.cursor_row < 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._resumes.get(key) if key else None

    def action_new(self) -> None:
        def created(dossier: Dossier | None) -> None:
            if dossier is None:
                return
            self.post_message(messages.DossierCreated(dossier.id, dossier.reference))
            self.notify(f"Dossier {dossier.reference} créé.")
            self.reload(select=dossier.id)

        self.app.push_screen(NewDossierDialog(self.session.create_dossier), created)

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        resume = self._selected()
        if resume is None:
            return
        try:
            dossier = self.session.get_dossier(resume.id)
        except VaultError as exc:
            self.notify(exc.message, severity="error")
            return
        self.app.push_screen(
            WorkspaceScreen(self.session, self.session.entretien(dossier)),
            lambda _: self.reload(select=dossier.id),
        )

    def action_knowledge(self) -> None:
        self.app.push_screen(KnowledgeScreen(self.session))

    def action_delete(self) -> None:
        resume = self._selected()
        if resume is None:
            return

        def confirmed(ok: bool | None) -> None:
            if not ok:
                return
            try:
                self.session.delete_dossier(resume.id)
            except VaultError as exc:
                self.notify(exc.message, severity="error")
                return
            self.post_message(messages.DossierDeleted(resume.reference))
            self.notify(f"Dossier {resume.reference} supprimé définitivement.")
            self.reload()

        self.app.push_screen(
            ConfirmDialog(
                f"Supprimer définitivement le dossier {resume.reference} ? "
                "Toutes ses données seront effacées du coffre, sans retour possible.",
                confirm_label="Supprimer",
            ),
            confirmed,
        )
