"""Knowledge explorer: job sheets, certifications and services, with the reasons for each hit."""

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Select, Static

from assistant.retrieval.messages import AUCUN_SERVICE
from assistant.session import Session
from assistant.tui import messages
from assistant.tui.widgets.footer import StableFooter

if TYPE_CHECKING:
    from assistant.tui.app import PasserelleApp

KINDS = [
    ("Fiches métiers", "metiers"),
    ("Certifications", "certifications"),
    ("Services", "services"),
]
TOP = 10


class KnowledgeScreen(Screen[None]):
    """Searches run in a worker; the dense index builds in the background the first time."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Retour")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._details: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="recherche"):
            yield Select(KINDS, value="metiers", allow_blank=False, id="type")
            yield Input(placeholder="Métier, mots de la personne, certification…", id="requete")
            yield Input(placeholder="Région (métiers) ou département", id="lieu")
        yield Static("", id="index", classes="aide")
        table: DataTable[str] = DataTable(id="resultats", cursor_type="row", zebra_stripes=True)
        table.add_columns("Code", "Intitulé")
        yield table
        yield Static("", id="pourquoi")
        yield StableFooter()

    def on_mount(self) -> None:
        self.sub_title = "Connaissances"
        self.query_one("#requete", Input).focus()
        self._index_status(cast("PasserelleApp", self.app).prepare_knowledge())

    def on_index_status_changed(self, message: messages.IndexStatusChanged) -> None:
        self._index_status(message.text)

    def _index_status(self, text: str) -> None:
        self.query_one("#index", Static).update(Text(text))

    @on(Input.Submitted)
    def submit(self) -> None:
        query = self.query_one("#requete", Input).value.strip()
        if not query:
            self.query_one("#pourquoi", Static).update(
                "Tapez un métier, une certification ou un besoin."
            )
            return
        kind = str(self.query_one("#type", Select).value)
        place = self.query_one("#lieu", Input).value.strip() or None
        self.query_one("#pourquoi", Static).update("Recherche…")
        self._search(kind, query, place)

    @work(thread=True, exclusive=True, group="recherche")
    def _search(self, kind: str, query: str, place: str | None) -> None:
        # Imported here: the search stack is heavy and must not slow down the start-up.
        from assistant.retrieval.service import UnknownRegion

        service = self.session.knowledge
        rows: list[tuple[str, str, str]] = []
        try:
            if kind == "metiers":
                region = service.region(place)
                for hit in service.search_jobs(query, TOP, region):
                    details = (
                        f"{hit.description}\n{hit.pourquoi}" if hit.description else hit.pourquoi
                    )
                    rows.append((hit.code_rome, hit.libelle, details))
            elif kind == "certifications":
                for c in service.search_certifications(query, TOP):
                    rows.append(
                        (
                            c.certification.rncp or c.certification.rs or "—",
                            c.certification.intitule or "",
                            c.pourquoi,
                        )
                    )
            else:
                for s in service.search_services(query, place, TOP):
                    rows.append((s.service.departement or "—", s.service.nom, s.pourquoi))
        except UnknownRegion as exc:
            self.app.call_from_thread(self._show, [], str(exc))
            return
        except Exception as exc:  # a failed search must not end the interview
            self.app.call_from_thread(
                self._show, [], f"La recherche a échoué ({type(exc).__name__}) ; réessayez."
            )
            return
        self.app.call_from_thread(self._show, rows, None, kind)

    def _show(self, rows: list[tuple[str, str, str]], error: str | None, kind: str = "") -> None:
        table = self.query_one("#resultats", DataTable)
        table.clear()
        self._details = {}
        for i, (code, label, why) in enumerate(rows):
            key = str(i)
            table.add_row(Text(code), Text(label), key=key)
            self._details[key] = why
        empty = (
            AUCUN_SERVICE
            if kind == "services"
            else "Aucun résultat : reformulez avec d'autres mots."
        )
        message = error or (empty if not rows else "")
        self.query_one("#pourquoi", Static).update(Text(message or self._details.get("0", "")))
        if rows:
            table.focus()

    @on(DataTable.RowHighlighted)
    def explain(self, event: DataTable.RowHighlighted) -> None:
        key: Any = event.row_key.value
        if key in self._details:
            self.query_one("#pourquoi", Static).update(Text(self._details[key]))
