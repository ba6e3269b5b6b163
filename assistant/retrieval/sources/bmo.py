"""BMO 2025 importer: France Travail's "Besoins en Main-d'Œuvre" survey, as published.

One source row is one métier (FAP 2021 code) × département × bassin d'emploi with three counts:
hiring projects (`met`), of which judged difficult (`xmet`) and seasonal (`smet`). `*` is
statistical secrecy: it stays null (never 0) and aggregates count how many cells were hidden, so
the app can say "au moins N" instead of showing a false total.

The official workbook is read first (about 5 s with openpyxl in read-only mode); the CSV export of
its data sheet is the fallback when the workbook is absent.
"""

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources.base import ImportFailed, ImportReport, is_number, read_csv

FOLDER = "bmo_2025"
XLSX_FILE = "Base_open_data_BMO_2025.xlsx"
XLSX_SHEET = "BMO_2025_open_data"
CSV_FILE = "bmo_2025_open_data.csv"
PUBLISHER = "France Travail (enquête Besoins en Main-d'Œuvre, avec le Crédoc)"
VERSION = "BMO 2025"
SECRET = "*"
COLUMNS = (
    "annee",
    "Code métier BMO",
    "Nom métier BMO",
    "Famille_met",
    "Lbl_fam_met",
    "REG",
    "NOM_REG",
    "Dept",
    "NomDept",
    "BE25",
    "NOMBE25",
    "met",
    "xmet",
    "smet",
)
COUNTS = ("met", "xmet", "smet")
# FAP 2021: domain letter, family letter or digit, then a letter and two digits (A0X40, QAX01).
FAP_CODE = re.compile(r"^[A-Z][A-Z0-9][A-Z][0-9]{2}$")
_REGION = re.compile(r"^[0-9]{2}$")
_DEPARTMENT = re.compile(r"^([0-9]{2,3}|2[AB])$")
_BASSIN = re.compile(r"^[0-9]{3,4}$")


@dataclass(frozen=True)
class BmoRow:
    """One published cell group: a métier in a bassin (within one département)."""

    fap: str
    metier: str
    famille: str
    libelle_famille: str
    region: str
    nom_region: str
    departement: str
    nom_departement: str
    bassin: str
    nom_bassin: str
    met: int | None
    xmet: int | None
    smet: int | None

    def compact(self) -> dict[str, Any]:
        """The row as stored in the pack; labels live in the référentiel datasets."""
        return {
            "fap": self.fap,
            "reg": self.region,
            "dep": self.departement,
            "be": self.bassin,
            "met": self.met,
            "xmet": self.xmet,
            "smet": self.smet,
        }


def _cell(value: object) -> str:
    """A workbook cell as the CSV export writes it (integers without `.0`, empty for None)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path, report: ImportReport) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of the data sheet with their sheet row number, checked like `read_csv` does."""
    import openpyxl  # only needed for the workbook; keep the CSV path import-light

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt or foreign file
        raise ImportFailed(f"{path} : classeur Excel illisible ({exc}).") from None
    try:
        if XLSX_SHEET not in workbook.sheetnames:
            raise ImportFailed(
                f"{path} : feuille « {XLSX_SHEET} » introuvable "
                f"(feuilles présentes : {', '.join(workbook.sheetnames)})."
            )
        rows = workbook[XLSX_SHEET].iter_rows(values_only=True)
        try:
            names = [_cell(v).strip() for v in next(rows)]
        except StopIteration:
            raise ImportFailed(f"{path} : la feuille « {XLSX_SHEET} » est vide.") from None
        while names and not names[-1]:
            names.pop()
        _check_columns(path, names)
        width = len(names)
        for number, raw in enumerate(rows, start=2):
            values = [_cell(v) for v in raw]
            if all(not v.strip() for v in values):
                continue
            report.rows_read += 1
            while len(values) > width and not values[-1].strip():
                values.pop()
            if len(values) != width:
                report.problem(
                    _sheet_name(path), number, f"{len(values)} colonnes au lieu de {width}"
                )
                continue
            yield number, dict(zip(names, values, strict=True))
    finally:
        workbook.close()


def _sheet_name(path: Path) -> str:
    return f"{path.name} (feuille {XLSX_SHEET})"


def _check_columns(path: Path, names: list[str]) -> None:
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise ImportFailed(
            f"{path} : colonnes manquantes : {', '.join(missing)}. "
            "Le fichier n'est pas au format attendu."
        )


def _count(value: str) -> tuple[bool, int | None]:
    """(valid, value): `*` is a valid hidden count (None); anything else must be an integer ≥ 0."""
    text = value.strip().replace("\u202f", "").replace(" ", "")
    if text == SECRET:
        return True, None
    if is_number(text):
        return True, int(text)
    return False, None


def _parse(row: dict[str, str]) -> BmoRow | str:
    """A checked row, or the French reason why it is rejected."""
    value = {name: row[name].strip() for name in COLUMNS}
    fap = value["Code métier BMO"].upper()
    if not FAP_CODE.match(fap):
        return f"code métier FAP 2021 invalide ({value['Code métier BMO']!r})"
    if not value["Nom métier BMO"]:
        return "nom du métier vide"
    if not _REGION.match(value["REG"]):
        return f"code région invalide ({value['REG']!r})"
    departement = value["Dept"].upper()
    if not _DEPARTMENT.match(departement):
        return f"code département invalide ({value['Dept']!r})"
    if not _BASSIN.match(value["BE25"]):
        return f"code bassin d'emploi invalide ({value['BE25']!r})"
    counts: dict[str, int | None] = {}
    for name in COUNTS:
        valid, number = _count(value[name])
        if not valid:
            return f"valeur non numérique dans {name} ({value[name]!r})"
        counts[name] = number
    met = counts["met"]
    for part in ("xmet", "smet"):
        number = counts[part]
        if met is not None and number is not None and number > met:
            return f"{part} ({number}) supérieur au nombre de projets met ({met})"
    return BmoRow(
        fap=fap,
        metier=value["Nom métier BMO"],
        famille=value["Famille_met"],
        libelle_famille=value["Lbl_fam_met"],
        region=value["REG"],
        nom_region=value["NOM_REG"],
        departement=departement,
        nom_departement=value["NomDept"],
        bassin=value["BE25"],
        nom_bassin=value["NOMBE25"],
        met=met,
        xmet=counts["xmet"],
        smet=counts["smet"],
    )


def source_file(data_dir: Path, prefer: str = "xlsx") -> Path:
    """The official file to read: the workbook when present (or asked for), else the CSV export."""
    folder = data_dir / FOLDER
    order = (XLSX_FILE, CSV_FILE) if prefer == "xlsx" else (CSV_FILE, XLSX_FILE)
    for name in order:
        if (folder / name).exists():
            return folder / name
    raise ImportFailed(
        f"Fichier BMO 2025 introuvable : ni {XLSX_FILE} ni {CSV_FILE} dans {folder}."
    )


def read_rows(path: Path, report: ImportReport) -> list[BmoRow]:
    """Valid BMO rows of a workbook or CSV export; bad rows are reported (file:line) and skipped."""
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(path, report)
        where = _sheet_name(path)
    else:
        rows = read_csv(path, report, required=COLUMNS)
        where = path.name
    kept: list[BmoRow] = []
    seen: set[tuple[str, str, str]] = set()
    for line, row in rows:
        parsed = _parse(row)
        if isinstance(parsed, str):
            report.problem(where, line, parsed)
            continue
        key = (parsed.fap, parsed.departement, parsed.bassin)
        if key in seen:
            report.problem(where, line, f"doublon métier × département × bassin {key}")
            continue
        seen.add(key)
        kept.append(parsed)
    report.rows_kept = len(kept)
    if not kept:
        raise ImportFailed(f"{path} : aucune ligne BMO exploitable.")
    return kept


def _empty_totals() -> dict[str, int]:
    return {name: 0 for name in COUNTS} | {f"{name}_masque": 0 for name in COUNTS}


def _add(totals: dict[str, int], row: BmoRow) -> None:
    for name in COUNTS:
        number = getattr(row, name)
        if number is None:
            totals[f"{name}_masque"] += 1
        else:
            totals[name] += number


def aggregate(rows: list[BmoRow], level: str) -> list[dict[str, Any]]:
    """Totals per FAP × `level` ("national", "region" or "departement").

    Sums cover the published cells only; `<count>_masque` says how many cells were hidden, so a
    total with hidden cells is a lower bound ("au moins").
    """
    totals: dict[tuple[str, str], dict[str, int]] = defaultdict(_empty_totals)
    names: dict[tuple[str, str], str] = {}
    for row in rows:
        place = {"national": "", "region": row.region, "departement": row.departement}[level]
        key = (row.fap, place)
        _add(totals[key], row)
        names[key] = {"national": "", "region": row.nom_region, "departement": row.nom_departement}[
            level
        ]
    result = []
    for (fap, place), counts in sorted(totals.items()):
        record: dict[str, Any] = {"fap": fap, **counts}
        if level == "region":
            record |= {"reg": place, "nom_reg": names[(fap, place)]}
        elif level == "departement":
            record |= {"dep": place, "nom_dep": names[(fap, place)]}
        result.append(record)
    return result


def metiers(rows: list[BmoRow]) -> list[dict[str, Any]]:
    """One row per FAP 2021 métier: label, family and national totals."""
    labels: dict[str, BmoRow] = {}
    for row in rows:
        labels.setdefault(row.fap, row)
    national = {record["fap"]: record for record in aggregate(rows, "national")}
    return [
        {
            "fap": fap,
            "libelle": labels[fap].metier,
            "famille": labels[fap].famille,
            "libelle_famille": labels[fap].libelle_famille,
            **{k: v for k, v in national[fap].items() if k != "fap"},
        }
        for fap in sorted(labels)
    ]


def bassins(rows: list[BmoRow]) -> list[dict[str, Any]]:
    """The 2025 bassins d'emploi with their région and département(s) (some span several)."""
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = found.setdefault(
            row.bassin,
            {"be": row.bassin, "nom": row.nom_bassin, "reg": row.region, "departements": {}},
        )
        entry["departements"][row.departement] = row.nom_departement
    return [
        {
            **entry,
            "departements": [
                {"dep": d, "nom": n} for d, n in sorted(entry["departements"].items())
            ],
        }
        for _, entry in sorted(found.items())
    ]


def regions(rows: list[BmoRow]) -> list[dict[str, str]]:
    found = {row.region: row.nom_region for row in rows}
    return [{"reg": code, "nom": name} for code, name in sorted(found.items())]


def build(
    data_dir: Path, knowledge_dir: Path, prefer: str = "xlsx"
) -> list[tuple[DatasetEntry, ImportReport]]:
    """Import BMO 2025 into the pack: rows, per-FAP national/regional/departmental totals, zones."""
    path = source_file(data_dir, prefer)
    report = ImportReport("BMO 2025 — projets de recrutement")
    rows = read_rows(path, report)
    hidden = sum(row.met is None for row in rows)
    report.notes.append(
        f"{path.name} : {hidden} cellule(s) « met » masquée(s) par le secret statistique "
        "(gardées vides, jamais à 0)."
    )
    sources = (path.name,)

    def info(name: str, description: str) -> DatasetInfo:
        return DatasetInfo(name, description, PUBLISHER, sources, VERSION)

    datasets = [
        (
            info(
                "bmo_2025",
                "Projets de recrutement BMO 2025 par métier FAP 2021 × département × bassin "
                "(met, dont difficiles xmet, dont saisonniers smet ; null = secret statistique)",
            ),
            [row.compact() for row in sorted(rows, key=lambda r: (r.fap, r.departement, r.bassin))],
        ),
        (
            info("bmo_2025_metiers", "Métiers BMO 2025 (FAP 2021) : libellé, famille, totaux"),
            metiers(rows),
        ),
        (
            info(
                "bmo_2025_regions",
                "Projets de recrutement BMO 2025 par métier × région "
                "(sommes des cellules publiées ; *_masque = cellules sous secret)",
            ),
            aggregate(rows, "region"),
        ),
        (
            info(
                "bmo_2025_departements",
                "Projets de recrutement BMO 2025 par métier × département "
                "(sommes des cellules publiées ; *_masque = cellules sous secret)",
            ),
            aggregate(rows, "departement"),
        ),
        (
            info("bmo_2025_zones", "Régions et bassins d'emploi BMO 2025 (zonage BE25)"),
            [{"niveau": "region", **r} for r in regions(rows)]
            + [{"niveau": "bassin", **b} for b in bassins(rows)],
        ),
    ]
    result = []
    for dataset_info, records in datasets:
        entry = write_dataset(dataset_info, records, knowledge_dir, [path])
        if dataset_info.name == "bmo_2025":
            result.append((entry, report))
            continue
        # Derived datasets get their own short report so a summary is not printed five times.
        derived = ImportReport(f"BMO 2025 — {dataset_info.name}", len(rows), entry.rows)
        derived.notes.append(f"Calculé à partir des {len(rows)} lignes retenues de {path.name}.")
        result.append((entry, derived))
    return result
