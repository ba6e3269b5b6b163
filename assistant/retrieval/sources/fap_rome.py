"""An explicit FAP 2021 (BMO métiers) → ROME 4.0 crosswalk, built from public evidence.

No official table exists. Each BMO métier is linked to ROME 4.0 fiches through, in order:

1. a hand-reviewed override (`knowledge/sources/fap2021_rome4_overrides.csv`), which replaces the
   automatic links of that métier;
2. the FAP 2009 → ROME v3 tables (Dares, Mobiville, La Bonne Boîte), when a FAP 2009 family is the
   same job: same code (FAP 2021 writes `X` where FAP 2009 wrote `Z`) with a similar label, or a
   different code with a near-identical label; then ROME v3 → ROME 4.0 through `code_rome_parent`
   (every v3 code lives on as a v4 fiche, and new v4 fiches name the v3 fiche they came from);
3. otherwise the ROME 4.0 fiches whose title or appellation names the métier ("Cariste");
4. otherwise the FAP 2009 family with the same code but a different label, or the same family and
   domain (first three characters), or as a last resort the same domain (first character).

A link is "exacte" only when the FAP 2009 evidence is confirmed by its label and the v4 fiche is
the v3 fiche itself or is named like the métier; every other link is "approchee". Weights split
a métier's hiring projects across its fiches (each v3 fiche an equal share, exact links count
double) and sum to 1 per métier: they are an estimate, to be shown as such.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources import bmo
from assistant.retrieval.sources.base import (
    ImportFailed,
    ImportReport,
    read_csv,
    undouble_apostrophes,
)
from assistant.retrieval.sources.labels import (
    contained,
    dice,
    matched,
    names_half,
    same_job,
    same_level,
    words,
)

OVERRIDES = KNOWLEDGE_DIR / "sources" / "fap2021_rome4_overrides.csv"
DARES_FILE = "dares_fap2009/fap225_rome.csv"
MOBIVILLE_FILE = "mobiville/table-correspondance-pcs-rome.csv"
LBB_FILE = "labonneboite/metiers_tension.csv"
ROME_FICHES_FILE = "rome4_v460/unix_referentiel_code_rome_v460_utf8.csv"
ROME_APPELLATIONS_FILE = "rome4_v460/unix_referentiel_appellation_v460_utf8.csv"
EXACT, APPROXIMATE = "exacte", "approchee"
QUALITIES = (EXACT, APPROXIMATE)
# Methods, stored with each link so the app (and a reviewer) can say where a link comes from.
BY_OVERRIDE = "revue_manuelle"
BY_FAP2009_CODE = "fap2009_code"
BY_FAP2009_LABEL = "fap2009_libelle"
BY_ROME_LABEL = "libelle_rome"
BY_FAP2009_CODE_UNCONFIRMED = "fap2009_code_non_confirme"
BY_FAP2009_FAMILY = "fap2009_famille"
BY_FAP2009_DOMAIN = "fap2009_domaine"
# Label thresholds (Dice on normalised words), chosen by reading the 217 BMO métiers.
CODE_CONFIRMED = 0.3
LABEL_CONFIRMED = 0.75
FICHE_NAMED = 0.5
# A word used by at most this many fiches is specific enough to name a job on its own.
SPECIFIC_WORD = 20
FAP2009_CODE = re.compile(r"^[A-Z][A-Z0-9][A-Z][0-9]{2}$")
ROME_CODE = re.compile(r"^[A-Z][0-9]{4}$")
PUBLISHER = (
    "Passerelle, d'après Dares (FAP 2009 × ROME v3), Mobiville et La Bonne Boîte "
    "(France Travail), ROME 4.0 et BMO 2025 (France Travail)"
)


@dataclass(frozen=True)
class Link:
    """One FAP 2021 → ROME 4.0 link with its evidence."""

    fap: str
    rome: str
    quality: str
    method: str
    weight: float
    fap2009: str | None = None
    rome3: str | None = None
    comment: str = ""

    def record(self) -> dict[str, Any]:
        return {
            "fap": self.fap,
            "rome": self.rome,
            "qualite": self.quality,
            "methode": self.method,
            "poids": self.weight,
            "fap2009": self.fap2009,
            "rome3": self.rome3,
        }


@dataclass
class Evidence:
    """Everything the crosswalk is built from, read from the official files."""

    fap2009_rome3: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fap2009_labels: dict[str, str] = field(default_factory=dict)
    fiches: dict[str, str] = field(default_factory=dict)  # v4 code → title
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    labels: dict[str, list[frozenset[str]]] = field(default_factory=lambda: defaultdict(list))
    word_fiches: dict[str, int] = field(default_factory=dict)  # cache for _fiches_using


@dataclass(frozen=True)
class Override:
    fap: str
    rome: str
    quality: str
    weight: float | None
    comment: str


def fap2009_code(fap2021: str) -> str:
    """The FAP 2009 spelling of a FAP 2021 code: `X` (no sub-family) was `Z` in 2009."""
    return fap2021[:2] + ("Z" if fap2021[2] == "X" else fap2021[2]) + fap2021[3:]


def _read_fap2009(data_dir: Path, evidence: Evidence, report: ImportReport) -> list[Path]:
    """FAP 2009 → ROME v3 pairs from the three published tables, and FAP 2009 labels."""
    dares = data_dir / DARES_FILE
    for line, row in read_csv(dares, report, required=("Fap", "Rome"), delimiter=";"):
        fap, rome = row["Fap"].strip(), row["Rome"].strip()
        if rome == "NA":  # Dares: this FAP has no ROME code (e.g. farmers who are not employees)
            continue
        if not FAP2009_CODE.match(fap) or not ROME_CODE.match(rome):
            report.problem(dares, line, f"code FAP 2009 ou ROME invalide ({fap!r}, {rome!r})")
            continue
        evidence.fap2009_rome3[fap].add(rome)
    paths = [dares]
    mobiville = data_dir / MOBIVILLE_FILE
    if mobiville.exists():
        current = ""
        # No header; an empty first column continues the FAP of the row above.
        for line, row in read_csv(
            mobiville, report, required=(), delimiter=";", header=["fap", "pcs", "rome"]
        ):
            current = row["fap"].strip() or current
            rome = row["rome"].strip()
            if not rome:
                continue
            if not FAP2009_CODE.match(current) or not ROME_CODE.match(rome):
                report.problem(mobiville, line, f"code FAP 2009 ou ROME invalide ({rome!r})")
                continue
            evidence.fap2009_rome3[current].add(rome)
        paths.append(mobiville)
    lbb = data_dir / LBB_FILE
    if lbb.exists():
        for line, row in read_csv(lbb, report, required=("fap_code", "fap", "rome_code")):
            fap, rome = row["fap_code"].strip(), row["rome_code"].strip()
            if not FAP2009_CODE.match(fap) or not ROME_CODE.match(rome):
                report.problem(lbb, line, f"code FAP 2009 ou ROME invalide ({fap!r}, {rome!r})")
                continue
            evidence.fap2009_rome3[fap].add(rome)
            evidence.fap2009_labels[fap] = row["fap"].strip()
        paths.append(lbb)
    else:
        report.notes.append(f"{LBB_FILE} absent : pas de libellés FAP 2009, liens moins sûrs.")
    return paths


def _read_rome(data_dir: Path, evidence: Evidence, report: ImportReport) -> list[Path]:
    """ROME 4.0 fiches (title, v3 parent) and their appellations."""
    fiches = data_dir / ROME_FICHES_FILE
    for line, row in read_csv(
        fiches, report, required=("code_rome", "libelle_rome", "code_rome_parent")
    ):
        code, parent = row["code_rome"].strip(), row["code_rome_parent"].strip()
        if not ROME_CODE.match(code):
            report.problem(fiches, line, f"code ROME invalide ({code!r})")
            continue
        title = undouble_apostrophes(row["libelle_rome"].strip())
        evidence.fiches[code] = title
        evidence.labels[code].append(words(title))
        if ROME_CODE.match(parent) and parent != code:
            evidence.children[parent].append(code)
    appellations = data_dir / ROME_APPELLATIONS_FILE
    for line, row in read_csv(
        appellations, report, required=("libelle_appellation_long", "code_rome")
    ):
        code = row["code_rome"].strip()
        if code not in evidence.fiches:
            report.problem(appellations, line, f"appellation d'une fiche inconnue ({code!r})")
            continue
        evidence.labels[code].append(words(row["libelle_appellation_long"]))
    for parent in evidence.children:
        evidence.children[parent].sort()
    return [fiches, appellations]


def read_overrides(path: Path, report: ImportReport) -> dict[str, list[Override]]:
    """Hand-reviewed links, by FAP 2021 code; columns fap, rome, qualite, poids, commentaire."""
    result: dict[str, list[Override]] = defaultdict(list)
    if not path.exists():
        report.notes.append(f"Pas de fichier de corrections manuelles ({path.name}).")
        return result
    required = ("fap", "rome", "qualite", "poids", "commentaire")
    for line, row in read_csv(path, report, required=required):
        fap, rome = row["fap"].strip(), row["rome"].strip()
        quality, weight = row["qualite"].strip(), row["poids"].strip()
        if not bmo.FAP_CODE.match(fap) or not ROME_CODE.match(rome):
            report.problem(path, line, f"code FAP 2021 ou ROME invalide ({fap!r}, {rome!r})")
            continue
        if quality not in QUALITIES:
            report.problem(path, line, f"qualité inconnue ({quality!r}) : exacte ou approchee")
            continue
        try:
            value = float(weight) if weight else None
        except ValueError:
            report.problem(path, line, f"poids non numérique ({weight!r})")
            continue
        if not row["commentaire"].strip():
            report.problem(path, line, "commentaire manquant : dire pourquoi le lien est corrigé")
            continue
        result[fap].append(Override(fap, rome, quality, value, row["commentaire"].strip()))
    return result


def _named(evidence: Evidence, rome: str, name: frozenset[str]) -> bool:
    """The fiche's title or one of its appellations names the métier."""
    return any(
        names_half(label, name) or same_job(label, name, FICHE_NAMED)
        for label in evidence.labels[rome]
    )


def _fap2009_match(
    fap: str, name: frozenset[str], evidence: Evidence
) -> tuple[str, str, bool] | None:
    """The FAP 2009 family that is the same job, how it was found, and whether it is confirmed.

    A family found by its label but at another qualification level ("qualifiés" against "non
    qualifiés") is the same trade, not the same métier: unconfirmed.
    """
    same_code = fap2009_code(fap)
    if same_code in evidence.fap2009_rome3:
        label = evidence.fap2009_labels.get(same_code)
        if label is not None and same_job(words(label), name, CODE_CONFIRMED):
            return same_code, BY_FAP2009_CODE, same_level(words(label), name)
        # No published label (U1Z91, L6Z00): the code is confirmed when one of its fiches is
        # named like the métier.
        if label is None and any(
            _named(evidence, rome, name)
            for rome3 in evidence.fap2009_rome3[same_code]
            for rome in [rome3, *evidence.children.get(rome3, [])]
            if rome in evidence.fiches
        ):
            return same_code, BY_FAP2009_CODE, True
    best = max(
        (
            (dice(words(label), name), code)
            for code, label in sorted(evidence.fap2009_labels.items())
            if code in evidence.fap2009_rome3 and same_job(words(label), name, LABEL_CONFIRMED)
        ),
        default=None,
    )
    if best is None:
        return None
    code = best[1]
    return code, BY_FAP2009_LABEL, same_level(words(evidence.fap2009_labels[code]), name)


def _through_rome3(
    fap: str,
    name: frozenset[str],
    fap2009s: Iterable[str],
    method: str,
    confirmed: bool,
    evidence: Evidence,
) -> list[Link]:
    """Links through FAP 2009 → ROME v3 → ROME 4.0 fiches (the v3 fiche and its descendants)."""
    raw: list[tuple[str, str, str, str, float]] = []
    origin: dict[str, str] = {}
    for fap2009 in sorted(fap2009s):
        for rome3 in evidence.fap2009_rome3.get(fap2009, ()):
            origin.setdefault(rome3, fap2009)
    share = 1 / len(origin) if origin else 0.0
    seen: set[str] = set()
    for rome3, fap2009 in sorted(origin.items()):
        if rome3 not in evidence.fiches:
            continue
        group = [rome3, *evidence.children.get(rome3, [])]
        # A v4 fiche that kept the v3 code may now be a narrower job (K1301 is "Educateur en
        # locomotion"): a link is exact only when the fiche itself names the métier.
        qualities = [
            EXACT if confirmed and _named(evidence, r, name) else APPROXIMATE for r in group
        ]
        scores = [2.0 if q == EXACT else 1.0 for q in qualities]
        for rome, quality, score in zip(group, qualities, scores, strict=True):
            if rome in seen:
                continue
            seen.add(rome)
            raw.append((rome, quality, fap2009, rome3, share * score / sum(scores)))
    return [
        Link(fap, rome, quality, method, weight, fap2009, rome3)
        for rome, quality, fap2009, rome3, weight in raw
    ]


def _fiches_using(word: str, evidence: Evidence) -> int:
    """How many fiches have this word (or a near form) in their title or an appellation."""
    if word not in evidence.word_fiches:
        probe = frozenset([word])
        evidence.word_fiches[word] = sum(
            any(matched(probe, label) for label in labels) for labels in evidence.labels.values()
        )
    return evidence.word_fiches[word]


def _by_rome_labels(fap: str, name: frozenset[str], evidence: Evidence) -> list[Link]:
    """Fiches whose title or appellation names the métier, ranked by the métier words covered.

    At least one covered word must be specific (used by few fiches): "Cariste" names a job,
    "traitement" or "bâtiment" alone do not.
    """
    scored: list[tuple[int, str]] = []
    for rome in sorted(evidence.fiches):
        covered: set[str] = set()
        for label in evidence.labels[rome]:
            if contained(label, name):
                covered |= matched(name, label)
        if any(_fiches_using(word, evidence) <= SPECIFIC_WORD for word in covered):
            scored.append((len(covered), rome))
    if not scored:
        return []
    top = max(score for score, _ in scored)
    # Only the fiches that cover the most of the métier name: "Ouvriers en électricité du
    # bâtiment" is the electrician, not every fiche that says "bâtiment".
    chosen = [rome for score, rome in scored if score == top]
    return [Link(fap, rome, APPROXIMATE, BY_ROME_LABEL, 1 / len(chosen)) for rome in chosen]


def _normalise(links: list[Link]) -> list[Link]:
    total = sum(link.weight for link in links)
    result = []
    for link in links:
        weight = round(link.weight / total, 4) if total else round(1 / len(links), 4)
        result.append(
            Link(link.fap, link.rome, link.quality, link.method, weight, link.fap2009, link.rome3)
        )
    return result


def link_metier(
    fap: str, label: str, evidence: Evidence, overrides: dict[str, list[Override]]
) -> list[Link]:
    """The ROME 4.0 links of one BMO métier, best evidence first (see the module docstring)."""
    if fap in overrides:
        rows = overrides[fap]
        return _normalise(
            [
                Link(fap, o.rome, o.quality, BY_OVERRIDE, o.weight or 1.0, comment=o.comment)
                for o in rows
                if o.rome in evidence.fiches
            ]
        )
    name = words(label)
    match = _fap2009_match(fap, name, evidence)
    if match is not None:
        links = _through_rome3(fap, name, [match[0]], match[1], match[2], evidence)
        if links:
            return _normalise(links)
    links = _by_rome_labels(fap, name, evidence)
    if links:
        return _normalise(links)
    same_code = fap2009_code(fap)
    if same_code in evidence.fap2009_rome3:
        links = _through_rome3(fap, name, [same_code], BY_FAP2009_CODE_UNCONFIRMED, False, evidence)
    else:
        family = sorted(code for code in evidence.fap2009_rome3 if code[:3] == same_code[:3])
        links = _through_rome3(fap, name, family, BY_FAP2009_FAMILY, False, evidence)
    if not links:
        # FAP 2021 re-cut some domains (banque-assurance: QAX01...): the whole 2009 domain.
        domain = sorted(code for code in evidence.fap2009_rome3 if code[0] == fap[0])
        links = _through_rome3(fap, name, domain, BY_FAP2009_DOMAIN, False, evidence)
    return _normalise(links) if links else []


def read_evidence(data_dir: Path, report: ImportReport) -> tuple[Evidence, list[Path]]:
    """All the public tables the crosswalk uses."""
    evidence = Evidence()
    paths = _read_fap2009(data_dir, evidence, report)
    paths += _read_rome(data_dir, evidence, report)
    return evidence, paths


def crosswalk(
    metiers: list[dict[str, Any]],
    evidence: Evidence,
    overrides: dict[str, list[Override]],
    report: ImportReport,
) -> list[Link]:
    """Links of every BMO métier (rows of `bmo.metiers`), with coverage notes in the report."""
    links: list[Link] = []
    volume = {m["fap"]: m["met"] for m in metiers}
    for metier in metiers:
        found = link_metier(metier["fap"], metier["libelle"], evidence, overrides)
        if not found:
            report.notes.append(f"Aucun lien ROME pour {metier['fap']} « {metier['libelle']} ».")
        links += found
    report.rows_read = len(metiers)
    report.rows_kept = len(links)
    report.notes += coverage_notes(links, volume, len(evidence.fiches))
    return links


def coverage(links: list[Link], volume: dict[str, int]) -> dict[str, float]:
    """Shares of BMO hiring projects covered by any link, by an exact link, and by weight."""
    total = sum(volume.values()) or 1
    linked = {link.fap for link in links}
    exact = {link.fap for link in links if link.quality == EXACT}
    exact_weight = sum(
        volume.get(link.fap, 0) * link.weight for link in links if link.quality == EXACT
    )
    return {
        "projets_couverts": sum(volume[f] for f in linked if f in volume) / total,
        "projets_avec_lien_exact": sum(volume[f] for f in exact if f in volume) / total,
        "projets_repartis_sur_liens_exacts": exact_weight / total,
        "metiers_couverts": len(linked & set(volume)) / (len(volume) or 1),
    }


def coverage_notes(links: list[Link], volume: dict[str, int], fiches: int) -> list[str]:
    shares = coverage(links, volume)
    methods: dict[str, int] = defaultdict(int)
    for link in links:
        methods[link.method] += 1
    linked_fiches = len({link.rome for link in links})
    return [
        f"Métiers BMO reliés au ROME 4.0 : {shares['metiers_couverts']:.1%}.",
        f"Projets de recrutement couverts par au moins un lien : {shares['projets_couverts']:.1%} "
        f"(dont métiers avec au moins un lien exact : {shares['projets_avec_lien_exact']:.1%} ; "
        f"part répartie sur des liens exacts : {shares['projets_repartis_sur_liens_exacts']:.1%}).",
        f"Fiches ROME 4.0 reliées à au moins un métier BMO : {linked_fiches} sur {fiches}.",
        "Liens par méthode : " + ", ".join(f"{m} {n}" for m, n in sorted(methods.items())) + ".",
    ]


def build(
    data_dir: Path, knowledge_dir: Path, overrides: Path = OVERRIDES
) -> list[tuple[DatasetEntry, ImportReport]]:
    """Build the `fap2021_rome4` dataset from the official files under `data_dir`."""
    report = ImportReport("Correspondance FAP 2021 (BMO) → ROME 4.0")
    bmo_report = ImportReport("BMO 2025 (liste des métiers)")
    # The CSV export is quicker to read and holds the same métiers as the workbook.
    bmo_path = bmo.source_file(data_dir, prefer="csv")
    metiers = bmo.metiers(bmo.read_rows(bmo_path, bmo_report))
    evidence, paths = read_evidence(data_dir, report)
    if not evidence.fap2009_rome3:
        raise ImportFailed(f"{data_dir / DARES_FILE} : aucune correspondance FAP 2009 → ROME.")
    corrections = read_overrides(overrides, report)
    links = crosswalk(metiers, evidence, corrections, report)
    sources = [bmo_path, *paths] + ([overrides] if overrides.exists() else [])
    entry = write_dataset(
        DatasetInfo(
            "fap2021_rome4",
            "Correspondance métiers BMO (FAP 2021) → fiches ROME 4.0, construite par Passerelle "
            "(pas de table officielle) : qualité exacte/approchee, méthode, poids de répartition",
            PUBLISHER,
            tuple(p.name for p in sources),
            "BMO 2025 × ROME 4.0 v460",
        ),
        (link.record() for link in sorted(links, key=lambda k: (k.fap, k.rome))),
        knowledge_dir,
        sources,
    )
    return [(entry, report)]
