"""A small BM25 index over short French texts (bm25s), with our accent-free stemmed tokens."""

from collections.abc import Sequence

import bm25s
import numpy as np

from assistant.retrieval.text import tokens


class LexicalIndex:
    """BM25 over texts, or over token lists already computed by the caller."""

    def __init__(
        self, texts: Sequence[str] | Sequence[list[str]], k1: float = 1.2, b: float = 0.75
    ) -> None:
        self._size = len(texts)
        self._bm25 = bm25s.BM25(k1=k1, b=b)
        corpus = [t if isinstance(t, list) else tokens(t) for t in texts]
        self._bm25.index([words or ["_"] for words in corpus], show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per text (zeros when the query has no useful word)."""
        return self.scores_for_tokens(tokens(query))

    def scores_for_tokens(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(words), dtype=np.float32)
