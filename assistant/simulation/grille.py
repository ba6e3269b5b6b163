"""The feedback grid: offline scoring, strengths first, two areas to work on at most, and the
counsellor's overrides.

Each criterion fed by at least one question gets the best note among its answers (the feedback
says what the person showed they can do), with the observation naming the rule that fired and one
concrete tip. Criteria the text cannot show (greeting, non-verbal) are not scored: they stay out of
`criteres` and are listed in `non_notes` until the counsellor enters them with `override`. The same
goes for the gap question when the person declined it — the refusal is respected, not marked.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from pydantic import Field, ValidationError

from assistant.domain.errors import DonneesInvalides
from assistant.domain.simulation import CritereGrille, CritereSimulation, TypeEmployeur
from assistant.simulation.conduite import Echange, Simulation
from assistant.simulation.criteres import CRITERES, NON_OBSERVABLES, ORDRE_PRIORITE, Regle
from assistant.simulation.fichiers import charger_feedback
from assistant.simulation.poste import PosteCible
from assistant.simulation.regles import Constat, evaluer

Source = Literal["regles", "conseiller", "llm"]
MAX_POINTS_FORTS = 3
MAX_AXES = 2


class NoteCritere(CritereGrille):
    """A scored criterion of the grid, with where the note comes from."""

    regle: str = Field(title="Règle appliquée")
    source: Source = Field("regles", title="Origine de la note")
    question_id: str | None = Field(None, title="Question")
    indices: tuple[str, ...] = Field((), title="Indices relevés dans la réponse")

    def vers_domaine(self) -> CritereGrille:
        """The plain domain record saved in the dossier."""
        return CritereGrille(
            critere=self.critere,
            note_1_4=self.note_1_4,
            observation=self.observation,
            conseil=self.conseil,
        )


@dataclass(frozen=True)
class NonNote:
    """A criterion left without a note, and why (French, shown to the counsellor)."""

    critere: CritereSimulation
    raison: Literal["non_observable", "refus", "non_aborde"]
    texte: str
    conseil: str | None = None


@dataclass(frozen=True)
class GrilleFeedback:
    """The grid as shown: strengths first; labelled as practice."""

    criteres: tuple[NoteCritere, ...]
    non_notes: tuple[NonNote, ...]
    bandeau: str

    def note(self, critere: CritereSimulation) -> NoteCritere | None:
        return next((c for c in self.criteres if c.critere == critere), None)

    @property
    def axes_progres(self) -> list[CritereSimulation]:
        """One or two priorities: the lowest notes (≤ 2), the gap answer first on a tie; if all
        notes are 3 or 4, the single lowest 3 so that there is still something to practise."""
        faibles = [c for c in self.criteres if c.note_1_4 <= 2]
        if not faibles:
            faibles = [c for c in self.criteres if c.note_1_4 == 3][:1]
        faibles.sort(key=lambda c: (c.note_1_4, ORDRE_PRIORITE.index(c.critere)))
        return [c.critere for c in faibles[:MAX_AXES]]

    @property
    def points_forts(self) -> list[CritereSimulation]:
        """Up to three criteria noted 3 or 4, best first, never also an area to work on."""
        axes = set(self.axes_progres)
        return [c.critere for c in self.criteres if c.note_1_4 >= 3 and c.critere not in axes][
            :MAX_POINTS_FORTS
        ]


def trier_criteres(criteres: Sequence[NoteCritere]) -> tuple[NoteCritere, ...]:
    """Best notes first, then the order of the guide."""
    return tuple(sorted(criteres, key=lambda c: (-c.note_1_4, CRITERES.index(c.critere))))


def libelle(critere: CritereSimulation) -> str:
    """The criterion's French label (« Exemples concrets »)."""
    return charger_feedback().criteres[critere].libelle


def _depuis_constat(constat: Constat, question_id: str | None) -> NoteCritere:
    textes = charger_feedback()
    return NoteCritere(
        critere=constat.critere,
        note_1_4=constat.note,
        observation=textes.observation(constat.critere, constat.regle),
        conseil=textes.pour(constat.critere, constat.regle).conseil,
        regle=constat.regle,
        question_id=question_id,
        indices=constat.indices,
    )


def noter(
    echanges: Sequence[Echange], poste: PosteCible, type_employeur: TypeEmployeur
) -> GrilleFeedback:
    """The offline grid of a set of answered questions."""
    textes = charger_feedback()
    notes: list[NoteCritere] = []
    non_notes: list[NonNote] = []
    for critere in CRITERES:
        if critere in NON_OBSERVABLES:
            fiche = textes.criteres[critere]
            non_notes.append(
                NonNote(critere, "non_observable", fiche.a_observer or "", fiche.conseil_defaut)
            )
            continue
        concernes = [e for e in echanges if critere in e.criteres]
        constats = [(evaluer(critere, e.texte, poste, type_employeur), e) for e in concernes]
        if critere == "explication_periode_detention" and any(
            e.refus or c.regle == "refus" for c, e in constats
        ):
            fiche = textes.criteres[critere]
            non_notes.append(
                NonNote(critere, "refus", fiche.refus_respecte or "", fiche.conseil_refus)
            )
            continue
        if not concernes:
            non_notes.append(
                NonNote(
                    critere,
                    "non_aborde",
                    "Aucune question de cette simulation ne portait sur ce critère.",
                )
            )
            continue
        # Best note wins; on a tie, the first answer (the order of the interview).
        meilleur, echange = max(constats, key=lambda ce: ce[0].note)
        notes.append(_depuis_constat(meilleur, echange.question.id))
    return GrilleFeedback(trier_criteres(notes), tuple(non_notes), textes.bandeau)


def noter_simulation(simulation: Simulation) -> GrilleFeedback:
    """The offline grid of a finished (or interrupted) simulation."""
    plan = simulation.plan
    return noter(simulation.echanges, plan.poste, plan.type_employeur)


_REGLE_PAR_NOTE: dict[int, Regle] = {4: "complet", 3: "partiel", 2: "vague", 1: "vague"}


def override(
    grille: GrilleFeedback,
    critere: CritereSimulation,
    note: int,
    observation: str,
    conseil: str | None = None,
) -> GrilleFeedback:
    """The counsellor's note replaces (or adds) a criterion; strengths and areas follow.

    Without a tip, the previous one is kept, else a tip of the file for that level. Raises
    DonneesInvalides (French messages) when the note is not 1–4 or a text is empty or too long.
    """
    textes = charger_feedback()
    ancien = grille.note(critere)
    if conseil is None:
        fiche = textes.criteres[critere]
        conseil = (
            ancien.conseil
            if ancien
            else fiche.conseil_defaut
            or textes.pour(critere, _REGLE_PAR_NOTE.get(note, "vague")).conseil
        )
    try:
        nouvelle = NoteCritere(
            critere=critere,
            note_1_4=note,
            observation=observation,
            conseil=conseil,
            regle="conseiller",
            source="conseiller",
            question_id=ancien.question_id if ancien else None,
        )
    except ValidationError as exc:
        raise DonneesInvalides.depuis(exc, NoteCritere) from None
    autres = [c for c in grille.criteres if c.critere != critere]
    return replace(
        grille,
        criteres=trier_criteres([*autres, nouvelle]),
        non_notes=tuple(n for n in grille.non_notes if n.critere != critere),
    )


def presenter(grille: GrilleFeedback) -> str:
    """The grid as plain French text: practice label, strengths first, then the areas to work on."""
    textes = charger_feedback()
    lignes = [grille.bandeau, f"Échelle : {textes.echelle}.", ""]
    forts = grille.points_forts
    if forts:
        lignes.append("Ce qui va bien :")
        lignes += [f"  • {libelle(c)}" for c in forts]
    axes = grille.axes_progres
    if axes:
        lignes.append("À travailler en priorité :")
        lignes += [f"  • {libelle(c)}" for c in axes]
    lignes.append("")
    for c in grille.criteres:
        lignes.append(f"{libelle(c.critere)} : {c.note_1_4}/4")
        lignes.append(f"  Observation : {c.observation}")
        lignes.append(f"  Conseil : {c.conseil}")
    for n in grille.non_notes:
        lignes.append(f"{libelle(n.critere)} : non noté — {n.texte}")
    return "\n".join(lignes)
