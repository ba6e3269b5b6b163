#!/usr/bin/env python3
"""Vérifie les jeux de dev (offres_dev.tsv, offres_holdout.tsv, offres_dev2.tsv,
offres_dev3.tsv, phrases_conseiller.tsv, phrases_courtes.tsv, phrases_taches.tsv,
phrases_controle.tsv, phrases_rares.tsv, phrases_verbes.tsv, phrases_oral.tsv) contre le
référentiel ROME 4.0 v460 partagé et affiche des comptes.
Code de sortie 1 si un code (ou un candidat ambigu) n'existe pas en ROME 4.0."""

import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANDS = [HERE.parents[2] / "shared" / "data" / "rome4_v460", Path("/work/shared/data/rome4_v460")]


def main() -> int:
    d = next((c for c in CANDS if c.is_dir()), None)
    if d is None:
        print("référentiel ROME 4.0 introuvable")
        return 1
    with open(d / "unix_referentiel_code_rome_v460_utf8.csv", encoding="utf-8") as f:
        fiches = {r["code_rome"]: r["libelle_rome"] for r in csv.DictReader(f)}
    errors = 0
    names = (
        "offres_dev.tsv",
        "offres_holdout.tsv",
        "offres_dev2.tsv",
        "offres_dev3.tsv",
        "phrases_conseiller.tsv",
        "phrases_courtes.tsv",
        "phrases_taches.tsv",
        "phrases_controle.tsv",
        "phrases_rares.tsv",
        "phrases_verbes.tsv",
        "phrases_oral.tsv",
    )
    for name in names:
        with open(HERE / name, encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        codes: Counter[str] = Counter()
        n_amb = n_app = n_dup = 0
        for i, r in enumerate(rows, 2):
            code = r["code_rome"].strip()
            cands = [c for c in r.get("ambiguous_candidates", "").split("|") if c]
            note = r.get("note", "")
            if not r["query"].strip():
                print(f"{name}:{i}: requête vide")
                errors += 1
            if cands:
                n_amb += 1
                for c in cands:
                    if c not in fiches:
                        print(f"{name}:{i}: candidat {c} absent de ROME 4.0")
                        errors += 1
            elif code not in fiches:
                print(f"{name}:{i}: code {code!r} absent de ROME 4.0")
                errors += 1
            if code:
                codes[code] += 1
            n_app += "titre=appellation" in note
            n_dup += "doublon" in note
        print(
            f"{name}: {len(rows)} lignes, {len(codes)} fiches distinctes, "
            f"{n_amb} ambiguës ({100 * n_amb / max(len(rows), 1):.1f} %), "
            f"{n_app} titres = appellation, {n_dup} doublons"
        )
        if name in ("offres_dev.tsv", "offres_dev2.tsv", "offres_dev3.tsv"):
            src = Counter(r["source_id"].split(":")[0] for r in rows)
            usable = sum(
                1
                for r in rows
                if r["code_rome"]
                and "titre=appellation" not in r["note"]
                and "doublon" not in r["note"]
            )
            print(
                f"  par source : {dict(src)} ; utilisables "
                f"(code unique, titre libre, non doublon) : {usable}"
            )
    print("OK" if not errors else f"{errors} erreur(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
