"""The knowledge pack: deterministic gzip JSON Lines files in `knowledge/` and their MANIFEST."""

import gzip
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.locations import KNOWLEDGE_DIR

LICENCE = "Licence Ouverte / Etalab 2.0"
MANIFEST = "MANIFEST.json"


@dataclass(frozen=True)
class DatasetInfo:
    """Where a dataset of the pack comes from."""

    name: str
    description: str
    publisher: str
    source_files: tuple[str, ...]
    version: str
    licence: str = LICENCE


@dataclass
class DatasetEntry:
    info: DatasetInfo
    file: str
    rows: int
    sha256: str
    source_sha256: dict[str, str] = field(default_factory=dict)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_dataset(
    info: DatasetInfo,
    rows: Iterable[dict[str, Any]],
    directory: Path = KNOWLEDGE_DIR,
    sources: Iterable[Path] = (),
) -> DatasetEntry:
    """Write `<name>.jsonl.gz`; the same rows always give the same bytes (idempotent import)."""
    buffer = io.BytesIO()
    count = 0
    # mtime=0 and no file name in the header: identical input, identical file and checksum.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        for row in rows:
            gz.write(json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
            count += 1
    data = buffer.getvalue()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{info.name}.jsonl.gz"
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return DatasetEntry(
        info=info,
        file=path.name,
        rows=count,
        sha256=sha256_hex(data),
        source_sha256={p.name: sha256_hex(p.read_bytes()) for p in sources},
    )


def read_dataset(name: str, directory: Path = KNOWLEDGE_DIR) -> Iterator[dict[str, Any]]:
    path = directory / f"{name}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def write_manifest(entries: Iterable[DatasetEntry], directory: Path = KNOWLEDGE_DIR) -> Path:
    """Merge the entries into MANIFEST.json (one entry per dataset name, sorted)."""
    path = directory / MANIFEST
    manifest = load_manifest(directory)
    for entry in entries:
        record = asdict(entry)
        info = record.pop("info")
        manifest[entry.info.name] = {**info, **record}
    text = json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=2) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def load_manifest(directory: Path = KNOWLEDGE_DIR) -> dict[str, dict[str, Any]]:
    path = directory / MANIFEST
    if not path.exists():
        return {}
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def verify(directory: Path = KNOWLEDGE_DIR) -> list[str]:
    """French problems found when checking each dataset against its MANIFEST checksum."""
    problems = []
    for name, entry in load_manifest(directory).items():
        path = directory / entry["file"]
        if not path.exists():
            problems.append(f"{entry['file']} manque dans {directory}.")
        elif sha256_hex(path.read_bytes()) != entry["sha256"]:
            problems.append(f"{entry['file']} ne correspond pas à son empreinte ({name}).")
    return problems
