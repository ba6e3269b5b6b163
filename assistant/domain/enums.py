"""Enumerations of the interview guide (section B), values exactly as the guide spells them."""

from enum import StrEnum


class StatutPenal(StrEnum):
    PREVENU = "prevenu"
    CONDAMNE = "condamne"
    CONDAMNE_ET_PREVENU = "condamne_et_prevenu"
    NE_SOUHAITE_PAS_DIRE = "ne_souhaite_pas_dire"


class TypeEtablissement(StrEnum):
    MAISON_ARRET = "maison_arret"
    QUARTIER_MAISON_ARRET = "quartier_maison_arret"
    CENTRE_PENITENTIAIRE = "centre_penitentiaire"
    CENTRE_DETENTION = "centre_detention"
    MAISON_CENTRALE = "maison_centrale"
    SAS = "sas"
    CENTRE_SEMI_LIBERTE = "centre_semi_liberte"
    AUTRE = "autre"


class HorizonSortie(StrEnum):
    MOINS_3_MOIS = "moins_3_mois"
    DE_3_A_6_MOIS = "de_3_a_6_mois"
    DE_6_A_12_MOIS = "de_6_a_12_mois"
    DE_12_A_24_MOIS = "de_12_a_24_mois"
    PLUS_24_MOIS = "plus_24_mois"
    INCONNU = "inconnu"


class AmenagementEnvisage(StrEnum):
    AUCUN = "aucun"
    SEMI_LIBERTE = "semi_liberte"
    PLACEMENT_EXTERIEUR = "placement_exterieur"
    DDSE = "ddse"
    LIBERATION_CONDITIONNELLE = "liberation_conditionnelle"
    LIBERATION_SOUS_CONTRAINTE = "liberation_sous_contrainte"
    NE_SAIT_PAS = "ne_sait_pas"


class NiveauCertification(StrEnum):
    SANS_DIPLOME = "sans_diplome"
    NIVEAU_3_CAP_BEP = "niveau_3_cap_bep"
    NIVEAU_4_BAC = "niveau_4_bac"
    NIVEAU_5_BAC2 = "niveau_5_bac2"
    NIVEAU_6_LICENCE = "niveau_6_licence"
    NIVEAU_7_8 = "niveau_7_8"
    DIPLOME_ETRANGER = "diplome_etranger"
    INCONNU = "inconnu"


class MaitriseEcrit(StrEnum):
    AISANCE = "aisance"
    DIFFICULTES_PARTIELLES = "difficultes_partielles"
    GRANDES_DIFFICULTES = "grandes_difficultes"
    NON_EVALUE = "non_evalue"


class MaitriseFrancaisOral(StrEnum):
    LANGUE_MATERNELLE = "langue_maternelle"
    COURANT = "courant"
    INTERMEDIAIRE = "intermediaire"
    DEBUTANT = "debutant"


class TypeExperience(StrEnum):
    EMPLOI_SALARIE = "emploi_salarie"
    INTERIM = "interim"
    INDEPENDANT = "independant"
    TRAVAIL_NON_DECLARE = "travail_non_declare"
    BENEVOLAT = "benevolat"
    TRAVAIL_EN_DETENTION = "travail_en_detention"
    STAGE_OU_FORMATION = "stage_ou_formation"
    AIDE_FAMILIALE = "aide_familiale"


class TypeContrat(StrEnum):
    CDI = "cdi"
    CDD = "cdd"
    INTERIM = "interim"
    CDDI = "cddi"
    APPRENTISSAGE = "apprentissage"
    PROFESSIONNALISATION = "professionnalisation"
    PEC = "pec"
    CONTRAT_EMPLOI_PENITENTIAIRE = "contrat_emploi_penitentiaire"
    INDEPENDANT = "independant"
    SANS_CONTRAT = "sans_contrat"
    INCONNU = "inconnu"


class CategorieFrein(StrEnum):
    LOGEMENT = "logement"
    SANTE = "sante"
    ADDICTIONS = "addictions"
    MOBILITE = "mobilite"
    FAMILLE_GARDE_ENFANTS = "famille_garde_enfants"
    FINANCES_DETTES = "finances_dettes"
    DROITS_PAPIERS = "droits_papiers"
    JUSTICE_OBLIGATIONS = "justice_obligations"
    NUMERIQUE = "numerique"
    LANGUE_ILLETTRISME = "langue_illettrisme"
    EQUIPEMENT_ALIMENTATION = "equipement_alimentation"
    CONFIANCE_ISOLEMENT = "confiance_isolement"


class NiveauFrein(StrEnum):
    AUCUN = "aucun"
    LEGER = "leger"
    IMPORTANT = "important"
    BLOQUANT = "bloquant"
    NON_ABORDE = "non_aborde"


class TypeProjet(StrEnum):
    EMPLOI_DIRECT = "emploi_direct"
    IAE = "iae"
    FORMATION_QUALIFIANTE = "formation_qualifiante"
    ALTERNANCE = "alternance"
    CREATION_ACTIVITE = "creation_activite"
    REMOBILISATION = "remobilisation"
    A_CONSTRUIRE = "a_construire"


class MaturiteProjet(StrEnum):
    AUCUNE_IDEE = "aucune_idee"
    PISTE = "piste"
    PROJET_FORMULE = "projet_formule"
    PROJET_VERIFIE = "projet_verifie"


class Compatibilite(StrEnum):
    COMPATIBLE = "compatible"
    A_VERIFIER = "a_verifier"
    INCOMPATIBLE_PROBABLE = "incompatible_probable"


class MomentAction(StrEnum):
    EN_DETENTION = "en_detention"
    A_LA_SORTIE = "a_la_sortie"
    APRES_SORTIE = "apres_sortie"


class Porteur(StrEnum):
    PERSONNE = "personne"
    CONSEILLER_AFPA = "conseiller_afpa"
    SPIP = "spip"
    PARTENAIRE = "partenaire"


class TypePartenaire(StrEnum):
    SPIP = "spip"
    FRANCE_TRAVAIL = "france_travail"
    MISSION_LOCALE = "mission_locale"
    CAP_EMPLOI = "cap_emploi"
    SIAE = "siae"
    ORGANISME_FORMATION = "organisme_formation"
    CCAS = "ccas"
    CAF = "caf"
    CPAM = "cpam"
    ASSOCIATION_HEBERGEMENT = "association_hebergement"
    ASSOCIATION_REINSERTION = "association_reinsertion"
    EMPLOYEUR = "employeur"
    AUTRE = "autre"


class Destinataire(StrEnum):
    ETABLISSEMENT_PENITENTIAIRE = "etablissement_penitentiaire"
    SPIP = "spip"
    FRANCE_TRAVAIL = "france_travail"
    MISSION_LOCALE = "mission_locale"
    SIAE = "siae"
    ORGANISME_FORMATION = "organisme_formation"
    EMPLOYEUR = "employeur"
    ASSOCIATION = "association"
    AUTRE = "autre"


class PerimetrePartage(StrEnum):
    SYNTHESE_COMPLETE = "synthese_complete"
    SYNTHESE_SANS_SANTE_ADDICTIONS = "synthese_sans_sante_addictions"
    PARCOURS_ET_COMPETENCES = "parcours_et_competences"
    PLAN_ACTION_UNIQUEMENT = "plan_action_uniquement"


class StatutValidation(StrEnum):
    BROUILLON = "brouillon"
    RELU = "relu"
    VALIDE_CONSEILLER = "valide_conseiller"


class NonReponse(StrEnum):
    """Rule A.8: the person may decline any question; the field then records why it is empty."""

    NON_ABORDE = "non_aborde"
    REFUS = "refus"


class ProfilDeroule(StrEnum):
    """Adaptation profiles of section D."""

    P0 = "P0"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class EtatEtape(StrEnum):
    A_FAIRE = "a_faire"
    EN_COURS = "en_cours"
    FAITE = "faite"
    PASSEE = "passee"


class TypeRencontre(StrEnum):
    ACCUEIL = "accueil"
    SUIVI = "suivi"
    FIN_INCARCERATION = "fin_incarceration"


class TypeBrouillon(StrEnum):
    SYNTHESE = "synthese"
    BILAN_FIN_PROGRAMME = "bilan_fin_programme"
    CV = "cv"
    LETTRE_MOTIVATION = "lettre_motivation"
    RESUME_FALC = "resume_falc"
