"""The dossier: all that is recorded for one person, across meetings, under a pseudonym."""

import datetime as dt
import re
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from assistant.domain.base import CodeRome, Libelle, ModeleDomaine, TexteRedige
from assistant.domain.drafts import OrigineBrouillon, PhraseBrouillon, SectionBrouillon
from assistant.domain.enums import (
    EtatEtape,
    ProfilDeroule,
    StatutValidation,
    TypeBrouillon,
    TypeEtablissement,
    TypeRencontre,
)
from assistant.domain.simulation import SimulationEntretien
from assistant.domain.steps import (
    ETAPES,
    Consentement,
    EtapeBase,
    EtapeCadre,
    EtapeCompetences,
    EtapeExperiences,
    EtapeFaisabilite,
    EtapeFormation,
    EtapeFreins,
    EtapePlanAction,
    EtapeProjet,
    EtapeSituation,
    EtapeSynthese,
)

NUMEROS_ETAPES = tuple(range(len(ETAPES)))
ETAPES_SUIVI = (1, 5, 8, 9)
"""Guide section D: a follow-up or end-of-sentence meeting goes back over steps 1, 5, 8 and 9."""

_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$")


def maintenant() -> datetime:
    return datetime.now(UTC)


def _reference_pseudonyme(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = value.strip()
    if not _REFERENCE.match(value):
        raise PydanticCustomError(
            "reference_invalide",
            "La référence doit faire 3 à 32 caractères : lettres sans accent, chiffres, - ou _ "
            "(par exemple « MA-2026-014 »).",
        )
    if value.isdigit():
        raise PydanticCustomError(
            "reference_numero_ecrou",
            "Une référence faite uniquement de chiffres ressemble à un numéro d'écrou : "
            "choisissez une référence pseudonyme (par exemple « MA-2026-014 »).",
        )
    return value


class Rencontre(ModeleDomaine):
    """One meeting with the person; a dossier holds several."""

    numero: Annotated[int, Field(ge=1)] = Field(title="Numéro")
    type: TypeRencontre = Field(TypeRencontre.ACCUEIL, title="Type de rencontre")
    date: dt.date = Field(title="Date")
    conseiller_id: Libelle | None = Field(None, title="Conseiller")
    etapes_prevues: list[int] = Field(title="Étapes prévues")
    etat_etapes: dict[int, EtatEtape] = Field(default_factory=dict, title="État des étapes")
    questions_posees: list[Annotated[str, Field(max_length=80)]] = Field(
        default_factory=list, title="Questions du guide déjà posées"
    )

    @field_validator("etapes_prevues")
    @classmethod
    def _etapes_existent(cls, value: list[int]) -> list[int]:
        if (
            not value
            or any(n not in NUMEROS_ETAPES for n in value)
            or len(set(value)) != len(value)
        ):
            raise PydanticCustomError(
                "etapes_invalides", "Les étapes prévues doivent être des étapes du guide (0 à 9)."
            )
        return sorted(value)

    @model_validator(mode="after")
    def _etats_sur_etapes_prevues(self) -> "Rencontre":
        if any(n not in self.etapes_prevues for n in self.etat_etapes):
            raise PydanticCustomError(
                "etat_hors_plan",
                "Un état ne peut porter que sur une étape prévue à ce rendez-vous.",
            )
        return self

    def etat(self, numero: int) -> EtatEtape:
        return self.etat_etapes.get(numero, EtatEtape.A_FAIRE)


class Etapes(ModeleDomaine):
    """The step records of a dossier; later meetings update the same records."""

    cadre: EtapeCadre = Field(
        default_factory=EtapeCadre, title=f"Étape {EtapeCadre.numero} — {EtapeCadre.titre}"
    )
    situation: EtapeSituation = Field(
        default_factory=EtapeSituation,
        title=f"Étape {EtapeSituation.numero} — {EtapeSituation.titre}",
    )
    formation: EtapeFormation = Field(
        default_factory=EtapeFormation,
        title=f"Étape {EtapeFormation.numero} — {EtapeFormation.titre}",
    )
    experiences: EtapeExperiences = Field(
        default_factory=EtapeExperiences,
        title=f"Étape {EtapeExperiences.numero} — {EtapeExperiences.titre}",
    )
    competences: EtapeCompetences = Field(
        default_factory=EtapeCompetences,
        title=f"Étape {EtapeCompetences.numero} — {EtapeCompetences.titre}",
    )
    freins: EtapeFreins = Field(
        default_factory=EtapeFreins, title=f"Étape {EtapeFreins.numero} — {EtapeFreins.titre}"
    )
    projet: EtapeProjet = Field(
        default_factory=EtapeProjet, title=f"Étape {EtapeProjet.numero} — {EtapeProjet.titre}"
    )
    faisabilite: EtapeFaisabilite = Field(
        default_factory=EtapeFaisabilite,
        title=f"Étape {EtapeFaisabilite.numero} — {EtapeFaisabilite.titre}",
    )
    plan_action: EtapePlanAction = Field(
        default_factory=EtapePlanAction,
        title=f"Étape {EtapePlanAction.numero} — {EtapePlanAction.titre}",
    )
    synthese: EtapeSynthese = Field(
        default_factory=EtapeSynthese, title=f"Étape {EtapeSynthese.numero} — {EtapeSynthese.titre}"
    )

    def par_numero(self, numero: int) -> EtapeBase:
        etape: EtapeBase = getattr(self, ETAPES[numero].cle)
        return etape


class Brouillon(ModeleDomaine):
    """A generated or typed document; never final until the counsellor validates it (rule A.5).

    A draft is made of sections of sentences, each carrying the sources it rests on
    (dossier fields, knowledge records, or the counsellor's own words) and the flags raised
    by the grounding checker and the lint. `contenu` keeps a plain-text version for documents
    typed outside Passerelle.
    """

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, title="Identifiant")
    type: TypeBrouillon = Field(title="Type de document")
    contenu: TexteRedige | None = Field(None, title="Contenu (texte libre)")
    sections: list[SectionBrouillon] = Field(default_factory=list, title="Sections", max_length=30)
    origine: OrigineBrouillon = Field("modele_local", title="Rédigé par")
    fournisseur: Libelle | None = Field(None, title="Modèle de langage utilisé")
    code_rome: CodeRome | None = Field(None, title="Fiche métier visée")
    intitule_poste: Libelle | None = Field(None, title="Poste visé")
    statut: StatutValidation = Field(StatutValidation.BROUILLON, title="Statut")
    cree_le: datetime = Field(default_factory=maintenant, title="Créé le")
    relu_par: Libelle | None = Field(None, title="Relu par")
    relu_le: datetime | None = Field(None, title="Relu le")
    valide_par: Libelle | None = Field(None, title="Validé par")
    valide_le: datetime | None = Field(None, title="Validé le")

    @model_validator(mode="after")
    def _tracabilite(self) -> "Brouillon":
        if not self.sections and not self.contenu:
            raise PydanticCustomError("brouillon_vide", "Un document ne peut pas être vide.")
        if self.statut is StatutValidation.VALIDE_CONSEILLER and not (
            self.valide_par and self.valide_le
        ):
            raise PydanticCustomError(
                "validation_sans_auteur", "Un document validé doit indiquer par qui et quand."
            )
        if self.statut is StatutValidation.RELU and not (self.relu_par and self.relu_le):
            raise PydanticCustomError(
                "relecture_sans_auteur", "Un document relu doit indiquer par qui et quand."
            )
        if self.statut is StatutValidation.VALIDE_CONSEILLER and self.phrases_bloquantes():
            raise PydanticCustomError(
                "validation_phrases_signalees",
                "Un document ne peut pas être validé tant que des phrases signalées "
                "n'ont pas été corrigées ou retirées.",
            )
        return self

    def phrases(self) -> list[PhraseBrouillon]:
        return [p for s in self.sections for p in s.phrases]

    def phrases_bloquantes(self) -> list[PhraseBrouillon]:
        """Sentences that cannot leave the vault until fixed or removed."""
        return [p for p in self.phrases() if p.bloquee]

    def texte(self) -> str:
        """Plain text of the draft: section titles then their sentences."""
        if not self.sections:
            return self.contenu or ""
        blocs = []
        for section in self.sections:
            corps = " ".join(p.texte for p in section.phrases)
            blocs.append(f"{section.titre}\n{corps}" if corps else section.titre)
        return "\n\n".join(blocs)


class Dossier(ModeleDomaine):
    """One person's record, identified only by a pseudonymous reference."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, title="Identifiant interne")
    reference: Annotated[str, Field(title="Référence pseudonyme")]
    type_etablissement: TypeEtablissement = Field(title="Type d'établissement")
    cree_le: datetime = Field(default_factory=maintenant, title="Créé le")
    modifie_le: datetime = Field(default_factory=maintenant, title="Modifié le")
    profil_choisi: ProfilDeroule | None = Field(
        None,
        title="Profil choisi par le conseiller",
        description="Vide : le profil proposé par le guide s'applique.",
    )
    rencontres: list[Rencontre] = Field(default_factory=list, title="Rencontres")
    etapes: Etapes = Field(default_factory=Etapes, title="Étapes de l'entretien")
    brouillons: list[Brouillon] = Field(default_factory=list, title="Documents")
    simulations: list[SimulationEntretien] = Field(
        default_factory=list, title="Simulations d'entretien"
    )

    _check_reference = field_validator("reference", mode="before")(_reference_pseudonyme)

    @model_validator(mode="after")
    def _rencontres_numerotees(self) -> "Dossier":
        numeros = [r.numero for r in self.rencontres]
        if numeros != list(range(1, len(numeros) + 1)):
            raise PydanticCustomError(
                "rencontres_non_numerotees", "Les rencontres doivent être numérotées 1, 2, 3…"
            )
        return self

    @classmethod
    def ouvrir(
        cls, reference: str, type_etablissement: TypeEtablissement | str, **valeurs: Any
    ) -> "Dossier":
        """A new dossier whose step 0 already knows the reference and the establishment type."""
        dossier = cls(reference=reference, type_etablissement=type_etablissement, **valeurs)
        dossier.etapes.cadre.personne_ref = dossier.reference
        dossier.etapes.cadre.type_etablissement = dossier.type_etablissement
        return dossier

    @property
    def consentements(self) -> list[Consentement]:
        return self.etapes.synthese.consentements

    @property
    def rencontre_courante(self) -> Rencontre | None:
        return self.rencontres[-1] if self.rencontres else None

    def nouvelle_rencontre(
        self, jour: date, conseiller_id: str | None = None, type: TypeRencontre | None = None
    ) -> Rencontre:
        """Start a meeting: the first one covers every step, later ones steps 1, 5, 8, 9."""
        if type is None:
            type = TypeRencontre.ACCUEIL if not self.rencontres else TypeRencontre.SUIVI
        etapes = list(NUMEROS_ETAPES) if type is TypeRencontre.ACCUEIL else list(ETAPES_SUIVI)
        rencontre = Rencontre(
            numero=len(self.rencontres) + 1,
            type=type,
            date=jour,
            conseiller_id=conseiller_id,
            etapes_prevues=etapes,
        )
        self.rencontres = [*self.rencontres, rencontre]
        cadre = self.etapes.cadre
        if cadre.date_entretien is None:
            cadre.date_entretien = jour
        if cadre.conseiller_id is None and conseiller_id:
            cadre.conseiller_id = conseiller_id
        return rencontre


MODELES_PRINCIPAUX: dict[str, type[ModeleDomaine]] = {
    "dossier": Dossier,
    "simulation_entretien": SimulationEntretien,
    **{f"etape_{e.numero}_{e.cle}": e for e in ETAPES},
}
"""Top-level models whose JSON Schema is exported (`passerelle schema`)."""
