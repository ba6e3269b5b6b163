"""Crash safety benchmark: 100 SIGKILLs at random points of a scripted interview.

Prints the count of confirmed answers written before the kills, and the losses, corruptions and
wrong resumptions found on reopening (target: zero of each).
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from crash_harness import campagne


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tours", type=int, default=100)
    args = parser.parse_args()
    debut = time.perf_counter()
    with tempfile.TemporaryDirectory() as dossier:
        bilan = campagne(Path(dossier) / "donnees", args.tours)
    duree = time.perf_counter() - debut
    print(f"processus tués (SIGKILL)        : {bilan.tours}")
    print(f"réponses confirmées avant arrêt : {bilan.confirmes}")
    print(f"réponses confirmées perdues     : {bilan.pertes}   (cible : 0)")
    print(f"coffres endommagés              : {bilan.corruptions}   (cible : 0)")
    print(f"reprises à la mauvaise question : {bilan.reprises_fausses}   (cible : 0)")
    print(f"durée                           : {duree:.0f} s")
    sys.exit(0 if bilan.pertes == bilan.corruptions == bilan.reprises_fausses == 0 else 1)


if __name__ == "__main__":
    main()
