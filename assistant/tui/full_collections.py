"""Full garbage collections while the counsellor pauses, not while they type.

CPython runs a full collection by itself every few seconds while the interface builds and drops
widgets; it stops every thread for 60 to 100 ms on this kind of machine, and a key typed then
waits (bench/workspace.py). The young generations still run as usual (1 to 3 ms each); the full
one runs once nobody has typed for a second, and after two minutes at the latest so that memory
stays bounded. The knowledge pack itself is out of reach of every collection (`gc.freeze` once
it is loaded, in `KnowledgeService.warm_up`).
"""

import gc
import time

PAUSE_S = 1.0
AT_MOST_EVERY_S = 10.0
"""While the knowledge loads (in a worker) every pause would otherwise walk 270 000 objects."""
AT_LATEST_S = 120.0
_NEVER = 1 << 30
"""A full collection by CPython needs this many young ones first: in practice, never."""


def defer_full_collections() -> None:
    """Leave full collections to `FullCollections.tick` (young ones keep CPython's thresholds)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)


class FullCollections:
    """Runs the full collection that CPython was told to leave to us, at a quiet moment."""

    def __init__(
        self,
        pause_s: float = PAUSE_S,
        at_most_every_s: float = AT_MOST_EVERY_S,
        at_latest_s: float = AT_LATEST_S,
    ) -> None:
        self.pause_s = pause_s
        self.at_most_every_s = at_most_every_s
        self.at_latest_s = at_latest_s
        self.last = time.monotonic()

    def tick(self, last_activity: float) -> bool:
        """Collect if something may be collected and the counsellor paused (or it is high time)."""
        now = time.monotonic()
        if gc.get_count()[2] == 0:  # no middle-generation collection since the last full one
            self.last = now
            return False
        since = now - self.last
        paused = now - last_activity >= self.pause_s
        if since < self.at_latest_s and (since < self.at_most_every_s or not paused):
            return False
        gc.collect()
        self.last = now
        return True
