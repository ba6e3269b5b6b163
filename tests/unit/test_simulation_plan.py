"""Simulation plans from real job sheets, and the validation of the simulation's data files."""

import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from assistant.domain.simulation import TypeEmployeur
from assistant.retrieval.knowledge import Knowledge
from assistant.simulation.analyse import normaliser, racines
from assistant.simulation.fichiers import (
    SIMULATION_DIR,
    SimulationFileError,
    charger_atelier,
    charger_banque,
    charger_feedback,
)
from assistant.simulation.plan import PosteCible, preparer

pytestmark = pytest.mark.unit
EMPLOYEURS: tuple[TypeEmployeur, ...] = typing.get_args(TypeEmployeur)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


@pytest.fixture(scope="module")
def cariste(knowledge: Knowledge) -> PosteCible:
    return PosteCible.depuis_fiche(knowledge.fiches["N1101"], knowledge)


@pytest.fixture(scope="module")
def macon(knowledge: Knowledge) -> PosteCible:
    return PosteCible.depuis_fiche(knowledge.fiches["F1703"], knowledge)


def test_postes_built_from_the_real_pack(cariste: PosteCible, macon: PosteCible) -> None:
    assert cariste.intitule == "Cariste" and cariste.code_rome == "N1101"
    assert macon.code_rome == "F1703" and macon.intitule.startswith("Maçon")
    for poste in (cariste, macon):
        assert poste.competences and poste.contextes and poste.qualites
    assert any("chariot" in c.lower() for c in cariste.competences)
    # Contract kinds and structure types are not work contexts a candidate talks about.
    assert not any(c in ("Intérim", "Salarié secteur privé (CDI, CDD)") for c in cariste.contextes)


@pytest.mark.parametrize("type_employeur", EMPLOYEURS)
@pytest.mark.parametrize("code", ["N1101", "F1703"])
@pytest.mark.parametrize("duree", ["courte", "complete"])
def test_gap_and_close_always_there(
    knowledge: Knowledge, code: str, type_employeur: TypeEmployeur, duree: str
) -> None:
    poste = PosteCible.depuis_fiche(knowledge.fiches[code], knowledge)
    for seed in range(4):
        plan = preparer(poste, type_employeur, duree, (2019, 2024), seed=seed)  # type: ignore[arg-type]
        phases = [q.phase for q in plan.questions]
        assert phases.count("periode") == 1
        assert plan.questions[-1].texte == "Avez-vous des questions pour nous ?"
        periode = next(q for q in plan.questions if q.phase == "periode")
        assert "2019" in periode.texte and "2024" in periode.texte
        assert len({q.id for q in plan.questions}) == len(plan.questions)
        assert all("{" not in q.texte for q in plan.questions)
        assert plan.bandeau == "Entraînement — ce n'est pas une évaluation."
        assert plan.introduction.startswith("Entraînement")


def test_the_introduction_elides_before_a_vowel(knowledge: Knowledge) -> None:
    poste = PosteCible.depuis_fiche(knowledge.fiches["F1702"], knowledge)  # Ouvrier en voiries
    plan = preparer(poste, "entreprise", "courte", None, seed=1)
    assert "pour le poste d'ouvrier / ouvrière en voiries" in plan.introduction
    assert " de ouvrier" not in plan.introduction


def test_short_and_full_lengths(cariste: PosteCible) -> None:
    courte = preparer(cariste, "entreprise", "courte", None, seed=1)
    complete = preparer(cariste, "entreprise", "complete", None, seed=1)
    assert len(courte.questions) == 6 and courte.duree_minutes == 10
    assert len(complete.questions) == 11 and complete.duree_minutes == 20
    ordre = [q.phase for q in complete.questions]
    assert ordre[0] == "accueil" and ordre[1] == "presentation"
    assert ordre[-3:] == ["periode", "disponibilites", "cloture"]


def test_gap_question_without_years_is_neutral(macon: PosteCible) -> None:
    for seed in range(6):
        plan = preparer(macon, "siae", "courte", None, seed=seed)
        periode = next(q for q in plan.questions if q.phase == "periode")
        assert not any(ch.isdigit() for ch in periode.texte)
        # Presumption of innocence: the recruiter speaks of a gap, never of prison or a conviction.
        assert not any(m in normaliser(periode.texte) for m in ("prison", "condamn", "detention"))


def test_job_questions_use_the_sheets_skills(cariste: PosteCible, macon: PosteCible) -> None:
    for poste in (cariste, macon):
        racines_competences = racines(" ".join(poste.competences + poste.contextes))
        for seed in range(5):
            plan = preparer(poste, "entreprise", "courte", None, seed=seed)
            metier = next(q for q in plan.questions if q.phase == "metier")
            assert racines(metier.texte) & racines_competences, metier.texte


@pytest.mark.parametrize("type_employeur", EMPLOYEURS)
def test_employer_type_changes_the_questions(
    cariste: PosteCible, type_employeur: TypeEmployeur
) -> None:
    banque = charger_banque()
    for seed in range(4):
        plan = preparer(cariste, type_employeur, "courte", None, seed=seed)
        structure = banque.question(next(q.id for q in plan.questions if q.phase == "structure"))
        assert structure.employeurs == (type_employeur,)
    siae = preparer(cariste, "siae", "complete", None, seed=0)
    assert any("insertion" in q.texte or "encadrant" in q.texte for q in siae.questions)


def test_a_sheet_without_skills_still_works() -> None:
    poste = PosteCible(None, "Agent polyvalent")
    for duree in ("courte", "complete"):
        plan = preparer(poste, "association", duree, (2020, 2023), seed=2)
        assert plan.questions[-1].phase == "cloture"
        assert all("{" not in q.texte for q in plan.questions)
        assert any("agent polyvalent" in q.texte for q in plan.questions)
        # Elision once the title is in place: « d'agent », never « de agent ».
        assert not any("de agent" in q.texte for q in plan.questions)


def test_same_seed_same_plan_and_bad_years(cariste: PosteCible) -> None:
    assert preparer(cariste, "interim", "complete", None, 7) == preparer(
        cariste, "interim", "complete", None, 7
    )
    with pytest.raises(ValueError, match="précéder"):
        preparer(cariste, "interim", "courte", (2024, 2019))
    with pytest.raises(ValueError, match="quatre chiffres"):
        preparer(cariste, "interim", "courte", (19, 24))
    meme_annee = preparer(cariste, "interim", "courte", (2022, 2022))
    assert meme_annee.annees_trou is None


def test_data_files_load() -> None:
    banque, feedback, atelier = charger_banque(), charger_feedback(), charger_atelier()
    assert set(banque.employeurs) == set(EMPLOYEURS)
    assert feedback.bandeau.startswith("Entraînement") and atelier.bandeau.startswith(
        "Entraînement"
    )
    assert len(feedback.criteres) == 10
    assert [e.cle for e in atelier.etapes] == ["fait", "acquis", "lien_poste", "conclusion"]


def _copie(tmp_path: Path) -> Path:
    cible = tmp_path / "simulation"
    shutil.copytree(SIMULATION_DIR, cible)
    return cible


def test_bad_question_file_names_file_and_key(tmp_path: Path) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "questions.toml"
    fichier.write_text(
        fichier.read_text(encoding="utf-8").replace(
            'criteres = ["questions_au_recruteur"]', 'criteres = ["questions_au_recruteurs"]'
        ),
        encoding="utf-8",
    )
    with pytest.raises(SimulationFileError) as exc:
        charger_banque(dossier)
    message = str(exc.value)
    assert "questions.toml" in message and "questions_au_recruteurs" in message
    assert "Fichier de la simulation invalide" in message


def test_unknown_placeholder_and_broken_toml(tmp_path: Path) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "questions.toml"
    texte = fichier.read_text(encoding="utf-8")
    fichier.write_text(texte.replace("{competence}. L'avez", "{infraction}. L'avez"), "utf-8")
    with pytest.raises(SimulationFileError, match="champs inconnus"):
        charger_banque(dossier)
    (dossier / "feedback.toml").write_text("bandeau = ", encoding="utf-8")
    with pytest.raises(SimulationFileError, match=r"illisible.*feedback\.toml"):
        charger_feedback(dossier)


def test_feedback_file_must_label_practice_and_cover_every_rule(tmp_path: Path) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "feedback.toml"
    texte = fichier.read_text(encoding="utf-8")
    fichier.write_text(texte.replace('bandeau = "Entraînement', 'bandeau = "Évaluation'), "utf-8")
    with pytest.raises(SimulationFileError, match="bandeau"):
        charger_feedback(dossier)
    debut = texte.index("[communs.refus]")
    fin = texte.index("[communs.trop_long]")
    fichier.write_text(texte[:debut] + texte[fin:], "utf-8")
    with pytest.raises(SimulationFileError, match="refus"):
        charger_feedback(dossier)


def test_importing_the_package_stays_light() -> None:
    code = (
        "import sys, assistant.simulation, assistant.simulation.plan, "
        "assistant.simulation.llm; "
        "print(sorted(m for m in ('langchain_core', 'textual', 'chromadb') if m in sys.modules))"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip() == "[]"
