"""French typography for exported text (usage of the Imprimerie nationale).

`typographier(texte)` applies, outside URLs, e-mail addresses and `code` spans:

- straight apostrophe between letters -> ’ (l'œuvre -> l’œuvre);
- "..." -> …;
- "texte" and “texte” -> « texte », with no-break spaces (U+00A0) inside the guillemets;
- narrow no-break space (U+202F) before ; ! ? and no-break space (U+00A0) before :,
  except in times and ratios (10:30, 1:2);
- œ in the usual words (cœur, sœur, œuvre, manœuvre, œil, œuf, nœud, vœu, bœuf…);
- narrow no-break space between groups of thousands already written with a space
  ("1 200" -> "1 200"); numbers written without a space (years, codes, postcodes) are left
  alone, since "2026" or "75001" must not become "2 026";
- no-break space between a number and its unit, €, % or a unit of time ("35 h", "12 mois"),
  and after n°, § and art. before a number ("n° 3", "art. 9").

It is idempotent: applying it twice gives the same text.
"""

import re
from typing import Final

NBSP: Final = "\u00a0"
NNBSP: Final = "\u202f"
_ESPACES: Final = f" {NBSP}{NNBSP}\t"

# Spans left exactly as typed: URLs, e-mail addresses, `code`.
_PROTEGE = re.compile(
    r"`[^`\n]*`"
    r"|\b(?:https?|ftp)://[^\s<>«»\"]+"
    r"|\bwww\.[^\s<>«»\"]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_DEBUT: Final = "\ue000"
_FIN: Final = "\ue001"
_PLACE = re.compile(f"{_DEBUT}(\\d+){_FIN}")
# URLs rarely end with punctuation: give a final . , ; : ! ? ) back to the sentence.
_FIN_URL = re.compile(r"[.,;:!?)]+$")

_LIGATURES: Final = (
    "coeur",
    "choeur",
    "soeur",
    "oeuvr",
    "noeud",
    "voeu",
    "oeil",
    "oeuf",
    "moeurs",
    "oedem",
    "oedèm",
    "oenolog",
    "foetus",
    "oesophag",
    "oecum",
)
_LIGATURE = re.compile("|".join(_LIGATURES), re.IGNORECASE)

_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=\w)")
_POINTS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_GUILLEMETS_DROITS = re.compile(r"\"\s*([^\"\n]*?)\s*\"")
_GUILLEMETS_ANGLAIS = re.compile(r"“\s*([^”\n]*?)\s*”")
_OUVRANT = re.compile(rf"«[{_ESPACES}]*")
_FERMANT = re.compile(rf"[{_ESPACES}]*»")
_PONCTUATION_HAUTE = re.compile(rf"(?<=[^\s{NBSP}{NNBSP};!?:])[{_ESPACES}]*([;!?]+)")
_DEUX_POINTS = re.compile(rf"(?<=[^\s{NBSP}{NNBSP}])[{_ESPACES}]*:(?!\d)")
_HEURE = re.compile(r"(?<=\d)[ ]*:(?=\d)")
_MILLIERS = re.compile(rf"(?<![\d,.])\d{{1,3}}(?:[ {NBSP}{NNBSP}]\d{{3}})+(?![\d])")
_UNITES = (
    r"€|%|\$|£|°C|°|km|m²|m³|m|cm|mm|kg|g|t|l|L|h|min|s|ko|Mo|Go|"
    r"ans?|mois|jours?|semaines?|heures?|minutes?|euros?|ETP|SMIC|Smic"
)
_NOMBRE_UNITE = re.compile(rf"(?<=\d)[ {NBSP}{NNBSP}]?({_UNITES})(?![\w²³'’])")
_SYMBOLE_COLLE = re.compile(r"(?<=\d)(€|%)")
_NUMERO = re.compile(rf"(?<!\w)([nN]°|§|art\.)[ {NNBSP}](?=\d)")


def _ligature(m: re.Match[str]) -> str:
    mot = m.group(0)
    i = mot.lower().index("oe")
    paire = mot[i : i + 2]
    oe = "Œ" if paire[0].isupper() else "œ"
    return mot[:i] + oe + mot[i + 2 :]


def _morceau(texte: str) -> str:
    """Typography of a piece of text that holds nothing protected."""
    texte = _POINTS.sub("…", texte)
    texte = _APOSTROPHE.sub("’", texte)
    texte = _LIGATURE.sub(_ligature, texte)
    texte = _GUILLEMETS_DROITS.sub(lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", texte)
    texte = _GUILLEMETS_ANGLAIS.sub(lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", texte)
    texte = _OUVRANT.sub(f"«{NBSP}", texte)
    texte = _FERMANT.sub(f"{NBSP}»", texte)
    texte = _PONCTUATION_HAUTE.sub(lambda m: f"{NNBSP}{m.group(1)}", texte)
    texte = _HEURE.sub(":", texte)
    texte = _DEUX_POINTS.sub(f"{NBSP}:", texte)
    texte = _MILLIERS.sub(lambda m: re.sub(rf"[ {NBSP}]", NNBSP, m.group(0)), texte)
    texte = _SYMBOLE_COLLE.sub(rf"{NBSP}\1", texte)
    texte = _NOMBRE_UNITE.sub(_espace_unite, texte)
    texte = _NUMERO.sub(rf"\1{NBSP}", texte)
    return texte


def _espace_unite(m: re.Match[str]) -> str:
    # "10h30" keeps its form: only a unit already separated by a space, or €/%, gets a NBSP.
    if m.group(0)[0] not in f" {NBSP}{NNBSP}" and m.group(1) not in ("€", "%"):
        return m.group(0)
    return f"{NBSP}{m.group(1)}"


def _proteger(texte: str) -> tuple[str, list[str]]:
    # Protected spans become placeholders (private-use characters, neither letter nor space)
    # so that the rules still see that something stands before a "?" or a ":".
    gardes: list[str] = []

    def remplacer(m: re.Match[str]) -> str:
        span = m.group(0)
        queue = "" if span.startswith("`") else _FIN_URL.search(span)
        reste = queue.group(0) if isinstance(queue, re.Match) else ""
        gardes.append(span[: len(span) - len(reste)])
        return f"{_DEBUT}{len(gardes) - 1}{_FIN}{reste}"

    return _PROTEGE.sub(remplacer, texte), gardes


def typographier(texte: str) -> str:
    """French typography of `texte` (see the module's rules); URLs, e-mails and codes kept."""
    if not texte:
        return texte
    if _DEBUT in texte or _FIN in texte:
        # Cannot happen with text typed by a person; never risk mixing placeholders up.
        return _morceau(texte)
    protege, gardes = _proteger(texte)
    resultat = _morceau(protege)
    return _PLACE.sub(lambda m: gardes[int(m.group(1))], resultat)
