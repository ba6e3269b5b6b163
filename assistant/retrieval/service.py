"""What the application uses of public knowledge: pack, index, searches (no personal data)."""

import gc
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from assistant.config import Settings
from assistant.locations import KNOWLEDGE_DIR, Locations
from assistant.retrieval import prebuilt
from assistant.retrieval.certification_search import CertificationHit, CertificationSearch
from assistant.retrieval.certifications import load_certifications
from assistant.retrieval.demand import HiringDemand
from assistant.retrieval.embeddings import make_embeddings
from assistant.retrieval.index import Progress, SyncReport, VectorIndex
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.metiers import (
    KIND_APPELLATIONS,
    JobHit,
    JobSearch,
    appellation_records,
)
from assistant.retrieval.offer_titles import load_offer_titles
from assistant.retrieval.regulated import RegulatedJobs
from assistant.retrieval.service_search import ServiceHit, ServiceSearch
from assistant.retrieval.services import load_services
from assistant.retrieval.sources.data_inclusion import load_referentials

MAX_QUERY_CHARS = 10_000
VECTOR_CACHE_SIZE = 512
T = TypeVar("T")


def _by_demand(hits: list[JobHit]) -> list[JobHit]:
    """Relevance first, nudged by regional hiring demand (log scale, among these hits)."""
    volumes = [math.log1p(h.demande_region.projets if h.demande_region else 0) for h in hits]
    top = max(volumes, default=0.0) or 1.0
    order = sorted(range(len(hits)), key=lambda i: -(hits[i].score * (1 + 0.3 * volumes[i] / top)))
    return [hits[i] for i in order]


class UnknownRegion(ValueError):
    """The region named by the counsellor is not a BMO region; French message."""


class KnowledgeService:
    """Loads lazily: nothing here runs at application start-up.

    Thread-safe: the interface builds the index and searches from worker threads. The lazy
    parts are made once under a lock, and only one index build runs at a time (a second caller
    waits for the first, then finds nothing left to embed).
    """

    def __init__(
        self, settings: Settings, locations: Locations, knowledge_dir: Path = KNOWLEDGE_DIR
    ) -> None:
        self.settings = settings
        self.locations = locations
        self.knowledge_dir = knowledge_dir
        self._index: VectorIndex | None = None
        self.dense_ready: bool | None = None
        # Reentrant: making `jobs` needs `knowledge`, `demand` and the index.
        self._lock = threading.RLock()
        self._build_lock = threading.Lock()
        self._lazy: dict[str, Any] = {}
        self._vector_cache: dict[str, np.ndarray] = {}
        self._cache_lock = threading.Lock()
        # Raw job searches by (query, top), shared by the job and certification searches.
        self._jobs_cache: dict[tuple[str, int], list[JobHit]] = {}

    def _once(self, name: str, make: Callable[[], T]) -> T:
        """The value made by `make`, made once even when threads ask at the same time."""
        with self._lock:
            if name not in self._lazy:
                self._lazy[name] = make()
            value: T = self._lazy[name]
            return value

    @property
    def knowledge(self) -> Knowledge:
        return self._once("knowledge", lambda: Knowledge.load(self.knowledge_dir))

    def loaded_knowledge(self) -> Knowledge | None:
        """The pack if it is loaded already, without waiting for a thread that loads it."""
        value: Knowledge | None = self._lazy.get("knowledge")
        return value

    def open_index(self) -> VectorIndex:
        with self._lock:
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
        """True when the dense index holds exactly the job titles of this pack.

        Only the content fingerprint counts: vectors of an older pack with as many titles are
        not ready (they would point to other titles).
        """
        index = self.open_index()
        records = appellation_records(self.knowledge)
        fingerprint = index.fingerprint(records)
        if index.cached_matrix(KIND_APPELLATIONS, fingerprint) is not None:
            return True
        # No vector cache of this fingerprint (a shared Chroma server, a deleted cache):
        # compare each title's text digest with what the store holds.
        return index.holds(KIND_APPELLATIONS, records)

    @property
    def building(self) -> bool:
        """Whether an index build is running (in this process)."""
        return self._build_lock.locked()

    def build_index(self, progress: Progress | None = None) -> list[SyncReport]:
        """Embed what changed since the last build; nothing when nothing changed.

        A second call while a build runs waits for it, then embeds only what is left (nothing).
        """
        with self._build_lock:
            index = self.open_index()
            shipped = prebuilt.load(self.knowledge_dir, index.embedder)
            records = appellation_records(self.knowledge)
            reports = [index.sync(KIND_APPELLATIONS, records, progress, shipped)]
            with self._lock:
                self.dense_ready = True
                self._lazy.pop("jobs", None)  # the next search loads the new vectors
            with self._cache_lock:
                self._jobs_cache.clear()
            return reports

    def forget_queries(self) -> None:
        """Drop the cached query vectors (their keys are what was searched)."""
        with self._cache_lock:
            self._vector_cache.clear()
            self._jobs_cache.clear()

    def warm_up(self) -> None:
        """Load every search structure now (in a worker), so that the first search is fast.

        The pack is hundreds of thousands of long-lived Python objects: once loaded, they are
        moved out of the garbage collector's reach (`gc.freeze`). Otherwise every full
        collection walks them all, which stops every thread, the interface's included, for
        hundreds of milliseconds every few seconds.
        """
        for name in ("jobs", "certifications", "services", "demand", "regulated"):
            getattr(self, name)
        self.jobs.load_vectors()
        self.jobs.spelling.load()
        gc.collect()
        gc.freeze()

    def check_index(self) -> bool:
        """Whether searches may use the dense index (remembered until the next build)."""
        ready = self.index_ready()
        with self._lock:
            self.dense_ready = ready
        return ready

    @property
    def demand(self) -> HiringDemand:
        return self._once("demand", lambda: HiringDemand(self.knowledge_dir))

    @property
    def regulated(self) -> RegulatedJobs:
        return self._once("regulated", lambda: RegulatedJobs.load(self.knowledge_dir))

    @property
    def jobs(self) -> JobSearch:
        """Hybrid search once the index is ready; by words only before (never waits on it)."""
        return self._once("jobs", self._make_jobs)

    def _make_jobs(self) -> JobSearch:
        if self.dense_ready is None:
            self.check_index()
        index = self.open_index() if self.dense_ready else None
        offers = load_offer_titles(self.knowledge_dir)
        return JobSearch(self.knowledge, index, demand=self.demand, offers=offers)

    @property
    def certifications(self) -> CertificationSearch:
        return self._once(
            "certifications",
            lambda: CertificationSearch(
                load_certifications(self.knowledge_dir),
                self.jobs.agents,
                self.jobs.masculine,
                self.jobs.job_words,
            ),
        )

    @property
    def services(self) -> ServiceSearch:
        return self._once("services", self._make_services)

    def _make_services(self) -> ServiceSearch:
        labels = load_referentials(self.knowledge_dir).labels.get("thematiques", {})
        services = load_services(self.knowledge_dir)
        local = self.locations.local_knowledge_dir
        if local.is_dir():
            # Services of the counsellor's territory, imported from data·inclusion exports.
            services += load_services(local)
        return ServiceSearch(services, labels)

    def region(self, text: str | None) -> str | None:
        """The region code for a name or code; UnknownRegion (French message) if none matches."""
        if text is None or not text.strip():
            return None
        code = self.demand.resolve_region(text)
        if code is None:
            noms = ", ".join(sorted(self.demand.regions.values()))
            raise UnknownRegion(f"Région inconnue : « {text} ». Régions possibles : {noms}.")
        return code

    def search_jobs(
        self, query: str, top: int = 5, region: str | None = None, **filters: bool
    ) -> list[JobHit]:
        return self.search_jobs_batch([query], top, region, **filters)[0]

    def allowed_codes(
        self, sans_diplome: bool = False, hors_reglementes: bool = False
    ) -> list[str] | None:
        """Job sheets kept by the filters (None: no filter)."""
        if not (sans_diplome or hors_reglementes):
            return None
        return [
            code
            for code, fiche in self.knowledge.fiches.items()
            if (not sans_diplome or fiche.sans_diplome)
            and (not hors_reglementes or not self.regulated.is_regulated(code))
        ]

    def search_certifications(
        self, query: str, top: int = 5, niveau_max: int | None = None, courtes: bool = False
    ) -> list[CertificationHit]:
        query = query[:MAX_QUERY_CHARS]
        jobs = self._search_jobs(query, 3, self._query_vectors([query])[0])
        return self.certifications.search(query, jobs, top, niveau_max, courtes)

    def embed_queries(self, queries: Sequence[str]) -> None:
        """Compute the vectors of these queries now, in one batch (they are then cached)."""
        self._query_vectors([q[:MAX_QUERY_CHARS] for q in queries])

    def _search_jobs(
        self, query: str, top: int, vector: np.ndarray | None, codes: list[str] | None = None
    ) -> list[JobHit]:
        """`jobs.search`, remembered without filters: a title's certifications search the
        same job sheets as its job suggestions."""
        if codes is not None:
            return self.jobs.search(query, top, vector=vector, codes=codes)
        with self._cache_lock:
            cached = self._jobs_cache.get((query, top))
        if cached is not None:
            return cached
        hits = self.jobs.search(query, top, vector=vector)
        with self._cache_lock:
            if len(self._jobs_cache) >= VECTOR_CACHE_SIZE:
                self._jobs_cache.pop(next(iter(self._jobs_cache)))
            self._jobs_cache[(query, top)] = hits
        return hits

    def search_services(
        self, query: str, departement: str | None = None, top: int = 5
    ) -> list[ServiceHit]:
        return self.services.search(query[:MAX_QUERY_CHARS], departement, top)

    def _explain(self, hits: list[JobHit], region: str | None) -> list[JobHit]:
        """Add the regulated-job rules and the regional demand to each hit's explanation."""
        explained = []
        for hit in hits:
            why = hit.pourquoi.rstrip(".")
            rules = self.regulated.rules_for(hit.code_rome)
            if rules:
                why = why.replace(
                    " ; emploi réglementé selon le ROME : conditions d'accès à vérifier", ""
                )
                why += " ; métier réglementé, à vérifier : " + ", ".join(r.libelle for r in rules)
            demand = self.demand.in_region(hit.code_rome, region) if region else None
            if demand is not None:
                why += " ; " + demand.phrase()
            explained.append(
                replace(
                    hit,
                    pourquoi=why + ".",
                    reglemente=bool(rules) or bool(hit.reglemente),
                    demande_region=demand,
                )
            )
        return explained

    def search_jobs_batch(
        self,
        queries: Sequence[str],
        top: int = 5,
        region: str | None = None,
        sans_diplome: bool = False,
        hors_reglementes: bool = False,
        selon_demande: bool = False,
    ) -> list[list[JobHit]]:
        """Many queries at once (their embeddings are computed in one batch).

        `selon_demande` reranks the candidates by hiring demand in `region`.
        """
        prepared = [q[:MAX_QUERY_CHARS] for q in queries]
        vectors = self._query_vectors(prepared)
        codes = self.allowed_codes(sans_diplome, hors_reglementes)
        rerank = selon_demande and region is not None
        results = []
        for query, vector in zip(prepared, vectors, strict=True):
            hits = self._explain(
                self._search_jobs(query, top * 2 if rerank else top, vector, codes), region
            )
            if rerank:
                hits = _by_demand(hits)[:top]
            results.append(hits)
        return results

    def _query_vectors(self, queries: Sequence[str]) -> list[np.ndarray | None]:
        texts = [self.jobs.prepare(q) for q in queries]
        vectors: list[np.ndarray | None] = [None] * len(texts)
        if self.jobs.index is None:
            return vectors
        # The workspace asks again for the same few job titles after each answer: embedding a
        # query costs tens of milliseconds on two cores, a lookup nothing.
        with self._cache_lock:
            return self._cached_vectors(texts, vectors)

    def _cached_vectors(
        self, texts: list[str], vectors: list[np.ndarray | None]
    ) -> list[np.ndarray | None]:
        # Each distinct text once: a batch of offers repeats the same titles ("Cuisinier H/F").
        missing = [t for t in dict.fromkeys(texts) if t and t not in self._vector_cache]
        embedder = self.open_index().embedder
        computed: dict[str, np.ndarray] = {}
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            for text, vector in zip(chunk, embedder.embed_queries(chunk), strict=True):
                computed[text] = vector
                if len(self._vector_cache) >= VECTOR_CACHE_SIZE:
                    self._vector_cache.pop(next(iter(self._vector_cache)))
                self._vector_cache[text] = vector
        for i, text in enumerate(texts):
            if text:
                vectors[i] = computed.get(text, self._vector_cache.get(text))
        return vectors
