"""Passphrase strength with French feedback."""

import pytest

from assistant.storage.passphrase import check_passphrase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("phrase", "attendu"),
    [
        ("", "vide"),
        ("   ", "vide"),
        ("soleil2026", "trop courte (10 caractères, 12 au moins)"),
        ("motdepasse123", "trop facile à deviner"),
        ("azertyazerty", "trop facile à deviner"),
        ("ab1" * 40_000, "trop facile à deviner"),
    ],
)
def test_weak_passphrases_are_refused_with_advice(phrase: str, attendu: str) -> None:
    verdict = check_passphrase(phrase)
    assert not verdict.acceptable
    assert attendu in verdict.message
    assert "Choisissez une phrase" in verdict.message


@pytest.mark.parametrize("phrase", ["tulipe cartable 47 orage", "Passerelle-vers-la-sortie-2026"])
def test_strong_passphrases_are_accepted(phrase: str) -> None:
    verdict = check_passphrase(phrase)
    assert verdict.acceptable and verdict.score >= 3
