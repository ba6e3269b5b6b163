"""The offline rules: one answer, one criterion, one rule that fires (and the cues behind it).

Order of the checks, the same for every criterion: empty answer, refusal, one or two words, then
the criterion's own checks (details of the case and harsh words for the gap question, tone for
soft skills), too long, and finally what the answer contains (complete, partial, vague, off topic).
"""

from dataclasses import dataclass

from assistant.domain.simulation import CritereSimulation, TypeEmployeur
from assistant.simulation import analyse as a
from assistant.simulation.criteres import NON_OBSERVABLES, NOTES, Regle
from assistant.simulation.fichiers import charger_banque
from assistant.simulation.poste import PosteCible

MOTS_TRES_COURTE = 2
"""« Oui. », « Non merci » : too short for the recruiter to learn anything."""
MOTS_REFUS_MAX = 20
"""A refusal is short; a longer answer that starts with « je préfère ne pas… » then says
something else is a deflection, scored on its content."""
LIMITES_MOTS: dict[CritereSimulation, int] = {
    "presentation_de_soi": 250,  # about two minutes spoken
    "explication_periode_detention": 100,  # the gap answer should stay brief
    "questions_au_recruteur": 150,
}
LIMITE_MOTS_DEFAUT = 200


@dataclass(frozen=True)
class Constat:
    """The rule that fired for one answer and one criterion, with the cues found in the answer."""

    critere: CritereSimulation
    regle: Regle
    indices: tuple[str, ...] = ()

    @property
    def note(self) -> int:
        return NOTES[self.regle]


def termes_metier(texte: str, poste: PosteCible) -> set[str]:
    """Word roots of the answer that belong to the job sheet."""
    return a.racines(texte) & poste.racines_metier


def parle_de_travail(texte: str, poste: PosteCible) -> bool:
    return bool(termes_metier(texte, poste)) or a.TRAVAIL.present(texte)


def _sans_contenu(texte: str, poste: PosteCible, *autres: a.Indices) -> Regle:
    """Nothing expected was found: off topic when the answer is not about work at all."""
    if a.VAGUE.present(texte) or parle_de_travail(texte, poste):
        return "vague"
    if any(i.present(texte) for i in autres):
        return "vague"
    return "hors_sujet"


def _presentation(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    parcours = a.PARCOURS.trouver(texte)
    projet = a.PROJET.trouver(texte) + tuple(sorted(termes_metier(texte, poste)))
    if parcours and projet:
        return "complet", parcours + projet
    if parcours or projet:
        return "partiel", parcours + projet
    return _sans_contenu(texte, poste), ()


def _lien(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    metier = tuple(sorted(termes_metier(texte, poste)))
    parcours = a.PARCOURS.trouver(texte)
    if metier and parcours:
        return "complet", metier + parcours
    if metier:
        return "partiel", metier
    return _sans_contenu(texte, poste), parcours


def _periode(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    acquis = a.ACQUIS.trouver(texte)
    avenir = a.AVENIR.trouver(texte) + tuple(sorted(termes_metier(texte, poste)))
    if acquis and avenir:
        return "complet", acquis + avenir
    if acquis or avenir:
        return "partiel", acquis + avenir
    if a.PERIODE.present(texte) or a.VAGUE.present(texte):
        return "vague", a.PERIODE.trouver(texte)
    return "hors_sujet", ()


def _exemples(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    parties = [a.SITUATION.trouver(texte), a.action(texte), a.RESULTAT.trouver(texte)]
    presentes = [p for p in parties if p]
    trouves = tuple(i for p in presentes for i in p)
    if len(presentes) == 3:
        return "complet", trouves
    if len(presentes) == 2:
        return "partiel", trouves
    return _sans_contenu(texte, poste), trouves


def _connaissance(
    texte: str, poste: PosteCible, type_employeur: TypeEmployeur
) -> tuple[Regle, tuple[str, ...]]:
    metier = tuple(sorted(termes_metier(texte, poste))) + a.EPI.trouver(texte)
    mots_structure = charger_banque().employeurs[type_employeur].mots_cles
    structure = a.indices("structure", mots_structure).trouver(texte)
    if len(metier) >= 2 and structure:
        return "complet", metier + structure
    if metier or structure:
        return "partiel", metier + structure
    return _sans_contenu(texte, poste), ()


def _savoir_etre(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    ton = a.TON.trouver(texte)
    if ton:
        return "ton", ton
    qualites = a.SAVOIR_ETRE.trouver(texte)
    montre = a.SITUATION.trouver(texte) + a.action(texte)
    if len(qualites) >= 2 and montre:
        return "complet", qualites + montre
    if qualites:
        return "partiel", qualites
    return _sans_contenu(texte, poste), ()


def _questions(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    posees = a.questions(texte)
    if not posees:
        if a.normaliser(texte).startswith("oui"):
            return "vague", ()
        return "aucune_question", ()
    utiles = [q for q in posees if a.SUJET_RECRUTEUR.present(q) or termes_metier(q, poste)]
    if not utiles:
        if all(a.CONDITIONS.present(q) for q in posees):
            return "seulement_conditions", tuple(posees)
        return "hors_sujet", tuple(posees)
    if len(posees) >= 2:
        return "complet", tuple(posees)
    return "partiel", tuple(posees)


def _disponibilites(texte: str, poste: PosteCible) -> tuple[Regle, tuple[str, ...]]:
    dispo = a.DISPONIBILITE.trouver(texte)
    contraintes = a.CONTRAINTE.trouver(texte)
    if dispo and contraintes:
        return "complet", dispo + contraintes
    if dispo or contraintes:
        return "partiel", dispo + contraintes
    return _sans_contenu(texte, poste), ()


def evaluer(
    critere: CritereSimulation, texte: str, poste: PosteCible, type_employeur: TypeEmployeur
) -> Constat:
    """The rule that fires for this answer on this criterion.

    Raises ValueError for the two criteria only the counsellor can observe.
    """
    if critere in NON_OBSERVABLES:
        raise ValueError(f"Le critère « {critere} » n'est noté que par le conseiller.")
    mots = a.nombre_mots(texte)
    if mots == 0:
        return Constat(critere, "vide")
    refus = a.REFUS.trouver(texte)
    if refus and mots <= MOTS_REFUS_MAX:
        return Constat(critere, "refus", refus)
    if mots <= MOTS_TRES_COURTE:
        return Constat(critere, "tres_courte")
    if critere == "explication_periode_detention":
        affaire = a.AFFAIRE.trouver(texte)
        if affaire:
            return Constat(critere, "details_affaire", affaire)
        negatif = a.NEGATIF.trouver(texte)
        if negatif:
            return Constat(critere, "negatif", negatif)
    if critere == "savoir_etre" and a.TON.present(texte):
        return Constat(critere, "ton", a.TON.trouver(texte))
    if mots > LIMITES_MOTS.get(critere, LIMITE_MOTS_DEFAUT):
        return Constat(critere, "trop_long", (f"{mots} mots",))
    match critere:
        case "presentation_de_soi":
            regle, trouves = _presentation(texte, poste)
        case "lien_parcours_poste":
            regle, trouves = _lien(texte, poste)
        case "explication_periode_detention":
            regle, trouves = _periode(texte, poste)
        case "exemples_concrets":
            regle, trouves = _exemples(texte, poste)
        case "connaissance_poste_structure":
            regle, trouves = _connaissance(texte, poste, type_employeur)
        case "savoir_etre":
            regle, trouves = _savoir_etre(texte, poste)
        case "questions_au_recruteur":
            regle, trouves = _questions(texte, poste)
        case _:
            regle, trouves = _disponibilites(texte, poste)
    return Constat(critere, regle, tuple(dict.fromkeys(trouves)))
