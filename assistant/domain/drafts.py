"""The parts of a draft document: sections of sentences, each with its sources and flags.

Guardrail: every sentence of a generated text links to the record fields or knowledge
records it comes from; sentences whose facts are not found there are flagged and cannot be
exported until the counsellor fixes or removes them.
"""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from assistant.domain.base import Libelle, ModeleDomaine, TexteLong, TexteMoyen

ThemePhrase = Literal[
    "contexte",
    "parcours",
    "competences",
    "freins",
    "sante",
    "projet",
    "faisabilite",
    "plan",
    "preconisations",
    "vigilance",
    "coordonnees",
    "lettre",
]
"""What a sentence is about; consent scopes let some themes through and not others."""

OrigineBrouillon = Literal["modele_local", "llm", "conseiller"]

SOURCE_CONSEILLER = "conseiller"
"""Source of a sentence the counsellor wrote or corrected: they vouch for it."""

Source = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, pattern=r"^[a-z_]+(:[^\s]+)?$"),
    Field(
        description=(
            "Référence d'une source : « dossier:<chemin du champ> », « rome:<code> », "
            "« certification:<code> », « service:<id> », « bmo:<code>:<région> » ou « conseiller »."
        )
    ),
]

TypeSignalement = Literal[
    "fait_non_source",
    "sante",
    "infraction",
    "jugement",
    "jeton_inconnu",
    "consigne_suspecte",
    "sans_source",
    "mention_detention",
]


class Signalement(ModeleDomaine):
    """A problem found in a sentence by the grounding checker or the lint."""

    type: TypeSignalement = Field(title="Type")
    message: TexteMoyen = Field(title="Message")
    bloquant: bool = Field(True, title="Empêche l'export")


class PhraseBrouillon(ModeleDomaine):
    texte: TexteLong = Field(title="Phrase")
    sources: list[Source] = Field(default_factory=list, title="Sources", max_length=20)
    theme: ThemePhrase = Field(title="Thème")
    signalements: list[Signalement] = Field(
        default_factory=list, title="Signalements", max_length=20
    )

    @property
    def bloquee(self) -> bool:
        return any(s.bloquant for s in self.signalements)


class SectionBrouillon(ModeleDomaine):
    cle: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")] = Field(title="Clé")
    titre: Libelle = Field(title="Titre")
    phrases: list[PhraseBrouillon] = Field(default_factory=list, title="Phrases", max_length=200)
