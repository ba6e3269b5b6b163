"""Titles of real job offers with the job sheet France Travail gave them: what recruiters write.

ROME titles say « Agent / Agente de fabrication » where offers say « Opérateur de production
H/F »; which sheet such a title goes to is learnt from labelled offers, not from the words. A
query votes for the sheets of the offer titles that share most of its words (Jaccard on the
stemmed words), each title's vote split between the sheets its offers were given.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.text import tokens

DATASET = "offres_intitules"

MIN_SIMILARITY = 0.5
"""Below half of their words in common, two titles name different jobs (« agent de propreté »,
« agent de production »: one word of three)."""


@dataclass(frozen=True)
class OfferTitle:
    title: str
    """One of the offers' titles as written, for the « why »."""
    codes: Counter[str]
    """Job sheet -> number of offers with these words labelled so."""


class OfferTitles:
    """Labelled offer titles grouped by their words, searched by shared words."""

    def __init__(self, labelled: Iterable[tuple[str, str]], prepare: Callable[[str], str]) -> None:
        groups: dict[frozenset[str], tuple[str, Counter[str]]] = {}
        for title, code in labelled:
            words = frozenset(tokens(prepare(title)))
            if not words or not code:
                continue
            shortest, counts = groups.get(words, (title, Counter()))
            counts[code] += 1
            # The shortest title of the group says it best (« Agent de production (H/F) »).
            groups[words] = (min(shortest, title, key=len), counts)
        self._words = list(groups)
        self.titles = [OfferTitle(title, counts) for title, counts in groups.values()]
        self._postings: dict[str, list[int]] = {}
        for i, words in enumerate(self._words):
            for word in words:
                self._postings.setdefault(word, []).append(i)

    def __len__(self) -> int:
        return len(self.titles)

    def votes(
        self, query_tokens: Iterable[str], position: Mapping[str, int], size: int
    ) -> tuple[np.ndarray, dict[int, int]]:
        """Per job sheet, the votes of the offer titles close to the query; and per sheet, the
        closest title that voted for it (an index into `titles`)."""
        votes = np.zeros(size, dtype=np.float32)
        voter: dict[int, int] = {}
        wanted = frozenset(query_tokens)
        if not wanted:
            return votes, voter
        candidates = {i for word in wanted for i in self._postings.get(word, ())}
        best: dict[int, float] = {}
        for i in candidates:
            words = self._words[i]
            similarity = len(words & wanted) / len(words | wanted)
            if similarity < MIN_SIMILARITY:
                continue
            counts = self.titles[i].codes
            total = sum(counts.values())
            for code, count in counts.items():
                fiche = position.get(code)
                if fiche is None:
                    continue
                votes[fiche] += similarity**2 * count / total * np.log1p(total)
                if similarity > best.get(fiche, 0.0):
                    best[fiche], voter[fiche] = similarity, i
        return votes, voter


def load_offer_titles(knowledge_dir: Path = KNOWLEDGE_DIR) -> list[tuple[str, str]]:
    """(title, ROME code) of every labelled offer of the pack; none in a pack built before."""
    try:
        return [(row["intitule"], row["code_rome"]) for row in read_dataset(DATASET, knowledge_dir)]
    except FileNotFoundError:
        return []
