"""Richer feedback through a (fake) chat model: validated against the grid, or the offline grid
with a French message when anything goes wrong."""

import json
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import BaseMessage

from assistant.simulation.conduite import Simulation
from assistant.simulation.criteres import NON_OBSERVABLES
from assistant.simulation.grille import noter_simulation
from assistant.simulation.llm import (
    GrilleLLM,
    ReponseInexploitable,
    feedback_llm,
    feedback_simulation,
    lire_reponse,
)
from assistant.simulation.plan import PosteCible, preparer

pytestmark = pytest.mark.unit

CARISTE = PosteCible("N1101", "Cariste", competences=("Conduire un chariot élévateur",))
OBSERVABLES = [
    "presentation_de_soi",
    "lien_parcours_poste",
    "explication_periode_detention",
    "exemples_concrets",
    "connaissance_poste_structure",
    "savoir_etre",
    "questions_au_recruteur",
    "disponibilites_contraintes",
]


def _simulation(
    periode: str = "J'ai été incarcéré, j'ai passé mon CACES, aujourd'hui je suis prêt.",
) -> Simulation:
    simulation = Simulation(preparer(CARISTE, "interim", "courte", (2019, 2023), seed=0))
    while not simulation.terminee:
        question = simulation.question_courante
        assert question is not None
        texte = (
            periode if question.phase == "periode" else "J'ai travaillé trois ans comme cariste."
        )
        simulation.repondre(texte)
    return simulation


def _grille_json(note: Any = 3, criteres: list[str] = OBSERVABLES, **extra: Any) -> str:
    return json.dumps(
        {
            "criteres": [
                {
                    "critere": c,
                    "note": note,
                    "observation": f"Observation sur {c}.",
                    "conseil": "Préparez un exemple précis.",
                    **extra,
                }
                for c in criteres
            ]
        },
        ensure_ascii=False,
    )


def test_valid_output_is_validated_against_the_grid() -> None:
    simulation = _simulation()
    modele = FakeListChatModel(
        responses=["Voici la grille :\n```json\n" + _grille_json() + "\n```"]
    )
    resultat = feedback_simulation(simulation, modele)
    assert resultat.source == "llm"
    assert resultat.message.startswith("Entraînement — ce n'est pas une évaluation.")
    assert {c.critere for c in resultat.grille.criteres} == set(OBSERVABLES)
    assert all(c.source == "llm" and c.note_1_4 == 3 for c in resultat.grille.criteres)
    assert {n.critere for n in resultat.grille.non_notes} == NON_OBSERVABLES
    assert len(resultat.grille.axes_progres) <= 2


def test_the_prompt_carries_the_grid_and_the_transcript() -> None:
    vus: list[list[BaseMessage]] = []

    class Espion(FakeListChatModel):
        def invoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
            vus.append(messages)
            return super().invoke(messages, *args, **kwargs)

    feedback_simulation(_simulation(), Espion(responses=[_grille_json()]))
    systeme, consigne = (str(m.content) for m in vus[0])
    assert "entraînement" in systeme and "infraction" in systeme
    assert "presentation_de_soi" in consigne and "communication_non_verbale" not in consigne
    assert "Recruteur : Avez-vous des questions pour nous ?" in consigne
    assert "Cariste" in consigne and "Agence d'intérim" in consigne


def test_observable_criteria_left_out_by_the_model_come_from_the_rules() -> None:
    simulation = _simulation()
    resultat = feedback_simulation(
        simulation, FakeListChatModel(responses=[_grille_json(criteres=OBSERVABLES[:3])])
    )
    assert resultat.source == "llm"
    sources = {c.critere: c.source for c in resultat.grille.criteres}
    assert sources["presentation_de_soi"] == "llm"
    assert sources["disponibilites_contraintes"] == "regles"
    assert "Critères repris des règles simples" in resultat.message


def test_model_scores_of_non_observable_criteria_are_ignored() -> None:
    resultat = feedback_simulation(
        _simulation(),
        FakeListChatModel(
            responses=[_grille_json(criteres=[*OBSERVABLES, "communication_non_verbale"])]
        ),
    )
    assert resultat.grille.note("communication_non_verbale") is None


def test_a_refused_gap_question_stays_unscored_even_if_the_model_scores_it() -> None:
    simulation = _simulation(periode="Je ne veux pas en parler.")
    resultat = feedback_simulation(simulation, FakeListChatModel(responses=[_grille_json()]))
    assert resultat.source == "llm"
    assert resultat.grille.note("explication_periode_detention") is None
    assert any(n.raison == "refus" for n in resultat.grille.non_notes)


def test_model_text_about_the_case_is_not_shown() -> None:
    sortie = json.loads(_grille_json())
    sortie["criteres"][2]["observation"] = "Le jugement au tribunal a été bien expliqué."
    resultat = feedback_simulation(_simulation(), FakeListChatModel(responses=[json.dumps(sortie)]))
    note = resultat.grille.note("explication_periode_detention")
    assert note is not None and note.source == "regles"
    assert "tribunal" not in note.observation


@pytest.mark.parametrize(
    ("reponse", "raison"),
    [
        (_grille_json(note=5), "note hors de l'échelle de 1 à 4"),
        (_grille_json(note=0), "note hors de l'échelle de 1 à 4"),
        ('{"criteres": [{"critere": "savoir_etre", "note": 3', "pas au format JSON attendu"),
        ("Je pense que la personne s'en est bien sortie.", "pas au format JSON attendu"),
        ("", "réponse vide"),
        ("   ", "réponse vide"),
        (_grille_json(criteres=["ponctualite"]), "ne respectait pas la grille"),
        (_grille_json(criteres=["savoir_etre", "savoir_etre"]), "ne respectait pas la grille"),
        ('{"criteres": []}', "ne respectait pas la grille"),
        (_grille_json(criteres=["communication_non_verbale"]), "aucun des critères demandés"),
    ],
)
def test_bad_output_falls_back_to_the_offline_grid(reponse: str, raison: str) -> None:
    simulation = _simulation()
    resultat = feedback_simulation(simulation, FakeListChatModel(responses=[reponse]))
    assert resultat.source == "regles"
    assert resultat.grille == noter_simulation(simulation)
    assert resultat.message.startswith("Entraînement — ce n'est pas une évaluation.")
    assert "n'a pas pu être utilisé" in resultat.message and raison in resultat.message
    assert "règles simples" in resultat.message


def test_an_exception_falls_back_without_leaking_the_server_text() -> None:
    class EnPanne(FakeListChatModel):
        def invoke(self, *args: Any, **kwargs: Any) -> Any:
            raise ConnectionError("Personne : J'ai été incarcéré… (texte renvoyé par le serveur)")

    resultat = feedback_simulation(_simulation(), EnPanne(responses=["x"]))
    assert resultat.source == "regles"
    assert "le modèle de langage n'a pas répondu" in resultat.message
    assert "incarcéré" not in resultat.message


def test_the_gateway_is_used_when_given() -> None:
    class Reponse:
        texte = _grille_json()

    class Passerelle:
        def __init__(self) -> None:
            self.appels: list[tuple[list[tuple[str, str]], str]] = []

        def invoquer(self, messages: list[tuple[str, str]], *, dossier_id: str) -> Reponse:
            self.appels.append((messages, dossier_id))
            return Reponse()

    passerelle = Passerelle()
    resultat = feedback_simulation(_simulation(), passerelle, dossier_id="dossier-42")
    assert resultat.source == "llm"
    messages, dossier_id = passerelle.appels[0]
    assert dossier_id == "dossier-42" and [r for r, _ in messages] == ["system", "user"]


def test_gateway_error_message_is_kept() -> None:
    class Indisponible(Exception):
        message = "Le serveur du modèle ne répond pas. Vérifiez qu'il est démarré."

    class Passerelle:
        def invoquer(self, messages: list[tuple[str, str]], *, dossier_id: str) -> Any:
            raise Indisponible()

    resultat = feedback_simulation(_simulation(), Passerelle())
    assert "Le serveur du modèle ne répond pas" in resultat.message


def test_without_a_model_the_offline_grid_is_given() -> None:
    simulation = _simulation()
    resultat = feedback_simulation(simulation, None)
    assert resultat.source == "regles" and resultat.grille == noter_simulation(simulation)
    assert resultat.message.startswith("Entraînement")


def test_lire_reponse_directly() -> None:
    grille = lire_reponse(_grille_json(note="2"))
    assert isinstance(grille, GrilleLLM) and grille.criteres[0].note == 2
    with pytest.raises(ReponseInexploitable):
        lire_reponse(_grille_json(note=2.5))
    trop_long = json.loads(_grille_json())
    trop_long["criteres"][0]["observation"] = "x" * 250
    with pytest.raises(ReponseInexploitable, match="grille"):
        lire_reponse(json.dumps(trop_long))


def test_feedback_llm_with_an_explicit_transcript() -> None:
    simulation = _simulation()
    secours = noter_simulation(simulation)
    resultat = feedback_llm(
        simulation.transcription,
        CARISTE,
        FakeListChatModel(responses=[_grille_json(note=4)]),
        type_employeur="interim",
        secours=secours,
    )
    assert resultat.source == "llm" and all(c.note_1_4 == 4 for c in resultat.grille.criteres)
