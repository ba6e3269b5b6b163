"""data·inclusion (GIP de l'inclusion), schema v1: referentials, structures/services format.

The referentials (thématiques, publics, types de services, réseaux porteurs…) ship in the pack.
A deployment may also drop the official dumps (`structures.json`/`services.json`, or `.csv`,
`.jsonl`) in `<data_dir>/data_inclusion/`: they are checked against the referentials and
imported into `structures_data_inclusion` and `services_data_inclusion`.
Fields follow `data_inclusion.schema.v1` (`Structure`, `Service`); `contact_nom_prenom` is never
kept (it names a person) and e-mails are kept only when they are an organisation's.
"""

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.retrieval.pack import DatasetEntry, DatasetInfo, read_dataset, write_dataset
from assistant.retrieval.sources import contacts
from assistant.retrieval.sources.base import (
    REPLACEMENT,
    UNREADABLE,
    ImportFailed,
    ImportReport,
    decode,
    read_csv,
)

FOLDER = "data_inclusion_referentiels"
DUMP_FOLDER = "data_inclusion"
PUBLISHER = "GIP de l'inclusion, data·inclusion"
SCHEMA_VERSION = "schéma data·inclusion v1"
# The referentials come from the open schema's repository (gip-inclusion/data-inclusion, MIT).
REFERENTIALS_LICENCE = "Schéma ouvert data·inclusion (dépôt gip-inclusion/data-inclusion, MIT)"
REFERENTIALS_DATASET = "referentiels_inclusion"
STRUCTURES_DATASET = "structures_data_inclusion"
SERVICES_DATASET = "services_data_inclusion"
REFERENTIALS = {
    "thematiques": "thematiques_v1.csv",
    "publics": "publics_v1.csv",
    "types_de_services": "types_de_services_v1.csv",
    "reseaux_porteurs": "reseaux_porteurs_v1.csv",
    "frais": "frais_v1.csv",
    "modes_accueil": "modes_accueil_v1.csv",
    "modes_mobilisation": "modes_mobilisation_v1.csv",
    "personne_mobilisatrice": "personne_mobilisatrice_v1.csv",
}
# Schema field -> referential of its values; list fields, then single-value fields.
_LIST_FIELDS = {
    "reseaux_porteurs": "reseaux_porteurs",
    "thematiques": "thematiques",
    "publics": "publics",
    "modes_accueil": "modes_accueil",
    "modes_mobilisation": "modes_mobilisation",
    "mobilisable_par": "personne_mobilisatrice",
}
_SINGLE_FIELDS = {"type": "types_de_services", "frais": "frais"}
_COMMON_FIELDS = (
    "id",
    "source",
    "nom",
    "description",
    "date_maj",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
    "horaires_accueil",
)
STRUCTURE_FIELDS = (
    *_COMMON_FIELDS,
    "siret",
    "site_web",
    "accessibilite_lieu",
    "reseaux_porteurs",
)
SERVICE_FIELDS = (
    *_COMMON_FIELDS,
    "structure_id",
    "type",
    "thematiques",
    "frais",
    "frais_precisions",
    "publics",
    "publics_precisions",
    "conditions_acces",
    "modes_accueil",
    "zone_eligibilite",
    "lien_mobilisation",
    "modes_mobilisation",
    "mobilisable_par",
    "mobilisation_precisions",
    "volume_horaire_hebdomadaire",
    "nombre_semaines",
)
_FLOAT_FIELDS = {"longitude", "latitude", "volume_horaire_hebdomadaire"}
_DUMP_SUFFIXES = (".json", ".jsonl", ".csv")


@dataclass(frozen=True)
class Referentials:
    """The values of each referential with their French label."""

    labels: dict[str, dict[str, str]]

    def values(self, name: str) -> frozenset[str]:
        return frozenset(self.labels.get(name, {}))

    def known(self, name: str, value: str) -> bool:
        return value in self.labels.get(name, {})

    def label(self, name: str, value: str) -> str:
        return self.labels.get(name, {}).get(value, value)

    def missing(self, name: str, values: tuple[str, ...] | list[str]) -> list[str]:
        """The values that the referential does not define (used to check our own constants)."""
        known = self.values(name)
        return [value for value in values if value not in known]


def _referential_rows(data_dir: Path, report: ImportReport) -> list[dict[str, str]]:
    rows = []
    for name, file_name in REFERENTIALS.items():
        path = data_dir / FOLDER / file_name
        seen: dict[str, int] = {}
        for line, row in read_csv(path, report, required=("value", "label")):
            value, label = row["value"].strip(), row["label"].strip()
            if not value or not label:
                report.problem(path, line, "valeur ou libellé manquant")
                continue
            if value in seen:
                report.problem(path, line, f"valeur « {value} » en double (ligne {seen[value]})")
                continue
            seen[value] = line
            record = {"referentiel": name, "value": value, "label": label}
            if row.get("description", "").strip():
                record["description"] = row["description"].strip()
            if name == "thematiques" and "--" in value:
                record["categorie"] = value.split("--", 1)[0]
            rows.append(record)
            report.rows_kept += 1
    return sorted(rows, key=lambda r: (r["referentiel"], r["value"]))


def read_referentials(data_dir: Path, report: ImportReport | None = None) -> Referentials:
    """The referentials from the official CSV files under `data_dir`."""
    rows = _referential_rows(data_dir, report or ImportReport("référentiels data·inclusion"))
    return _from_rows(rows)


def _from_rows(rows: list[dict[str, Any]]) -> Referentials:
    labels: dict[str, dict[str, str]] = {}
    for row in rows:
        labels.setdefault(row["referentiel"], {})[row["value"]] = row["label"]
    return Referentials(labels)


def load_referentials(knowledge_dir: Path) -> Referentials:
    """The referentials from the knowledge pack (runtime)."""
    if not (knowledge_dir / f"{REFERENTIALS_DATASET}.jsonl.gz").exists():
        raise ImportFailed(
            f"Les référentiels data·inclusion manquent dans {knowledge_dir} "
            "(reconstruire le paquet de connaissances)."
        )
    return _from_rows(list(read_dataset(REFERENTIALS_DATASET, knowledge_dir)))


def build_referentials(data_dir: Path, knowledge_dir: Path) -> tuple[DatasetEntry, ImportReport]:
    report = ImportReport("référentiels data·inclusion v1")
    rows = _referential_rows(data_dir, report)
    info = DatasetInfo(
        name=REFERENTIALS_DATASET,
        description=(
            "Référentiels du schéma data·inclusion v1 : thématiques, publics, types de services, "
            "réseaux porteurs, frais, modes d'accueil et de mobilisation (valeur, libellé)."
        ),
        publisher=PUBLISHER,
        source_files=tuple(f"{FOLDER}/{name}" for name in REFERENTIALS.values()),
        version=f"{SCHEMA_VERSION} (gip-inclusion/data-inclusion, commit d4969e3)",
        licence=REFERENTIALS_LICENCE,
    )
    sources = [data_dir / FOLDER / name for name in REFERENTIALS.values()]
    return write_dataset(info, rows, knowledge_dir, sources), report


# --- Official dumps of structures and services ---------------------------------------------


class _Notes:
    """Value-level fixes (a value dropped, the row kept), summed up per reason in the report."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}
        self.count: dict[str, int] = {}

    def add(self, path: Path, line: int, reason: str) -> None:
        self.count[reason] = self.count.get(reason, 0) + 1
        self.first.setdefault(reason, f"{path.name}:{line}")

    def flush(self, report: ImportReport) -> None:
        for reason in sorted(self.count):
            times = self.count[reason]
            suffix = f" ({times} fois)" if times > 1 else ""
            report.notes.append(f"{self.first[reason]} : {reason}{suffix}")


def _json_records(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    """Objects of a JSON array or of JSON Lines, each with the line where it starts."""
    decoder = json.JSONDecoder()
    position, line = 0, 1

    def skip(chars: str) -> None:
        nonlocal position, line
        while position < len(text) and text[position] in chars:
            line += text[position] == "\n"
            position += 1

    skip(" \t\r\n")
    if position >= len(text):
        raise ImportFailed(f"{path} est vide.")
    in_array = text.startswith("[", position)
    if in_array:
        position += 1
    while True:
        skip(" \t\r\n," if in_array else " \t\r\n")
        if position >= len(text):
            if in_array:
                raise ImportFailed(f"{path} : fichier JSON tronqué (« ] » final manquant).")
            return
        if in_array and text[position] == "]":
            return
        try:
            record, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise ImportFailed(
                f"{path} : JSON illisible ligne {exc.lineno}, colonne {exc.colno}."
            ) from None
        except RecursionError:  # the decoder recurses into nested arrays and objects
            raise ImportFailed(
                f"{path} : JSON illisible ligne {line} (valeurs imbriquées sur trop de niveaux)."
            ) from None
        yield line, record
        line += text.count("\n", position, end)
        position = end


def _split_list(value: str) -> list[str]:
    """List cells of CSV dumps: a JSON array, a Postgres array `{a,b}` or `a,b` / `a|b`."""
    text = value.strip()
    if not text:
        return []
    if text.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError:
            items = None
        if isinstance(items, list):
            return [str(item).strip() for item in items if str(item).strip()]
    text = text.strip("{}")
    separator = "|" if "|" in text else ","
    return [item.strip().strip('"') for item in text.split(separator) if item.strip()]


def _records(path: Path, report: ImportReport, required: tuple[str, ...]) -> Iterator[Any]:
    if path.suffix == ".csv":
        text, _ = decode(path)
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        for line, row in read_csv(path, report, required=required, delimiter=delimiter):
            record: dict[str, Any] = dict(row)
            for name in (*_LIST_FIELDS, "zone_eligibilite"):
                if name in record:
                    record[name] = _split_list(record[name])
            yield line, record
        return
    text, encoding = decode(path)
    for line, record in _json_records(path, text):
        report.rows_read += 1
        if encoding == UNREADABLE and REPLACEMENT in json.dumps(record, ensure_ascii=False):
            report.problem(path, line, "caractères illisibles (ni UTF-8 ni Windows-1252)")
            continue
        yield line, record


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return contacts.clean(value)


_CHECKS = {
    "telephone": contacts.phone,
    "code_postal": contacts.postcode,
    "siret": contacts.siret,
}


def _list_value(raw: Any, name: str, refs: Referentials, reject: Callable[[str], None]) -> list:
    items = raw if isinstance(raw, list) else _split_list(_text(raw))
    values = sorted({_text(item) for item in items} - {""})
    if name not in _LIST_FIELDS:
        return values
    referential = _LIST_FIELDS[name]
    for unknown in refs.missing(referential, values):
        reject(f"valeur inconnue de {referential} « {unknown} » retirée")
    return [item for item in values if refs.known(referential, item)]


def _scalar_value(raw: Any, name: str, refs: Referentials, reject: Callable[[str], None]) -> Any:
    if isinstance(raw, list) and len(raw) == 1:
        raw = raw[0]  # older dumps write single values as one-item lists
    text = _text(raw)
    if not text:
        return None
    if name in _SINGLE_FIELDS and not refs.known(_SINGLE_FIELDS[name], text):
        reject(f"valeur inconnue de {_SINGLE_FIELDS[name]} « {text} » retirée")
        return None
    if name in _FLOAT_FIELDS or name == "nombre_semaines":
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            number = math.nan
        if not math.isfinite(number):  # "nan", "inf", "1e400": not a place nor a duration
            reject(f"{name} non numérique retiré")
            return None
        return int(number) if name == "nombre_semaines" else number
    if name == "courriel":
        email = contacts.functional_email(text)
        if email is None:
            reject("courriel nominatif ou invalide retiré")
        return email
    if name in _CHECKS:
        checked = _CHECKS[name](text)
        if checked is None:
            reject(f"{name} invalide retiré")
        return checked
    return text


def _normalise(
    record: dict[str, Any],
    fields: tuple[str, ...],
    refs: Referentials,
    where: tuple[Path, int],
    notes: _Notes,
) -> dict[str, Any]:
    """The schema fields of a record, values checked; what is dropped goes to the notes."""

    def reject(reason: str) -> None:
        notes.add(where[0], where[1], reason)

    out: dict[str, Any] = {}
    for name in fields:
        if name in _LIST_FIELDS or name == "zone_eligibilite":
            value = _list_value(record.get(name), name, refs, reject)
        else:
            value = _scalar_value(record.get(name), name, refs, reject)
        if value not in (None, []):
            out[name] = value
    department = _department(out)
    if department:
        out["departement"] = department
    return out


def _department(row: dict[str, Any]) -> str | None:
    insee = row.get("code_insee", "")
    if len(insee) == 5:
        return insee[:3] if insee.startswith(("97", "98")) else insee[:2]
    if row.get("code_postal"):
        return contacts.department_of_postcode(row["code_postal"])
    return None


def read_dump(
    path: Path,
    kind: str,
    refs: Referentials,
    report: ImportReport,
    structure_ids: set[str] | None = None,
) -> list[dict[str, Any]]:
    """Structures (`kind="structures"`) or services of a data·inclusion dump, sorted by id."""
    if not path.exists():
        raise ImportFailed(f"Fichier introuvable : {path}.")
    is_service = kind == "services"
    fields = SERVICE_FIELDS if is_service else STRUCTURE_FIELDS
    required = ("id", "nom", "structure_id") if is_service else ("id", "nom")
    notes = _Notes()
    rows: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for line, record in _records(path, report, required):
        if not isinstance(record, dict):
            report.problem(path, line, "enregistrement qui n'est pas un objet JSON")
            continue
        row = _normalise(record, fields, refs, (path, line), notes)
        missing = [name for name in required if not row.get(name)]
        if missing:
            report.problem(path, line, f"champ obligatoire manquant : {', '.join(missing)}")
            continue
        if len(row["nom"]) < 3:
            report.problem(path, line, f"nom trop court « {row['nom']} » (3 caractères minimum)")
            continue
        if row["id"] in rows:
            report.problem(
                path, line, f"identifiant « {row['id']} » en double (ligne {lines[row['id']]})"
            )
            continue
        if is_service and structure_ids is not None and row["structure_id"] not in structure_ids:
            report.problem(
                path, line, f"structure « {row['structure_id']} » absente des structures"
            )
            continue
        rows[row["id"]] = row
        lines[row["id"]] = line
        report.rows_kept += 1
    notes.flush(report)
    return [rows[key] for key in sorted(rows)]


def _dump_file(folder: Path, stem: str) -> Path | None:
    for suffix in _DUMP_SUFFIXES:
        if (folder / f"{stem}{suffix}").exists():
            return folder / f"{stem}{suffix}"
    return None


def build_dumps(
    folder: Path, knowledge_dir: Path, refs: Referentials
) -> list[tuple[DatasetEntry, ImportReport]]:
    """Import the official dumps found in `folder` (structures.* and services.*), if any."""
    structures_path = _dump_file(folder, "structures")
    services_path = _dump_file(folder, "services")
    results = []
    structure_ids: set[str] | None = None
    if structures_path is not None:
        report = ImportReport("structures data·inclusion")
        rows = read_dump(structures_path, "structures", refs, report)
        structure_ids = {row["id"] for row in rows}
        info = _dump_info(STRUCTURES_DATASET, "Structures d'insertion", structures_path)
        results.append((write_dataset(info, rows, knowledge_dir, [structures_path]), report))
    if services_path is not None:
        report = ImportReport("services data·inclusion")
        rows = read_dump(services_path, "services", refs, report, structure_ids)
        info = _dump_info(SERVICES_DATASET, "Services d'insertion", services_path)
        results.append((write_dataset(info, rows, knowledge_dir, [services_path]), report))
    return results


def _dump_info(name: str, what: str, path: Path) -> DatasetInfo:
    return DatasetInfo(
        name=name,
        description=f"{what} (export officiel data·inclusion fourni par le déploiement).",
        publisher=PUBLISHER,
        source_files=(f"{DUMP_FOLDER}/{path.name}",),
        version=SCHEMA_VERSION,
    )


def build(data_dir: Path, knowledge_dir: Path) -> list[tuple[DatasetEntry, ImportReport]]:
    """Referentials, then the official dumps when present."""
    entry, report = build_referentials(data_dir, knowledge_dir)
    refs = read_referentials(data_dir)
    return [(entry, report), *build_dumps(data_dir / DUMP_FOLDER, knowledge_dir, refs)]
