"""The simulation state machine: follow-ups on vague answers, refusals respected, bad input."""

import pytest

from assistant.simulation.conduite import MAX_CARACTERES, Simulation, SimulationTerminee
from assistant.simulation.plan import PlanSimulation, PosteCible, preparer

pytestmark = pytest.mark.unit

CARISTE = PosteCible(
    "N1101",
    "Cariste",
    competences=("Conduire un chariot élévateur en respectant les normes de sécurité",),
    contextes=("Travail en horaires décalés",),
    qualites=("Faire preuve de rigueur et de précision",),
)
BONNE = (
    "Un jour à l'atelier, un camion est arrivé en retard. J'ai organisé le déchargement avec un "
    "collègue et au final tout était rangé à temps. J'ai travaillé trois ans comme cariste."
)
BONNES = {
    "disponibilites": "Je suis disponible dès ma sortie en mars, je viendrai en bus.",
    "cloture": "Oui : qui sera mon tuteur les premiers jours ? Quels sont les horaires ?",
    "periode": (
        "J'ai été incarcéré. J'ai travaillé à l'atelier et passé mon CACES. "
        "Aujourd'hui je suis prêt pour ce poste."
    ),
    "structure": (
        "Vous êtes une entreprise de logistique : vos clients sont des magasins, "
        "le cariste charge les camions et range les palettes."
    ),
}


def _bonne(simulation: Simulation) -> str:
    question = simulation.question_courante
    assert question is not None
    return BONNES.get(question.phase, BONNE)


def _plan(duree: str = "courte", seed: int = 0) -> PlanSimulation:
    return preparer(CARISTE, "entreprise", duree, (2019, 2023), seed=seed)  # type: ignore[arg-type]


def _aller_a(simulation: Simulation, phase: str) -> None:
    while simulation.question_courante and simulation.question_courante.phase != phase:
        simulation.repondre(_bonne(simulation))


def test_a_good_run_asks_every_question_once() -> None:
    simulation = Simulation(_plan())
    vues = []
    while not simulation.terminee:
        vues.append(simulation.replique_courante)
        tour = simulation.repondre(_bonne(simulation))
        assert tour.est_relance is False
    assert vues == [q.texte for q in simulation.plan.questions]
    assert simulation.question_courante is None and simulation.replique_courante is None
    assert len(simulation.transcription) == 2 * len(simulation.plan.questions)
    assert [r.role for r in simulation.transcription[:2]] == ["recruteur", "personne"]
    with pytest.raises(SimulationTerminee):
        simulation.repondre("Encore une chose.")


def test_a_vague_answer_gets_one_follow_up_only() -> None:
    simulation = Simulation(_plan())
    _aller_a(simulation, "metier")
    question = simulation.question_courante
    assert question is not None
    tour = simulation.repondre("Bof, je sais pas.")
    assert tour.suite is not None and tour.suite != question.texte
    assert tour.remarque == "Relance : réponse à préciser."
    assert simulation.question_courante == question
    assert simulation.replique_courante == tour.suite
    # Still vague after the follow-up: the interview moves on (at most one follow-up).
    second = simulation.repondre("Je sais pas.")
    assert second.est_relance is True
    assert simulation.question_courante != question
    echange = simulation.echanges[-1]
    assert echange.reponse == "Bof, je sais pas." and echange.reponse_relance == "Je sais pas."
    lignes = [r for r in simulation.transcription if r.question_id == question.id]
    assert [r.role for r in lignes] == ["recruteur", "personne", "recruteur", "personne"]
    assert lignes[2].relance is True


def test_follow_up_asks_for_an_example_when_the_question_wants_one() -> None:
    plan = _plan("complete", seed=3)
    simulation = Simulation(plan)
    _aller_a(simulation, "savoir_etre")
    question = simulation.question_courante
    assert question is not None and "exemples_concrets" in question.criteres
    tour = simulation.repondre("Je suis sérieux.")
    assert tour.suite is not None
    assert question.relance is None
    assert "exemple" in tour.suite.lower()


def test_refusing_the_gap_question_is_respected() -> None:
    simulation = Simulation(_plan())
    _aller_a(simulation, "periode")
    question = simulation.question_courante
    assert question is not None
    tour = simulation.repondre("Je préfère ne pas en parler.")
    assert tour.remarque == "Refus respecté : la question n'est pas reposée."
    assert simulation.question_courante != question
    assert tour.suite == simulation.replique_courante
    assert simulation.refus_periode
    assert not any(r.relance for r in simulation.transcription if r.question_id == question.id)


def test_a_vague_gap_answer_gets_a_neutral_follow_up_then_refusal_is_noted() -> None:
    simulation = Simulation(_plan())
    _aller_a(simulation, "periode")
    tour = simulation.repondre("J'ai eu des soucis.")
    assert tour.suite is not None
    # The follow-up turns to what was done, never to the facts.
    assert "fait" in tour.suite or "appris" in tour.suite
    assert "pourquoi" not in tour.suite.lower()
    second = simulation.repondre("Je ne veux pas en parler.")
    assert second.remarque and "Refus respecté" in second.remarque
    assert simulation.refus_periode


def test_a_refusal_elsewhere_is_respected_too() -> None:
    simulation = Simulation(_plan())
    tour = simulation.repondre("Je passe.")
    assert tour.remarque and "Refus respecté" in tour.remarque
    assert simulation.echanges[0].refus
    assert simulation.question_courante == simulation.plan.questions[1]


def test_empty_and_one_word_answers() -> None:
    simulation = Simulation(_plan())
    tour = simulation.repondre("")
    assert tour.remarque == "Relance : réponse vide."
    assert tour.suite is not None and "temps" in tour.suite
    simulation.repondre("   ")
    assert simulation.echanges[0].reponse == "" and simulation.echanges[0].reponse_relance == ""
    assert simulation.transcription[1].texte == ""
    tour = simulation.repondre("Oui.")
    assert tour.remarque == "Relance : réponse à préciser."


def test_no_follow_up_on_small_talk_or_the_close() -> None:
    simulation = Simulation(_plan("complete"))
    assert simulation.question_courante is not None
    assert simulation.question_courante.phase == "accueil"
    tour = simulation.repondre("Oui.")
    assert tour.remarque is None and simulation.question_courante.phase == "presentation"
    _aller_a(simulation, "cloture")
    fin = simulation.repondre("Non.")
    assert fin.suite is None and simulation.terminee


def test_a_very_long_answer_is_cut_and_noted() -> None:
    simulation = Simulation(_plan())
    tour = simulation.repondre("Je travaille. " * 2000)
    assert len(tour.reponse) == MAX_CARACTERES
    assert tour.remarque and str(MAX_CARACTERES) in tour.remarque


def test_control_characters_are_cleaned() -> None:
    simulation = Simulation(_plan())
    tour = simulation.repondre("J'ai travaillé\x00 trois ans comme cariste, aujourd'hui je veux.")
    assert "\x00" not in tour.reponse
