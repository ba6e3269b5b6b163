"""Proposals waiting for the counsellor: accept (Entrée), correct (c) or reject (x)."""

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.guide.extraction.proposals import Proposition

MAX_EXTRAIT = 60


def _court(extrait: str) -> str:
    """The words the proposal comes from, cut at a word with « … » (never « 201 » for 2019)."""
    if len(extrait) <= MAX_EXTRAIT:
        return extrait
    coupe = extrait[:MAX_EXTRAIT].rsplit(" ", 1)[0] if " " in extrait[:MAX_EXTRAIT] else ""
    return (coupe or extrait[:MAX_EXTRAIT]).rstrip(" ,;") + "…"


class ProposalsList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Accepter la proposition"),
        Binding("c", "correct", "Corriger"),
        Binding("x,delete", "reject", "Rejeter"),
    ]

    @dataclass
    class Decided(Message):
        proposition: Proposition
        decision: str
        """« accepter », « corriger » or « rejeter »."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.propositions: list[Proposition] = []

    def montrer(self, propositions: list[Proposition]) -> None:
        self.propositions = list(propositions)
        self.clear_options()
        for proposition in self.propositions:
            texte = Text("✎ ", style="bold")
            texte.append(proposition.libelle)
            if proposition.extrait:
                texte.append(f"  « {_court(proposition.extrait)} »", style="dim italic")
            self.add_option(Option(texte))
        self.display = bool(self.propositions)
        self.border_title = (
            f"À confirmer ({len(self.propositions)}) — Ctrl+O : tout accepter · ↓ : choisir, "
            "puis Entrée accepter, c corriger, x rejeter"
        )
        if self.propositions:
            self.highlighted = 0

    def _courante(self) -> Proposition | None:
        if self.highlighted is None or self.highlighted >= len(self.propositions):
            return None
        return self.propositions[self.highlighted]

    def _decider(self, decision: str) -> None:
        proposition = self._courante()
        if proposition is not None:
            self.post_message(self.Decided(proposition, decision))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._decider("accepter")

    def action_correct(self) -> None:
        self._decider("corriger")

    def action_reject(self) -> None:
        self._decider("rejeter")
