"""Malformed files of every import format (`tests/fixtures/malformed/<format>/`, fictitious).

Each one is imported with its bad rows reported (file:line, French reason) or refused as a whole
with a French message; nothing crashes, nothing valid is lost, LHEO refuses DTDs and entities.
"""

import csv
import json
import shutil
from pathlib import Path

import pytest
from conftest import SHARED

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.sources import bmo, certifications, data_inclusion, lheo, rome
from assistant.retrieval.sources.base import ImportFailed, ImportReport

pytestmark = pytest.mark.integration
MALFORMED = Path(__file__).resolve().parents[1] / "fixtures" / "malformed"
ROME_DATA = SHARED / "data" / rome.FOLDER
ANGLAIS = ("Traceback", "Error", "Exception", "invalid literal", "Input should")


def _francais(texte: str) -> None:
    assert texte.strip() and not any(mot in texte for mot in ANGLAIS), texte


def _rapport_francais(report: ImportReport) -> None:
    for probleme in report.problems:
        assert probleme.file and probleme.line >= 1, probleme
        _francais(probleme.reason)
    for note in report.notes:
        _francais(note)


def _refus(appel: object, *morceaux: str) -> str:
    with pytest.raises(ImportFailed) as exc:
        appel()  # type: ignore[operator]
    message = str(exc.value)
    _francais(message)
    for morceau in morceaux:
        assert morceau in message, message
    return message


# --- ROME 4.0 -------------------------------------------------------------------------------


def _rome(tmp_path: Path, fixture: str) -> tuple[Path, ImportReport]:
    """A small ROME folder (first rows of the official files) whose fiches file is `fixture`."""
    dossier = tmp_path / rome.FOLDER
    dossier.mkdir()
    for source in ROME_DATA.glob("unix_*.csv"):
        with source.open("rb") as lu:
            (dossier / source.name).write_bytes(b"".join(lu.readline() for _ in range(30)))
    shutil.copy(MALFORMED / "rome" / fixture, dossier / rome._FILES["fiches"])
    return tmp_path, ImportReport("ROME")


rome_present = pytest.mark.skipif(not ROME_DATA.exists(), reason="données officielles absentes")


@rome_present
@pytest.mark.parametrize(
    ("fixture", "attendu"),
    [
        ("vide.csv", "est vide"),
        ("binaire.csv", "colonnes manquantes : code_rome"),
        ("mauvais_separateur.csv", "colonnes manquantes : code_rome"),
    ],
)
def test_rome_unusable_files_are_refused_in_french(
    tmp_path: Path, fixture: str, attendu: str
) -> None:
    data, report = _rome(tmp_path, fixture)
    _refus(lambda: rome.read_fiches(data, report), attendu)


@rome_present
@pytest.mark.parametrize(
    ("fixture", "fiches", "problemes"),
    [
        ("entete_seule.csv", set(), []),
        ("latin1.csv", {"A1101", "N1101", "K2204"}, []),
        ("tronque.csv", {"A1101", "N1101"}, [(4, "9 colonnes au lieu de 10")]),
        ("champ_enorme.csv", {"A1101", "N1101", "K2204"}, []),
        (
            "doublons.csv",
            {"A1101", "N1101", "K2204"},
            [(5, "fiche A1101 en double, ligne ignorée"), (6, "fiche A1101 en double")],
        ),
    ],
)
def test_rome_bad_rows_are_reported_and_good_ones_kept(
    tmp_path: Path, fixture: str, fiches: set[str], problemes: list[tuple[int, str]]
) -> None:
    data, report = _rome(tmp_path, fixture)
    lues = rome.read_fiches(data, report)
    assert set(lues) == fiches
    assert report.rows_kept == len(fiches)
    _rapport_francais(report)
    du_fichier = {p.line: p.reason for p in report.problems if p.file == rome._FILES["fiches"]}
    for ligne, raison in problemes:
        assert raison in du_fichier[ligne]
    assert len(du_fichier) == len(problemes)
    if fixture == "latin1.csv":
        assert lues["K2204"]["libelle"] == "Agent / Agente de propreté et d'hygiène"
        assert any("Windows-1252" in note for note in report.notes)


# --- BMO (CSV and workbook) -----------------------------------------------------------------


def _bmo(tmp_path: Path, fixture: str) -> Path:
    nom = bmo.XLSX_FILE if fixture.endswith(".xlsx") else bmo.CSV_FILE
    shutil.copy(MALFORMED / "bmo" / fixture, tmp_path / nom)
    return tmp_path / nom


@pytest.mark.parametrize(
    ("fixture", "attendu"),
    [
        ("vide.csv", "est vide"),
        ("entete_seule.csv", "aucune ligne BMO exploitable"),
        ("mauvais_separateur.csv", "colonnes manquantes : annee"),
        ("binaire.csv", "colonnes manquantes"),
        ("vide.xlsx", "classeur Excel illisible"),
        ("binaire.xlsx", "classeur Excel illisible"),
        ("tronque.xlsx", "classeur Excel illisible"),
        ("entete_seule.xlsx", "aucune ligne BMO exploitable"),
        ("feuille_vide.xlsx", "est vide"),
        ("mauvaise_feuille.xlsx", "feuille « BMO_2025_open_data » introuvable"),
    ],
)
def test_bmo_unusable_files_are_refused_in_french(
    tmp_path: Path, fixture: str, attendu: str
) -> None:
    chemin = _bmo(tmp_path, fixture)
    _refus(lambda: bmo.read_rows(chemin, ImportReport("BMO")), attendu)


@pytest.mark.parametrize(
    ("fixture", "gardees", "problemes"),
    [
        ("latin1.csv", 3, {}),
        ("tronque.csv", 2, {4: "13 colonnes au lieu de 14"}),
        ("champ_enorme.csv", 3, {}),
        ("doublons.csv", 3, {5: "doublon", 6: "doublon"}),
        ("lignes_invalides.xlsx", 3, {5: "doublon", 6: "nom du métier vide", 7: "FAP 2021"}),
    ],
)
def test_bmo_bad_rows_are_reported_and_good_ones_kept(
    tmp_path: Path, fixture: str, gardees: int, problemes: dict[int, str]
) -> None:
    report = ImportReport("BMO")
    lignes = bmo.read_rows(_bmo(tmp_path, fixture), report)
    assert len(lignes) == report.rows_kept == gardees
    assert {p.line: p.reason for p in report.problems}.keys() == problemes.keys()
    for probleme in report.problems:
        assert problemes[probleme.line] in probleme.reason
    _rapport_francais(report)
    if fixture == "latin1.csv":
        assert lignes[2].nom_region == "Auvergne-Rhône-Alpes"


# --- Certifications (Certif Info) -------------------------------------------------------------


def _certif(tmp_path: Path, fixture: str) -> Path:
    (tmp_path / "certifinfo_2024").mkdir()
    shutil.copy(MALFORMED / "certifications" / fixture, tmp_path / certifications.CERTIFINFO)
    return tmp_path


@pytest.mark.parametrize(
    ("fixture", "attendu"),
    [
        ("vide.csv", "est vide"),
        ("mauvais_separateur.csv", "colonnes manquantes : Code_Diplome"),
        ("binaire.csv", "colonnes manquantes"),
    ],
)
def test_certifications_unusable_files_are_refused_in_french(
    tmp_path: Path, fixture: str, attendu: str
) -> None:
    data = _certif(tmp_path, fixture)
    _refus(lambda: certifications.read_certifinfo(data, ImportReport("c"), 2026), attendu)


@pytest.mark.parametrize(
    ("fixture", "ids", "problemes"),
    [
        ("entete_seule.csv", set(), {}),
        ("latin1.csv", {"CI90001", "CI90002", "CI90003"}, {}),
        ("tronque.csv", {"CI90001", "CI90002"}, {4: "21 colonnes au lieu de 22"}),
        ("champ_enorme.csv", {"CI90001", "CI90002", "CI90003"}, {}),
        ("doublons.csv", {"CI90001", "CI90002", "CI90003"}, {}),  # merged, as documented
    ],
)
def test_certifications_bad_rows_are_reported_and_good_ones_kept(
    tmp_path: Path, fixture: str, ids: set[str], problemes: dict[int, str]
) -> None:
    report = ImportReport("certifications")
    records = certifications.read_certifinfo(_certif(tmp_path, fixture), report, 2026)
    assert {r.id for r in records} == ids
    assert len(records) == len(ids)
    assert {p.line: p.reason for p in report.problems} == problemes
    _rapport_francais(report)
    if fixture == "latin1.csv":
        assert records[1].intitule == "Titre professionnel fictif agent de propreté"


# --- data·inclusion services (JSON, JSON Lines, CSV) ------------------------------------------

REFS = data_inclusion.load_referentials(KNOWLEDGE_DIR)


def _services(tmp_path: Path, fixture: str) -> tuple[Path, ImportReport]:
    chemin = tmp_path / f"services{Path(fixture).suffix}"
    shutil.copy(MALFORMED / "services" / fixture, chemin)
    return chemin, ImportReport("services")


@pytest.mark.parametrize(
    ("fixture", "attendu"),
    [
        ("vide.json", "est vide"),
        ("vide.csv", "est vide"),
        ("binaire.json", "JSON illisible ligne 1"),
        ("binaire.csv", "colonnes manquantes"),
        ("tronque.json", "JSON illisible ligne 18"),
        ("imbrique.json", "imbriquées sur trop de niveaux"),
    ],
)
def test_services_unusable_files_are_refused_in_french(
    tmp_path: Path, fixture: str, attendu: str
) -> None:
    chemin, report = _services(tmp_path, fixture)
    _refus(lambda: data_inclusion.read_dump(chemin, "services", REFS, report), attendu)


TROIS = {"svc-fictif-1", "svc-fictif-2", "svc-fictif-3"}


@pytest.mark.parametrize(
    ("fixture", "ids", "raisons"),
    [
        ("tableau_vide.json", set(), []),
        ("entete_seule.csv", set(), []),
        ("latin1.json", TROIS, []),
        ("latin1.csv", TROIS, []),
        ("mauvais_separateur.csv", TROIS, []),  # the separator is detected from the header
        ("tronque.csv", TROIS - {"svc-fictif-3"}, ["7 colonnes au lieu de 8"]),
        ("champ_enorme.json", {"svc-fictif-1", "svc-fictif-2"}, []),
        ("champ_enorme.csv", TROIS, []),
        ("doublons.json", TROIS, ["en double"] * 2),
        ("doublons.csv", TROIS, ["en double"] * 2),
        ("pas_des_objets.json", {"svc-fictif-1"}, ["n'est pas un objet JSON"] * 4),
        ("controles.jsonl", TROIS, []),
    ],
)
def test_services_bad_records_are_reported_and_good_ones_kept(
    tmp_path: Path, fixture: str, ids: set[str], raisons: list[str]
) -> None:
    chemin, report = _services(tmp_path, fixture)
    lignes = data_inclusion.read_dump(chemin, "services", REFS, report)
    assert {ligne["id"] for ligne in lignes} == ids
    assert len(report.problems) == len(raisons)
    for probleme, raison in zip(report.problems, raisons, strict=True):
        assert raison in probleme.reason
    _rapport_francais(report)
    for ligne in lignes:
        json.dumps(ligne, allow_nan=False)  # "inf", "nan" never reach the pack
        assert not any(ch in str(v) for v in ligne.values() for ch in "\x00\x1b\ufffe")
    if fixture.endswith((".json", ".jsonl")) and "svc-fictif-3" in ids:
        assert any("nombre_semaines non numérique retiré" in note for note in report.notes)
        assert "nombre_semaines" not in next(x for x in lignes if x["id"] == "svc-fictif-3")


def test_a_field_larger_than_the_csv_limit_is_one_reported_row(tmp_path: Path) -> None:
    """An unclosed quote swallows the rest of the file: one bad row, the rows before it kept."""
    chemin = tmp_path / "services.csv"
    with chemin.open("w", encoding="utf-8", newline="") as fichier:
        ecrivain = csv.writer(fichier)
        ecrivain.writerow(["id", "structure_id", "nom"])
        ecrivain.writerow(["svc-1", "st-1", "Service fictif un"])
        fichier.write('svc-2,st-1,"Service fictif sans fin ' + "x" * 200_000 + "\n")
    report = ImportReport("services")
    lignes = data_inclusion.read_dump(chemin, "services", REFS, report)
    assert [ligne["id"] for ligne in lignes] == ["svc-1"]
    ((probleme),) = report.problems
    assert probleme.line == 3 and "ligne CSV illisible" in probleme.reason


def test_a_utf8_file_with_one_windows_1252_line_keeps_every_line(tmp_path: Path) -> None:
    chemin = tmp_path / "services.csv"
    chemin.write_bytes(
        "id,structure_id,nom\nsvc-1,st-1,Hébergement fictif\n".encode()
        + "svc-2,st-1,Café fictif\n".encode("cp1252")
        + b"svc-3,st-1,Ligne \x81\x8d illisible\n"
    )
    report = ImportReport("services")
    lignes = data_inclusion.read_dump(chemin, "services", REFS, report)
    assert {ligne["id"]: ligne["nom"] for ligne in lignes} == {
        "svc-1": "Hébergement fictif",
        "svc-2": "Café fictif",
    }
    ((probleme),) = report.problems
    assert probleme.line == 4 and "caractères illisibles" in probleme.reason
    assert any("encodage mélangé" in note for note in report.notes)


# --- LHEO (XML) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "attendu"),
    [
        ("vide.xml", "fichier vide ou qui n'est pas du XML"),
        ("binaire.xml", "fichier vide ou qui n'est pas du XML"),
        ("tronque.xml", "fichier LHEO tronqué"),
        ("latin1_non_declare.xml", "XML invalide ligne 12"),
        ("mauvaise_racine.xml", "n'est pas un fichier LHEO"),
        ("entite_non_declaree.xml", "entité non définie"),
        ("milliard_de_rires.xml", "DOCTYPE ou ENTITY refusée"),
        ("entite_externe.xml", "DOCTYPE ou ENTITY refusée"),
        ("entite_parametre.xml", "DOCTYPE ou ENTITY refusée"),
        ("dtd_externe.xml", "DOCTYPE ou ENTITY refusée"),
    ],
)
def test_lheo_unusable_or_dangerous_files_are_refused_in_french(fixture: str, attendu: str) -> None:
    message = _refus(lambda: lheo.import_lheo(MALFORMED / "lheo" / fixture), attendu)
    assert "root:" not in message  # nothing of /etc/passwd was read


def test_entities_are_refused_before_anything_is_expanded_or_fetched() -> None:
    """The parser is expat with a DOCTYPE handler that stops at the declaration (no defusedxml
    needed): no expansion, no file read, no network access."""
    import socket

    appels: list[object] = []
    origine = socket.socket.connect

    def espion(self: socket.socket, adresse: object) -> None:
        appels.append(adresse)
        origine(self, adresse)  # type: ignore[arg-type]

    socket.socket.connect = espion  # type: ignore[method-assign]
    try:
        for nom in ("dtd_externe.xml", "entite_externe.xml", "milliard_de_rires.xml"):
            with pytest.raises(ImportFailed):
                lheo.import_lheo(MALFORMED / "lheo" / nom)
    finally:
        socket.socket.connect = origine  # type: ignore[method-assign]
    assert appels == []


@pytest.mark.parametrize(
    ("fixture", "gardees", "problemes"),
    [
        ("racine_seule.xml", 0, 0),
        ("champ_enorme.xml", 3, 0),
        ("doublons.xml", 3, 2),
    ],
)
def test_lheo_odd_files_are_read_with_their_problems_reported(
    fixture: str, gardees: int, problemes: int
) -> None:
    sessions, report = lheo.import_lheo(MALFORMED / "lheo" / fixture)
    assert len(sessions) == report.rows_kept == gardees
    assert len({s.id for s in sessions}) == gardees
    assert len(report.problems) == problemes
    _rapport_francais(report)
    for probleme in report.problems:
        assert "en double" in probleme.reason and probleme.file == fixture
