"""A richer feedback from a language model, on the same grid, with the offline grid as safety net.

The model is asked for a JSON object mirroring the grid and its answer is validated with pydantic
(`GrilleLLM`: known criteria, each once, note 1–4, short observation and tip). JSON read from the
text answer rather than `with_structured_output`: it works the same with a local llama.cpp server,
with the pseudonymising gateway (which exchanges text) and with the test fakes. Anything wrong —
an exception, an empty or malformed answer, a note out of range — gives the offline grid and a
French message saying why. LangChain is imported only when a bare chat model is called.
"""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, runtime_checkable

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from assistant.domain.base import nettoyer_texte
from assistant.domain.errors import messages_erreurs
from assistant.domain.simulation import CritereSimulation, TypeEmployeur
from assistant.simulation import analyse as a
from assistant.simulation.conduite import Replique, Simulation, texte_transcription
from assistant.simulation.criteres import CRITERES, NON_OBSERVABLES
from assistant.simulation.fichiers import charger_banque, charger_feedback
from assistant.simulation.grille import (
    GrilleFeedback,
    NoteCritere,
    noter_simulation,
    trier_criteres,
)
from assistant.simulation.poste import PosteCible

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

_Texte = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class CritereLLM(BaseModel):
    """One criterion as the model must return it."""

    model_config = ConfigDict(extra="ignore")

    critere: CritereSimulation
    note: Annotated[int, Field(ge=1, le=4, strict=False)]
    observation: _Texte
    conseil: _Texte


class GrilleLLM(BaseModel):
    """The grid schema the model's answer is validated against."""

    model_config = ConfigDict(extra="ignore")

    criteres: Annotated[list[CritereLLM], Field(min_length=1, max_length=len(CRITERES))]

    @field_validator("criteres")
    @classmethod
    def _uniques(cls, value: list[CritereLLM]) -> list[CritereLLM]:
        noms = [c.critere for c in value]
        if len(noms) != len(set(noms)):
            raise ValueError("chaque critère ne peut être noté qu'une fois")
        return value


@runtime_checkable
class Passerelle(Protocol):
    """The pseudonymising gateway (`assistant.llm.gateway.PasserelleLLM`)."""

    def invoquer(self, messages: list[tuple[str, str]], *, dossier_id: str) -> Any: ...


@dataclass(frozen=True)
class ResultatFeedback:
    """The grid to show and a French message on where it comes from."""

    grille: GrilleFeedback
    message: str
    source: Literal["llm", "regles"]


class ReponseInexploitable(Exception):
    """The model's answer cannot be used; the message is the French reason."""


def construire_messages(
    transcription: Sequence[Replique],
    poste: PosteCible,
    type_employeur: TypeEmployeur,
    a_noter: Sequence[CritereSimulation],
) -> list[tuple[str, str]]:
    """System and user messages (role, content) asking for the grid of `a_noter`."""
    textes = charger_feedback()
    criteres = "\n".join(
        f"- {c} ({textes.criteres[c].libelle}) : {textes.criteres[c].description}" for c in a_noter
    )
    consigne = textes.llm.consigne.format(
        poste=poste.intitule,
        employeur=charger_banque().employeurs[type_employeur].libelle,
        echelle=textes.echelle,
        criteres=criteres,
        transcription=texte_transcription(transcription),
    )
    return [("system", textes.llm.systeme), ("user", consigne)]


def lire_reponse(texte: str) -> GrilleLLM:
    """The grid in the model's answer (JSON, possibly inside a ``` block or surrounded by words).

    Raises ReponseInexploitable with the French reason.
    """
    brut = (texte or "").strip()
    if not brut:
        raise ReponseInexploitable("le modèle a renvoyé une réponse vide")
    bloc = re.search(r"```(?:json)?\s*(.*?)```", brut, re.DOTALL)
    if bloc:
        brut = bloc.group(1).strip()
    debut, fin = brut.find("{"), brut.rfind("}")
    if debut < 0 or fin <= debut:
        raise ReponseInexploitable("la réponse du modèle n'était pas au format JSON attendu")
    try:
        donnees = json.loads(brut[debut : fin + 1])
    except json.JSONDecodeError:
        raise ReponseInexploitable(
            "la réponse du modèle n'était pas au format JSON attendu"
        ) from None
    try:
        return GrilleLLM.model_validate(donnees)
    except ValidationError as exc:
        if any(e["type"] in ("less_than_equal", "greater_than_equal") for e in exc.errors()):
            raise ReponseInexploitable(
                "le modèle a donné une note hors de l'échelle de 1 à 4"
            ) from None
        detail = messages_erreurs(exc)[0].rstrip(".")
        raise ReponseInexploitable(
            f"la réponse du modèle ne respectait pas la grille ({detail})"
        ) from None


def _appeler(
    modele: "BaseChatModel | Passerelle", messages: list[tuple[str, str]], dossier_id: str
) -> str:
    if isinstance(modele, Passerelle):
        return str(modele.invoquer(messages, dossier_id=dossier_id).texte)
    from langchain_core.messages import HumanMessage, SystemMessage

    reponse = modele.invoke(
        [
            SystemMessage(content=c) if r == "system" else HumanMessage(content=c)
            for r, c in messages
        ]
    )
    contenu = reponse.content
    if isinstance(contenu, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in contenu)
    return str(contenu)


def _raison_exception(exc: Exception) -> str:
    # Only our own French messages are shown: a server's error text may echo the transcript.
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message.rstrip(".")
    return "le modèle de langage n'a pas répondu"


def feedback_llm(
    transcription: Sequence[Replique],
    poste: PosteCible,
    chat_model: "BaseChatModel | Passerelle",
    *,
    type_employeur: TypeEmployeur,
    secours: GrilleFeedback,
    dossier_id: str = "simulation",
) -> ResultatFeedback:
    """The model's grid, validated; `secours` (the offline grid) when anything goes wrong.

    Criteria the model cannot see (greeting, non-verbal) and a declined gap question keep the
    offline treatment; observable criteria the model left out, or whose texts speak of the case,
    are taken from the offline grid and named in the message.
    """
    textes = charger_feedback()
    non_notables = {n.critere for n in secours.non_notes if n.raison != "non_aborde"}
    a_noter = [c for c in CRITERES if c not in NON_OBSERVABLES and c not in non_notables]
    messages = construire_messages(transcription, poste, type_employeur, a_noter)
    try:
        grille_llm = lire_reponse(_appeler(chat_model, messages, dossier_id))
    except ReponseInexploitable as exc:
        return _secours(secours, str(exc))
    except Exception as exc:  # a provider can raise anything; the offline grid is always there
        return _secours(secours, _raison_exception(exc))

    recus = {c.critere: c for c in grille_llm.criteres if c.critere in a_noter}
    notes: list[NoteCritere] = []
    completes: list[CritereSimulation] = []
    for critere in a_noter:
        c = recus.get(critere)
        # The feedback never comments on the case (rule A.1): such a text is not shown.
        if c is None or a.AFFAIRE.present(f"{c.observation} {c.conseil}"):
            hors_ligne = secours.note(critere)
            if hors_ligne is not None:
                notes.append(hors_ligne)
                completes.append(critere)
            continue
        notes.append(
            NoteCritere(
                critere=critere,
                note_1_4=c.note,
                observation=nettoyer_texte(c.observation),
                conseil=nettoyer_texte(c.conseil),
                regle="llm",
                source="llm",
            )
        )
    if not any(n.source == "llm" for n in notes):
        return _secours(secours, "le modèle n'a noté aucun des critères demandés")
    gardes = tuple(n for n in secours.non_notes if n.critere not in {x.critere for x in notes})
    message = (
        f"{textes.bandeau} Retour proposé par le modèle de langage, à relire avec la personne ; "
        "vous pouvez modifier chaque note."
    )
    if completes:
        noms = ", ".join(textes.criteres[c].libelle for c in completes)
        message += f" Critères repris des règles simples : {noms}."
    return ResultatFeedback(
        GrilleFeedback(trier_criteres(notes), gardes, secours.bandeau), message, "llm"
    )


def _secours(secours: GrilleFeedback, raison: str) -> ResultatFeedback:
    bandeau = charger_feedback().bandeau
    return ResultatFeedback(
        secours,
        f"{bandeau} Le retour du modèle de langage n'a pas pu être utilisé : {raison}. "
        "Voici la grille calculée sur ce poste avec des règles simples.",
        "regles",
    )


def feedback_simulation(
    simulation: Simulation,
    chat_model: "BaseChatModel | Passerelle | None",
    *,
    dossier_id: str = "simulation",
) -> ResultatFeedback:
    """The feedback of a simulation: the model's when one is configured, else the offline grid."""
    secours = noter_simulation(simulation)
    if chat_model is None:
        bandeau = charger_feedback().bandeau
        return ResultatFeedback(
            secours, f"{bandeau} Grille calculée sur ce poste avec des règles simples.", "regles"
        )
    return feedback_llm(
        simulation.transcription,
        simulation.plan.poste,
        chat_model,
        type_employeur=simulation.plan.type_employeur,
        secours=secours,
        dossier_id=dossier_id,
    )
