"""Step 0: how the person prefers to work (guide « supports visuels »): talking, a frise, images,
in writing.

The question names the choices (« en parlant, avec une frise, avec des images ? »), so a short
answer (« plutôt en parlant », « la frise ») is read when that question was just asked. Elsewhere
only the visual supports' own names count (« photolangage », « une frise »): « parler » or « à
l'oral » in another answer (« j'ai raté l'oral du CAP ») says nothing about a support.
"""

import re

from assistant.guide.extraction.builders import choix, nie_avant
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.text import Enonce

# (value, words read at any step, words read only as an answer to the question)
_SUPPORTS: tuple[tuple[str, str, str], ...] = (
    (
        "oral",
        r"",
        r"a\s+l'oral|oralement|en\s+parlant|parler|on\s+parle|discuter|en\s+discutant"
        r"|on\s+discute|de\s+vive\s+voix"
        r"|a\s+voix\s+haute|causer",
    ),
    (
        "frise",
        r"frises?|ligne\s+du\s+temps",
        r"dessin\w*|schemas?|en\s+dessinant",
    ),
    (
        "photolangage",
        r"photolangage|photo-langage",
        r"images?|photos?|en\s+regardant",
    ),
    (
        "ecrit",
        r"",
        r"par\s+ecrit|a\s+l'ecrit|en\s+ecrivant|sur\s+(?:le\s+)?papier|ecrire|lire",
    ),
)
# « j'ai du mal à lire », « je sais pas écrire »: a difficulty (a barrier, read elsewhere), not
# a preferred support.
_DIFFICULTE_AVANT = re.compile(
    r"(?:mal\s+a|du\s+mal|difficile\s+(?:de|d')|pas\s+(?:bien|trop)|sais\s+pas|peux\s+pas"
    r"|aime\s+pas|galere\s+a|dur\s+de)\s*(?:bien\s+|trop\s+)?$"
)


def supports(enonce: Enonce) -> list[Proposition]:
    reponse = enonce.attendu("support_prefere")
    propositions = []
    for valeur, toujours, en_reponse in _SUPPORTS:
        mots = "|".join(m for m in (toujours, en_reponse if reponse else "") if m)
        if not mots:
            continue
        motif = rf"\b(?:{mots})\b"
        for m in re.finditer(motif, enonce.plie):
            avant = enonce.plie[max(0, m.start() - 30) : m.start()]
            if nie_avant(enonce.plie, m.start(), 20) or _DIFFICULTE_AVANT.search(avant):
                continue
            propositions.append(
                choix(enonce, 0, "support_prefere", valeur, *m.span(), 0.6, mode="ajouter")
            )
            break
    return propositions
