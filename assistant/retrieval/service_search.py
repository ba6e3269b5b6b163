"""Insertion services for a barrier or a need, near where the person will live."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.domain.enums import CategorieFrein
from assistant.retrieval.barriers import PUBLIC_JUSTICE, frein_nomme, thematiques_for
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.services import InsertionService
from assistant.retrieval.text import fold


@dataclass(frozen=True)
class ServiceHit:
    service: InsertionService
    score: float
    pourquoi: str


def barrier_from_text(text: str) -> CategorieFrein | None:
    """A barrier category named in the query: its value (« finances_dettes ») or the words
    people use (« hébergement d'urgence », « addiction à l'alcool », « garde d'enfants »)."""
    folded = fold(text)
    words = set(folded.replace("_", " ").split())
    for categorie in CategorieFrein:
        if set(categorie.value.split("_")) & words:
            return categorie
    return frein_nomme(folded)


class ServiceSearch:
    def __init__(self, services: Sequence[InsertionService], labels: dict[str, str]) -> None:
        self._items = list(services)
        self._labels = labels
        self._lexical = LexicalIndex(
            [
                " ".join(
                    [s.nom, s.structure_nom, s.type or "", *s.reseaux_porteurs]
                    + [labels.get(t, t) for t in s.thematiques]
                )
                for s in self._items
            ]
        )
        # Per-service facts as arrays, so that one search is a few vector operations.
        self._departements = np.array([s.departement or "" for s in self._items], dtype=object)
        self._justice = np.array([PUBLIC_JUSTICE in s.publics for s in self._items], dtype=bool)
        self._par_thematique: dict[str, np.ndarray] = {}
        for i, service in enumerate(self._items):
            for thematique in service.thematiques:
                self._par_thematique.setdefault(thematique, np.zeros(len(self._items), bool))[i] = (
                    True
                )

    def search(self, query: str, departement: str | None = None, top: int = 5) -> list[ServiceHit]:
        categorie = barrier_from_text(query)
        wanted = set(thematiques_for(categorie)) if categorie else set()
        lexical = self._lexical.scores(query)
        score = lexical / lexical.max() if lexical.max() > 0 else np.zeros_like(lexical)
        score = score.astype(float)
        partage = np.zeros(len(self._items), bool)
        for thematique in wanted:
            if thematique in self._par_thematique:
                partage |= self._par_thematique[thematique]
        score[partage] += 1.0
        if wanted:
            # A barrier asks for its kind of service: an employment site whose association is
            # called « … pour le logement … » does not house anyone.
            score[~partage] = 0
        score[self._justice & (score > 0)] += 0.1  # open to people under justice measures
        if departement:
            score[self._departements != departement] = 0
        order = [int(i) for i in np.argsort(-score, kind="stable")[:top] if score[i] > 0]
        hits = []
        for i in order:
            service = self._items[i]
            themes = [self._labels.get(t, t) for t in service.thematiques][:2]
            lieu = (
                f"{service.commune} ({service.departement})"
                if service.commune
                else "lieu non précisé"
            )
            why = f"{service.structure_nom}, {lieu}"
            if themes:
                why += " ; " + " ; ".join(themes)
            hits.append(ServiceHit(service, round(float(score[i]), 4), why + "."))
        return hits
