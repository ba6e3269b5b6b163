"""The team's plain descriptions of the jobs (`knowledge/descriptions_metiers.toml`).

The file is edited by hand (one `CODE = "texte"` line per sheet): a slip on one line must
cost that line only, and be reported with its line number, never drop the other 1,583.
"""

import tomllib
from collections.abc import Collection
from pathlib import Path


def read_descriptions(path: Path, codes: Collection[str]) -> tuple[dict[str, str], list[str]]:
    """The descriptions of known sheets, and French problems (`file:line : reason`)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}, [f"{path.name} absent : les fiches s'affichent sans description."]
    try:
        whole = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return _line_by_line(path.name, raw, codes)
    descriptions: dict[str, str] = {}
    problems: list[str] = []
    for code, text in whole.items():
        problem = _kept(descriptions, code, text, codes)
        if problem:
            problems.append(f"{path.name} : {code} : {problem}")
    return descriptions, problems


def _line_by_line(
    name: str, raw: bytes, codes: Collection[str]
) -> tuple[dict[str, str], list[str]]:
    descriptions: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(
                f"{name}:{number} : caractères illisibles (le fichier doit être en UTF-8)"
            )
            continue
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        try:
            entry = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            problems.append(f'{name}:{number} : ligne illisible (attendu : CODE = "texte")')
            continue
        for code, value in entry.items():
            if code in descriptions:
                problems.append(f"{name}:{number} : {code} en double, la première est gardée")
            elif problem := _kept(descriptions, code, value, codes):
                problems.append(f"{name}:{number} : {code} : {problem}")
    return descriptions, problems


def _kept(descriptions: dict[str, str], code: str, text: object, codes: Collection[str]) -> str:
    """Keeps one entry; the reason it was not kept otherwise."""
    if code not in codes:
        return "code ROME inconnu"
    if not isinstance(text, str) or not text.strip():
        return "description vide"
    descriptions[code] = text.strip()
    return ""
