"""The only way text reaches a language model.

Text for an endpoint that is not on this machine (or always, with `toujours_pseudonymiser`) is
pseudonymised first and the answer restored here; the mapping stays in the encrypted vault.
If the pseudonymiser cannot be built, nothing is sent to a remote endpoint.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.config import LLMSettings
from assistant.llm.correspondances import Correspondances, coupure_sure, restaurer
from assistant.llm.endpoints import envoi_local, est_local
from assistant.llm.errors import (
    EnvoiRefuse,
    aucun_modele,
    reponse_vide,
    traduire_erreur,
)
from assistant.llm.pseudonymisation import PseudonymisationIndisponible, obtenir_pseudonymiseur

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

__all__ = ["JournalAppels", "PasserelleLLM", "ReponseLLM", "est_local"]

# Told to the model whenever it receives placeholders, so that it copies them unchanged.
CONSIGNE_JETONS = (
    "Le texte contient des jetons entre crochets comme [PERSONNE_1] ou [LIEU_2] qui remplacent "
    "des informations personnelles. Recopiez-les exactement tels quels quand vous en avez "
    "besoin et n'inventez jamais de nouveaux jetons."
)


class OutilPseudonymisation(Protocol):
    """What the gateway needs of `Pseudonymiseur` (a test double may stand in for it)."""

    def pseudonymiser(
        self, texte: str, correspondances: Correspondances
    ) -> tuple[str, Correspondances]: ...


class DepotCorrespondances(Protocol):
    """Where a dossier's mapping is kept (the vault, see `assistant.storage.pseudonyms`)."""

    def charger(self, dossier_id: str) -> Correspondances: ...

    def enregistrer(self, dossier_id: str, correspondances: Correspondances) -> None: ...


class JournalAppels(Protocol):
    """The audit journal (`assistant.storage.journal.Journal`): event facts only, no text."""

    def ajouter(
        self,
        evenement: Literal["appel_llm"],
        *,
        dossier_id: str | None = None,
        **details: str | int | bool | None,
    ) -> None: ...


@dataclass(frozen=True)
class ReponseLLM:
    """A restored answer and the placeholders the model used that were never given."""

    texte: str
    jetons_inconnus: list[str] = field(default_factory=list)


def _message(role: str, contenu: str) -> "BaseMessage":
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    if role == "system":
        return SystemMessage(content=contenu)
    if role in ("assistant", "ai"):
        return AIMessage(content=contenu)
    return HumanMessage(content=contenu)


def _texte(contenu: object) -> str:
    """Text of a message or chunk; some providers send a list of typed parts."""
    if isinstance(contenu, str):
        return contenu
    if isinstance(contenu, list):
        return "".join(
            p if isinstance(p, str) else str(p.get("text", "")) if isinstance(p, dict) else ""
            for p in contenu
        )
    return ""


class PasserelleLLM:
    """Sends role/content messages to the configured model, pseudonymising when it is remote."""

    def __init__(
        self,
        settings: LLMSettings,
        modele: "BaseChatModel | None",
        correspondances_repo: DepotCorrespondances | None = None,
        journal: JournalAppels | None = None,
        *,
        pseudonymiseur: Callable[[], OutilPseudonymisation] = obtenir_pseudonymiseur,
    ) -> None:
        self._settings = settings
        self._modele = modele
        self._depot = correspondances_repo
        self._journal = journal
        self._pseudonymiseur = pseudonymiseur
        # Without a repository (tests, demo) the mapping lives as long as this object.
        self._en_memoire: dict[str, Correspondances] = {}
        self.jetons_inconnus: list[str] = []

    @property
    def local(self) -> bool:
        """True when the endpoint is on this machine (text goes as is)."""
        return envoi_local(self._settings)

    @property
    def pseudonymise(self) -> bool:
        """True when text is pseudonymised before it leaves."""
        return self._settings.toujours_pseudonymiser or not self.local

    def _correspondances(self, dossier_id: str) -> Correspondances:
        if self._depot is not None:
            return self._depot.charger(dossier_id)
        return self._en_memoire.get(dossier_id, Correspondances())

    def _garder(self, dossier_id: str, correspondances: Correspondances) -> None:
        if self._depot is not None:
            self._depot.enregistrer(dossier_id, correspondances)
        else:
            self._en_memoire[dossier_id] = correspondances

    def _preparer(
        self, messages: list[tuple[str, str]], dossier_id: str
    ) -> tuple[list["BaseMessage"], Correspondances]:
        """The messages as they will leave, and the mapping to restore the answer."""
        if self._modele is None:
            raise aucun_modele()
        if not self.pseudonymise:
            return [_message(r, c) for r, c in messages], Correspondances()
        try:
            outil = self._pseudonymiseur()
        except PseudonymisationIndisponible as exc:
            raise EnvoiRefuse(
                f"Le texte n'a pas été envoyé au serveur distant : {exc.message}"
            ) from None
        correspondances = self._correspondances(dossier_id)
        sortants = [_message("system", CONSIGNE_JETONS)]
        for role, contenu in messages:
            texte, correspondances = outil.pseudonymiser(contenu, correspondances)
            sortants.append(_message(role, texte))
        # Saved before sending, so that the answer can always be restored.
        self._garder(dossier_id, correspondances)
        return sortants, correspondances

    def _noter(self, dossier_id: str) -> None:
        if self._journal is not None:
            self._journal.ajouter(
                "appel_llm",
                dossier_id=dossier_id,
                fournisseur=self._settings.provider,
                local=self.local,
                pseudonymise=self.pseudonymise,
            )

    def invoquer(self, messages: list[tuple[str, str]], *, dossier_id: str) -> ReponseLLM:
        """The whole answer, restored. Raises LLMIndisponible with a French message."""
        sortants, correspondances = self._preparer(messages, dossier_id)
        assert self._modele is not None  # checked by _preparer
        self._noter(dossier_id)
        try:
            reponse = self._modele.invoke(sortants)
        except Exception as exc:
            raise traduire_erreur(exc, self._settings) from None
        brut = _texte(reponse.content)
        if not brut.strip():
            raise reponse_vide(self._settings)
        texte, inconnus = restaurer(brut, correspondances)
        self.jetons_inconnus = inconnus
        return ReponseLLM(texte, inconnus)

    def diffuser(self, messages: list[tuple[str, str]], *, dossier_id: str) -> Iterator[str]:
        """Restored pieces of the answer as they arrive; `jetons_inconnus` is set at the end.

        A placeholder cut between two pieces is held back until it is complete.
        """
        sortants, correspondances = self._preparer(messages, dossier_id)
        assert self._modele is not None
        return self._diffuser(sortants, correspondances, dossier_id)

    def _diffuser(
        self, sortants: list["BaseMessage"], correspondances: Correspondances, dossier_id: str
    ) -> Iterator[str]:
        self.jetons_inconnus = []
        inconnus: list[str] = []
        attente = ""
        recu = False
        self._noter(dossier_id)
        flux = self._modele.stream(sortants)  # type: ignore[union-attr]
        while True:
            try:
                morceau = next(flux)
            except StopIteration:
                break
            except ValueError as exc:
                # langchain_core's own error when a stream ends without a single chunk.
                if not recu and "generation chunks" in str(exc):
                    raise reponse_vide(self._settings) from None
                raise traduire_erreur(exc, self._settings) from None
            except Exception as exc:
                raise traduire_erreur(exc, self._settings) from None
            attente += _texte(morceau.content)
            coupure = coupure_sure(attente)
            if coupure:
                pret, attente = attente[:coupure], attente[coupure:]
                recu = recu or bool(pret.strip())
                texte, nouveaux = restaurer(pret, correspondances)
                inconnus += [j for j in nouveaux if j not in inconnus]
                yield texte
        if attente:
            recu = recu or bool(attente.strip())
            texte, nouveaux = restaurer(attente, correspondances)
            inconnus += [j for j in nouveaux if j not in inconnus]
            yield texte
        self.jetons_inconnus = inconnus
        if not recu:
            raise reponse_vide(self._settings)
