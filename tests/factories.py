"""A complete, fictitious dossier touching every model of the guide, for round-trip tests."""

import typing
from datetime import UTC, date, datetime

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.simulation import CritereGrille, CritereSimulation, SimulationEntretien
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

CRITERES = typing.get_args(CritereSimulation)


def simulation_complete() -> SimulationEntretien:
    return SimulationEntretien(
        poste_vise="Cariste d'entrepôt",
        code_rome="N1101",
        type_employeur="interim",
        criteres=[
            CritereGrille(
                critere=c,
                note_1_4=1 + i % 4,
                observation="Réponse claire et courte.",
                conseil="Donner un exemple tiré du travail en détention.",
            )
            for i, c in enumerate(CRITERES)
        ],
        auto_evaluation="Je me suis senti plus à l'aise à la fin.",
        points_forts=["Ponctualité", "Calme"],
        axes_progres=["Regarder le recruteur"],
        reponse_periode_detention_travaillee=(
            "J'ai été absent deux ans ; j'en ai profité pour passer mon CACES et travailler "
            "à l'atelier."
        ),
    )


def dossier_complet() -> Dossier:
    """Fictitious person « Fictif-01 » with every step filled."""
    d = Dossier.ouvrir("FICTIF-01", "centre_penitentiaire")
    d.nouvelle_rencontre(date(2026, 3, 2), conseiller_id="cip-07")
    e = d.etapes
    e.cadre.accord_entretien = True
    e.cadre.accord_outil_numerique = True
    e.cadre.information_partage_donnee = True
    e.cadre.interprete = False
    e.cadre.support_prefere = ["oral", "frise"]
    e.situation.statut_penal = "condamne"
    e.situation.horizon_sortie = "de_3_a_6_mois"
    e.situation.date_sortie_previsible = date(2026, 8, 15)
    e.situation.amenagement_envisage = "semi_liberte"
    e.situation.suivi_spip_connu = True
    e.situation.restrictions_professionnelles_declarees = ["permis_suspendu_annule"]
    e.situation.elements_exterieurs_a_preserver = ["logement"]
    e.situation.inquietude_principale = "Retrouver un travail vite pour aider ma sœur."
    e.situation.tranche_age = "26_ans_et_plus"
    e.situation.reconnaissance_handicap = False
    e.situation.region_sortie = "84"
    e.situation.departement_sortie = "69"
    e.formation.niveau_certification = "niveau_3_cap_bep"
    e.formation.diplomes = [Diplome(intitule="CAP maçon", annee=2012)]
    e.formation.certifications_habilitations = ["CACES R489 cat. 3", "SST"]
    e.formation.formations_en_detention = ["Remise à niveau en mathématiques"]
    e.formation.annee_sortie_scolaire = 2012
    e.formation.maitrise_ecrit = "difficultes_partielles"
    e.formation.maitrise_francais_oral = "langue_maternelle"
    e.formation.autres_langues = ["arabe"]
    e.formation.rapport_apprentissage = "J'apprends mieux en faisant qu'en lisant."
    e.experiences.experiences = [
        Experience(
            intitule_libre="Ouvrier du bâtiment",
            code_rome="F1703",
            secteur="BTP",
            type="interim",
            type_contrat="interim",
            debut="2013-05",
            duree_mois=60,
            taches_principales=["Monter des murs en parpaings", "Couler des dalles"],
            ce_qui_a_plu="Le travail en équipe dehors.",
            motif_fin="incarceration",
        ),
        Experience(
            intitule_libre="Auxiliaire cuisine",
            type="travail_en_detention",
            type_contrat="contrat_emploi_penitentiaire",
            debut="2025",
            duree_mois=8,
        ),
    ]
    e.experiences.derniere_activite_avant_incarceration = "emploi"
    e.experiences.inscrit_france_travail_avant = True
    e.experiences.periodes_sans_emploi_valorisables = ["Aide à la rénovation chez un oncle"]
    e.competences.savoirs = ["Lecture de plans"]
    e.competences.savoir_faire = ["Sait monter un mur en parpaings"]
    e.competences.savoir_etre = ["Ponctuel", "Calme"]
    e.competences.competences_rome = ["Réaliser un ouvrage de maçonnerie"]
    e.competences.centres_interet = ["Football"]
    e.competences.conditions_souhaitees = ["exterieur", "equipe", "manuel"]
    e.competences.conditions_exclues = ["Travail de nuit"]
    e.competences.atouts_cles = ["Expérience du gros œuvre", "CACES", "Fiabilité"]
    e.freins.freins = [
        Frein(categorie="logement", niveau="important", besoin_orientation=True),
        Frein(
            categorie="addictions",
            niveau="non_aborde",
            besoin_orientation=True,
            theme_orientation="sante--addictions",
        ),
    ]
    e.freins.hebergement_sortie = "famille_amis"
    e.freins.pieces_identite = "expire"
    e.freins.nationalite_ue = True
    e.freins.droits_sociaux = ["secu_ok"]
    e.freins.permis_conduire = "b_suspendu_ou_annule"
    e.freins.autonomie_numerique = "partielle"
    e.freins.enfants_a_charge = 1
    e.freins.besoin_garde = False
    e.freins.ressources_personnes = ["Sœur à Lyon"]
    e.projet.projets = [
        Projet(
            libelle_personne="Reprendre la maçonnerie",
            code_rome="F1703",
            type="iae",
            maturite="projet_formule",
            importance_0_10=9,
            confiance_0_10=6,
            leviers=["Expérience"],
            obstacles_percus=["Pas de permis"],
        )
    ]
    e.projet.projet_prioritaire_index = 0
    e.projet.disposition_formation = "plutot_oui"
    e.projet.souhait_travail_en_detention = True
    e.projet.citation_cle = "Je veux construire quelque chose de solide."
    e.faisabilite.par_projet = [
        FaisabiliteProjet(
            code_rome="F1703",
            acces_metier=["CAP maçon ou expérience"],
            formations_identifiees=[
                Formation(
                    intitule="Titre professionnel maçon",
                    certification="RNCP 35958",
                    accessible_en_detention=False,
                    financement="region",
                )
            ],
            metiers_voisins=["F1704"],
            tension_marche="forte",
        )
    ]
    e.plan_action.actions = [
        Action(
            libelle="Refaire la carte d'identité",
            moment="en_detention",
            echeance=date(2026, 5, 1),
            porteur="spip",
            partenaire="spip",
            thematique_data_inclusion="difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            dispositif="aucun",
            statut="en_cours",
        ),
        Action(
            libelle="Candidater en chantier d'insertion bâtiment",
            moment="a_la_sortie",
            dispositif="cddi_iae",
            lien_amenagement="semi_liberte",
        ),
    ]
    e.plan_action.preconisations_conseiller = ["Orienter vers une SIAE du BTP"]
    e.plan_action.points_vigilance = ["Permis à repasser"]
    e.plan_action.prochain_rendez_vous = date(2026, 4, 6)
    e.synthese.resume_personne = "Vous voulez reprendre la maçonnerie en chantier d'insertion."
    e.synthese.synthese_professionnelle = "Contexte : entretien d'accueil. Parcours : CAP maçon."
    e.synthese.consentements = [
        Consentement(
            destinataire="spip",
            perimetre="synthese_sans_sante_addictions",
            accord=True,
            date=date(2026, 3, 2),
            recueilli_par="cip-07",
        )
    ]
    e.synthese.elements_exclus_par_personne = ["Situation familiale"]
    e.synthese.date_transmission_prevue = date(2026, 3, 6)
    d.brouillons = [
        Brouillon(
            type="synthese",
            contenu="Synthèse relue.",
            statut="valide_conseiller",
            valide_par="cip-07",
            valide_le=datetime(2026, 3, 3, 10, 0, tzinfo=UTC),
        )
    ]
    d.simulations = [simulation_complete()]
    return d
