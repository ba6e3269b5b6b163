"""Optional module M1 of the guide (section E): a mock job interview and its feedback grid."""

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from assistant.domain.base import (
    CodeRome,
    Libelle,
    ModeleDomaine,
    Note14,
    TexteCourt,
    TexteLong,
    TexteRedige,
)

CritereSimulation = Literal[
    "accueil_presentation",
    "presentation_de_soi",
    "lien_parcours_poste",
    "explication_periode_detention",
    "exemples_concrets",
    "connaissance_poste_structure",
    "savoir_etre",
    "communication_non_verbale",
    "questions_au_recruteur",
    "disponibilites_contraintes",
]
TypeEmployeur = Literal["siae", "interim", "entreprise", "association", "public"]


class CritereGrille(ModeleDomaine):
    critere: CritereSimulation = Field(title="Critère")
    note_1_4: Note14 = Field(title="Note (1 à 4)")
    observation: TexteCourt = Field(title="Observation")
    conseil: TexteCourt = Field(title="Conseil concret")


class SimulationEntretien(ModeleDomaine):
    """A practice interview (never an evaluation) and its feedback grid."""

    date: dt.date | None = Field(None, title="Date")
    duree: Literal["courte", "complete"] | None = Field(None, title="Durée")
    poste_vise: Libelle = Field(title="Poste visé")
    code_rome: CodeRome | None = Field(None, title="Fiche ROME")
    type_employeur: TypeEmployeur = Field(title="Type d'employeur")
    criteres: list[CritereGrille] = Field(default_factory=list, title="Grille", max_length=10)
    auto_evaluation: TexteLong | None = Field(None, title="Auto-évaluation de la personne")
    points_forts: list[Libelle] = Field(default_factory=list, title="Points forts", max_length=3)
    axes_progres: list[Libelle] = Field(
        default_factory=list, title="Axes de progrès (2 au plus)", max_length=2
    )
    reponse_periode_detention_travaillee: TexteLong | None = Field(
        None, title="Réponse retenue sur la période de détention"
    )
    periode_refusee: bool = Field(False, title="Question sur la période refusée (refus respecté)")
    origine_feedback: Literal["regles", "llm", "conseiller"] | None = Field(
        None, title="Origine du retour"
    )
    transcription: TexteRedige | None = Field(None, title="Transcription de l'entraînement")

    @model_validator(mode="after")
    def _criteres_uniques(self) -> "SimulationEntretien":
        noms = [c.critere for c in self.criteres]
        if len(noms) != len(set(noms)):
            raise PydanticCustomError(
                "critere_en_double", "Chaque critère de la grille ne peut être noté qu'une fois."
            )
        return self
