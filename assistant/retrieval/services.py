"""Insertion services of the knowledge pack, joined to their structure, for the search layer."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.sources import data_inclusion, siae

# Shipped lists first, then the official dumps a deployment may add (same ids win: first kept).
_PAIRS = (
    (siae.STRUCTURES_DATASET, siae.SERVICES_DATASET),
    (data_inclusion.STRUCTURES_DATASET, data_inclusion.SERVICES_DATASET),
)


@dataclass(frozen=True)
class InsertionService:
    """One service with what the counsellor needs to orient someone to it."""

    id: str
    nom: str
    structure_id: str
    structure_nom: str
    source: str
    type: str | None = None
    description: str | None = None
    thematiques: tuple[str, ...] = ()
    publics: tuple[str, ...] = ()
    publics_precisions: str | None = None
    reseaux_porteurs: tuple[str, ...] = ()
    adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    departement: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    site_web: str | None = None
    codes_rome_v3: tuple[str, ...] = ()

    def matches(
        self,
        thematiques: Iterable[str] = (),
        departement: str | None = None,
        publics: Iterable[str] = (),
    ) -> bool:
        """True if it has one of the thématiques and publics asked and is in the département."""
        wanted = set(thematiques)
        if wanted and not wanted & set(self.thematiques):
            return False
        audience = set(publics)
        if audience and not audience & set(self.publics):
            return False
        return departement is None or self.departement == departement


def _service(row: dict[str, Any], structure: dict[str, Any]) -> InsertionService:
    def pick(name: str) -> Any:
        return row.get(name) or structure.get(name)

    return InsertionService(
        id=row["id"],
        nom=row["nom"],
        structure_id=row["structure_id"],
        structure_nom=structure.get("nom", ""),
        source=row.get("source", ""),
        type=row.get("type"),
        description=row.get("description"),
        thematiques=tuple(row.get("thematiques", ())),
        publics=tuple(row.get("publics", ())),
        publics_precisions=row.get("publics_precisions"),
        reseaux_porteurs=tuple(structure.get("reseaux_porteurs", ())),
        adresse=pick("adresse"),
        code_postal=pick("code_postal"),
        commune=pick("commune"),
        departement=pick("departement"),
        telephone=pick("telephone"),
        courriel=pick("courriel"),
        site_web=structure.get("site_web"),
        codes_rome_v3=tuple(link["code_rome_v3"] for link in row.get("metiers", ())),
    )


def load_services(knowledge_dir: Path = KNOWLEDGE_DIR) -> list[InsertionService]:
    """Every service of the pack (shipped lists and imported dumps), sorted by id."""
    services: dict[str, InsertionService] = {}
    for structures_name, services_name in _PAIRS:
        if not (knowledge_dir / f"{services_name}.jsonl.gz").exists():
            continue
        structures = {}
        if (knowledge_dir / f"{structures_name}.jsonl.gz").exists():
            structures = {row["id"]: row for row in read_dataset(structures_name, knowledge_dir)}
        for row in read_dataset(services_name, knowledge_dir):
            if row["id"] not in services:
                services[row["id"]] = _service(row, structures.get(row["structure_id"], {}))
    return [services[key] for key in sorted(services)]


def find_services(
    services: Iterable[InsertionService],
    thematiques: Iterable[str] = (),
    departement: str | None = None,
    publics: Iterable[str] = (),
) -> list[InsertionService]:
    """The services matching a barrier's thématiques, a département and optional publics."""
    wanted, audience = tuple(thematiques), tuple(publics)
    return [s for s in services if s.matches(wanted, departement, audience)]
