"""The searches behind the suggestions: made once, even when two workers ask at the same time."""

import threading
from typing import Any

import pytest

from assistant.retrieval.service import KnowledgeService
from assistant.suggestions import Suggesteur

pytestmark = pytest.mark.integration


def test_a_search_under_way_is_waited_for_not_run_twice(
    knowledge_service: KnowledgeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge_service.warm_up()
    real = knowledge_service.search_jobs
    started = threading.Event()
    release = threading.Event()
    calls: list[str] = []

    def search_jobs(query: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(query)
        started.set()
        release.wait(10)  # the second worker asks while this one is still searching
        return real(query, *args, **kwargs)

    monkeypatch.setattr(knowledge_service, "search_jobs", search_jobs)
    suggesteur = Suggesteur(knowledge_service)
    results: list[Any] = []
    workers = [
        threading.Thread(target=lambda: results.append(suggesteur.metiers("cariste", 3, "84")))
        for _ in range(2)
    ]
    workers[0].start()
    assert started.wait(10)
    workers[1].start()
    release.set()
    for worker in workers:
        worker.join(10)
    assert calls == ["cariste"]
    assert len(results) == 2 and results[0] == results[1]
    assert results[0][0].code_rome == "N1101"


def test_a_failed_search_lets_the_next_worker_try_again(
    knowledge_service: KnowledgeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = knowledge_service.search_jobs
    calls: list[str] = []

    def search_jobs(query: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(query)
        if len(calls) == 1:
            raise OSError("index en cours de reconstruction")
        return real(query, *args, **kwargs)

    monkeypatch.setattr(knowledge_service, "search_jobs", search_jobs)
    suggesteur = Suggesteur(knowledge_service)
    with pytest.raises(OSError):
        suggesteur.metiers("plombier", 3, None)
    assert suggesteur.metiers("plombier", 3, None)[0].code_rome.startswith("F")
    assert calls == ["plombier", "plombier"]


def test_a_whole_trade_gives_example_sheets_that_ask_which_job(
    knowledge_service: KnowledgeService,
) -> None:
    """« le bâtiment » is a sector: its sheets are examples, and the counsellor is asked which
    job it was; a job said is shown as said."""
    from assistant.domain.dossier import Dossier
    from assistant.domain.steps import Experience

    dossier = Dossier.ouvrir("TEST-002", "maison_arret")
    dossier.etapes.experiences.experiences = [
        Experience(intitule_libre="bâtiment", type="emploi_salarie"),
        Experience(intitule_libre="cariste", type="interim"),
    ]
    pistes = Suggesteur(knowledge_service).suggerer(dossier).metiers
    origines = {p.origine for p in pistes}
    assert "Expérience : cariste" in origines
    assert "Expérience : bâtiment (secteur : quel métier ? exemples)" in origines
    assert {p.hit.code_rome for p in pistes if "bâtiment" in p.origine} <= {
        code for code in knowledge_service.knowledge.fiches if code.startswith("F")
    }


def test_each_project_gets_its_certifications_without_repeating_one(
    knowledge_service: KnowledgeService,
) -> None:
    """« cuisinier, ou sinon agent de restauration »: both are prepared for."""
    from assistant.domain.dossier import Dossier
    from assistant.domain.steps import Experience, Projet

    dossier = Dossier.ouvrir("TEST-003", "centre_detention")
    dossier.etapes.projet.projets = [
        Projet(libelle_personne="cuisinier", code_rome="G1609"),
        Projet(libelle_personne="agent de restauration", code_rome="G1607"),
    ]
    dossier.etapes.experiences.experiences = [
        Experience(intitule_libre="cariste", type="interim", code_rome="N1101")
    ]
    groupes = Suggesteur(knowledge_service).suggerer(dossier).certifications
    assert [g.pour for g in groupes] == [
        "Projet : cuisinier",
        "Projet : agent de restauration",
    ]
    assert len(groupes[0].hits) == 5 and 1 <= len(groupes[1].hits) <= 3
    premier = {h.certification.id for h in groupes[0].hits}
    assert not premier & {h.certification.id for h in groupes[1].hits}
    assert "CAP cuisine" in [h.certification.intitule for h in groupes[0].hits]
    # Without a project, the last job's certifications.
    dossier.etapes.projet.projets = None
    [seul] = Suggesteur(knowledge_service).suggerer(dossier).certifications
    assert seul.pour == "Expérience : cariste" and seul.hits
