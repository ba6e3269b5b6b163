"""LHEO importer on the real ONISEP example (LHEO 2.2) and on fictitious files written after the
LHEO 2.3 definition (`tests/fixtures/lheo/`): sessions kept, bad ones reported, bad files refused.
"""

from pathlib import Path

import pytest
from conftest import SHARED

from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources.base import ImportFailed
from assistant.retrieval.sources.lheo import Lieu, build_sessions, import_lheo

pytestmark = pytest.mark.integration
DATA = SHARED / "data"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lheo"
MULTI = FIXTURES / "multi-sessions.xml"


@pytest.mark.skipif(not DATA.exists(), reason="données officielles absentes")
def test_real_onisep_example() -> None:
    sessions, report = import_lheo(DATA / "lheo" / "exemple-bts-onisep.xml")
    assert report.problems == [] and report.rows_kept == 1
    assert "LHEO 2.2" in report.notes[0]
    (session,) = sessions
    assert session.intitule == "BTS négociation et relation client"
    assert session.organisme == "Lycée Kerneuzec"
    assert session.siret_organisme == "19290076900014"
    assert session.rncp == ("RNCP474",)
    assert session.certifinfo == ("19004",)
    assert session.codes_rome == ("D1402", "D1403", "D1408")
    assert session.formacodes == ("34582", "34076")
    assert session.lieux == (
        Lieu(
            commune="QUIMPERLÉ",
            code_postal="29391",
            code_insee="29233",
            departement="29",
            region="53",
        ),
    )
    assert (session.debut, session.fin) == ("2015-09-01", "2017-08-31")
    assert session.public_detenus is False
    assert session.modalites_enseignement == "formation entièrement présentielle"
    assert session.ligne == 65


def test_multi_session_file() -> None:
    sessions, report = import_lheo(MULTI)
    assert report.problems == []
    assert (report.rows_read, report.rows_kept) == (3, 3)
    assert "LHEO 2.3, 2 offre(s)" in report.notes[0]
    by_id = {s.id: s for s in sessions}
    first = by_id["F-AGENT-PROPRETE/A-DETENTION/S1"]
    assert first.intitule == "Titre professionnel agent de propreté et d'hygiène"
    assert first.rncp == ("RNCP34692",) and first.certifinfo == ("107460",)
    assert first.formacodes == ("42866", "42811")  # the one tagged "principal" first
    assert first.public_detenus is True
    assert first.etat_recrutement == "fermé"
    assert first.nombre_heures_total == 560
    assert first.organismes_formateurs == ("Organisme formateur fictif",)
    assert first.lieux[0].commune == "LILLE" and first.lieux[0].departement == "59"
    second = by_id["F-AGENT-PROPRETE/A-DETENTION/S2"]
    assert (second.debut, second.fin) == ("2025-09", None)  # a month; 99999999 = unknown
    cariste = by_id["F-CARISTE/A-CARISTE/S1"]
    assert cariste.rs == ("RS5629",) and cariste.rncp == ()
    assert (cariste.debut, cariste.fin) == (None, None)
    assert cariste.entrees_sorties_permanentes is True
    assert cariste.public_detenus is False
    # No lieu-de-formation: the registration address gives the place.
    assert cariste.lieux == (Lieu(commune="LYON", code_postal="69007", departement="69"),)


def test_one_bad_session_is_reported_the_others_kept() -> None:
    sessions, report = import_lheo(FIXTURES / "une-session-invalide.xml")
    assert [s.id for s in sessions] == [
        "F-AGENT-PROPRETE/A-DETENTION/S1",
        "F-CARISTE/A-CARISTE/S1",
    ]
    assert [str(p) for p in report.problems] == [
        "une-session-invalide.xml:64 : session écartée : date de début invalide « 20251345 » "
        "(format AAAAMMJJ attendu)"
    ]
    assert (report.rows_read, report.rows_kept) == (3, 2)


def test_offer_without_title_and_end_before_start(tmp_path: Path) -> None:
    text = MULTI.read_text(encoding="utf-8")
    text = text.replace(
        "<intitule-formation>Préparation au CACES R489 cariste</intitule-formation>", ""
    )
    text = text.replace("<fin>20250425</fin>", "<fin>20241231</fin>")
    path = tmp_path / "offres.xml"
    path.write_text(text, encoding="utf-8")
    sessions, report = import_lheo(path)
    assert [s.id for s in sessions] == ["F-AGENT-PROPRETE/A-DETENTION/S2"]
    reasons = [p.reason for p in report.problems]
    assert reasons == [
        "session écartée : la date de fin (2024-12-31) précède la date de début (2025-01-06)",
        "offre écartée : intitulé de la formation manquant (<intitule-formation>)",
    ]
    assert all(p.line > 0 for p in report.problems)


def test_not_lheo_is_refused() -> None:
    with pytest.raises(
        ImportFailed, match=r"n'est pas un fichier LHEO \(élément racine <catalogue>"
    ):
        import_lheo(FIXTURES / "pas-lheo.xml")


def test_truncated_file_is_refused_in_french(tmp_path: Path) -> None:
    data = MULTI.read_bytes()
    path = tmp_path / "tronque.xml"
    path.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ImportFailed, match="fichier LHEO tronqué"):
        import_lheo(path)


def test_malformed_empty_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "mal-forme.xml"
    path.write_bytes(MULTI.read_bytes().replace(b"</session>", b"</sessio>", 1))
    with pytest.raises(ImportFailed, match=r"ligne 63.*balise fermante"):
        import_lheo(path)
    path.write_bytes(b"")
    with pytest.raises(ImportFailed, match="vide ou qui n'est pas du XML"):
        import_lheo(path)
    with pytest.raises(ImportFailed, match="Impossible de lire"):
        import_lheo(tmp_path / "absent.xml")


def test_doctype_and_entities_are_refused(tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lheo [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        b"<lheo><offres>&c;</offres></lheo>\n"
    )
    path = tmp_path / "rires.xml"
    path.write_bytes(laughs)
    with pytest.raises(ImportFailed, match="DOCTYPE ou ENTITY refusée"):
        import_lheo(path)
    external = b'<?xml version="1.0"?>\n<!DOCTYPE lheo SYSTEM "file:///etc/passwd">\n<lheo/>\n'
    path.write_bytes(external)
    with pytest.raises(ImportFailed, match="DOCTYPE ou ENTITY refusée"):
        import_lheo(path)


def test_latin1_file(tmp_path: Path) -> None:
    text = MULTI.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    path = tmp_path / "latin1.xml"
    path.write_bytes(text.encode("latin-1"))
    sessions, report = import_lheo(path)
    assert report.rows_kept == 3
    assert sessions[0].intitule == "Titre professionnel agent de propreté et d'hygiène"


def test_sessions_dataset_is_idempotent(tmp_path: Path) -> None:
    paths = [MULTI, FIXTURES / "une-session-invalide.xml"]
    first, report = build_sessions(paths, tmp_path / "a")
    second, _ = build_sessions(reversed(paths), tmp_path / "b")
    assert first.rows == 5 and len(report.problems) == 1
    assert (tmp_path / "a" / first.file).read_bytes() == (tmp_path / "b" / second.file).read_bytes()
    rows = list(read_dataset("sessions", tmp_path / "a"))
    detention = [row for row in rows if row["public_detenus"]]
    assert len(detention) == 3
    assert detention[0]["lieux"] == [
        {
            "commune": "LILLE",
            "code_postal": "59000",
            "code_insee": "59350",
            "departement": "59",
            "region": "32",
        }
    ]
