"""Describe the fields of the step models so that an interface can build a form for any of them.

The kinds are few on purpose: yes/no, one choice, several choices, number, date, text, list of
texts, and list of items (sub-models such as an experience or a barrier).
"""

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assistant.domain.labels import libelle_valeur
from assistant.domain.steps import ETAPES

_ENTIER = re.compile(r"-?[0-9]{1,18}")

Genre = Literal["oui_non", "choix", "choix_multiples", "nombre", "date", "texte", "textes", "items"]


@dataclass(frozen=True)
class DescriptionChamp:
    nom: str
    titre: str
    genre: Genre
    obligatoire: bool = False
    choix: tuple[tuple[str, str], ...] = ()
    """(value, French label) for choice kinds."""
    longueur_max: int | None = None
    bornes: tuple[int | None, int | None] = (None, None)
    sous_champs: tuple["DescriptionChamp", ...] = ()
    """For `items`: the fields of one item."""
    aide: str | None = None


def _sans_optionnel(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or isinstance(annotation, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _deplier(annotation: Any) -> tuple[Any, list[Any]]:
    """The bare type and the metadata of Annotated layers."""
    metadata: list[Any] = []
    annotation = _sans_optionnel(annotation)
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], metadata + list(args[1:])
        annotation = _sans_optionnel(annotation)
    return annotation, metadata


def _choix(modele: type[BaseModel], champ: str, annotation: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        valeurs = [m.value for m in annotation]
    else:
        valeurs = list(typing.get_args(annotation))
    return tuple((str(v), libelle_valeur(modele, champ, v)) for v in valeurs)


def _est_choix(annotation: Any) -> bool:
    return typing.get_origin(annotation) is Literal or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    )


def _longueur(metadata: list[Any], info: FieldInfo) -> int | None:
    for meta in [*metadata, *info.metadata]:
        longueur = getattr(meta, "max_length", None)
        if isinstance(longueur, int):
            return longueur
    return None


def decrire(modele: type[BaseModel], nom: str) -> DescriptionChamp:
    """How to edit one field of a model."""
    info = modele.model_fields[nom]
    titre = info.title or nom
    annotation, metadata = _deplier(info.annotation)
    obligatoire = info.is_required()
    if typing.get_origin(annotation) is list:
        (element,) = typing.get_args(annotation)
        element, element_meta = _deplier(element)
        if isinstance(element, type) and issubclass(element, BaseModel):
            sous = tuple(decrire(element, n) for n in element.model_fields)
            return DescriptionChamp(nom, titre, "items", obligatoire, sous_champs=sous)
        if _est_choix(element):
            return DescriptionChamp(
                nom, titre, "choix_multiples", obligatoire, _choix(modele, nom, element)
            )
        return DescriptionChamp(
            nom,
            titre,
            "textes",
            obligatoire,
            longueur_max=_longueur(element_meta, info),
            aide="Un élément par ligne.",
        )
    if annotation is bool:
        return DescriptionChamp(
            nom, titre, "oui_non", obligatoire, (("oui", "Oui"), ("non", "Non"))
        )
    if _est_choix(annotation):
        return DescriptionChamp(nom, titre, "choix", obligatoire, _choix(modele, nom, annotation))
    if annotation is int:
        bas = next((m.ge for m in [*metadata, *info.metadata] if hasattr(m, "ge")), None)
        haut = next((m.le for m in [*metadata, *info.metadata] if hasattr(m, "le")), None)
        return DescriptionChamp(nom, titre, "nombre", obligatoire, bornes=(bas, haut))
    if annotation is dt.date:
        return DescriptionChamp(nom, titre, "date", obligatoire, aide="Format JJ/MM/AAAA.")
    return DescriptionChamp(
        nom,
        titre,
        "texte",
        obligatoire,
        longueur_max=_longueur(metadata, info),
        aide=info.description,
    )


def champs_etape(numero: int) -> list[DescriptionChamp]:
    """The editable fields of a step, in the model's order."""
    modele = ETAPES[numero]
    return [decrire(modele, nom) for nom in modele.champs_questionnables()]


def lire_date(texte: str) -> str | None:
    """Accept JJ/MM/AAAA (what the counsellor types) or AAAA-MM-JJ; return ISO or None."""
    texte = texte.strip()
    if not texte:
        return None
    for format_ in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(texte, format_).date().isoformat()
        except ValueError:
            continue
    return texte  # left to the model's validation, which explains the expected format


def valeur_saisie(description: DescriptionChamp, brut: Any) -> Any:
    """Turn what a form widget holds into the value the model validates."""
    if description.genre == "oui_non":
        return {"oui": True, "non": False}.get(brut) if isinstance(brut, str) else brut
    if description.genre == "date":
        return lire_date(brut) if isinstance(brut, str) else brut
    if description.genre == "nombre":
        if isinstance(brut, str):
            brut = brut.strip()
            # ASCII digits only: str.isdigit() also accepts « ² » or « ٣ », which int() refuses
            # or reads as another number; such text is left to the model, which explains.
            return int(brut) if _ENTIER.fullmatch(brut) else (brut or None)
        return brut
    if description.genre == "textes":
        lignes = brut.splitlines() if isinstance(brut, str) else list(brut or [])
        return [ligne.strip() for ligne in lignes if ligne.strip()]
    if description.genre == "texte":
        return (brut.strip() or None) if isinstance(brut, str) else brut
    return brut
