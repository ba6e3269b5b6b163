"""Three fictional dossiers for demonstrations and training, in a vault of their own.

Nobody here is real: the references say DEMO-FICTIF, the words reported from the person end with
« (fictif) », and the demo vault holds nothing else, which is why its passphrase can be public.
One dossier per adaptation profile of the guide (section D): P0 (a person awaiting trial, first
meeting half done), P1 (release within three months, a follow-up meeting under way) and P3
(release in about eighteen months, a qualifying course in detention). Every date is computed from
`aujourd_hui`, so the demo looks the same whenever it is opened. As everywhere in Passerelle, no
field says anything about the offence (rule A.1).
"""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from assistant.config import Settings
from assistant.domain.dossier import Dossier, Rencontre
from assistant.domain.enums import (
    AmenagementEnvisage,
    EtatEtape,
    HorizonSortie,
    MaitriseEcrit,
    MaitriseFrancaisOral,
    NiveauCertification,
    StatutPenal,
    TypeEtablissement,
)
from assistant.domain.steps import (
    Action,
    Consentement,
    Diplome,
    Experience,
    FaisabiliteProjet,
    Formation,
    Frein,
    Projet,
)
from assistant.locations import Locations
from assistant.session import Session
from assistant.storage.errors import DossierAlreadyExists

PHRASE_SECRETE_DEMO = "demo-passerelle-fictif"
"""Public on purpose: the demo vault only ever holds the fictional dossiers below."""

CONSEILLER_DEMO = "cip-demo"
REFERENCES_DEMO = ("DEMO-FICTIF-P0", "DEMO-FICTIF-P1", "DEMO-FICTIF-P3")


def emplacement_demo(data_dir: Path) -> Path:
    """The data directory of the demo, apart from the counsellor's real vault."""
    return data_dir / "demo"


def _mois_avant(jour: date, mois: int) -> str:
    """« AAAA-MM », `mois` months before `jour`."""
    total = jour.year * 12 + jour.month - 1 - mois
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _etats(rencontre: Rencontre, etats: dict[int, EtatEtape], questions: list[str]) -> None:
    rencontre.etat_etapes = etats
    rencontre.questions_posees = questions


def _ouvrir(reference: str, type_etablissement: TypeEtablissement, premier_rdv: date) -> Dossier:
    dossier = Dossier.ouvrir(
        reference,
        type_etablissement,
        cree_le=datetime.combine(premier_rdv, time(9, 0), tzinfo=UTC),
    )
    dossier.nouvelle_rencontre(premier_rdv, conseiller_id=CONSEILLER_DEMO)
    cadre = dossier.etapes.cadre
    cadre.accord_entretien = True
    cadre.accord_outil_numerique = True
    cadre.information_partage_donnee = True
    cadre.interprete = False
    return dossier


# --- P0: awaiting trial, first meeting half done -----------------------------------------------


def _dossier_p0(aujourd_hui: date) -> Dossier:
    """A man awaiting trial in a maison d'arrêt; steps 0 to 2 done, step 3 in progress."""
    annee = aujourd_hui.year
    d = _ouvrir("DEMO-FICTIF-P0", TypeEtablissement.MAISON_ARRET, aujourd_hui)
    e = d.etapes
    e.cadre.support_prefere = ["oral"]
    e.situation.statut_penal = StatutPenal.PREVENU
    e.situation.horizon_sortie = HorizonSortie.INCONNU
    e.situation.amenagement_envisage = AmenagementEnvisage.NE_SAIT_PAS
    e.situation.suivi_spip_connu = False
    e.situation.restrictions_professionnelles_declarees = ["ne_sait_pas"]
    e.situation.elements_exterieurs_a_preserver = ["emploi", "logement"]
    e.situation.inquietude_principale = (
        "Garder mon poste au dépôt et mon appartement si je sors vite (fictif)."
    )
    e.situation.tranche_age = "26_ans_et_plus"
    e.situation.reconnaissance_handicap = False
    e.situation.region_sortie = "76"
    e.situation.departement_sortie = "31"
    e.formation.niveau_certification = NiveauCertification.NIVEAU_4_BAC
    e.formation.diplomes = [Diplome(intitule="Bac professionnel logistique", annee=annee - 10)]
    e.formation.certifications_habilitations = ["CACES R489 catégorie 3", "SST"]
    e.formation.annee_sortie_scolaire = annee - 10
    e.formation.maitrise_ecrit = MaitriseEcrit.AISANCE
    e.formation.maitrise_francais_oral = MaitriseFrancaisOral.LANGUE_MATERNELLE
    e.formation.autres_langues = ["anglais (notions)"]
    e.formation.rapport_apprentissage = (
        "J'aimais les stages en entrepôt plus que les cours (fictif)."
    )
    # Step 3 is under way: two experiences told so far, the rest still to ask.
    e.experiences.experiences = [
        Experience(
            intitule_libre="Préparateur de commandes en intérim",
            code_rome="N1103",
            secteur="Logistique",
            type="interim",
            type_contrat="interim",
            debut=_mois_avant(aujourd_hui, 112),
            duree_mois=30,
            taches_principales=["Préparer les commandes au scanner", "Filmer les palettes"],
            motif_fin="fin_contrat",
        ),
        Experience(
            intitule_libre="Magasinier dans un dépôt de matériaux",
            code_rome="N1110",
            secteur="Négoce de matériaux",
            type="emploi_salarie",
            type_contrat="cdi",
            debut=_mois_avant(aujourd_hui, 74),
            duree_mois=73,
            taches_principales=["Réceptionner les livraisons", "Tenir l'inventaire"],
            ce_qui_a_plu="La confiance du chef de dépôt (fictif).",
            motif_fin="non_aborde",
        ),
    ]
    _etats(
        d.rencontres[0],
        {0: EtatEtape.FAITE, 1: EtatEtape.FAITE, 2: EtatEtape.FAITE, 3: EtatEtape.EN_COURS},
        [
            "cadre.ce_qu_on_a_dit",
            "cadre.utile",
            "cadre.accords",
            "cadre.support",
            "situation.premiers_jours",
            "situation.suite",
            "situation.en_cours_dehors",
            "situation.inquietude",
            "formation.ecole",
            "formation.certificats",
            "formation.langues",
            "experiences.premier_travail",
            "experiences.a_sa_place",
        ],
    )
    return d


# --- P1: release within three months, follow-up meeting -----------------------------------------


def _dossier_p1(aujourd_hui: date) -> Dossier:
    """A 34-year-old builder, release within three months, housing to find; two meetings."""
    annee = aujourd_hui.year
    premier_rdv = aujourd_hui - timedelta(days=24)
    sortie = aujourd_hui + timedelta(days=75)
    d = _ouvrir("DEMO-FICTIF-P1", TypeEtablissement.CENTRE_PENITENTIAIRE, premier_rdv)
    e = d.etapes
    e.cadre.support_prefere = ["oral", "frise"]
    e.situation.statut_penal = StatutPenal.CONDAMNE
    e.situation.horizon_sortie = HorizonSortie.MOINS_3_MOIS
    e.situation.date_sortie_previsible = sortie
    e.situation.amenagement_envisage = AmenagementEnvisage.LIBERATION_SOUS_CONTRAINTE
    e.situation.suivi_spip_connu = True
    e.situation.restrictions_professionnelles_declarees = ["permis_suspendu_annule"]
    e.situation.elements_exterieurs_a_preserver = ["droits_sociaux"]
    e.situation.inquietude_principale = (
        "Savoir où dormir le jour de la sortie et retrouver vite des chantiers (fictif)."
    )
    e.situation.tranche_age = "26_ans_et_plus"
    e.situation.reconnaissance_handicap = False
    e.situation.region_sortie = "84"
    e.situation.departement_sortie = "69"
    e.formation.niveau_certification = NiveauCertification.NIVEAU_3_CAP_BEP
    e.formation.diplomes = [Diplome(intitule="CAP maçon", annee=annee - 18)]
    e.formation.certifications_habilitations = ["CACES R482 catégorie A", "SST", "Permis B"]
    e.formation.formations_en_detention = ["Remise à niveau en français écrit"]
    e.formation.annee_sortie_scolaire = annee - 18
    e.formation.maitrise_ecrit = MaitriseEcrit.DIFFICULTES_PARTIELLES
    e.formation.maitrise_francais_oral = MaitriseFrancaisOral.LANGUE_MATERNELLE
    e.formation.rapport_apprentissage = "Je retiens mieux en faisant qu'en lisant (fictif)."
    e.experiences.experiences = [
        Experience(
            intitule_libre="Apprenti maçon",
            code_rome="F1703",
            secteur="Gros œuvre",
            type="emploi_salarie",
            type_contrat="apprentissage",
            debut=_mois_avant(aujourd_hui, 235),
            duree_mois=24,
            taches_principales=["Monter des murs en parpaings", "Préparer le mortier"],
            motif_fin="fin_contrat",
        ),
        Experience(
            intitule_libre="Maçon dans une entreprise de gros œuvre",
            code_rome="F1703",
            secteur="Gros œuvre",
            type="emploi_salarie",
            type_contrat="cdi",
            debut=_mois_avant(aujourd_hui, 211),
            duree_mois=50,
            taches_principales=["Monter des murs", "Couler des dalles", "Lire un plan simple"],
            ce_qui_a_plu="Voir la maison monter semaine après semaine (fictif).",
            motif_fin="licenciement",
        ),
        Experience(
            intitule_libre="Coffreur en missions d'intérim",
            code_rome="F1701",
            secteur="Génie civil",
            type="interim",
            type_contrat="interim",
            debut=_mois_avant(aujourd_hui, 150),
            duree_mois=60,
            taches_principales=["Poser et régler des banches", "Ferrailler", "Décoffrer"],
            motif_fin="fin_contrat",
        ),
        Experience(
            intitule_libre="Ouvrier VRD en intérim",
            code_rome="F1702",
            secteur="Travaux publics",
            type="interim",
            type_contrat="interim",
            debut=_mois_avant(aujourd_hui, 90),
            duree_mois=66,
            taches_principales=[
                "Poser des bordures",
                "Monter des regards",
                "Conduire un mini-engin",
            ],
            ce_qui_a_plu="Le travail dehors avec la même équipe (fictif).",
            motif_fin="incarceration",
        ),
        Experience(
            intitule_libre="Auxiliaire d'entretien au service général",
            secteur="Entretien des locaux",
            type="travail_en_detention",
            type_contrat="contrat_emploi_penitentiaire",
            debut=_mois_avant(aujourd_hui, 14),
            duree_mois=10,
            taches_principales=["Petites réparations de maçonnerie", "Peinture"],
            ce_qui_a_plu="Être utile et garder la main (fictif).",
            motif_fin="fin_contrat",
        ),
    ]
    e.experiences.derniere_activite_avant_incarceration = "emploi"
    e.experiences.inscrit_france_travail_avant = True
    e.experiences.periodes_sans_emploi_valorisables = [
        "Rénovation de la maison d'un cousin (fictif)"
    ]
    e.competences.savoirs = ["Lecture de plans simples", "Règles de sécurité sur chantier"]
    e.competences.savoir_faire = [
        "Sait monter un mur en parpaings",
        "Sait poser et régler un coffrage",
        "Sait poser des bordures et des regards",
    ]
    e.competences.savoir_etre = ["Ponctuel", "Aime le travail en équipe"]
    e.competences.competences_rome = ["Réaliser un ouvrage de maçonnerie"]
    e.competences.centres_interet = ["Football", "Bricolage"]
    e.competences.conditions_souhaitees = ["exterieur", "equipe", "manuel"]
    e.competences.conditions_exclues = ["Travail de nuit"]
    e.competences.atouts_cles = [
        "Longue expérience du gros œuvre et des VRD",
        "CACES et SST",
        "Fiable en mission d'intérim",
    ]
    e.freins.freins = [
        Frein(
            categorie="logement",
            niveau="bloquant",
            traitable_en_detention=True,
            besoin_orientation=True,
            commentaire="Aucun hébergement prévu à la sortie pour l'instant (fictif).",
        ),
        Frein(
            categorie="mobilite",
            niveau="important",
            traitable_en_detention=False,
            besoin_orientation=True,
            commentaire="Permis B suspendu ; chantiers souvent hors des transports (fictif).",
        ),
        Frein(
            categorie="droits_papiers",
            niveau="leger",
            traitable_en_detention=True,
            besoin_orientation=False,
            commentaire="Carte d'identité expirée, renouvellement en cours (fictif).",
        ),
    ]
    e.freins.hebergement_sortie = "sans_solution"
    e.freins.pieces_identite = "demarche_en_cours"
    e.freins.nationalite_ue = True
    e.freins.droits_sociaux = ["secu_ok", "are_avant"]
    e.freins.permis_conduire = "b_suspendu_ou_annule"
    e.freins.autonomie_numerique = "partielle"
    e.freins.enfants_a_charge = 0
    e.freins.besoin_garde = False
    e.freins.ressources_personnes = [
        "Un frère dans le Rhône (fictif)",
        "Une agence d'intérim qui le connaît (fictif)",
    ]
    e.projet.projets = [
        Projet(
            libelle_personne="Maçon VRD, d'abord en intérim d'insertion (fictif)",
            code_rome="F1702",
            type="iae",
            maturite="projet_formule",
            importance_0_10=9,
            confiance_0_10=6,
            leviers=["Six ans de VRD en intérim", "CACES R482"],
            obstacles_percus=["Permis suspendu", "Pas encore d'hébergement"],
        ),
        Projet(
            libelle_personne="Coffreur sur de gros chantiers (fictif)",
            code_rome="F1701",
            type="emploi_direct",
            maturite="piste",
            importance_0_10=7,
            confiance_0_10=5,
            leviers=["Cinq ans de coffrage en intérim"],
            obstacles_percus=["Chantiers éloignés"],
        ),
    ]
    e.projet.projet_prioritaire_index = 0
    e.projet.disposition_formation = "plutot_oui"
    e.projet.souhait_travail_en_detention = True
    e.projet.citation_cle = "Sur un chantier, je sais ce que je vaux (fictif)."
    e.faisabilite.par_projet = [
        FaisabiliteProjet(
            code_rome="F1702",
            acces_metier=["CAP ou expérience en travaux publics", "CACES selon les engins"],
            compatibilite="compatible",
            formations_identifiees=[
                Formation(
                    intitule="Titre professionnel maçon en voirie et réseaux divers",
                    certification="RNCP38080",
                    accessible_en_detention=False,
                    financement="region",
                )
            ],
            metiers_voisins=["F1705", "F1704"],
            tension_marche="forte",
        ),
        FaisabiliteProjet(
            code_rome="F1701",
            acces_metier=["CAP ou expérience du coffrage"],
            compatibilite="compatible",
            formations_identifiees=[
                Formation(
                    intitule="Titre professionnel coffreur bancheur",
                    certification="RNCP35312",
                    accessible_en_detention=False,
                    financement="france_travail",
                )
            ],
            metiers_voisins=["F1703"],
            tension_marche="forte",
        ),
    ]
    e.plan_action.actions = [
        Action(
            libelle="Déposer une demande d'hébergement avec le SPIP",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=14),
            porteur="spip",
            partenaire="association_hebergement",
            thematique_data_inclusion=(
                "logement-hebergement--rechercher-une-solution-dhebergement-temporaire"
            ),
            dispositif="aucun",
            lien_amenagement="liberation_sous_contrainte",
            statut="en_cours",
        ),
        Action(
            libelle="Finir le renouvellement de la carte d'identité",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=21),
            porteur="personne",
            partenaire="spip",
            thematique_data_inclusion=(
                "difficultes-administratives-ou-juridiques--"
                "accompagnement-aux-demarches-administratives"
            ),
            statut="en_cours",
        ),
        Action(
            libelle="Refaire un CV centré sur les chantiers VRD",
            moment="en_detention",
            echeance=aujourd_hui - timedelta(days=5),
            porteur="conseiller_afpa",
            thematique_data_inclusion=(
                "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"
            ),
            statut="fait",
        ),
        Action(
            libelle="Contacter une entreprise de travail temporaire d'insertion du BTP",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=30),
            porteur="conseiller_afpa",
            partenaire="siae",
            dispositif="interim_etti",
            lien_amenagement="liberation_sous_contrainte",
        ),
        Action(
            libelle="S'inscrire à France Travail le jour de la sortie",
            moment="a_la_sortie",
            echeance=sortie,
            porteur="personne",
            partenaire="france_travail",
            thematique_data_inclusion=(
                "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"
            ),
        ),
        Action(
            libelle="Se renseigner sur la récupération du permis B",
            moment="apres_sortie",
            echeance=sortie + timedelta(days=60),
            porteur="personne",
            partenaire="autre",
            thematique_data_inclusion="mobilite--preparer-un-permis",
        ),
    ]
    e.plan_action.preconisations_conseiller = [
        "Orienter vers une ETTI du BTP dès la sortie (fictif)",
        "Traiter l'hébergement en premier : l'aménagement en dépend (fictif)",
    ]
    e.plan_action.points_vigilance = [
        "Permis suspendu : viser des chantiers accessibles en transports (fictif)"
    ]
    e.plan_action.prochain_rendez_vous = aujourd_hui + timedelta(days=14)
    e.synthese.resume_personne = (
        "Vous êtes maçon depuis longtemps. Vous voulez reprendre les chantiers de voirie, "
        "d'abord en intérim d'insertion. Avant la sortie : trouver un hébergement et finir la "
        "carte d'identité. (fictif)"
    )
    e.synthese.synthese_professionnelle = (
        "Contexte : entretien d'accueil, sortie prévue dans moins de trois mois (fictif).\n"
        "Parcours : CAP maçon, dix-huit ans de gros œuvre, de coffrage et de VRD, surtout en "
        "intérim.\n"
        "Compétences : maçonnerie, coffrage, pose de bordures ; CACES R482 et SST.\n"
        "Freins et ressources : hébergement à trouver, permis B suspendu ; un frère dans le "
        "Rhône.\n"
        "Projet : maçon VRD en ETTI, piste coffreur.\n"
        "Préconisations : hébergement en priorité, contact ETTI du BTP."
    )
    e.synthese.consentements = [
        Consentement(
            destinataire="spip",
            perimetre="synthese_sans_sante_addictions",
            accord=True,
            date=premier_rdv,
            recueilli_par=CONSEILLER_DEMO,
        ),
        Consentement(
            destinataire="france_travail",
            perimetre="parcours_et_competences",
            accord=True,
            date=premier_rdv,
            recueilli_par=CONSEILLER_DEMO,
        ),
        Consentement(
            destinataire="siae",
            perimetre="plan_action_uniquement",
            accord=False,
            date=premier_rdv,
            recueilli_par=CONSEILLER_DEMO,
        ),
    ]
    e.synthese.elements_exclus_par_personne = ["Relations avec sa famille (fictif)"]
    e.synthese.date_transmission_prevue = premier_rdv + timedelta(days=5)
    _etats(d.rencontres[0], dict.fromkeys(range(10), EtatEtape.FAITE), [])
    # Follow-up meeting (steps 1, 5, 8, 9): situation and barriers reviewed, plan being updated.
    suivi = d.nouvelle_rencontre(aujourd_hui - timedelta(days=3), conseiller_id=CONSEILLER_DEMO)
    _etats(
        suivi,
        {1: EtatEtape.FAITE, 5: EtatEtape.FAITE, 8: EtatEtape.EN_COURS},
        [
            "situation.suite",
            "situation.lieu_sortie",
            "situation.inquietude",
            "freins.hebergement",
            "freins.papiers",
            "freins.mobilite",
            "plan_action.commencer",
        ],
    )
    return d


# --- P3: release in about eighteen months, qualifying course --------------------------------------


def _dossier_p3(aujourd_hui: date) -> Dossier:
    """A young man on a cook's course in detention; first meeting nearly complete."""
    annee = aujourd_hui.year
    premier_rdv = aujourd_hui - timedelta(days=10)
    d = _ouvrir("DEMO-FICTIF-P3", TypeEtablissement.CENTRE_DETENTION, premier_rdv)
    e = d.etapes
    e.cadre.support_prefere = ["oral", "frise", "photolangage"]
    e.situation.statut_penal = StatutPenal.CONDAMNE
    e.situation.horizon_sortie = HorizonSortie.DE_12_A_24_MOIS
    e.situation.date_sortie_previsible = aujourd_hui + timedelta(days=548)
    e.situation.amenagement_envisage = AmenagementEnvisage.NE_SAIT_PAS
    e.situation.suivi_spip_connu = True
    e.situation.restrictions_professionnelles_declarees = ["aucune"]
    e.situation.elements_exterieurs_a_preserver = ["aucun"]
    e.situation.inquietude_principale = "Réussir l'examen de cuisine et ne pas décrocher (fictif)."
    e.situation.tranche_age = "moins_26_ans"
    e.situation.reconnaissance_handicap = False
    e.situation.region_sortie = "75"
    e.situation.departement_sortie = "33"
    e.formation.niveau_certification = NiveauCertification.SANS_DIPLOME
    e.formation.diplomes = [
        Diplome(intitule="Diplôme national du brevet", annee=annee - 9, obtenu=False)
    ]
    e.formation.certifications_habilitations = ["Hygiène alimentaire (HACCP)"]
    e.formation.formations_en_detention = [
        "Titre professionnel commis de cuisine (en cours)",
        "Atelier numérique de base",
    ]
    e.formation.annee_sortie_scolaire = annee - 8
    e.formation.maitrise_ecrit = MaitriseEcrit.DIFFICULTES_PARTIELLES
    e.formation.maitrise_francais_oral = MaitriseFrancaisOral.LANGUE_MATERNELLE
    e.formation.autres_langues = ["portugais (oral)"]
    e.formation.rapport_apprentissage = (
        "L'école, ça n'allait pas ; en cuisine j'apprends en regardant faire (fictif)."
    )
    e.experiences.experiences = [
        Experience(
            intitule_libre="Plongeur en restaurant, saison d'été",
            code_rome="G1605",
            secteur="Restauration",
            type="emploi_salarie",
            type_contrat="cdd",
            debut=_mois_avant(aujourd_hui, 86),
            duree_mois=4,
            taches_principales=["Tenir la plonge", "Ranger la réserve"],
            motif_fin="fin_contrat",
        ),
        Experience(
            intitule_libre="Aide au snack d'un oncle",
            secteur="Restauration rapide",
            type="aide_familiale",
            type_contrat="sans_contrat",
            debut=str(annee - 6),
            taches_principales=["Préparer les sandwichs", "Servir les clients"],
            ce_qui_a_plu="Le contact avec les habitués (fictif).",
            motif_fin="autre",
        ),
        Experience(
            intitule_libre="Équipier en restauration rapide",
            code_rome="G1603",
            secteur="Restauration rapide",
            type="emploi_salarie",
            type_contrat="cdd",
            debut=_mois_avant(aujourd_hui, 60),
            duree_mois=9,
            taches_principales=["Préparer les commandes", "Nettoyer le poste"],
            motif_fin="demission",
        ),
        Experience(
            intitule_libre="Agent de cuisine aux cuisines de l'établissement",
            code_rome="G1607",
            secteur="Restauration collective",
            type="travail_en_detention",
            type_contrat="contrat_emploi_penitentiaire",
            debut=_mois_avant(aujourd_hui, 12),
            duree_mois=12,
            taches_principales=["Éplucher et tailler les légumes", "Servir les plateaux"],
            ce_qui_a_plu="Le coup de feu du midi avec l'équipe (fictif).",
            motif_fin="non_aborde",
        ),
        Experience(
            intitule_libre="Formation commis de cuisine",
            code_rome="G1602",
            secteur="Restauration",
            type="stage_ou_formation",
            type_contrat="sans_contrat",
            debut=_mois_avant(aujourd_hui, 3),
            duree_mois=7,
            taches_principales=["Techniques de base", "Mise en place", "Hygiène"],
            motif_fin="non_aborde",
        ),
    ]
    e.experiences.derniere_activite_avant_incarceration = "recherche_emploi"
    e.experiences.inscrit_france_travail_avant = False
    e.experiences.periodes_sans_emploi_valorisables = [
        "Entraîneur bénévole de futsal pour des enfants (fictif)"
    ]
    e.competences.savoirs = ["Règles d'hygiène en cuisine", "Marche en avant"]
    e.competences.savoir_faire = [
        "Sait éplucher et tailler des légumes",
        "Sait appliquer les règles d'hygiène HACCP",
        "Sait tenir un poste de plonge",
    ]
    e.competences.savoir_etre = ["Régulier", "Calme dans le rush"]
    e.competences.centres_interet = ["Cuisine", "Futsal"]
    e.competences.conditions_souhaitees = [
        "interieur",
        "equipe",
        "manuel",
        "horaires_decales_acceptes",
    ]
    e.competences.conditions_exclues = ["Travailler seul"]
    e.competences.atouts_cles = [
        "Un an aux cuisines de l'établissement",
        "Formation qualifiante en cours",
        "Régularité au travail",
    ]
    e.freins.freins = [
        Frein(
            categorie="numerique",
            niveau="important",
            traitable_en_detention=True,
            besoin_orientation=True,
            commentaire="N'a jamais créé de compte en ligne (fictif).",
        ),
        Frein(
            categorie="confiance_isolement",
            niveau="important",
            traitable_en_detention=True,
            besoin_orientation=True,
            commentaire="Doute de réussir l'examen écrit (fictif).",
        ),
    ]
    e.freins.hebergement_sortie = "famille_amis"
    e.freins.pieces_identite = "cni_ou_passeport_valide"
    e.freins.nationalite_ue = True
    e.freins.droits_sociaux = ["ne_sait_pas"]
    e.freins.permis_conduire = "aucun"
    e.freins.autonomie_numerique = "aucune"
    e.freins.enfants_a_charge = 0
    e.freins.besoin_garde = False
    e.freins.ressources_personnes = [
        "Une tante en Gironde (fictif)",
        "Le formateur cuisine (fictif)",
    ]
    e.projet.projets = [
        Projet(
            libelle_personne="Commis de cuisine, en collectivité puis en restaurant (fictif)",
            code_rome="G1602",
            type="formation_qualifiante",
            maturite="projet_formule",
            importance_0_10=9,
            confiance_0_10=5,
            leviers=["Formation en cours", "Un an aux cuisines"],
            obstacles_percus=["Peur de l'examen", "Démarches en ligne"],
        )
    ]
    e.projet.projet_prioritaire_index = 0
    e.projet.disposition_formation = "oui"
    e.projet.souhait_travail_en_detention = True
    e.projet.citation_cle = "En cuisine, je me sens utile (fictif)."
    e.faisabilite.par_projet = [
        FaisabiliteProjet(
            code_rome="G1602",
            acces_metier=["Accessible sans diplôme ; titre professionnel apprécié", "HACCP"],
            compatibilite="compatible",
            formations_identifiees=[
                Formation(
                    intitule="Titre professionnel commis de cuisine",
                    certification="RNCP38722",
                    accessible_en_detention=True,
                    financement="region",
                )
            ],
            metiers_voisins=["G1607", "G1605"],
            tension_marche="forte",
        )
    ]
    e.plan_action.actions = [
        Action(
            libelle="Passer le titre professionnel commis de cuisine",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=120),
            porteur="personne",
            partenaire="organisme_formation",
            dispositif="formation_regionale",
            statut="en_cours",
        ),
        Action(
            libelle="Atelier numérique : adresse e-mail et espace France Travail",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=60),
            porteur="partenaire",
            partenaire="association_reinsertion",
            thematique_data_inclusion="numerique--maitriser-les-fondamentaux-du-numerique",
        ),
        Action(
            libelle="Simulation d'entretien d'embauche en cuisine",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=150),
            porteur="conseiller_afpa",
            thematique_data_inclusion="trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        ),
        Action(
            libelle="Étudier une candidature en structure d'accompagnement vers la sortie",
            moment="en_detention",
            echeance=aujourd_hui + timedelta(days=365),
            porteur="spip",
            partenaire="spip",
            dispositif="sas",
        ),
        Action(
            libelle="Prendre rendez-vous à la Mission locale un mois avant la sortie",
            moment="a_la_sortie",
            echeance=aujourd_hui + timedelta(days=518),
            porteur="personne",
            partenaire="mission_locale",
            dispositif="cej",
        ),
    ]
    e.plan_action.preconisations_conseiller = [
        "Soutenir l'entrée à l'examen du titre professionnel (fictif)",
        "Travailler la confiance par la simulation d'entretien (fictif)",
    ]
    e.plan_action.points_vigilance = ["Aucune autonomie numérique pour l'instant (fictif)"]
    e.plan_action.prochain_rendez_vous = aujourd_hui + timedelta(days=30)
    _etats(
        d.rencontres[0],
        {**dict.fromkeys(range(9), EtatEtape.FAITE), 9: EtatEtape.EN_COURS},
        ["synthese.resume", "synthese.retenir"],
    )
    return d


def dossiers_demo(aujourd_hui: date) -> list[Dossier]:
    """The three fictional dossiers (profiles P0, P1, P3), dated around `aujourd_hui`."""
    return [_dossier_p0(aujourd_hui), _dossier_p1(aujourd_hui), _dossier_p3(aujourd_hui)]


def installer_demo(session: Session, aujourd_hui: date | None = None) -> list[Dossier]:
    """Write the demo dossiers that the unlocked vault lacks; returns those written.

    Idempotent: a reference already present is left as it is, so a second run adds nothing and
    never overwrites what someone typed during a demonstration.
    """
    existantes, _ = session.dossiers.list()
    deja = {d.reference for d in existantes}
    ecrits: list[Dossier] = []
    for dossier in dossiers_demo(aujourd_hui or date.today()):
        if dossier.reference in deja:
            continue
        # Validate the whole dossier before anything is written: no half-installed demo.
        dossier = Dossier.model_validate(dossier.model_dump())
        try:
            coquille = session.dossiers.create(dossier.reference, dossier.type_etablissement)
        except DossierAlreadyExists:
            continue
        dossier.id = coquille.id
        ecrits.append(session.dossiers.save(dossier))
    return ecrits


def session_demo(settings: Settings, aujourd_hui: date | None = None) -> Session:
    """A session on the demo vault (created on first use), unlocked, with the demo installed.

    The demo vault lives in `emplacement_demo(settings.data_dir)`; the knowledge index is the
    usual one (public data only), so a demonstration does not build a second index.
    """
    locations = Locations(settings.data_dir, vault_dir=emplacement_demo(settings.data_dir))
    session = Session(settings, locations=locations)
    if session.vault_exists:
        session.unlock(PHRASE_SECRETE_DEMO)
    else:
        session.create_vault(PHRASE_SECRETE_DEMO, PHRASE_SECRETE_DEMO)
    installer_demo(session, aujourd_hui)
    return session
