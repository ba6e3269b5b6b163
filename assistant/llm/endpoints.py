"""Where an LLM endpoint is, and whether it counts as this machine (no heavy imports)."""

from urllib.parse import urlparse

from assistant.config import LLMSettings

OLLAMA_PAR_DEFAUT = "http://127.0.0.1:11434"
OPENAI_PAR_DEFAUT = "https://api.openai.com/v1"


def adresse_effective(settings: LLMSettings) -> str | None:
    """The URL the provider will really call (its library default when none is set)."""
    if settings.base_url:
        return settings.base_url
    if settings.provider == "ollama":
        return OLLAMA_PAR_DEFAUT
    if settings.provider == "openai_compatible":
        return OPENAI_PAR_DEFAUT
    return None


def est_local(base_url: str | None, local_hosts: list[str]) -> bool:
    """True when the URL's host is one of `local_hosts` (loopback by default).

    Only the configured list counts: an empty list makes even 127.0.0.1 remote, which is how a
    deployment asks for pseudonymisation everywhere. A URL without a host is never local.
    """
    if not base_url:
        return False
    try:
        hote = urlparse(base_url).hostname
    except ValueError:
        return False
    if not hote:
        return False
    locaux = {h.strip().strip("[]").lower() for h in local_hosts}
    return hote.lower() in locaux


def envoi_local(settings: LLMSettings) -> bool:
    """True when text for this provider never leaves the machine."""
    if settings.provider in ("none", "fake"):
        return True
    return est_local(adresse_effective(settings), settings.local_hosts)
