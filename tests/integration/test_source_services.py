"""Insertion services: data·inclusion referentials and dumps, SIAE/GEIQ/France Travail lists.

Real official files from ../shared/data, plus small files written here for bad rows, missing
columns, encodings and idempotence. Every organisation in the small files is fictitious.
"""

import json
from pathlib import Path

import pytest
from conftest import SHARED

from assistant.domain.enums import CategorieFrein
from assistant.retrieval import barriers
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.services import find_services, load_services
from assistant.retrieval.sources import contacts, data_inclusion, siae
from assistant.retrieval.sources.base import ImportFailed, ImportReport

pytestmark = pytest.mark.integration
DATA = SHARED / "data"
needs_data = pytest.mark.skipif(not DATA.exists(), reason="données officielles absentes")


# --- Small files --------------------------------------------------------------------------


def _write_referentials(data_dir: Path) -> None:
    """Just the values our importers use, in the official value,label,description layout."""
    values = {
        "thematiques": [
            *siae.SIAE_THEMATIQUES,
            *siae.GEIQ_THEMATIQUES,
            *siae.AGENCE_THEMATIQUES,
            "sante--addictions",
        ],
        "publics": [*siae.SIAE_PUBLICS, "jeunes"],
        "types_de_services": ["accompagnement", "formation"],
        "reseaux_porteurs": ["aci", "ai", "ei", "etti", "geiq", "france-travail", "csapa"],
        "frais": ["gratuit", "payant"],
        "modes_accueil": ["en-presentiel"],
        "modes_mobilisation": ["telephoner"],
        "personne_mobilisatrice": ["professionnels"],
    }
    folder = data_dir / data_inclusion.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, file_name in data_inclusion.REFERENTIALS.items():
        lines = ["value,label,description"]
        lines += [f"{v},Libellé {v},Description {v}" for v in dict.fromkeys(values[name])]
        (folder / file_name).write_text("\n".join(lines) + "\n", encoding="utf-8")


SIAE_HEADER = (
    "MESURE;CODE_DEPARTEMENT;LIBELLE_DPT;CODE_POSTAL;COMMUNE;CODE_NAF2;NATURE_JURIDIQUE;SIRET;"
    "DENOMINATION_SOCIALE;NUM_RUE;NOM_RUE;CODE_POST_COM;LIB_COM;TELEPHONE"
)
JOBS_HEADER = (
    "MESURE;CODE_DEPARTEMENT;LIBELLE_DPT;CODE_POSTAL;COMMUNE;CODE_NAF2;NATURE_JURIDIQUE;SIRET;"
    "DENOMINATION_SOCIALE;SITE WEB;"
    + ";".join(
        f"ROME{'' if i == 1 else f' {i}'};APPELATION{'' if i == 1 else f' {i}'}"
        for i in range(1, 10)
    )
)


def _write_lists(data_dir: Path, siae_rows: list[str], encoding: str = "utf-8") -> None:
    folder = data_dir / siae.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n".join([SIAE_HEADER, *siae_rows]) + "\n"
    (folder / siae.FILES["siae"]).write_bytes(text.encode(encoding))
    jobs = "ACI;062;PAS-DE-CALAIS;62000;ARRAS;9499Z;Association;11111111100011;CHANTIER FICTIF;"
    jobs += "https://chantier.example;a1203;Jardinier;F1704;Manoeuvre bâtiment;ZZ;Code faux"
    jobs += ";" * 12
    (folder / siae.FILES["metiers"]).write_text(f"{JOBS_HEADER}\n{jobs}\n", encoding="utf-8")
    (folder / siae.FILES["geiq"]).write_text(
        "GEIQ;ADRESSE;COMPLEMENT ADRESSE;VILLE;CODE POSTAL;EMAIL;TEL;NAF;SIRET;;;\n"
        "GEIQ FICTIF;1 rue A;;ARRAS;62000;contact@geiq-fictif.example;03 21 00 00 00;7830Z;"
        "22222222200011;;;\n"
        "GEIQ NOMINATIF;2 rue B;;LENS;62300;jean.dupont@example.org;03 21 00 00 01;7830Z;"
        "33333333300011;;;\n",
        encoding="utf-8",
    )
    (folder / siae.FILES["agences"]).write_text(
        "REFERENCE_PE,NOM,CODE_SAFIR,TYPE_SITE,REGION,LIBELLE_REGION,COMPLEMENT_ADRESSE,"
        "DC_COMPLEMENTADRSITEPHYSIQUE,ADRESSE,CODE_POSTAL,COMMUNE,DN_LATITUDE,DN_LONGITUDE\n"
        'HDF0001,ARRAS FICTIF,62001,ALE,32,HDF,NULL,NULL,3 rue C,62000,ARRAS,"50,29","2,77"\n'
        'HDF0002,DIRECTION FICTIVE,62002,DDA,32,HDF,NULL,NULL,4 rue D,62000,ARRAS,"50,2","2,7"\n',
        encoding="utf-8",
    )


def _siae(mesure: str, dept: str, postcode: str, siret: str, name: str, phone: str = "") -> str:
    """One row of the ASP list (the commune is the same in both address blocks)."""
    commune = {"62000": "ARRAS", "62300": "LENS"}.get(postcode, "ARRAS")
    fields = [mesure, dept, "DPT", postcode, commune, "9499Z", "Association", siret, name]
    return ";".join([*fields, "1", "Rue DES TESTS", postcode, commune, phone])


GOOD_SIAE = [
    _siae("ACI", "062", "62000", "11111111100011", "CHANTIER FICTIF", "0321000000"),
    _siae("ACI", "059", "62000", "11111111100011", "CHANTIER FICTIF", "0321000000"),
    _siae("ETTI", "062", "62300", "44444444400011", "INTERIM FICTIF"),
]


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    _write_referentials(data_dir)
    _write_lists(data_dir, GOOD_SIAE)
    return data_dir


def test_small_lists_become_structures_and_services(small_data: Path, tmp_path: Path) -> None:
    results = siae.build(small_data, tmp_path / "pack")
    (structures, report), (services, _) = results
    # 2 SIAE (the ACI listed in two départements is merged), 2 GEIQ, 1 agency (not the DDA).
    assert structures.rows == 5 and services.rows == 5
    rows = {row["id"]: row for row in read_dataset("structures", tmp_path / "pack")}
    chantier = rows["liste-siae-2019-07--aci-11111111100011"]
    assert chantier["departements_conventionnement"] == ["59", "62"]
    assert chantier["telephone"] == "+33321000000"
    assert chantier["site_web"] == "https://chantier.example"
    assert chantier["reseaux_porteurs"] == ["aci"]
    geiq = rows["geiq-2019-11--22222222200011"]
    assert geiq["courriel"] == "contact@geiq-fictif.example"
    assert "geiq-2019-11--33333333300011" in rows
    assert "courriel" not in rows["geiq-2019-11--33333333300011"]  # a person's address
    assert rows["agences-pole-emploi--HDF0001"]["latitude"] == 50.29
    service = next(
        s
        for s in read_dataset("services", tmp_path / "pack")
        if s["structure_id"] == chantier["id"]
    )
    assert service["metiers"] == [
        {"code_rome_v3": "A1203", "appellation": "Jardinier"},
        {"code_rome_v3": "F1704", "appellation": "Manoeuvre bâtiment"},
    ]
    assert barriers.PUBLIC_JUSTICE in service["publics"]
    assert any("ZZ" in note for note in report.notes)
    assert any("fusionnée" in note for note in report.notes)
    assert report.problems == []


def test_bad_siae_rows_are_reported_and_skipped(small_data: Path, tmp_path: Path) -> None:
    _write_lists(
        small_data,
        [
            *GOOD_SIAE,
            _siae("XYZ", "062", "62000", "55555555500011", "MESURE FAUSSE"),
            _siae("EI", "062", "62000", "123", "SIRET COURT"),
            _siae("EI", "062", "ARRAS", "66666666600011", "SANS CP"),
            "EI;062;trop;de;colonnes;x;x;x;x;x;x;x;x;x;x;x",
        ],
    )
    (structures, report), _ = siae.build(small_data, tmp_path / "pack")
    assert structures.rows == 5
    assert [str(p) for p in report.problems] == [
        "2019_07_liste_siae.csv:5 : type de SIAE inconnu « XYZ » (EI, AI, ACI ou ETTI)",
        "2019_07_liste_siae.csv:6 : SIRET invalide « 123 » (14 chiffres attendus)",
        "2019_07_liste_siae.csv:7 : code postal invalide « ARRAS »",
        "2019_07_liste_siae.csv:8 : 16 colonnes au lieu de 14",
    ]


def test_windows_1252_list_is_read(small_data: Path, tmp_path: Path) -> None:
    rows = [
        *GOOD_SIAE,
        _siae("EI", "062", "62000", "77777777700011", "CAFÉ SOLIDAIRE"),
    ]
    _write_lists(small_data, rows, encoding="cp1252")
    (_, report), _ = siae.build(small_data, tmp_path / "pack")
    names = {row["nom"] for row in read_dataset("structures", tmp_path / "pack")}
    assert "CAFÉ SOLIDAIRE" in names
    assert any("Windows-1252" in note for note in report.notes)


def test_missing_column_or_file_fails_in_french(small_data: Path, tmp_path: Path) -> None:
    path = small_data / siae.FOLDER / siae.FILES["siae"]
    path.write_text("MESURE;SIRET\nACI;11111111100011\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="colonnes manquantes : CODE_DEPARTEMENT"):
        siae.build(small_data, tmp_path / "pack")
    path.unlink()
    with pytest.raises(ImportFailed, match="Impossible de lire"):
        siae.build(small_data, tmp_path / "pack")


def test_referentials_missing_a_value_we_use_fail(small_data: Path, tmp_path: Path) -> None:
    path = small_data / data_inclusion.FOLDER / "reseaux_porteurs_v1.csv"
    path.write_text("value,label,description\naci,ACI,\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="Valeurs absentes des référentiels"):
        siae.build(small_data, tmp_path / "pack")


def test_build_is_byte_identical_twice(small_data: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for target in (first, second):
        siae.build(small_data, target)
        data_inclusion.build(small_data, target)
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes()


# --- data·inclusion dumps -----------------------------------------------------------------

STRUCTURES_JSON = """[
  {"id": "src--1", "source": "src", "nom": "Centre social fictif", "code_postal": "62000",
   "code_insee": "62041", "commune": "Arras", "telephone": "03 21 11 11 11",
   "courriel": "accueil@centre-fictif.example", "reseaux_porteurs": ["csapa", "inconnu"],
   "siret": "88888888800011"},
  {"id": "src--2", "source": "src", "nom": "",
   "commune": "Lens"},
  {"id": "src--1", "source": "src", "nom": "Doublon fictif"},
  {"id": "src--3", "source": "src", "nom": "Association fictive",
   "courriel": "marie.martin@example.org", "code_postal": "620"}
]
"""
SERVICES_JSONL = "\n".join(
    json.dumps(record, ensure_ascii=False)
    for record in [
        {
            "id": "src--s1",
            "source": "src",
            "structure_id": "src--1",
            "nom": "Consultation jeunes consommateurs",
            "thematiques": ["sante--addictions", "theme-inconnu"],
            "publics": ["jeunes"],
            "type": "accompagnement",
            "frais": ["gratuit"],
            "contact_nom_prenom": "Marie Martin",
            "zone_eligibilite": ["62"],
        },
        {"id": "src--s2", "source": "src", "structure_id": "src--absente", "nom": "Orpheline"},
        {"id": "src--s3", "source": "src", "structure_id": "src--3", "nom": "Aide", "type": "x"},
    ]
)


def test_dump_json_is_checked_against_referentials(small_data: Path, tmp_path: Path) -> None:
    folder = small_data / data_inclusion.DUMP_FOLDER
    folder.mkdir()
    (folder / "structures.json").write_text(STRUCTURES_JSON, encoding="utf-8")
    (folder / "services.jsonl").write_text(SERVICES_JSONL, encoding="utf-8")
    pack = tmp_path / "pack"
    results = data_inclusion.build(small_data, pack)
    names = [entry.info.name for entry, _ in results]
    assert names == [
        "referentiels_inclusion",
        "structures_data_inclusion",
        "services_data_inclusion",
    ]
    (_, _), (structures, s_report), (services, v_report) = results
    assert structures.rows == 2 and services.rows == 2
    assert [str(p) for p in s_report.problems] == [
        "structures.json:6 : champ obligatoire manquant : nom",
        "structures.json:8 : identifiant « src--1 » en double (ligne 2)",
    ]
    assert [str(p) for p in v_report.problems] == [
        "services.jsonl:2 : structure « src--absente » absente des structures"
    ]
    rows = {row["id"]: row for row in read_dataset("structures_data_inclusion", pack)}
    assert rows["src--1"]["reseaux_porteurs"] == ["csapa"]
    assert rows["src--1"]["telephone"] == "+33321111111"
    assert rows["src--1"]["departement"] == "62"
    assert "courriel" not in rows["src--3"]
    assert "code_postal" not in rows["src--3"]
    service = next(read_dataset("services_data_inclusion", pack))
    assert service["thematiques"] == ["sante--addictions"]
    assert service["frais"] == "gratuit"
    assert "contact_nom_prenom" not in service
    assert any("theme-inconnu" in note for note in v_report.notes)
    assert any("courriel nominatif" in note for note in s_report.notes)
    # The runtime loader joins the service to its structure.
    found = find_services(
        load_services(pack), thematiques=barriers.thematiques_for(CategorieFrein.ADDICTIONS)
    )
    assert [(s.nom, s.structure_nom, s.departement) for s in found] == [
        ("Consultation jeunes consommateurs", "Centre social fictif", "62")
    ]


def test_dump_csv_with_array_cells_and_semicolons(small_data: Path) -> None:
    path = small_data / "services.csv"
    path.write_text(
        "id;structure_id;nom;thematiques;publics\n"
        "s1;x;Service un;"
        '{sante--addictions,trouver-un-emploi--repondre-a-des-offres-demploi};["jeunes"]\n'
        "s2;x;Service deux;sante--addictions|inconnu;\n"
        "s3;x;Service trois\n",
        encoding="cp1252",
    )
    refs = data_inclusion.read_referentials(small_data)
    report = ImportReport("test")
    rows = data_inclusion.read_dump(path, "services", refs, report)
    assert [row["id"] for row in rows] == ["s1", "s2"]
    assert rows[0]["thematiques"] == [
        "sante--addictions",
        "trouver-un-emploi--repondre-a-des-offres-demploi",
    ]
    assert rows[0]["publics"] == ["jeunes"]
    assert rows[1]["thematiques"] == ["sante--addictions"]
    assert [str(p) for p in report.problems] == ["services.csv:4 : 3 colonnes au lieu de 5"]


def test_truncated_json_dump_fails_in_french(small_data: Path) -> None:
    path = small_data / "structures.json"
    path.write_text(STRUCTURES_JSON[:200], encoding="utf-8")
    refs = data_inclusion.read_referentials(small_data)
    with pytest.raises(ImportFailed, match="JSON illisible ligne"):
        data_inclusion.read_dump(path, "structures", refs, ImportReport("test"))
    path.write_text('[{"id": "a", "nom": "Abc"}', encoding="utf-8")
    with pytest.raises(ImportFailed, match="tronqué"):
        data_inclusion.read_dump(path, "structures", refs, ImportReport("test"))


def test_functional_emails_only() -> None:
    assert contacts.functional_email(" Contact@Geiq22.fr ") == "contact@geiq22.fr"
    assert contacts.functional_email("geiq64@hotmail.com") == "geiq64@hotmail.com"
    assert contacts.functional_email("stephane.s@fleximrh.fr") is None
    assert contacts.functional_email("od@geiqbtp13.fr") is None
    assert contacts.functional_email("pas-une-adresse") is None
    assert contacts.phone("04 78 55 57 43") == "+33478555743"
    assert contacts.phone("06966314161") is None
    assert contacts.department_of_postcode("20090") == "2A"
    assert contacts.department_of_postcode("97411") == "974"


# --- Real official files ------------------------------------------------------------------


@needs_data
def test_real_referentials(tmp_path: Path) -> None:
    entry, report = data_inclusion.build_referentials(DATA, tmp_path)
    refs = data_inclusion.load_referentials(tmp_path)
    sizes = {name: len(refs.values(name)) for name in data_inclusion.REFERENTIALS}
    assert sizes == {
        "thematiques": 69,
        "publics": 14,
        "types_de_services": 6,
        "reseaux_porteurs": 108,
        "frais": 2,
        "modes_accueil": 2,
        "modes_mobilisation": 4,
        "personne_mobilisatrice": 2,
    }
    assert entry.rows == 207 and report.problems == []
    assert (
        refs.label("publics", barriers.PUBLIC_JUSTICE)
        == "Personnes en situation juridique spécifique"
    )
    assert refs.label("reseaux_porteurs", "spip").startswith("Services Pénitentiaires")


@needs_data
def test_every_barrier_maps_to_real_thematiques() -> None:
    refs = data_inclusion.read_referentials(DATA)
    assert set(barriers.THEMATIQUES_BY_FREIN) == set(CategorieFrein)
    assert refs.missing("thematiques", barriers.all_thematiques()) == []
    assert refs.known("publics", barriers.PUBLIC_JUSTICE)
    for categorie in CategorieFrein:
        assert barriers.thematiques_for(categorie), categorie
    assert barriers.thematiques_for("addictions") == ("sante--addictions",)
    assert barriers.thematiques_for(CategorieFrein.JUSTICE_OBLIGATIONS) == (
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
    )


@needs_data
def test_real_lists(tmp_path: Path) -> None:
    (structures, report), (services, _) = siae.build(DATA, tmp_path)
    # 3,932 rows minus 109 duplicates (same SIAE in two départements), 171 GEIQ, 852 agencies.
    assert structures.rows == services.rows == 3823 + 171 + 852
    assert report.problems == []
    for entry in (structures, services):
        assert (tmp_path / entry.file).stat().st_size < 3_000_000
    refs = data_inclusion.read_referentials(DATA)
    rows = list(read_dataset("structures", tmp_path))
    networks: dict[str, int] = {}
    for row in rows:
        for network in row["reseaux_porteurs"]:
            assert refs.known("reseaux_porteurs", network)
            networks[network] = networks.get(network, 0) + 1
        assert "courriel" not in row or contacts.functional_email(row["courriel"])
        assert "telephone" not in row or row["telephone"].startswith("+")
    assert networks == {
        "aci": 1891,
        "ei": 983,
        "ai": 661,
        "etti": 288,
        "geiq": 171,
        "france-travail": 852,
    }
    first = next(row for row in rows if row.get("siret") == "41071771400035")
    assert (first["nom"], first["commune"], first["reseaux_porteurs"]) == (
        "AINTERIM'AIR",
        "AMBERIEU EN BUGEY",
        ["etti"],
    )
    a2i = next(row for row in rows if row.get("siret") == "79925729000038")
    assert a2i["departements_conventionnement"] == ["02", "08"]
    service_rows = list(read_dataset("services", tmp_path))
    for row in service_rows:
        assert refs.missing("thematiques", row["thematiques"]) == []
        assert refs.missing("publics", row["publics"]) == []
        assert refs.known("types_de_services", row["type"])
    # 228 SIAE in the additional file, 117 of them with at least one ROME code.
    assert sum(1 for row in service_rows if row.get("metiers")) == 117


@needs_data
def test_real_services_for_people_leaving_prison(tmp_path: Path) -> None:
    siae.build(DATA, tmp_path)
    services = load_services(tmp_path)
    in_62 = find_services(services, departement="62", publics=[barriers.PUBLIC_JUSTICE])
    assert len(in_62) > 100
    assert all(s.reseaux_porteurs[0] in {"aci", "ei", "ai", "etti"} for s in in_62)
    assert any("A1203" in s.codes_rome_v3 for s in in_62)
    agencies = find_services(
        services, thematiques=["se-former--trouver-sa-formation"], departement="01"
    )
    assert any(s.structure_nom.startswith("France Travail") for s in agencies)


@needs_data
def test_real_build_twice_is_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for target in (first, second):
        siae.build(DATA, target)
        data_inclusion.build(DATA, target)
    files = sorted(p.name for p in first.iterdir())
    assert files == ["referentiels_inclusion.jsonl.gz", "services.jsonl.gz", "structures.jsonl.gz"]
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_a_barrier_asks_for_its_kind_of_service_not_for_its_word_in_a_name() -> None:
    """An employment site run by « … pour le logement et l'insertion » houses no one."""
    from assistant.retrieval.service_search import ServiceSearch
    from assistant.retrieval.services import InsertionService

    logement = barriers.thematiques_for(CategorieFrein.LOGEMENT)[0]
    chantier = InsertionService(
        "s1",
        "Emploi en chantier d'insertion",
        "st1",
        "Association pour le logement et l'insertion",
        "siae",
        thematiques=("trouver-un-emploi--repondre-a-des-offres-demploi",),
        departement="54",
    )
    hebergement = InsertionService(
        "s2",
        "Hébergement d'urgence",
        "st2",
        "SIAO 54",
        "data_inclusion",
        thematiques=(logement,),
        departement="54",
    )
    recherche = ServiceSearch([chantier, hebergement], {})
    assert [h.service.id for h in recherche.search("logement", "54")] == ["s2"]
    assert recherche.search("logement", "54", 5) and not ServiceSearch([chantier], {}).search(
        "logement", "54"
    )
    # Said in everyday words, the barrier is the same (« hébergement », « à la rue »).
    for besoin in ("hébergement d'urgence", "il est à la rue", "foyer pour la sortie"):
        assert [h.service.id for h in recherche.search(besoin, "54")] == ["s2"], besoin
        assert not ServiceSearch([chantier], {}).search(besoin, "54"), besoin
    # A query that names no barrier still finds by words.
    assert [h.service.id for h in ServiceSearch([chantier], {}).search("chantier")] == ["s1"]
