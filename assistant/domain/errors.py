"""French messages for validation errors, naming fields by their French titles."""

import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

_TEMPLATES: dict[str, str] = {
    "missing": "est obligatoire",
    "string_too_short": "ne peut pas être vide",
    "string_type": "doit être un texte",
    "int_parsing": "doit être un nombre entier",
    "int_type": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "bool_parsing": "doit être oui ou non",
    "bool_type": "doit être oui ou non",
    "date_parsing": "doit être une date au format AAAA-MM-JJ",
    "date_from_datetime_parsing": "doit être une date au format AAAA-MM-JJ",
    "date_type": "doit être une date au format AAAA-MM-JJ",
    "datetime_parsing": "doit être une date et une heure",
    "datetime_from_date_parsing": "doit être une date et une heure",
    "datetime_type": "doit être une date et une heure",
    "list_type": "doit être une liste",
    "dict_type": "doit être un ensemble de valeurs nommées",
    "model_type": "doit être un ensemble de valeurs nommées",
    "model_attributes_type": "doit être un ensemble de valeurs nommées",
    "extra_forbidden": "n'est pas un champ connu",
    "json_invalid": "le contenu n'est pas du JSON valide",
    "json_type": "le contenu n'est pas du JSON valide",
    "frozen_field": "ne peut pas être modifié",
}


def _phrase(err: ErrorDetails) -> str:
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    value = err.get("input")
    if kind in _TEMPLATES:
        return _TEMPLATES[kind]
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        taille = len(value) if isinstance(value, str) else "?"
        return f"est trop long ({taille} caractères, {ctx.get('max_length')} au plus)"
    if kind == "string_pattern_mismatch":
        return "n'a pas le format attendu"
    if kind == "too_long":
        nombre, maximum = ctx.get("actual_length"), ctx.get("max_length")
        return f"contient trop d'éléments ({nombre}, {maximum} au plus)"
    if kind == "too_short":
        return f"doit contenir au moins {ctx.get('min_length')} élément(s)"
    if kind in ("less_than_equal", "less_than"):
        borne = ctx.get("le", ctx.get("lt"))
        return (
            f"doit être inférieur ou égal à {borne}"
            if kind == "less_than_equal"
            else (f"doit être inférieur à {borne}")
        )
    if kind in ("greater_than_equal", "greater_than"):
        borne = ctx.get("ge", ctx.get("gt"))
        return (
            f"doit être supérieur ou égal à {borne}"
            if kind == "greater_than_equal"
            else (f"doit être supérieur à {borne}")
        )
    if kind in ("enum", "literal_error"):
        attendu = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"« {value} » n'est pas une valeur possible (valeurs possibles : {attendu})"
    if kind == "value_error":
        # ValueError raised by our own validators carries a French sentence.
        return str(err["msg"]).removeprefix("Value error, ")
    if kind not in _PYDANTIC_KINDS:
        # Raised by our own validators (PydanticCustomError), written in French already.
        return err["msg"]
    return "valeur invalide"


_PYDANTIC_KINDS = frozenset(typing.get_args(ErrorType))


def _models_in(annotation: Any) -> Iterable[type[BaseModel]]:
    """BaseModel classes reachable through Optional / list / dict / Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def libelle_chemin(modele: type[BaseModel] | None, loc: tuple[int | str, ...]) -> str:
    """Turn an error location into French field titles: « Expériences n° 2 › Durée en mois »."""
    parties: list[str] = []
    courant = modele
    for element in loc:
        if isinstance(element, int):
            if parties:
                parties[-1] = f"{parties[-1]} n° {element + 1}"
            continue
        champ = courant.model_fields.get(element) if courant is not None else None
        if champ is None:
            parties.append(str(element))
            courant = None
            continue
        parties.append(champ.title or element)
        suivants = list(_models_in(champ.annotation))
        courant = suivants[0] if suivants else None
    return " › ".join(parties)


def message_erreur(err: ErrorDetails, modele: type[BaseModel] | None = None) -> str:
    chemin = libelle_chemin(modele, tuple(err["loc"]))
    phrase = _phrase(err).rstrip(". ")
    phrase = phrase[0].upper() + phrase[1:] if not chemin else phrase
    return f"{chemin} : {phrase}." if chemin else f"{phrase}."


def messages_erreurs(exc: ValidationError, modele: type[BaseModel] | None = None) -> list[str]:
    """Every error of a ValidationError as a French sentence."""
    return [message_erreur(err, modele) for err in exc.errors(include_url=False)]


class DonneesInvalides(ValueError):
    """Raised by application services with the French messages of a failed validation."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages

    @classmethod
    def depuis(
        cls, exc: ValidationError, modele: type[BaseModel] | None = None
    ) -> "DonneesInvalides":
        return cls(messages_erreurs(exc, modele))
