"""The plan of a mock interview: which questions the simulated recruiter asks, in which order.

Opening, presentation, questions on the employer and the job (from the sheet's skills and work
contexts), the gap question always, availability, and the close « Avez-vous des questions pour
nous ? » always last. Choices among wordings are drawn with a seed, so a plan can be replayed.
"""

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.domain.simulation import CritereSimulation, TypeEmployeur
from assistant.simulation.fichiers import (
    SIMULATION_DIR,
    BanqueQuestions,
    Phase,
    QuestionBanque,
    charger_banque,
    charger_feedback,
)
from assistant.simulation.poste import PosteCible

__all__ = ["DUREES", "PlanSimulation", "PosteCible", "QuestionPlan", "preparer"]

Duree = Literal["courte", "complete"]
DUREES: dict[Duree, int] = {"courte": 10, "complete": 20}
"""Minutes announced to the person."""

# A slot is a phase and, for the job questions, the kind of sheet data it prefers.
_Creneau = tuple[Phase, Literal["", "competence", "contexte"]]
_CRENEAUX: dict[Duree, tuple[_Creneau, ...]] = {
    "courte": (
        ("presentation", ""),
        ("structure", ""),
        ("metier", "competence"),
        ("periode", ""),
        ("disponibilites", ""),
        ("cloture", ""),
    ),
    "complete": (
        ("accueil", ""),
        ("presentation", ""),
        ("motivation", ""),
        ("structure", ""),
        ("metier", "competence"),
        ("metier", "contexte"),
        ("savoir_etre", ""),
        ("savoir_etre", ""),
        ("periode", ""),
        ("disponibilites", ""),
        ("cloture", ""),
    ),
}


@dataclass(frozen=True)
class QuestionPlan:
    """One question of the plan, its templated parts filled in."""

    id: str
    phase: Phase
    texte: str
    criteres: tuple[CritereSimulation, ...]
    relance: str | None = None


@dataclass(frozen=True)
class PlanSimulation:
    """What the simulated recruiter will ask; labelled as practice in every text shown."""

    poste: PosteCible
    type_employeur: TypeEmployeur
    duree: Duree
    questions: tuple[QuestionPlan, ...]
    annees_trou: tuple[int, int] | None
    seed: int
    bandeau: str
    introduction: str

    @property
    def duree_minutes(self) -> int:
        return DUREES[self.duree]

    def criteres_abordes(self) -> set[CritereSimulation]:
        """Criteria at least one planned question feeds."""
        return {c for q in self.questions for c in q.criteres}


def _minuscule(libelle: str) -> str:
    """« Conduire un chariot » → « conduire un chariot », « Maçon / Maçonne » → « maçon / maçonne »;
    acronyms (« CACES ») stay as they are."""
    mots = [m[0].lower() + m[1:] if len(m) > 1 and m[1:].islower() else m for m in libelle.split()]
    texte = " ".join(mots)
    # ROME writes « Etre vigilant » without the accent; it follows « savoir » in our questions.
    return re.sub(r"^etre\b", "être", texte)


def _elider(texte: str) -> str:
    """« travail de agent » → « travail d'agent », once the job title is in place."""
    return re.sub(r"\b(d|qu)e (?=[aeiouyéèêàâîôû])", r"\1'", texte, flags=re.IGNORECASE)


def _verifier_annees(annees: tuple[int, int] | None) -> tuple[int, int] | None:
    if annees is None:
        return None
    debut, fin = annees
    if not (1940 <= debut <= 2100 and 1940 <= fin <= 2100):
        raise ValueError("Les années de la période doivent être écrites sur quatre chiffres.")
    if debut > fin:
        raise ValueError("L'année de début de la période doit précéder l'année de fin.")
    # « entre 2021 et 2021 » would sound odd: the wording without years is used instead.
    return None if debut == fin else (debut, fin)


class _Tirage:
    """Picks questions and sheet items without repeating them."""

    def __init__(
        self, banque: BanqueQuestions, poste: PosteCible, type_employeur: TypeEmployeur, seed: int
    ) -> None:
        self.banque = banque
        self.poste = poste
        self.type_employeur = type_employeur
        self.rng = random.Random(seed)
        self.pris: set[str] = set()
        self.items_pris: set[str] = set()

    def _faisable(self, q: QuestionBanque, annees: tuple[int, int] | None) -> bool:
        besoins = {
            "competence": bool(self.poste.competences),
            "contexte": bool(self.poste.contextes),
            "qualite": bool(self.poste.qualites),
            "debut": annees is not None,
            "fin": annees is not None,
        }
        return all(besoins.get(champ, True) for champ in q.champs)

    def choisir(self, phase: Phase, prefere: str, annees: tuple[int, int] | None) -> QuestionBanque:
        candidates = [
            q
            for q in self.banque.questions
            if q.phase == phase
            and q.id not in self.pris
            and (not q.employeurs or self.type_employeur in q.employeurs)
            and self._faisable(q, annees)
        ]
        if phase == "periode":
            # With the years known, the recruiter names them, as on a real CV.
            avec_annees = [q for q in candidates if q.champs]
            candidates = avec_annees if annees and avec_annees else candidates
        propres = [q for q in candidates if q.employeurs]
        if prefere == "contexte":
            # Employer-specific job questions (EPI for temping…) or the sheet's work contexts.
            propres += [q for q in candidates if prefere in q.champs and q not in propres]
        elif prefere:
            propres = [q for q in candidates if prefere in q.champs] or propres
        choix = self.rng.choice(propres or candidates)
        self.pris.add(choix.id)
        return choix

    def item(self, items: tuple[str, ...], garder_casse: bool = False) -> str:
        restants = [i for i in items if i not in self.items_pris] or list(items)
        choix = self.rng.choice(restants)
        self.items_pris.add(choix)
        # Contexts are quoted as the sheet writes them; skills follow « savoir ».
        return choix if garder_casse else _minuscule(choix)


def preparer(
    fiche: PosteCible,
    type_employeur: TypeEmployeur,
    duree: Duree,
    annees_trou: tuple[int, int] | None = None,
    seed: int = 0,
    directory: Path = SIMULATION_DIR,
) -> PlanSimulation:
    """The ordered questions of a simulation: about 6 for a short one, 11 for a full one.

    The gap question (with the years when given) and the closing question are always there. A sheet
    without skills or contexts gets generic job questions. Raises ValueError (French) on bad years.
    """
    if duree not in _CRENEAUX:
        raise ValueError("La durée doit être « courte » (10 minutes) ou « complete » (20 minutes).")
    annees = _verifier_annees(annees_trou)
    banque = charger_banque(directory)
    tirage = _Tirage(banque, fiche, type_employeur, seed)
    employeur = banque.employeurs[type_employeur]
    questions = []
    for phase, prefere in _CRENEAUX[duree]:
        q = tirage.choisir(phase, prefere, annees)
        valeurs = {
            "metier": _minuscule(fiche.intitule),
            "structure": employeur.structure,
            "competence": tirage.item(fiche.competences) if "competence" in q.champs else "",
            "contexte": tirage.item(fiche.contextes, garder_casse=True)
            if "contexte" in q.champs
            else "",
            "qualite": tirage.item(fiche.qualites) if "qualite" in q.champs else "",
            "debut": str(annees[0]) if annees else "",
            "fin": str(annees[1]) if annees else "",
        }
        questions.append(
            QuestionPlan(
                id=q.id,
                phase=q.phase,
                texte=_elider(q.texte.format(**valeurs)),
                criteres=q.criteres,
                relance=_elider(q.relance.format(**valeurs)) if q.relance else None,
            )
        )
    textes = charger_feedback(directory)
    introduction = _elider(
        f"{textes.bandeau} Simulation d'entretien pour le poste de {_minuscule(fiche.intitule)} "
        f"({_minuscule(employeur.libelle)}), environ {DUREES[duree]} minutes. "
        "Répondez comme en vrai ; vous pouvez refuser une question."
    )
    return PlanSimulation(
        poste=fiche,
        type_employeur=type_employeur,
        duree=duree,
        questions=tuple(questions),
        annees_trou=annees,
        seed=seed,
        bandeau=textes.bandeau,
        introduction=introduction,
    )
