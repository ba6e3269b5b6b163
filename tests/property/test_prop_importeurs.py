"""Every importer on mutated official files: real header lines and first rows from ../shared/data,
then random rows, truncation, NUL bytes, BOMs, other encodings, binary garbage.

An importer either imports (each bad row reported with file, line and a French reason) or refuses
the whole file with a French `ImportFailed`; it never crashes. When the mutation only appends
rows, every row the untouched file gave is still imported (no data lost).
"""

import csv
import io
import json
import math
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hostile_cadre import DATA, cellule, essai, francais, reglages, texte_hostile
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.retrieval.sources import bmo, certifications, data_inclusion, lheo, rome, siae
from assistant.retrieval.sources.base import ImportFailed, ImportReport

pytestmark = [
    pytest.mark.property,
    pytest.mark.skipif(not DATA.exists(), reason="données officielles absentes"),
]
LIGNES_REELLES = 25
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _tete(chemin: Path, lignes: int = LIGNES_REELLES) -> list[bytes]:
    """The header and first rows of an official file, as raw lines (original encoding)."""
    with chemin.open("rb") as fichier:
        return [fichier.readline() for _ in range(lignes + 1)]


@dataclass(frozen=True)
class Source:
    """One official CSV file and how to import the folder that holds it."""

    nom: str
    fichiers: tuple[str, ...]
    """Paths under the data dir; the first one is the file mutated."""
    delimiteur: str
    importer: Callable[[Path, ImportReport], set[Any]]
    """Imports a data dir; returns the keys of what was kept."""


def _rome(data: Path, report: ImportReport) -> set[Any]:
    fiches = rome.read_fiches(data, report)
    appellations = rome.read_appellations(data, report, fiches)
    textes = rome.import_texts(data, report)
    return {*fiches, *(a["ogr"] for a in appellations), *textes}


def _rome_source(fichier: str) -> Source:
    autres = tuple(f"{rome.FOLDER}/{f}" for f in rome._FILES.values() if f != fichier)
    return Source(f"ROME 4.0 {fichier}", (f"{rome.FOLDER}/{fichier}", *autres), ",", _rome)


def _bmo(data: Path, report: ImportReport) -> set[Any]:
    lignes = bmo.read_rows(data / bmo.FOLDER / bmo.CSV_FILE, report)
    return {(r.fap, r.departement, r.bassin) for r in lignes}


def _certifinfo(data: Path, report: ImportReport) -> set[Any]:
    return {r.id for r in certifications.read_certifinfo(data, report, 2026)}


def _rncp_info(data: Path, report: ImportReport) -> set[Any]:
    return set(certifications.read_rncp_info(data, report))


def _cpc(data: Path, report: ImportReport) -> set[Any]:
    return {r["rncp"] for r in certifications.read_cpc(data, report)}


def _france_competences(data: Path, report: ImportReport) -> set[Any]:
    return set(certifications.read_france_competences(data, report))


def _siae(data: Path, report: ImportReport) -> set[Any]:
    structures = siae.read_siae(data / siae.FOLDER / siae.FILES["siae"], report)
    siae.read_jobs(data / siae.FOLDER / siae.FILES["metiers"], structures, report)
    return set(structures)


def _geiq(data: Path, report: ImportReport) -> set[Any]:
    return {r["id"] for r in siae.read_geiq(data / siae.FOLDER / siae.FILES["geiq"], report)}


def _agences(data: Path, report: ImportReport) -> set[Any]:
    lignes = siae.read_agencies(data / siae.FOLDER / siae.FILES["agences"], report)
    for ligne in lignes:
        for cle in ("latitude", "longitude"):
            assert ligne[cle] is None or math.isfinite(ligne[cle]), ligne
    return {r["id"] for r in lignes}


_FC = "rncp_fc_2026/export_fiches_CSV_{}_2026_02_01.csv"
SOURCES = [
    *(_rome_source(f) for f in rome._FILES.values()),
    Source("BMO 2025 (CSV)", (f"{bmo.FOLDER}/{bmo.CSV_FILE}",), ",", _bmo),
    Source("Certif Info", (str(certifications.CERTIFINFO),), ";", _certifinfo),
    Source("RNCP 2021", (str(certifications.RNCP_INFO),), ";", _rncp_info),
    Source("CPC Éducation nationale", (str(certifications.CPC),), ";", _cpc),
    *(
        Source(
            f"France Compétences {kind}",
            tuple(
                _FC.format(k)
                for k in sorted(
                    (
                        "Certificateurs",
                        "Rome",
                        "Formacode",
                        "Nsf",
                        "Ancienne_Nouvelle_Certification",
                    ),
                    key=lambda k: k != kind,
                )
            ),
            ";",
            _france_competences,
        )
        for kind in ("Certificateurs", "Rome", "Ancienne_Nouvelle_Certification")
    ),
    Source(
        "SIAE (liste)",
        tuple(f"{siae.FOLDER}/{siae.FILES[k]}" for k in ("siae", "metiers")),
        ";",
        _siae,
    ),
    Source(
        "SIAE (métiers)",
        tuple(f"{siae.FOLDER}/{siae.FILES[k]}" for k in ("metiers", "siae")),
        ";",
        _siae,
    ),
    Source("GEIQ", (f"{siae.FOLDER}/{siae.FILES['geiq']}",), ";", _geiq),
    Source("Agences France Travail", (f"{siae.FOLDER}/{siae.FILES['agences']}",), ",", _agences),
]
TETES = {f: _tete(DATA / f) for s in SOURCES for f in s.fichiers} if DATA.exists() else {}


def _verifier_rapport(report: ImportReport) -> None:
    for probleme in report.problems:
        assert probleme.file and probleme.line >= 0, probleme
        assert francais(probleme.reason), probleme
    for note in report.notes:
        assert francais(note), note


def _importer(source: Source, contenus: dict[str, bytes]) -> set[Any] | ImportFailed:
    """Import a data dir holding `contenus`; the report is checked; ImportFailed is returned."""
    with tempfile.TemporaryDirectory() as dossier:
        data = Path(dossier)
        for relatif, brut in contenus.items():
            (data / relatif).parent.mkdir(parents=True, exist_ok=True)
            (data / relatif).write_bytes(brut)
        report = ImportReport(source.nom)
        try:
            cles = source.importer(data, report)
        except ImportFailed as exc:
            assert francais(str(exc)), str(exc)
            return exc
        _verifier_rapport(report)
        return cles


def _ligne(cellules: list[str], delimiteur: str, quoting: int) -> bytes:
    tampon = io.StringIO()
    csv.writer(tampon, delimiter=delimiteur, quoting=quoting, lineterminator="\n").writerow(
        cellules
    )
    return tampon.getvalue().encode("utf-8", "surrogatepass")


@st.composite
def mutation(draw: st.DrawFn, source: Source) -> tuple[dict[str, bytes], bool]:
    """The files of `source` with the first one mutated; True if rows were only appended."""
    contenus = {f: b"".join(TETES[f]) for f in source.fichiers}
    cible = source.fichiers[0]
    entete, *lignes = TETES[cible]
    largeur = len(entete.split(source.delimiteur.encode()))
    nouvelles = draw(
        st.lists(
            st.lists(cellule, min_size=largeur, max_size=largeur).map(
                lambda c: _ligne(c, source.delimiteur, csv.QUOTE_MINIMAL)
            ),
            min_size=1,
            max_size=6,
        )
    )
    sorte = draw(
        st.sampled_from(
            ["ajout", "remplacement", "largeur", "tronque", "nul", "bom", "encodage", "binaire"]
        )
    )
    ajout_seul = False
    if sorte == "ajout":
        # A well-formed row is only added where one ends.
        corps = b"".join(lignes)
        corps += b"" if corps.endswith(b"\n") or not corps else b"\n"
        contenus[cible] = entete + corps + b"".join(nouvelles)
        ajout_seul = True
    elif sorte == "remplacement":
        position = draw(st.integers(0, len(lignes) - 1))
        lignes[position] = nouvelles[0]
        contenus[cible] = entete + b"".join(lignes)
    elif sorte == "largeur":
        cellules = draw(st.lists(cellule, max_size=largeur + 3))
        quoting = draw(st.sampled_from([csv.QUOTE_NONE, csv.QUOTE_ALL, csv.QUOTE_MINIMAL]))
        try:
            brute = _ligne(cellules, source.delimiteur, quoting)
        except csv.Error:
            brute = source.delimiteur.join(cellules).encode("utf-8", "surrogatepass") + b"\n"
        contenus[cible] = entete + b"".join(lignes) + brute
    elif sorte == "tronque":
        tout = contenus[cible]
        contenus[cible] = tout[: draw(st.integers(0, len(tout)))]
    elif sorte == "nul":
        tout = contenus[cible]
        position = draw(st.integers(0, len(tout)))
        contenus[cible] = tout[:position] + b"\x00" * draw(st.integers(1, 4)) + tout[position:]
    elif sorte == "bom":
        bom = draw(
            st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf" * 2])
        )
        contenus[cible] = bom + contenus[cible]
    elif sorte == "encodage":
        try:
            texte = contenus[cible].decode("utf-8-sig")
        except UnicodeDecodeError:
            texte = contenus[cible].decode("cp1252", "replace")
        codec = draw(st.sampled_from(["latin-1", "utf-16", "utf-16-le", "cp1252", "mac_roman"]))
        contenus[cible] = texte.encode(codec, "replace")
    else:
        contenus[cible] = draw(st.binary(max_size=400))
    return contenus, ajout_seul


BASE: dict[str, set[Any]] = {}


def _base(source: Source) -> set[Any]:
    if source.nom not in BASE:
        resultat = _importer(source, {f: b"".join(TETES[f]) for f in source.fichiers})
        assert not isinstance(resultat, ImportFailed), resultat
        BASE[source.nom] = resultat
    return BASE[source.nom]


@given(st.data())
@reglages(250)
def test_every_csv_importer_reports_bad_rows_and_never_crashes(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(SOURCES), label="source")
    essai(f"importeur CSV : {source.nom.split(' ')[0]}")
    contenus, ajout_seul = data.draw(mutation(source), label="fichiers")
    resultat = _importer(source, contenus)
    if ajout_seul:
        assert not isinstance(resultat, ImportFailed), resultat
        assert _base(source) <= resultat, "des lignes valides ont été perdues"


# --- BMO workbook ---------------------------------------------------------------------------

valeur_xlsx = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(),
    cellule.map(lambda t: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", t)),
)


@given(
    st.lists(st.lists(valeur_xlsx, min_size=12, max_size=16), max_size=6),
    st.sampled_from(["entete", "sans_feuille", "binaire"]),
    st.binary(max_size=200),
)
@reglages(40)
def test_the_bmo_workbook_reports_bad_rows_and_never_crashes(
    lignes: list[list[Any]], sorte: str, garbage: bytes
) -> None:
    import openpyxl

    essai("importeur BMO (classeur xlsx)")
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / bmo.XLSX_FILE
        if sorte == "binaire":
            chemin.write_bytes(b"PK\x03\x04" + garbage)
        else:
            classeur = openpyxl.Workbook()
            feuille = classeur.active
            assert feuille is not None
            feuille.title = bmo.XLSX_SHEET if sorte == "entete" else "Feuil1"
            feuille.append(list(bmo.COLUMNS))
            feuille.append(["2025", "A0X40", "Agriculteurs", "Z", "Autres", "01", "Guadeloupe"])
            feuille.append(["971", "Guadeloupe", "101", "BASSIN", 227, 80, 128])
            for ligne in lignes:
                feuille.append(ligne)
            classeur.save(chemin)
        report = ImportReport("BMO")
        try:
            bmo.read_rows(chemin, report)
        except ImportFailed as exc:
            assert francais(str(exc))
            return
        _verifier_rapport(report)


# --- data·inclusion dumps -------------------------------------------------------------------

REFS = data_inclusion.read_referentials(DATA) if DATA.exists() else None
json_valeur = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texte_hostile | cellule,
    lambda enfants: st.lists(enfants, max_size=3) | st.dictionaries(st.text(max_size=5), enfants),
    max_leaves=6,
)
CONNUES = {
    "type": ["accompagnement", "formation", "inconnu"],
    "thematiques": ["sante--addictions", "trouver-un-emploi--repondre-a-des-offres-demploi"],
    "frais": ["gratuit", "payant"],
    "nombre_semaines": ["inf", "-inf", "nan", "1e400", "12", "3,5"],
    "latitude": ["nan", "inf", "45,1", "1e400"],
    "longitude": ["-inf", "nan", "2.35"],
    "volume_horaire_hebdomadaire": ["nan", "inf", "35"],
}


@st.composite
def enregistrement(draw: st.DrawFn, champs: tuple[str, ...]) -> dict[str, Any]:
    noms = draw(st.lists(st.sampled_from([*champs, "contact_nom_prenom", "x"]), max_size=8))
    return {
        nom: draw(st.sampled_from(CONNUES[nom]) | json_valeur if nom in CONNUES else json_valeur)
        for nom in noms
    }


def _bons(nombre: int) -> list[dict[str, Any]]:
    return [
        {"id": f"fictif-{i}", "structure_id": "s-1", "nom": f"Service fictif {i}", "source": "t"}
        for i in range(nombre)
    ]


@st.composite
def dump(draw: st.DrawFn) -> tuple[str, bytes, set[str]]:
    kind = draw(st.sampled_from(["structures", "services"]))
    champs = (
        data_inclusion.SERVICE_FIELDS if kind == "services" else data_inclusion.STRUCTURE_FIELDS
    )
    bons = _bons(draw(st.integers(0, 3)))
    records: list[Any] = [*bons, *draw(st.lists(enregistrement(champs) | json_valeur, max_size=5))]
    forme = draw(st.sampled_from(["json", "jsonl", "csv", "tronque", "profond", "binaire"]))
    attendus = {b["id"] for b in bons}
    if forme == "json":
        return kind + ".json", json.dumps(records, ensure_ascii=False).encode(), attendus
    if forme == "jsonl":
        texte = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
        return kind + ".jsonl", texte.encode("utf-8", "surrogatepass"), attendus
    if forme == "csv":
        tampon = io.StringIO()
        colonnes = list(champs)
        ecrivain = csv.DictWriter(tampon, colonnes, extrasaction="ignore", lineterminator="\n")
        ecrivain.writeheader()
        for record in records:
            if isinstance(record, dict):
                ecrivain.writerow(
                    {
                        k: json.dumps(v) if not isinstance(v, str) else v
                        for k, v in record.items()
                        if k in colonnes
                    }
                )
        return kind + ".csv", tampon.getvalue().encode("utf-8", "surrogatepass"), attendus
    if forme == "tronque":
        brut = json.dumps(records).encode()
        return kind + ".json", brut[: draw(st.integers(0, len(brut)))], set()
    if forme == "profond":
        n = draw(st.integers(1, 100_000))
        return kind + ".json", ("[" * n + "]" * n).encode(), set()
    return kind + ".json", draw(st.binary(max_size=300)), set()


@given(dump())
@example(("services.json", b"[" * 50_000 + b"]" * 50_000, set()))
@example(
    (
        "services.json",
        b'[{"id": "a", "nom": "abc", "structure_id": "s", "nombre_semaines": "inf"}]',
        set(),
    )
)
@reglages(200)
def test_data_inclusion_dumps_report_bad_records_and_never_crash(
    fichier: tuple[str, bytes, set[str]],
) -> None:
    essai("importeur data·inclusion (json/jsonl/csv)")
    nom, brut, attendus = fichier
    assert REFS is not None
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / nom
        chemin.write_bytes(brut)
        report = ImportReport("data·inclusion")
        kind = nom.split(".")[0]
        try:
            lignes = data_inclusion.read_dump(chemin, kind, REFS, report)
        except ImportFailed as exc:
            assert francais(str(exc)) and not attendus
            return
    _verifier_rapport(report)
    assert attendus <= {ligne["id"] for ligne in lignes}
    for ligne in lignes:
        assert "contact_nom_prenom" not in ligne
        json.dumps(ligne, allow_nan=False)  # what is kept can be written to the pack


# --- LHEO -----------------------------------------------------------------------------------

LHEO_MODELE = (FIXTURES / "lheo" / "multi-sessions.xml").read_text(encoding="utf-8")
_CONTENU = re.compile(r">([^<>]+)<")


@st.composite
def lheo_mute(draw: st.DrawFn) -> bytes:
    texte = LHEO_MODELE
    contenus = list(_CONTENU.finditer(texte))
    for _ in range(draw(st.integers(0, 4))):
        cible = draw(st.sampled_from(contenus))
        valeur = draw(cellule).replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "")
        texte = texte[: cible.start(1)] + valeur + texte[cible.end(1) :]
        contenus = list(_CONTENU.finditer(texte))
    brut = texte.encode("utf-8", "surrogatepass")
    sorte = draw(st.sampled_from(["texte", "tronque", "binaire", "encodage", "nul"]))
    if sorte == "tronque":
        return brut[: draw(st.integers(0, len(brut)))]
    if sorte == "binaire":
        position = draw(st.integers(0, len(brut)))
        return brut[:position] + draw(st.binary(min_size=1, max_size=50)) + brut[position:]
    if sorte == "encodage":
        return texte.encode(draw(st.sampled_from(["latin-1", "utf-16", "cp1252"])), "replace")
    if sorte == "nul":
        position = draw(st.integers(0, len(brut)))
        return brut[:position] + b"\x00" + brut[position:]
    return brut


@given(lheo_mute())
@example(LHEO_MODELE.replace("<nombre-heures-total>", "<nombre-heures-total>²").encode())
@reglages(200)
def test_lheo_reports_bad_sessions_and_never_crashes(brut: bytes) -> None:
    essai("importeur LHEO (XML)")
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "offres.xml"
        chemin.write_bytes(brut)
        try:
            sessions, report = lheo.import_lheo(chemin)
        except ImportFailed as exc:
            assert francais(str(exc))
            return
    _verifier_rapport(report)
    for session in sessions:
        json.dumps(session.as_row(), allow_nan=False)
        assert session.nombre_heures_total is None or session.nombre_heures_total >= 0


@given(texte_hostile, st.sampled_from(["csv", "json", "xml"]))
@reglages(100)
def test_any_text_as_a_whole_file_is_refused_or_read(texte: str, format_: str) -> None:
    essai("fichier entier quelconque")
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / f"services.{format_}"
        chemin.write_bytes(texte.encode("utf-8", "surrogatepass"))
        try:
            if format_ == "xml":
                lheo.import_lheo(chemin)
            else:
                assert REFS is not None
                report = ImportReport("x")
                data_inclusion.read_dump(chemin, "services", REFS, report)
                _verifier_rapport(report)
        except ImportFailed as exc:
            assert francais(str(exc))
