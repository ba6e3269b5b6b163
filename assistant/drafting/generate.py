"""Drafting service: a document from a dossier, offline or with a model, and the review helpers.

Without a model (`flux` is None) the document is rendered from the templates: every sentence is
grounded by construction (a unit test checks it on complete, empty and refusing dossiers). With
a model, its answer is read sentence by sentence, cited and checked; any failure of the model
falls back to the template version with a French message, so the counsellor always gets a draft.

The review helpers are pure: they return a new `Brouillon`. A sentence the counsellor edits,
accepts or adds gets the source `conseiller` (they vouch for it); the lint still applies to it.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.drafts import SOURCE_CONSEILLER, PhraseBrouillon, ThemePhrase
from assistant.domain.enums import StatutValidation, TypeBrouillon
from assistant.drafting.chain import Flux, SurMorceau, analyser, lire_flux, preparer
from assistant.drafting.controle import controler_brouillon, controler_phrase
from assistant.drafting.documents import document
from assistant.drafting.sources import FaitsDossier, FicheCible

MODELE_SANS_REPONSE = (
    "Le modèle de langage n'a pas pu rédiger ce document. Le brouillon est rédigé sans lui, "
    "à partir des modèles de phrases."
)
REPONSE_INUTILISABLE = (
    "Le modèle de langage a renvoyé une réponse vide ou illisible. Le brouillon est rédigé sans "
    "lui, à partir des modèles de phrases."
)
LETTRE_SANS_FICHE = (
    "Aucune fiche métier n'a été choisie : la lettre s'appuie sur le projet prioritaire. "
    "Choisissez une fiche pour relier le parcours aux compétences du poste."
)


@dataclass(frozen=True)
class ResultatRedaction:
    brouillon: Brouillon
    messages: list[str] = field(default_factory=list)


def rediger(
    dossier: Dossier,
    type_document: TypeBrouillon | str,
    *,
    aujourd_hui: date,
    fiche: FicheCible | None = None,
    flux: Flux | None = None,
    sur_morceau: SurMorceau | None = None,
    jetons_inconnus: Callable[[], list[str]] = lambda: [],
) -> ResultatRedaction:
    """Draft a document of `dossier`: from the templates, or with the model behind `flux`.

    `fiche` is the job sheet of a cover letter (or the target of a CV). `jetons_inconnus` gives,
    once the answer is complete, the pseudonymisation placeholders the gateway could not put
    back; a sentence still holding one is flagged.
    """
    modele = document(type_document)
    faits = FaitsDossier.depuis(dossier, aujourd_hui=aujourd_hui, fiche=fiche)
    messages = []
    if modele.type is TypeBrouillon.LETTRE_MOTIVATION and fiche is None:
        messages.append(LETTRE_SANS_FICHE)
    if flux is None:
        return ResultatRedaction(
            _depuis_gabarit(dossier, faits, modele.type, aujourd_hui, fiche), messages
        )
    try:
        preparation = preparer(modele, faits)
        messages += preparation.avertissements
        texte = lire_flux(flux, preparation.messages, sur_morceau)
        analyse = analyser(texte, modele, preparation, jetons=jetons_inconnus())
    except Exception as exc:  # The model is optional: any failure falls back to the templates.
        messages.append(_message_erreur(exc))
        return ResultatRedaction(
            _depuis_gabarit(dossier, faits, modele.type, aujourd_hui, fiche), messages
        )
    if analyse.nombre_phrases == 0:
        messages.append(REPONSE_INUTILISABLE)
        return ResultatRedaction(
            _depuis_gabarit(dossier, faits, modele.type, aujourd_hui, fiche), messages
        )
    brouillon = Brouillon(
        type=modele.type,
        sections=analyse.sections,
        origine="llm",
        **_cible(fiche),
    )
    return ResultatRedaction(brouillon, messages + analyse.messages)


def _depuis_gabarit(
    dossier: Dossier,
    faits: FaitsDossier,
    type_document: TypeBrouillon,
    aujourd_hui: date,
    fiche: FicheCible | None,
) -> Brouillon:
    modele = document(type_document)
    sections = modele.rendre(dossier, faits, aujourd_hui=aujourd_hui, fiche=fiche)
    brouillon = Brouillon(
        type=modele.type, sections=sections, origine="modele_local", **_cible(fiche)
    )
    # Checked like any draft: a dossier note may still hold a health detail or an order.
    return controler_brouillon(brouillon, faits)


def _cible(fiche: FicheCible | None) -> dict[str, str]:
    if fiche is None:
        return {}
    return {"code_rome": fiche.code_rome, "intitule_poste": fiche.intitule[:120]}


def _message_erreur(exc: Exception) -> str:
    """The French message of a gateway error (`LLMIndisponible.message`), else a generic one."""
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message.strip():
        return message.strip()
    return MODELE_SANS_REPONSE


def reverifier(
    brouillon: Brouillon, dossier: Dossier, *, aujourd_hui: date, fiche: FicheCible | None = None
) -> Brouillon:
    """Run grounding and lint again, after edits or after the dossier changed."""
    faits = FaitsDossier.depuis(dossier, aujourd_hui=aujourd_hui, fiche=fiche)
    return controler_brouillon(brouillon, faits, stricte=brouillon.origine == "llm")


def modifier_phrase(
    brouillon: Brouillon,
    section_index: int,
    phrase_index: int,
    texte: str,
    *,
    dossier: Dossier | None = None,
    aujourd_hui: date | None = None,
    fiche: FicheCible | None = None,
) -> Brouillon:
    """The counsellor rewrites a sentence: it becomes theirs (source `conseiller`), still linted.

    The former sources are kept for traceability. With `dossier`, the sentence is checked
    against its facts too (they no longer block it: the counsellor vouches for it).
    """
    ancienne = brouillon.sections[section_index].phrases[phrase_index]
    sources = [*[s for s in ancienne.sources if s != SOURCE_CONSEILLER][:19], SOURCE_CONSEILLER]
    nouvelle = PhraseBrouillon(texte=texte, sources=sources, theme=ancienne.theme)
    faits: Mapping[str, str] = {}
    if dossier is not None:
        faits = FaitsDossier.depuis(dossier, aujourd_hui, fiche=fiche)
    controlee = controler_phrase(nouvelle, faits, brouillon.type)
    return _remplacer(brouillon, section_index, phrase_index, controlee)


def accepter_phrase(brouillon: Brouillon, section_index: int, phrase_index: int) -> Brouillon:
    """The counsellor vouches for a flagged sentence as it is; the lint flags remain."""
    phrase = brouillon.sections[section_index].phrases[phrase_index]
    if SOURCE_CONSEILLER in phrase.sources:
        return brouillon
    sources = [*phrase.sources[:19], SOURCE_CONSEILLER]
    acceptee = phrase.model_copy(update={"sources": sources})
    return _remplacer(
        brouillon, section_index, phrase_index, _controler_conseiller(acceptee, brouillon)
    )


def retirer_phrase(brouillon: Brouillon, section_index: int, phrase_index: int) -> Brouillon:
    """The draft without one sentence."""
    return _remplacer(brouillon, section_index, phrase_index, None)


def ajouter_phrase(
    brouillon: Brouillon, section_index: int, texte: str, theme: ThemePhrase | None = None
) -> Brouillon:
    """A sentence written by the counsellor at the end of a section (theme of its neighbours)."""
    section = brouillon.sections[section_index]
    theme = theme or (
        section.phrases[-1].theme if section.phrases else _theme_section(brouillon, section.cle)
    )
    phrase = PhraseBrouillon(texte=texte, sources=[SOURCE_CONSEILLER], theme=theme)
    return _remplacer(
        brouillon,
        section_index,
        len(section.phrases),
        _controler_conseiller(phrase, brouillon),
        insert=True,
    )


def _theme_section(brouillon: Brouillon, cle: str) -> ThemePhrase:
    from assistant.drafting.documents import DOCUMENTS

    modele = DOCUMENTS[brouillon.type]
    return next((s.theme for s in modele.sections if s.cle == cle), modele.sections[0].theme)


def _controler_conseiller(phrase: PhraseBrouillon, brouillon: Brouillon) -> PhraseBrouillon:
    # Grounding trusts the counsellor's sentences; `controler_phrase` needs no facts for them.
    return controler_phrase(phrase, {}, brouillon.type)


def _remplacer(
    brouillon: Brouillon,
    section_index: int,
    phrase_index: int,
    phrase: PhraseBrouillon | None,
    *,
    insert: bool = False,
) -> Brouillon:
    sections = list(brouillon.sections)
    section = sections[section_index]
    phrases = list(section.phrases)
    if insert and phrase is not None:
        phrases.insert(phrase_index, phrase)
    elif phrase is None:
        del phrases[phrase_index]
    else:
        phrases[phrase_index] = phrase
    sections[section_index] = section.model_copy(update={"phrases": phrases})
    mise_a_jour: dict[str, object] = {"sections": sections}
    if brouillon.statut is not StatutValidation.BROUILLON:
        # An edited document must be read and validated again.
        mise_a_jour.update(
            statut=StatutValidation.BROUILLON,
            relu_par=None,
            relu_le=None,
            valide_par=None,
            valide_le=None,
        )
    return brouillon.model_copy(update=mise_a_jour)
