"""Crash safety: the real process is killed at random points of an interview (SIGKILL)."""

from pathlib import Path

import pytest
from crash_harness import campagne

pytestmark = pytest.mark.integration

TOURS = 8
"""`bench/crash.py` runs the full hundred; the figures are in the README."""


def test_no_confirmed_answer_is_lost_when_the_process_is_killed(tmp_path: Path) -> None:
    bilan = campagne(tmp_path / "donnees", TOURS)
    assert bilan.tours == TOURS
    assert bilan.confirmes > TOURS  # the kills did land in the middle of the work
    assert bilan.pertes == 0
    assert bilan.corruptions == 0
    assert bilan.reprises_fausses == 0
