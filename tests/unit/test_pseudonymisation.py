"""Pseudonymisation of fictitious French interview text with the real French model."""

import pytest

from assistant.llm.correspondances import Correspondances
from assistant.llm.pseudonymisation import Pseudonymiseur, obtenir_pseudonymiseur
from assistant.llm.recognisers import _nir_valide

pytestmark = pytest.mark.unit

DOSSIER = (
    "M. Karim Benali, né le 12/03/1988 à Roubaix, est incarcéré au centre pénitentiaire de "
    "Lille-Annœullin, numéro d'écrou 45821B. Son NIR : 1 88 03 59 350 123 57. "
    "Sa sœur Nadia Benali l'hébergera au 12 rue des Lilas, 59000 Lille ; joignable au "
    "06 12 34 56 78 ou à nadia.benali@exemple.fr. Il a été cariste puis maçon à Tourcoing. "
    "Suivi par le SPIP du Nord, France Travail et la Mission locale ; formation Afpa visée."
)
IDENTIFIANTS = {
    "PERSONNE": ["Karim Benali", "Nadia Benali"],
    "DATE_NAISSANCE": ["12/03/1988"],
    "LIEU": ["Roubaix", "Tourcoing"],
    "ETABLISSEMENT": ["centre pénitentiaire de Lille-Annœullin"],
    "ECROU": ["45821B"],
    "NIR": ["1 88 03 59 350 123 57"],
    "ADRESSE": ["12 rue des Lilas, 59000 Lille"],
    "TELEPHONE": ["06 12 34 56 78"],
    "COURRIEL": ["nadia.benali@exemple.fr"],
}
CONSERVES = ["cariste", "maçon", "SPIP", "France Travail", "Mission locale", "Afpa"]


@pytest.fixture(scope="module")
def outil() -> Pseudonymiseur:
    return obtenir_pseudonymiseur()


def test_every_category_of_a_dossier_is_replaced(outil: Pseudonymiseur) -> None:
    texte, correspondances = outil.pseudonymiser(DOSSIER, Correspondances())
    for categorie, valeurs in IDENTIFIANTS.items():
        for valeur in valeurs:
            assert valeur not in texte, (categorie, valeur, texte)
            jeton = correspondances.jeton_de(categorie, valeur)
            assert jeton is not None and jeton.startswith(f"[{categorie}_"), (valeur, jeton)
            assert jeton in texte
    for mot in ["Karim", "Benali", "Annœullin", "45821", "Lilas", "nadia", "350 123"]:
        assert mot not in texte
    for mot in CONSERVES:
        assert mot in texte, (mot, texte)


def test_round_trip_restores_the_original(outil: Pseudonymiseur) -> None:
    texte, correspondances = outil.pseudonymiser(DOSSIER, Correspondances())
    assert outil.restaurer(texte, correspondances) == (DOSSIER, [])


def test_placeholders_are_stable_for_a_dossier_across_calls(outil: Pseudonymiseur) -> None:
    _, correspondances = outil.pseudonymiser(DOSSIER, Correspondances())
    texte, ensuite = outil.pseudonymiser(
        "Karim Benali rappellera au 0612345678 depuis Tourcoing.", correspondances
    )
    assert texte == (
        f"{correspondances.jeton_de('PERSONNE', 'Karim Benali')} rappellera au "
        f"{correspondances.jeton_de('TELEPHONE', '06 12 34 56 78')} depuis "
        f"{correspondances.jeton_de('LIEU', 'Tourcoing')}."
    )
    assert ensuite == correspondances  # nothing new: same originals, same placeholders


def test_a_surname_alone_is_caught_once_the_full_name_is_known(outil: Pseudonymiseur) -> None:
    _, correspondances = outil.pseudonymiser("Entretien avec Karim Benali.", Correspondances())
    texte, correspondances = outil.pseudonymiser("benali viendra demain.", correspondances)
    assert "enali" not in texte and texte.endswith(" viendra demain.")


@pytest.mark.parametrize(
    ("phrase", "categorie", "valeur"),
    [
        ("Téléphone : +33 6 12 34 56 78.", "TELEPHONE", "+33 6 12 34 56 78"),
        ("Ligne fixe : 03.20.11.22.33 le soir.", "TELEPHONE", "03.20.11.22.33"),
        ("Appeler le 0033 (0)7 11 22 33 44.", "TELEPHONE", "0033 (0)7 11 22 33 44"),
        ("NIR 292027511204582 sur la carte.", "NIR", "292027511204582"),
        ("Sécurité sociale : 1 85 02 2A 004 012 22.", "NIR", "1 85 02 2A 004 012 22"),
        ("Écrou n° 2024/1234 à la MA.", "ECROU", "2024/1234"),
        ("Son numéro d'ecrou : 987654.", "ECROU", "987654"),
        ("Née le 3 avril 1990, elle a deux enfants.", "DATE_NAISSANCE", "3 avril 1990"),
        ("Date de naissance : 01-02-1975.", "DATE_NAISSANCE", "01-02-1975"),
        ("Il habite 4 bis avenue Jean Jaurès.", "ADRESSE", "4 bis avenue Jean Jaurès"),
        (
            "Domicile : 27 impasse du Moulin, 62300 Lens.",
            "ADRESSE",
            "27 impasse du Moulin, 62300 Lens",
        ),
        ("Courrier au 3 allée des Tilleuls.", "ADRESSE", "3 allée des Tilleuls"),
        ("Transféré à la maison d'arrêt de Fresnes.", "ETABLISSEMENT", "maison d'arrêt de Fresnes"),
        ("Au centre de détention de Bapaume.", "ETABLISSEMENT", "centre de détention de Bapaume"),
        ("Écroué au CP de Vendin-le-Vieil.", "ETABLISSEMENT", "CP de Vendin-le-Vieil"),
        ("Vient de la MA de Douai.", "ETABLISSEMENT", "MA de Douai"),
        ("Contact : j.dupont@exemple.org.", "COURRIEL", "j.dupont@exemple.org"),
        ("Il a grandi à Marseille.", "LIEU", "Marseille"),
        ("Suivi par la Mission locale de Tourcoing.", "LIEU", "Tourcoing"),
    ],
)
def test_french_identifiers(
    outil: Pseudonymiseur, phrase: str, categorie: str, valeur: str
) -> None:
    texte, correspondances = outil.pseudonymiser(phrase, Correspondances())
    jeton = correspondances.jeton_de(categorie, valeur)
    assert jeton == f"[{categorie}_1]", (texte, list(correspondances))
    assert texte == phrase.replace(valeur, jeton)


@pytest.mark.parametrize(
    "phrase",
    [
        "Il souhaite devenir cariste ou maçon, puis soudeur.",
        "Cariste depuis dix ans, il vise un CACES 3.",
        "Rendez-vous avec France Travail, le SPIP et la Mission locale.",
        "Sortie de maison d'arrêt prévue en juin ; levée d'écrou le 12/06/2026.",
        "Il a travaillé 3 ans dans le BTP et 2 ans en restauration.",
        "Le NIR 1 88 03 59 350 123 58 a une clé fausse.",
    ],
)
def test_job_words_public_bodies_and_non_identifiers_are_kept(
    outil: Pseudonymiseur, phrase: str
) -> None:
    texte, correspondances = outil.pseudonymiser(phrase, Correspondances())
    assert texte == phrase, list(correspondances)


def test_nir_key() -> None:
    assert _nir_valide("1 88 03 59 350 123 57")
    assert _nir_valide("185022A00401222")
    assert not _nir_valide("1 88 03 59 350 123 58")
    assert not _nir_valide("1 88 03 59 350 123")


def test_empty_text(outil: Pseudonymiseur) -> None:
    assert outil.pseudonymiser("  ", Correspondances()) == ("  ", Correspondances())
