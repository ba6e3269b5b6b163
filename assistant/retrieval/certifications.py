"""The certifications of the knowledge pack, as the search layer uses them."""

import re
from dataclasses import dataclass
from pathlib import Path

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.knowledge import KnowledgeMissing
from assistant.retrieval.pack import read_dataset

DATASET = "certifications"
CACES_RECOMMENDATION = re.compile(r"\bR ?(4\d\d)\b")
"""The CNAM recommendation a CACES title names (« … R489 … »): which machines."""


@dataclass(frozen=True)
class Certification:
    """One certification: codes, title, type, level, flags and ROME links (facts only).

    `rome4` comes from the v3 codes through `code_rome_parent`; `rome4_approx` from v3 family
    codes (`G1500`): the certification names the domain, not the job. `actif` is None when unknown.
    `intitule_repris_de`: the previous fiche whose title (and level) this renewed fiche carries,
    because no source publishes the title under the new number.
    """

    id: str
    intitule: str | None
    type: str
    categorie: str
    niveau: int | None
    rncp: str | None
    rs: str | None
    certif_info: str | None
    titre_professionnel: bool
    courte: bool
    famille_courte: str | None
    actif: bool | None
    intitule_repris_de: str | None = None
    autres_numeros: tuple[str, ...] = ()
    formacodes: tuple[str, ...] = ()
    nsf: tuple[str, ...] = ()
    certificateurs: tuple[str, ...] = ()
    remplacee_par: tuple[str, ...] = ()
    rome_v3: tuple[str, ...] = ()
    rome4: tuple[str, ...] = ()
    rome4_approx: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def numeros(self) -> tuple[str, ...]:
        """Every RNCP/RS number under which this certification can be found."""
        return tuple(n for n in (self.rncp, self.rs, *self.autres_numeros) if n)


_LISTS = (
    "autres_numeros",
    "formacodes",
    "nsf",
    "certificateurs",
    "remplacee_par",
    "rome_v3",
    "rome4",
    "rome4_approx",
    "sources",
)


def load_certifications(knowledge_dir: Path = KNOWLEDGE_DIR) -> list[Certification]:
    """All certifications of the pack, in id order; KnowledgeMissing if the dataset is absent."""
    try:
        rows = list(read_dataset(DATASET, knowledge_dir))
    except FileNotFoundError:
        raise KnowledgeMissing(
            f"Le paquet de connaissances ne contient pas les certifications "
            f"({DATASET}.jsonl.gz manque dans {knowledge_dir})."
        ) from None
    certifications = []
    for row in rows:
        for key in _LISTS:
            row[key] = tuple(row.get(key, ()))
        certifications.append(Certification(**row))
    return certifications
