"""LLM failures as French sentences for the counsellor; never a traceback."""

from assistant.config import LLMSettings
from assistant.llm.endpoints import adresse_effective

SANS_LUI = "Le brouillon est rédigé sans lui, à partir des modèles de phrases."


class LLMIndisponible(Exception):
    """The model could not be used; `message` says why and what happens next, in French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EnvoiRefuse(LLMIndisponible):
    """Nothing was sent: clear text would have left for a remote endpoint."""


def _secondes(valeur: float) -> str:
    texte = f"{valeur:g}"
    return texte.replace(".", ",")


def _ou(settings: LLMSettings) -> str:
    return adresse_effective(settings) or f"« {settings.provider} »"


def _statut(exc: BaseException) -> int | None:
    for nom in ("status_code", "status"):
        valeur = getattr(exc, nom, None)
        if isinstance(valeur, int):
            return valeur
    reponse = getattr(exc, "response", None)
    valeur = getattr(reponse, "status_code", None)
    return valeur if isinstance(valeur, int) else None


def _chaine(exc: BaseException) -> list[BaseException]:
    """The exception and its causes: SDKs wrap httpx errors, which wrap socket errors."""
    vues: list[BaseException] = []
    courante: BaseException | None = exc
    while courante is not None and courante not in vues and len(vues) < 10:
        vues.append(courante)
        courante = courante.__cause__ or courante.__context__
    return vues


def _noms(chaine: list[BaseException]) -> set[str]:
    return {classe.__name__ for exc in chaine for classe in type(exc).__mro__}


def _cause(exc: BaseException, settings: LLMSettings) -> str:
    chaine = _chaine(exc)
    noms = _noms(chaine)
    # Only class names and status codes are read: server messages may echo the text sent.
    if noms & {"TimeoutError", "TimeoutException", "APITimeoutError", "ReadTimeout"}:
        return f"délai de {_secondes(settings.timeout_seconds)} s dépassé"
    statut = next((s for s in map(_statut, chaine) if s is not None), None)
    modele = settings.model or "par défaut"
    if statut in (401, 403) or "AuthenticationError" in noms:
        return "accès refusé : vérifiez la clé d'accès [llm] api_key"
    if statut == 404 or "NotFoundError" in noms:
        return f"modèle « {modele} » introuvable sur ce serveur : vérifiez [llm] model"
    if statut == 429:
        return "serveur saturé, trop de demandes en cours"
    if statut is not None and statut >= 500:
        return f"erreur du serveur, code HTTP {statut}"
    if statut is not None and statut >= 400:
        return f"demande refusée par le serveur, code HTTP {statut}"
    if noms & {"ConnectionRefusedError", "ConnectError", "APIConnectionError", "ConnectionError"}:
        return "connexion impossible : le serveur n'est pas démarré ou l'adresse est fausse"
    if noms & {"OSError", "NetworkError", "RemoteProtocolError"}:
        return "la connexion au serveur a été coupée"
    return f"erreur inattendue {type(exc).__name__}"


def traduire_erreur(exc: BaseException, settings: LLMSettings) -> LLMIndisponible:
    """Turn any provider failure into an `LLMIndisponible` with a French sentence."""
    if isinstance(exc, LLMIndisponible):
        return exc
    return LLMIndisponible(
        f"Le modèle de langage ne répond pas à {_ou(settings)} ({_cause(exc, settings)}). "
        f"{SANS_LUI}"
    )


def reponse_vide(settings: LLMSettings) -> LLMIndisponible:
    """The endpoint answered, but with no text."""
    return LLMIndisponible(
        f"Le modèle de langage à {_ou(settings)} a renvoyé une réponse vide. {SANS_LUI}"
    )


def aucun_modele() -> LLMIndisponible:
    """No provider configured ([llm] provider = "none")."""
    return LLMIndisponible(
        "Aucun modèle de langage n'est configuré (réglage par défaut, tout reste sur cet "
        f"ordinateur). {SANS_LUI}"
    )
