"""Certifications importer: Certif Info, France Compétences RNCP/RS export, RNCP tables of 2021.

One row per certification, facts only (codes, title, type, level, certifier, flags, ROME links):

- every certifying Certif Info record (state "Publié") and every habilitation (state
  "habilitations"); the "formations préparatoires et non certifiantes" are left out;
- every fiche certified by the Ministry of Labour in the France Compétences export (the titres
  professionnels and the Ministry's RS fiches) that Certif Info lacks, titled from the 2021 RNCP
  table or from the fiche it renews (otherwise the title stays empty and the report says how many);
- the new numbers of renewed titres and short certifications (CACES R489 RS5055 → RS6866), titled
  from the fiche they renew (`intitule_repris_de`);
- vocational diplomas of the 2021 RNCP table and of the Education nationale CPC list (CAP, BEP, Bac
  pro, BP, MC…) that Certif Info lacks, so that an old BEP or CAP still has its level.

ROME links: the v3 codes as published (Certif Info and France Compétences, merged by fiche number),
mapped to ROME 4.0 through `rome_passage` (family codes only approximately).
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.retrieval.certifications import CACES_RECOMMENDATION
from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources.base import (
    ImportFailed,
    ImportReport,
    is_number,
    read_csv,
    undouble_apostrophes,
)
from assistant.retrieval.sources.certification_kinds import (
    MINISTRY_OF_LABOUR_PREFIX,
    Kind,
    kind_of_certifinfo,
    kind_of_cpc,
    kind_of_rncp_info,
    short_family,
)
from assistant.retrieval.sources.rome_passage import RomePassage, is_rome_code, read_passage

DATASET = "certifications"
CERTIFINFO = Path("certifinfo_2024") / "certif_info.csv"
CPC = Path("certifinfo_2024") / "diplomesProfessionnels_cpc.csv"
RNCP_INFO = Path("rncp_mna_2021_2023") / "rncp_info.v1.4.csv"
FC_FOLDER = Path("rncp_fc_2026")
# Certif Info states kept: 0 "Publié" (certifying), 11 "habilitations".
_KEPT_STATES = {"0", "11"}
_FICHE = re.compile(r"^(RNCP|RS)([0-9]+)$")
_ROME_COLUMNS = tuple(f"Code_Rome_{i}" for i in range(1, 6))
_CERTIFINFO_COLUMNS = (
    "Code_Diplome",
    "Libelle_Diplome",
    "Libelle_Type_Diplome",
    "Code_Niveau_Europeen",
    "Code_FormaCode",
    *_ROME_COLUMNS,
    "Code_Nsf",
    "Code_RNCP",
    "Code_RS",
    "valideur",
    "Annee_Derniere_Session",
    "Etat",
    "code_type_diplome",
)
# Certif Info's names are lists joined by "," without a space; commas inside a name have one.
_NAME_SPLIT = re.compile(r",(?=\S)")


@dataclass
class FcFiche:
    """What the France Compétences export says about one RNCP/RS fiche."""

    certifiers: list[str] = field(default_factory=list)
    rome: list[str] = field(default_factory=list)
    formacodes: list[str] = field(default_factory=list)
    nsf: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)


@dataclass
class Record:
    """A certification being assembled from several files."""

    id: str
    intitule: str | None
    kind: Kind
    niveau: int | None = None
    rncp: str | None = None
    rs: str | None = None
    other_numbers: list[str] = field(default_factory=list)
    certif_info: str | None = None
    formacodes: list[str] = field(default_factory=list)
    nsf: list[str] = field(default_factory=list)
    certificateurs: list[str] = field(default_factory=list)
    titre_professionnel: bool = False
    inactive: bool = False
    active: bool = False
    rome_v3: list[str] = field(default_factory=list)
    remplacee_par: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    taken_from: str | None = None

    @property
    def numbers(self) -> list[str]:
        return [n for n in (self.rncp, self.rs, *self.other_numbers) if n]


# Renewed fiches worth following: a new number of a titre professionnel or a short certification
# (CACES, SST…) usually keeps the title, and the old number is marked inactive.
_RENEWED = {"titre_professionnel", "habilitation_courte"}


_OPTION_WORDS = {"option", "options", "opt", "spécialité", "mention"}


def _common_title(titles: set[str]) -> str | None:
    """The diploma the titles are options of (« … option A maçonnerie », « … option B
    charpente » -> « … »); None when they differ otherwise or the common part is short."""
    words = [title.split() for title in titles]
    common: list[str] = []
    for group in zip(*words, strict=False):
        if len(set(group)) > 1:
            break
        common.append(group[0])
    if not common or common[-1].lower().strip(":.") not in _OPTION_WORDS:
        return None
    common.pop()
    while common and not common[-1].strip(":,;-–"):
        common.pop()
    if common:
        common[-1] = common[-1].rstrip(":,;-–")
    return " ".join(common) if len(common) >= 3 else None


def _follow_renewals(
    records: list[Record],
    fc: dict[str, FcFiche],
    covered: set[str],
    categories: set[str] | None = _RENEWED,
) -> None:
    """Add the missing successors of renewed fiches, and title untitled fiches from a predecessor.

    The title (and level) then comes from the previous fiche and `taken_from` says which one,
    so that the counsellor knows it was not published under the new number. `categories`: the
    kinds whose successors are followed, all of them when None.
    """
    by_number = {number: record for record in records for number in record.numbers}
    created: list[Record] = []
    pending = [
        r for r in records if r.intitule and (categories is None or r.kind.categorie in categories)
    ]
    while pending:
        record = pending.pop()
        for number in record.numbers:
            for successor in fc.get(number, FcFiche()).successors:
                if successor in covered:
                    continue
                new = Record(
                    id=successor,
                    intitule=record.intitule,
                    kind=record.kind,
                    niveau=record.niveau,
                    titre_professionnel=record.titre_professionnel and successor[:4] == "RNCP",
                    sources={"france_competences"},
                    taken_from=number,
                )
                setattr(new, "rncp" if successor.startswith("RNCP") else "rs", successor)
                records.append(new)
                covered.add(successor)
                by_number[successor] = new
                pending.append(new)
                created.append(new)
    predecessors: dict[str, list[str]] = defaultdict(list)
    for number, fiche in fc.items():
        for successor in fiche.successors:
            predecessors[successor].append(number)
    # Several records may share a number: the options of one diploma in Certif Info.
    sharing: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        for number in record.numbers:
            sharing[number].append(record)

    def merged_options(record: Record) -> None:
        # Options merged into one new fiche (« Bac pro … option A maçonnerie », « … option B
        # charpente », « … option C couverture »): the diploma's name, not one option's.
        titles = {
            source.intitule
            for older in predecessors.get(record.id, [])
            for source in sharing.get(older, [])
            if source.intitule
        }
        if len(titles) > 1 and (common := _common_title(titles)):
            record.intitule = common
        elif len(titles) == 1:
            # A successor of a fiche renamed just above (created in that order) follows it.
            record.intitule = titles.pop()

    for record in created:
        merged_options(record)
    for record in records:
        if record.intitule:
            continue
        for older in sorted(predecessors.get(record.id, []), key=len_then_text, reverse=True):
            source = by_number.get(older)
            if source is not None and source.intitule:
                record.intitule, record.taken_from = source.intitule, older
                record.niveau = record.niveau or source.niveau
                merged_options(record)
                break


def _fc_file(data_dir: Path, kind: str, required: bool = True) -> Path | None:
    """The latest `export_fiches_CSV_<kind>_<date>.csv` (the name carries the export date)."""
    matches = sorted((data_dir / FC_FOLDER).glob(f"export_fiches_CSV_{kind}_*.csv"))
    if matches:
        return matches[-1]
    if required:
        raise ImportFailed(
            f"Fichier introuvable : {data_dir / FC_FOLDER}/export_fiches_CSV_{kind}_*.csv "
            "(export RNCP/RS de France Compétences)."
        )
    return None


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise ImportFailed(f"Fichier introuvable : {path} ({what}).")
    return path


def _append(values: list[str], value: str) -> None:
    if value and value not in values:
        values.append(value)


def _level(text: str) -> int | None:
    """3–8 from "4", "niveau4" or "Niveau 4"; None when absent or outside the scale."""
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits and 3 <= int(digits) <= 8 else None


def read_france_competences(data_dir: Path, report: ImportReport) -> dict[str, FcFiche]:
    """Certifiers, ROME v3, Formacode, NSF and successors per fiche number ("RNCP35958")."""
    fiches: dict[str, FcFiche] = defaultdict(FcFiche)
    specs = [
        ("Certificateurs", ("Numero_Fiche", "Nom_Certificateur"), "certifiers", True),
        ("Rome", ("Numero_Fiche", "Codes_Rome_Code"), "rome", True),
        ("Formacode", ("Numero_Fiche", "Formacode_Code"), "formacodes", False),
        ("Nsf", ("Numero_Fiche", "Nsf_Code"), "nsf", False),
        (
            "Ancienne_Nouvelle_Certification",
            ("Numero_Fiche", "Nouvelle_Certification"),
            "successors",
            False,
        ),
    ]
    for kind, (key, column), attribute, required in specs:
        path = _fc_file(data_dir, kind, required)
        if path is None:
            report.notes.append(f"export_fiches_CSV_{kind}_* absent : information non reprise.")
            continue
        for line, row in read_csv(path, report, required=(key, column), delimiter=";"):
            number = row[key].strip()
            # The certifier SIRET and some labels carry tabs and doubled apostrophes.
            value = undouble_apostrophes(row[column].strip())
            if not _FICHE.match(number):
                report.problem(path, line, f"numéro de fiche invalide ({number!r})")
                continue
            if attribute == "rome" and not is_rome_code(value):
                report.problem(path, line, f"code ROME invalide ({value!r})")
                continue
            if attribute == "successors" and value and not _FICHE.match(value):
                report.problem(path, line, f"numéro de nouvelle fiche invalide ({value!r})")
                continue
            _append(getattr(fiches[number], attribute), value)
    return dict(fiches)


def read_certifinfo(data_dir: Path, report: ImportReport, reference_year: int) -> list[Record]:
    """Certifying records and habilitations of Certif Info, duplicates merged."""
    path = _require(data_dir / CERTIFINFO, "Certif Info")
    records: dict[str, Record] = {}
    for line, row in read_csv(path, report, required=_CERTIFINFO_COLUMNS, delimiter=";"):
        if row["Etat"].strip() not in _KEPT_STATES:
            continue
        code, title = row["Code_Diplome"].strip(), row["Libelle_Diplome"].strip()
        if not is_number(code):
            report.problem(path, line, f"code Certif Info invalide ({code!r})")
            continue
        if not title:
            report.problem(path, line, f"certification {code} sans intitulé")
            continue
        rncp, rs = row["Code_RNCP"].strip(), row["Code_RS"].strip()
        if (rncp and not is_number(rncp)) or (rs and not is_number(rs)):
            report.problem(path, line, f"code RNCP ou RS invalide ({rncp!r}, {rs!r})")
            continue
        record = records.get(code)
        if record is None:
            kind = kind_of_certifinfo(row["code_type_diplome"].strip(), row["Libelle_Type_Diplome"])
            # Habilitations and RS-only records (CléA…) are short certifications whatever
            # their Certif Info type; diplomas stay diplomas.
            if kind.categorie in {"autre", "titre_rncp"} and (
                row["Etat"].strip() == "11" or (rs and not rncp)
            ):
                kind = Kind(kind.type, "habilitation_courte")
            record = records[code] = Record(
                id=f"CI{code}",
                intitule=undouble_apostrophes(title),
                kind=kind,
                certif_info=code,
                titre_professionnel=kind.categorie == "titre_professionnel",
                sources={"certif_info"},
            )
        level = row["Code_Niveau_Europeen"].strip()
        if level and _level(level) is None:
            report.problem(path, line, f"niveau européen {level!r} inconnu, ignoré")
        record.niveau = record.niveau or _level(level)
        # Duplicated records differ by an RNCP/RS number at most: the newest (highest) is the
        # main one, the others are kept so that both numbers find the certification.
        if rncp:
            record.rncp = _newest(record.rncp, f"RNCP{rncp}", record.other_numbers)
        if rs:
            record.rs = _newest(record.rs, f"RS{rs}", record.other_numbers)
        _append(record.formacodes, row["Code_FormaCode"].strip())
        _append(record.nsf, row["Code_Nsf"].strip())
        for name in _NAME_SPLIT.split(row["valideur"]):
            _append(record.certificateurs, undouble_apostrophes(name.strip()))
        for column in _ROME_COLUMNS:
            rome = row[column].strip()
            if rome and not is_rome_code(rome):
                report.problem(path, line, f"code ROME invalide ({rome!r}), ignoré")
            elif rome:
                _append(record.rome_v3, rome)
        last = row["Annee_Derniere_Session"].strip()
        if is_number(last) and int(last) < reference_year:
            record.inactive = True
        else:
            # Published as current by Certif Info: active unless a later source says otherwise.
            record.active = True
    return list(records.values())


def _newest(current: str | None, number: str, others: list[str]) -> str:
    """The higher of two fiche numbers; the other one goes to `others`."""
    if current is None or current == number:
        return number
    newest, older = sorted((current, number), key=len_then_text, reverse=True)
    _append(others, older)
    return newest


def len_then_text(code: str) -> tuple[int, str]:
    """Sort key of fiche numbers: RS999 < RS1000."""
    return len(code), code


def read_rncp_info(data_dir: Path, report: ImportReport) -> dict[str, dict[str, Any]]:
    """Title, level, type and 2021 state of each RNCP fiche (file in Windows-1252)."""
    path = _require(data_dir / RNCP_INFO, "fiches RNCP 2021 de la Mission apprentissage")
    fiches: dict[str, dict[str, Any]] = {}
    required = ("CodeRNCP", "intituleDiplome", "ActiveInactive", "NiveauEurope", "CodeTypeCertif")
    for line, row in read_csv(
        path, report, required=(*required, "date_fin_validite_enregistrement"), delimiter=";"
    ):
        number, title = row["CodeRNCP"].strip(), row["intituleDiplome"].strip()
        if not _FICHE.match(number) or not title:
            report.problem(
                path, line, f"fiche RNCP sans numéro valide ou sans intitulé ({number!r})"
            )
            continue
        fiches[number] = {
            "intitule": undouble_apostrophes(title),
            "niveau": _level(row["NiveauEurope"]),
            "type": row["CodeTypeCertif"].strip(),
            "actif": row["ActiveInactive"].strip().upper(),
            "fin": _end_year(row["date_fin_validite_enregistrement"]),
        }
    return fiches


def _end_year(text: str) -> int | None:
    """Year of an M/D/YY date ("8/31/16" → 2016)."""
    match = re.fullmatch(r"[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4})", text.strip())
    if not match:
        return None
    year = int(match.group(1))
    return year + 2000 if year < 100 else year


def read_cpc(data_dir: Path, report: ImportReport) -> list[dict[str, Any]]:
    """Education nationale vocational diplomas with RNCP number and last session (optional file)."""
    path = data_dir / CPC
    if not path.exists():
        report.notes.append(f"{CPC} absent : diplômes de l'Éducation nationale non complétés.")
        return []
    rows = []
    required = ("Niveau", "Diplôme", "Intitulé de la spécialité (et options)", "Code RNCP")
    for line, row in read_csv(
        path, report, required=(*required, "Dernière session"), delimiter=";"
    ):
        rncp, title = row["Code RNCP"].strip(), row[required[2]].strip()
        if not is_number(rncp) or not title:
            report.problem(
                path, line, f"diplôme sans numéro RNCP valide ou sans intitulé ({rncp!r})"
            )
            continue
        last = row["Dernière session"].strip()
        rows.append(
            {
                "rncp": f"RNCP{rncp}",
                "diplome": row["Diplôme"].strip(),
                "intitule": title,
                "niveau": _level(row["Niveau"]),
                "derniere_session": int(last) if is_number(last) else None,
            }
        )
    return rows


def export_date(data_dir: Path) -> str:
    """The date of the France Compétences export, from its file name ("2026-02-01")."""
    path = _fc_file(data_dir, "Rome")
    assert path is not None  # _fc_file raises when a required file is missing
    match = re.search(r"_([0-9]{4})_([0-9]{2})_([0-9]{2})\.csv$", path.name)
    return "-".join(match.groups()) if match else "date inconnue"


def _reference_year(data_dir: Path) -> int:
    """The year of the France Compétences export: sessions of earlier years are over."""
    year = export_date(data_dir)[:4]
    return int(year) if is_number(year) else 2026


def collect(data_dir: Path, report: ImportReport) -> list[dict[str, Any]]:
    """All certification rows, sorted by id, ready for the pack."""
    passage = read_passage(data_dir, report)
    reference_year = _reference_year(data_dir)
    fc = read_france_competences(data_dir, report)
    records = read_certifinfo(data_dir, report, reference_year)
    rncp_info = read_rncp_info(data_dir, report)
    cpc = read_cpc(data_dir, report)
    covered = {code for r in records for code in (r.rncp, r.rs, *r.other_numbers) if code}

    # Ministry of Labour fiches that Certif Info lacks (old titres, new ones, RS habilitations).
    for number in sorted(fc, key=len_then_text):
        names = fc[number].certifiers
        if number in covered or not any(n.startswith(MINISTRY_OF_LABOUR_PREFIX) for n in names):
            continue
        info = rncp_info.get(number)
        is_rncp = number.startswith("RNCP")
        kind = kind_of_rncp_info("TP" if is_rncp else "RS")
        record = Record(
            id=number,
            intitule=info["intitule"] if info else None,
            kind=kind,
            niveau=info["niveau"] if info else None,
            titre_professionnel=is_rncp,
            sources={"france_competences"},
        )
        setattr(record, "rncp" if is_rncp else "rs", number)
        records.append(record)
        covered.add(number)
    _follow_renewals(records, fc, covered)
    untitled = sum(1 for r in records if r.titre_professionnel and not r.intitule)
    untitled_rs = sum(1 for r in records if r.intitule is None and not r.titre_professionnel)
    report.notes.append(
        f"{untitled} titre(s) professionnel(s) et {untitled_rs} fiche(s) RS du ministère du "
        "Travail sans intitulé connu (ni dans Certif Info 2024, ni dans les fiches RNCP 2021, "
        "ni chez une fiche précédente)."
    )

    # Vocational diplomas known only to the 2021 table or to the CPC list.
    for number, info in sorted(rncp_info.items(), key=lambda item: len_then_text(item[0])):
        kind = kind_of_rncp_info(info["type"])
        if number in covered or kind.categorie not in VOCATIONAL:
            continue
        records.append(
            Record(
                id=number,
                intitule=info["intitule"],
                kind=kind,
                niveau=info["niveau"],
                rncp=number,
                titre_professionnel=kind.categorie == "titre_professionnel",
                sources={"rncp_2021"},
            )
        )
        covered.add(number)
    by_rncp = defaultdict(list)
    for record in records:
        if record.rncp:
            by_rncp[record.rncp].append(record)
    for row in cpc:
        for record in by_rncp.get(row["rncp"], []):
            if row["derniere_session"] and row["derniere_session"] < reference_year:
                record.inactive = True
        if row["rncp"] in covered:
            continue
        kind = kind_of_cpc(row["diplome"])
        record = Record(
            id=row["rncp"],
            intitule=f"{kind.type} {row['intitule']}",
            kind=kind,
            niveau=row["niveau"],
            rncp=row["rncp"],
            sources={"cpc"},
        )
        if row["derniere_session"] and row["derniere_session"] < reference_year:
            record.inactive = True
        records.append(record)
        covered.add(row["rncp"])
        by_rncp[row["rncp"]].append(record)
    # Then every other renewed fiche: a renovated diploma or CQP (« CAP maçon », RNCP35715 ->
    # RNCP41830, too recent for Certif Info 2024), a diplôme d'État (« aide-soignant »,
    # RNCP35830 -> RNCP40692), a registered title; once the CPC list has given the titles it
    # knows, so that a counsellor is not shown an inactive fiche as the only route.
    _follow_renewals(records, fc, covered, categories=None)

    unmapped: Counter[str] = Counter()
    rows = [_finish(r, fc, rncp_info, passage, reference_year, unmapped) for r in records]
    if unmapped:
        codes = ", ".join(f"{code} ({count})" for code, count in sorted(unmapped.items()))
        report.notes.append(
            f"Codes ROME v3 sans équivalent ROME 4.0 (conservés tels quels) : {codes}"
        )
    _link_professional_driving(rows, report)
    rows.sort(key=lambda row: row["id"])
    report.rows_kept = len(rows)
    return rows


# FIMO / FCO: their RS fiches carry no ROME link, yet no one drives goods (or passengers) for a
# living in a vehicle over 3.5 t without them: they lead to the jobs of the permis C (or D).
_PERMIS_FOR_FIMO = {
    "marchandises": "Permis de conduire catégorie C",
    "voyageurs": "Permis de conduire catégorie D",
}


# CACES: the CNAM's recommendation named in the title says which machines, hence which jobs
# (their RS fiches carry no ROME link either; the employer's driving authorisation, Code du
# travail R4323-55 to R4323-57, is what the CACES is asked for).
_CACES_ROME = {
    "R489": ("N1101", "N1112", "N1103", "N1110", "N1105"),  # forklifts, driver aboard
    "R485": ("N1103", "N1105", "N1110"),  # stackers, pedestrian driver
    "R482": ("F1302",),  # construction machinery
    "R483": ("N1108",),  # mobile cranes
    "R484": ("N1111",),  # overhead cranes
    "R487": ("F1301",),  # tower cranes
}


def _link_professional_driving(rows: list[dict[str, Any]], report: ImportReport) -> None:
    permis = {row["intitule"]: row for row in rows if row["intitule"] in _PERMIS_FOR_FIMO.values()}
    caces_linked = 0
    for row in rows:
        if row["famille_courte"] == "caces" and not row["rome4"]:
            found = CACES_RECOMMENDATION.search(row["intitule"] or "")
            codes = _CACES_ROME.get(f"R{found.group(1)}", ()) if found else ()
            if codes:
                row["rome4"] = list(codes)
                caces_linked += 1
            continue
        if row["famille_courte"] != "fimo_fco" or row["rome4"]:
            continue
        for mot, titre in _PERMIS_FOR_FIMO.items():
            if mot in (row["intitule"] or "").lower() and titre in permis:
                row["rome4"] = list(permis[titre]["rome4"])
                report.notes.append(
                    f"{row['id']} ({row['intitule']}) : reliée aux fiches ROME du « {titre} »."
                )
    report.notes.append(
        f"{caces_linked} CACES reliés aux fiches ROME des engins de leur recommandation "
        "(R489, R485, R482, R483, R484, R487)."
    )


# Categories worth adding from the 2021 table when Certif Info lacks them.
VOCATIONAL = {"titre_professionnel", "cap", "bep", "bac_pro", "bp", "mc", "cs", "bts"}


def _finish(
    record: Record,
    fc: dict[str, FcFiche],
    rncp_info: dict[str, dict[str, Any]],
    passage: RomePassage,
    reference_year: int,
    unmapped: Counter[str],
) -> dict[str, Any]:
    """Merge the France Compétences facts and the 2021 state, map ROME, build the pack row."""
    for number in (record.rncp, record.rs, *record.other_numbers):
        fiche = fc.get(number or "")
        if fiche is None:
            continue
        record.sources.add("france_competences")
        for rome in fiche.rome:
            _append(record.rome_v3, rome)
        for code in fiche.formacodes:
            _append(record.formacodes, code)
        for code in fiche.nsf:
            _append(record.nsf, code)
        if not record.certificateurs:
            record.certificateurs = list(fiche.certifiers)
        for successor in fiche.successors:
            _append(record.remplacee_par, successor)
    info = rncp_info.get(record.rncp or "")
    if info is not None:
        record.niveau = record.niveau or info["niveau"]
        if info["actif"] == "INACTIVE":
            record.inactive = True
        elif info["actif"] == "ACTIVE" and (info["fin"] or 0) >= reference_year:
            record.active = True
    if record.remplacee_par:
        record.inactive = True
    rome4, approx, unknown = passage.map(record.rome_v3)
    unmapped.update(unknown)
    family = short_family(record.intitule or "", record.kind.categorie)
    courte = record.kind.categorie == "habilitation_courte" or family is not None
    return {
        "id": record.id,
        "intitule": record.intitule,
        "type": record.kind.type,
        "categorie": record.kind.categorie,
        "niveau": record.niveau,
        "rncp": record.rncp,
        "rs": record.rs,
        "autres_numeros": sorted(record.other_numbers, key=len_then_text),
        "certif_info": record.certif_info,
        "formacodes": record.formacodes,
        "nsf": record.nsf,
        "certificateurs": record.certificateurs,
        "titre_professionnel": record.titre_professionnel,
        "courte": courte,
        "famille_courte": family,
        "actif": False if record.inactive else (True if record.active else None),
        "intitule_repris_de": record.taken_from,
        "remplacee_par": sorted(record.remplacee_par, key=len_then_text),
        "rome_v3": record.rome_v3,
        "rome4": rome4,
        "rome4_approx": approx,
        "sources": sorted(record.sources),
    }


def source_files(data_dir: Path) -> list[Path]:
    """The official files read, for the MANIFEST checksums."""
    files = [data_dir / CERTIFINFO, data_dir / CPC, data_dir / RNCP_INFO]
    for kind in ("Certificateurs", "Rome", "Formacode", "Nsf", "Ancienne_Nouvelle_Certification"):
        path = _fc_file(data_dir, kind, required=False)
        if path is not None:
            files.append(path)
    files.append(data_dir / "rome4_v460" / "unix_referentiel_code_rome_v460_utf8.csv")
    return [path for path in files if path.exists()]


def build(data_dir: Path, knowledge_dir: Path) -> list[tuple[DatasetEntry, ImportReport]]:
    """Import the certifications of the official files in `data_dir` into the pack (idempotent)."""
    report = ImportReport("Certifications (Certif Info, RNCP/RS France Compétences)")
    rows = collect(data_dir, report)
    files = source_files(data_dir)
    info = DatasetInfo(
        DATASET,
        "Certifications : intitulé, type, niveau européen, codes RNCP/RS, certificateur, "
        "titre professionnel, certification courte, état, liens ROME v3 et ROME 4.0",
        "Réseau des Carif-Oref (Certif Info) ; France Compétences (RNCP/RS) ; "
        "Mission apprentissage ; Éducation nationale ; France Travail (ROME 4.0)",
        tuple(path.name for path in files),
        f"Certif Info 06/2024 ; export France Compétences du {export_date(data_dir)}",
    )
    entry = write_dataset(info, rows, knowledge_dir, files)
    return [(entry, report)]
