"""Complementary rules of guide section D: age, disability, literacy, regulated jobs, housing."""

from collections.abc import Callable
from dataclasses import dataclass

from assistant.domain.dossier import Dossier
from assistant.domain.enums import (
    HorizonSortie,
    MaitriseEcrit,
    MaitriseFrancaisOral,
    StatutPenal,
    TypeRencontre,
)

EstReglemente = Callable[[str], bool]
"""Tells whether a ROME code is a regulated job; provided by the knowledge pack."""


@dataclass(frozen=True)
class Regle:
    """A rule in force for this dossier, shown to the counsellor; the tool proposes, they decide."""

    code: str
    message: str
    dispositifs: tuple[str, ...] = ()
    action_prioritaire: str | None = None


def langage_simple(dossier: Dossier) -> bool:
    """Great difficulty with writing or beginner French: shorter questions, visual supports."""
    formation = dossier.etapes.formation
    return (
        formation.maitrise_ecrit is MaitriseEcrit.GRANDES_DIFFICULTES
        or formation.maitrise_francais_oral is MaitriseFrancaisOral.DEBUTANT
    )


def codes_rome_des_projets(dossier: Dossier) -> list[str]:
    codes = [p.code_rome for p in dossier.etapes.projet.projets or [] if p.code_rome]
    codes += [f.code_rome for f in dossier.etapes.faisabilite.par_projet or []]
    return list(dict.fromkeys(codes))


def regles_actives(dossier: Dossier, est_reglemente: EstReglemente | None = None) -> list[Regle]:
    situation = dossier.etapes.situation
    regles: list[Regle] = []

    if situation.statut_penal in (StatutPenal.PREVENU, StatutPenal.CONDAMNE_ET_PREVENU):
        regles.append(
            Regle(
                "presomption_innocence",
                "Présomption d'innocence : formulations neutres, aucun scénario qui suppose une "
                "condamnation.",
            )
        )
    if situation.tranche_age == "moins_26_ans":
        regles.append(
            Regle(
                "moins_26_ans",
                "Moins de 26 ans : proposer la Mission locale (CEJ, PACEA) et l'apprentissage.",
                ("Mission locale", "Contrat d'engagement jeune (CEJ)", "PACEA", "Apprentissage"),
            )
        )
    elif situation.tranche_age == "26_ans_et_plus":
        regles.append(
            Regle(
                "26_ans_et_plus",
                "26 ans et plus : le contrat de professionnalisation pour demandeur d'emploi est "
                "possible.",
                ("Contrat de professionnalisation",),
            )
        )
    if situation.reconnaissance_handicap:
        regles.append(
            Regle(
                "handicap_reconnu",
                "Handicap reconnu : Cap emploi, entreprises adaptées, apprentissage sans limite "
                "d'âge.",
                ("Cap emploi", "Entreprise adaptée (EA)", "Apprentissage sans limite d'âge"),
            )
        )
    if langage_simple(dossier):
        oral = dossier.etapes.formation.maitrise_francais_oral is MaitriseFrancaisOral.DEBUTANT
        regles.append(
            Regle(
                "langage_simple",
                "Supports visuels, questions plus courtes, résumé FALC ; ne jamais faire lire la "
                "synthèse sans la lire à voix haute.",
                action_prioritaire=(
                    "Orienter vers un apprentissage du français (FLE)"
                    if oral
                    else "Proposer un repérage des difficultés avec l'écrit (illettrisme)"
                ),
            )
        )
    reglementes = [f.code_rome for f in dossier.etapes.faisabilite.par_projet or [] if f.reglemente]
    if est_reglemente is not None:
        reglementes += [c for c in codes_rome_des_projets(dossier) if est_reglemente(c)]
    if reglementes:
        codes = ", ".join(dict.fromkeys(reglementes))
        regles.append(
            Regle(
                "metier_reglemente",
                f"Projet dans un métier réglementé ({codes}) : montrer la règle et sa référence, "
                "proposer des métiers voisins ; ne jamais conclure seul à l'incompatibilité.",
            )
        )
    sortie_proche = situation.horizon_sortie in (
        HorizonSortie.MOINS_3_MOIS,
        HorizonSortie.DE_3_A_6_MOIS,
    )
    if dossier.etapes.freins.hebergement_sortie == "sans_solution" and sortie_proche:
        regles.append(
            Regle(
                "hebergement_prioritaire",
                "Sans solution d'hébergement et sortie dans moins de 6 mois : l'hébergement est "
                "prioritaire, plusieurs aménagements en dépendent.",
                ("SPIP", "Associations d'hébergement", "SIAO (115)"),
                action_prioritaire="Trouver une solution d'hébergement pour la sortie (SPIP, "
                "associations)",
            )
        )
    rencontre = dossier.rencontre_courante
    if rencontre is not None and rencontre.type is not TypeRencontre.ACCUEIL:
        regles.append(
            Regle(
                "entretien_suivi",
                "Entretien de suivi : reprendre les étapes 1, 5, 8 et 9 et mettre à jour le statut "
                "des actions.",
            )
        )
    return regles
