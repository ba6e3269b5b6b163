"""What the step models accept, read from the pydantic models themselves.

The recognisers use it to know the kind of an expected field (yes/no, choice, list, text) and
`est_valide` checks every proposal against the step model before the counsellor sees it, so that
`appliquer` never refuses a proposal of the rule extractor.
"""

import types
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from assistant.domain.labels import libelle_valeur
from assistant.domain.steps import ETAPES, EtapeBase
from assistant.guide.extraction.proposals import Proposition

Genre = Literal[
    "bool",
    "choix",
    "liste_choix",
    "liste_texte",
    "liste_modele",
    "entier",
    "texte",
    "date",
    "autre",
]


def _deplier(annotation: Any) -> Any:
    """Without Annotated[...] and without `| None`."""
    while True:
        origine = get_origin(annotation)
        if origine is Annotated:
            annotation = get_args(annotation)[0]
        elif origine in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _valeurs(annotation: Any) -> tuple[str, ...]:
    annotation = _deplier(annotation)
    if get_origin(annotation) is Literal:
        return tuple(str(v) for v in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(v.value) for v in annotation)
    return ()


def _genre(annotation: Any) -> Genre:
    from datetime import date

    brut = _deplier(annotation)
    if get_origin(brut) is list:
        element = _deplier(get_args(brut)[0])
        if isinstance(element, type) and issubclass(element, BaseModel):
            return "liste_modele"
        return "liste_choix" if _valeurs(element) else "liste_texte"
    if brut is bool:
        return "bool"
    if _valeurs(brut):
        return "choix"
    if brut is int:
        return "entier"
    if brut is str:
        return "texte"
    if brut is date:
        return "date"
    return "autre"


def modele_etape(etape: int) -> type[EtapeBase] | None:
    return ETAPES[etape] if 0 <= etape < len(ETAPES) else None


@lru_cache(maxsize=512)
def genre(modele: type[BaseModel], champ: str) -> Genre:
    info = modele.model_fields.get(champ)
    return "autre" if info is None else _genre(info.annotation)


@lru_cache(maxsize=512)
def valeurs_possibles(modele: type[BaseModel], champ: str) -> tuple[str, ...]:
    """The allowed values of a choice field, or of the items of a list-of-choices field."""
    info = modele.model_fields.get(champ)
    if info is None:
        return ()
    brut = _deplier(info.annotation)
    if get_origin(brut) is list:
        return _valeurs(get_args(brut)[0])
    return _valeurs(brut)


@lru_cache(maxsize=512)
def longueur_max(modele: type[BaseModel], champ: str) -> int:
    """The maximum length of a text field (from its StringConstraints)."""
    info = modele.model_fields.get(champ)
    if info is None:
        return 120
    annotation = info.annotation
    for candidat in (annotation, *get_args(annotation)):
        for meta in (*getattr(candidat, "__metadata__", ()), *info.metadata):
            limite = getattr(meta, "max_length", None)
            if isinstance(limite, int):
                return limite
    return 120


def modele_element(modele: type[BaseModel], champ: str) -> type[BaseModel] | None:
    """The sub-model of a list-of-models field (Experience for `experiences`)."""
    info = modele.model_fields.get(champ)
    if info is None:
        return None
    brut = _deplier(info.annotation)
    if get_origin(brut) is list:
        element = _deplier(get_args(brut)[0])
        if isinstance(element, type) and issubclass(element, BaseModel):
            return element
    return None


def est_valide(proposition: Proposition) -> bool:
    """Whether the step model accepts the proposal (the same check as `appliquer`)."""
    modele = modele_etape(proposition.etape)
    if modele is None or proposition.champ not in modele.champs_questionnables():
        return False
    champ = proposition.champ
    if proposition.mode in ("refus", "non_aborde"):
        donnees: dict[str, Any] = {"reponses_absentes": {champ: proposition.mode}}
        if proposition.valeur is not None:
            return False
    elif proposition.mode == "ajouter":
        if genre(modele, champ) not in ("liste_choix", "liste_texte", "liste_modele"):
            return False
        donnees = {champ: [proposition.valeur]}
    else:
        donnees = {champ: proposition.valeur}
    try:
        modele.model_validate(donnees)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def texte_valeur(modele: type[BaseModel], champ: str, valeur: Any) -> str:
    """The French label of a choice value (lower case, to go inside a sentence)."""
    texte = libelle_valeur(modele, champ, valeur)
    # « À l'oral » too; not an acronym (« CAP ») nor a single letter (« B (voiture) »).
    minuscule = texte[1:2].islower() or texte.startswith("À ")
    return texte[:1].lower() + texte[1:] if minuscule else texte


def vers_dict(valeur: Any) -> Any:
    """A sub-model from `deja_notes` (model or dict) as a JSON-compatible dict."""
    if isinstance(valeur, BaseModel):
        return valeur.model_dump(mode="json")
    return valeur
