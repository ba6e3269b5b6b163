"""The steps of the guide for the current meeting, with their state; Entrée jumps to one."""

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
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
    # Its height is fixed by the column (1fr), not by its lines: a step line that gains or loses
    # its detail line changes the list's virtual height, which by default lays out the whole
    # screen. The scrollbar still follows (its visibility is a layout reactive of its own).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

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

    _lignes: tuple[tuple[str, Text], ...] = ()

    def montrer(self, avancements: list[AvancementEtape], courante: int | None) -> None:
        # Each answer changes the steps' bookkeeping, rarely what a line shows: only the lines
        # whose text changed are replaced (a full rebuild re-rendered the list at every answer).
        lignes = tuple((str(a.numero), _ligne(a, courante)) for a in avancements)
        if [ident for ident, _ in lignes] != [ident for ident, _ in self._lignes]:
            surligne = self.highlighted
            self.clear_options()
            self.add_options(Option(texte, id=ident) for ident, texte in lignes)
            if surligne is not None and surligne < self.option_count:
                self.highlighted = surligne
        else:
            for index, (_, texte) in enumerate(lignes):
                if texte != self._lignes[index][1]:
                    self.replace_option_prompt_at_index(index, texte)
        self._lignes = lignes

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


def _ligne(a: AvancementEtape, courante: int | None) -> Text:
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
    return texte
