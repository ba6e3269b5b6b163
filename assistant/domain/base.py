"""Shared building blocks of the domain models: the base class and the constrained text types."""

import re
import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

# Control characters other than tab and newline come from bad pastes and break exports; so do
# the noncharacters U+FFFE and U+FFFF (not XML characters: the DOCX export refuses them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def nettoyer_texte(value: Any) -> Any:
    """Normalise pasted text (NFC, no control characters, trimmed); refuse undecodable bytes."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise PydanticCustomError(
                "texte_illisible",
                "Ce texte n'est pas en UTF-8 : il contient des caractères illisibles. "
                "Copiez-le à nouveau depuis sa source ou retapez-le.",
            ) from None
    if not isinstance(value, str):
        return value
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise PydanticCustomError(
            "texte_illisible",
            "Ce texte contient des caractères illisibles (encodage autre que UTF-8). "
            "Copiez-le à nouveau depuis sa source ou retapez-le.",
        )
    # Remove first, then normalise: a control character between a letter and its combining
    # accent would otherwise leave the pair decomposed (not NFC, and not stable on re-cleaning).
    return unicodedata.normalize("NFC", _CONTROL.sub("", value)).strip()


def _majuscules(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


_Nettoye = BeforeValidator(nettoyer_texte)

Libelle = Annotated[str, _Nettoye, StringConstraints(min_length=1, max_length=120)]
"""A short label: a diploma, a skill, a job title, an item of a list."""
TexteCourt = Annotated[str, _Nettoye, StringConstraints(min_length=1, max_length=200)]
TexteMoyen = Annotated[str, _Nettoye, StringConstraints(min_length=1, max_length=300)]
TexteLong = Annotated[str, _Nettoye, StringConstraints(min_length=1, max_length=1000)]
TexteRedige = Annotated[str, _Nettoye, StringConstraints(min_length=1, max_length=20000)]
"""Drafted documents (synthesis, report); long, but bounded so that a runaway paste is refused."""

CodeRome = Annotated[
    str,
    BeforeValidator(_majuscules),
    StringConstraints(pattern=r"^[A-N][0-9]{4}$"),
    Field(description="Code de fiche ROME 4.0, par exemple F1703."),
]
CodeRegion = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{2}$"), Field(description="Code INSEE de région")
]
CodeDepartement = Annotated[
    str,
    BeforeValidator(_majuscules),
    StringConstraints(pattern=r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$"),
    Field(description="Code INSEE de département"),
]
Annee = Annotated[int, Field(ge=1940, le=2100)]
Echelle010 = Annotated[int, Field(ge=0, le=10)]
Note14 = Annotated[int, Field(ge=1, le=4)]
MoisOuAnnee = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$"),
    Field(description="AAAA ou AAAA-MM"),
]
CodeLangue = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    StringConstraints(pattern=r"^[a-z]{2,3}$"),
]


class ModeleDomaine(BaseModel):
    """Base of every domain model: unknown keys refused, assignments validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, validate_default=True)


def est_renseigne(value: Any) -> bool:
    """A field counts as filled when it holds something other than None or an empty list."""
    if value is None:
        return False
    return not (isinstance(value, list | dict | str) and len(value) == 0)
