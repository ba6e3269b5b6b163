"""Construit offres_dev.tsv, offres_holdout.tsv, offres_dev2.tsv et offres_dev3.tsv à partir
de offres_brutes.tsv, offres_brutes_suite.tsv, offres_brutes_extra.tsv et offres_brutes_2025.tsv
(extraction manuelle d'offres France Travail publiées dans des dépôts GitHub publics) et du
référentiel ROME 4.0 v460 du paquet de connaissances.

Règles (voir README.md), celles de l'importeur des offres étiquetées
(`assistant.retrieval.sources.offers.Converter`) :
- code déjà ROME 4.0 (libellé ROME de l'offre == libellé v4 du code) : gardé ;
- sinon code ROME v3 : fiches v4 dont code_rome_parent == code v3 ;
  1 seule fiche -> gardée ; plusieurs -> désambiguïsation par correspondance
  exacte (normalisée) de appellationlibelle puis romeLibelle avec les
  appellations v4 de ces fiches ; sinon ambiguous_candidates rempli ;
- titre identique (normalisé, mentions H/F retirées) à une appellation ou à un
  libellé de fiche ROME 4.0 : marqué "titre=appellation" dans note.
"""

import csv
import re
from pathlib import Path

from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.sources.offers import Converter, title_key

HERE = Path(__file__).resolve().parent

# The importer's words for how a code was converted -> those of the dev sets' `note` column.
NOTES = {
    "rome4": "rome4",
    "rome4 par l'appellation": "rome4 via appellationlibelle",
    "v3 -> 4.0": "v3->v4 direct",
    "v3 -> 4.0 par l'appellation": "v3->v4 via appellationlibelle",
    "v3 -> 4.0 par le libellé ROME": "v3->v4 via romeLibelle",
}


def convert(row: dict[str, str], converter: Converter) -> tuple[str, list[str], str]:
    """(code ROME 4.0, fiches candidates d'un code v3 éclaté, note)."""
    code = row["romeCode"].strip().upper()
    rome, how = converter.convert(code, row["romeLibelle"], row["appellationlibelle"])
    if rome:
        return rome, [], NOTES.get(how, how)
    children = sorted(converter.children.get(code, []))
    return "", children, "v3 ambigu" if children else "code_v3_sans_descendant_v4"


# (brut, sortie) : la suite a été extraite après les réglages de la recherche ; elle sert de jeu
# tenu à l'écart (holdout). Un doublon d'une ligne du premier jeu y est marqué « doublon ».
# Le troisième lot (offres_brutes_extra.tsv, sources TA/LO lues jusqu'au bout) donne un second jeu
# de développement ; ses lignes déjà présentes (intitulé normalisé + code) dans offres_dev.tsv ou
# offres_holdout.tsv y sont marquées « doublon ». Les lots sont traités dans cet ordre : l'ajout du
# troisième ne change pas les deux premiers fichiers. Le quatrième lot (offres_brutes_2025.tsv, une
# autre extraction publique, offres du 11/03/2025) donne offres_dev3.tsv, marqué de la même façon.
LOTS = (
    ("offres_brutes.tsv", "offres_dev.tsv"),
    ("offres_brutes_suite.tsv", "offres_holdout.tsv"),
    ("offres_brutes_extra.tsv", "offres_dev2.tsv"),
    ("offres_brutes_2025.tsv", "offres_dev3.tsv"),
)


def main() -> None:
    converter = Converter(Knowledge.load())
    known_titles = set(converter.titles) | set(converter.labels.values())
    seen = set()
    for source, target in LOTS:
        with open(HERE / source, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        out = []
        for r in rows:
            code, cands, how = convert(r, converter)
            q = re.sub(r"\s+", " ", r["intitule"]).strip()
            notes = [how]
            nq = title_key(q)
            if nq in known_titles:
                notes.append("titre=appellation")
            key = (nq, code or "|".join(cands))
            if key in seen:
                notes.append("doublon")
            seen.add(key)
            out.append(
                {
                    "query": q,
                    "code_rome": code,
                    "source_id": f"{r['src']}:{r['id']}",
                    "ambiguous_candidates": "|".join(cands),
                    "note": ";".join(notes),
                }
            )
        with open(HERE / target, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(out[0]), delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(out)
        print(f"{len(out)} lignes écrites dans {target}")


if __name__ == "__main__":
    main()
