"""Certifications for a job or a title: by their title and through the jobs they lead to."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.retrieval.certifications import CACES_RECOMMENDATION, Certification
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.metiers import JobHit
from assistant.retrieval.text import fold

# Certifications of a territory with its own labour law (« [Nouvelle-Calédonie] »): obtained
# and recognised there, rarely what a person leaving a prison in France can prepare.
_AUTRE_TERRITOIRE = re.compile(r"\[(?:Nouvelle-Calédonie|Polynésie française|Wallis[^\]]*)\]\s*$")


@dataclass(frozen=True)
class CertificationHit:
    certification: Certification
    score: float
    pourquoi: str


def _describe(c: Certification) -> str:
    parts = [c.type]
    if c.niveau:
        parts.append(f"niveau {c.niveau}")
    code = c.rncp or c.rs
    if code:
        parts.append(code)
    if c.actif is False:
        parts.append("fiche inactive, voir la certification qui la remplace")
    return ", ".join(parts)


def _collapse_key(c: Certification) -> str:
    """Certifications shown once in a short list: same title, or same CACES recommendation."""
    recommandation = (
        CACES_RECOMMENDATION.search(c.intitule or "") if c.famille_courte == "caces" else None
    )
    if recommandation:
        return f"caces R{recommandation.group(1)}"
    return fold(c.intitule or c.id)


class CertificationSearch:
    def __init__(self, certifications: Sequence[Certification]) -> None:
        # Inactive fiches stay findable (a person may hold one) but rank after active ones.
        self._items = [c for c in certifications if c.intitule]
        self._lexical = LexicalIndex([f"{c.intitule} {c.type}" for c in self._items])
        # Per-certification facts as arrays: the adjustments are a few vector operations.
        self._niveau = np.array([c.niveau or 0 for c in self._items], dtype=np.int64)
        self._courte = np.array([bool(c.courte) for c in self._items], dtype=bool)
        self._inactive = np.array([c.actif is False for c in self._items], dtype=bool)
        self._titre_pro = np.array([bool(c.titre_professionnel) for c in self._items], dtype=bool)
        self._ailleurs = np.array(
            [bool(_AUTRE_TERRITOIRE.search(c.intitule or "")) for c in self._items], dtype=bool
        )
        self._keys = [_collapse_key(c) for c in self._items]
        self._by_rome: dict[str, list[int]] = {}
        for i, c in enumerate(self._items):
            for code in c.rome4:
                self._by_rome.setdefault(code, []).append(i)

    def search(
        self,
        query: str,
        jobs: Sequence[JobHit] = (),
        top: int = 5,
        niveau_max: int | None = None,
        courtes: bool = False,
    ) -> list[CertificationHit]:
        """Title matches, plus certifications leading to the job sheets found for the query."""
        lexical = self._lexical.scores(query)
        score = lexical / lexical.max() if lexical.max() > 0 else np.zeros_like(lexical)
        linked: dict[int, JobHit] = {}
        for rank, job in enumerate(jobs[:3]):
            for i in self._by_rome.get(job.code_rome, []):
                score[i] += 0.6 / (rank + 1)
                linked.setdefault(i, job)
        found = score > 0
        excluded = found & (
            (self._niveau > niveau_max if niveau_max is not None else False)
            | (~self._courte if courtes else False)
        )
        score[excluded] = 0
        kept = found & ~excluded
        score[kept & self._inactive] *= 0.5
        # The Ministry's own titles are the Afpa's core offer.
        score[kept & ~self._inactive & self._titre_pro] *= 1.1
        if not any(lieu in fold(query) for lieu in ("caledonie", "polynesie", "wallis")):
            score[kept & self._ailleurs] *= 0.3
        order: list[int] = []
        seen: set[str] = set()
        for i in np.argsort(-score, kind="stable"):
            if len(order) == top or score[i] <= 0:
                break
            # A renewed fiche under the same title, or another category of the same CACES:
            # once is enough in a list of a few.
            key = self._keys[i]
            if key not in seen:
                seen.add(key)
                order.append(int(i))
        hits = []
        for i in order:
            c = self._items[i]
            why = _describe(c)
            if i in linked:
                why += f" ; mène à « {linked[i].libelle} » ({linked[i].code_rome})"
            hits.append(CertificationHit(c, round(float(score[i]), 4), why + "."))
        return hits
