"""Regional hiring demand (BMO 2025) for ROME 4.0 job sheets, through the FAP 2021 crosswalk.

BMO counts hiring projects per FAP 2021 job family; a family maps to several job sheets with a
weight, so the figures per job sheet are estimates and are always presented as such.
"""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.pack import read_dataset
from assistant.retrieval.text import fold


@dataclass(frozen=True)
class RegionalDemand:
    region: str
    nom: str
    projets: int
    """Hiring projects of the linked BMO job families, over the region (published cells)."""
    difficiles: int
    saisonniers: int
    masque: bool
    """Some cells were hidden by statistical secrecy: the true figure is at least this."""
    approche: bool
    """The job sheet is only approximately linked to the BMO family."""
    familles: tuple[str, ...]

    def phrase(self) -> str:
        """French sentence for the counsellor, honest about estimates."""
        nombre = f"{'au moins ' if self.masque else ''}{self.projets:,}".replace(",", " ")
        texte = f"{nombre} projets de recrutement en {self.nom} (BMO 2025"
        texte += ", lien approché" if self.approche else ""
        texte += ")"
        if self.projets and self.difficiles / self.projets >= 0.5:
            texte += ", recrutements souvent jugés difficiles"
        return texte


class HiringDemand:
    """BMO 2025 figures looked up by job sheet and region."""

    def __init__(self, directory: Path = KNOWLEDGE_DIR) -> None:
        self._links: dict[str, list[tuple[str, float, bool]]] = defaultdict(list)
        for link in read_dataset("fap2021_rome4", directory):
            self._links[link["rome"]].append(
                (link["fap"], float(link["poids"]), link["qualite"] == "exacte")
            )
        self._national = {
            m["fap"]: int(m["met"] or 0) for m in read_dataset("bmo_2025_metiers", directory)
        }
        self._regional: dict[tuple[str, str], dict[str, int]] = {}
        self.regions: dict[str, str] = {}
        for row in read_dataset("bmo_2025_regions", directory):
            self._regional[(row["fap"], row["reg"])] = row
            self.regions[row["reg"]] = row["nom_reg"]

    def national(self, code_rome: str) -> float:
        """Estimated national hiring projects for a job sheet (family volume × link weight)."""
        return sum(self._national.get(fap, 0) * weight for fap, weight, _ in self._links[code_rome])

    def resolve_region(self, text: str) -> str | None:
        """A region code from its INSEE code or its name ("occitanie", "Île-de-France", "76")."""
        wanted = fold(text)
        if not wanted:
            return None
        for code, nom in self.regions.items():
            if wanted in (code, fold(nom)) or wanted.lstrip("0") == code.lstrip("0"):
                return code
        matches = [code for code, nom in self.regions.items() if fold(nom).startswith(wanted)]
        return matches[0] if len(matches) == 1 else None

    def in_region(self, code_rome: str, region: str) -> RegionalDemand | None:
        """Hiring projects of the BMO families linked to this job sheet, in one region."""
        links = self._links.get(code_rome)
        if not links or region not in self.regions:
            return None
        exact = [link for link in links if link[2]]
        chosen = exact or links
        rows = [self._regional.get((fap, region)) for fap, _, _ in chosen]
        present = [row for row in rows if row]
        return RegionalDemand(
            region=region,
            nom=self.regions[region],
            projets=sum(int(r.get("met") or 0) for r in present),
            difficiles=sum(int(r.get("xmet") or 0) for r in present),
            saisonniers=sum(int(r.get("smet") or 0) for r in present),
            masque=any(int(r.get("met_masque") or 0) for r in present),
            approche=not exact,
            familles=tuple(sorted({fap for fap, _, _ in chosen})),
        )

    def by_region(self, code_rome: str) -> list[RegionalDemand]:
        """Every region, most hiring first (for the bar chart of a job sheet)."""
        found = [self.in_region(code_rome, region) for region in self.regions]
        return sorted((d for d in found if d), key=lambda d: -d.projets)
