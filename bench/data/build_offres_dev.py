#!/usr/bin/env python3
"""Construit offres_dev.tsv, offres_holdout.tsv, offres_dev2.tsv et offres_dev3.tsv à partir
de offres_brutes.tsv, offres_brutes_suite.tsv, offres_brutes_extra.tsv et offres_brutes_2025.tsv
(extraction manuelle d'offres France Travail publiées dans des dépôts GitHub publics) et du
référentiel ROME 4.0 v460 partagé.

Règles (voir README.md) :
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
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ROME = HERE.parents[2] / "shared" / "data" / "rome4_v460"


def rome_dir() -> Path:
    for cand in (DEFAULT_ROME, Path("/work/shared/data/rome4_v460")):
        if cand.is_dir():
            return cand
    sys.exit("référentiel ROME 4.0 introuvable")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("œ", "oe")
    s = re.sub(r"\((?:h\s*/\s*f|f\s*/\s*h)\)", " ", s)
    s = re.sub(r"\b(?:h\s*/\s*f|f\s*/\s*h)\b", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def load_rome(d: Path):
    fiches: dict[str, str] = {}
    parent_children: dict[str, list[str]] = {}
    with open(d / "unix_referentiel_code_rome_v460_utf8.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            fiches[r["code_rome"]] = r["libelle_rome"]
            parent_children.setdefault(r["code_rome_parent"], []).append(r["code_rome"])
    appel: dict[str, set[str]] = {}  # label normalisé -> set(codes)
    with open(d / "unix_referentiel_appellation_v460_utf8.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for k in ("libelle_appellation_long", "libelle_appellation_court"):
                appel.setdefault(norm(r[k]), set()).add(r["code_rome"])
    return fiches, parent_children, appel


def convert(row, fiches, parent_children, appel):
    code, rl, al = row["romeCode"], row["romeLibelle"], row["appellationlibelle"]
    if code in fiches and (not rl or norm(rl) == norm(fiches[code])):
        return code, [], "rome4"
    children = sorted(parent_children.get(code, []))
    if not children:
        # Code ROME 4.0 dont le libellé a changé depuis la v460 (API de 2025, p. ex. N4116) :
        # gardé si son appellation lui appartient en v460.
        if code in fiches and al and code in appel.get(norm(al), set()):
            return code, [], "rome4 via appellationlibelle"
        return "", [], "code_v3_sans_descendant_v4"
    if len(children) == 1:
        return children[0], [], "v3->v4 direct"
    for label, how in ((al, "appellationlibelle"), (rl, "romeLibelle")):
        hits = appel.get(norm(label), set()) & set(children) if label else set()
        if len(hits) == 1:
            return hits.pop(), [], f"v3->v4 via {how}"
    return "", children, "v3 ambigu"


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


def main():
    d = rome_dir()
    fiches, parent_children, appel = load_rome(d)
    rome_labels = {norm(v) for v in fiches.values()}
    seen = set()
    for source, target in LOTS:
        with open(HERE / source, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        out = []
        for r in rows:
            code, cands, how = convert(r, fiches, parent_children, appel)
            q = re.sub(r"\s+", " ", r["intitule"]).strip()
            notes = [how]
            nq = norm(q)
            if nq in appel or nq in rome_labels:
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
