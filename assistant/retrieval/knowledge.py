"""The knowledge pack loaded for the application: job sheets, job titles, skills."""

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.descriptions import read_descriptions
from assistant.retrieval.pack import read_dataset

DESCRIPTIONS_FILE = "descriptions_metiers.toml"

logger = logging.getLogger(__name__)


class KnowledgeMissing(Exception):
    """The pack is absent or incomplete; French message."""


@dataclass(frozen=True)
class Item:
    ogr: str
    libelle: str
    type: str  # savoir_faire | savoir_etre | savoir | contexte
    categorie: str | None = None


@dataclass(frozen=True)
class Appellation:
    ogr: str
    libelle: str
    court: str
    rome: str
    principale: bool
    peu_usite: bool
    reglemente: bool | None


@dataclass(frozen=True)
class Fiche:
    code: str
    libelle: str
    domaine: str
    domaine_libelle: str
    grand_domaine: str
    grand_domaine_libelle: str
    reglemente: bool | None
    savoir_faire: tuple[tuple[str, bool], ...]
    savoir_etre: tuple[tuple[str, bool], ...]
    savoirs: tuple[tuple[str, bool], ...]
    contextes: tuple[str, ...]
    mobilites: tuple[str, ...]
    cadre: bool | None = None
    sans_diplome: bool = False
    """The official access text says the job is open without a diploma."""
    parent_v3: str | None = None
    riasec: str | None = None
    appellations: tuple[Appellation, ...] = field(default=(), compare=False)


@dataclass
class Knowledge:
    """Facts of the pack, indexed by code. Loading takes well under a second."""

    fiches: dict[str, Fiche]
    items: dict[str, Item]
    directory: Path

    @classmethod
    def load(cls, directory: Path = KNOWLEDGE_DIR) -> "Knowledge":
        try:
            appellations: dict[str, list[Appellation]] = {}
            for row in read_dataset("rome_appellations", directory):
                appellation = Appellation(**row)
                appellations.setdefault(appellation.rome, []).append(appellation)
            fiches = {}
            for row in read_dataset("rome_fiches", directory):
                for key in ("savoir_faire", "savoir_etre", "savoirs"):
                    row[key] = tuple((ogr, bool(coeur)) for ogr, coeur in row[key])
                row["contextes"] = tuple(row["contextes"])
                row["mobilites"] = tuple(row["mobilites"])
                fiche = Fiche(**row, appellations=tuple(appellations.get(row["code"], ())))
                fiches[fiche.code] = fiche
            items = {row["ogr"]: Item(**row) for row in read_dataset("rome_items", directory)}
        except FileNotFoundError as exc:
            raise KnowledgeMissing(
                f"Le paquet de connaissances est incomplet ({exc.filename} manque). "
                "Reconstruisez-le avec `passerelle knowledge build`."
            ) from None
        return cls(fiches=fiches, items=items, directory=directory)

    @cached_property
    def descriptions(self) -> dict[str, str]:
        """What the job is, in a sentence or two the person can read (written by the Passerelle
        team for every sheet; the ROME's own texts stay out of the pack)."""
        return self._descriptions_read[0]

    @cached_property
    def description_problems(self) -> list[str]:
        """Lines of the descriptions file that could not be read (`passerelle doctor`)."""
        return self._descriptions_read[1]

    @cached_property
    def _descriptions_read(self) -> tuple[dict[str, str], list[str]]:
        descriptions, problems = read_descriptions(self.directory / DESCRIPTIONS_FILE, self.fiches)
        if problems:
            # Codes and line numbers only: the file holds no personal data.
            logger.warning("%d problème(s) dans %s", len(problems), DESCRIPTIONS_FILE)
        return descriptions, problems

    @cached_property
    def appellations(self) -> list[Appellation]:
        return [a for fiche in self.fiches.values() for a in fiche.appellations]

    def item_labels(
        self, pairs: tuple[tuple[str, bool], ...], core_only: bool = False
    ) -> list[str]:
        """Labels of skill items, optionally only those at the core of the job."""
        return [
            self.items[ogr].libelle
            for ogr, core in pairs
            if ogr in self.items and (core or not core_only)
        ]
