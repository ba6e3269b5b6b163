"""What a query asks of a licence: permis categories, habilitation symbols, high voltage."""

import pytest

from assistant.retrieval.licences import (
    autres_symboles,
    haute_tension_demandee,
    permis_demandes,
    plainest,
    symboles_demandes,
)
from assistant.retrieval.text import fold


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("permis B", ["B"]),
        ("Permis de conduire catégorie C1E", ["C1E"]),
        ("permis B en cours", ["B"]),
        ("permis b obtenu", ["B"]),
        ("titulaire du permis B", ["B"]),
        ("il a le permis B, C et D", ["B", "C", "D"]),
        ("permis C/CE", ["C", "CE"]),
        ("permis de conduire cat B", ["B"]),
        ("permis BE remorque", ["BE"]),
        ("permis DE", ["DE"]),
        ("permis a et b", ["A", "B"]),
        ("Permis de conduire catégorie AM - brevet de sécurité routière", ["AM"]),
        ("il a le permis C et la FIMO", ["C"]),
        ("permis bateau et permis B", ["B"]),
        ("il a son permis", []),
        ("permis de chasse", []),
        ("permis de construire", []),
        ("permis à points", []),
        ("permis a points", []),
        ("Permis d'exploitation pour les débits de boissons", []),
        ("le permis c’est important", []),
        ("permis poids lourd", []),
    ],
)
def test_permis_categories_asked(text: str, categories: list[str]) -> None:
    assert permis_demandes(text) == categories


@pytest.mark.parametrize(
    ("text", "symboles", "haute"),
    [
        ("habilitation électrique B0 H0V", ["B0", "H0V"], True),
        ("habilitation électrique H0B0", ["H0", "B0"], True),
        ("B1VB2V", ["B1V", "B2V"], False),
        ("habilitation BR", ["BR"], False),
        # Without « habilitation », two letters are something else: a brevet, a bureau d'études.
        ("BP électricien", [], False),
        ("technicien BE électricité", [], False),
        ("habilitation électrique HTA", [], True),
        ("habilitation électrique haute tension", [], True),
    ],
)
def test_habilitation_symbols_asked(text: str, symboles: list[str], haute: bool) -> None:
    assert symboles_demandes(fold(text)) == symboles
    assert haute_tension_demandee(fold(text)) is haute


def test_the_other_symbols_are_named_by_voltage_with_their_variants_summed_up() -> None:
    said = autres_symboles(["B0", "B1", "B1T", "B1N", "BR", "H0", "H0V", "H1T"])
    assert said == (
        " ; autres symboles : B0, B1, BR ; haute tension : H0, H0V"
        " ; et les variantes T (travaux sous tension) et N (nettoyage sous tension)"
    )


def test_the_plainest_title_stands_for_its_category() -> None:
    titles = [
        "Habilitation électrique BR photovoltaïque chargé d'intervention générale, basse tension",
        "Habilitation électrique B2V (essai) chargé de travaux au voisinage, basse tension",
        "Habilitation électrique BR chargé d'intervention générale, basse tension",
    ]
    assert plainest(titles) == 2
