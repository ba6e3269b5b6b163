"""Labelled offers: the importer (v3 codes converted with the shipped ROME 4.0 sheets, bad rows
reported), the shipped files, and their separation from the benchmark's offers."""

import csv
import shutil
from pathlib import Path

import pytest

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.offer_titles import load_offer_titles
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources import offers
from assistant.retrieval.sources.base import ImportFailed

pytestmark = pytest.mark.integration
HEADER = "src\tid\tintitule\tromeCode\tromeLibelle\tappellationlibelle\n"
BENCH = Path(__file__).resolve().parents[2] / "bench" / "data"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """The shipped ROME sheets, in a pack of the test's own."""
    target = tmp_path / "pack"
    target.mkdir()
    for name in ("rome_fiches", "rome_appellations", "rome_items"):
        shutil.copy(KNOWLEDGE_DIR / f"{name}.jsonl.gz", target)
    return target


def _write(folder: Path, name: str, rows: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")


def test_codes_become_rome_4_sheets_and_bad_rows_are_reported(pack: Path, tmp_path: Path) -> None:
    folder = tmp_path / "offres"
    _write(
        folder,
        "a.tsv",
        [
            "T\t1\tCariste H/F\tN1101\tCariste\tCariste",
            # ROME v3 with one ROME 4.0 sheet.
            "T\t2\tLaveur de vitres (H/F)\tK2202\tLavage de vitres\t",
            # v3 A1407 split into bovins (A1407) and equidés (A1439): the appellation says which.
            "T\t3\tPalefrenier H/F\tA1407\tÉlevage bovin ou équin\tEleveur / Eleveuse de chevaux",
            "T\t4\tOuvrier agricole\tA1407\tÉlevage bovin ou équin\t",
            "T\t5\t\tN1101\tCariste\t",
            "T\t6\tSoudeur\tZ9999\t\t",
            "T\t7\tcolonnes\tmanquantes",
        ],
    )
    # The same France Travail offer in a second source is kept once.
    _write(folder, "b.tsv", ["U\t1\tCariste (F/H)\tN1101\tCariste\tCariste"])
    ((entry, report),) = offers.build(tmp_path, pack, folder)
    rows = list(read_dataset("offres_intitules", pack))
    assert [(r["id"], r["code_rome"], r["conversion"]) for r in rows] == [
        ("1", "N1101", "rome4"),
        ("2", "K2202", "v3 -> 4.0"),
        ("3", "A1439", "v3 -> 4.0 par l'appellation"),
    ]
    assert entry.rows == 3 and report.rows_kept == 3
    problems = [str(p) for p in report.problems]
    assert problems[0].startswith("a.tsv:5 : code v3 A1407 éclaté en A1407, A1439")
    assert problems[1] == "a.tsv:6 : intitulé, source ou identifiant manquant"
    assert problems[2] == "a.tsv:7 : code ROME invalide ('Z9999')"
    assert problems[3] == "a.tsv:8 : 4 colonnes au lieu de 6"
    # Idempotent: the same files give the same bytes.
    first = (pack / "offres_intitules.jsonl.gz").read_bytes()
    offers.build(tmp_path, pack, folder)
    assert (pack / "offres_intitules.jsonl.gz").read_bytes() == first


def test_a_file_without_the_expected_columns_is_refused_in_french(
    pack: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "offres"
    folder.mkdir()
    (folder / "x.tsv").write_text("titre\tcode\nCariste\tN1101\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="colonnes manquantes"):
        offers.build(tmp_path, pack, folder)


def test_a_pack_built_before_the_offers_searches_without_them(pack: Path) -> None:
    assert load_offer_titles(pack) == []


def test_the_shipped_offers_are_labelled_rome_4_titles() -> None:
    shipped = load_offer_titles()
    assert len(shipped) > 1500
    codes = {code for _, code in shipped}
    fiches = {row["code"] for row in read_dataset("rome_fiches")}
    assert codes <= fiches and len(codes) > 300


def test_no_benchmark_offer_is_among_the_shipped_ones() -> None:
    """The benchmark measures offers the search never saw: no shared France Travail id."""
    shipped = {row["id"] for row in read_dataset("offres_intitules")}
    measured = set()
    for path in BENCH.glob("offres_brutes*.tsv"):
        with path.open(encoding="utf-8") as handle:
            measured |= {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    assert len(measured) > 400
    assert not shipped & measured
