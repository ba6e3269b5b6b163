"""ROME v3 → ROME 4.0 passage through `code_rome_parent` of the official ROME 4.0 extract.

Certification tables (Certif Info, France Compétences) still publish ROME v3 codes. In ROME 4.0
each fiche names the v3 fiche it descends from (`code_rome_parent`), so a v3 code X maps to every
v4 fiche whose parent is X (X itself when it survived, which is always listed as its own parent).

v3 "family" codes (`G1500`, or a bare `A12`) name a whole domain, not a fiche. They are expanded to
every v4 fiche descending from a v3 fiche of that family, but only as *approximate* links: the
certification names the domain, we do not know which jobs of it. A grand-domain code (`K00`) is
too broad to mean anything and maps to nothing.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.retrieval.sources.base import ImportFailed, ImportReport, read_csv

FILE = Path("rome4_v460") / "unix_referentiel_code_rome_v460_utf8.csv"
_FICHE = re.compile(r"^[A-N][0-9]{4}$")
_FAMILY = re.compile(r"^([A-N][0-9]{2})(00)?$")


@dataclass
class RomePassage:
    """v3 fiche → v4 fiches, and v3 family (3 characters) → v4 fiches of that family."""

    v4_codes: set[str] = field(default_factory=set)
    children: dict[str, set[str]] = field(default_factory=dict)
    families: dict[str, set[str]] = field(default_factory=dict)

    def map(self, v3_codes: list[str]) -> tuple[list[str], list[str], list[str]]:
        """(exact v4 codes, approximate ones from family codes, v3 codes that map to nothing)."""
        exact: set[str] = set()
        approx: set[str] = set()
        unknown: list[str] = []
        for code in v3_codes:
            if code in self.children:
                exact |= self.children[code]
            elif code in self.v4_codes:
                exact.add(code)
            elif (match := _FAMILY.match(code)) and match.group(1)[1:] != "00":
                approx |= self.families.get(match.group(1), set())
            else:
                unknown.append(code)
        return sorted(exact), sorted(approx - exact), unknown


def is_fiche_code(code: str) -> bool:
    """The code of one ROME fiche (`H1203`), not of a family."""
    return bool(_FICHE.match(code))


def is_rome_code(code: str) -> bool:
    """A ROME code as certification tables publish it: a fiche (`H1203`) or a family (`G15`)."""
    return bool(_FICHE.match(code) or _FAMILY.match(code))


def read_passage(data_dir: Path, report: ImportReport) -> RomePassage:
    """Read `code_rome`/`code_rome_parent` from the ROME 4.0 referential (file in `data_dir`)."""
    path = data_dir / FILE
    if not path.exists():
        raise ImportFailed(f"Fichier introuvable : {path} (référentiel des fiches ROME 4.0).")
    passage = RomePassage()
    children: dict[str, set[str]] = defaultdict(set)
    for line, row in read_csv(path, report, required=("code_rome", "code_rome_parent")):
        code, parent = row["code_rome"].strip(), row["code_rome_parent"].strip()
        if not _FICHE.match(code):
            report.problem(path, line, f"code ROME 4.0 invalide ({code!r})")
            continue
        passage.v4_codes.add(code)
        if _FICHE.match(parent):
            children[parent].add(code)
    passage.children = dict(children)
    families: dict[str, set[str]] = defaultdict(set)
    for parent, codes in children.items():
        families[parent[:3]] |= codes
    passage.families = dict(families)
    return passage
