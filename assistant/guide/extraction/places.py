"""Where the person plans to live after release: region and département (INSEE codes).

The table (regions, départements, large cities) is data: `prompts/guide/lieux.toml`. A place is only
read with a preposition in front ("à Lyon", "dans le Nord", "en Bretagne", "dans le 93") and only
when it is about the return: step 1, the question just asked, or a sentence with a verb of
going back or living ("rentrer", "habiter", "à la sortie"...).
"""

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.text import Enonce, plier_libre
from assistant.locations import GUIDE_DIR

FICHIER_LIEUX = GUIDE_DIR / "lieux.toml"


@dataclass(frozen=True)
class Lieux:
    regions: dict[str, str]
    """code -> name"""
    departements: dict[str, tuple[str, str]]
    """code -> (name, region code)"""
    motif_region: re.Pattern[str] | None
    motif_departement: re.Pattern[str] | None
    motif_ville: re.Pattern[str] | None
    par_nom: dict[str, tuple[str, str]]
    """folded name -> (kind, code): kind is region, departement or a city's département code."""


def _motif(noms: list[str], prefixe: str) -> re.Pattern[str] | None:
    if not noms:
        return None
    alternatives = sorted({n for n in noms if n}, key=len, reverse=True)
    corps = "|".join(re.escape(n).replace(r"\ ", r"[- ']?\s*") for n in alternatives)
    return re.compile(rf"(?:{prefixe})\s*({corps})\b")


@lru_cache(maxsize=4)
def charger_lieux(chemin: Path = FICHIER_LIEUX) -> Lieux:
    """The place table; an unreadable file gives an empty table (places are then not read)."""
    try:
        donnees = tomllib.loads(chemin.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Lieux({}, {}, None, None, None, {})
    regions = {str(r["code"]): str(r["nom"]) for r in donnees.get("regions", [])}
    departements = {
        str(d["code"]): (str(d["nom"]), str(d["region"])) for d in donnees.get("departements", [])
    }
    par_nom: dict[str, tuple[str, str]] = {}
    noms_regions, noms_departements, noms_villes = [], [], []
    for r in donnees.get("regions", []):
        for nom in [r["nom"], *r.get("variantes", [])]:
            cle = plier_libre(nom)
            par_nom.setdefault(cle, ("region", str(r["code"])))
            noms_regions.append(cle)
    for d in donnees.get("departements", []):
        cle = plier_libre(d["nom"])
        par_nom.setdefault(cle, ("departement", str(d["code"])))
        noms_departements.append(cle)
    for v in donnees.get("villes", []):
        cle = plier_libre(v["nom"])
        par_nom[("ville:" + cle)] = ("ville", str(v["departement"]))
        noms_villes.append(cle)
    article = r"(?:le|la|les|l')\s*"
    return Lieux(
        regions,
        departements,
        _motif(
            noms_regions,
            rf"\ben|\bdans\s+{article}|\bde\s+{article}|\bd'|\bregion\s+|\bvers\s+{article}|\bdu",
        ),
        _motif(
            noms_departements,
            rf"\bdans\s+{article}|\ben|\bdu|\bde\s+{article}|\bdes|\bdepartement\s+(?:du|de\s+la|de\s+l'|des|de)?",
        ),
        _motif(
            noms_villes,
            r"\ba|\bsur|\bvers|\bde|\bd'|\bpres\s+de|\bcote\s+de|\bregion\s+de|\bbanlieue\s+de|\bautour\s+de",
        ),
        par_nom,
    )


_RETOUR = re.compile(
    r"\b(?:retourner|retourne|rentrer|rentre|revenir|repartir|aller|irai|ira|vais|va|vivre"
    r"|habiter|habite|installer|sortie|sortir|sors|demenager|partir|loger|heberge\w*|chez)\b"
)
_INTERDIT = re.compile(r"\b(?:interdi\w*|paraitre|pas\s+le\s+droit)\b")
_NUMERO = re.compile(
    r"\b(?:dans\s+le|sur\s+le|departement|du|le)\s+(\d{2}|2a|2b|97[1-46]|\d-\d)\b"
    r"(?!\s*(?:ans|mois|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre"
    r"|novembre|decembre|h\b|heures|euros|%|/|sur\s+(?:10|dix)))"
)


def _code_departement(brut: str) -> str | None:
    code = brut.upper().replace("-", "")
    if len(code) == 2 and code.isdigit() and code in ("20", "00", "96", "97", "98", "99"):
        return None
    return code


def lieux(enonce: Enonce) -> list[Proposition]:
    table = charger_lieux()
    plie = enonce.plie
    pertinent = enonce.etape_ou_attendu(1, "region_sortie", "departement_sortie")
    trouves: list[tuple[int, int, int, int, str, str]] = []  # (priority, precision, start, ...)

    def ajouter(m: re.Match[str], sorte: str, code: str) -> None:
        if _INTERDIT.search(plie[max(0, m.start() - 35) : m.start()]):
            return  # a declared ban, not where the person goes back to
        debut_phrase, fin_phrase = enonce.phrase_de(m.start())
        retour = bool(_RETOUR.search(plie[debut_phrase:fin_phrase]))
        if pertinent or retour:
            precision = 1 if sorte == "region" else 0
            trouves.append((0 if retour else 1, precision, m.start(), m.end(), sorte, code))

    for motif, sorte in (
        (table.motif_ville, "ville"),
        (table.motif_departement, "departement"),
        (table.motif_region, "region"),
    ):
        if motif is None:
            continue
        for m in motif.finditer(plie):
            cle = plier_libre(m.group(1))
            trouve = table.par_nom.get("ville:" + cle if sorte == "ville" else cle)
            if trouve:
                ajouter(m, sorte, trouve[1])
    if pertinent or "departement" in plie:
        for m in _NUMERO.finditer(plie):
            code = _code_departement(m.group(1))
            if code and code in table.departements:
                ajouter(m, "departement", code)
    if not trouves:
        return []
    _, _, debut, fin, sorte, code = min(trouves)
    extrait = enonce.extrait(debut, fin)
    propositions = []
    if sorte in ("ville", "departement"):
        nom, region = table.departements.get(code, ("", ""))
        if not nom:
            return []
        propositions.append(
            Proposition(
                1,
                "departement_sortie",
                code,
                f"Département de retour envisagé : {nom} ({code})",
                "remplacer",
                extrait,
                0.7,
            )
        )
        code = region
    nom_region = table.regions.get(code)
    if nom_region:
        propositions.append(
            Proposition(
                1,
                "region_sortie",
                code,
                f"Région de retour envisagée : {nom_region} ({code})",
                "remplacer",
                extrait,
                0.7,
            )
        )
    return propositions
