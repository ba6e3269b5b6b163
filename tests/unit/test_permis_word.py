"""The permis category a text names, read in folded text (accents and apostrophes gone)."""

import pytest

from assistant.retrieval.certification_search import permis_word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("permis B", "permisbx"),
        ("Permis de conduire catégorie C1E", "permisc1ex"),
        ("il a le permis b et c", "permisbx"),
        ("permis DE", "permisdex"),
        ("Permis de conduire catégorie AM - brevet de sécurité routière", "permisamx"),
        ("permis A", "permisax"),
        ("permis de chasse", None),
        ("permis à points", None),
        ("Permis d'exploitation pour les débits de boissons", None),
        ("le permis c'est important", None),
        ("permis de conduire", None),
        ("permis poids lourd", None),
    ],
)
def test_permis_word(text: str, word: str | None) -> None:
    assert permis_word(text) == word
