"""The ten steps of the interview (guide section C) as pydantic models.

Every step field is optional: a step is filled progressively during the interview, and what is still
empty is what the guide engine asks next. Rule A.8 (the person may decline any question) is
`reponses_absentes`: a field can be marked `non_aborde` or `refus` instead of being filled.
There is deliberately no field for the offence, the judgement or the victim (rule A.1).
"""

import datetime as dt
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from assistant.domain.base import (
    Annee,
    CodeDepartement,
    CodeLangue,
    CodeRegion,
    CodeRome,
    Echelle010,
    Libelle,
    ModeleDomaine,
    MoisOuAnnee,
    TexteCourt,
    TexteLong,
    TexteMoyen,
    TexteRedige,
    est_renseigne,
)
from assistant.domain.enums import (
    AmenagementEnvisage,
    CategorieFrein,
    Compatibilite,
    Destinataire,
    HorizonSortie,
    MaitriseEcrit,
    MaitriseFrancaisOral,
    MaturiteProjet,
    MomentAction,
    NiveauCertification,
    NiveauFrein,
    NonReponse,
    PerimetrePartage,
    Porteur,
    StatutPenal,
    StatutValidation,
    TypeContrat,
    TypeEtablissement,
    TypeExperience,
    TypePartenaire,
    TypeProjet,
)


class EtapeBase(ModeleDomaine):
    """Common behaviour of the step models."""

    numero: ClassVar[int]
    cle: ClassVar[str]
    titre: ClassVar[str]
    # Bookkeeping fields that are not answers of the person (no refusal possible).
    champs_techniques: ClassVar[frozenset[str]] = frozenset()

    reponses_absentes: dict[str, NonReponse] = Field(
        default_factory=dict,
        title="Questions non abordées ou refusées",
        description="Champ -> non_aborde | refus (la personne peut refuser toute question).",
    )

    @classmethod
    def champs_questionnables(cls) -> list[str]:
        """The fields the interview fills (everything but the bookkeeping of refusals)."""
        exclus = cls.champs_techniques | {"reponses_absentes"}
        return [name for name in cls.model_fields if name not in exclus]

    @model_validator(mode="after")
    def _absences_coherentes(self) -> "EtapeBase":
        for champ in self.reponses_absentes:
            if champ not in self.champs_questionnables():
                raise PydanticCustomError(
                    "champ_inconnu",
                    "« {champ} » n'est pas une question de cette étape.",
                    {"champ": champ},
                )
            if est_renseigne(getattr(self, champ)):
                raise PydanticCustomError(
                    "champ_rempli_et_refuse",
                    "« {champ} » ne peut pas être à la fois renseigné et marqué non abordé "
                    "ou refusé.",
                    {"champ": champ},
                )
        return self

    def etat_champ(self, champ: str) -> Literal["rempli", "non_aborde", "refus", "manquant"]:
        if est_renseigne(getattr(self, champ)):
            return "rempli"
        if champ in self.reponses_absentes:
            return self.reponses_absentes[champ].value
        return "manquant"


# --- Step 0 -----------------------------------------------------------------------------------

SupportPrefere = Literal["oral", "frise", "photolangage", "ecrit"]


class EtapeCadre(EtapeBase):
    numero: ClassVar[int] = 0
    cle: ClassVar[str] = "cadre"
    titre: ClassVar[str] = "Accueil et cadre"

    date_entretien: date | None = Field(None, title="Date de l'entretien")
    conseiller_id: Libelle | None = Field(None, title="Conseiller (pseudonyme interne)")
    personne_ref: Libelle | None = Field(
        None, title="Référence de la personne", description="Pseudonyme, jamais le numéro d'écrou."
    )
    type_etablissement: TypeEtablissement | None = Field(None, title="Type d'établissement")
    accord_entretien: bool | None = Field(None, title="Accord pour l'entretien")
    accord_outil_numerique: bool | None = Field(None, title="Accord pour l'outil de prise de notes")
    information_partage_donnee: bool | None = Field(None, title="Circuit de transmission expliqué")
    langue_entretien: CodeLangue | None = Field("fr", title="Langue de l'entretien")
    interprete: bool | None = Field(None, title="Interprète présent")
    support_prefere: list[SupportPrefere] = Field(default_factory=list, title="Supports préférés")


# --- Step 1 -----------------------------------------------------------------------------------

RestrictionDeclaree = Literal[
    "aucune",
    "contact_mineurs",
    "interdiction_exercer_activite",
    "permis_suspendu_annule",
    "interdiction_territoire_ou_sejour",
    "autre",
    "ne_sait_pas",
]
ElementExterieur = Literal[
    "emploi", "logement", "formation", "droits_sociaux", "garde_enfants", "aucun"
]
TrancheAge = Literal["moins_26_ans", "26_ans_et_plus"]


class EtapeSituation(EtapeBase):
    numero: ClassVar[int] = 1
    cle: ClassVar[str] = "situation"
    titre: ClassVar[str] = "Situation actuelle et repères de temps"

    statut_penal: StatutPenal | None = Field(None, title="Statut pénal")
    horizon_sortie: HorizonSortie | None = Field(None, title="Horizon de sortie")
    date_sortie_previsible: date | None = Field(
        None, title="Date de sortie prévisible", description="Seulement si la personne la donne."
    )
    amenagement_envisage: AmenagementEnvisage | None = Field(None, title="Aménagement envisagé")
    suivi_spip_connu: bool | None = Field(None, title="Suivi SPIP connu")
    restrictions_professionnelles_declarees: list[RestrictionDeclaree] = Field(
        default_factory=list,
        title="Restrictions professionnelles déclarées",
        description="Déclaratif, sans aucun détail des faits.",
    )
    elements_exterieurs_a_preserver: list[ElementExterieur] = Field(
        default_factory=list, title="Éléments extérieurs à préserver"
    )
    inquietude_principale: TexteCourt | None = Field(
        None, title="Inquiétude principale (mots de la personne)"
    )
    # Section D needs these two facts; an age band, never a date of birth (minimisation).
    tranche_age: TrancheAge | None = Field(None, title="Tranche d'âge")
    reconnaissance_handicap: bool | None = Field(
        None, title="Reconnaissance de handicap (RQTH) déclarée"
    )
    # Where the person plans to live after release: regional hiring demand and local services
    # depend on it. Official INSEE codes, so that the knowledge pack can be queried.
    region_sortie: CodeRegion | None = Field(
        None, title="Région de retour envisagée", description="Code INSEE de la région, ex. 84."
    )
    departement_sortie: CodeDepartement | None = Field(
        None, title="Département de retour envisagé", description="Code INSEE, ex. 69 ou 2A."
    )

    @model_validator(mode="after")
    def _restrictions_exclusives(self) -> "EtapeSituation":
        exclusives = {"aucune", "ne_sait_pas"}
        choisies = set(self.restrictions_professionnelles_declarees)
        if choisies & exclusives and len(choisies) > 1:
            raise PydanticCustomError(
                "restrictions_incoherentes",
                "« aucune » ou « ne sait pas » ne peuvent pas être combinés avec une restriction.",
            )
        return self


# --- Step 2 -----------------------------------------------------------------------------------


class Diplome(ModeleDomaine):
    intitule: Libelle = Field(title="Intitulé du diplôme")
    annee: Annee | None = Field(None, title="Année")
    obtenu: bool = Field(True, title="Obtenu")
    pays: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = Field("FR", title="Pays (code ISO)")


class EtapeFormation(EtapeBase):
    numero: ClassVar[int] = 2
    cle: ClassVar[str] = "formation"
    titre: ClassVar[str] = "Parcours scolaire et formation"

    niveau_certification: NiveauCertification | None = Field(None, title="Niveau de certification")
    diplomes: list[Diplome] = Field(default_factory=list, title="Diplômes", max_length=20)
    certifications_habilitations: list[Libelle] = Field(
        default_factory=list, title="Certifications et habilitations", max_length=30
    )
    formations_en_detention: list[Libelle] = Field(
        default_factory=list, title="Formations en détention", max_length=20
    )
    annee_sortie_scolaire: Annee | None = Field(None, title="Année de sortie du système scolaire")
    maitrise_ecrit: MaitriseEcrit | None = Field(
        None, title="Maîtrise de l'écrit (observation du conseiller)"
    )
    maitrise_francais_oral: MaitriseFrancaisOral | None = Field(
        None, title="Maîtrise du français oral"
    )
    autres_langues: list[Libelle] = Field(default_factory=list, title="Autres langues")
    rapport_apprentissage: TexteMoyen | None = Field(
        None, title="Rapport à l'apprentissage (mots de la personne)"
    )


# --- Step 3 -----------------------------------------------------------------------------------

MotifFin = Literal[
    "fin_contrat", "demission", "licenciement", "incarceration", "sante", "autre", "non_aborde"
]


class Experience(ModeleDomaine):
    intitule_libre: Libelle = Field(title="Intitulé (mots de la personne)")
    code_rome: CodeRome | None = Field(None, title="Fiche ROME (confirmée par le conseiller)")
    secteur: Libelle | None = Field(None, title="Secteur")
    type: TypeExperience = Field(title="Type d'expérience")
    type_contrat: TypeContrat = Field(TypeContrat.INCONNU, title="Type de contrat")
    debut: MoisOuAnnee | None = Field(None, title="Début (AAAA ou AAAA-MM)")
    duree_mois: Annotated[int, Field(ge=0, le=600)] | None = Field(None, title="Durée en mois")
    taches_principales: list[Libelle] = Field(
        default_factory=list, title="Tâches principales", max_length=15
    )
    ce_qui_a_plu: TexteCourt | None = Field(None, title="Ce qui a plu")
    motif_fin: MotifFin = Field("non_aborde", title="Motif de fin")


class EtapeExperiences(EtapeBase):
    numero: ClassVar[int] = 3
    cle: ClassVar[str] = "experiences"
    titre: ClassVar[str] = "Parcours professionnel et expériences"

    experiences: list[Experience] = Field(default_factory=list, title="Expériences", max_length=40)
    derniere_activite_avant_incarceration: (
        Literal["emploi", "formation", "recherche_emploi", "sans_activite", "non_aborde"] | None
    ) = Field(None, title="Dernière activité avant l'incarcération")
    inscrit_france_travail_avant: bool | None = Field(None, title="Inscrit à France Travail avant")
    periodes_sans_emploi_valorisables: list[Libelle] = Field(
        default_factory=list, title="Périodes sans emploi valorisables", max_length=20
    )


# --- Step 4 -----------------------------------------------------------------------------------

ConditionTravail = Literal[
    "exterieur",
    "interieur",
    "equipe",
    "autonomie",
    "contact_public",
    "manuel",
    "technique",
    "horaires_decales_acceptes",
    "deplacements_acceptes",
]


class EtapeCompetences(EtapeBase):
    numero: ClassVar[int] = 4
    cle: ClassVar[str] = "competences"
    titre: ClassVar[str] = "Compétences, intérêts et valeurs"

    savoirs: list[Libelle] = Field(default_factory=list, title="Savoirs", max_length=30)
    savoir_faire: list[Libelle] = Field(
        default_factory=list, title="Savoir-faire (sait + verbe + objet)", max_length=30
    )
    savoir_etre: list[Libelle] = Field(default_factory=list, title="Savoir-être", max_length=30)
    competences_rome: list[Libelle] = Field(
        default_factory=list, title="Compétences ROME validées", max_length=50
    )
    centres_interet: list[Libelle] = Field(
        default_factory=list, title="Centres d'intérêt", max_length=20
    )
    conditions_souhaitees: list[ConditionTravail] = Field(
        default_factory=list, title="Conditions de travail souhaitées"
    )
    conditions_exclues: list[Libelle] = Field(
        default_factory=list, title="Conditions de travail exclues", max_length=20
    )
    atouts_cles: list[Libelle] = Field(
        default_factory=list, title="Atouts clés (3 au plus)", max_length=3
    )


# --- Step 5 -----------------------------------------------------------------------------------

# Rule A.4: health and addictions are recorded as a referral need and a theme, nothing more.
ThemeOrientationSante = Literal[
    "sante--acces-aux-soins",
    "sante--addictions",
    "sante--constituer-un-dossier-mdph-invalidite",
    "sante--sante-mentale",
    "sante--sante-sexuelle",
]
CATEGORIES_SANTE = frozenset({CategorieFrein.SANTE, CategorieFrein.ADDICTIONS})


class Frein(ModeleDomaine):
    categorie: CategorieFrein = Field(title="Catégorie de frein")
    niveau: NiveauFrein = Field(NiveauFrein.NON_ABORDE, title="Niveau")
    traitable_en_detention: bool | None = Field(None, title="Traitable en détention")
    besoin_orientation: bool = Field(False, title="Besoin d'orientation")
    theme_orientation: ThemeOrientationSante | None = Field(
        None, title="Thème d'orientation (santé, addictions)"
    )
    commentaire: TexteCourt | None = Field(
        None, title="Commentaire", description="Pas de données médicales."
    )

    @model_validator(mode="after")
    def _minimisation_sante(self) -> "Frein":
        if self.categorie in CATEGORIES_SANTE and self.commentaire:
            raise PydanticCustomError(
                "sante_minimisation",
                "Santé et addictions : on note seulement le besoin d'orientation et son thème, "
                "jamais de commentaire (pas de diagnostic, de traitement ni de produit).",
            )
        if self.theme_orientation and self.categorie not in CATEGORIES_SANTE:
            raise PydanticCustomError(
                "theme_hors_sante",
                "Le thème d'orientation ne s'emploie que pour les freins santé ou addictions.",
            )
        return self


class EtapeFreins(EtapeBase):
    numero: ClassVar[int] = 5
    cle: ClassVar[str] = "freins"
    titre: ClassVar[str] = "Situation sociale et freins périphériques"

    freins: list[Frein] = Field(default_factory=list, title="Freins", max_length=12)
    hebergement_sortie: (
        Literal[
            "logement_personnel",
            "famille_amis",
            "hebergement_associatif",
            "structure_placement_exterieur",
            "sans_solution",
            "ne_sait_pas",
        ]
        | None
    ) = Field(None, title="Hébergement à la sortie")
    pieces_identite: (
        Literal[
            "cni_ou_passeport_valide",
            "titre_sejour_valide",
            "expire",
            "absent_perdu",
            "demarche_en_cours",
            "non_aborde",
        ]
        | None
    ) = Field(None, title="Pièces d'identité")
    nationalite_ue: bool | None = Field(None, title="Nationalité UE (si utile au droit au travail)")
    droits_sociaux: list[
        Literal[
            "secu_ok",
            "complementaire_sante",
            "rsa_avant",
            "are_avant",
            "aah",
            "aucun",
            "ne_sait_pas",
        ]
    ] = Field(default_factory=list, title="Droits sociaux")
    permis_conduire: (
        Literal[
            "aucun",
            "b_valide",
            "b_suspendu_ou_annule",
            "autres_categories",
            "en_preparation",
            "non_aborde",
        ]
        | None
    ) = Field(None, title="Permis de conduire")
    autonomie_numerique: Literal["autonome", "partielle", "aucune", "non_aborde"] | None = Field(
        None, title="Autonomie numérique"
    )
    enfants_a_charge: Annotated[int, Field(ge=0, le=20)] | None = Field(
        None, title="Enfants à charge"
    )
    besoin_garde: bool | None = Field(None, title="Besoin de garde d'enfants")
    ressources_personnes: list[Libelle] = Field(
        default_factory=list,
        title="Personnes ressources (sans identité complète)",
        max_length=15,
    )

    @model_validator(mode="after")
    def _une_ligne_par_categorie(self) -> "EtapeFreins":
        categories = [f.categorie for f in self.freins]
        if len(categories) != len(set(categories)):
            raise PydanticCustomError(
                "frein_en_double", "Chaque catégorie de frein ne peut figurer qu'une fois."
            )
        return self


# --- Step 6 -----------------------------------------------------------------------------------


class Projet(ModeleDomaine):
    libelle_personne: Libelle = Field(title="Projet (mots de la personne)")
    code_rome: CodeRome | None = Field(None, title="Fiche ROME")
    type: TypeProjet = Field(TypeProjet.A_CONSTRUIRE, title="Type de projet")
    maturite: MaturiteProjet = Field(MaturiteProjet.PISTE, title="Maturité")
    importance_0_10: Echelle010 | None = Field(None, title="Importance (0 à 10)")
    confiance_0_10: Echelle010 | None = Field(None, title="Confiance (0 à 10)")
    leviers: list[Libelle] = Field(default_factory=list, title="Leviers", max_length=10)
    obstacles_percus: list[Libelle] = Field(
        default_factory=list, title="Obstacles perçus", max_length=10
    )


class EtapeProjet(EtapeBase):
    numero: ClassVar[int] = 6
    cle: ClassVar[str] = "projet"
    titre: ClassVar[str] = "Projet professionnel et motivation"

    projets: Annotated[list[Projet], Field(min_length=1, max_length=3)] | None = Field(
        None, title="Projets (1 à 3)"
    )
    projet_prioritaire_index: Annotated[int, Field(ge=0, le=2)] | None = Field(
        None, title="Projet prioritaire"
    )
    disposition_formation: (
        Literal["oui", "plutot_oui", "plutot_non", "non", "ne_sait_pas"] | None
    ) = Field(None, title="Disposition à se former")
    souhait_travail_en_detention: bool | None = Field(
        None, title="Souhait de travailler en détention"
    )
    citation_cle: TexteCourt | None = Field(
        None, title="Citation clé (avec l'accord de la personne)"
    )

    @model_validator(mode="after")
    def _prioritaire_existe(self) -> "EtapeProjet":
        if self.projet_prioritaire_index is not None and (
            not self.projets or self.projet_prioritaire_index >= len(self.projets)
        ):
            raise PydanticCustomError(
                "prioritaire_inexistant", "Le projet prioritaire doit être l'un des projets notés."
            )
        return self


# --- Step 7 -----------------------------------------------------------------------------------

RegleApplicable = Literal[
    "aucune",
    "cnaps_securite_privee",
    "taxi_vtc_r3120_8",
    "mineurs_l133_6_casf",
    "banque_l500_1_cmf",
    "fonction_publique_l321_1",
    "agent_immobilier_hoguet",
    "badge_aeroport",
    "transport_l114_2_csi",
    "autre",
]
PisteLevee = Literal[
    "aucune", "demande_exclusion_b2", "attendre_delai", "metier_voisin", "verification_spip_avocat"
]


class Formation(ModeleDomaine):
    intitule: Libelle = Field(title="Intitulé de la formation")
    organisme: Libelle | None = Field(None, title="Organisme")
    certification: Libelle | None = Field(None, title="Certification visée")
    accessible_en_detention: bool | None = Field(None, title="Accessible en détention")
    financement: Literal["region", "france_travail", "cpf", "opco", "autre", "inconnu"] = Field(
        "inconnu", title="Financement"
    )


class FaisabiliteProjet(ModeleDomaine):
    code_rome: CodeRome = Field(title="Fiche ROME du projet")
    acces_metier: list[Libelle] = Field(
        default_factory=list, title="Conditions d'accès au métier", max_length=15
    )
    reglemente: bool = Field(False, title="Métier réglementé")
    regle_applicable: RegleApplicable = Field("aucune", title="Règle applicable")
    # Proposed only from declared restrictions and the rule; never inferred from an offence.
    compatibilite: Compatibilite = Field(Compatibilite.A_VERIFIER, title="Compatibilité")
    piste_levee: list[PisteLevee] = Field(default_factory=list, title="Pistes de levée")
    formations_identifiees: list[Formation] = Field(
        default_factory=list, title="Formations identifiées", max_length=10
    )
    metiers_voisins: list[CodeRome] = Field(
        default_factory=list, title="Métiers voisins (codes ROME)", max_length=10
    )
    tension_marche: Literal["forte", "moyenne", "faible", "inconnue"] = Field(
        "inconnue", title="Tension du marché"
    )

    @model_validator(mode="after")
    def _regle_si_reglemente(self) -> "FaisabiliteProjet":
        if self.regle_applicable != "aucune" and not self.reglemente:
            raise PydanticCustomError(
                "regle_sans_reglementation",
                "Une règle d'accès n'a de sens que pour un métier marqué réglementé.",
            )
        return self


class EtapeFaisabilite(EtapeBase):
    numero: ClassVar[int] = 7
    cle: ClassVar[str] = "faisabilite"
    titre: ClassVar[str] = "Faisabilité et compatibilité du projet"

    par_projet: Annotated[list[FaisabiliteProjet], Field(min_length=1, max_length=3)] | None = (
        Field(None, title="Faisabilité par projet")
    )


# --- Step 8 -----------------------------------------------------------------------------------

Dispositif = Literal[
    "aucun",
    "cddi_iae",
    "pass_iae",
    "pmsmp",
    "cej",
    "formation_regionale",
    "cep_travail_detention",
    "contrat_pro",
    "apprentissage",
    "pec",
    "interim_etti",
    "sas",
    "autre",
]


class Action(ModeleDomaine):
    libelle: TexteCourt = Field(title="Action")
    moment: MomentAction = Field(title="Moment")
    echeance: date | None = Field(None, title="Échéance")
    porteur: Porteur = Field(Porteur.PERSONNE, title="Porteur")
    partenaire: TypePartenaire | None = Field(None, title="Partenaire")
    thematique_data_inclusion: Annotated[str, Field(pattern=r"^[a-z0-9-]+--[a-z0-9-]+$")] | None = (
        Field(None, title="Thématique data·inclusion")
    )
    dispositif: Dispositif | None = Field(None, title="Dispositif")
    lien_amenagement: AmenagementEnvisage | None = Field(None, title="Lien avec un aménagement")
    statut: Literal["a_faire", "en_cours", "fait", "abandonne"] = Field("a_faire", title="Statut")


class EtapePlanAction(EtapeBase):
    numero: ClassVar[int] = 8
    cle: ClassVar[str] = "plan_action"
    titre: ClassVar[str] = "Plan d'action et préconisations"

    actions: Annotated[list[Action], Field(min_length=1, max_length=6)] | None = Field(
        None, title="Actions (1 à 6)"
    )
    preconisations_conseiller: list[TexteCourt] = Field(
        default_factory=list, title="Préconisations du conseiller", max_length=10
    )
    points_vigilance: list[TexteCourt] = Field(
        default_factory=list, title="Points de vigilance (sans données sensibles)", max_length=10
    )
    prochain_rendez_vous: date | None = Field(None, title="Prochain rendez-vous")


# --- Step 9 -----------------------------------------------------------------------------------


class Consentement(ModeleDomaine):
    destinataire: Destinataire = Field(title="Destinataire")
    perimetre: PerimetrePartage = Field(title="Périmètre")
    accord: bool = Field(title="Accord de la personne")
    date: dt.date = Field(title="Date du recueil")
    recueilli_par: Libelle = Field(title="Recueilli par")


class EtapeSynthese(EtapeBase):
    numero: ClassVar[int] = 9
    cle: ClassVar[str] = "synthese"
    titre: ClassVar[str] = "Synthèse, restitution et consentement"
    champs_techniques: ClassVar[frozenset[str]] = frozenset({"statut_validation"})

    resume_personne: TexteLong | None = Field(None, title="Résumé pour la personne (FALC)")
    synthese_professionnelle: TexteRedige | None = Field(None, title="Synthèse professionnelle")
    consentements: list[Consentement] = Field(
        default_factory=list, title="Consentements", max_length=30
    )
    elements_exclus_par_personne: list[TexteCourt] = Field(
        default_factory=list, title="Éléments que la personne garde pour elle", max_length=20
    )
    statut_validation: StatutValidation = Field(
        StatutValidation.BROUILLON, title="Statut de validation"
    )
    date_transmission_prevue: date | None = Field(None, title="Date de transmission prévue")


ETAPES: tuple[type[EtapeBase], ...] = (
    EtapeCadre,
    EtapeSituation,
    EtapeFormation,
    EtapeExperiences,
    EtapeCompetences,
    EtapeFreins,
    EtapeProjet,
    EtapeFaisabilite,
    EtapePlanAction,
    EtapeSynthese,
)
"""The steps in interview order; index == step number."""


def etape_par_cle(cle: str) -> type[EtapeBase]:
    for etape in ETAPES:
        if etape.cle == cle:
            return etape
    raise KeyError(cle)
