"""Provider factory and French error messages (no server, no real model)."""

import httpx
import openai
import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_openai import ChatOpenAI

from assistant.config import LLMSettings
from assistant.llm.endpoints import envoi_local, est_local
from assistant.llm.errors import LLMIndisponible, reponse_vide, traduire_erreur
from assistant.llm.factory import REPONSE_FACTICE, charger_modele

pytestmark = pytest.mark.unit
URL = "http://10.0.0.5:8080/v1"


def _settings(**valeurs: object) -> LLMSettings:
    return LLMSettings.model_validate(valeurs)


def test_no_provider_means_no_model() -> None:
    assert charger_modele(_settings()) is None


def test_fake_provider_answers_something_harmless() -> None:
    modele = charger_modele(_settings(provider="fake"))
    assert isinstance(modele, FakeListChatModel)
    assert modele.invoke("Bonjour").content == REPONSE_FACTICE


def test_openai_compatible_is_configured_from_the_settings() -> None:
    modele = charger_modele(
        _settings(provider="openai_compatible", base_url=URL, model="mistral", timeout_seconds=7)
    )
    assert isinstance(modele, ChatOpenAI)
    assert (modele.openai_api_base, modele.model_name) == (URL, "mistral")
    assert (modele.temperature, modele.request_timeout, modele.max_retries) == (0, 7, 0)
    assert modele.openai_api_key is not None
    assert modele.openai_api_key.get_secret_value() == "sans-cle"


def test_the_answer_length_is_bounded_with_the_key_every_server_reads() -> None:
    modele = charger_modele(
        _settings(provider="openai_compatible", base_url=URL, model="m", max_tokens=200)
    )
    assert isinstance(modele, ChatOpenAI)
    charge = modele._get_request_payload([("user", "Bonjour")], stream=True)
    # llama.cpp's server reads `max_tokens`; ChatOpenAI's own field is sent under a newer key.
    assert charge["extra_body"] == {"max_tokens": 200}
    assert "max_completion_tokens" not in charge


def test_ollama_needs_a_model_name_and_says_so_in_french() -> None:
    with pytest.raises(LLMIndisponible, match="renseignez \\[llm\\] model"):
        charger_modele(_settings(provider="ollama"))
    modele = charger_modele(_settings(provider="ollama", model="qwen2.5"))
    assert modele is not None and modele.model == "qwen2.5"  # type: ignore[attr-defined]
    assert modele.base_url == "http://127.0.0.1:11434"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "hotes", "attendu"),
    [
        ("http://127.0.0.1:8080/v1", ["127.0.0.1", "localhost", "::1"], True),
        ("http://LOCALHOST:11434", ["127.0.0.1", "localhost"], True),
        ("http://[::1]:8080/v1", ["::1"], True),
        ("http://127.0.0.1:8080/v1", [], False),
        ("https://llm.afpa.example/v1", ["127.0.0.1"], False),
        ("https://llm.afpa.example/v1", ["llm.afpa.example"], True),
        (None, ["127.0.0.1"], False),
        ("pas une adresse", ["127.0.0.1"], False),
    ],
)
def test_est_local(url: str | None, hotes: list[str], attendu: bool) -> None:
    assert est_local(url, hotes) is attendu


def test_default_openai_endpoint_is_remote_and_default_ollama_is_local() -> None:
    assert not envoi_local(_settings(provider="openai_compatible"))
    assert envoi_local(_settings(provider="ollama", model="m"))
    assert envoi_local(_settings(provider="fake"))


def _requete() -> httpx.Request:
    return httpx.Request("POST", URL + "/chat/completions")


def _statut(code: int) -> openai.APIStatusError:
    reponse = httpx.Response(code, request=_requete(), json={"error": "Karim Benali"})
    classes = {401: openai.AuthenticationError, 404: openai.NotFoundError}
    classe = classes.get(code, openai.InternalServerError if code >= 500 else openai.APIStatusError)
    return classe("Karim Benali", response=reponse, body=None)


def _cause_socket() -> Exception:
    """An SDK error wrapping httpx's, wrapping the socket's, as raised for real."""
    try:
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except ConnectionRefusedError as refus:
            raise httpx.ConnectError("refused") from refus
    except httpx.ConnectError as exc:
        erreur = openai.APIConnectionError(request=_requete())
        erreur.__cause__ = exc
        return erreur
    raise AssertionError("unreachable")


@pytest.mark.parametrize(
    ("erreur", "attendu"),
    [
        (openai.APITimeoutError(request=_requete()), "délai de 60 s dépassé"),
        (httpx.ReadTimeout("lent"), "délai de 60 s dépassé"),
        (TimeoutError(), "délai de 60 s dépassé"),
        (_cause_socket(), "connexion impossible : le serveur n'est pas démarré"),
        (ConnectionRefusedError(111, "refused"), "connexion impossible"),
        (_statut(401), "accès refusé : vérifiez la clé d'accès"),
        (_statut(404), "modèle « mistral » introuvable sur ce serveur"),
        (_statut(503), "erreur du serveur, code HTTP 503"),
        (_statut(400), "demande refusée par le serveur, code HTTP 400"),
        (ValueError("Karim Benali"), "erreur inattendue ValueError"),
    ],
)
def test_errors_become_one_french_sentence(erreur: Exception, attendu: str) -> None:
    settings = _settings(provider="openai_compatible", base_url=URL, model="mistral")
    message = traduire_erreur(erreur, settings).message
    assert message.startswith(f"Le modèle de langage ne répond pas à {URL} (")
    assert attendu in message
    assert message.endswith("Le brouillon est rédigé sans lui, à partir des modèles de phrases.")
    assert "Karim" not in message and "Traceback" not in message  # server text is never echoed


def test_timeout_with_decimals_and_empty_answer() -> None:
    settings = _settings(provider="openai_compatible", base_url=URL, timeout_seconds=1.5)
    assert "délai de 1,5 s dépassé" in traduire_erreur(TimeoutError(), settings).message
    assert "a renvoyé une réponse vide" in reponse_vide(settings).message
    deja = LLMIndisponible("déjà en français")
    assert traduire_erreur(deja, settings) is deja
