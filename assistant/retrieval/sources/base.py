"""What every importer shares: reading official CSV files robustly and reporting bad rows."""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


class ImportFailed(Exception):
    """A whole file cannot be imported (missing, unreadable, missing columns); French message."""


@dataclass(frozen=True)
class RowProblem:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} : {self.reason}"


@dataclass
class ImportReport:
    """Counts and problems of one import; a bad row is reported and skipped, never fatal."""

    source: str
    rows_read: int = 0
    rows_kept: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(self, path: Path | str, line: int, reason: str) -> None:
        self.problems.append(RowProblem(Path(path).name, line, reason))

    def summary(self) -> str:
        text = f"{self.source} : {self.rows_kept} retenus ({self.rows_read} lignes lues)"
        if self.problems:
            text += f", {len(self.problems)} ligne(s) écartée(s)"
        return text


UNREADABLE = "illisible"
"""`decode`'s encoding when some lines fit no encoding: they hold U+FFFD and must be reported."""
REPLACEMENT = "\ufffd"


def decode(path: Path, encodings: Iterable[str] = ("utf-8-sig", "cp1252")) -> tuple[str, str]:
    """The text of a file and the encoding that decoded it (official files lie about theirs).

    A file that is not wholly in the first encoding is decoded line by line: a UTF-8 export with
    a few Windows-1252 lines (or the reverse) keeps every line readable instead of being turned
    into mojibake or refused. The encoding returned is then the last one any line needed, or
    `UNREADABLE` when some lines fit none (they are decoded with U+FFFD; callers report them).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"Impossible de lire {path} ({exc.strerror}).") from None
    first, *others = list(encodings)
    try:
        return raw.decode(first), first
    except UnicodeDecodeError:
        if not others:
            raise ImportFailed(f"{path} : encodage inconnu (attendu : {first}).") from None
    lines, used = [], first
    for number, line in enumerate(raw.splitlines(keepends=True)):
        for encoding in (first if number == 0 else first.removesuffix("-sig"), *others):
            try:
                lines.append(line.decode(encoding))
            except UnicodeDecodeError:
                continue
            if encoding in others and used != UNREADABLE:
                used = encoding
            break
        else:
            lines.append(line.decode(others[-1], errors="replace"))
            used = UNREADABLE
    return "".join(lines), used


def read_csv(
    path: Path,
    report: ImportReport,
    *,
    required: Iterable[str],
    delimiter: str = ",",
    encodings: Iterable[str] = ("utf-8-sig", "cp1252"),
    header: list[str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as dicts with their line number; bad rows go to the report.

    `header` is for files published without a header row.
    """
    text, encoding = decode(path, encodings)
    if encoding == "cp1252":
        report.notes.append(f"{path.name} lu en Windows-1252 (pas en UTF-8).")
    elif encoding == UNREADABLE:
        report.notes.append(
            f"{path.name} : encodage mélangé, des lignes ne sont ni en UTF-8 ni en Windows-1252."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = header
    if names is None:
        try:
            names = [name.strip() for name in next(reader)]
        except StopIteration:
            raise ImportFailed(f"{path} est vide.") from None
    missing = [column for column in required if column not in names]
    if missing:
        raise ImportFailed(
            f"{path} : colonnes manquantes : {', '.join(missing)}. "
            "Le fichier n'est pas au format attendu."
        )
    width = len(names)
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.rows_read += 1
            report.problem(path, line, f"ligne CSV illisible ({exc})")
            continue
        if not values or all(not v.strip() for v in values):
            continue
        report.rows_read += 1
        # Trailing empty columns are common in official exports; anything else is a bad row.
        while len(values) > width and not values[-1].strip():
            values.pop()
        if len(values) != width:
            report.problem(path, line, f"{len(values)} colonnes au lieu de {width}")
            continue
        if encoding == UNREADABLE and any(REPLACEMENT in value for value in values):
            report.problem(path, line, "caractères illisibles (ni UTF-8 ni Windows-1252)")
            continue
        yield line, dict(zip(names, values, strict=True))


def is_number(text: str) -> bool:
    """ASCII digits only: `str.isdigit()` also accepts « ² » or « ① », which `int()` refuses."""
    return text.isascii() and text.isdigit()


def undouble_apostrophes(text: str) -> str:
    """ROME and RNCP exports double apostrophes (`d''air`)."""
    return text.replace("''", "'")
