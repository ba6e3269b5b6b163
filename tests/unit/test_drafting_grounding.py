"""The grounding checker, the citation pass and the French sentence splitter."""

import pytest

from assistant.domain.drafts import SOURCE_CONSEILLER, PhraseBrouillon
from assistant.drafting.grounding import citer, faits_non_sources, reperer_faits, verifier_phrase
from assistant.drafting.text import decouper_phrases

pytestmark = pytest.mark.unit

FAITS = {
    "dossier:etapes.formation.diplomes.0": "Diplômes : CAP maçon, obtenu en 2012",
    "dossier:etapes.situation.date_sortie_previsible": "Date de sortie prévisible : 15/08/2026",
    "dossier:etapes.freins.ressources_personnes.0": "Personnes ressources : Sœur à Lyon",
    "dossier:etapes.plan_action.actions.0": (
        "S'inscrire à France Travail le jour de la sortie ; moment : À la sortie ; "
        "porteur : La personne ; partenaire : France Travail ; statut : À faire"
    ),
    "dossier:etapes.experiences.experiences.0": (
        "Expériences : Ouvrier du bâtiment (fiche ROME F1703) ; secteur : BTP ; type : Intérim ; "
        "période : 2013 – 2018 (début : mai 2013) ; durée : 5 ans"
    ),
    "dossier:etapes.formation.certifications_habilitations.0": (
        "Certifications et habilitations : CACES R489 cat. 3"
    ),
}


def _phrase(texte: str, *sources: str) -> PhraseBrouillon:
    return PhraseBrouillon(texte=texte, sources=list(sources), theme="parcours")


def _types(texte: str, *sources: str) -> list[str]:
    return [s.type for s in verifier_phrase(_phrase(texte, *sources), FAITS)]


DIPLOME = "dossier:etapes.formation.diplomes.0"
SORTIE = "dossier:etapes.situation.date_sortie_previsible"
EXPERIENCE = "dossier:etapes.experiences.experiences.0"


@pytest.mark.parametrize(
    "texte",
    [
        "La personne a un CAP maçon, obtenu en 2012.",
        "la personne a un cap MACON obtenu en 2012.",
        "Diplôme : Cap Maçon (2012).",
    ],
)
def test_supported_facts_pass_whatever_the_case_and_accents(texte) -> None:
    assert _types(texte, DIPLOME) == []


@pytest.mark.parametrize(
    ("texte", "fait"),
    [
        ("La personne a un CAP maçon, obtenu en 2014.", "2014"),
        ("La personne a un BTS bâtiment, obtenu en 2012.", "BTS"),
        ("La personne a un CAP maçon obtenu à Marseille en 2012.", "Marseille"),
        ("La personne a un CAP maçon obtenu en 2012 avec la Mission locale.", "Mission locale"),
        ("La personne a eu 3 CAP maçon en 2012.", "3"),
        ("La personne a un CAP maçon obtenu en 2012, puis a été cariste.", "cariste"),
        ("Elle a un CAP maçon de 2012 et a suivi une formation en soudure.", "soudure"),
        ("La personne a un CAP maçon obtenu en 2012 chez Dupont.", "Dupont"),
        ("La personne a un CAP maçon obtenu en deux mille douze, en juin 2012.", "juin"),
    ],
)
def test_invented_facts_are_flagged_by_name(texte, fait) -> None:
    signalements = verifier_phrase(_phrase(texte, DIPLOME), FAITS)
    assert signalements
    assert all(s.type == "fait_non_source" and s.bloquant for s in signalements)
    assert any(fait.lower() in s.message.lower() for s in signalements), signalements


def test_dates_and_durations_are_compared_as_facts() -> None:
    assert _types("Sortie prévue le 15 août 2026.", SORTIE) == []
    assert _types("Sortie prévue le 16 août 2026.", SORTIE) == ["fait_non_source"]
    assert _types("Ouvrier du bâtiment de 2013 à 2018, cinq ans en intérim.", EXPERIENCE) == []
    assert _types("Ouvrier du bâtiment pendant six ans.", EXPERIENCE) == ["fait_non_source"]


def test_only_the_sentence_s_own_sources_count() -> None:
    # The year is in the dossier, but not in the source this sentence cites.
    assert _types("Sortie du système scolaire en 2012.", SORTIE) == ["fait_non_source"]


def test_places_and_organisations_from_the_sources_pass() -> None:
    assert (
        _types("Une sœur à Lyon peut l'aider.", "dossier:etapes.freins.ressources_personnes.0")
        == []
    )
    assert (
        _types("Inscription à France Travail à la sortie.", "dossier:etapes.plan_action.actions.0")
        == []
    )
    assert (
        _types("Inscription à Pôle emploi à la sortie.", "dossier:etapes.plan_action.actions.0")
        == []
    )


def test_codes_and_certifications() -> None:
    certif = "dossier:etapes.formation.certifications_habilitations.0"
    assert _types("Titulaire du CACES R489.", certif) == []
    assert _types("Titulaire du CACES R482.", certif) == ["fait_non_source"]
    assert _types("Titulaire du CACES R489 et du SST.", certif) == ["fait_non_source"]


def test_a_sentence_without_source_or_with_an_unknown_one_is_blocked() -> None:
    assert _types("La personne est motivée.") == ["sans_source"]
    assert _types("La personne est motivée.", "dossier:etapes.inconnu") == ["sans_source"]


def test_the_counsellor_s_sentences_are_trusted() -> None:
    assert _types("Il a un BTS obtenu à Marseille en 2019.", SOURCE_CONSEILLER) == []


def test_fact_spotting_ignores_sentence_starts_and_courtesy_words() -> None:
    faits = reperer_faits("Vous avez dit : « Je veux construire. » Madame, Monsieur,")
    assert faits == []


def test_strict_mode_warns_when_most_words_come_from_nowhere() -> None:
    phrase = _phrase("Elle adore les voyages lointains et la musique baroque.", DIPLOME)
    signalements = verifier_phrase(phrase, FAITS, stricte=True)
    assert [s.bloquant for s in signalements] == [False]
    assert verifier_phrase(phrase, FAITS) == []


def test_citer_finds_the_supporting_facts() -> None:
    assert citer("Elle a obtenu un CAP maçon en 2012.", FAITS) == [DIPLOME]
    refs = citer("Sortie le 15 août 2026, puis inscription à France Travail.", FAITS)
    assert SORTIE in refs and "dossier:etapes.plan_action.actions.0" in refs
    assert citer("Bonjour.", FAITS) == []


def test_faits_non_sources_lists_what_is_missing() -> None:
    manquants = faits_non_sources("CAP maçon à Lyon en 2013.", [FAITS[DIPLOME]])
    assert {f.texte for f in manquants} == {"Lyon", "2013"}


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("M. Martin est venu. Il a parlé.", ["M. Martin est venu.", "Il a parlé."]),
        (
            "Maçonnerie, coffrage, etc. Il aime le dehors.",
            ["Maçonnerie, coffrage, etc. Il aime le dehors."],
        ),
        ("Taux de 3.5 pour cent. Fin.", ["Taux de 3.5 pour cent.", "Fin."]),
        ("CACES R489 cat. 3 obtenu. SST aussi.", ["CACES R489 cat. 3 obtenu.", "SST aussi."]),
        ("Permis B. Il cherche.", ["Permis B.", "Il cherche."]),
        ("Quoi ? « Oui. » Bien.", ["Quoi ?", "« Oui. » Bien."]),
    ],
)
def test_french_sentence_splitter(texte, attendu) -> None:
    assert decouper_phrases(texte) == attendu
