"""Art. 9 / art. 10 lint of any draft sentence, generated or typed.

Word lists are data (`prompts/drafting/lint.toml`). Decisions on blocking (a blocking flag keeps
the sentence out of any export until the counsellor rewrites or removes it):

- `infraction` blocks: the offence, the judgement, victims, recidivism and dangerousness are
  never recorded nor shared (guide rules A.1–A.3); once sent, such a sentence cannot be recalled.
- `jugement` blocks: a value judgement about the person, read by the SPIP or a judge, can harm
  them (rule A.3); the counsellor rewrites it as what was said or observed.
- `sante` blocks: only a referral need and its theme may be written (rule A.4, art. 9); a
  diagnosis, treatment or product name must not leave the vault, whoever wrote it.
- `consigne_suspecte` blocks: text that gives orders to a model, in a dossier note or in the
  model's answer, may have steered the draft; a human must read that sentence.
- The mention of detention in a CV or a cover letter is a reminder, not a block: the person may
  choose, with the counsellor, to show it.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from assistant.domain.drafts import Signalement, TypeSignalement
from assistant.domain.enums import TypeBrouillon
from assistant.drafting.text import plier_aligne
from assistant.locations import PROMPTS_DIR

FICHIER_LINT = PROMPTS_DIR / "drafting" / "lint.toml"
DOCUMENTS_EMPLOYEUR = frozenset({TypeBrouillon.CV, TypeBrouillon.LETTRE_MOTIVATION})


@dataclass(frozen=True)
class _Regle:
    type: TypeSignalement
    motif: re.Pattern[str]
    message: str
    bloquant: bool


def _motif(termes: list[str]) -> re.Pattern[str]:
    formes = []
    for terme in sorted(termes, key=len, reverse=True):
        plie = plier_aligne(terme)[1]
        corps = re.escape(plie.rstrip("*")).replace(r"\ ", r"[\s'-]+").replace(r"\*", r"\w*")
        formes.append(corps + (r"\w*" if plie.endswith("*") else ""))
    return re.compile(rf"(?<!\w)(?:{'|'.join(formes)})(?!\w)")


@lru_cache(maxsize=1)
def _regles() -> dict[str, _Regle]:
    donnees = tomllib.loads(FICHIER_LINT.read_text(encoding="utf-8"))
    regles = {}
    for rubrique, type_, bloquant in (
        ("infraction", "infraction", True),
        ("jugement", "jugement", True),
        ("sante", "sante", True),
        ("consigne_suspecte", "consigne_suspecte", True),
        ("mention_detention", "mention_detention", False),
    ):
        section = donnees[rubrique]
        regles[rubrique] = _Regle(
            type_,  # type: ignore[arg-type]
            _motif(section["termes"]),
            section["message"],
            bloquant,
        )
    return regles


def _trouver(regle: _Regle, texte: str) -> str | None:
    base, plie = plier_aligne(texte)
    trouve = regle.motif.search(plie)
    return base[trouve.start() : trouve.end()] if trouve else None


def linter(texte: str, document: TypeBrouillon | None = None) -> list[Signalement]:
    """Flags of one sentence; `document` adds the detention reminder for employer documents."""
    signalements = []
    regles = _regles()
    rubriques = ["infraction", "jugement", "sante", "consigne_suspecte"]
    if document in DOCUMENTS_EMPLOYEUR:
        rubriques.append("mention_detention")
    for rubrique in rubriques:
        regle = regles[rubrique]
        terme = _trouver(regle, texte)
        if terme:
            message = regle.message.replace("{terme}", terme)[:300]
            signalements.append(
                Signalement(type=regle.type, message=message, bloquant=regle.bloquant)
            )
    return signalements


def consigne_suspecte(texte: str) -> str | None:
    """The words of `texte` that look like an order given to a model, if any."""
    return _trouver(_regles()["consigne_suspecte"], texte)
