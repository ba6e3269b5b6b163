"""Query normalisation and the regional demand derived from BMO 2025 (shipped pack)."""

import numpy as np
import pytest

from assistant.retrieval.demand import HiringDemand
from assistant.retrieval.metiers import fill_missing_prior
from assistant.retrieval.text import clean_query, expand, masculine_form, tokens

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("offer", "cleaned"),
    [
        ("Cariste H/F", "cariste"),
        ("Préparateur de commandes (H/F) - CDI temps partiel", "preparateur de commandes"),
        ("Agent(e) d'entretien F/H urgent 35h", "agent d entretien"),
        ("COFFREUR N3 (Lyon 7e)", "coffreur"),
        # What follows « secteur » says where or in which trade, not the job...
        ("INGENIEUR COMMERCIAL - Secteur Biologie Médicale H/F", "ingenieur commercial"),
        ("Électricien secteur naval (H/F)", "electricien"),
        # ... but « chef de secteur » is a job title.
        ("Chef de secteur PGC (H/F)", "chef de secteur pgc"),
        # Typographic punctuation (pasted from a word processor) still separates words.
        ("Agent d’entretien (H/F)", "agent d entretien"),
        ("Cariste–magasinier « confirmé »", "cariste magasinier"),
    ],
)
def test_offer_noise_is_removed(offer: str, cleaned: str) -> None:
    assert clean_query(offer) == cleaned


def test_jargon_is_spelled_out() -> None:
    assert expand("chauffeur pl") == "chauffeur pl poids lourd"
    assert "plaquiste" in expand("j'ai fait du placo")
    assert expand("CAP cuisine") == "cuisine"


@pytest.mark.parametrize(
    ("said", "word"),
    [
        # What a person says of their tasks names the job.
        ("il refaisait les toits", "couvreur"),
        ("je posais des tuiles et des ardoises", "couvreur"),
        ("je livrais des colis", "livreur"),
        ("je conduisais un chariot", "cariste"),
        ("j'ai posé du carrelage", "carreleur"),
        ("je lavais la vaisselle", "plongeur"),
        ("j'ai le permis C", "poids"),
        ("je roulais en semi et je découchais", "poids"),
        ("je découchais toute la semaine", "routier"),
        ("j'étais vigile dans un centre commercial", "securite"),
        ("il tondait les pelouses pour la mairie", "espaces"),
        ("je réparais des vélos", "cycles"),
        ("je démontais des voitures dans une casse", "demonteur"),
        ("j'ai fait du télémarketing", "teleconseiller"),
        ("il posait des fenêtres", "menuiseries"),
        ("je vendais le pain dans une boulangerie", "vendeur"),
        ("elle faisait des ménages chez des particuliers", "familial"),
        ("du nettoyage de bureaux", "locaux"),
        ("dans une usine de voitures sur la chaîne", "assembleur"),
        ("j'ai fait un CAP pâtisserie", "patissier"),
        ("il faisait de la maintenance dans un hôtel", "batiment"),
        ("homme d'entretien dans une école", "batiment"),
        ("il faisait des petits travaux de jardinage", "jardinier"),
        ("je vissais les plaques de BA13", "plaquiste"),
        ("je faisais les vidanges et les plaquettes", "mecanicien"),
        ("je redressais les portières des voitures accidentées", "carrossier"),
        ("elle fait des tresses et des tissages", "coiffeur"),
        ("je taillais les barbes dans un barber shop", "barbier"),
        ("je faisais le pain et les croissants", "boulanger"),
        ("j'étais derrière la benne le matin", "ripeur"),
        ("j'ai tiré des câbles et posé des tableaux électriques", "electricien"),
        ("j'ai fait du uber avec ma voiture", "vtc"),
        ("vendeuse dans une boutique de fringues", "vetements"),
        ("je mettais les paquets dans les cartons", "conditionnement"),
        ("j'aimerais passer le permis D", "bus"),
        # Brands and platforms said instead of the job.
        ("livreur Uber Eats", "coursier"),
        ("j'ai fait Deliveroo à vélo", "coursier"),
        ("j'ai travaillé chez McDo", "rapide"),
        # English titles of job offers.
        ("Forklift driver", "cariste"),
        ("Sales manager", "commercial"),
        ("Housekeeper", "etage"),
        # « Plongeur » in an offer is the dishwasher; « agent d'entretien » cleans premises.
        ("Plongeur (H/F)", "restauration"),
        ("Agent d'entretien", "proprete"),
    ],
)
def test_everyday_and_english_words_are_spelled_out(said: str, word: str) -> None:
    assert word in expand(said).split()


def test_task_words_need_the_whole_expression() -> None:
    # « Uber » alone (a driver) is not « Uber Eats »; « permis » alone says nothing.
    assert "coursier" not in expand("chauffeur Uber")
    assert expand("permis B") == "permis b"
    # « semi » alone may be a semiconductor: only « en semi », « un semi » is the truck.
    assert "poids" not in expand("opérateur semi-conducteurs").split()
    assert "microelectronique" in expand("opérateur semi-conducteurs").split()
    # « casse » alone is what breaks, not the scrapyard.
    assert "demonteur" not in expand("il a cassé du matériel").split()


def test_words_of_work_in_detention_are_spelled_out() -> None:
    """« L'auxi du service général » cleans and serves: an expression of several words."""
    assert expand("Auxiliaire d'entretien au service général").endswith("agent nettoyage")
    assert "blanchisserie" in expand("j'étais auxi à la buanderie")
    assert "production" in expand("Travail en concession à la maison d'arrêt")
    assert "nettoyage" in expand("je faisais le ménage des coursives").split()
    assert expand("directeur général") == "directeur general"  # one word is not the expression
    assert expand("le service général", spell_out=False) == "le service general"


def test_one_grammatical_form_of_rome_titles() -> None:
    assert masculine_form("Agent / Agente de propreté") == "Agent de propreté"
    assert masculine_form("Cariste agent / Cariste agente de magasinage") == (
        "Cariste agent de magasinage"
    )
    assert masculine_form("Plaquiste") == "Plaquiste"


def test_typographic_apostrophes_and_dashes_separate_words() -> None:
    assert tokens("agent d’entretien") == tokens("agent d'entretien") == ["agent", "entretien"]
    assert tokens("cariste—magasinier…") == tokens("cariste-magasinier")


def test_tokens_are_stemmed_and_accent_free() -> None:
    assert tokens("Électriciens du bâtiment") == tokens("electricien batiment")
    assert "de" not in tokens("agent de quai")


@pytest.fixture(scope="module")
def demand() -> HiringDemand:
    return HiringDemand()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Occitanie", "76"),
        ("ile-de-france", "11"),
        ("76", "76"),
        ("bret", "53"),
        ("Atlantide", None),
    ],
)
def test_regions_are_found_by_name_or_code(
    demand: HiringDemand, text: str, code: str | None
) -> None:
    assert demand.resolve_region(text) == code


def test_regional_demand_is_honest_about_estimates(demand: HiringDemand) -> None:
    cariste = demand.in_region("N1101", "76")
    assert cariste is not None and cariste.projets > 0
    phrase = cariste.phrase()
    assert "projets de recrutement en Occitanie (BMO 2025" in phrase
    assert phrase.startswith("au moins") == cariste.masque
    regions = demand.by_region("N1101")
    assert len(regions) == 18 and regions[0].projets >= regions[-1].projets


def test_national_volume_ranks_common_jobs_first(demand: HiringDemand) -> None:
    assert demand.national("G1803") > 10 * demand.national("M1843")  # serveur vs serveur info
    assert demand.national("Z9999") == 0


def test_a_fiche_without_hiring_figures_gets_its_domains_lowest_prior() -> None:
    """No BMO link means unknown demand, not none: such a fiche is not pushed below all others."""
    prior = np.array([0.9, 0.4, 0.0, 0.7, 0.0], dtype=np.float32)
    domains = ["H34", "H34", "H34", "F16", "Z99"]
    assert fill_missing_prior(prior, domains).tolist() == pytest.approx([0.9, 0.4, 0.4, 0.7, 0.0])
