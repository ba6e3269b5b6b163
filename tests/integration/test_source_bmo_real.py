"""BMO 2025 and the FAP 2021 → ROME 4.0 crosswalk on the real published files."""

from pathlib import Path

import pytest

try:
    from conftest import SHARED
except ImportError:  # tests/integration/conftest.py can shadow tests/conftest.py; same path
    SHARED = Path(__file__).resolve().parents[3] / "shared"

from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources import bmo, fap_rome
from assistant.retrieval.sources.base import ImportReport

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not (SHARED / "data").exists(), reason="../shared/data absent"),
]
DATA = SHARED / "data"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("pack")
    bmo.build(DATA, directory)
    fap_rome.build(DATA, directory)
    return directory


def test_workbook_and_csv_export_give_the_same_rows() -> None:
    from_xlsx = bmo.read_rows(DATA / bmo.FOLDER / bmo.XLSX_FILE, ImportReport("xlsx"))
    csv_report = ImportReport("csv")
    from_csv = bmo.read_rows(DATA / bmo.FOLDER / bmo.CSV_FILE, csv_report)
    assert len(from_xlsx) == len(from_csv) == 50076
    assert from_xlsx == from_csv
    assert csv_report.problems == []


def test_real_bmo_figures(pack: Path) -> None:
    rows = list(read_dataset("bmo_2025", pack))
    assert len(rows) == 50076
    hidden = [r for r in rows if r["met"] is None]
    assert len(hidden) == 11452  # every `*` kept as null, none turned into 0
    basse_terre = next(r for r in rows if (r["fap"], r["be"]) == ("A0X40", "101"))
    assert basse_terre == {
        "fap": "A0X40", "reg": "01", "dep": "971", "be": "101", "met": 227, "xmet": 80,
        "smet": 128,
    }  # fmt: skip
    metiers = {m["fap"]: m for m in read_dataset("bmo_2025_metiers", pack)}
    assert len(metiers) == 217
    assert metiers["S2X61"]["libelle"] == "Serveurs de cafés restaurants"
    assert sum(m["met"] for m in metiers.values()) == 2401105


def test_regional_bar_chart_data(pack: Path) -> None:
    regions = [r for r in read_dataset("bmo_2025_regions", pack) if r["fap"] == "J0X32"]
    assert {r["nom_reg"] for r in regions} >= {"Île-de-France", "Auvergne-Rhône-Alpes"}
    national = next(m for m in read_dataset("bmo_2025_metiers", pack) if m["fap"] == "J0X32")
    assert sum(r["met"] for r in regions) == national["met"]
    zones = list(read_dataset("bmo_2025_zones", pack))
    bassins = [z for z in zones if z["niveau"] == "bassin"]
    assert len(bassins) == 406
    # Some 2025 bassins span several départements (Marne-la-Vallée: 77 and 91).
    marne = next(b for b in bassins if b["be"] == "1117")
    assert [d["dep"] for d in marne["departements"]] == ["77", "91"]


def test_crosswalk_hand_checked_links(pack: Path) -> None:
    links = {(r["fap"], r["rome"]): r for r in read_dataset("fap2021_rome4", pack)}
    # Caristes → Cariste (N1101), reviewed by hand.
    assert links[("J0X32", "N1101")]["qualite"] == "exacte"
    # Serveurs: same FAP code in 2009 (S2Z61), same label, v3 fiche G1803 kept in ROME 4.0.
    server = links[("S2X61", "G1803")]
    assert (server["qualite"], server["methode"], server["rome3"]) == (
        "exacte",
        "fap2009_code",
        "G1803",
    )
    # Aides-soignants: K1301 kept its v3 code but is now "Educateur en locomotion": approximate.
    assert links[("V0X60", "J1501")]["qualite"] == "exacte"
    assert links[("V0X60", "K1301")]["qualite"] == "approchee"
    # Agents et hôtesses d'accompagnement: the code moved (J5Z60 in 2009), found by its label.
    assert links[("J4X60", "G1201")]["methode"] == "fap2009_libelle"
    assert {r["qualite"] for r in links.values()} == {"exacte", "approchee"}


def test_crosswalk_covers_every_bmo_metier(pack: Path) -> None:
    links = list(read_dataset("fap2021_rome4", pack))
    metiers = {m["fap"]: m["met"] for m in read_dataset("bmo_2025_metiers", pack)}
    assert {link["fap"] for link in links} == set(metiers)
    for fap in metiers:
        weights = [link["poids"] for link in links if link["fap"] == fap]
        assert sum(weights) == pytest.approx(1, abs=0.01)
    exact = {link["fap"] for link in links if link["qualite"] == "exacte"}
    covered = sum(metiers[f] for f in exact) / sum(metiers.values())
    assert covered > 0.9


def test_real_build_is_idempotent(pack: Path, tmp_path: Path) -> None:
    entries = bmo.build(DATA, tmp_path, prefer="csv") + fap_rome.build(DATA, tmp_path)
    for entry, _ in entries:
        assert (tmp_path / entry.file).read_bytes() == (pack / entry.file).read_bytes()
        assert (tmp_path / entry.file).stat().st_size < 3_000_000
