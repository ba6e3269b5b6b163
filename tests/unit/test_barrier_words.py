"""A services query names a barrier in everyday words: it asks for that kind of service."""

import pytest

from assistant.domain.enums import CategorieFrein
from assistant.retrieval.barriers import MOTS_PAR_FREIN
from assistant.retrieval.service_search import barrier_from_text


@pytest.mark.parametrize(
    ("query", "categorie"),
    [
        ("hébergement d'urgence à la sortie", CategorieFrein.LOGEMENT),
        ("il est à la rue", CategorieFrein.LOGEMENT),
        ("CHRS", CategorieFrein.LOGEMENT),
        ("addiction à l'alcool", CategorieFrein.ADDICTIONS),
        ("permis de conduire financement", CategorieFrein.MOBILITE),
        ("garde de ses enfants", CategorieFrein.FAMILLE_GARDE_ENFANTS),
        ("il a des dettes", CategorieFrein.FINANCES_DETTES),
        ("pas de papiers, carte d'identité perdue", CategorieFrein.DROITS_PAPIERS),
        ("ne sait pas lire", CategorieFrein.LANGUE_ILLETTRISME),
        ("besoin de vêtements", CategorieFrein.EQUIPEMENT_ALIMENTATION),
        ("il est très isolé", CategorieFrein.CONFIANCE_ISOLEMENT),
        ("bracelet électronique", CategorieFrein.JUSTICE_OBLIGATIONS),
        ("finances_dettes", CategorieFrein.FINANCES_DETTES),
        ("chantier d'insertion espaces verts", None),
        ("cariste", None),
    ],
)
def test_a_barrier_is_named_in_everyday_words(query: str, categorie: CategorieFrein | None) -> None:
    assert barrier_from_text(query) == categorie


def test_every_barrier_has_its_words() -> None:
    assert set(MOTS_PAR_FREIN) == set(CategorieFrein)
