"""Load and validate the guide's data files (`prompts/guide/`)."""

import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.domain.enums import ProfilDeroule
from assistant.domain.errors import messages_erreurs
from assistant.domain.steps import ETAPES
from assistant.locations import GUIDE_DIR

Theme = Annotated[str, Field(pattern=r"^[a-z_]+$")]


class GuideFileError(Exception):
    """A guide data file is missing or wrong; the message names the file and the problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Question(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z_]+\.[a-z_]+$")]
    texte: Annotated[str, Field(min_length=5, max_length=400)]
    texte_simple: Annotated[str, Field(min_length=5, max_length=200)] | None = None
    pourquoi: Annotated[str, Field(min_length=5, max_length=300)]
    champs: tuple[str, ...] = ()
    essentielle: bool = False
    profils: tuple[ProfilDeroule, ...] = ()
    themes: tuple[Theme, ...] = ()
    # A relance is a short closed question for one field still missing after the open questions.
    relance: bool = False


class Relance(_Strict):
    champ: str
    texte: Annotated[str, Field(min_length=5, max_length=400)]
    pourquoi: Annotated[str, Field(min_length=5, max_length=300)]
    themes: tuple[Theme, ...] = ()


class EtapeGuide(_Strict):
    numero: Annotated[int, Field(ge=0, le=len(ETAPES) - 1)]
    cle: str
    objectif: Annotated[str, Field(min_length=10)]
    duree_minutes: Annotated[int, Field(ge=1, le=30)]
    questions: Annotated[tuple[Question, ...], Field(min_length=1)]
    relances: tuple[Relance, ...] = ()

    @property
    def titre(self) -> str:
        return ETAPES[self.numero].titre

    @model_validator(mode="after")
    def _coherente_avec_le_modele(self) -> "EtapeGuide":
        modele = ETAPES[self.numero]
        if self.cle != modele.cle:
            raise ValueError(f"l'étape {self.numero} doit avoir la clé « {modele.cle} »")
        connus = set(modele.champs_questionnables())
        for champ in [c for q in self.questions for c in q.champs] + [
            r.champ for r in self.relances
        ]:
            if champ not in connus:
                raise ValueError(f"le champ « {champ} » n'existe pas dans l'étape {modele.cle}")
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)) or any(not i.startswith(self.cle + ".") for i in ids):
            raise ValueError(f"identifiants de questions en double ou hors de l'étape {self.cle}")
        return self

    def toutes_les_questions(self) -> tuple[Question, ...]:
        """Open questions, then one closed relance per field, as questions of the same kind."""
        relances = tuple(
            Question(
                id=f"{self.cle}.relance_{r.champ}",
                texte=r.texte,
                pourquoi=r.pourquoi,
                champs=(r.champ,),
                themes=r.themes,
                relance=True,
            )
            for r in self.relances
        )
        return self.questions + relances


class ProfilGuide(_Strict):
    libelle: str
    declencheur: str
    priorites: tuple[str, ...]
    allege: str
    dispositifs: tuple[str, ...]
    etapes_condensees: tuple[Annotated[int, Field(ge=0, le=len(ETAPES) - 1)], ...] = ()
    themes_omis: tuple[Theme, ...] = ()
    vigilance: str | None = None


class Cloture(_Strict):
    texte: Annotated[str, Field(min_length=5, max_length=400)]
    texte_simple: Annotated[str, Field(min_length=5, max_length=200)]
    pourquoi: Annotated[str, Field(min_length=5, max_length=300)]
    # When something was noted: the summary itself, between these two sentences.
    intro_resume: Annotated[str, Field(min_length=5, max_length=200)]
    intro_resume_simple: Annotated[str, Field(min_length=2, max_length=100)]
    validation: Annotated[str, Field(min_length=5, max_length=200)]
    validation_simple: Annotated[str, Field(min_length=2, max_length=100)]


class Commun(_Strict):
    cloture: Cloture


class GuideData(_Strict):
    etapes: tuple[EtapeGuide, ...]
    profils: dict[ProfilDeroule, ProfilGuide]
    commun: Commun

    @model_validator(mode="after")
    def _complet(self) -> "GuideData":
        if [e.numero for e in self.etapes] != list(range(len(ETAPES))):
            raise ValueError(f"il faut exactement les étapes 0 à {len(ETAPES) - 1}, dans l'ordre")
        if set(self.profils) != set(ProfilDeroule):
            raise ValueError("il faut les profils P0 à P4")
        themes = {t for e in self.etapes for q in e.toutes_les_questions() for t in q.themes}
        for code, profil in self.profils.items():
            inconnus = set(profil.themes_omis) - themes
            if inconnus:
                raise ValueError(f"le profil {code} omet des thèmes inconnus : {sorted(inconnus)}")
        return self


def _read(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GuideFileError(f"Fichier du guide illisible : {path} ({exc}).") from None


def load_guide(directory: Path = GUIDE_DIR) -> GuideData:
    """Read `etapes/*.toml` and `profils.toml`; any inconsistency is a GuideFileError."""
    step_files = sorted((directory / "etapes").glob("*.toml"))
    etapes = []
    for path in step_files:
        try:
            etapes.append(EtapeGuide.model_validate(_read(path)))
        except ValidationError as exc:
            raise GuideFileError(
                f"Fichier du guide invalide : {path} : " + " ; ".join(messages_erreurs(exc))
            ) from None
    try:
        return GuideData.model_validate(
            {
                "etapes": etapes,
                "profils": _read(directory / "profils.toml"),
                "commun": _read(directory / "commun.toml"),
            }
        )
    except ValidationError as exc:
        raise GuideFileError(
            f"Guide incohérent ({directory}) : " + " ; ".join(messages_erreurs(exc))
        ) from None
