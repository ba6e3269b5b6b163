"""A mock interview in progress: the recruiter's current line, the person's answers, follow-ups.

At most one follow-up per question, when the answer is vague. A refusal is respected: the question
is not asked again and the refusal is noted (rule A.8 of the guide: the person may refuse any
question; for the gap question, nobody has to speak of a conviction).
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.domain.base import nettoyer_texte
from assistant.domain.simulation import CritereSimulation
from assistant.simulation.fichiers import charger_banque
from assistant.simulation.plan import PlanSimulation, QuestionPlan
from assistant.simulation.regles import Constat, evaluer

MAX_CARACTERES = 4000
"""What is kept of one answer; a longer paste is cut (and noted) so the transcript stays usable."""
_SANS_RELANCE = frozenset({"accueil", "cloture"})
"""Small talk and the close: a real recruiter does not press there."""
_A_RELANCER = frozenset({"vide", "tres_courte", "vague", "hors_sujet"})


@dataclass(frozen=True)
class Replique:
    """One line of the transcript."""

    role: Literal["recruteur", "personne"]
    texte: str
    question_id: str
    relance: bool = False


@dataclass(frozen=True)
class Echange:
    """A planned question, the answer, and the follow-up with its answer if there was one."""

    question: QuestionPlan
    reponse: str
    relance: str | None = None
    reponse_relance: str | None = None
    refus: bool = False

    @property
    def texte(self) -> str:
        """Everything the person said on this question, follow-up included."""
        return " ".join(t for t in (self.reponse, self.reponse_relance) if t)

    @property
    def criteres(self) -> tuple[CritereSimulation, ...]:
        return self.question.criteres


@dataclass(frozen=True)
class Tour:
    """What happened on one answer: the answer recorded and what the recruiter says next."""

    question_id: str
    question: str
    reponse: str
    est_relance: bool
    suite: str | None
    """The recruiter's next line (a follow-up or the next question), None at the end."""
    remarque: str | None = None
    """Why the follow-up came, that a refusal was respected, or that the answer was cut."""


def texte_transcription(transcription: Sequence[Replique]) -> str:
    """The transcript as plain text: « Recruteur : … » / « Personne : … »."""
    return "\n".join(
        f"{'Recruteur' if r.role == 'recruteur' else 'Personne'} : {r.texte or '(silence)'}"
        for r in transcription
    )


class SimulationTerminee(Exception):
    """An answer was given after the last question."""


class Simulation:
    """The state machine of one mock interview."""

    def __init__(self, plan: PlanSimulation) -> None:
        self.plan = plan
        self._echanges: list[Echange] = []
        self._en_cours: Echange | None = None  # answered, waiting for the follow-up's answer
        self._rng = random.Random(plan.seed)
        self._relances = charger_banque().relances

    @property
    def terminee(self) -> bool:
        return self._en_cours is None and len(self._echanges) == len(self.plan.questions)

    @property
    def question_courante(self) -> QuestionPlan | None:
        """The planned question being answered (also while its follow-up is pending)."""
        if self.terminee:
            return None
        if self._en_cours is not None:
            return self._en_cours.question
        return self.plan.questions[len(self._echanges)]

    @property
    def replique_courante(self) -> str | None:
        """What the recruiter is saying now: the follow-up if one is pending, else the question."""
        if self._en_cours is not None:
            return self._en_cours.relance
        question = self.question_courante
        return question.texte if question else None

    @property
    def echanges(self) -> tuple[Echange, ...]:
        return tuple(self._echanges)

    @property
    def refus_periode(self) -> bool:
        """True when the person declined the gap question (respected, never asked again)."""
        return any(e.refus and e.question.phase == "periode" for e in self._echanges)

    @property
    def transcription(self) -> list[Replique]:
        lignes: list[Replique] = []
        echanges = self._echanges + ([self._en_cours] if self._en_cours else [])
        for e in echanges:
            lignes.append(Replique("recruteur", e.question.texte, e.question.id))
            lignes.append(Replique("personne", e.reponse, e.question.id))
            if e.relance:
                lignes.append(Replique("recruteur", e.relance, e.question.id, relance=True))
            if e.reponse_relance is not None:
                lignes.append(Replique("personne", e.reponse_relance, e.question.id, True))
        return lignes

    def _relance_utile(self, question: QuestionPlan, reponse: str, constat: Constat) -> str | None:
        """The follow-up a recruiter would ask, or None when the answer can stand."""
        if question.phase in _SANS_RELANCE:
            return None
        if constat.regle == "vide":
            return self._rng.choice(self._relances.silence)
        if constat.regle in _A_RELANCER:
            if question.relance:
                return question.relance
            if "exemples_concrets" in question.criteres:
                return self._rng.choice(self._relances.exemple)
            return self._rng.choice(self._relances.precision)
        if "exemples_concrets" in question.criteres[1:]:
            # The question wanted an example and the answer gave none.
            exemple = evaluer(
                "exemples_concrets", reponse, self.plan.poste, self.plan.type_employeur
            )
            if exemple.regle in _A_RELANCER:
                return self._rng.choice(self._relances.exemple)
        return None

    def repondre(self, texte: str) -> Tour:
        """Record the person's answer to the current line and move on.

        An empty answer is kept as a silence. Raises SimulationTerminee after the last question.
        """
        question = self.question_courante
        if question is None:
            raise SimulationTerminee("La simulation est terminée : il n'y a plus de question.")
        reponse = nettoyer_texte(texte or "")
        remarque = None
        if len(reponse) > MAX_CARACTERES:
            reponse = reponse[:MAX_CARACTERES]
            remarque = (
                f"Réponse très longue : seuls les {MAX_CARACTERES} premiers caractères sont gardés."
            )

        if self._en_cours is not None:
            fini = Echange(
                question, self._en_cours.reponse, self._en_cours.relance, reponse, refus=False
            )
            constat = evaluer(
                question.criteres[0], reponse, self.plan.poste, self.plan.type_employeur
            )
            if constat.regle == "refus":
                fini = Echange(question, fini.reponse, fini.relance, reponse, refus=True)
                remarque = "Refus respecté : la question n'est pas reposée."
            self._en_cours = None
            self._echanges.append(fini)
            return Tour(question.id, fini.relance or "", reponse, True, self._suite(), remarque)

        constat = evaluer(question.criteres[0], reponse, self.plan.poste, self.plan.type_employeur)
        if constat.regle == "refus":
            self._echanges.append(Echange(question, reponse, refus=True))
            return Tour(
                question.id,
                question.texte,
                reponse,
                False,
                self._suite(),
                "Refus respecté : la question n'est pas reposée.",
            )
        relance = self._relance_utile(question, reponse, constat)
        if relance is not None:
            self._en_cours = Echange(question, reponse, relance)
            motif = (
                "Relance : réponse vide."
                if constat.regle == "vide"
                else "Relance : réponse à préciser."
            )
            return Tour(question.id, question.texte, reponse, False, relance, remarque or motif)
        self._echanges.append(Echange(question, reponse))
        return Tour(question.id, question.texte, reponse, False, self._suite(), remarque)

    def _suite(self) -> str | None:
        return self.replique_courante
