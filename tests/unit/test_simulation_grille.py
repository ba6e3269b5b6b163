"""The feedback grid: strengths first, two areas at most, criteria not observed, overrides, the
dossier record and progress across simulations."""

from datetime import date

import pytest

from assistant.domain.dossier import Dossier
from assistant.domain.errors import DonneesInvalides
from assistant.simulation.conduite import Echange, Simulation
from assistant.simulation.criteres import CRITERES
from assistant.simulation.grille import noter, noter_simulation, override, presenter
from assistant.simulation.plan import PosteCible, QuestionPlan, preparer
from assistant.simulation.resultat import progression, transcription_texte, vers_modele

pytestmark = pytest.mark.unit

CARISTE = PosteCible(
    "N1101",
    "Cariste",
    competences=("Conduire un chariot élévateur en respectant les normes de sécurité",),
    contextes=("Travail en horaires décalés",),
)


def _q(id_: str, *criteres: str) -> QuestionPlan:
    return QuestionPlan(id_, "metier", "Question ?", criteres)  # type: ignore[arg-type]


ECHANGES = [
    Echange(
        _q("a.presentation", "presentation_de_soi", "lien_parcours_poste"),
        "J'ai travaillé trois ans comme magasinier, j'ai passé mon CACES et aujourd'hui je "
        "souhaite devenir cariste.",
    ),
    Echange(_q("a.exemple", "exemples_concrets"), "Je suis sérieux."),
    Echange(_q("a.periode", "explication_periode_detention"), "Prison."),
    Echange(_q("a.dispo", "disponibilites_contraintes"), "Ça dépend, on verra."),
    Echange(_q("a.questions", "questions_au_recruteur"), "Quels sont les horaires de l'équipe ?"),
]


def test_strengths_first_and_two_areas_at_most() -> None:
    grille = noter(ECHANGES, CARISTE, "interim")
    notes = [c.note_1_4 for c in grille.criteres]
    assert notes == sorted(notes, reverse=True)
    assert grille.criteres[0].critere == "presentation_de_soi"
    # Three low notes; the gap answer comes first on a tie with the lowest note.
    assert grille.axes_progres == ["explication_periode_detention", "exemples_concrets"]
    assert grille.points_forts == [
        "presentation_de_soi",
        "lien_parcours_poste",
        "questions_au_recruteur",
    ]
    texte = presenter(grille)
    assert texte.startswith("Entraînement — ce n'est pas une évaluation.")
    assert texte.index("Ce qui va bien") < texte.index("À travailler en priorité")


def test_criteria_not_observed_are_listed_not_scored() -> None:
    grille = noter(ECHANGES, CARISTE, "interim")
    raisons = {n.critere: n.raison for n in grille.non_notes}
    assert raisons["communication_non_verbale"] == "non_observable"
    assert raisons["accueil_presentation"] == "non_observable"
    assert raisons["savoir_etre"] == "non_aborde"
    assert grille.note("communication_non_verbale") is None
    assert len(grille.criteres) + len(grille.non_notes) == 10


def test_when_everything_is_good_one_area_remains_to_practise() -> None:
    bons = [
        Echange(
            _q("b.p", "presentation_de_soi"),
            "J'ai travaillé trois ans comme magasinier, aujourd'hui je souhaite devenir cariste.",
        ),
        Echange(_q("b.q", "questions_au_recruteur"), "Quels sont les horaires de l'équipe ?"),
    ]
    grille = noter(bons, CARISTE, "interim")
    assert grille.axes_progres == ["questions_au_recruteur"]
    assert grille.points_forts == ["presentation_de_soi"]


def test_the_best_answer_counts_for_a_criterion() -> None:
    echanges = [
        Echange(_q("c.1", "exemples_concrets"), "Je suis sérieux."),
        Echange(
            _q("c.2", "exemples_concrets"),
            "Un jour à l'atelier, j'ai réparé la palette et au final le camion est parti à "
            "l'heure.",
        ),
    ]
    note = noter(echanges, CARISTE, "interim").note("exemples_concrets")
    assert note is not None and note.note_1_4 == 4 and note.question_id == "c.2"


def test_counsellor_override_replaces_or_adds_a_criterion() -> None:
    grille = noter(ECHANGES, CARISTE, "interim")
    grille = override(grille, "communication_non_verbale", 4, "Regard franc, voix posée.")
    note = grille.note("communication_non_verbale")
    assert note is not None and note.source == "conseiller" and note.regle == "conseiller"
    assert note.conseil  # the file's default tip
    assert all(n.critere != "communication_non_verbale" for n in grille.non_notes)
    grille = override(grille, "explication_periode_detention", 3, "Réponse calme.", "Gardez-la.")
    assert "explication_periode_detention" not in grille.axes_progres
    assert grille.note("explication_periode_detention").conseil == "Gardez-la."  # type: ignore[union-attr]


@pytest.mark.parametrize(("note", "observation"), [(5, "Bien."), (0, "Bien."), (3, "")])
def test_override_refuses_bad_values_in_french(note: int, observation: str) -> None:
    grille = noter(ECHANGES, CARISTE, "interim")
    with pytest.raises(DonneesInvalides) as exc:
        override(grille, "savoir_etre", note, observation)
    assert "Note (1 à 4)" in str(exc.value) or "Observation" in str(exc.value)


def _simulation_terminee(reponses: dict[str, str]) -> Simulation:
    plan = preparer(CARISTE, "interim", "courte", (2019, 2023), seed=0)
    simulation = Simulation(plan)
    while not simulation.terminee:
        question = simulation.question_courante
        assert question is not None
        simulation.repondre(reponses.get(question.phase, "Je ne sais pas, bof."))
    return simulation


def test_refused_gap_question_in_a_full_run() -> None:
    simulation = _simulation_terminee({"periode": "Je ne veux pas en parler."})
    grille = noter_simulation(simulation)
    assert grille.note("explication_periode_detention") is None
    refus = next(n for n in grille.non_notes if n.critere == "explication_periode_detention")
    assert refus.raison == "refus" and "votre droit" in refus.texte
    assert refus.conseil and "atelier" in refus.conseil


def test_record_for_the_dossier_and_progress() -> None:
    premiere = _simulation_terminee({})
    seconde = _simulation_terminee(
        {
            "presentation": "J'ai travaillé trois ans comme magasinier, j'ai passé mon CACES et "
            "aujourd'hui je souhaite devenir cariste.",
            "cloture": "Qui sera mon tuteur ? Quels sont les horaires de l'équipe ?",
        }
    )
    dossier = Dossier.ouvrir("TEST-SIM-1", "maison_arret")
    modele = vers_modele(premiere, noter_simulation(premiere), "J'étais stressé.", None)
    assert modele.type_employeur == "interim" and modele.code_rome == "N1101"
    assert modele.poste_vise == "Cariste" and modele.auto_evaluation == "J'étais stressé."
    assert len(modele.axes_progres) <= 2 and len(modele.points_forts) <= 3
    dossier.simulations.append(modele)
    retenue = "J'ai été incarcéré. J'ai passé mon CACES. Aujourd'hui je suis prêt pour ce poste."
    dossier.simulations.append(vers_modele(seconde, noter_simulation(seconde), "  ", retenue))
    assert dossier.simulations[1].auto_evaluation is None
    assert dossier.simulations[1].reponse_periode_detention_travaillee == retenue
    Dossier.model_validate(dossier.model_dump())

    points = progression(dossier)
    assert [n for _, n in points["presentation_de_soi"]] == [2, 4]
    assert [i for i, _ in points["presentation_de_soi"]] == [1, 2]
    assert "communication_non_verbale" not in points
    assert list(points) == [c for c in CRITERES if c in points]  # guide order, for a chart
    assert isinstance(points["questions_au_recruteur"][0][0], int | date)


def test_record_refuses_a_too_long_self_assessment() -> None:
    simulation = _simulation_terminee({})
    with pytest.raises(DonneesInvalides, match="Auto-évaluation"):
        vers_modele(simulation, noter_simulation(simulation), "x" * 1200, None)


def test_transcript_as_text() -> None:
    simulation = _simulation_terminee({"presentation": ""})
    texte = transcription_texte(simulation)
    assert texte.startswith("Recruteur : Présentez-vous") or texte.startswith("Recruteur : Parlez")
    assert "Personne : (silence)" in texte
