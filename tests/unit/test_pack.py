"""Knowledge-pack files: deterministic, checked against their MANIFEST."""

from pathlib import Path

import pytest

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import (
    DatasetInfo,
    load_manifest,
    read_dataset,
    verify,
    write_dataset,
    write_manifest,
)
from assistant.retrieval.sources.base import ImportFailed, ImportReport, read_csv

pytestmark = pytest.mark.unit
INFO = DatasetInfo("essai", "Jeu d'essai", "Passerelle", ("essai.csv",), "v1")


def test_same_rows_give_the_same_bytes(tmp_path: Path) -> None:
    rows = [{"code": "N1101", "libelle": "Cariste", "liste": [1, 2]}, {"code": "A", "x": None}]
    first = write_dataset(INFO, rows, tmp_path / "a")
    second = write_dataset(INFO, rows, tmp_path / "b")
    assert first.sha256 == second.sha256 and first.rows == 2
    assert list(read_dataset("essai", tmp_path / "a")) == rows


def test_manifest_detects_a_changed_file(tmp_path: Path) -> None:
    entry = write_dataset(INFO, [{"a": 1}], tmp_path)
    write_manifest([entry], tmp_path)
    assert load_manifest(tmp_path)["essai"]["licence"] == "Licence Ouverte / Etalab 2.0"
    assert verify(tmp_path) == []
    (tmp_path / "essai.jsonl.gz").write_bytes(b"autre chose")
    assert "ne correspond pas à son empreinte" in verify(tmp_path)[0]


def test_shipped_pack_matches_its_manifest() -> None:
    manifest = load_manifest(KNOWLEDGE_DIR)
    assert {"rome_fiches", "rome_appellations", "rome_items"} <= set(manifest)
    assert verify(KNOWLEDGE_DIR) == []
    for name, entry in manifest.items():
        assert entry["licence"] and entry["source_files"] and entry["rows"] > 0
        # Facts, not the publishers' files; the shipped vectors are 13k x 384 bytes.
        limit = 6_000_000 if name == "vecteurs_appellations" else 3_000_000
        assert (KNOWLEDGE_DIR / entry["file"]).stat().st_size < limit


def test_csv_reader_reports_bad_rows_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("a;b\n1;2\n3\n\n6;7;\n8;9;10\n", encoding="utf-8")
    report = ImportReport("essai")
    rows = list(read_csv(path, report, required=("a", "b"), delimiter=";"))
    # A trailing empty column is tolerated (official exports have them); an extra value is not.
    assert rows == [(2, {"a": "1", "b": "2"}), (5, {"a": "6", "b": "7"})]
    assert [(p.line, p.reason) for p in report.problems] == [
        (3, "1 colonnes au lieu de 2"),
        (6, "3 colonnes au lieu de 2"),
    ]
    assert str(report.problems[0]) == "f.csv:3 : 1 colonnes au lieu de 2"


def test_missing_file_and_columns_are_french_errors(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="Impossible de lire"):
        list(read_csv(tmp_path / "absent.csv", ImportReport("x"), required=()))
    path = tmp_path / "f.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="colonnes manquantes : c"):
        list(read_csv(path, ImportReport("x"), required=("a", "c")))
