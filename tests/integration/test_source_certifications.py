"""Certifications importer, on the real official files and on small hand-written ones."""

from pathlib import Path

import pytest
from conftest import SHARED

from assistant.retrieval.certifications import Certification, load_certifications
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources import certifications
from assistant.retrieval.sources.base import ImportFailed, ImportReport
from assistant.retrieval.sources.rome_passage import read_passage

pytestmark = pytest.mark.integration
DATA = SHARED / "data"
real_files = pytest.mark.skipif(not DATA.exists(), reason="données officielles absentes")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    knowledge = tmp_path_factory.mktemp("knowledge")
    [(entry, report)] = certifications.build(DATA, knowledge)
    assert entry.rows == report.rows_kept
    return knowledge, report


@pytest.fixture(scope="module")
def by_id(built: tuple[Path, ImportReport]) -> dict[str, Certification]:
    return {c.id: c for c in load_certifications(built[0])}


@real_files
def test_all_titres_professionnels_of_certif_info_and_of_the_ministry(
    by_id: dict[str, Certification],
) -> None:
    titres = [c for c in by_id.values() if c.titre_professionnel]
    assert sum(1 for c in titres if c.certif_info) == 346
    assert len(titres) >= 733 - 62  # the Ministry's RNCP fiches (62 of its 733 are RS fiches)
    numbers = {n for c in by_id.values() for n in c.numeros}
    ministry = set()
    path = next((DATA / "rncp_fc_2026").glob("export_fiches_CSV_Certificateurs_*.csv"))
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if "MINISTERE DU TRAVAIL DU PLEIN EMPLOI" in line:
            ministry.add(line.split(";")[0].strip('"'))
    assert len(ministry) == 733
    assert ministry <= numbers


@real_files
def test_a_known_titre_professionnel(by_id: dict[str, Certification]) -> None:
    tp = by_id["CI115022"]
    assert tp.intitule == "Titre professionnel agent de propreté et d'hygiène"
    assert (tp.type, tp.categorie, tp.niveau, tp.rncp) == (
        "Titre professionnel",
        "titre_professionnel",
        3,
        "RNCP37872",
    )
    assert set(tp.rome_v3) == {"J1301", "K2202", "K2204"}
    # K2205 "Agent de propreté de locaux" is a ROME 4.0 fiche whose v3 parent is K2204.
    assert {"K2204", "K2205"} <= set(tp.rome4)
    assert tp.courte is False


@real_files
def test_renewed_titre_takes_the_title_of_its_predecessor(by_id: dict[str, Certification]) -> None:
    old, new = by_id["CI108927"], by_id["RNCP40499"]
    assert old.rncp == "RNCP34857" and old.remplacee_par == ("RNCP40499",)
    assert old.actif is False
    assert new.intitule == "Titre professionnel cariste d'entrepôt"
    assert new.intitule_repris_de == "RNCP34857"
    assert new.titre_professionnel and new.niveau == 3
    assert {"N1101", "N1112"} <= set(new.rome4)


@real_files
def test_a_renovated_diploma_keeps_its_title_unless_the_cpc_list_gives_one(
    by_id: dict[str, Certification],
) -> None:
    """The CAP maçon was renewed as RNCP41830, a number too recent for Certif Info 2024: it
    is found under the title of its predecessor, which says so."""
    cap = by_id["RNCP41830"]
    assert (cap.intitule, cap.type, cap.niveau) == ("CAP maçon", "CAP", 3)
    assert cap.intitule_repris_de == "RNCP35715" and cap.actif is not False
    assert "F1703" in cap.rome4
    # A renovation that changed the title: the CPC list's title stays (not the former one).
    geometre = by_id["RNCP39269"]
    assert (geometre.intitule, geometre.intitule_repris_de) == ("Bac pro Géomètre", None)


@real_files
def test_options_merged_into_one_new_fiche_take_the_diploma_s_name(
    by_id: dict[str, Certification],
) -> None:
    """RNCP38745 had three options in Certif Info (maçonnerie, charpente, couverture); its
    successor is the whole Bac pro, not its last option."""
    merged = by_id["RNCP41014"]
    assert merged.intitule == "Bac pro interventions sur le patrimoine bâti", merged.intitule
    assert by_id["RNCP40997"].intitule == "CAP maintenance des véhicules"


@real_files
def test_short_certifications_are_flagged(by_id: dict[str, Certification]) -> None:
    caces = [c for c in by_id.values() if c.intitule and "R489" in c.intitule]
    assert caces and all(c.courte and c.famille_courte == "caces" for c in caces)
    assert by_id["CI106691"].rs == "RS5055"
    assert by_id["RS6866"].intitule_repris_de == "RS5055"  # the renewed CACES R489 1A
    families = {c.famille_courte for c in by_id.values() if c.courte}
    assert {"caces", "sst", "clea", "habilitation_electrique", "ssiap", "fimo_fco"} <= families
    assert {"hygiene_alimentaire", "permis"} <= families
    clea = by_id["CI84482"]
    assert clea.rs == "RS5080" and clea.courte and clea.categorie == "habilitation_courte"
    # A diploma is never a short certification, even when its title mentions one.
    assert not any(c.courte for c in by_id.values() if c.categorie in {"cap", "bac_pro"})


@real_files
def test_fimo_leads_to_the_jobs_of_its_driving_licence(
    by_id: dict[str, Certification], built: tuple[Path, ImportReport]
) -> None:
    """The FIMO/FCO RS fiches have no ROME link; no one drives a goods vehicle or a bus for a
    living without them."""
    marchandises, voyageurs = by_id["CI112764"], by_id["CI112765"]
    assert marchandises.rs == "RS5769" and "N4101" in marchandises.rome4
    assert voyageurs.rs == "RS5768" and "N4103" in voyageurs.rome4
    assert not set(marchandises.rome4) & set(voyageurs.rome4)
    assert any("CI112764" in note and "catégorie C" in note for note in built[1].notes)


@real_files
def test_vocational_diplomas_and_levels(by_id: dict[str, Certification]) -> None:
    values = list(by_id.values())
    assert sum(1 for c in values if c.categorie == "cap") >= 201
    assert sum(1 for c in values if c.categorie == "bac_pro") >= 116
    assert sum(1 for c in values if c.categorie == "bep") >= 72
    assert all(c.niveau is None or 3 <= c.niveau <= 8 for c in values)
    assert by_id["CI82502"].intitule == "CAP agent de propreté et d'hygiène"


@real_files
def test_rome_family_codes_give_only_approximate_links(by_id: dict[str, Certification]) -> None:
    cap = by_id["CI106893"]
    assert "F1700" in cap.rome_v3
    assert {"F1704", "F1705"} <= set(cap.rome4)
    assert "F1701" in cap.rome4_approx and "F1701" not in cap.rome4


@real_files
def test_v3_to_v4_passage() -> None:
    passage = read_passage(DATA, ImportReport("ROME"))
    exact, approx, unknown = passage.map(["A1202", "K00"])
    assert exact == ["A1202", "A1207", "A1214"]
    assert approx == [] and unknown == ["K00"]


@real_files
def test_pack_is_facts_only_small_and_clean(built: tuple[Path, ImportReport]) -> None:
    knowledge, report = built
    assert (knowledge / "certifications.jsonl.gz").stat().st_size < 3_000_000
    texts = [
        text
        for row in read_dataset("certifications", knowledge)
        for text in [row["intitule"] or "", *row["certificateurs"]]
    ]
    assert not any("''" in text for text in texts)
    assert any("lu en Windows-1252" in note for note in report.notes)  # rncp_info.v1.4.csv
    assert all(":" in str(problem) for problem in report.problems)


# ---- small files written by hand ------------------------------------------------------------

_CI_HEADER = (
    "Code_Diplome;Libelle_Diplome;Libelle_Type_Diplome;Code_Niveau_Europeen;Code_FormaCode;"
    "Code_Rome_1;Code_Rome_2;Code_Rome_3;Code_Rome_4;Code_Rome_5;Code_Nsf;Code_RNCP;Code_RS;"
    "valideur;Annee_Derniere_Session;Etat;code_type_diplome"
)


def _write_sources(root: Path, certif_info_rows: list[str]) -> Path:
    """A minimal data folder in the official formats (quoting, tabs, CRLF, cp1252)."""
    (root / "certifinfo_2024").mkdir(parents=True)
    (root / "certifinfo_2024" / "certif_info.csv").write_text(
        "\n".join([_CI_HEADER, *certif_info_rows]) + "\n", encoding="utf-8"
    )
    fc = root / "rncp_fc_2026"
    fc.mkdir()
    ministry = b'"\t11000007200014";"MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L\' INSERTION"'
    (fc / "export_fiches_CSV_Certificateurs_2026_02_01.csv").write_bytes(
        b'"Numero_Fiche";"Siret_Certificateur";"Nom_Certificateur"\r\n'
        b'"RNCP100";' + ministry + b"\r\n"
        b'"RNCP200";' + ministry + b"\r\n"
        b'"RS300";"\t12345678900011";"CHAMBRE D\'\'AGRICULTURE"\r\n'
    )
    (fc / "export_fiches_CSV_Rome_2026_02_01.csv").write_bytes(
        b'"Numero_Fiche";"Codes_Rome_Code";"Codes_Rome_Libelle"\r\n'
        b'"RNCP200";"K2204";"Nettoyage de locaux"\r\n'
        b'"RNCP200";"pas un code";"???"\r\n'
        b'"RS300";"K2200";"Famille d\'\'emplois"\r\n'
    )
    (root / "rncp_mna_2021_2023").mkdir()
    (root / "rncp_mna_2021_2023" / "rncp_info.v1.4.csv").write_bytes(
        (
            "CodeRNCP;intituleDiplome;date_fin_validite_enregistrement;ActiveInactive;"
            "NiveauEurope;CodeTypeCertif\n"
            "RNCP200;Agent de propreté et d'hygiène;12/31/30;ACTIVE;niveau3;TP\n"
            "RNCP400;Électricien d'équipement;8/31/16;INACTIVE;niveau3;BEP\n"
            "RNCP500;;8/31/16;INACTIVE;niveau3;CAP\n"
        ).encode("cp1252")
    )
    (root / "rome4_v460").mkdir()
    (root / "rome4_v460" / "unix_referentiel_code_rome_v460_utf8.csv").write_text(
        '"code_rome","libelle_rome","code_rome_parent"\n'
        '"K2204","Agent de nettoyage industriel","K2204"\n'
        '"K2205","Agent de propreté de locaux","K2204"\n'
        '"K2201","Blanchisseur","K2201"\n',
        encoding="utf-8",
    )
    return root


_GOOD = "10;Certificat R489;Habilitation;;31795;;;;;;311;;300;INRS,CNAM;;11;970"


def test_bad_rows_are_reported_with_file_and_line_and_the_others_kept(tmp_path: Path) -> None:
    data = _write_sources(
        tmp_path / "data",
        [
            _GOOD,
            "abc;Code invalide;Habilitation;;;;;;;;;;;;;11;970",
            "12;;Habilitation;;;;;;;;;;;;;11;970",
            "13;Trop court;Habilitation",
            "14;Titre professionnel agent;Titre professionnel (TP de niveau 3)"
            ";9;;ZZZ;;;;;;;;;;0;561",
        ],
    )
    [(entry, report)] = certifications.build(data, tmp_path / "knowledge")
    problems = [str(p) for p in report.problems]
    assert "certif_info.csv:3 : code Certif Info invalide ('abc')" in problems
    assert "certif_info.csv:4 : certification 12 sans intitulé" in problems
    assert "certif_info.csv:5 : 3 colonnes au lieu de 17" in problems
    assert "certif_info.csv:6 : niveau européen '9' inconnu, ignoré" in problems
    assert "certif_info.csv:6 : code ROME invalide ('ZZZ'), ignoré" in problems
    assert "rncp_info.v1.4.csv:4 : fiche RNCP sans numéro valide ou sans intitulé ('RNCP500')" in (
        problems
    )
    assert any(
        p.startswith("export_fiches_CSV_Rome_2026_02_01.csv:3 : code ROME") for p in problems
    )
    rows = {c.id: c for c in load_certifications(tmp_path / "knowledge")}
    assert set(rows) == {"CI10", "CI14", "RNCP100", "RNCP200", "RNCP400"}
    assert entry.rows == 5
    caces = rows["CI10"]
    assert caces.courte and caces.famille_courte == "caces" and caces.rs == "RS300"
    assert caces.certificateurs == ("INRS", "CNAM")
    # A family code (K2200) gives no exact ROME 4.0 link; its recommendation (R489) does.
    assert caces.rome_v3 == ("K2200",) and caces.rome4[0] == "N1101"
    assert caces.rome4_approx == ("K2201", "K2204", "K2205")  # family K22, approximate
    assert rows["CI14"].niveau is None and rows["CI14"].titre_professionnel
    # Ministry fiches absent from Certif Info: titled from the 2021 table (read as cp1252).
    assert rows["RNCP200"].intitule == "Agent de propreté et d'hygiène"
    assert rows["RNCP200"].rome4 == ("K2204", "K2205") and rows["RNCP200"].actif is True
    assert rows["RNCP100"].intitule is None and rows["RNCP100"].titre_professionnel
    bep = rows["RNCP400"]
    assert (bep.categorie, bep.intitule, bep.actif) == ("bep", "Électricien d'équipement", False)
    assert any("1 titre(s) professionnel(s)" in note for note in report.notes)


def test_doubled_apostrophes_and_tabs_are_undone(tmp_path: Path) -> None:
    data = _write_sources(
        tmp_path / "data", ["10;Certificat R489;Habilitation;;;;;;;;;;300;;;11;970"]
    )
    certifications.build(data, tmp_path / "knowledge")
    rows = {c.id: c for c in load_certifications(tmp_path / "knowledge")}
    assert rows["CI10"].certificateurs == ("CHAMBRE D'AGRICULTURE",)


def test_missing_columns_raise_a_french_message(tmp_path: Path) -> None:
    data = _write_sources(tmp_path / "data", [_GOOD])
    path = data / "certifinfo_2024" / "certif_info.csv"
    path.write_text("Code_Diplome;Libelle_Diplome\n1;Titre\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="colonnes manquantes : Libelle_Type_Diplome"):
        certifications.build(data, tmp_path / "knowledge")


def test_missing_file_raises_a_french_message(tmp_path: Path) -> None:
    data = _write_sources(tmp_path / "data", [_GOOD])
    (data / "rncp_fc_2026" / "export_fiches_CSV_Rome_2026_02_01.csv").unlink()
    with pytest.raises(ImportFailed, match=r"Fichier introuvable .*export_fiches_CSV_Rome_"):
        certifications.build(data, tmp_path / "knowledge")


def test_build_is_idempotent(tmp_path: Path) -> None:
    data = _write_sources(tmp_path / "data", [_GOOD])
    first = certifications.build(data, tmp_path / "knowledge")[0][0]
    content = (tmp_path / "knowledge" / "certifications.jsonl.gz").read_bytes()
    second = certifications.build(data, tmp_path / "knowledge")[0][0]
    assert first.sha256 == second.sha256
    assert (tmp_path / "knowledge" / "certifications.jsonl.gz").read_bytes() == content
    assert "rncp_info.v1.4.csv" in first.source_sha256


@real_files
def test_caces_lead_to_the_jobs_of_their_machines(by_id: dict[str, Certification]) -> None:
    r489 = [
        c for c in by_id.values() if c.famille_courte == "caces" and "R489" in (c.intitule or "")
    ]
    assert r489 and all("N1101" in c.rome4 for c in r489)
    r482 = [
        c for c in by_id.values() if c.famille_courte == "caces" and "R482" in (c.intitule or "")
    ]
    assert r482 and all(c.rome4 == ("F1302",) for c in r482)
