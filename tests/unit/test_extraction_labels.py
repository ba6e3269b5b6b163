"""French labels: every enumeration value and every Literal choice of the steps has one."""

from enum import StrEnum
from typing import Any, Literal, get_args, get_origin

import pytest

from assistant.domain import enums
from assistant.domain.enums import CategorieFrein, HorizonSortie, TypeEtablissement
from assistant.domain.labels import LITTERAUX, TABLES_ENUMS, libelle, libelle_valeur
from assistant.domain.steps import ETAPES, Experience, Frein, Projet

pytestmark = pytest.mark.unit

ENUMS = [
    obj
    for obj in vars(enums).values()
    if isinstance(obj, type) and issubclass(obj, StrEnum) and obj is not StrEnum
]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_enum_value_has_a_french_label(enum: type[StrEnum]) -> None:
    table = TABLES_ENUMS.get(enum)
    assert table is not None, enum.__name__
    for valeur in enum:
        assert table.get(valeur), f"{enum.__name__}.{valeur.name}"
        assert libelle(valeur) == table[valeur]


def _litteraux(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(v) for v in get_args(annotation)]
    return [v for arg in get_args(annotation) for v in _litteraux(arg)]


def _modeles() -> list[type]:
    from assistant.domain import steps

    return [
        obj
        for obj in vars(steps).values()
        if isinstance(obj, type)
        and hasattr(obj, "model_fields")
        and obj.__module__ == steps.__name__
    ]


def test_every_literal_of_the_steps_has_a_french_label() -> None:
    manquants = []
    for modele in _modeles():
        for champ, info in modele.model_fields.items():
            for valeur in _litteraux(info.annotation):
                if valeur not in LITTERAUX.get(champ, {}):
                    manquants.append(f"{modele.__name__}.{champ}={valeur}")
    assert manquants == []


def test_existing_api_still_works() -> None:
    assert libelle(None) == "—"
    assert libelle(TypeEtablissement.MAISON_ARRET) == "Maison d'arrêt"
    assert libelle(HorizonSortie.DE_3_A_6_MOIS) == "3 à 6 mois"


@pytest.mark.parametrize(
    ("modele", "champ", "valeur", "texte"),
    [
        (ETAPES[5], "hebergement_sortie", "famille_amis", "Chez de la famille ou des amis"),
        ("EtapeFreins", "permis_conduire", "b_suspendu_ou_annule", "Permis B suspendu ou annulé"),
        (ETAPES[1], "horizon_sortie", "de_3_a_6_mois", "3 à 6 mois"),
        (ETAPES[1], "horizon_sortie", HorizonSortie.PLUS_24_MOIS, "Plus de 24 mois"),
        (Frein, "categorie", "logement", "Logement"),
        (Frein, "categorie", CategorieFrein.FINANCES_DETTES, "Finances, dettes"),
        (Experience, "type", "interim", "Intérim"),
        (Projet, "type", "formation_qualifiante", "Formation qualifiante"),
        (ETAPES[0], "accord_entretien", True, "Oui"),
        (ETAPES[5], "enfants_a_charge", 2, "2"),
        (ETAPES[5], "hebergement_sortie", None, "—"),
        (ETAPES[5], "hebergement_sortie", "valeur_inconnue", "Valeur inconnue"),
    ],
)
def test_libelle_valeur(modele: Any, champ: str, valeur: Any, texte: str) -> None:
    assert libelle_valeur(modele, champ, valeur) == texte
