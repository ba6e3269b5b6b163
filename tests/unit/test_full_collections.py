"""Full garbage collections wait for the counsellor's pause (they stop the interface 60-100 ms)."""

import gc
import time
import weakref

from assistant.config import Settings
from assistant.tui.app import make_app
from assistant.tui.full_collections import FullCollections, defer_full_collections


class Noeud:
    def __init__(self) -> None:
        self.moi = self  # a cycle: only a collection frees it


def _cycle_ancien() -> weakref.ref[Noeud]:
    """A cycle that reached the old generation, then became garbage."""
    noeud = Noeud()
    gc.collect(1)  # survives: moved to the old generation
    ref = weakref.ref(noeud)
    del noeud
    gc.collect(1)  # the young collections leave the old generation alone
    return ref


def test_cpython_no_longer_runs_full_collections_by_itself() -> None:
    jeune, moyen, _ = gc.get_threshold()
    defer_full_collections()
    assert gc.get_threshold()[:2] == (jeune, moyen)  # young collections as usual
    assert gc.get_threshold()[2] >= 1_000_000


def test_the_full_collection_runs_when_the_counsellor_pauses() -> None:
    defer_full_collections()
    collectes = FullCollections(pause_s=1.0, at_most_every_s=0.0, at_latest_s=120.0)
    ref = _cycle_ancien()
    assert ref() is not None
    assert not collectes.tick(last_activity=time.monotonic())  # typing: it waits
    assert ref() is not None
    assert collectes.tick(last_activity=time.monotonic() - 2.0)  # two seconds without a key
    assert ref() is None
    # Nothing new since: the next pause costs nothing.
    assert not collectes.tick(last_activity=time.monotonic() - 5.0)


def test_the_full_collection_runs_at_the_latest_after_a_while_of_typing() -> None:
    defer_full_collections()
    collectes = FullCollections(pause_s=1.0, at_most_every_s=0.0, at_latest_s=0.05)
    ref = _cycle_ancien()
    time.sleep(0.06)
    assert collectes.tick(last_activity=time.monotonic())  # never paused, memory stays bounded
    assert ref() is None


def test_full_collections_are_spaced_while_the_knowledge_loads() -> None:
    defer_full_collections()
    collectes = FullCollections(pause_s=1.0, at_most_every_s=10.0, at_latest_s=120.0)
    ref = _cycle_ancien()
    assert not collectes.tick(last_activity=time.monotonic() - 2.0)  # the last one is too recent
    assert ref() is not None


def test_the_app_leaves_full_collections_to_its_pauses(settings: Settings) -> None:
    app = make_app(settings)
    assert gc.get_threshold()[2] >= 1_000_000
    assert isinstance(app._full_collections, FullCollections)
