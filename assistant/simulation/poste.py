"""The job a simulation targets, as the recruiter sees it: title, core skills, work contexts."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.simulation.analyse import racines

if TYPE_CHECKING:
    from assistant.retrieval.knowledge import Fiche, Knowledge

CATEGORIES_CONTEXTE = frozenset(
    {
        "Conditions de travail et risques professionnels",
        "Horaires et durée du travail",
        "Lieux et déplacements",
    }
)
"""Contexts a candidate can say something about; structure types and contract kinds are left out."""
_GENERIQUES = racines("travail travailler emploi poste métier équipe activité personne personnes")
"""Words of every sheet: saying « travail » is not yet speaking of this job."""


@dataclass(frozen=True)
class PosteCible:
    """A target job built by the caller from the knowledge pack (or typed by the counsellor).

    A sheet without skills data still works: the plan then asks the generic questions.
    """

    code_rome: str | None
    intitule: str
    competences: tuple[str, ...] = ()
    contextes: tuple[str, ...] = ()
    reglemente: bool | None = None
    qualites: tuple[str, ...] = ()

    @classmethod
    def depuis_fiche(cls, fiche: "Fiche", knowledge: "Knowledge") -> "PosteCible":
        """Core skills, candidate-facing contexts and soft skills of a ROME sheet."""
        contextes = tuple(
            knowledge.items[ogr].libelle
            for ogr in fiche.contextes
            if ogr in knowledge.items and knowledge.items[ogr].categorie in CATEGORIES_CONTEXTE
        )
        return cls(
            code_rome=fiche.code,
            intitule=fiche.libelle,
            competences=tuple(knowledge.item_labels(fiche.savoir_faire, core_only=True)),
            contextes=contextes,
            reglemente=fiche.reglemente,
            qualites=tuple(knowledge.item_labels(fiche.savoir_etre)),
        )

    @cached_property
    def racines_metier(self) -> frozenset[str]:
        """Word roots of the job (title, skills, contexts, soft skills) to spot job talk."""
        return frozenset(racines(" ".join(self._textes())) - _GENERIQUES)

    def _textes(self) -> Iterable[str]:
        yield self.intitule
        yield from self.competences
        yield from self.contextes
        yield from self.qualites
