"""Labelled offer titles vote for the job sheets recruiters' titles were given."""

import pytest

from assistant.retrieval.offer_titles import OfferTitles
from assistant.retrieval.text import tokens

pytestmark = pytest.mark.unit

POSITION = {"H2909": 0, "H3302": 1, "K2204": 2}


def _votes(titles: OfferTitles, query: str) -> tuple[list[float], dict[int, int]]:
    votes, voter = titles.votes(tokens(query), POSITION, len(POSITION))
    return [round(float(v), 3) for v in votes], voter


def test_titles_with_the_same_words_are_one_title_whose_vote_is_shared() -> None:
    titles = OfferTitles(
        [
            ("Opérateur de production (H/F)", "H2909"),
            ("opérateur production", "H2909"),
            ("Opérateur de production polyvalent", "H3302"),
            ("OPERATEURS DE PRODUCTION", "H3302"),
        ],
        str.lower,
    )
    # « Opérateurs » and « opérateur » have one stem: three offers, two sheets.
    assert len(titles) == 2
    votes, voter = _votes(titles, "opérateur de production")
    assert votes[0] > votes[1] > 0 and votes[2] == 0
    assert titles.titles[voter[0]].title == "opérateur production"  # the shortest says it best
    assert titles.titles[voter[0]].codes == {"H2909": 2, "H3302": 1}


def test_a_title_sharing_too_few_words_does_not_vote() -> None:
    titles = OfferTitles([("Agent de propreté", "K2204")], str.lower)
    assert _votes(titles, "agent de production") == ([0.0, 0.0, 0.0], {})
    assert _votes(titles, "") == ([0.0, 0.0, 0.0], {})


def test_unknown_sheets_and_empty_titles_are_ignored() -> None:
    titles = OfferTitles([("Soudeur", "Z9999"), ("(H/F)", "H2909"), ("", "H2909")], str.lower)
    assert _votes(titles, "soudeur")[0] == [0.0, 0.0, 0.0]
