"""Free-text fields in the person's words, only when they are the question just asked:
inquietude_principale, rapport_apprentissage, citation_cle, and ce_qui_a_plu (of the last
experience, see `choices`). The utterance is cleaned, every sentence about the offence, the
judgement, victims or health is dropped (rules A.1 and A.4), and the rest is cut to the field's
limit.
"""

import re

from assistant.guide.extraction.choices import (
    NE_SAIT_PAS,
    REFUS,
    completer_dernier,
    sous_champ_attendu,
)
from assistant.guide.extraction.fields import longueur_max, modele_etape
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.sensitive import est_sensible
from assistant.guide.extraction.text import Enonce, plier

CHAMPS_LIBRES = {"inquietude_principale": 1, "rapport_apprentissage": 2, "citation_cle": 6}
_RAPPORT = re.compile(
    r"^\s*(?:il|elle)\s+(?:me\s+)?(?:dit|explique|raconte|repond)\s+(?:que\s+|qu')", re.I
)
_PHRASES = re.compile(r"[^.!?;\n]+[.!?;]*")


def nettoyer(enonce: Enonce, limite: int) -> str:
    """The utterance without sensitive sentences, trimmed to `limite` characters at a word end."""
    garde = []
    for m in _PHRASES.finditer(enonce.brut):
        phrase = m.group(0).strip()
        if phrase and not est_sensible(plier(phrase)):
            garde.append(phrase)
    texte = " ".join(" ".join(garde).split()).strip(" \"'«»-")
    texte = _RAPPORT.sub("", texte)
    if not texte:
        return ""
    texte = texte[0].upper() + texte[1:]
    if len(texte) > limite:
        coupe = texte[: limite - 1]
        espace = coupe.rfind(" ")
        texte = (coupe[:espace] if espace > limite // 2 else coupe).rstrip(" ,;:") + "…"
    return texte


def textes_libres(enonce: Enonce) -> list[Proposition]:
    if REFUS.search(enonce.plie) or NE_SAIT_PAS.fullmatch(enonce.plie.strip(" .!")):
        return []
    propositions = []
    etape = enonce.contexte.etape
    for champ, numero in CHAMPS_LIBRES.items():
        if numero != etape or not enonce.attendu(champ):
            continue
        modele = modele_etape(numero)
        if modele is None:
            continue
        texte = nettoyer(enonce, longueur_max(modele, champ))
        if len(texte) < 3:
            continue
        titre = modele.model_fields[champ].title or champ
        propositions.append(
            Proposition(numero, champ, texte, f"{titre} : « {texte} »", "remplacer", texte, 0.6)
        )
    if sous_champ_attendu(enonce) == "ce_qui_a_plu":
        texte = nettoyer(enonce, 200)
        if len(texte) >= 3:
            proposition = completer_dernier(enonce, "ce_qui_a_plu", texte, f"« {texte} »", 0.6)
            if proposition:
                propositions.append(proposition)
    return propositions
