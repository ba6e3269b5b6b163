"""French labels of enumeration values and of the Literal choices of the steps, for what the
counsellor reads.

`libelle(valeur)` labels any value of `enums.py`; `libelle_valeur(modele, champ, valeur)` labels
the value of one field of a model (an enumeration or a Literal of `steps.py`).
"""

from enum import StrEnum
from typing import Any

from assistant.domain.enums import (
    AmenagementEnvisage,
    CategorieFrein,
    Compatibilite,
    Destinataire,
    EtatEtape,
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
    ProfilDeroule,
    StatutPenal,
    StatutValidation,
    TypeBrouillon,
    TypeContrat,
    TypeEtablissement,
    TypeExperience,
    TypePartenaire,
    TypeProjet,
    TypeRencontre,
)

TYPES_ETABLISSEMENT: dict[TypeEtablissement, str] = {
    TypeEtablissement.MAISON_ARRET: "Maison d'arrêt",
    TypeEtablissement.QUARTIER_MAISON_ARRET: "Quartier maison d'arrêt",
    TypeEtablissement.CENTRE_PENITENTIAIRE: "Centre pénitentiaire",
    TypeEtablissement.CENTRE_DETENTION: "Centre de détention",
    TypeEtablissement.MAISON_CENTRALE: "Maison centrale",
    TypeEtablissement.SAS: "SAS (accompagnement sortie)",
    TypeEtablissement.CENTRE_SEMI_LIBERTE: "Centre de semi-liberté",
    TypeEtablissement.AUTRE: "Autre",
}

HORIZONS_SORTIE: dict[HorizonSortie, str] = {
    HorizonSortie.MOINS_3_MOIS: "Moins de 3 mois",
    HorizonSortie.DE_3_A_6_MOIS: "3 à 6 mois",
    HorizonSortie.DE_6_A_12_MOIS: "6 à 12 mois",
    HorizonSortie.DE_12_A_24_MOIS: "12 à 24 mois",
    HorizonSortie.PLUS_24_MOIS: "Plus de 24 mois",
    HorizonSortie.INCONNU: "Inconnu",
}

STATUTS_PENAUX: dict[StatutPenal, str] = {
    StatutPenal.PREVENU: "Prévenu",
    StatutPenal.CONDAMNE: "Condamné",
    StatutPenal.CONDAMNE_ET_PREVENU: "Condamné et prévenu",
    StatutPenal.NE_SOUHAITE_PAS_DIRE: "Ne souhaite pas dire",
}

AMENAGEMENTS: dict[AmenagementEnvisage, str] = {
    AmenagementEnvisage.AUCUN: "Aucun",
    AmenagementEnvisage.SEMI_LIBERTE: "Semi-liberté",
    AmenagementEnvisage.PLACEMENT_EXTERIEUR: "Placement extérieur",
    AmenagementEnvisage.DDSE: "Détention à domicile sous surveillance électronique (bracelet)",
    AmenagementEnvisage.LIBERATION_CONDITIONNELLE: "Libération conditionnelle",
    AmenagementEnvisage.LIBERATION_SOUS_CONTRAINTE: "Libération sous contrainte",
    AmenagementEnvisage.NE_SAIT_PAS: "Ne sait pas",
}

NIVEAUX_CERTIFICATION: dict[NiveauCertification, str] = {
    NiveauCertification.SANS_DIPLOME: "Sans diplôme",
    NiveauCertification.NIVEAU_3_CAP_BEP: "Niveau 3 (CAP, BEP)",
    NiveauCertification.NIVEAU_4_BAC: "Niveau 4 (bac)",
    NiveauCertification.NIVEAU_5_BAC2: "Niveau 5 (bac + 2)",
    NiveauCertification.NIVEAU_6_LICENCE: "Niveau 6 (licence)",
    NiveauCertification.NIVEAU_7_8: "Niveau 7 ou 8 (master, doctorat)",
    NiveauCertification.DIPLOME_ETRANGER: "Diplôme étranger",
    NiveauCertification.INCONNU: "Inconnu",
}

MAITRISES_ECRIT: dict[MaitriseEcrit, str] = {
    MaitriseEcrit.AISANCE: "À l'aise",
    MaitriseEcrit.DIFFICULTES_PARTIELLES: "Difficultés partielles",
    MaitriseEcrit.GRANDES_DIFFICULTES: "Grandes difficultés",
    MaitriseEcrit.NON_EVALUE: "Non évaluée",
}

MAITRISES_ORAL: dict[MaitriseFrancaisOral, str] = {
    MaitriseFrancaisOral.LANGUE_MATERNELLE: "Langue maternelle",
    MaitriseFrancaisOral.COURANT: "Courant",
    MaitriseFrancaisOral.INTERMEDIAIRE: "Intermédiaire",
    MaitriseFrancaisOral.DEBUTANT: "Débutant",
}

TYPES_EXPERIENCE: dict[TypeExperience, str] = {
    TypeExperience.EMPLOI_SALARIE: "Emploi salarié",
    TypeExperience.INTERIM: "Intérim",
    TypeExperience.INDEPENDANT: "Indépendant",
    TypeExperience.TRAVAIL_NON_DECLARE: "Travail non déclaré",
    TypeExperience.BENEVOLAT: "Bénévolat",
    TypeExperience.TRAVAIL_EN_DETENTION: "Travail en détention",
    TypeExperience.STAGE_OU_FORMATION: "Stage ou formation",
    TypeExperience.AIDE_FAMILIALE: "Aide familiale",
}

TYPES_CONTRAT: dict[TypeContrat, str] = {
    TypeContrat.CDI: "CDI",
    TypeContrat.CDD: "CDD",
    TypeContrat.INTERIM: "Intérim",
    TypeContrat.CDDI: "CDDI (insertion)",
    TypeContrat.APPRENTISSAGE: "Apprentissage",
    TypeContrat.PROFESSIONNALISATION: "Contrat de professionnalisation",
    TypeContrat.PEC: "Parcours emploi compétences (PEC)",
    TypeContrat.CONTRAT_EMPLOI_PENITENTIAIRE: "Contrat d'emploi pénitentiaire",
    TypeContrat.INDEPENDANT: "Indépendant",
    TypeContrat.SANS_CONTRAT: "Sans contrat",
    TypeContrat.INCONNU: "Inconnu",
}

CATEGORIES_FREIN: dict[CategorieFrein, str] = {
    CategorieFrein.LOGEMENT: "Logement",
    CategorieFrein.SANTE: "Santé",
    CategorieFrein.ADDICTIONS: "Addictions",
    CategorieFrein.MOBILITE: "Mobilité",
    CategorieFrein.FAMILLE_GARDE_ENFANTS: "Famille, garde d'enfants",
    CategorieFrein.FINANCES_DETTES: "Finances, dettes",
    CategorieFrein.DROITS_PAPIERS: "Droits et papiers",
    CategorieFrein.JUSTICE_OBLIGATIONS: "Obligations de justice",
    CategorieFrein.NUMERIQUE: "Numérique",
    CategorieFrein.LANGUE_ILLETTRISME: "Langue, illettrisme",
    CategorieFrein.EQUIPEMENT_ALIMENTATION: "Équipement, alimentation",
    CategorieFrein.CONFIANCE_ISOLEMENT: "Confiance en soi, isolement",
}

NIVEAUX_FREIN: dict[NiveauFrein, str] = {
    NiveauFrein.AUCUN: "Aucun",
    NiveauFrein.LEGER: "Léger",
    NiveauFrein.IMPORTANT: "Important",
    NiveauFrein.BLOQUANT: "Bloquant",
    NiveauFrein.NON_ABORDE: "Non abordé",
}

TYPES_PROJET: dict[TypeProjet, str] = {
    TypeProjet.EMPLOI_DIRECT: "Emploi direct",
    TypeProjet.IAE: "Insertion par l'activité économique (IAE)",
    TypeProjet.FORMATION_QUALIFIANTE: "Formation qualifiante",
    TypeProjet.ALTERNANCE: "Alternance",
    TypeProjet.CREATION_ACTIVITE: "Création d'activité",
    TypeProjet.REMOBILISATION: "Remobilisation",
    TypeProjet.A_CONSTRUIRE: "À construire",
}

MATURITES_PROJET: dict[MaturiteProjet, str] = {
    MaturiteProjet.AUCUNE_IDEE: "Aucune idée pour l'instant",
    MaturiteProjet.PISTE: "Piste",
    MaturiteProjet.PROJET_FORMULE: "Projet formulé",
    MaturiteProjet.PROJET_VERIFIE: "Projet vérifié",
}

COMPATIBILITES: dict[Compatibilite, str] = {
    Compatibilite.COMPATIBLE: "Compatible",
    Compatibilite.A_VERIFIER: "À vérifier",
    Compatibilite.INCOMPATIBLE_PROBABLE: "Incompatibilité probable (à vérifier)",
}

MOMENTS_ACTION: dict[MomentAction, str] = {
    MomentAction.EN_DETENTION: "En détention",
    MomentAction.A_LA_SORTIE: "À la sortie",
    MomentAction.APRES_SORTIE: "Après la sortie",
}

PORTEURS: dict[Porteur, str] = {
    Porteur.PERSONNE: "La personne",
    Porteur.CONSEILLER_AFPA: "Conseiller Afpa",
    Porteur.SPIP: "SPIP",
    Porteur.PARTENAIRE: "Partenaire",
}

TYPES_PARTENAIRE: dict[TypePartenaire, str] = {
    TypePartenaire.SPIP: "SPIP",
    TypePartenaire.FRANCE_TRAVAIL: "France Travail",
    TypePartenaire.MISSION_LOCALE: "Mission locale",
    TypePartenaire.CAP_EMPLOI: "Cap emploi",
    TypePartenaire.SIAE: "Structure d'insertion (SIAE)",
    TypePartenaire.ORGANISME_FORMATION: "Organisme de formation",
    TypePartenaire.CCAS: "CCAS",
    TypePartenaire.CAF: "CAF",
    TypePartenaire.CPAM: "CPAM",
    TypePartenaire.ASSOCIATION_HEBERGEMENT: "Association d'hébergement",
    TypePartenaire.ASSOCIATION_REINSERTION: "Association de réinsertion",
    TypePartenaire.EMPLOYEUR: "Employeur",
    TypePartenaire.AUTRE: "Autre",
}

DESTINATAIRES: dict[Destinataire, str] = {
    Destinataire.ETABLISSEMENT_PENITENTIAIRE: "Établissement pénitentiaire",
    Destinataire.SPIP: "SPIP",
    Destinataire.FRANCE_TRAVAIL: "France Travail",
    Destinataire.MISSION_LOCALE: "Mission locale",
    Destinataire.SIAE: "Structure d'insertion (SIAE)",
    Destinataire.ORGANISME_FORMATION: "Organisme de formation",
    Destinataire.EMPLOYEUR: "Employeur",
    Destinataire.ASSOCIATION: "Association",
    Destinataire.AUTRE: "Autre",
}

PERIMETRES_PARTAGE: dict[PerimetrePartage, str] = {
    PerimetrePartage.SYNTHESE_COMPLETE: "Synthèse complète",
    PerimetrePartage.SYNTHESE_SANS_SANTE_ADDICTIONS: "Synthèse sans santé ni addictions",
    PerimetrePartage.PARCOURS_ET_COMPETENCES: "Parcours et compétences",
    PerimetrePartage.PLAN_ACTION_UNIQUEMENT: "Plan d'action uniquement",
}

STATUTS_VALIDATION: dict[StatutValidation, str] = {
    StatutValidation.BROUILLON: "Brouillon",
    StatutValidation.RELU: "Relu",
    StatutValidation.VALIDE_CONSEILLER: "Validé par le conseiller",
}

NON_REPONSES: dict[NonReponse, str] = {
    NonReponse.NON_ABORDE: "Non abordé",
    NonReponse.REFUS: "Préfère ne pas répondre",
}

PROFILS_DEROULE: dict[ProfilDeroule, str] = {
    ProfilDeroule.P0: "P0 – Prévenu ou date de sortie inconnue",
    ProfilDeroule.P1: "P1 – Sortie dans moins de 3 mois",
    ProfilDeroule.P2: "P2 – Sortie dans 3 à 12 mois",
    ProfilDeroule.P3: "P3 – Sortie dans 12 à 24 mois",
    ProfilDeroule.P4: "P4 – Sortie dans plus de 24 mois",
}

ETATS_ETAPE: dict[EtatEtape, str] = {
    EtatEtape.A_FAIRE: "À faire",
    EtatEtape.EN_COURS: "En cours",
    EtatEtape.FAITE: "Faite",
    EtatEtape.PASSEE: "Passée",
}

TYPES_RENCONTRE: dict[TypeRencontre, str] = {
    TypeRencontre.ACCUEIL: "Entretien d'accueil",
    TypeRencontre.SUIVI: "Entretien de suivi",
    TypeRencontre.FIN_INCARCERATION: "Entretien de fin d'incarcération",
}

TYPES_BROUILLON: dict[TypeBrouillon, str] = {
    TypeBrouillon.SYNTHESE: "Synthèse",
    TypeBrouillon.BILAN_FIN_PROGRAMME: "Bilan de fin de programme",
    TypeBrouillon.CV: "CV",
    TypeBrouillon.LETTRE_MOTIVATION: "Lettre de motivation",
    TypeBrouillon.RESUME_FALC: "Résumé facile à lire (FALC)",
}

TABLES_ENUMS: dict[type[StrEnum], dict[Any, str]] = {
    TypeEtablissement: TYPES_ETABLISSEMENT,
    HorizonSortie: HORIZONS_SORTIE,
    StatutPenal: STATUTS_PENAUX,
    AmenagementEnvisage: AMENAGEMENTS,
    NiveauCertification: NIVEAUX_CERTIFICATION,
    MaitriseEcrit: MAITRISES_ECRIT,
    MaitriseFrancaisOral: MAITRISES_ORAL,
    TypeExperience: TYPES_EXPERIENCE,
    TypeContrat: TYPES_CONTRAT,
    CategorieFrein: CATEGORIES_FREIN,
    NiveauFrein: NIVEAUX_FREIN,
    TypeProjet: TYPES_PROJET,
    MaturiteProjet: MATURITES_PROJET,
    Compatibilite: COMPATIBILITES,
    MomentAction: MOMENTS_ACTION,
    Porteur: PORTEURS,
    TypePartenaire: TYPES_PARTENAIRE,
    Destinataire: DESTINATAIRES,
    PerimetrePartage: PERIMETRES_PARTAGE,
    StatutValidation: STATUTS_VALIDATION,
    NonReponse: NON_REPONSES,
    ProfilDeroule: PROFILS_DEROULE,
    EtatEtape: ETATS_ETAPE,
    TypeRencontre: TYPES_RENCONTRE,
    TypeBrouillon: TYPES_BROUILLON,
}
"""Every enumeration of enums.py with its French labels (a unit test keeps it complete)."""

# --- Literal choices of steps.py, by field name ------------------------------------------------

_NE_SAIT_PAS = "Ne sait pas"
_NON_ABORDE = "Non abordé"

LITTERAUX: dict[str, dict[str, str]] = {
    "support_prefere": {
        "oral": "À l'oral",
        "frise": "Frise chronologique",
        "photolangage": "Photolangage",
        "ecrit": "À l'écrit",
    },
    "restrictions_professionnelles_declarees": {
        "aucune": "Aucune",
        "contact_mineurs": "Pas de contact avec des mineurs",
        "interdiction_exercer_activite": "Interdiction d'exercer une activité",
        "permis_suspendu_annule": "Permis suspendu ou annulé",
        "interdiction_territoire_ou_sejour": "Interdiction de territoire ou de séjour",
        "autre": "Autre",
        "ne_sait_pas": _NE_SAIT_PAS,
    },
    "elements_exterieurs_a_preserver": {
        "emploi": "Emploi",
        "logement": "Logement",
        "formation": "Formation",
        "droits_sociaux": "Droits sociaux",
        "garde_enfants": "Garde des enfants",
        "aucun": "Aucun",
    },
    "tranche_age": {"moins_26_ans": "Moins de 26 ans", "26_ans_et_plus": "26 ans et plus"},
    "motif_fin": {
        "fin_contrat": "Fin de contrat",
        "demission": "Démission",
        "licenciement": "Licenciement",
        "incarceration": "Incarcération",
        "sante": "Raison de santé",
        "autre": "Autre",
        "non_aborde": _NON_ABORDE,
    },
    "derniere_activite_avant_incarceration": {
        "emploi": "En emploi",
        "formation": "En formation",
        "recherche_emploi": "En recherche d'emploi",
        "sans_activite": "Sans activité",
        "non_aborde": _NON_ABORDE,
    },
    "conditions_souhaitees": {
        "exterieur": "Travail en extérieur",
        "interieur": "Travail en intérieur",
        "equipe": "Travail en équipe",
        "autonomie": "Travail en autonomie",
        "contact_public": "Contact avec le public",
        "manuel": "Travail manuel",
        "technique": "Travail technique",
        "horaires_decales_acceptes": "Horaires décalés acceptés",
        "deplacements_acceptes": "Déplacements acceptés",
    },
    "theme_orientation": {
        "sante--acces-aux-soins": "Accès aux soins",
        "sante--addictions": "Addictions",
        "sante--constituer-un-dossier-mdph-invalidite": "Dossier MDPH ou invalidité",
        "sante--sante-mentale": "Santé mentale",
        "sante--sante-sexuelle": "Santé sexuelle",
    },
    "hebergement_sortie": {
        "logement_personnel": "Logement personnel",
        "famille_amis": "Chez de la famille ou des amis",
        "hebergement_associatif": "Hébergement associatif (foyer, CHRS)",
        "structure_placement_exterieur": "Structure de placement extérieur",
        "sans_solution": "Sans solution",
        "ne_sait_pas": _NE_SAIT_PAS,
    },
    "pieces_identite": {
        "cni_ou_passeport_valide": "Carte d'identité ou passeport valide",
        "titre_sejour_valide": "Titre de séjour valide",
        "expire": "Expirées",
        "absent_perdu": "Absentes ou perdues",
        "demarche_en_cours": "Démarche en cours",
        "non_aborde": _NON_ABORDE,
    },
    "droits_sociaux": {
        "secu_ok": "Sécurité sociale ouverte",
        "complementaire_sante": "Complémentaire santé",
        "rsa_avant": "RSA avant l'incarcération",
        "are_avant": "Allocation chômage (ARE) avant l'incarcération",
        "aah": "AAH",
        "aucun": "Aucun",
        "ne_sait_pas": _NE_SAIT_PAS,
    },
    "permis_conduire": {
        "aucun": "Pas de permis",
        "b_valide": "Permis B valide",
        "b_suspendu_ou_annule": "Permis B suspendu ou annulé",
        "autres_categories": "Autres catégories de permis",
        "en_preparation": "Permis en préparation",
        "non_aborde": _NON_ABORDE,
    },
    "autonomie_numerique": {
        "autonome": "Autonome",
        "partielle": "Partielle",
        "aucune": "Aucune",
        "non_aborde": _NON_ABORDE,
    },
    "disposition_formation": {
        "oui": "Oui",
        "plutot_oui": "Plutôt oui",
        "plutot_non": "Plutôt non",
        "non": "Non",
        "ne_sait_pas": _NE_SAIT_PAS,
    },
    "regle_applicable": {
        "aucune": "Aucune",
        "cnaps_securite_privee": "Sécurité privée (carte CNAPS)",
        "taxi_vtc_r3120_8": "Taxi, VTC (art. R3120-8 code des transports)",
        "mineurs_l133_6_casf": "Travail auprès de mineurs (art. L133-6 CASF)",
        "banque_l500_1_cmf": "Banque, finance (art. L500-1 CMF)",
        "fonction_publique_l321_1": "Fonction publique (art. L321-1 CGFP)",
        "agent_immobilier_hoguet": "Agent immobilier (loi Hoguet)",
        "badge_aeroport": "Badge aéroportuaire",
        "transport_l114_2_csi": "Transport (art. L114-2 CSI)",
        "autre": "Autre",
    },
    "piste_levee": {
        "aucune": "Aucune",
        "demande_exclusion_b2": "Demande d'exclusion de la mention au bulletin n° 2",
        "attendre_delai": "Attendre le délai",
        "metier_voisin": "Métier voisin",
        "verification_spip_avocat": "Vérification avec le SPIP ou l'avocat",
    },
    "financement": {
        "region": "Région",
        "france_travail": "France Travail",
        "cpf": "CPF",
        "opco": "OPCO",
        "autre": "Autre",
        "inconnu": "Inconnu",
    },
    "tension_marche": {
        "forte": "Forte",
        "moyenne": "Moyenne",
        "faible": "Faible",
        "inconnue": "Inconnue",
    },
    "dispositif": {
        "aucun": "Aucun",
        "cddi_iae": "CDDI (insertion par l'activité économique)",
        "pass_iae": "Pass IAE",
        "pmsmp": "Immersion (PMSMP)",
        "cej": "Contrat d'engagement jeune (CEJ)",
        "formation_regionale": "Formation régionale",
        "cep_travail_detention": "Contrat d'emploi pénitentiaire",
        "contrat_pro": "Contrat de professionnalisation",
        "apprentissage": "Apprentissage",
        "pec": "Parcours emploi compétences (PEC)",
        "interim_etti": "Intérim d'insertion (ETTI)",
        "sas": "Structure d'accompagnement vers la sortie (SAS)",
        "autre": "Autre",
    },
    "statut": {
        "a_faire": "À faire",
        "en_cours": "En cours",
        "fait": "Fait",
        "abandonne": "Abandonné",
    },
}
"""Labels of the Literal values of steps.py (a unit test keeps it complete)."""

LITTERAUX_PAR_MODELE: dict[tuple[str, str], dict[str, str]] = {}
"""(model name, field) -> labels, when one field name has different choices in two models."""

_TOUS: dict[str, str] = {
    valeur.value: texte
    for table in (TYPES_ETABLISSEMENT, HORIZONS_SORTIE, STATUTS_PENAUX)
    for valeur, texte in table.items()
}


def _par_defaut(valeur: str) -> str:
    return valeur.replace("_", " ").capitalize()


def libelle(valeur: StrEnum | None, vide: str = "—") -> str:
    """The French label of an enumeration value, or `vide` when there is none."""
    if valeur is None:
        return vide
    table = TABLES_ENUMS.get(type(valeur))
    if table is not None and valeur in table:
        return table[valeur]
    return _TOUS.get(valeur.value, _par_defaut(valeur.value))


def libelle_valeur(modele: type | str, champ: str, valeur: Any, vide: str = "—") -> str:
    """The French label of the value of `champ` in `modele` (a class or its name).

    Enumeration values use `libelle`; Literal choices use the tables above; anything else
    (a boolean, a number, a free text) is shown plainly.
    """
    if valeur is None:
        return vide
    if isinstance(valeur, StrEnum):
        return libelle(valeur, vide)
    if isinstance(valeur, bool):
        return "Oui" if valeur else "Non"
    if not isinstance(valeur, str):
        return str(valeur)
    nom = modele if isinstance(modele, str) else getattr(modele, "__name__", str(modele))
    table = LITTERAUX_PAR_MODELE.get((nom, champ)) or LITTERAUX.get(champ)
    if table is not None and valeur in table:
        return table[valeur]
    annotation = None if isinstance(modele, str) else _annotation(modele, champ)
    for enum in _enums_de(annotation):
        try:
            return libelle(enum(valeur), vide)
        except ValueError:
            continue
    return _par_defaut(valeur)


def _annotation(modele: type, champ: str) -> Any:
    champs = getattr(modele, "model_fields", None)
    if not champs or champ not in champs:
        return None
    return champs[champ].annotation


def _enums_de(annotation: Any) -> list[type[StrEnum]]:
    """The enumeration classes found inside an annotation (`X | None`, `list[X]`...)."""
    from typing import get_args

    trouves: list[type[StrEnum]] = []
    pile = [annotation]
    while pile:
        courant = pile.pop()
        if isinstance(courant, type) and issubclass(courant, StrEnum):
            trouves.append(courant)
        else:
            pile.extend(get_args(courant))
    return trouves
