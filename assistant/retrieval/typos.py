"""Words typed fast (« déménagments », « electricen »): read as the job word they miss.

Only a word that is neither one of ours nor French is corrected: a general French lexicon
(pyspellchecker's) keeps « derrière », « manger » or « moissons » from becoming « verrière »,
« manager » or « poissons ». The correction is the nearest word of a job title or of the
everyday words the search spells out, one edit away.
"""

import gc
import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import distance, process

from assistant.retrieval.text import STOPWORDS, fold, strip_accents

_WORD = re.compile(r"\w+")
_SHORTEST = 6
"""Shorter words have too many neighbours (« tenais », « tennis »)."""


@cache
def _french_words() -> dict[str, str]:
    """The words of a French dictionary, folded like the queries (about 140,000), each with
    its accented form when it has one (« demenagements » -> « déménagements »)."""
    from spellchecker import SpellChecker

    # Its words are lower case already: only the accents go (0.1 s, not 2 s for a full fold).
    # The collector is held meanwhile: 140,000 new strings would make it walk the whole pack.
    enabled = gc.isenabled()
    gc.disable()
    try:
        words = SpellChecker(language="fr").word_frequency.dictionary
        return {w if w.isascii() else strip_accents(w.replace("œ", "oe")): w for w in words}
    finally:
        if enabled:
            gc.enable()


class Spelling:
    def __init__(self, titles: Iterable[str], known: Iterable[str]) -> None:
        """`titles`: job titles as written (« Déménageur / Déménageuse »), whose words a
        misspelt word may be; `known`: other texts whose words are never corrected (skills)."""
        self._shown: dict[str, str] = {}
        for title in titles:
            for word in _WORD.findall(title):
                self._shown.setdefault(fold(word), word.lower())
        self._targets = sorted(w for w in self._shown if len(w) >= _SHORTEST - 1)
        self._known = frozenset(self._shown) | {w for text in known for w in fold(text).split()}

    def load(self) -> None:
        """Read the French dictionary now rather than at the first unknown word."""
        _french_words()

    def fix(self, folded: str) -> tuple[str, dict[str, str]]:
        """The text with its misspelt job words corrected, and what was read how
        (« demenagments » -> « déménagements »)."""
        fixed: dict[str, str] = {}
        words = []
        for word in folded.split():
            found = self._correction(word)
            if found is not None:
                fixed[word] = self._written(found)
            words.append(found or word)
        return " ".join(words), fixed

    def fix_text(self, text: str) -> str:
        """A text as typed, with its misspelt job words replaced by the title word (accents
        and the other words untouched): what the extraction rules read."""

        def replace(match: re.Match[str]) -> str:
            found = self._correction(fold(match.group(0)))
            return self._written(found) if found else match.group(0)

        return _WORD.sub(replace, text)

    def _written(self, folded: str) -> str:
        """A folded word as French writes it: « demenagements » -> « déménagements »."""
        shown = self._shown[folded]
        return _french_words().get(shown, shown) if shown.isascii() else shown

    def _correction(self, word: str) -> str | None:
        if (
            len(word) < _SHORTEST
            or not word.isalpha()
            or word in self._known
            or word in STOPWORDS
            or word in _french_words()
        ):
            return None
        # One edit: on our 695 phrases and offers, the corrections two edits away were wrong
        # (« zinguerie » -> « lingerie », « banchage » -> « brochage »); one edit away, 7 of 8
        # were right (« carlage » is read « câblage », the person meant « carrelage »).
        found = process.extractOne(
            word, self._targets, scorer=distance.Levenshtein.distance, score_cutoff=1
        )
        return str(found[0]) if found else None
