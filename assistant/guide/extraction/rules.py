"""The rule extractor: offline, no LLM, French rules over the folded utterance.

Usage (the app builds one extractor and reuses it)::

    extracteur = RuleExtractor()
    contexte = ContexteExtraction(
        etape=3,
        champs_attendus=("experiences",),
        question_id="experiences.premier_travail",
        annee_courante=2026,
        metiers=cherche_metiers,        # optional: text -> [MetierTrouve], best first
        deja_notes=etape_courante_dict,  # fields already filled in the current step
    )
    for proposition in extracteur.extraire(texte, contexte):
        ...  # shown to the counsellor; `appliquer(dossier, proposition)` once confirmed

What it guarantees:
- every proposal passes the step model (`apply.appliquer` accepts it on a fresh dossier);
- nothing about the offence, the judgement or victims is ever proposed or quoted (rule A.1);
- health and addictions become a referral need and a theme only, with no words quoted (rule A.4);
- a refusal (« je préfère ne pas en parler ») marks the expected fields as refused (rule A.8) and
  nothing else is read in that utterance;
- it never raises: a recogniser that fails is skipped (logged without the text), the text read is
  capped (`text.LONGUEUR_MAX`), and an utterance with nothing recognisable gives [].
"""

import json
import logging
from collections.abc import Sequence
from typing import Any

from assistant.guide.extraction import (
    barriers,
    choices,
    diplomas,
    free_text,
    jobs,
    places,
    situation,
    skills,
    supports,
)
from assistant.guide.extraction.builders import Reconnaisseur
from assistant.guide.extraction.fields import est_valide, vers_dict
from assistant.guide.extraction.proposals import ContexteExtraction, Proposition
from assistant.guide.extraction.sensitive import INFRACTION, SANTE
from assistant.guide.extraction.text import Enonce, plier

journal = logging.getLogger(__name__)

RECONNAISSEURS: tuple[Reconnaisseur, ...] = (
    choices.ne_sait_pas,
    choices.oui_non,
    choices.echelle,
    free_text.textes_libres,
    diplomas.diplomes,
    diplomas.certifications,
    diplomas.permis,
    jobs.experiences,
    jobs.activite_avant,
    jobs.projets,
    situation.statut_penal,
    situation.horizon,
    situation.amenagement,
    situation.tranche_age,
    situation.suivi_et_handicap,
    situation.restrictions_et_preserver,
    places.lieux,
    barriers.freins,
    barriers.situation_sortie,
    skills.savoir_etre,
    skills.conditions,
    skills.langues,
    skills.formation_et_travail,
    supports.supports,
)
"""In order of trust: when two recognisers give one scalar field, the first one wins."""

CLES_UNIQUES = {"freins": "categorie"}


def _texte(valeur: Any) -> str:
    return (
        valeur if isinstance(valeur, str) else json.dumps(valeur, ensure_ascii=False, default=str)
    )


def _sur(proposition: Proposition) -> Proposition | None:
    """Rules A.1 and A.4 safety net: nothing of the offence in a value or a label; the quote is
    dropped when it holds the offence or a health detail."""
    if proposition.champ != "statut_penal" and (
        INFRACTION.search(plier(_texte(proposition.valeur)))
        or INFRACTION.search(plier(proposition.libelle))
    ):
        return None
    if proposition.extrait and (
        INFRACTION.search(plier(proposition.extrait)) or SANTE.search(plier(proposition.extrait))
    ):
        return Proposition(
            proposition.etape,
            proposition.champ,
            proposition.valeur,
            proposition.libelle,
            proposition.mode,
            "",
            proposition.confiance,
        )
    return proposition


def _deja_note(proposition: Proposition, contexte: ContexteExtraction) -> bool:
    if proposition.etape != contexte.etape or proposition.champ not in contexte.deja_notes:
        return False
    note = contexte.deja_notes[proposition.champ]
    if proposition.mode == "remplacer":
        return bool(vers_dict(note) == proposition.valeur)
    if proposition.mode == "ajouter" and isinstance(note, list | tuple):
        existants = [vers_dict(n) for n in note]
        if isinstance(proposition.valeur, dict):
            return any(
                isinstance(e, dict) and all(e.get(k) == v for k, v in proposition.valeur.items())
                for e in existants
            )
        return proposition.valeur in existants
    return False


def _cle(proposition: Proposition) -> tuple[Any, ...]:
    if proposition.mode == "ajouter":
        champ_cle = CLES_UNIQUES.get(proposition.champ)
        if champ_cle and isinstance(proposition.valeur, dict):
            return (proposition.etape, proposition.champ, proposition.valeur.get(champ_cle))
        return (proposition.etape, proposition.champ, _texte(proposition.valeur))
    return (proposition.etape, proposition.champ)


class RuleExtractor:
    """French rules (no LLM) implementing `Extracteur`."""

    def __init__(self, reconnaisseurs: Sequence[Reconnaisseur] = RECONNAISSEURS) -> None:
        self.reconnaisseurs = tuple(reconnaisseurs)

    def extraire(self, texte: str, contexte: ContexteExtraction) -> list[Proposition]:
        try:
            enonce = Enonce.lire(texte, contexte)
        except Exception:  # pragma: no cover - preparing a str cannot fail; never raise anyway
            journal.warning("Énoncé illisible : extraction ignorée.")
            return []
        if not enonce.plie.strip():
            return []
        refus = self._appeler(choices.refus, enonce)
        if refus:
            return refus
        brutes: list[Proposition] = []
        for reconnaisseur in self.reconnaisseurs:
            brutes.extend(self._appeler(reconnaisseur, enonce))
        return self._trier(self._filtrer(brutes, contexte), contexte)

    @staticmethod
    def _appeler(reconnaisseur: Reconnaisseur, enonce: Enonce) -> list[Proposition]:
        try:
            return list(reconnaisseur(enonce))
        except Exception as exc:  # a bug in one rule must not lose the others nor crash the chat
            nom = getattr(reconnaisseur, "__qualname__", repr(reconnaisseur))
            # Never the utterance itself in a log: it is personal data.
            journal.warning("Règle d'extraction %s en échec (%s)", nom, type(exc).__name__)
            return []

    @staticmethod
    def _filtrer(brutes: list[Proposition], contexte: ContexteExtraction) -> list[Proposition]:
        gardees: list[Proposition] = []
        vues: set[tuple[Any, ...]] = set()
        for proposition in brutes:
            sure = _sur(proposition)
            if sure is None or not est_valide(sure) or _deja_note(sure, contexte):
                continue
            cle = _cle(sure)
            if cle in vues:
                continue
            vues.add(cle)
            gardees.append(sure)
        return gardees

    @staticmethod
    def _trier(propositions: list[Proposition], contexte: ContexteExtraction) -> list[Proposition]:
        attendus = set(contexte.champs_attendus) | {
            c.split(".", 1)[0] for c in contexte.champs_attendus if "." in c
        }
        for champ in contexte.champs_attendus:
            if champ in choices.SOUS_CHAMPS:
                attendus.add(choices.SOUS_CHAMPS[champ][1])

        # Fields by their surest proposal; within a field, the order the person told them in
        # (three experiences are listed as said, not by how sure their job sheet is).
        sure: dict[tuple[int, str], float] = {}
        for p in propositions:
            sure[(p.etape, p.champ)] = max(sure.get((p.etape, p.champ), 0.0), p.confiance)

        def rang(p: Proposition) -> tuple[int, int, float]:
            attendu = p.etape == contexte.etape and p.champ in attendus
            return (
                0 if attendu else 1,
                0 if p.etape == contexte.etape else 1,
                -sure[(p.etape, p.champ)],
            )

        return sorted(propositions, key=rang)
