"""Chat-model provider factory keyed by `[llm] provider`; each provider imported lazily."""

from typing import TYPE_CHECKING

from assistant.config import LLMSettings
from assistant.llm.errors import SANS_LUI, LLMIndisponible

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

REPONSE_FACTICE = (
    "Réponse du modèle factice de démonstration : aucun modèle de langage n'a été appelé."
)


def _sans_modele(settings: LLMSettings) -> LLMIndisponible:
    return LLMIndisponible(
        f"Aucun modèle n'est indiqué pour le fournisseur « {settings.provider} » : renseignez "
        f"[llm] model dans le fichier de configuration. {SANS_LUI}"
    )


def charger_modele(settings: LLMSettings) -> "BaseChatModel | None":
    """The chat model the settings describe, or None when no LLM is configured.

    Building a model does not contact the server; failures surface at the first call.
    """
    if settings.provider == "none":
        return None
    if settings.provider == "fake":
        from langchain_core.language_models.fake_chat_models import FakeListChatModel

        return FakeListChatModel(responses=[REPONSE_FACTICE])
    cle = settings.api_key.get_secret_value() if settings.api_key else "sans-cle"
    if settings.provider == "openai_compatible":
        from langchain_openai import ChatOpenAI

        # No retry: the counsellor waits at most the configured delay, as the message says.
        return ChatOpenAI(
            base_url=settings.base_url,
            model=settings.model or "default",
            api_key=cle,
            temperature=0,
            # The classic `max_tokens` key: llama.cpp's server ignores the newer
            # `max_completion_tokens` that ChatOpenAI sends for its own `max_tokens`.
            extra_body={"max_tokens": settings.max_tokens},
            timeout=settings.timeout_seconds,
            max_retries=0,
        )
    if settings.provider == "ollama":
        if not settings.model:
            raise _sans_modele(settings)
        from langchain_ollama import ChatOllama

        from assistant.llm.endpoints import adresse_effective

        entetes = {"Authorization": f"Bearer {cle}"} if settings.api_key else {}
        return ChatOllama(
            base_url=adresse_effective(settings),
            model=settings.model,
            temperature=0,
            num_predict=settings.max_tokens,
            client_kwargs={"timeout": settings.timeout_seconds, "headers": entetes},
        )
    raise LLMIndisponible(f"Fournisseur « {settings.provider} » inconnu. {SANS_LUI}")
