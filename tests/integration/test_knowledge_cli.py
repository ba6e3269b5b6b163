"""`passerelle search` and `passerelle knowledge` as a counsellor or a benchmark runs them."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
PASSERELLE = Path(sys.executable).with_name("passerelle")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lheo"


@pytest.fixture
def data_dir(built_index: Path) -> Path:
    target = Path(os.environ["PASSERELLE_DATA_DIR"])
    shutil.copytree(built_index, target, dirs_exist_ok=True)
    return target


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PASSERELLE), *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_batch_mode_answers_one_json_line_per_query_in_order(data_dir: Path) -> None:
    queries = ["Cariste H/F", "", "serveur en brasserie", "x" * 10_000, "Chauffeur PL"]
    result = run("search", "metiers", "--json", "--top", "3", stdin="\n".join(queries) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == queries
    assert lines[0]["results"][0]["code_rome"] == "N1101"
    assert lines[1]["results"] == []
    assert lines[2]["results"][0]["code_rome"] == "G1803"
    assert lines[4]["results"][0]["code_rome"] == "N4101"
    for line in lines:
        assert len(line["results"]) <= 3
        for hit in line["results"]:
            assert {"code_rome", "libelle", "score"} <= set(hit)


def test_region_explains_demand_and_unknown_region_is_refused(data_dir: Path) -> None:
    result = run("search", "metiers", "Cariste", "--region", "Occitanie", "--json", "--top", "1")
    hit = json.loads(result.stdout)["results"][0]
    assert hit["demande_region"]["nom"] == "Occitanie" and hit["demande_region"]["projets"] > 0
    assert "projets de recrutement en Occitanie" in hit["pourquoi"]
    assert "chariot" in hit["description"]
    refused = run("search", "metiers", "Cariste", "--region", "Atlantide")
    assert refused.returncode == 2
    assert "Région inconnue : « Atlantide »" in refused.stderr and "Occitanie" in refused.stderr


def test_human_output_is_french(data_dir: Path) -> None:
    result = run("search", "metiers", "j'ai fait du placo sur des chantiers", "--top", "3")
    assert result.returncode == 0
    assert "F1604  Plaquiste" in result.stdout and "Intitulé proche" in result.stdout
    # The job in a sentence the person can read, before why it was found.
    plaquiste = result.stdout.split("F1604  Plaquiste\n", 1)[1].splitlines()
    assert "plaque" in plaquiste[0].lower() and plaquiste[1].strip().startswith("Intitulé proche")


def test_certifications_and_services(data_dir: Path) -> None:
    certifications = run("search", "certifications", "cariste", "--json")
    titles = [r["intitule"] for r in json.loads(certifications.stdout)["results"]]
    assert "Titre professionnel cariste d'entrepôt" in titles
    short = run("search", "certifications", "CACES", "--courtes", "--json")
    # « CACES » is the acronym of « certificat d'aptitude à la conduite en sécurité ».
    assert all(
        "CACES" in r["intitule"].upper() or "CONDUITE EN SÉCURITÉ" in r["intitule"].upper()
        for r in json.loads(short.stdout)["results"]
    )
    services = run("search", "services", "chantier d'insertion", "--departement", "69", "--json")
    found = json.loads(services.stdout)["results"]
    assert found and all(r["departement"] == "69" for r in found)


def test_status_reports_pack_and_index(data_dir: Path) -> None:
    result = run("knowledge", "status")
    assert result.returncode == 0
    assert "rome_appellations" in result.stdout and "13120" in result.stdout
    assert "Index de recherche" in result.stdout and "à jour" in result.stdout
    assert "PROBLÈME" not in result.stdout


def test_lheo_import_keeps_good_files_and_reports_bad_ones(data_dir: Path) -> None:
    result = run("knowledge", "import", "lheo", *sorted(str(p) for p in FIXTURES.glob("*.xml")))
    assert result.returncode == 0, result.stderr
    assert "pas-lheo.xml:0 : " in result.stdout and "n'est pas un fichier LHEO" in result.stdout
    assert "une-session-invalide.xml:64 : session écartée" in result.stdout
    assert (data_dir / "connaissances" / "sessions.jsonl.gz").exists()
    missing = run("knowledge", "import", "lheo", "absent.xml")
    assert missing.returncode == 2 and "Fichier(s) introuvable(s) : absent.xml" in missing.stderr


def test_filters_and_demand_rerank(data_dir: Path) -> None:
    from assistant.retrieval.knowledge import Knowledge
    from assistant.retrieval.regulated import RegulatedJobs

    knowledge, regulated = Knowledge.load(), RegulatedJobs.load()
    safe = run("search", "metiers", "agent de sécurité", "--hors-reglementes", "--json")
    codes = [r["code_rome"] for r in json.loads(safe.stdout)["results"]]
    assert codes and not any(regulated.is_regulated(code) for code in codes)
    open_jobs = run("search", "metiers", "ouvrier", "--sans-diplome", "--json", "--top", "10")
    codes = [r["code_rome"] for r in json.loads(open_jobs.stdout)["results"]]
    assert codes and all(knowledge.fiches[code].sans_diplome for code in codes)
    ranked = run(
        "search", "metiers", "ouvrier agricole", "--region", "Bretagne", "--selon-demande", "--json"
    )
    results = json.loads(ranked.stdout)["results"]
    assert results and all(
        r["demande_region"]["nom"] == "Bretagne" for r in results if r.get("demande_region")
    )


def test_batch_mode_survives_crlf_and_bad_bytes(data_dir: Path) -> None:
    result = subprocess.run(
        [str(PASSERELLE), "search", "metiers", "--json", "--top", "1"],
        input=b"Cariste H/F\r\nma\xe7on\nserveur",
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [line["query"] for line in lines] == ["Cariste H/F", "ma\ufffdon", "serveur"]
    assert lines[0]["results"][0]["code_rome"] == "N1101"


def test_json_is_utf8_whatever_the_terminal_encoding(data_dir: Path) -> None:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [str(PASSERELLE), "search", "metiers", "--json", "--top", "2"],
        input="Aide-soignante à domicile\nCariste\n".encode(),
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [line["query"] for line in lines] == ["Aide-soignante à domicile", "Cariste"]
    assert "é" in result.stdout.decode("utf-8")  # not escaped to \u00e9
    assert lines[0]["results"][0]["libelle"].isprintable()


@pytest.mark.parametrize("top", ["0", "-1", "51", "beaucoup"])
def test_top_out_of_range_is_refused_in_french(data_dir: Path, top: str) -> None:
    result = run("search", "metiers", "cariste", "--top", top)
    assert result.returncode == 2
    assert "--top doit être un nombre entier entre 1 et 50" in result.stderr
    assert "Commande non reconnue" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
