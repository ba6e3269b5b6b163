"""Template drafting: time per document and flagged sentences (no model).

Run: `.venv/bin/python bench/drafting.py`. Dossiers: the complete fictitious dossier of the tests
(`tests/factories.py`) and the three demo dossiers (P0, P1, P3). Targets: each document in 1 s
or less, and no flagged sentence at all (template drafts are grounded by construction; the unit
tests check it too). The first document pays the one-off loading of templates and word lists,
reported apart.
"""

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from factories import dossier_complet

from assistant.demo import dossiers_demo
from assistant.domain.enums import TypeBrouillon
from assistant.drafting import FicheCible, rediger

TARGETS = {"max_s": 1.0, "flagged": 0}
AUJOURD_HUI = date(2026, 3, 10)
FICHE = FicheCible(
    code_rome="F1703",
    intitule="Maçon / Maçonne",
    competences=["Réaliser un ouvrage de maçonnerie", "Lire un plan", "Couler une dalle"],
)
REPETITIONS = 5


def main() -> int:
    dossiers = {"FICTIF-01": dossier_complet()}
    dossiers |= {d.reference: d for d in dossiers_demo(AUJOURD_HUI)}
    debut = time.perf_counter()
    rediger(dossiers["FICTIF-01"], TypeBrouillon.SYNTHESE, aujourd_hui=AUJOURD_HUI)
    print(f"premier document (chargement compris) : {time.perf_counter() - debut:.3f} s\n")
    print(
        f"{'dossier':16} {'document':22} {'phrases':>7} {'signalées':>9} {'médiane':>9} {'max':>9}"
    )
    pire, signalees_total = 0.0, 0
    for reference, dossier in dossiers.items():
        for type_document in TypeBrouillon:
            durees = []
            for _ in range(REPETITIONS):
                t0 = time.perf_counter()
                resultat = rediger(dossier, type_document, aujourd_hui=AUJOURD_HUI, fiche=FICHE)
                durees.append(time.perf_counter() - t0)
            phrases = resultat.brouillon.phrases()
            signalees = sum(1 for p in phrases if p.signalements)
            signalees_total += signalees
            pire = max(pire, max(durees))
            print(
                f"{reference:16} {type_document.value:22} {len(phrases):7d} {signalees:9d} "
                f"{statistics.median(durees) * 1000:7.1f}ms {max(durees) * 1000:7.1f}ms"
            )
    ok = pire <= TARGETS["max_s"] and signalees_total == TARGETS["flagged"]
    print(
        f"\npire durée {pire * 1000:.1f} ms (cible ≤ {TARGETS['max_s'] * 1000:.0f} ms), "
        f"phrases signalées {signalees_total} (cible {TARGETS['flagged']}) : "
        f"{'OK' if ok else 'HORS CIBLE'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
