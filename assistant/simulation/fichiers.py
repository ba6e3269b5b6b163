"""Load and validate the simulation's data files (`prompts/simulation/`).

Each file is checked with pydantic when it is read; a mistake is a `SimulationFileError` whose
French message names the file and the key, like the guide's files (`assistant/guide/files.py`).
"""

import string
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.domain.errors import messages_erreurs
from assistant.domain.simulation import CritereSimulation, TypeEmployeur
from assistant.locations import PROMPTS_DIR
from assistant.simulation.criteres import CRITERES, NON_OBSERVABLES, REGLES, Regle, regles_de

SIMULATION_DIR = PROMPTS_DIR / "simulation"
M = TypeVar("M", bound=BaseModel)
PRATIQUE = "Entraînement"
"""Every text shown to the person starts from this word: practice, never an evaluation."""

Phase = Literal[
    "accueil",
    "presentation",
    "motivation",
    "structure",
    "metier",
    "savoir_etre",
    "periode",
    "disponibilites",
    "cloture",
]
CHAMPS_FICHE = frozenset({"metier", "competence", "contexte", "qualite", "structure"})
CHAMPS_PERIODE = frozenset({"debut", "fin"})

Texte = Annotated[str, Field(min_length=5, max_length=400)]
Court = Annotated[str, Field(min_length=5, max_length=200)]
Observation = Annotated[str, Field(min_length=5, max_length=150)]


class SimulationFileError(Exception):
    """A simulation data file is missing or wrong; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def champs_du_texte(texte: str) -> set[str]:
    """Names between braces in a question text (`{metier}`, `{debut}`…)."""
    return {nom for _, nom, _, _ in string.Formatter().parse(texte) if nom}


class QuestionBanque(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")]
    phase: Phase
    texte: Texte
    criteres: Annotated[tuple[CritereSimulation, ...], Field(min_length=1)]
    employeurs: tuple[TypeEmployeur, ...] = ()
    relance: Texte | None = None

    @property
    def champs(self) -> set[str]:
        return champs_du_texte(self.texte)

    @model_validator(mode="after")
    def _coherente(self) -> "QuestionBanque":
        if not self.id.startswith(self.phase + "."):
            raise ValueError(f"l'identifiant « {self.id} » doit commencer par « {self.phase}. »")
        permis = CHAMPS_FICHE | (CHAMPS_PERIODE if self.phase == "periode" else set())
        inconnus = self.champs - permis
        if inconnus:
            raise ValueError(
                f"la question « {self.id} » contient des champs inconnus : {sorted(inconnus)}"
            )
        if any(c in NON_OBSERVABLES for c in self.criteres):
            raise ValueError(
                f"la question « {self.id} » alimente un critère que seul le conseiller observe"
            )
        return self


class Employeur(_Strict):
    libelle: Court
    structure: Annotated[str, Field(min_length=3, max_length=60)]
    mots_cles: Annotated[tuple[str, ...], Field(min_length=1)]


class Relances(_Strict):
    exemple: Annotated[tuple[Texte, ...], Field(min_length=1)]
    precision: Annotated[tuple[Texte, ...], Field(min_length=1)]
    silence: Annotated[tuple[Texte, ...], Field(min_length=1)]


class BanqueQuestions(_Strict):
    employeurs: dict[TypeEmployeur, Employeur]
    questions: Annotated[tuple[QuestionBanque, ...], Field(min_length=1)]
    relances: Relances

    @model_validator(mode="after")
    def _complete(self) -> "BanqueQuestions":
        manquants = set(get_args(TypeEmployeur)) - set(self.employeurs)
        if manquants:
            raise ValueError(f"types d'employeur sans description : {sorted(manquants)}")
        ids = [q.id for q in self.questions]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"identifiants de questions en double : {doubles}")
        for phase in ("presentation", "motivation", "metier", "disponibilites", "cloture"):
            # These phases must work for any job sheet and any employer, even without skills data.
            if not any(
                q.phase == phase and not q.employeurs and q.champs <= {"metier", "structure"}
                for q in self.questions
            ):
                raise ValueError(f"il faut une question générale pour la phase « {phase} »")
        periode = [q for q in self.questions if q.phase == "periode"]
        if not any(q.champs == {"debut", "fin"} for q in periode) or not any(
            not q.champs for q in periode
        ):
            raise ValueError(
                "il faut des questions sur la période avec et sans années ({debut}, {fin})"
            )
        return self

    def question(self, identifiant: str) -> QuestionBanque:
        """The question with this id; KeyError if it is not in the bank."""
        for q in self.questions:
            if q.id == identifiant:
                return q
        raise KeyError(identifiant)


class TexteRegle(_Strict):
    observation: Observation
    conseil: Court


class CritereTextes(_Strict):
    model_config = ConfigDict(extra="allow", frozen=True)

    libelle: Annotated[str, Field(min_length=3, max_length=80)]
    description: Court
    observable: bool = True
    a_observer: Court | None = None
    conseil_defaut: Court | None = None
    refus_respecte: Court | None = None
    conseil_refus: Court | None = None

    def texte(self, regle: Regle) -> TexteRegle | None:
        """The words of a rule for this criterion, when the file gives them."""
        extra = self.model_extra or {}
        valeur = extra.get(regle)
        return TexteRegle.model_validate(valeur) if valeur is not None else None

    @model_validator(mode="after")
    def _regles_connues(self) -> "CritereTextes":
        extra = self.model_extra or {}
        inconnues = set(extra) - set(REGLES)
        if inconnues:
            raise ValueError(f"règles inconnues : {sorted(inconnues)}")
        for valeur in extra.values():
            TexteRegle.model_validate(valeur)
        if not self.observable and not (self.a_observer and self.conseil_defaut):
            raise ValueError(
                "un critère non observable demande « a_observer » et « conseil_defaut »"
            )
        return self


class ConsignesLLM(_Strict):
    systeme: Annotated[str, Field(min_length=20)]
    consigne: Annotated[str, Field(min_length=20)]

    @model_validator(mode="after")
    def _champs(self) -> "ConsignesLLM":
        attendus = {"poste", "employeur", "echelle", "criteres", "transcription"}
        if champs_du_texte(self.consigne) != attendus:
            raise ValueError(f"la consigne doit contenir exactement les champs {sorted(attendus)}")
        return self


class TextesFeedback(_Strict):
    bandeau: Annotated[str, Field(min_length=10, max_length=80)]
    echelle: Court
    regles: dict[str, Annotated[str, Field(min_length=3, max_length=60)]]
    communs: dict[Regle, TexteRegle]
    criteres: dict[CritereSimulation, CritereTextes]
    llm: ConsignesLLM

    @model_validator(mode="after")
    def _complets(self) -> "TextesFeedback":
        if not self.bandeau.startswith(PRATIQUE):
            raise ValueError(f"le bandeau doit commencer par « {PRATIQUE} »")
        manquants = set(CRITERES) - set(self.criteres)
        if manquants:
            raise ValueError(f"critères sans texte : {sorted(manquants)}")
        noms = set(REGLES) | {"conseiller", "llm"}
        if set(self.regles) != noms:
            raise ValueError(f"la table [regles] doit nommer exactement : {sorted(noms)}")
        for critere in CRITERES:
            textes = self.criteres[critere]
            if textes.observable == (critere in NON_OBSERVABLES):
                raise ValueError(f"« observable » ne convient pas pour le critère {critere}")
            for regle in regles_de(critere):
                if textes.texte(regle) is None and regle not in self.communs:
                    raise ValueError(f"pas de texte pour la règle « {regle} » du critère {critere}")
                # The observation shown ends with the rule's name, within the domain's 200 chars.
                if len(self.observation(critere, regle)) > 200:
                    raise ValueError(f"observation trop longue pour {critere} / {regle}")
        periode = self.criteres["explication_periode_detention"]
        if not (periode.refus_respecte and periode.conseil_refus):
            raise ValueError("la période demande « refus_respecte » et « conseil_refus »")
        return self

    def pour(self, critere: CritereSimulation, regle: Regle) -> TexteRegle:
        """Observation and tip of a rule: the criterion's own words, else the common ones."""
        return self.criteres[critere].texte(regle) or self.communs[regle]

    def observation(self, critere: CritereSimulation, regle: Regle) -> str:
        """The observation as shown, naming the rule that fired: « … (règle : réponse vague) »."""
        return f"{self.pour(critere, regle).observation} (règle : {self.regles[regle]})"


class EtapeAtelier(_Strict):
    cle: Literal["fait", "acquis", "lien_poste", "conclusion"]
    titre: Court
    consigne: Texte
    exemple: Texte


class TexteCadre(_Strict):
    titre: Court
    texte: Annotated[str, Field(min_length=20, max_length=600)]


class VerificationsAtelier(_Strict):
    vide: Texte
    trop_long: Texte
    details_affaire: Texte
    negatif: Texte
    sans_acquis: Texte
    sans_lien_poste: Texte
    sans_avenir: Texte
    reglemente: Texte
    bien: Texte


class TextesAtelier(_Strict):
    bandeau: Annotated[str, Field(min_length=10, max_length=80)]
    introduction: Texte
    mots_max: Annotated[int, Field(ge=20, le=150)]
    etapes: tuple[EtapeAtelier, ...]
    cadre_legal: Annotated[tuple[TexteCadre, ...], Field(min_length=3)]
    verifications: VerificationsAtelier

    @model_validator(mode="after")
    def _ordre(self) -> "TextesAtelier":
        if not self.bandeau.startswith(PRATIQUE):
            raise ValueError(f"le bandeau doit commencer par « {PRATIQUE} »")
        if [e.cle for e in self.etapes] != ["fait", "acquis", "lien_poste", "conclusion"]:
            raise ValueError("les étapes doivent être : fait, acquis, lien_poste, conclusion")
        return self


def _read(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SimulationFileError(
            f"Fichier de la simulation illisible : {path} ({exc}). "
            "Corrigez-le ou réinstallez Passerelle."
        ) from None


def _charger(modele: type[M], path: Path) -> M:
    try:
        return modele.model_validate(_read(path))
    except ValidationError as exc:
        raise SimulationFileError(
            f"Fichier de la simulation invalide : {path} : " + " ; ".join(messages_erreurs(exc))
        ) from None


@lru_cache(maxsize=4)
def charger_banque(directory: Path = SIMULATION_DIR) -> BanqueQuestions:
    """The recruiter's question bank (`questions.toml`)."""
    return _charger(BanqueQuestions, directory / "questions.toml")


@lru_cache(maxsize=4)
def charger_feedback(directory: Path = SIMULATION_DIR) -> TextesFeedback:
    """Observation and tip texts of the grid, and the language-model prompt (`feedback.toml`)."""
    return _charger(TextesFeedback, directory / "feedback.toml")


@lru_cache(maxsize=4)
def charger_atelier(directory: Path = SIMULATION_DIR) -> TextesAtelier:
    """Steps, checks and legal frame of the gap-answer workshop (`atelier.toml`)."""
    return _charger(TextesAtelier, directory / "atelier.toml")
