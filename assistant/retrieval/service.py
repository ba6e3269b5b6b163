"""What the application uses of public knowledge: pack, index, searches (no personal data)."""

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.config import Settings
from assistant.locations import KNOWLEDGE_DIR, Locations
from assistant.retrieval.embeddings import make_embeddings
from assistant.retrieval.index import Progress, SyncReport, VectorIndex
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.metiers import (
    KIND_APPELLATIONS,
    JobHit,
    JobSearch,
    appellation_records,
    prepare_query,
)

MAX_QUERY_CHARS = 10_000


class KnowledgeService:
    """Loads lazily: nothing here runs at application start-up."""

    def __init__(
        self, settings: Settings, locations: Locations, knowledge_dir: Path = KNOWLEDGE_DIR
    ) -> None:
        self.settings = settings
        self.locations = locations
        self.knowledge_dir = knowledge_dir
        self._index: VectorIndex | None = None

    @cached_property
    def knowledge(self) -> Knowledge:
        return Knowledge.load(self.knowledge_dir)

    def open_index(self) -> VectorIndex:
        if self._index is None:
            embedder = make_embeddings(
                self.settings.knowledge.embedding_engine,
                self.settings.knowledge.embedding_model_dir,
            )
            self._index = VectorIndex(
                self.locations.index_dir,
                embedder,
                self.settings.knowledge.chroma_url,
            )
        return self._index

    def index_ready(self) -> bool:
        """True when the dense index holds every job title (no embedding needed)."""
        index = self.open_index()
        return index.count(KIND_APPELLATIONS) == len(self.knowledge.appellations)

    def build_index(self, progress: Progress | None = None) -> list[SyncReport]:
        """Embed what changed since the last build; nothing when nothing changed."""
        index = self.open_index()
        return [index.sync(KIND_APPELLATIONS, appellation_records(self.knowledge), progress)]

    @cached_property
    def jobs(self) -> JobSearch:
        return JobSearch(self.knowledge, self.open_index())

    def search_jobs(self, query: str, top: int = 5) -> list[JobHit]:
        return self.jobs.search(query[:MAX_QUERY_CHARS], top)

    def search_jobs_batch(
        self, queries: Sequence[str], top: int = 5, on_result: Callable[[int], None] | None = None
    ) -> list[list[JobHit]]:
        """Many queries at once: their embeddings are computed in one batch."""
        prepared = [q[:MAX_QUERY_CHARS] for q in queries]
        vectors = self._query_vectors(prepared)
        results = []
        for i, (query, vector) in enumerate(zip(prepared, vectors, strict=True)):
            results.append(self.jobs.search(query, top, vector=vector))
            if on_result is not None:
                on_result(i)
        return results

    def _query_vectors(self, queries: Sequence[str]) -> list[np.ndarray | None]:
        texts = [prepare_query(q) for q in queries]
        keep = [i for i, t in enumerate(texts) if t]
        vectors: list[np.ndarray | None] = [None] * len(texts)
        embedder = self.open_index().embedder
        for start in range(0, len(keep), 256):
            chunk = keep[start : start + 256]
            batch = embedder.embed_queries([texts[i] for i in chunk])
            for i, vector in zip(chunk, batch, strict=True):
                vectors[i] = vector
        return vectors
