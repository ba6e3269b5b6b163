"""Guide files and engine: steps, questions, profiles P0–P4, section D rules, progression."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import SHARED

from assistant.domain.dossier import Dossier
from assistant.domain.enums import EtatEtape, HorizonSortie, ProfilDeroule, StatutPenal
from assistant.domain.steps import ETAPES, FaisabiliteProjet, Projet
from assistant.guide.engine import GuideEngine
from assistant.guide.files import GuideFileError, load_guide
from assistant.guide.profiles import profil_propose
from assistant.locations import GUIDE_DIR

pytestmark = pytest.mark.unit
GUIDE_DOC = SHARED / "domain" / "interview-guide.md"


@pytest.fixture(scope="module")
def engine() -> GuideEngine:
    return GuideEngine()


def _dossier(statut: str | None = None, horizon: str | None = None) -> Dossier:
    dossier = Dossier.ouvrir("TEST-001", "maison_arret")
    dossier.nouvelle_rencontre(date(2026, 3, 2))
    dossier.etapes.situation.statut_penal = statut  # type: ignore[assignment]
    dossier.etapes.situation.horizon_sortie = horizon  # type: ignore[assignment]
    return dossier


def _ids(engine: GuideEngine, dossier: Dossier, numero: int) -> set[str]:
    return {q.id for q in engine.questions(dossier, numero)}


def test_guide_files_load_with_every_step_and_profile() -> None:
    guide = load_guide()
    assert [e.numero for e in guide.etapes] == list(range(10))
    assert [e.cle for e in guide.etapes] == [e.cle for e in ETAPES]
    for etape in guide.etapes:
        assert len(etape.questions) >= 4, etape.cle
        assert all(q.pourquoi for q in etape.questions)
    assert set(guide.profils) == set(ProfilDeroule)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def _guide_questions() -> dict[int, list[str]]:
    """The open questions of section C of the interview guide, by step."""
    questions: dict[int, list[str]] = {}
    step = None
    in_questions = False
    for line in GUIDE_DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### Étape (\d+)", line)
        if heading:
            step, in_questions = int(heading.group(1)), False
            continue
        if step is not None and "questions ouvertes" in line.lower():
            in_questions = True
            continue
        if in_questions and line.startswith("Champs"):
            in_questions = False
        quoted = re.match(r"- « (.+) »\s*$", line)
        if in_questions and quoted and step is not None:
            questions.setdefault(step, []).append(_normalise(quoted.group(1)))
    return questions


@pytest.mark.skipif(not GUIDE_DOC.exists(), reason="../shared/domain absent")
def test_every_open_question_of_the_guide_is_in_the_question_bank() -> None:
    guide = load_guide()
    expected = _guide_questions()
    assert sorted(expected) == list(range(10))
    for numero, textes in expected.items():
        bank = " | ".join(_normalise(q.texte) for q in guide.etapes[numero].questions)
        for texte in textes:
            assert texte in bank, f"étape {numero} : « {texte} » absente"


@pytest.mark.parametrize(
    ("statut", "horizon", "attendu"),
    [
        (StatutPenal.PREVENU, HorizonSortie.MOINS_3_MOIS, ProfilDeroule.P0),
        (StatutPenal.PREVENU, None, ProfilDeroule.P0),
        (StatutPenal.CONDAMNE, HorizonSortie.INCONNU, ProfilDeroule.P0),
        (StatutPenal.CONDAMNE, HorizonSortie.MOINS_3_MOIS, ProfilDeroule.P1),
        (StatutPenal.CONDAMNE, HorizonSortie.DE_3_A_6_MOIS, ProfilDeroule.P2),
        (StatutPenal.CONDAMNE_ET_PREVENU, HorizonSortie.DE_6_A_12_MOIS, ProfilDeroule.P2),
        (StatutPenal.NE_SOUHAITE_PAS_DIRE, HorizonSortie.DE_12_A_24_MOIS, ProfilDeroule.P3),
        (StatutPenal.CONDAMNE, HorizonSortie.PLUS_24_MOIS, ProfilDeroule.P4),
        (None, HorizonSortie.PLUS_24_MOIS, ProfilDeroule.P4),
        (StatutPenal.CONDAMNE, None, None),
        (None, None, None),
    ],
)
def test_profile_follows_the_table_of_section_d(
    statut: StatutPenal | None, horizon: HorizonSortie | None, attendu: ProfilDeroule | None
) -> None:
    profil, raison = profil_propose(statut, horizon)
    assert profil == attendu
    assert raison


def test_counsellor_can_override_the_profile(engine: GuideEngine) -> None:
    dossier = _dossier("condamne", "moins_3_mois")
    dossier.profil_choisi = ProfilDeroule.P3
    choix = engine.profil(dossier)
    assert (choix.profil, choix.propose, choix.choisi_par_conseiller) == (
        ProfilDeroule.P3,
        ProfilDeroule.P1,
        True,
    )
    assert "choisi par le conseiller" in choix.raison


def test_p1_condenses_steps_2_and_4_and_drops_long_training(engine: GuideEngine) -> None:
    standard, p1 = _dossier("condamne", "plus_24_mois"), _dossier("condamne", "moins_3_mois")
    assert engine.est_condensee(p1, 2) and engine.est_condensee(p1, 4)
    assert not engine.est_condensee(standard, 2)
    assert _ids(engine, p1, 2) == {
        "formation.ecole",
        "formation.certificats",
        "formation.lire_ecrire",
    }
    assert "competences.photolangage" not in _ids(engine, p1, 4)
    assert "projet.formation" not in _ids(engine, p1, 6)
    assert "projet.formation" in _ids(engine, standard, 6)


def test_p0_adds_the_double_scenario_and_lightens_feasibility(engine: GuideEngine) -> None:
    p0, p2 = _dossier("prevenu"), _dossier("condamne", "de_3_a_6_mois")
    assert "projet.deux_scenarios" in _ids(engine, p0, 6)
    assert "projet.deux_scenarios" not in _ids(engine, p2, 6)
    assert engine.est_condensee(p0, 7)
    assert _ids(engine, p0, 7) == {"faisabilite.conditions"}
    assert "plan_action.jour_sortie" not in _ids(engine, p0, 8)
    assert "plan_action.relance_prochain_rendez_vous" not in _ids(engine, p0, 8)


def test_p2_lightens_the_broad_exploration_of_interests(engine: GuideEngine) -> None:
    ids = _ids(engine, _dossier("condamne", "de_6_a_12_mois"), 4)
    assert "competences.photolangage" not in ids
    assert "competences.environnement" in ids


@pytest.mark.parametrize("horizon", ["de_12_a_24_mois", "plus_24_mois"])
def test_p3_and_p4_postpone_release_formalities(engine: GuideEngine, horizon: str) -> None:
    ids = _ids(engine, _dossier("condamne", horizon), 5)
    assert "freins.hebergement" not in ids and "freins.papiers" not in ids
    assert "freins.proches" in ids
    assert "freins.hebergement" in _ids(engine, _dossier("condamne", "moins_3_mois"), 5)


def _codes(engine: GuideEngine, dossier: Dossier) -> set[str]:
    return {r.code for r in engine.regles(dossier)}


def test_age_and_disability_rules(engine: GuideEngine) -> None:
    dossier = _dossier("condamne", "de_3_a_6_mois")
    dossier.etapes.situation.tranche_age = "moins_26_ans"
    regles = {r.code: r for r in engine.regles(dossier)}
    assert "Mission locale" in regles["moins_26_ans"].dispositifs
    dossier.etapes.situation.tranche_age = "26_ans_et_plus"
    dossier.etapes.situation.reconnaissance_handicap = True
    assert {"26_ans_et_plus", "handicap_reconnu"} <= _codes(engine, dossier)
    assert "moins_26_ans" not in _codes(engine, dossier)


@pytest.mark.parametrize(
    ("champ", "valeur", "action"),
    [
        ("maitrise_ecrit", "grandes_difficultes", "illettrisme"),
        ("maitrise_francais_oral", "debutant", "FLE"),
    ],
)
def test_literacy_rule_shortens_questions(
    engine: GuideEngine, champ: str, valeur: str, action: str
) -> None:
    dossier = _dossier("condamne", "de_3_a_6_mois")
    before = engine.prochaine_question(dossier)
    setattr(dossier.etapes.formation, champ, valeur)
    after = engine.prochaine_question(dossier)
    assert before is not None and after is not None
    assert after.texte == after.question.texte_simple != before.texte
    regle = next(r for r in engine.regles(dossier) if r.code == "langage_simple")
    assert regle.action_prioritaire and action in regle.action_prioritaire
    assert "voix haute" in regle.message


def test_regulated_job_rule_from_feasibility_or_knowledge(engine: GuideEngine) -> None:
    dossier = _dossier("condamne", "de_3_a_6_mois")
    assert "metier_reglemente" not in _codes(engine, dossier)
    dossier.etapes.projet.projets = [
        Projet(libelle_personne="Agent de sécurité", code_rome="K2503")
    ]
    knows = GuideEngine(engine.data, est_reglemente=lambda code: code == "K2503")
    regle = next(r for r in knows.regles(dossier) if r.code == "metier_reglemente")
    assert "K2503" in regle.message and "ne jamais conclure seul" in regle.message
    dossier.etapes.faisabilite.par_projet = [
        FaisabiliteProjet(code_rome="G1102", reglemente=True, regle_applicable="taxi_vtc_r3120_8")
    ]
    assert "metier_reglemente" in _codes(engine, dossier)


@pytest.mark.parametrize(
    ("horizon", "prioritaire"),
    [("moins_3_mois", True), ("de_3_a_6_mois", True), ("de_6_a_12_mois", False)],
)
def test_housing_becomes_a_priority_when_release_is_near(
    engine: GuideEngine, horizon: str, prioritaire: bool
) -> None:
    dossier = _dossier("condamne", horizon)
    dossier.etapes.freins.hebergement_sortie = "sans_solution"
    regles = {r.code: r for r in engine.regles(dossier)}
    assert ("hebergement_prioritaire" in regles) is prioritaire
    if prioritaire:
        assert "hébergement" in (regles["hebergement_prioritaire"].action_prioritaire or "")


def test_presumption_of_innocence_is_recalled(engine: GuideEngine) -> None:
    assert "presomption_innocence" in _codes(engine, _dossier("prevenu"))
    assert "presomption_innocence" not in _codes(engine, _dossier("condamne", "inconnu"))


def test_interview_walks_the_steps_in_order_with_a_summary_per_step(engine: GuideEngine) -> None:
    dossier = _dossier()
    premiere = engine.prochaine_question(dossier)
    assert premiere is not None
    assert (premiere.numero_etape, premiere.question.id) == (0, "cadre.ce_qu_on_a_dit")
    vues = []
    while (q := engine.prochaine_question(dossier)) is not None and q.numero_etape == 0:
        vues.append(q.question.id)
        engine.marquer_posee(dossier, q)
        etat = dossier.rencontre_courante.etat(0)
        assert etat is (EtatEtape.FAITE if q.cloture else EtatEtape.EN_COURS)
    assert vues[-1] == "cadre.cloture"
    # Type of establishment and language were known: no relance for them.
    assert "cadre.relance_type_etablissement" not in vues
    assert "cadre.relance_langue_entretien" not in vues
    assert q is not None and q.numero_etape == 1
    assert engine.progression(dossier) == (1, 10)


def test_filled_fields_settle_their_questions(engine: GuideEngine) -> None:
    dossier = _dossier("condamne", "de_3_a_6_mois")
    dossier.etapes.situation.date_sortie_previsible = date(2026, 7, 1)
    engine.changer_etat(dossier, 0, EtatEtape.PASSEE)
    avant = engine.avancement(dossier, 1)
    assert "statut_penal" in avant.remplis and "inquietude_principale" in avant.manquants
    ids = []
    while (q := engine.prochaine_question(dossier)) is not None and q.numero_etape == 1:
        ids.append(q.question.id)
        engine.marquer_posee(dossier, q)
    assert "situation.suite" not in ids and "situation.relance_horizon_sortie" not in ids
    assert "situation.inquietude" in ids


def test_refused_fields_are_not_missing(engine: GuideEngine) -> None:
    dossier = _dossier("condamne", "de_3_a_6_mois")
    dossier.etapes.situation.reponses_absentes = {"tranche_age": "refus"}
    avancement = engine.avancement(dossier, 1)
    assert avancement.refuses == ("tranche_age",)
    assert "tranche_age" not in avancement.manquants


def test_follow_up_meeting_asks_steps_1_5_8_9_again(engine: GuideEngine) -> None:
    dossier = _dossier("condamne", "de_3_a_6_mois")
    for numero in range(10):
        engine.changer_etat(dossier, numero, EtatEtape.FAITE)
    assert engine.prochaine_question(dossier) is None
    dossier.nouvelle_rencontre(date(2026, 4, 6))
    q = engine.prochaine_question(dossier)
    assert q is not None and q.numero_etape == 1
    # Already answered at the first meeting, but a follow-up updates the record.
    assert q.question.id == "situation.premiers_jours"
    engine.marquer_posee(dossier, q)
    q = engine.prochaine_question(dossier)
    assert q is not None and q.question.id == "situation.suite"
    assert "entretien_suivi" in _codes(engine, dossier)
    assert engine.progression(dossier) == (0, 4)


def _copy_guide(tmp_path: Path) -> Path:
    target = tmp_path / "guide"
    shutil.copytree(GUIDE_DIR, target)
    return target


def test_a_question_on_an_unknown_field_is_refused_at_load(tmp_path: Path) -> None:
    guide = _copy_guide(tmp_path)
    step = guide / "etapes" / "01_situation.toml"
    step.write_text(
        step.read_text(encoding="utf-8").replace('"inquietude_principale"]', '"motif"]'),
        encoding="utf-8",
    )
    with pytest.raises(GuideFileError, match=r"01_situation\.toml.*« motif » n.existe pas"):
        load_guide(guide)


def test_a_missing_step_file_is_refused(tmp_path: Path) -> None:
    guide = _copy_guide(tmp_path)
    (guide / "etapes" / "05_freins.toml").unlink()
    with pytest.raises(GuideFileError, match="étapes 0 à 9"):
        load_guide(guide)


def test_a_malformed_guide_file_is_reported_with_its_path(tmp_path: Path) -> None:
    guide = _copy_guide(tmp_path)
    (guide / "profils.toml").write_text("[P0\nlibelle = ", encoding="utf-8")
    with pytest.raises(GuideFileError, match=r"profils\.toml"):
        load_guide(guide)


def test_session_guide_knows_regulated_jobs_from_the_pack(settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.session import Session

    session = Session(settings)
    dossier = _dossier("condamne", "de_3_a_6_mois")
    dossier.etapes.projet.projets = [
        Projet(libelle_personne="Agent de sécurité", code_rome="K2503")
    ]
    regle = next(r for r in session.guide.regles(dossier) if r.code == "metier_reglemente")
    assert "K2503" in regle.message


def test_the_closing_question_reads_back_what_was_noted_in_the_step(engine: GuideEngine) -> None:
    dossier = _dossier()
    cadre = dossier.etapes.cadre
    cadre.accord_entretien = True
    cadre.interprete = False
    cadre.support_prefere = ["oral", "frise"]
    for question in engine.questions(dossier, 0):
        dossier.rencontre_courante.questions_posees.append(question.id)
    cloture = engine.prochaine_question(dossier)
    assert cloture is not None and cloture.cloture
    lignes = cloture.texte.splitlines()
    assert lignes[0] == "Si je résume cette partie :"
    assert "• Accord pour l'entretien : oui" in lignes
    assert "• Interprète présent : non" in lignes
    assert any(ligne.startswith("• Supports préférés : ") for ligne in lignes)
    assert lignes[-1] == "Est-ce juste ? Voulez-vous corriger ou ajouter quelque chose ?"
    # The bookkeeping (date, reference, establishment) is not read back to the person.
    assert "Référence" not in cloture.texte and "Date" not in cloture.texte


def test_the_closing_question_of_a_step_with_nothing_noted_stays_short(
    engine: GuideEngine,
) -> None:
    dossier = _dossier()
    for question in engine.questions(dossier, 2):
        dossier.rencontre_courante.questions_posees.append(question.id)
    cloture = engine.prochaine_question(dossier, 2)
    assert cloture is not None and cloture.cloture
    assert cloture.texte == (
        "Si je résume cette partie… est-ce juste ? Voulez-vous corriger ou ajouter quelque chose ?"
    )
