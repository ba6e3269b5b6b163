"""Worker nouns from activity words, among the first words of the real ROME titles."""

import pytest

from assistant.retrieval.agent_nouns import AgentNouns
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.metiers import JobSearch

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def search() -> JobSearch:
    # The lexical search alone: the heads come from the shipped pack's job titles.
    return JobSearch(Knowledge.load())


@pytest.fixture(scope="module")
def agents(search: JobSearch) -> AgentNouns:
    return search.agents


@pytest.mark.parametrize(
    ("word", "worker"),
    [
        ("plomberie", "plombier"),
        ("boulangerie", "boulanger"),
        ("maconnerie", "macon"),
        ("menuiserie", "menuisier"),
        ("carrosserie", "carrossier"),
        ("ebenisterie", "ebeniste"),
        ("coiffure", "coiffeur"),
        ("soudure", "soudeur"),
        ("peinture", "peintre"),
        ("couture", "couturier"),
        ("elagage", "elagueur"),
        ("bucheronnage", "bucheron"),
        ("cablage", "cableur"),
        ("livraison", "livreur"),
        ("manutention", "manutentionnaire"),
        ("reception", "receptionniste"),
        ("mecanique", "mecanicien"),
        ("electricite", "electricien"),
        ("etancheite", "etancheur"),
        ("caisse", "caissier"),
        ("facade", "facadier"),
        ("plonge", "plongeur"),
        ("jardin", "jardinier"),
        ("demenagements", "demenageur"),
    ],
)
def test_an_activity_gives_its_worker(agents: AgentNouns, word: str, worker: str) -> None:
    assert worker in agents.of(word)


@pytest.mark.parametrize(
    "word", ["tables", "entretien", "college", "auto", "bois", "foret", "carte", "cartes"]
)
def test_words_that_name_no_activity_give_nothing(agents: AgentNouns, word: str) -> None:
    assert agents.of(word) == []


def test_only_short_texts_that_name_no_job_give_workers(agents: AgentNouns) -> None:
    assert agents.workers("de la mecanique auto") == {"mecanicien": "mecanique"}
    # A job is named (plural too): its words are the query.
    assert agents.workers("operateurs de production") == {}
    assert agents.workers("vendeur en boulangerie") == {}
    # A long description meets the skill labels; its adjectives would give false workers.
    long = "je preparais les colis avec un transpalette electrique dans une plateforme"
    assert agents.workers(long) == {}
    assert agents.workers("") == {}


def test_one_worker_per_activity_of_the_usual_ending(agents: AgentNouns) -> None:
    # « cuisiniste » (kitchen fitter) is a title's first word too; the cook comes first.
    assert agents.of("cuisine")[0] == "cuisinier"
    assert agents.workers("en cuisine") == {"cuisinier": "cuisine"}


def test_spelled_out_counsellor_words_do_not_hide_the_activity(search: JobSearch) -> None:
    # « chantiers » is spelled out as « manoeuvre de chantier bâtiment »: the person still named
    # an activity (« maçonnerie »), not a job.
    searched = search.prepare("maçonnerie sur des chantiers").split()
    assert "manoeuvre" in searched
    assert searched[-1] == "macon"
