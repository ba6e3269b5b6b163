"""Certification types: the publishers' type codes mapped to a short type and a normalised category.

Categories: titre_professionnel, cap, bep, bac_pro, bp, mc, cs, bts, cqp, habilitation_courte,
titre_rncp (other titles registered on request), diplome_etat, superieur, autre.
"""

import re
from dataclasses import dataclass

# France Compétences names the Ministry "MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L' INSERTION";
# its name changes with each government, the prefix does not.
MINISTRY_OF_LABOUR_PREFIX = "MINISTERE DU TRAVAIL"


@dataclass(frozen=True)
class Kind:
    type: str
    categorie: str


_TP = Kind("Titre professionnel", "titre_professionnel")
_CAP = Kind("CAP", "cap")
_BEP = Kind("BEP", "bep")
_BAC_PRO = Kind("Bac pro", "bac_pro")
_BP = Kind("BP", "bp")
_MC = Kind("MC", "mc")
_CS = Kind("CS", "cs")
_BTS = Kind("BTS", "bts")
_CQP = Kind("CQP", "cqp")
_HABILITATION = Kind("Habilitation", "habilitation_courte")

# Certif Info `code_type_diplome` → kind (the other codes keep Certif Info's own label).
_CERTIFINFO = {
    **dict.fromkeys(("561", "461", "361", "261"), _TP),
    **dict.fromkeys(("500", "533", "501"), _CAP),
    **dict.fromkeys(("400", "403"), _BAC_PRO),
    **dict.fromkeys(("450", "454", "503"), _BP),
    **dict.fromkeys(("537", "437"), _MC),
    **dict.fromkeys(("563", "538", "463", "438", "363"), _CS),
    **dict.fromkeys(("320", "323", "327"), _BTS),
    **dict.fromkeys(("966", "968"), _CQP),
    "970": _HABILITATION,
}
_CERTIFINFO_GROUPS = [
    (("565", "465", "365", "265", "165"), "titre_rncp"),
    (("587", "487", "387", "287", "187", "349", "249", "446"), "diplome_etat"),
    (
        ("170", "171", "132", "105", "139", "205", "250", "252", "253", "350", "355", "160", "110"),
        "superieur",
    ),
]
# Type codes of the RNCP 2021 table (`CodeTypeCertif`); "RS" is ours for fiches of the RS.
_RNCP_INFO = {
    "TP": _TP,
    "CAP": _CAP,
    "CAPA": _CAP,
    "BEP": _BEP,
    "BEPA": _BEP,
    "BAC PRO": _BAC_PRO,
    "BP": _BP,
    "BPA": _BP,
    "MC4": _MC,
    "MC5": _MC,
    "CS": _CS,
    "BTS": _BTS,
    "BTSA": _BTS,
    "RS": _HABILITATION,
}
_CPC = {"CAP": _CAP, "BAC PRO": _BAC_PRO, "BP": _BP, "BTS": _BTS, "CS3": _CS, "CS4": _CS}


def kind_of_certifinfo(code: str, label: str) -> Kind:
    """Kind of a Certif Info record from its `code_type_diplome` and `Libelle_Type_Diplome`."""
    if code in _CERTIFINFO:
        return _CERTIFINFO[code]
    label = label.strip() or "Autre certification"
    for codes, category in _CERTIFINFO_GROUPS:
        if code in codes:
            return Kind(label, category)
    return Kind(label, "autre")


def kind_of_rncp_info(code: str) -> Kind:
    """Kind of a fiche of the RNCP 2021 table from its `CodeTypeCertif`."""
    return _RNCP_INFO.get(
        code.strip().upper(), Kind(code.strip() or "Autre certification", "autre")
    )


def kind_of_cpc(diplome: str) -> Kind:
    """Kind of an Education nationale diploma of the CPC list from its `Diplôme` column."""
    return _CPC.get(diplome.strip().upper(), Kind(diplome.strip() or "Diplôme", "autre"))


# Short certifications that matter at release. The first group is recognised in any title
# (these names are unambiguous); the second only on habilitations, because "échafaudage" or
# "amiante" also name full diplomas (MC échafaudeur, TP opérateur amiante).
_ALWAYS = [
    ("caces", r"\bCACES\b|conduite en s[ée]curit[ée] R ?4\d\d|\bR ?4(8[2-9]|90)\b"),
    ("sst", r"sauveteur[- ]secouriste du travail|\(SST\)"),
    ("hygiene_alimentaire", r"\bHACCP\b|hygi[èe]ne alimentaire"),
    ("clea", r"\bCl[ée]A\b"),
    ("habilitation_electrique", r"habilitation [ée]lectrique"),
    ("fimo_fco", r"\bFIMO\b|\bFCO\b|v[ée]hicules routiers affect[ée]s aux transports"),
    ("ssiap", r"\bSSIAP\b"),
    ("permis", r"^permis\b|brevet de s[ée]curit[ée] routi[èe]re"),
]
_HABILITATIONS_ONLY = [
    ("echafaudage", r"[ée]chafaudage|\bR ?4(08|57)\b"),
    ("amiante", r"amiante"),
    ("aipr", r"\bAIPR\b|proximit[ée] des r[ée]seaux"),
    ("prap", r"\bPRAP\b|risques li[ée]s [àa] l'activit[ée] physique"),
]
_ALWAYS_RE = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _ALWAYS]
_DIPLOMAS = {"titre_professionnel", "cap", "bep", "bac_pro", "bp", "mc", "cs", "bts", "superieur"}
_HAB_RE = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _HABILITATIONS_ONLY]


def short_family(title: str, categorie: str) -> str | None:
    """The family of a short certification ("caces", "sst"…), None for anything else."""
    if categorie in _DIPLOMAS:
        return None  # a diploma whose title mentions HACCP or a CACES is still a diploma
    patterns = _ALWAYS_RE + (_HAB_RE if categorie == "habilitation_courte" else [])
    for name, pattern in patterns:
        if pattern.search(title):
            return name
    return None
