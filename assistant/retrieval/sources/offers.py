"""Labelled job offers: the titles recruiters write and the ROME 4.0 sheet France Travail gave.

The source files (`knowledge/sources/offres_etiquetees/*.tsv`) hold what was extracted by hand
from France Travail API responses (« Offres d'emploi v2 ») published in public repositories: the
offer's id, title, `romeCode`, `romeLibelle` and `appellationlibelle`, nothing else (no
description, employer, place or contact); where each comes from is in that folder's README.

Older offers carry a ROME v3 code. It becomes the ROME 4.0 sheet whose parent it is; when it
split into several, the offer's appellation (then its ROME label) says which one; when nothing
says, the offer is left out and reported.
"""

import re
from pathlib import Path

from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.offer_titles import DATASET
from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources.base import ImportReport, read_csv
from assistant.retrieval.sources.rome_passage import is_fiche_code
from assistant.retrieval.text import fold

FOLDER = KNOWLEDGE_DIR / "sources" / "offres_etiquetees"
COLUMNS = ("src", "id", "intitule", "romeCode", "romeLibelle", "appellationlibelle")
PUBLISHER = "France Travail (API « Offres d'emploi v2 »), réponses publiées dans des dépôts publics"
LICENCE = (
    "Données publiques de France Travail ; seuls l'intitulé et les codes sont repris "
    "(faits, pas de texte d'auteur)"
)
_GENDER = re.compile(r"\b(?:h\s+f|f\s+h)\b")
MAX_TITLE = 200


def title_key(label: str) -> str:
    """A title as compared with the ROME titles: folded, without the H/F mention."""
    return " ".join(_GENDER.sub(" ", fold(label)).split())


class Converter:
    """ROME code of an offer (v3 or 4.0) -> ROME 4.0 sheet, with how it was decided."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.labels = {code: title_key(f.libelle) for code, f in knowledge.fiches.items()}
        self.children: dict[str, list[str]] = {}
        for code, fiche in sorted(knowledge.fiches.items()):
            if fiche.parent_v3:
                self.children.setdefault(fiche.parent_v3, []).append(code)
        self.titles: dict[str, set[str]] = {}
        for a in knowledge.appellations:
            for label in (a.libelle, a.court):
                self.titles.setdefault(title_key(label), set()).add(a.rome)

    def convert(self, code: str, rome_label: str, appellation: str) -> tuple[str, str]:
        """(ROME 4.0 code, how) or ("", why not); the sheets a split v3 code became are in
        `children`."""
        if code in self.labels and (not rome_label or title_key(rome_label) == self.labels[code]):
            return code, "rome4"
        children = self.children.get(code, [])
        if not children:
            # A 4.0 code whose label changed after v460: kept if the appellation is one of its.
            if code in self.labels and code in self.titles.get(title_key(appellation), set()):
                return code, "rome4 par l'appellation"
            if code in self.labels:
                return code, "rome4 (libellé ROME différent)"
            return "", f"code ROME inconnu ({code})"
        if len(children) == 1:
            return children[0], "v3 -> 4.0"
        for label, by in ((appellation, "l'appellation"), (rome_label, "le libellé ROME")):
            found = self.titles.get(title_key(label), set()) & set(children) if label else set()
            if len(found) == 1:
                return found.pop(), f"v3 -> 4.0 par {by}"
        return "", f"code v3 {code} éclaté en {', '.join(children)} sans appellation qui tranche"


def read_offers(folder: Path, knowledge: Knowledge, report: ImportReport) -> list[dict[str, str]]:
    """One row per offer, sorted by source and id; an offer found in two sources (same France
    Travail id) is kept once."""
    converter = Converter(knowledge)
    offers: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.tsv")):
        for line, row in read_csv(path, report, required=COLUMNS, delimiter="\t"):
            title = " ".join(row["intitule"].split())
            source, offer_id = row["src"].strip(), row["id"].strip()
            code = row["romeCode"].strip().upper()
            if not title or not source or not offer_id:
                report.problem(path, line, "intitulé, source ou identifiant manquant")
                continue
            if len(title) > MAX_TITLE:
                report.problem(path, line, f"intitulé de plus de {MAX_TITLE} caractères")
                continue
            if not is_fiche_code(code):
                report.problem(path, line, f"code ROME invalide ({code!r})")
                continue
            if offer_id in offers:
                continue
            rome, how = converter.convert(code, row["romeLibelle"], row["appellationlibelle"])
            if not rome:
                report.problem(path, line, how)
                continue
            offers[offer_id] = {
                "source": source,
                "id": offer_id,
                "intitule": title,
                "code_rome": rome,
                "conversion": how,
            }
            report.rows_kept += 1
    return sorted(offers.values(), key=lambda offer: (offer["source"], offer["id"]))


def build(
    data_dir: Path, knowledge_dir: Path, folder: Path = FOLDER
) -> list[tuple[DatasetEntry, ImportReport]]:
    """Build `offres_intitules` from the project's extraction files (needs the ROME pack)."""
    report = ImportReport("Offres étiquetées — intitulés et fiche ROME")
    rows = read_offers(folder, Knowledge.load(knowledge_dir), report)
    sources = sorted(folder.glob("*.tsv"))
    entry = write_dataset(
        DatasetInfo(
            DATASET,
            "Intitulés d'offres d'emploi réelles et la fiche ROME 4.0 que France Travail leur a "
            "donnée (codes v3 convertis) : ce que les recruteurs écrivent",
            PUBLISHER,
            tuple(p.name for p in sources),
            "offres de 2022 à 2025",
            LICENCE,
        ),
        rows,
        knowledge_dir,
        sources,
    )
    return [(entry, report)]
