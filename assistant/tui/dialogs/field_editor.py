"""Edit one field of the dossier (or one item of a list) in a form built from the model.

The dialog stays open while the value is refused: the counsellor reads why, corrects, and loses
nothing of what was typed.
"""

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from assistant.domain.errors import DonneesInvalides
from assistant.guide.extraction.proposals import Mode, Proposition
from assistant.guide.fields import DescriptionChamp, valeur_saisie
from assistant.storage.errors import VaultError

Enregistrer = Callable[[Proposition], None]


def _brut(valeur: Any) -> Any:
    if isinstance(valeur, Enum):
        return valeur.value
    if isinstance(valeur, date):
        return f"{valeur:%d/%m/%Y}"
    return valeur


def _widget(description: DescriptionChamp, valeur: Any, ident: str) -> Widget:
    valeur = _brut(valeur)
    if description.genre in ("oui_non", "choix"):
        if isinstance(valeur, bool):
            valeur = "oui" if valeur else "non"
        connus = {v for v, _ in description.choix}
        return Select(
            [(texte, v) for v, texte in description.choix],
            prompt="(à choisir)",
            value=valeur if valeur in connus else Select.NULL,
            id=ident,
        )
    if description.genre == "choix_multiples":
        choisis = {_brut(v) for v in valeur or []}
        return SelectionList[str](
            *[(texte, v, v in choisis) for v, texte in description.choix], id=ident
        )
    if description.genre == "textes":
        lignes = "\n".join(str(v) for v in valeur or [])
        return TextArea(lignes, id=ident, classes="textes")
    texte = "" if valeur is None else str(valeur)
    placeholder = {"date": "JJ/MM/AAAA", "nombre": "nombre"}.get(description.genre, "")
    return Input(texte, placeholder=placeholder, id=ident, max_length=description.longueur_max or 0)


def _lire(description: DescriptionChamp, widget: Widget) -> Any:
    if isinstance(widget, Select):
        brut = None if widget.value is Select.NULL else widget.value
    elif isinstance(widget, SelectionList):
        brut = list(widget.selected)
    elif isinstance(widget, TextArea):
        brut = widget.text
    elif isinstance(widget, Input):
        brut = widget.value
    else:  # pragma: no cover - every widget above is handled
        raise TypeError(type(widget))
    return valeur_saisie(description, brut)


class FieldEditorDialog(ModalScreen[bool]):
    """Answers True when the value was saved, False when the counsellor cancelled."""

    DEFAULT_CSS = """
    FieldEditorDialog { align: center middle; }
    FieldEditorDialog > VerticalScroll {
        width: 90; max-width: 96%; height: auto; max-height: 96%;
        padding: 0 2; border: thick $accent; background: $surface;
    }
    FieldEditorDialog Label { margin-top: 1; }
    FieldEditorDialog .aide { color: $text-muted; }
    FieldEditorDialog .erreur { color: $error; height: auto; }
    FieldEditorDialog TextArea.textes { height: 5; }
    FieldEditorDialog SelectionList { height: auto; max-height: 12; }
    FieldEditorDialog #boutons { height: auto; margin-top: 1; }
    FieldEditorDialog #boutons Button { margin-right: 1; min-width: 10; width: auto; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Annuler"),
        Binding("ctrl+s", "save", "Enregistrer", priority=True),
    ]

    def __init__(
        self,
        numero: int,
        description: DescriptionChamp,
        enregistrer: Enregistrer,
        valeur: Any = None,
        mode: Mode = "remplacer",
        titre: str | None = None,
        absences: bool = True,
    ) -> None:
        super().__init__()
        self.numero = numero
        self.description = description
        self.enregistrer = enregistrer
        self.valeur = valeur
        self.mode = mode
        self.titre = titre or description.titre
        self.absences = absences

    def _champs(self) -> list[DescriptionChamp]:
        if self.description.genre == "items":
            return [d for d in self.description.sous_champs if d.genre != "items"]
        return [self.description]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.titre, style="bold"), classes="titre")
            yield Static("Ctrl+S : enregistrer · Échap : annuler", classes="aide")
            valeurs = self.valeur if isinstance(self.valeur, dict) else {}
            for champ in self._champs():
                if self.description.genre == "items":
                    valeur = valeurs.get(champ.nom)
                else:
                    valeur = self.valeur
                obligatoire = (
                    " *" if champ.obligatoire and self.description.genre == "items" else ""
                )
                yield Label(champ.titre + obligatoire)
                yield _widget(champ, valeur, f"champ-{champ.nom}")
                if champ.aide:
                    yield Static(champ.aide, classes="aide")
            yield Static("", id="erreur", classes="erreur")
            with Horizontal(id="boutons"):
                yield Button("Enregistrer", variant="primary", id="enregistrer")
                if self.absences:
                    yield Button("Non abordé", id="non_aborde")
                    yield Button("Refus", id="refus", tooltip="La personne préfère ne pas répondre")
                yield Button("Annuler", id="annuler")

    def on_mount(self) -> None:
        self.query("Input, Select, SelectionList, TextArea").first().focus()

    def _valeur(self) -> Any:
        champs = self._champs()
        if self.description.genre != "items":
            return _lire(champs[0], self.query_one(f"#champ-{champs[0].nom}"))
        item = dict(self.valeur) if isinstance(self.valeur, dict) else {}
        for champ in champs:
            valeur = _lire(champ, self.query_one(f"#champ-{champ.nom}"))
            if valeur is None and champ.nom in item and not champ.obligatoire:
                item.pop(champ.nom)
            elif valeur is not None:
                item[champ.nom] = valeur
        return item

    def _soumettre(self, proposition: Proposition) -> None:
        erreur = self.query_one("#erreur", Static)
        try:
            self.enregistrer(proposition)
        except DonneesInvalides as exc:
            erreur.update("\n".join(exc.messages))
            return
        except VaultError as exc:
            erreur.update(exc.message)
            return
        self.dismiss(True)

    def action_save(self) -> None:
        valeur = self._valeur()
        self._soumettre(
            Proposition(self.numero, self.description.nom, valeur, self.titre, self.mode)
        )

    @on(Button.Pressed)
    def _bouton(self, event: Button.Pressed) -> None:
        if event.button.id == "enregistrer":
            self.action_save()
        elif event.button.id == "annuler":
            self.dismiss(False)
        elif event.button.id in ("non_aborde", "refus"):
            mode: Mode = "refus" if event.button.id == "refus" else "non_aborde"
            self._soumettre(Proposition(self.numero, self.description.nom, None, self.titre, mode))
