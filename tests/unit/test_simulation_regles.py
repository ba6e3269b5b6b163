"""Offline scoring rules: for each criterion, answers written for each case, the note and the rule
named in the observation."""

import pytest

from assistant.domain.simulation import CritereSimulation
from assistant.simulation.conduite import Echange
from assistant.simulation.criteres import NON_OBSERVABLES
from assistant.simulation.fichiers import charger_feedback
from assistant.simulation.grille import noter
from assistant.simulation.plan import QuestionPlan
from assistant.simulation.poste import PosteCible
from assistant.simulation.regles import evaluer

pytestmark = pytest.mark.unit

CARISTE = PosteCible(
    "N1101",
    "Cariste",
    competences=(
        "Conduire un chariot élévateur en respectant les normes de sécurité",
        "Charger ou décharger un véhicule utilitaire, un poids lourd",
        "Réceptionner et préparer des commandes",
        "Entreposer des produits",
    ),
    contextes=(
        "Travail en horaires décalés",
        "Port et manipulation de charges lourdes ou encombrantes",
    ),
    reglemente=True,
    qualites=("Faire preuve de rigueur et de précision", "Faire preuve d'autonomie"),
)
LONG = " ".join(
    ["Alors voilà, je vais vous raconter beaucoup de choses sur ma vie et mes envies."] * 25
)
HS = "J'adore le football, je supporte l'OM depuis que je suis petit et je regarde tous les matchs."
CAS = {
    "presentation_de_soi": {
        "complet": (
            "Je m'appelle Karim, j'ai 34 ans. J'ai travaillé trois ans comme magasinier, puis"
            " j'ai passé mon CACES. Aujourd'hui je souhaite devenir cariste."
        ),
        "partiel": "J'ai travaillé trois ans dans le bâtiment, puis j'ai fait de la peinture.",
        "vague": "Je suis quelqu'un de normal, je sais pas trop quoi dire de plus.",
        "hors_sujet": HS,
    },
    "lien_parcours_poste": {
        "complet": (
            "J'ai travaillé deux ans à l'atelier où je chargeais les camions et je préparais "
            "les commandes."
        ),
        "partiel": "Le métier de cariste me plaît, conduire un chariot c'est ce que je veux faire.",
        "vague": "J'aime bien travailler, je suis motivé et je veux un travail stable.",
        "hors_sujet": HS,
    },
    "explication_periode_detention": {
        "complet": (
            "J'ai été incarcéré pendant quatre ans. J'ai travaillé à l'atelier et j'ai passé "
            "mon CACES. Aujourd'hui je suis prêt à reprendre un emploi de cariste."
        ),
        "partiel": "J'ai été incarcéré. Pendant ce temps j'ai suivi une formation en logistique.",
        "vague": "J'ai eu une période difficile, voilà.",
        "hors_sujet": "J'aime beaucoup la musique et la cuisson des gâteaux le dimanche.",
        "details_affaire": (
            "J'ai été condamné pour un vol par le tribunal, mon avocat n'a rien fait. "
            "Aujourd'hui je veux travailler."
        ),
        "negatif": (
            "J'étais en prison, j'ai tout gâché, je suis nul. Mais maintenant je veux travailler."
        ),
    },
    "exemples_concrets": {
        "complet": (
            "Un jour à l'atelier, un camion est arrivé en retard. J'ai organisé le "
            "déchargement avec un collègue et au final tout était rangé avant midi."
        ),
        "partiel": "Un jour à l'atelier, j'ai aidé un collègue à ranger les palettes.",
        "vague": "Je suis quelqu'un de sérieux au travail, je fais toujours ce qu'on me demande.",
        "hors_sujet": HS,
    },
    "connaissance_poste_structure": {
        "complet": (
            "Le cariste charge les camions et range les palettes dans l'entrepôt. Une agence "
            "d'intérim propose des missions dans plusieurs entreprises."
        ),
        "partiel": "Vous proposez des missions dans différentes entreprises.",
        "vague": "Je ne sais pas trop, c'est un travail comme un autre.",
        "hors_sujet": HS,
    },
    "savoir_etre": {
        "complet": (
            "Une fois un collègue n'était pas d'accord. J'ai écouté ce qu'il disait, on a "
            "discuté calmement et on a trouvé une solution ensemble."
        ),
        "partiel": "Je suis ponctuel et je respecte les autres.",
        "vague": "Ça dépend des jours, je fais mon travail normalement.",
        "hors_sujet": HS,
        "ton": "Si un collègue me cherche, je m'énerve, c'est la faute des autres en général.",
    },
    "questions_au_recruteur": {
        "complet": (
            "Oui : comment se passent les premiers jours ? Qui sera mon tuteur sur le poste ?"
        ),
        "partiel": "Quels sont les horaires de l'équipe ?",
        "vague": "Oui, j'en ai plein mais je ne sais plus.",
        "hors_sujet": "Vous avez vu le match d'hier soir ? C'était bien ?",
        "aucune_question": "Non merci, vous avez tout expliqué clairement.",
        "seulement_conditions": "Combien je serai payé ? Et les congés, c'est combien ?",
    },
    "disponibilites_contraintes": {
        "complet": (
            "Je suis disponible dès ma sortie en mars. Je viendrai en bus, j'ai vérifié les "
            "horaires."
        ),
        "partiel": "Je suis disponible tout de suite, dès lundi.",
        "vague": "Ça dépend, on verra bien comment ça se passe.",
        "hors_sujet": HS,
    },
}
COMMUNS = {
    "vide": "",
    "tres_courte": "Oui.",
    "refus": "Je ne veux pas en parler.",
    "trop_long": LONG,
}
NOTES_ATTENDUES = {
    "complet": 4,
    "partiel": 3,
    "vague": 2,
    "hors_sujet": 2,
    "trop_long": 2,
    "details_affaire": 2,
    "negatif": 2,
    "ton": 2,
    "aucune_question": 2,
    "seulement_conditions": 2,
    "vide": 1,
    "tres_courte": 1,
    "refus": 1,
}
TABLE = [
    (critere, regle, texte)
    for critere, cas in CAS.items()
    for regle, texte in [*cas.items(), *COMMUNS.items()]
]


@pytest.mark.parametrize(("critere", "regle", "texte"), TABLE)
def test_rule_and_note_for_each_case(critere: CritereSimulation, regle: str, texte: str) -> None:
    constat = evaluer(critere, texte, CARISTE, "interim")
    assert constat.regle == regle
    assert constat.note == NOTES_ATTENDUES[regle]


@pytest.mark.parametrize(("critere", "regle", "texte"), TABLE)
def test_the_observation_names_the_rule(critere: CritereSimulation, regle: str, texte: str) -> None:
    question = QuestionPlan(f"test.{critere}", "metier", "Question ?", (critere,))
    grille = noter([Echange(question, texte)], CARISTE, "interim")
    if critere == "explication_periode_detention" and regle == "refus":
        # A declined gap question is respected: not scored, but said so.
        assert grille.note(critere) is None
        assert any(n.critere == critere and n.raison == "refus" for n in grille.non_notes)
        return
    note = grille.note(critere)
    assert note is not None
    nom_regle = charger_feedback().regles[regle]
    assert note.observation.endswith(f"(règle : {nom_regle})")
    assert note.regle == regle and note.note_1_4 == NOTES_ATTENDUES[regle]
    assert note.conseil and len(note.observation) <= 200


def test_every_scored_criterion_has_cases() -> None:
    notes = {c for c in CAS}
    assert notes | NON_OBSERVABLES == set(charger_feedback().criteres)


def test_non_observable_criteria_are_not_scored_by_the_rules() -> None:
    for critere in NON_OBSERVABLES:
        with pytest.raises(ValueError, match="conseiller"):
            evaluer(critere, "Bonjour !", CARISTE, "interim")


def test_a_deflection_is_not_a_refusal() -> None:
    texte = (
        "Je préfère ne pas entrer dans les détails, c'est une période personnelle. "
        "Pendant ce temps j'ai passé mon CACES et aujourd'hui je suis prêt "
        "à travailler comme cariste."
    )
    constat = evaluer("explication_periode_detention", texte, CARISTE, "interim")
    assert constat.regle == "complet"


def test_cues_are_reported() -> None:
    constat = evaluer("exemples_concrets", CAS["exemples_concrets"]["complet"], CARISTE, "interim")
    assert "un jour" in constat.indices and "au final" in constat.indices


def test_the_structure_words_follow_the_employer_type() -> None:
    texte = "Vous accompagnez les personnes dans un parcours d'insertion, avec un encadrant."
    assert evaluer("connaissance_poste_structure", texte, CARISTE, "siae").regle == "partiel"
    assert evaluer("connaissance_poste_structure", texte, CARISTE, "interim").regle == "hors_sujet"
