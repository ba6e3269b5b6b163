"""Placeholders: numbering, identity of spellings, restoration, stream cuts."""

import pytest

from assistant.llm.correspondances import (
    Correspondances,
    canonique,
    coupure_sure,
    restaurer,
)

pytestmark = pytest.mark.unit


def test_numbering_per_category_and_same_original_same_placeholder() -> None:
    vide = Correspondances()
    j1, c = vide.avec("PERSONNE", "Karim Benali")
    j2, c = c.avec("LIEU", "Roubaix")
    j3, c = c.avec("PERSONNE", "Nadia Benali")
    j4, c2 = c.avec("PERSONNE", "karim  BENALI")
    assert (j1, j2, j3, j4) == ("[PERSONNE_1]", "[LIEU_1]", "[PERSONNE_2]", "[PERSONNE_1]")
    assert c2 is c and len(vide) == 0 and len(c) == 3
    assert [e.jeton for e in c.nouvelles(vide)] == ["[PERSONNE_1]", "[LIEU_1]", "[PERSONNE_2]"]


def test_phone_numbers_are_the_same_whatever_the_spelling() -> None:
    jeton, c = Correspondances().avec("TELEPHONE", "06 12 34 56 78")
    assert c.jeton_de("TELEPHONE", "+33 6 12 34 56 78") == jeton
    assert c.jeton_de("TELEPHONE", "06.12.34.56.78") == jeton
    assert c.valeur("[telephone 1]") == "06 12 34 56 78"


def test_restore_reports_unknown_placeholders_once() -> None:
    _, c = Correspondances().avec("LIEU", "Roubaix")
    texte, inconnus = restaurer("[LIEU_1], [Lieu 1], [LIEU_2], [LIEU_2], [AUTRE_1]", c)
    assert texte == "Roubaix, Roubaix, [LIEU_2], [LIEU_2], [AUTRE_1]"
    assert inconnus == ["[LIEU_2]"]
    assert canonique("[ date naissance 02 ]") == "[DATE_NAISSANCE_2]"


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("Bonjour", 7),
        ("Bonjour [PERS", 8),
        ("Bonjour [PERSONNE_1]", 20),
        ("[LIEU_1] et [", 12),
        ("un crochet [ qui ne ferme jamais car le texte continue longtemps", 64),
    ],
)
def test_stream_cut_keeps_an_unfinished_placeholder(texte: str, attendu: int) -> None:
    assert coupure_sure(texte) == attendu
