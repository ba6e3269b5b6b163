"""Encrypted vault: unlock time, latency of one confirmed change, listing many dossiers."""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from factories import dossier_complet

from assistant.storage.dossiers import DossierRepository
from assistant.storage.vault import Vault

PASSPHRASE = "tulipe cartable 47 orage"
TARGET_UNLOCK_S = 1.0
TARGET_SAVE_P95_MS = 30.0
TARGET_LIST_S = 1.0
DOSSIERS = 300
SAVES = 200


def _verdict(value: float, target: float) -> str:
    return "OK" if value < target else "MISSED"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "coffre.db"
        vault = Vault.create(path, PASSPHRASE)
        repo = DossierRepository(vault)
        for i in range(DOSSIERS):
            dossier = dossier_complet()
            dossier.reference, dossier.id = f"FICTIF-{i:04d}", f"{i:032x}"
            repo._insert(dossier)
        vault.close()

        started = time.perf_counter()
        vault = Vault.open(path, PASSPHRASE)
        unlock = time.perf_counter() - started
        repo = DossierRepository(vault)

        dossier = repo.get(f"{0:032x}")
        latencies = []
        for i in range(SAVES):
            dossier.etapes.situation.inquietude_principale = f"Changement {i}"
            started = time.perf_counter()
            repo.save(dossier)
            latencies.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(latencies, n=20)[-1]

        started = time.perf_counter()
        dossiers, _ = repo.list()
        listing = time.perf_counter() - started
        vault.close()

    print(
        f"unlock (key derivation + integrity check, {DOSSIERS} dossiers): {unlock:.2f} s "
        f"(target < {TARGET_UNLOCK_S} s) {_verdict(unlock, TARGET_UNLOCK_S)}"
    )
    print(
        f"one confirmed change, full dossier, fsync: median {statistics.median(latencies):.1f} ms, "
        f"p95 {p95:.1f} ms (target p95 < {TARGET_SAVE_P95_MS} ms) "
        f"{_verdict(p95, TARGET_SAVE_P95_MS)}"
    )
    print(
        f"list {len(dossiers)} complete dossiers: {listing:.2f} s (target < {TARGET_LIST_S} s) "
        f"{_verdict(listing, TARGET_LIST_S)}"
    )


if __name__ == "__main__":
    main()
