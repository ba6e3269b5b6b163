"""Regulated jobs: our rules table (`knowledge/regles_metiers_reglementes.toml`) plus ROME's flag.

A rule says which access check a job depends on (B2 of the criminal record, administrative inquiry,
professional card…), its legal reference, who decides and what the person can do. It is shown to the
counsellor as a rule to check, never as a verdict on the person: the loader rejects verdict wording.

ROME 4.0 also flags fiches and appellations as `emploi_reglemente` ("O"); that flag is broader (any
diploma or licence requirement). `build()` ships the flagged codes as the pack dataset
`rome_reglemente` so the runtime never reads `../shared/data`.
"""

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.domain.errors import messages_erreurs
from assistant.domain.steps import PisteLevee, RegleApplicable
from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import DatasetEntry, DatasetInfo, read_dataset, write_dataset
from assistant.retrieval.sources.base import (
    ImportFailed,
    ImportReport,
    read_csv,
    undouble_apostrophes,
)

RULES_FILE = "regles_metiers_reglementes.toml"
DATASET = "rome_reglemente"
ROME_FOLDER = "rome4_v460"
FICHES_FILE = "unix_referentiel_code_rome_v460_utf8.csv"
APPELLATIONS_FILE = "unix_referentiel_appellation_v460_utf8.csv"
PUBLISHER = "France Travail, open data ROME"

CODE_ROME_PATTERN = r"^[A-N][0-9]{4}$"
CodeRome = Annotated[str, Field(pattern=CODE_ROME_PATTERN)]
CodeOgr = Annotated[str, Field(pattern=r"^[0-9]{1,7}$")]
Texte = Annotated[str, Field(min_length=3, max_length=700)]

# RegleApplicable values that name a specific rule; any other rule id maps to "autre".
NAMED_RULES: frozenset[str] = frozenset(get_args(RegleApplicable)) - {"aucune", "autre"}

# Wording that states a verdict on the person. Rules describe a check to make, never its outcome.
VERDICT_PATTERNS: tuple[str, ...] = (
    r"\binterdite?s?\b",
    r"\bincompatibles?\b",
    r"\bimpossibles?\b",
    r"\binaccessibles?\b",
    r"\bexclue?s?\b",
    r"\bne (?:peut|pourra|pourrait) (?:pas|plus|jamais)\b",
    r"\bn'a pas le droit\b",
)
_VERDICT = re.compile("|".join(VERDICT_PATTERNS), re.IGNORECASE)


def verdict_words(text: str) -> list[str]:
    """The verdict expressions found in `text` (empty when the wording is acceptable)."""
    return [m.group(0) for m in _VERDICT.finditer(text)]


class RegulatedRulesError(Exception):
    """The rules file is missing, unreadable or invalid; the French message names the file."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LegalReference(_Strict):
    """A legal text and article; `a_confirmer` when not checked against the official text."""

    texte: Texte
    article: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    a_confirmer: bool = False

    def __str__(self) -> str:
        text = f"{self.texte}, art. {self.article}" if self.article else self.texte
        return text + (" (référence à confirmer)" if self.a_confirmer else "")


class Piste(_Strict):
    """Something the person can do, with its value of the domain's `PisteLevee`."""

    piste: PisteLevee
    texte: Texte


class AppellationRef(_Strict):
    """An appellation (job-title variant) concerned when the rule covers only part of a fiche."""

    code_ogr: CodeOgr
    code_rome: CodeRome


class RegulatedRule(_Strict):
    """One regulated access, shown to the counsellor as a rule with its reference."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
    libelle: Annotated[str, Field(min_length=3, max_length=120)]
    resume: Texte
    controles: Annotated[tuple[Texte, ...], Field(min_length=1)]
    titre_requis: Texte | None = None
    references: Annotated[tuple[LegalReference, ...], Field(min_length=1)]
    decideur: Texte
    portee: Texte | None = None
    pistes: Annotated[tuple[Piste, ...], Field(min_length=1)]
    codes_rome: tuple[CodeRome, ...] = ()
    appellations: tuple[AppellationRef, ...] = ()

    @field_validator("id")
    @classmethod
    def _not_a_generic_value(cls, value: str) -> str:
        if value in ("aucune", "autre"):
            raise ValueError(f"« {value} » est réservé au domaine, pas à une règle")
        return value

    @model_validator(mode="after")
    def _coherent(self) -> "RegulatedRule":
        if not self.codes_rome and not self.appellations:
            raise ValueError(f"la règle {self.id} ne cite aucun code ROME ni aucune appellation")
        for codes, what in (
            (self.codes_rome, "codes ROME"),
            (self.appellation_codes, "appellations"),
        ):
            if len(codes) != len(set(codes)):
                raise ValueError(f"la règle {self.id} cite des {what} en double")
        for text in self.texts():
            found = verdict_words(text)
            if found:
                raise ValueError(
                    f"la règle {self.id} emploie une formulation de verdict ({', '.join(found)}) : "
                    "décrire la règle à vérifier, pas une conclusion sur la personne"
                )
        return self

    @property
    def appellation_codes(self) -> tuple[str, ...]:
        return tuple(a.code_ogr for a in self.appellations)

    @property
    def regle_applicable(self) -> RegleApplicable:
        """The value for `FaisabiliteProjet.regle_applicable`: the id, or "autre"."""
        value: RegleApplicable = self.id if self.id in NAMED_RULES else "autre"  # type: ignore[assignment]
        return value

    @property
    def a_confirmer(self) -> bool:
        return any(ref.a_confirmer for ref in self.references)

    @property
    def fiches(self) -> frozenset[str]:
        """Every ROME fiche the rule touches, fully or through some appellations."""
        return frozenset(self.codes_rome) | {a.code_rome for a in self.appellations}

    def concerns_whole_fiche(self, code_rome: str) -> bool:
        return code_rome in self.codes_rome

    def texts(self) -> list[str]:
        """Every French text of the rule (what the counsellor may read)."""
        texts = [self.libelle, self.resume, self.decideur, *self.controles]
        texts += [t for t in (self.titre_requis, self.portee) if t]
        texts += [p.texte for p in self.pistes] + [str(r) for r in self.references]
        return texts

    def reference_text(self) -> str:
        return " ; ".join(str(r) for r in self.references)

    def message(self) -> str:
        """The rule as one French paragraph for the counsellor (a rule to check, not a verdict)."""
        lines = [
            f"Règle à vérifier — {self.libelle} ({self.reference_text()}).",
            self.resume,
            "Ce qui est vérifié : " + ", ".join(self.controles) + ".",
        ]
        if self.titre_requis:
            lines.append(f"Titre demandé : {self.titre_requis}.")
        lines.append(f"Qui décide : {self.decideur}.")
        if self.portee:
            lines.append(f"Portée : {self.portee}")
        lines.append("Pistes : " + " ".join(p.texte for p in self.pistes))
        return "\n".join(lines)


class RulesFile(_Strict):
    version: Annotated[int, Field(ge=1)]
    regle: Annotated[tuple[RegulatedRule, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_ids(self) -> "RulesFile":
        ids = [r.id for r in self.regle]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"identifiants de règles en double : {', '.join(doubles)}")
        return self


def load_rules(path: Path = KNOWLEDGE_DIR / RULES_FILE) -> tuple[RegulatedRule, ...]:
    """Read and validate the rules table; any problem is a RegulatedRulesError naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegulatedRulesError(
            f"Table des métiers réglementés illisible : {path} ({exc.strerror})."
        ) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RegulatedRulesError(
            f"Table des métiers réglementés mal formée : {path} ({exc})."
        ) from None
    try:
        return RulesFile.model_validate(data).regle
    except ValidationError as exc:
        raise RegulatedRulesError(
            f"Table des métiers réglementés invalide : {path} : "
            + " ; ".join(messages_erreurs(exc))
        ) from None


def check_against_rome(
    rules: Iterable[RegulatedRule],
    fiches: Iterable[str],
    appellations: Mapping[str, str],
) -> list[str]:
    """French problems for rule codes absent from ROME (`appellations`: code_ogr -> code_rome)."""
    known = set(fiches)
    problems = []
    for rule in rules:
        for code in rule.codes_rome:
            if code not in known:
                problems.append(f"{rule.id} : la fiche ROME {code} n'existe pas.")
        for app in rule.appellations:
            actual = appellations.get(app.code_ogr)
            if actual is None:
                problems.append(f"{rule.id} : l'appellation {app.code_ogr} n'existe pas.")
            elif actual != app.code_rome:
                problems.append(
                    f"{rule.id} : l'appellation {app.code_ogr} relève de {actual}, "
                    f"pas de {app.code_rome}."
                )
    return problems


@dataclass(frozen=True)
class RomeFlags:
    """ROME's own `emploi_reglemente` = "O" codes, as shipped in the `rome_reglemente` dataset."""

    fiches: frozenset[str] = frozenset()
    appellations: Mapping[str, str] = field(default_factory=dict)  # code_ogr -> code_rome

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> "RomeFlags":
        fiches, appellations = set(), {}
        for row in rows:
            if row["type"] == "fiche":
                fiches.add(row["code_rome"])
            else:
                appellations[row["code"]] = row["code_rome"]
        return cls(frozenset(fiches), appellations)

    @classmethod
    def load(cls, directory: Path = KNOWLEDGE_DIR) -> "RomeFlags":
        """The flags of the pack; empty when the dataset has not been built."""
        if not (directory / f"{DATASET}.jsonl.gz").exists():
            return cls()
        return cls.from_rows(read_dataset(DATASET, directory))


class RegulatedJobs:
    """Rules table and ROME flag together; `is_regulated` fits the guide's `EstReglemente`."""

    def __init__(self, rules: Iterable[RegulatedRule], flags: RomeFlags | None = None) -> None:
        self.rules = tuple(rules)
        self.flags = flags or RomeFlags()
        self._by_id = {r.id: r for r in self.rules}

    @classmethod
    def load(cls, directory: Path = KNOWLEDGE_DIR) -> "RegulatedJobs":
        return cls(load_rules(directory / RULES_FILE), RomeFlags.load(directory))

    def rule(self, rule_id: str) -> RegulatedRule | None:
        return self._by_id.get(rule_id)

    def rules_for(self, code_rome: str) -> list[RegulatedRule]:
        """Rules touching a fiche, whole-fiche rules first (then those for some appellations)."""
        code = code_rome.strip().upper()
        found = [r for r in self.rules if code in r.fiches]
        return sorted(found, key=lambda r: not r.concerns_whole_fiche(code))

    def rules_for_appellation(self, code_ogr: str, code_rome: str) -> list[RegulatedRule]:
        """Rules for one appellation of fiche `code_rome`: the fiche's rules and its own ones."""
        code, fiche = code_ogr.strip(), code_rome.strip().upper()
        return [r for r in self.rules if fiche in r.codes_rome or code in r.appellation_codes]

    def rome_flag(self, code_rome: str) -> bool:
        """ROME's own flag for the fiche ("O")."""
        return code_rome.strip().upper() in self.flags.fiches

    def is_regulated(self, code_rome: str) -> bool:
        """Flagged by ROME or touched by one of our rules (usable as the guide's EstReglemente)."""
        code = code_rome.strip().upper()
        return code in self.flags.fiches or any(code in r.fiches for r in self.rules)

    def is_appellation_regulated(self, code_ogr: str, code_rome: str) -> bool:
        """Flagged by ROME at appellation level, or touched by one of our rules."""
        return code_ogr.strip() in self.flags.appellations or bool(
            self.rules_for_appellation(code_ogr, code_rome)
        )


@lru_cache(maxsize=1)
def default() -> RegulatedJobs:
    """The shipped table and flags, loaded once."""
    return RegulatedJobs.load(KNOWLEDGE_DIR)


def rules_for(code_rome: str) -> list[RegulatedRule]:
    return default().rules_for(code_rome)


def is_regulated(code_rome: str) -> bool:
    return default().is_regulated(code_rome)


# --- Build: ship ROME's flag in the pack ------------------------------------------------------


def _rome_version(folder: Path) -> str:
    path = folder / "version.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Titre/commentaire"):
                return line.split(":", 1)[1].strip()
    return "ROME 4.0"


def read_rome_codes(
    data_dir: Path, report: ImportReport
) -> tuple[list[dict[str, Any]], set[str], dict[str, str]]:
    """Flagged rows, every fiche code and every appellation (code_ogr -> code_rome) of ROME 4.0."""
    folder = data_dir / ROME_FOLDER
    rows: list[dict[str, Any]] = []
    fiches: set[str] = set()
    appellations: dict[str, str] = {}
    pattern = re.compile(CODE_ROME_PATTERN)
    for line, row in read_csv(
        folder / FICHES_FILE,
        report,
        required=("code_rome", "libelle_rome", "emploi_reglemente"),
    ):
        code = row["code_rome"].strip()
        if not pattern.match(code):
            report.problem(FICHES_FILE, line, f"code ROME invalide ({code!r})")
            continue
        fiches.add(code)
        if row["emploi_reglemente"].strip().upper() == "O":
            libelle = undouble_apostrophes(row["libelle_rome"].strip())
            rows.append({"type": "fiche", "code": code, "code_rome": code, "libelle": libelle})
            report.rows_kept += 1
    for line, row in read_csv(
        folder / APPELLATIONS_FILE,
        report,
        required=("code_ogr", "libelle_appellation_long", "code_rome", "emploi_reglemente"),
    ):
        code, rome = row["code_ogr"].strip(), row["code_rome"].strip()
        if not code.isdigit() or rome not in fiches:
            report.problem(APPELLATIONS_FILE, line, f"appellation invalide ({code!r}, {rome!r})")
            continue
        appellations[code] = rome
        if row["emploi_reglemente"].strip().upper() == "O":
            libelle = undouble_apostrophes(row["libelle_appellation_long"].strip())
            rows.append(
                {"type": "appellation", "code": code, "code_rome": rome, "libelle": libelle}
            )
            report.rows_kept += 1
    rows.sort(key=lambda r: (r["type"] != "fiche", r["code_rome"], r["code"].zfill(7)))
    return rows, fiches, appellations


def build(data_dir: Path, knowledge_dir: Path) -> list[tuple[DatasetEntry, ImportReport]]:
    """Write the `rome_reglemente` dataset (ROME-flagged fiches and appellations).

    The rules table of `knowledge_dir` is checked against the same ROME files: a rule code missing
    from ROME is reported as a problem of the import (the table is ours, the file is not rewritten).
    """
    folder = data_dir / ROME_FOLDER
    if not folder.is_dir():
        raise ImportFailed(f"Dossier ROME 4.0 introuvable : {folder}.")
    report = ImportReport(source="ROME 4.0 — métiers réglementés")
    rows, fiches, appellations = read_rome_codes(data_dir, report)
    rules_path = knowledge_dir / RULES_FILE
    if rules_path.exists():
        try:
            rules = load_rules(rules_path)
        except RegulatedRulesError as exc:
            raise ImportFailed(str(exc)) from None
        for problem in check_against_rome(rules, fiches, appellations):
            report.problem(rules_path, 0, problem)
    else:
        report.notes.append(f"{RULES_FILE} absent de {knowledge_dir} : règles non vérifiées.")
    info = DatasetInfo(
        name=DATASET,
        description=(
            "Fiches et appellations ROME 4.0 marquées « emploi réglementé » par France Travail."
        ),
        publisher=PUBLISHER,
        source_files=(f"{ROME_FOLDER}/{FICHES_FILE}", f"{ROME_FOLDER}/{APPELLATIONS_FILE}"),
        version=_rome_version(folder),
    )
    entry = write_dataset(
        info,
        rows,
        knowledge_dir,
        sources=(folder / FICHES_FILE, folder / APPELLATIONS_FILE),
    )
    return [(entry, report)]
