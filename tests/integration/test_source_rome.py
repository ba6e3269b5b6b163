"""ROME 4.0 importer on the real official files, and on broken copies of them."""

import shutil
from pathlib import Path

import pytest
from conftest import SHARED

from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources import rome
from assistant.retrieval.sources.base import ImportFailed, ImportReport

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not (SHARED / "data" / "rome4_v460").exists(), reason="../shared absent"),
]
DATA = SHARED / "data"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pack")
    rome.build(DATA, target)
    return target


def test_every_fiche_and_variant_is_imported(built: Path) -> None:
    knowledge = Knowledge.load(built)
    assert len(knowledge.fiches) == 1584
    assert len(knowledge.appellations) == 13120
    cariste = knowledge.fiches["N1101"]
    assert cariste.libelle == "Cariste"
    assert (cariste.domaine, cariste.grand_domaine) == ("N11", "N")
    assert "Cariste" in {a.libelle for a in cariste.appellations}
    assert sum(a.principale for a in knowledge.appellations) == 1584


def test_skills_keep_the_core_flag_and_contexts_their_category(built: Path) -> None:
    knowledge = Knowledge.load(built)
    cariste = knowledge.fiches["N1101"]
    core = knowledge.item_labels(cariste.savoir_faire, core_only=True)
    assert core and len(core) < len(cariste.savoir_faire)
    assert cariste.savoir_faire[0][1] is True  # core skills first
    contexte = knowledge.items[cariste.contextes[0]]
    assert contexte.type == "contexte" and contexte.categorie
    assert knowledge.fiches[cariste.mobilites[0]].code != "N1101"


def test_regulated_flag_comes_from_rome(built: Path) -> None:
    fiches = {row["code"]: row for row in read_dataset("rome_fiches", built)}
    flags = [row["reglemente"] for row in fiches.values()]
    assert flags.count(True) == 241 and flags.count(False) == 1109 and flags.count(None) == 234


def test_no_publisher_prose_in_the_pack(built: Path) -> None:
    texts = rome.import_texts(DATA, ImportReport("textes"))
    definition = texts["N1101"]["definition"]
    assert len(definition) > 100 and "''" not in definition
    first_sentence = definition.splitlines()[0]
    for path in built.glob("*.jsonl.gz"):
        for row in read_dataset(path.name.removesuffix(".jsonl.gz"), built):
            assert first_sentence not in str(row)


def test_build_is_idempotent(built: Path, tmp_path: Path) -> None:
    rome.build(DATA, tmp_path)
    for path in built.glob("*.jsonl.gz"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_shipped_pack_matches_a_fresh_build(built: Path) -> None:
    from assistant.locations import KNOWLEDGE_DIR

    for path in built.glob("rome_*.jsonl.gz"):
        assert (KNOWLEDGE_DIR / path.name).read_bytes() == path.read_bytes(), path.name


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA / "rome4_v460", target / "rome4_v460")
    return target


def test_bad_rows_are_reported_with_file_and_line(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "rome4_v460" / "unix_referentiel_appellation_v460_utf8.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = (
        '"99999","Appellation orpheline","x","Z9999","","","","","","SYNONYME","","Z9999","N"\n'
    )
    lines[7] = '"12345","trop","peu"\n'
    path.write_text("".join(lines), encoding="utf-8")
    results = rome.build(data, tmp_path / "pack")
    report = next(r for e, r in results if e.info.name == "rome_appellations")
    where = {(p.file, p.line) for p in report.problems}
    assert ("unix_referentiel_appellation_v460_utf8.csv", 6) in where
    assert ("unix_referentiel_appellation_v460_utf8.csv", 8) in where
    assert report.rows_kept == 13120 - 2
    reasons = {p.line: p.reason for p in report.problems}
    assert reasons[6] == "appellation sans fiche ou sans libellé"
    assert reasons[8] == "3 colonnes au lieu de 13"


def test_missing_column_is_a_french_error(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "rome4_v460" / "unix_referentiel_code_rome_v460_utf8.csv"
    text = path.read_text(encoding="utf-8").replace('"libelle_rome"', '"intitule"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed, match="colonnes manquantes : libelle_rome"):
        rome.build(data, tmp_path / "pack")


def test_cp1252_file_is_read_and_noted(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "rome4_v460" / "unix_item_v460_utf8.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    report = ImportReport("items")
    items = rome.read_items(data, report)
    assert any("Windows-1252" in note for note in report.notes)
    assert any("é" in item["libelle"] for item in items.values())
