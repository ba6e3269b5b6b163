"""`passerelle doctor` says where text goes and whether it is pseudonymised."""

import pytest

from assistant.config import load_settings
from assistant.doctor import _llm

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("llm", "attendu"),
    [
        (
            {"base_url": "http://127.0.0.1:8080/v1"},
            "joignable, sur cet ordinateur, texte envoyé tel quel",
        ),
        (
            {"base_url": "http://127.0.0.1:8080/v1", "toujours_pseudonymiser": True},
            "joignable, sur cet ordinateur, texte pseudonymisé avant envoi",
        ),
        (
            {"base_url": "https://llm.afpa.example/v1"},
            "joignable, distant (llm.afpa.example), texte pseudonymisé avant envoi",
        ),
    ],
)
def test_doctor_says_whether_text_is_pseudonymised(llm: dict[str, object], attendu: str) -> None:
    settings = load_settings(llm={"provider": "openai_compatible", **llm})
    verification = _llm(settings, lambda url, delai: True)
    assert verification.etat == "ok"
    assert verification.detail == f"openai_compatible {attendu}"


def test_doctor_refuses_a_remote_endpoint_without_the_french_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda nom: None)
    settings = load_settings(llm={"provider": "ollama", "base_url": "http://10.1.2.3:11434"})
    verification = _llm(settings, lambda url, delai: True)
    assert verification.etat == "probleme"
    assert "fr_core_news_sm" in verification.detail and "rien ne sera envoyé" in verification.detail
