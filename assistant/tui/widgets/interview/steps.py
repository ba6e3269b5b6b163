"""The steps of the guide for the current meeting, with their state; Entrée jumps to one."""

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.domain.enums import EtatEtape
from assistant.guide.engine import AvancementEtape

SYMBOLES = {
    EtatEtape.A_FAIRE: ("○", "à faire", ""),
    EtatEtape.EN_COURS: ("◐", "en cours", "bold"),
    EtatEtape.FAITE: ("●", "faite", "green"),
    EtatEtape.PASSEE: ("–", "passée", "dim"),
}


class StepsList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Aller à cette étape"),
        Binding("s", "skip", "Passer cette étape"),
    ]

    @dataclass
    class Chosen(Message):
        numero: int

    @dataclass
    class Skipped(Message):
        numero: int

    _cle: tuple[object, ...] | None = None

    def montrer(self, avancements: list[AvancementEtape], courante: int | None) -> None:
        cle = (tuple(avancements), courante)
        if cle == self._cle:  # unchanged: no rebuild, no layout
            return
        self._cle = cle
        surligne = self.highlighted
        self.clear_options()
        for a in avancements:
            symbole, etat, style = SYMBOLES[a.etat]
            texte = Text()
            texte.append(f"{symbole} ", style=style)
            texte.append(f"{a.numero}. {a.titre}", style="bold" if a.numero == courante else style)
            details = [etat] if a.numero == courante else []
            if a.condensee:
                details.append("condensée")
            if a.refuses or a.non_abordes:
                details.append(f"{len(a.refuses) + len(a.non_abordes)} sans réponse")
            if details:
                texte.append(f"\n   {' · '.join(details)}", style="dim")
            self.add_option(Option(texte, id=str(a.numero)))
        if surligne is not None and surligne < self.option_count:
            self.highlighted = surligne

    def _numero(self) -> int | None:
        if self.highlighted is None:
            return None
        ident = self.get_option_at_index(self.highlighted).id
        return int(ident) if ident is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(int(event.option.id)))

    def action_skip(self) -> None:
        numero = self._numero()
        if numero is not None:
            self.post_message(self.Skipped(numero))
