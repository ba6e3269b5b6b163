"""Regulated jobs: the rules table, ROME's `emploi_reglemente` flag, the `rome_reglemente` build."""

import csv
import shutil
from pathlib import Path
from typing import get_args

import pytest
from conftest import SHARED

from assistant.domain.steps import FaisabiliteProjet, RegleApplicable
from assistant.guide.rules import EstReglemente
from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.regulated import (
    DATASET,
    RULES_FILE,
    RegulatedJobs,
    RegulatedRule,
    RegulatedRulesError,
    RomeFlags,
    build,
    check_against_rome,
    load_rules,
    verdict_words,
)
from assistant.retrieval.sources.base import ImportFailed

ROME_DIR = SHARED / "data" / "rome4_v460"
needs_rome = pytest.mark.skipif(not ROME_DIR.is_dir(), reason="référentiel ROME 4.0 absent")

RULE = {
    "id": "essai_regle",
    "libelle": "Règle d'essai",
    "resume": "Une règle à vérifier avec sa référence.",
    "controles": ["bulletin n° 2 du casier judiciaire"],
    "references": [{"texte": "Code d'essai", "article": "L1-1"}],
    "decideur": "Préfet",
    "pistes": [{"piste": "metier_voisin", "texte": "Regarder un métier proche."}],
    "codes_rome": ["K2503"],
}


@pytest.fixture(scope="module")
def rules() -> tuple[RegulatedRule, ...]:
    return load_rules(KNOWLEDGE_DIR / RULES_FILE)


Rome = tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str, str]]]


@pytest.fixture(scope="module")
def rome() -> Rome:
    """ROME fiches (code -> (flag, label)), appellations (code_ogr -> (code_rome, flag, label))."""
    with (ROME_DIR / "unix_referentiel_code_rome_v460_utf8.csv").open(encoding="utf-8") as f:
        fiches = {
            r["code_rome"]: (r["emploi_reglemente"], r["libelle_rome"]) for r in csv.DictReader(f)
        }
    with (ROME_DIR / "unix_referentiel_appellation_v460_utf8.csv").open(encoding="utf-8") as f:
        appellations = {
            r["code_ogr"]: (r["code_rome"], r["emploi_reglemente"], r["libelle_appellation_long"])
            for r in csv.DictReader(f)
        }
    return fiches, appellations


# --- The shipped table (pure) -----------------------------------------------------------------


@pytest.mark.unit
def test_the_shipped_table_loads_with_unique_ids(rules: tuple[RegulatedRule, ...]) -> None:
    ids = [r.id for r in rules]
    assert len(ids) >= 15
    assert len(ids) == len(set(ids))


@pytest.mark.unit
def test_every_named_domain_rule_has_its_entry(rules: tuple[RegulatedRule, ...]) -> None:
    named = set(get_args(RegleApplicable)) - {"aucune", "autre"}
    by_id = {r.id: r for r in rules}
    assert named <= set(by_id)
    for value in named:
        assert by_id[value].regle_applicable == value
    others = [r for r in rules if r.id not in named]
    assert others and all(r.regle_applicable == "autre" for r in others)


@pytest.mark.unit
def test_every_rule_has_a_legal_reference_a_decider_and_a_way_forward(
    rules: tuple[RegulatedRule, ...],
) -> None:
    for rule in rules:
        assert rule.references, rule.id
        assert all(ref.texte.strip() for ref in rule.references), rule.id
        # A code reference names its article; only a decree may be cited as a whole.
        for ref in rule.references:
            if ref.texte.lower().startswith(("code", "loi")):
                assert ref.article, (rule.id, ref.texte)
        assert rule.decideur.strip() and rule.controles, rule.id
        assert rule.pistes and rule.fiches, rule.id


@pytest.mark.unit
@pytest.mark.parametrize(
    ("rule_id", "texte", "article"),
    [
        ("cnaps_securite_privee", "Code de la sécurité intérieure", "L612-20"),
        ("taxi_vtc_r3120_8", "Code des transports", "R3120-8"),
        ("mineurs_l133_6_casf", "Code de l'action sociale et des familles", "L133-6"),
        ("banque_l500_1_cmf", "Code monétaire et financier", "L500-1"),
        ("fonction_publique_l321_1", "Code général de la fonction publique", "L321-1"),
        ("transport_l114_2_csi", "Code de la sécurité intérieure", "L114-2"),
    ],
)
def test_rules_cite_the_articles_of_the_domain_brief(
    rules: tuple[RegulatedRule, ...], rule_id: str, texte: str, article: str
) -> None:
    rule = next(r for r in rules if r.id == rule_id)
    assert any(ref.texte == texte and ref.article == article for ref in rule.references)
    assert article in rule.message()


@pytest.mark.unit
def test_wording_never_states_a_verdict(rules: tuple[RegulatedRule, ...]) -> None:
    for rule in rules:
        for text in [*rule.texts(), rule.message()]:
            assert verdict_words(text) == [], (rule.id, text)
        assert "vérifier" in rule.message().lower(), rule.id
    # The raw file too, comments included.
    raw = (KNOWLEDGE_DIR / RULES_FILE).read_text(encoding="utf-8")
    assert verdict_words(raw) == []


@pytest.mark.unit
@pytest.mark.parametrize(
    "phrase",
    [
        "Ce métier est interdit à la personne.",
        "Condamnation incompatible avec le poste.",
        "Accès impossible après une condamnation.",
        "La personne ne peut pas devenir agent.",
        "Candidat exclu d'office.",
    ],
)
def test_a_verdict_in_a_rule_is_rejected(phrase: str) -> None:
    assert verdict_words(phrase)
    with pytest.raises(ValueError, match="verdict"):
        RegulatedRule.model_validate({**RULE, "resume": phrase})


@pytest.mark.unit
def test_rule_model_rejects_unknown_keys_bad_codes_and_empty_targets() -> None:
    RegulatedRule.model_validate(RULE)
    bad_inputs = [
        {**RULE, "inconnu": "x"},
        {**RULE, "codes_rome": ["K250"]},
        {**RULE, "codes_rome": ["Z1234"]},
        {**RULE, "codes_rome": [], "appellations": []},
        {**RULE, "references": []},
        {**RULE, "pistes": [{"piste": "evasion", "texte": "Piste inconnue du domaine."}]},
        {**RULE, "appellations": [{"code_ogr": "10599", "code_rome": "K2503", "x": 1}]},
        {**RULE, "id": "autre"},
        {**RULE, "codes_rome": ["K2503", "K2503"]},
    ]
    for data in bad_inputs:
        with pytest.raises(ValueError):
            RegulatedRule.model_validate(data)


@pytest.mark.unit
def test_a_malformed_table_gives_a_french_error_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / RULES_FILE
    broken.write_text('version = 1\n[[regle]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(RegulatedRulesError, match="mal formée") as err:
        load_rules(broken)
    assert str(broken) in str(err.value)

    invalid = tmp_path / "invalide.toml"
    invalid.write_text(
        'version = 1\n[[regle]]\nid = "essai"\nlibelle = "Essai"\ncouleur = "bleu"\n',
        encoding="utf-8",
    )
    with pytest.raises(RegulatedRulesError, match="invalide") as err:
        load_rules(invalid)
    message = str(err.value)
    assert str(invalid) in message and "n'est pas un champ connu" in message
    assert "est obligatoire" in message

    with pytest.raises(RegulatedRulesError, match="illisible"):
        load_rules(tmp_path / "absent.toml")


@pytest.mark.unit
def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    text = (KNOWLEDGE_DIR / RULES_FILE).read_text(encoding="utf-8")
    first = text.index("[[regle]]")
    second = text.index("[[regle]]", first + 1)
    path = tmp_path / RULES_FILE
    path.write_text(text + "\n" + text[first:second], encoding="utf-8")
    with pytest.raises(RegulatedRulesError, match="en double"):
        load_rules(path)


@pytest.mark.unit
def test_rules_for_and_is_regulated_combine_rules_and_flag(
    rules: tuple[RegulatedRule, ...],
) -> None:
    flags = RomeFlags(frozenset({"A1502", "N4112"}), {"16539": "H2901"})
    jobs = RegulatedJobs(rules, flags)
    assert [r.id for r in jobs.rules_for("n4112")] == ["taxi_vtc_r3120_8"]
    assert jobs.is_regulated("A1502") and jobs.rome_flag("A1502")  # flag only
    assert jobs.is_regulated("K2503") and not jobs.rome_flag("K2503")  # rule only
    assert not jobs.is_regulated("A1101")
    assert jobs.rules_for("A1101") == []
    # K2503: whole-fiche rule first, then the one for an appellation (agent de sûreté ferroviaire).
    assert [r.id for r in jobs.rules_for("K2503")] == [
        "cnaps_securite_privee",
        "transport_l114_2_csi",
    ]
    # Appellation level: cyclo-taxi is on the taxi-moto fiche but not under R3120-8.
    assert [r.id for r in jobs.rules_for_appellation("13191", "N4124")] == ["taxi_vtc_r3120_8"]
    assert jobs.rules_for_appellation("38168", "N4124") == []
    assert [r.id for r in jobs.rules_for_appellation("10599", "K2503")] == ["cnaps_securite_privee"]
    assert jobs.is_appellation_regulated("16539", "H2901")
    est_reglemente: EstReglemente = jobs.is_regulated
    assert est_reglemente("N4124")


@pytest.mark.unit
def test_a_rule_fits_the_feasibility_step(rules: tuple[RegulatedRule, ...]) -> None:
    jobs = RegulatedJobs(rules)
    for rule in rules:
        code = sorted(rule.fiches)[0]
        projet = FaisabiliteProjet(
            code_rome=code,
            reglemente=jobs.is_regulated(code),
            regle_applicable=rule.regle_applicable,
            piste_levee=[p.piste for p in rule.pistes],
        )
        assert projet.regle_applicable == rule.regle_applicable


@pytest.mark.unit
def test_check_against_rome_reports_unknown_codes() -> None:
    rule = RegulatedRule.model_validate(
        {
            **RULE,
            "codes_rome": ["K2503", "N9999"],
            "appellations": [
                {"code_ogr": "10599", "code_rome": "K2504"},
                {"code_ogr": "99999", "code_rome": "K2503"},
            ],
        }
    )
    problems = check_against_rome([rule], {"K2503", "K2504"}, {"10599": "K2503"})
    assert problems == [
        "essai_regle : la fiche ROME N9999 n'existe pas.",
        "essai_regle : l'appellation 10599 relève de K2503, pas de K2504.",
        "essai_regle : l'appellation 99999 n'existe pas.",
    ]


@pytest.mark.unit
def test_build_without_rome_files_fails_in_french(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="introuvable"):
        build(tmp_path / "rien", tmp_path / "pack")


# --- Against the real ROME 4.0 files ------------------------------------------------------------


@pytest.mark.integration
@needs_rome
def test_every_rule_code_exists_in_rome(rules: tuple[RegulatedRule, ...], rome: Rome) -> None:
    fiches, appellations = rome
    by_ogr = {code: fiche for code, (fiche, _, _) in appellations.items()}
    assert check_against_rome(rules, fiches, by_ogr) == []


@pytest.mark.integration
@needs_rome
def test_security_and_taxi_fiches_get_their_rule(
    rules: tuple[RegulatedRule, ...], rome: Rome
) -> None:
    fiches, appellations = rome
    jobs = RegulatedJobs(rules)
    # Every private-security fiche (K25, except the building caretaker K2501).
    security = sorted(c for c in fiches if c.startswith("K25") and c != "K2501")
    assert len(security) == 9
    for code in security:
        assert "cnaps_securite_privee" in [r.id for r in jobs.rules_for(code)], fiches[code][1]
    # Convoyeur de fonds: the fund-transport titles, not the oversize-convoy escorts of K2506.
    for code, (fiche, _, label) in appellations.items():
        if fiche == "K2506":
            ids = [r.id for r in jobs.rules_for_appellation(code, fiche)]
            assert ids == ([] if "convoi exceptionnel" in label else ["cnaps_securite_privee"])
    # Taxi and VTC: the VTC fiche and every motor-taxi job title.
    assert [c for c, (_, label) in fiches.items() if "VTC" in label] == ["N4112"]
    assert [r.id for r in jobs.rules_for("N4112")] == ["taxi_vtc_r3120_8"]
    taxis = [
        (code, fiche)
        for code, (fiche, _, label) in appellations.items()
        if fiche.startswith("N41")
        and ("taxi" in label.lower() or "VTC" in label)
        and "animalier" not in label
        and "cyclo" not in label
    ]
    assert len(taxis) >= 4
    for code, fiche in taxis:
        assert [r.id for r in jobs.rules_for_appellation(code, fiche)] == ["taxi_vtc_r3120_8"]


@pytest.mark.integration
@needs_rome
def test_build_ships_the_flag_and_is_idempotent(tmp_path: Path, rome: Rome) -> None:
    fiches, appellations = rome
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(KNOWLEDGE_DIR / RULES_FILE, pack / RULES_FILE)
    [(entry, report)] = build(SHARED / "data", pack)
    assert report.problems == []
    flagged_fiches = {c for c, (flag, _) in fiches.items() if flag == "O"}
    flagged_apps = {c for c, (_, flag, _) in appellations.items() if flag == "O"}
    assert entry.rows == len(flagged_fiches) + len(flagged_apps) == report.rows_kept
    assert entry.info.name == DATASET and "25M09" in entry.info.version
    rows = list(read_dataset(DATASET, pack))
    assert {r["code"] for r in rows if r["type"] == "fiche"} == flagged_fiches
    assert {r["code"] for r in rows if r["type"] == "appellation"} == flagged_apps
    assert all(r["code_rome"] == appellations[r["code"]][0] for r in rows if r["type"] != "fiche")

    data = (pack / entry.file).read_bytes()
    [(again, _)] = build(SHARED / "data", pack)
    assert again.sha256 == entry.sha256 and (pack / entry.file).read_bytes() == data

    jobs = RegulatedJobs.load(pack)
    ruled = set().union(*(r.fiches for r in jobs.rules))
    for code, (flag, _) in fiches.items():
        assert jobs.rome_flag(code) == (flag == "O"), code
        assert jobs.is_regulated(code) == (flag == "O" or code in ruled), code


@pytest.mark.integration
@needs_rome
def test_build_reports_rule_codes_missing_from_rome(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (KNOWLEDGE_DIR / RULES_FILE).read_text(encoding="utf-8")
    (pack / RULES_FILE).write_text(text.replace('"N4112"', '"N4199"', 1), encoding="utf-8")
    [(_, report)] = build(SHARED / "data", pack)
    assert [p.reason for p in report.problems] == [
        "taxi_vtc_r3120_8 : la fiche ROME N4199 n'existe pas."
    ]
    assert report.problems[0].file == RULES_FILE


@pytest.mark.integration
@needs_rome
def test_the_shipped_pack_is_the_current_build(tmp_path: Path) -> None:
    shipped = KNOWLEDGE_DIR / f"{DATASET}.jsonl.gz"
    assert shipped.exists(), f"{shipped.name} manque : lancer le build des métiers réglementés."
    [(entry, _)] = build(SHARED / "data", tmp_path)
    assert (tmp_path / entry.file).read_bytes() == shipped.read_bytes()
    jobs = RegulatedJobs.load(KNOWLEDGE_DIR)
    assert jobs.rome_flag("N4112") and jobs.is_regulated("K2503")
