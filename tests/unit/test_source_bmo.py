"""BMO 2025 importer and FAP 2021 → ROME 4.0 crosswalk on small files written here."""

import csv
from pathlib import Path

import openpyxl
import pytest

from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources import bmo, fap_rome
from assistant.retrieval.sources.base import ImportFailed, ImportReport
from assistant.retrieval.sources.labels import contained, stem, words

pytestmark = pytest.mark.unit

HEADER = list(bmo.COLUMNS)
CARISTE = ["2025", "J0X32", "Conducteurs d'engins légers, cariste", "T", "Autres techniciens"]
SERVEUR = ["2025", "S2X61", "Serveurs de cafés restaurants", "V", "Vente"]
GOOD = [
    [*CARISTE, "84", "Auvergne-Rhône-Alpes", "69", "Rhône", "8401", "Lyon", "120", "80", "*"],
    [*CARISTE, "84", "Auvergne-Rhône-Alpes", "01", "Ain", "8402", "Bourg", "*", "*", "*"],
    [
        *SERVEUR,
        "93",
        "Provence-Alpes-Côte d'Azur",
        "2A",
        "Corse",
        "9401",
        "Ajaccio",
        "40",
        "10",
        "35",
    ],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def bmo_csv(data_dir: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    return write_csv(data_dir / bmo.FOLDER / bmo.CSV_FILE, [HEADER, *rows], encoding)


def test_rows_are_read_and_secrecy_stays_null(tmp_path: Path) -> None:
    report = ImportReport("test")
    rows = bmo.read_rows(bmo_csv(tmp_path, GOOD), report)
    assert [r.fap for r in rows] == ["J0X32", "J0X32", "S2X61"]
    assert (rows[0].met, rows[0].xmet, rows[0].smet) == (120, 80, None)
    assert (rows[1].met, rows[1].xmet) == (None, None)
    assert rows[2].departement == "2A"
    assert report.rows_kept == 3 and report.problems == []


def test_bad_rows_are_reported_with_line_and_french_reason(tmp_path: Path) -> None:
    bad = [
        GOOD[0],
        [*GOOD[1][:11], "douze", "1", "1"],  # line 3: non-numeric count
        ["2025", "J0-32", *GOOD[0][2:]],  # line 4: bad FAP code
        GOOD[2][:13],  # line 5: a column short
        [*GOOD[2][:11], "10", "12", "1"],  # line 6: more difficult projects than projects
        GOOD[2],
    ]
    report = ImportReport("test")
    rows = bmo.read_rows(bmo_csv(tmp_path, bad), report)
    assert [r.fap for r in rows] == ["J0X32", "S2X61"]
    problems = [str(p) for p in report.problems]
    assert problems[0].startswith("bmo_2025_open_data.csv:3 : valeur non numérique dans met")
    assert problems[1].startswith("bmo_2025_open_data.csv:4 : code métier FAP 2021 invalide")
    assert problems[2] == "bmo_2025_open_data.csv:5 : 13 colonnes au lieu de 14"
    assert problems[3].startswith("bmo_2025_open_data.csv:6 : xmet (12) supérieur")
    assert report.rows_read == 6 and report.rows_kept == 2


def test_cp1252_export_is_read(tmp_path: Path) -> None:
    report = ImportReport("test")
    rows = bmo.read_rows(bmo_csv(tmp_path, GOOD, encoding="cp1252"), report)
    assert rows[2].nom_region == "Provence-Alpes-Côte d'Azur"
    assert any("Windows-1252" in note for note in report.notes)


def test_missing_columns_fail_in_french(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "b.csv", [HEADER[:-2], GOOD[0][:-2]])
    with pytest.raises(ImportFailed, match="colonnes manquantes : xmet, smet"):
        bmo.read_rows(path, ImportReport("test"))


def test_missing_file_fails_in_french(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="Fichier BMO 2025 introuvable"):
        bmo.build(tmp_path, tmp_path / "pack")


def test_workbook_is_preferred_and_reports_sheet_rows(tmp_path: Path) -> None:
    bmo_csv(tmp_path, GOOD[:1])  # the CSV must be ignored when the workbook is present
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = bmo.XLSX_SHEET
    sheet.append(HEADER)
    for row in GOOD:
        sheet.append([2025, *row[1:9], int(row[9]), *row[10:]])  # typed cells, as published
    sheet.append([*GOOD[0][:11], "?", "1", "1"])
    workbook.save(tmp_path / bmo.FOLDER / bmo.XLSX_FILE)
    report = ImportReport("test")
    rows = bmo.read_rows(bmo.source_file(tmp_path), report)
    assert [r.bassin for r in rows] == ["8401", "8402", "9401"]
    assert [str(p) for p in report.problems] == [
        "Base_open_data_BMO_2025.xlsx (feuille BMO_2025_open_data):5 : "
        "valeur non numérique dans met ('?')"
    ]


def test_aggregates_count_hidden_cells(tmp_path: Path) -> None:
    rows = bmo.read_rows(bmo_csv(tmp_path, GOOD), ImportReport("test"))
    regions = {(r["fap"], r["reg"]): r for r in bmo.aggregate(rows, "region")}
    cariste = regions[("J0X32", "84")]
    assert (cariste["met"], cariste["met_masque"], cariste["smet_masque"]) == (120, 1, 2)
    assert cariste["nom_reg"] == "Auvergne-Rhône-Alpes"
    national = {r["fap"]: r for r in bmo.metiers(rows)}
    assert national["S2X61"]["met"] == 40 and national["S2X61"]["famille"] == "V"


def test_build_is_idempotent(tmp_path: Path) -> None:
    bmo_csv(tmp_path / "data", GOOD)
    first = bmo.build(tmp_path / "data", tmp_path / "a")
    second = bmo.build(tmp_path / "data", tmp_path / "b")
    assert [e.file for e, _ in first] == [
        "bmo_2025.jsonl.gz",
        "bmo_2025_metiers.jsonl.gz",
        "bmo_2025_regions.jsonl.gz",
        "bmo_2025_departements.jsonl.gz",
        "bmo_2025_zones.jsonl.gz",
    ]
    for (entry, _), (again, _) in zip(first, second, strict=True):
        assert (tmp_path / "a" / entry.file).read_bytes() == (
            tmp_path / "b" / again.file
        ).read_bytes()
    stored = list(read_dataset("bmo_2025", tmp_path / "a"))
    assert stored[0] == {
        "fap": "J0X32", "reg": "84", "dep": "01", "be": "8402", "met": None, "xmet": None,
        "smet": None,
    }  # fmt: skip


# --- crosswalk on a miniature of the published tables -------------------------------------


def mini_data(root: Path) -> Path:
    """BMO, Dares, La Bonne Boîte and ROME 4.0 extracts small enough to check by hand."""
    bmo_csv(root, GOOD)
    dares = root / fap_rome.DARES_FILE
    dares.parent.mkdir(parents=True)
    dares.write_bytes(
        "Fap;Rome;intitule_rome\nS2Z61;G1803;Service en restauration\nJ1Z40;N1101;"
        "Conduite d'engins de déplacement des charges\nA0Z00;NA;NA\n".encode("cp1252")
    )
    write_csv(
        root / fap_rome.LBB_FILE,
        [
            ["fap_code", "fap", "tension_pct", "rome_code", "rome_label"],
            ["S2Z61", "Serveurs de cafés restaurants", "50", "G1803", "SERVICE"],
        ],
    )
    write_csv(
        root / fap_rome.ROME_FICHES_FILE,
        [
            ["code_rome", "libelle_rome", "code_rome_parent"],
            ["G1803", "Serveur / Serveuse en restauration", "G1803"],
            ["G1809", "Barista", "G1803"],
            ["N1101", "Conducteur / Conductrice de chariot élévateur", "N1101"],
        ],
    )
    write_csv(
        root / fap_rome.ROME_APPELLATIONS_FILE,
        [
            ["libelle_appellation_long", "code_rome"],
            ["Cariste", "N1101"],
            ["Serveur / Serveuse de café", "G1803"],
            ["Appellation orpheline", "Z9999"],
        ],
    )
    return root


def test_crosswalk_flags_quality_and_method(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data")
    [(entry, report)] = fap_rome.build(data, tmp_path / "pack", overrides=tmp_path / "none.csv")
    links = {(r["fap"], r["rome"]): r for r in read_dataset("fap2021_rome4", tmp_path / "pack")}
    server = links[("S2X61", "G1803")]
    assert (server["qualite"], server["methode"], server["fap2009"]) == (
        "exacte",
        "fap2009_code",
        "S2Z61",
    )
    # Barista descends from the v3 fiche G1803 but is not named like the métier: approximate.
    assert links[("S2X61", "G1809")]["qualite"] == "approchee"
    assert links[("J0X32", "N1101")]["methode"] == "libelle_rome"
    assert links[("J0X32", "N1101")]["qualite"] == "approchee"
    for fap in ("S2X61", "J0X32"):
        assert sum(r["poids"] for r in links.values() if r["fap"] == fap) == pytest.approx(1, 1e-3)
    assert "appellation d'une fiche inconnue" in str(report.problems[0])
    assert entry.rows == 3


def test_overrides_replace_automatic_links_and_need_a_reason(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data")
    overrides = write_csv(
        tmp_path / "overrides.csv",
        [
            ["fap", "rome", "qualite", "poids", "commentaire"],
            ["J0X32", "N1101", "exacte", "", "Le libellé BMO nomme le cariste"],
            ["J0X32", "G1809", "exacte", "", ""],
            ["J0X32", "N1101", "parfaite", "", "qualité inconnue"],
        ],
    )
    [(_, report)] = fap_rome.build(data, tmp_path / "pack", overrides=overrides)
    links = [r for r in read_dataset("fap2021_rome4", tmp_path / "pack") if r["fap"] == "J0X32"]
    assert links == [
        {
            "fap": "J0X32", "rome": "N1101", "qualite": "exacte", "methode": "revue_manuelle",
            "poids": 1.0, "fap2009": None, "rome3": None,
        }
    ]  # fmt: skip
    reasons = [str(p) for p in report.problems]
    assert "overrides.csv:3 : commentaire manquant : dire pourquoi le lien est corrigé" in reasons
    assert any(r.startswith("overrides.csv:4 : qualité inconnue") for r in reasons)


def test_crosswalk_build_is_idempotent(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data")
    [(first, _)] = fap_rome.build(data, tmp_path / "a", overrides=tmp_path / "none.csv")
    [(second, _)] = fap_rome.build(data, tmp_path / "b", overrides=tmp_path / "none.csv")
    assert (tmp_path / "a" / first.file).read_bytes() == (tmp_path / "b" / second.file).read_bytes()


def test_crosswalk_without_dares_table_fails_in_french(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data")
    (data / fap_rome.DARES_FILE).unlink()
    with pytest.raises(ImportFailed, match="Impossible de lire"):
        fap_rome.build(data, tmp_path / "pack")


def test_label_normalisation_folds_gender_and_plural() -> None:
    assert words("Couvreurs") == words("Couvreur / Couvreuse") == {"couvreur"}
    assert stem("conductrice") == stem("conducteur")
    assert stem("commerciaux") == "commercial"
    assert stem("ouviers") == "ouvrier"  # the BMO 2025 typo
    assert contained(words("Cariste"), words("Conducteurs d'engins légers, cariste"))
    assert not contained(words("Agent de talent"), words("Agents administratifs"))


def test_fap2009_spelling() -> None:
    assert fap_rome.fap2009_code("A0X40") == "A0Z40"
    assert fap_rome.fap2009_code("T2A60") == "T2A60"
