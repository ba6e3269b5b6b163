"""Diplomas, certification level, short certifications (CACES, SST...) and driving licences.

« j'ai un CAP maçon obtenu en 2012 » -> Diplome {intitule: "CAP maçon", annee: 2012, obtenu: true}
and niveau_certification = niveau_3_cap_bep; « il a son CACES 1, 3 et 5 » -> three certifications;
« permis B suspendu » -> freins.permis_conduire = b_suspendu_ou_annule.
"""

import re
from dataclasses import dataclass

from assistant.domain.enums import NiveauCertification
from assistant.guide.extraction.builders import choix, nie_avant
from assistant.guide.extraction.dates import annees, il_y_a
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.sensitive import INFRACTION
from assistant.guide.extraction.text import Enonce

N = NiveauCertification
ORDRE_NIVEAUX = [
    N.NIVEAU_3_CAP_BEP,
    N.NIVEAU_4_BAC,
    N.NIVEAU_5_BAC2,
    N.NIVEAU_6_LICENCE,
    N.NIVEAU_7_8,
]


@dataclass(frozen=True)
class Sorte:
    """A kind of diploma: how it is written, its official name, its level, whether a specialty
    follows ("CAP maçon")."""

    motif: str
    nom: str
    niveau: NiveauCertification | None
    specialite: bool = True
    majuscules: bool = False
    """Only recognised when typed in capitals (BUT is also the word « but »)."""


SORTES = [
    Sorte(r"\bbac(?:calaureat)?\s*pro(?:fessionnel)?\b", "Bac pro", N.NIVEAU_4_BAC),
    Sorte(r"\bbac(?:calaureat)?\s*techno(?:logique)?\b", "Bac technologique", N.NIVEAU_4_BAC),
    Sorte(r"\bbac(?:calaureat)?\b(?!\s*\+)", "Bac", N.NIVEAU_4_BAC),
    Sorte(r"\bcap\b(?!\s+emploi)", "CAP", N.NIVEAU_3_CAP_BEP),
    Sorte(r"\bbep\b", "BEP", N.NIVEAU_3_CAP_BEP),
    Sorte(r"\bbts\b", "BTS", N.NIVEAU_5_BAC2),
    Sorte(r"\bdut\b", "DUT", N.NIVEAU_5_BAC2),
    Sorte(r"\bdeug\b", "DEUG", N.NIVEAU_5_BAC2),
    Sorte(r"\bbut\b", "BUT", N.NIVEAU_6_LICENCE, majuscules=True),
    Sorte(r"\blicence\s+pro(?:fessionnelle)?\b", "Licence pro", N.NIVEAU_6_LICENCE),
    Sorte(
        r"\blicence\b(?!\s+(?:de\s+)?(?:foot|sport|taxi|iv|4|boxe|club))",
        "Licence",
        N.NIVEAU_6_LICENCE,
    ),
    Sorte(r"\bmaster\b", "Master", N.NIVEAU_7_8),
    Sorte(r"\bdoctorat\b", "Doctorat", N.NIVEAU_7_8, specialite=False),
    Sorte(r"\bdiplome d'ingenieur\b", "Diplôme d'ingénieur", N.NIVEAU_7_8),
    Sorte(r"\bbrevet professionnel\b|\bbp\b", "BP", N.NIVEAU_4_BAC),
    Sorte(r"\bdaeu\b", "DAEU", N.NIVEAU_4_BAC, specialite=False),
    Sorte(r"\btitre\s+pro(?:fessionnel)?\b|\btp\b", "Titre professionnel", None),
    Sorte(r"\bcqp\b", "CQP", None),
    Sorte(r"\bbrevet(?:\s+des\s+colleges)?\b|\bdnb\b", "Brevet des collèges", None, False),
    Sorte(r"\bcfg\b|certificat de formation generale", "CFG", None, specialite=False),
]
_SORTES = [(re.compile(s.motif), s) for s in SORTES]

PAYS = {
    "maroc": "MA",
    "algerie": "DZ",
    "tunisie": "TN",
    "senegal": "SN",
    "mali": "ML",
    "cote d'ivoire": "CI",
    "cameroun": "CM",
    "congo": "CG",
    "rdc": "CD",
    "guinee": "GN",
    "comores": "KM",
    "roumanie": "RO",
    "pologne": "PL",
    "portugal": "PT",
    "espagne": "ES",
    "italie": "IT",
    "turquie": "TR",
    "albanie": "AL",
    "georgie": "GE",
    "russie": "RU",
    "ukraine": "UA",
    "tchetchenie": "RU",
    "haiti": "HT",
    "belgique": "BE",
}
_PAYS = re.compile(r"\b(?:au|en|a|d'|du|de la|des)\s*(" + "|".join(PAYS) + r")\b")

_ARRETS = {
    "obtenu",
    "obtenue",
    "eu",
    "en",
    "a",
    "au",
    "aux",
    "et",
    "mais",
    "que",
    "qui",
    "puis",
    "ensuite",
    "avec",
    "j'ai",
    "jai",
    "je",
    "j",
    "il",
    "elle",
    "pas",
    "jamais",
    "rate",
    "dans",
    "chez",
    "pendant",
    "depuis",
    "y",
    "quand",
    "lorsque",
    "parce",
    "car",
    "donc",
    "alors",
    "apres",
    "avant",
    "vers",
    "ou",
    "sur",
    "niveau",
    "valide",
    "passe",
    "loupe",
    "echoue",
    "non",
    "aussi",
    "plus",
    "mon",
    "ma",
    "mes",
    "un",
    "une",
    "le",
    "la",
    "les",
    "l",
    "ce",
    "c'est",
    "mention",
    "par",
    "pour",
    "on",
    "the",
    "option",
    "obtenus",
    "fini",
    "termine",
    "commence",
    "l'annee",
    "comme",
    "ici",
    "dehors",
    "lycee",
    "college",
    "ecole",
    "l'ecole",
    "sans",
    "fait",
    "reussi",
    "tout",
    "bien",
}
_LIAISONS = {"de", "d'", "du", "des", "d"}
_INTRO = re.compile(r"\s*(?::|de\s+|d'|en\s+|option\s+|specialite\s+|section\s+)?")
_MOT = re.compile(r"[a-z0-9][a-z0-9']*")
_SPECIALITES_BAC = {"s", "es", "l", "stmg", "sti2d", "st2s", "stl", "std2a", "stav", "sti", "stt"}

_ECHEC_AVANT = re.compile(
    r"(?:\bpas\s+(?:eu|obtenu|fini|termine|valide|reussi)|\brate|\bloupe|\bechoue|\bpas\s+le\b"
    r"|\bpas\s+de\b|\bsans\b|\bcommence|\bprepare|\bpreparer|\bpasser\b|\ben cours\b|\bavant\s+"
    r"(?:le|mon)|\bjusqu'au|\bniveau\b|\bvoudrais|\bveux|\baimerais|\benvie\b|\bfaire\s+(?:un|une)"
    r"|\babandonne|\barrete)[^.;]{0,22}$"
)
_ECHEC_APRES = re.compile(
    r"^[^.;]{0,40}?(?:\bpas\s+(?:eu|obtenu|fini|termine|valide|reussi|abouti)|\bjamais\s+eu"
    r"|\brate\b|\bloupe\b|\bechoue|\babandonne|\barrete\s+(?:en\s+cours|avant)|\ben\s+cours\b"
    r"|\bnon\s+(?:obtenu|valide)|\bpas\s+(?:pu|reussi)\s+(?:le|a)|\bsans\s+(?:l'avoir|le\s+valider))"
)


@dataclass
class DiplomeTrouve:
    sorte: Sorte
    debut: int
    fin: int
    intitule: str
    obtenu: bool
    annee: int | None
    pays: str
    ignore: bool = False


def _specialite(enonce: Enonce, position: int, fin_phrase: int) -> tuple[str, int]:
    """The specialty typed after the diploma name (person's words) and where it ends."""
    plie = enonce.plie
    intro = _INTRO.match(plie, position)
    curseur = intro.end() if intro else position
    mots: list[tuple[int, int]] = []
    for m in _MOT.finditer(plie, curseur, fin_phrase):
        if plie[curseur : m.start()].strip(" "):
            break  # punctuation between words: the specialty stopped
        mot = m.group(0)
        suivant = plie[m.end() : m.end() + 4].lstrip()
        if mot == "et" and mots and suivant.startswith(("d'", "de ")):
            mots.append(m.span())
            curseur = m.end()
            continue
        if mot in _ARRETS or mot.isdigit() or len(mots) >= 6:
            break
        if mot in _LIAISONS and not mots:
            curseur = m.end()
            continue
        mots.append(m.span())
        curseur = m.end()
    while mots and plie[mots[-1][0] : mots[-1][1]] in _LIAISONS | {"et"}:
        mots.pop()
    if not mots:
        return "", position
    return enonce.brut[mots[0][0] : mots[-1][1]], mots[-1][1]


def _intitule(sorte: Sorte, specialite: str) -> str:
    if not specialite:
        return sorte.nom
    if sorte.nom.startswith("Bac") and specialite.lower() in _SPECIALITES_BAC:
        specialite = specialite.upper()
    return f"{sorte.nom} {specialite}"[:120]


def trouver_diplomes(enonce: Enonce) -> list[DiplomeTrouve]:
    plie = enonce.plie
    pris: list[tuple[int, int]] = []
    trouves: list[DiplomeTrouve] = []
    for motif, sorte in _SORTES:
        for m in motif.finditer(plie):
            if any(a < m.end() and m.start() < b for a, b in pris):
                continue
            if sorte.majuscules and not enonce.brut[m.start() : m.end()].isupper():
                continue
            _, fin_phrase = enonce.phrase_de(m.start())
            specialite, fin = "", m.end()
            if sorte.specialite:
                specialite, fin = _specialite(enonce, m.end(), fin_phrase)
                fin = max(fin, m.end())
            pris.append((m.start(), fin))
            trouves.append(
                DiplomeTrouve(sorte, m.start(), fin, _intitule(sorte, specialite), True, None, "FR")
            )
    trouves.sort(key=lambda d: d.debut)
    for i, d in enumerate(trouves):
        debut_phrase, fin_phrase = enonce.phrase_de(d.debut)
        debut_fenetre = max(debut_phrase, trouves[i - 1].fin if i else 0)
        fin_fenetre = min(fin_phrase, trouves[i + 1].debut if i + 1 < len(trouves) else len(plie))
        avant = plie[debut_fenetre : d.debut]
        apres = plie[d.fin : fin_fenetre]
        if re.search(r"\bniveau\s*$|\bjusqu'au\s*$|\bavant\s+(?:le|mon)\s*$", avant):
            d.ignore = True
            continue
        if _ECHEC_AVANT.search(avant) or _ECHEC_APRES.search(apres):
            d.obtenu = False
        ans = [a for a, p in annees(plie, d.fin, fin_fenetre)] or [
            a for a, p in annees(plie, debut_fenetre, d.debut)
        ]
        if ans:
            d.annee = ans[0]
        else:
            vieux = il_y_a(plie[debut_fenetre:fin_fenetre], enonce.contexte.annee_courante)
            d.annee = vieux[0] if vieux else None
        if d.annee is not None and not 1940 <= d.annee <= enonce.contexte.annee_courante + 1:
            d.annee = None
        pays = _PAYS.search(plie, debut_fenetre, fin_fenetre)
        if pays:
            d.pays = PAYS[pays.group(1)]
    return [d for d in trouves if not d.ignore]


_SANS_DIPLOME = re.compile(
    r"\b(?:pas|aucun|sans|jamais\s+eu|rien\s+comme|pas\s+eu|pas\s+obtenu|pas\s+un|pas\s+le\s+moindre)"
    r"\s+(?:de\s+|d'|un\s+|le\s+moindre\s+)?diplomes?\b|\bpas\s+diplome\b|\bsans\s+qualification"
)
_ARRET_ECOLE = re.compile(
    r"\b(?:arrete|quitte|lache|sorti|fini|stoppe|abandonne)\b[^.;]{0,25}?\b(?:en|a\s+la|au|apres\s+la"
    r"|apres\s+le|apres)\s+(3e|3eme|3ieme|troisieme|4e|4eme|quatrieme|5e|5eme|cinquieme|6e|6eme"
    r"|sixieme|seconde|2nde|college|primaire|cm2|segpa)\b"
)
_SORTIE_SCOLAIRE = re.compile(
    r"\b(?:arrete|quitte|lache|sorti|fini|termine|stoppe)\b[^.;]{0,12}?\b(?:l'ecole|les\s+cours"
    r"|le\s+lycee|le\s+college|mes\s+etudes|la\s+scolarite|de\s+l'ecole|du\s+lycee|du\s+college"
    r"|l'ecole)\b[^.;]{0,30}?\b(?:en|vers|depuis)\s+((?:19[5-9]|20[0-4])\d)\b"
)


def diplomes(enonce: Enonce) -> list[Proposition]:
    trouves = trouver_diplomes(enonce)
    propositions = []
    for d in trouves:
        valeur: dict[str, object] = {"intitule": d.intitule, "obtenu": d.obtenu}
        if d.annee is not None:
            valeur["annee"] = d.annee
        if d.pays != "FR":
            valeur["pays"] = d.pays
        texte = d.intitule + (" obtenu" if d.obtenu else " non obtenu")
        if d.annee is not None:
            texte += f" en {d.annee}" if d.obtenu else f" ({d.annee})"
        if d.pays != "FR":
            texte += f" ({d.pays})"
        propositions.append(
            Proposition(
                etape=2,
                champ="diplomes",
                valeur=valeur,
                libelle=texte,
                mode="ajouter",
                extrait=enonce.extrait(d.debut, d.fin),
                confiance=0.8,
            )
        )
    obtenus = [d for d in trouves if d.obtenu and d.sorte.niveau]
    niveau: NiveauCertification | None = None
    position = (0, 0)
    if obtenus:
        francais = [d for d in obtenus if d.pays == "FR"]
        if francais:
            meilleur = max(francais, key=lambda d: ORDRE_NIVEAUX.index(d.sorte.niveau))  # type: ignore[arg-type]
            niveau, position = meilleur.sorte.niveau, (meilleur.debut, meilleur.fin)
        else:
            niveau, position = N.DIPLOME_ETRANGER, (obtenus[0].debut, obtenus[0].fin)
    elif not any(d.obtenu for d in trouves):
        m = _SANS_DIPLOME.search(enonce.plie) or _ARRET_ECOLE.search(enonce.plie)
        if m:
            niveau, position = N.SANS_DIPLOME, m.span()
    if niveau is not None:
        propositions.append(choix(enonce, 2, "niveau_certification", niveau.value, *position, 0.7))
    if enonce.etape_ou_attendu(2, "annee_sortie_scolaire"):
        m = _SORTIE_SCOLAIRE.search(enonce.plie)
        if m:
            propositions.append(
                choix(enonce, 2, "annee_sortie_scolaire", int(m.group(1)), *m.span(), 0.7)
            )
    return propositions


# --- Short certifications ------------------------------------------------------------------------

_CAT = r"(?:\d{1,2}[a-c]?(?!\d)|[a-g](?![a-z]))"
_CACES = re.compile(
    rf"\b(?:caces|permis\s+cariste)\b\s*(?:(r\s?\d{{3}})\s*)?(?:(?:de\s+)?(cariste|chariots?|nacelles?"
    rf"|pemp|engins?(?:\s+de\s+chantier)?|grues?(?:\s+auxiliaires?)?|gerbeurs?|ponts?\s+roulants?)"
    rf"\s*)?(?:(?:cat(?:egorie|egories|eg)?s?\.?|type)\s*)?((?:{_CAT})(?:\s*(?:,|et|-|/|\s)\s*"
    rf"(?:cat(?:egorie)?\.?\s*)?{_CAT})*)?"
)
_RECOMMANDATIONS = {
    "cariste": "R489",
    "chariot": "R489",
    "nacelle": "R486",
    "pemp": "R486",
    "engin": "R482",
    "grue": "R490",
    "gerbeur": "R485",
    "pont": "R484",
}
_HABILITATION = re.compile(
    r"\bhabilitations?(?:\s+electriques?)?\s*((?:b0|h0v?|h0|b1v?|b2v?|br|bc|bs|be|he|bf|hf)"
    r"(?:\s*(?:,|et|/|-|\s)\s*(?:b0|h0v?|b1v?|b2v?|br|bc|bs|be|he|bf|hf))*)\b"
    r"|\bhabilitations?\s+electriques?\b"
)
_SIMPLES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bsst\b|\bsauveteurs?[- ]secouristes?(?:\s+du\s+travail)?\b"), "SST"),
    (re.compile(r"\bpsc\s?1\b|\bformation\s+(?:aux\s+)?premiers\s+secours\b"), "PSC1"),
    (re.compile(r"\bhaccp\b|\bhygiene\s+alimentaire\b"), "HACCP"),
    (re.compile(r"\bclea\s+numerique\b"), "Cléa numérique"),
    (re.compile(r"\bclea\b(?!\s+numerique)"), "Cléa"),
    (re.compile(r"\bfimo\b"), "FIMO"),
    (re.compile(r"\bfco\b"), "FCO"),
    (re.compile(r"\baipr\b"), "AIPR"),
    (re.compile(r"\bbafa\b"), "BAFA"),
    (re.compile(r"\bpix\b"), "PIX"),
    (re.compile(r"\btravail\s+en\s+hauteur\b"), "Travail en hauteur"),
]
_SSIAP = re.compile(r"\bssiap\s*(1|2|3)?\b")
_DELF = re.compile(r"\b(delf|dilf|dalf)\s*(a1|a2|b1|b2|c1|c2)?\b")
_INTENTION = re.compile(
    r"(?:voudrais|veux|voudrait|veut|aimerais|aimerait|envie\s+de|besoin\s+de|faudrait|faut|dois"
    r"|doit|vais|va|compte|prevu\s+de|inscrit\s+(?:pour|a)|en\s+train\s+de)\s+(?:le\s+|la\s+|l')?"
    r"(?:passer|faire|avoir|obtenir|preparer|refaire|repasser|suivre)?[^.;,]{0,15}$"
    r"|\b(?:passer|preparer|repasser)\s+(?:le|la|l'|mon|ma|un|une|son|sa)?\s*$"
)


def _possede(enonce: Enonce, debut: int) -> bool:
    """Not denied, not a wish: « je voudrais passer le CACES » is a project, not a certificate."""
    plie = enonce.plie
    avant = plie[max(0, debut - 45) : debut]
    if nie_avant(plie, debut, 25) or _INTENTION.search(avant):
        return False
    apres = plie[debut : debut + 60]
    return not re.search(r"\b(?:perime|expire|plus\s+valable|pas\s+valide|en\s+cours)\b", apres)


def _certification(enonce: Enonce, nom: str, debut: int, fin: int) -> Proposition:
    return Proposition(
        etape=2,
        champ="certifications_habilitations",
        valeur=nom,
        libelle=f"Certification : {nom}",
        mode="ajouter",
        extrait=enonce.extrait(debut, fin),
        confiance=0.8,
    )


def certifications(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    noms: list[tuple[str, int, int]] = []
    for m in _CACES.finditer(plie):
        if not _possede(enonce, m.start()):
            continue
        recommandation = (m.group(1) or "").replace(" ", "").upper()
        engin = (m.group(2) or "").split()[0] if m.group(2) else ""
        if not recommandation and engin:
            recommandation = _RECOMMANDATIONS.get(engin.rstrip("s"), "")
        if not recommandation and plie[m.start() : m.start() + 6] == "permis":
            recommandation = "R489"
        base = "CACES" + (f" {recommandation}" if recommandation else "")
        categories = re.findall(
            _CAT, re.sub(r"cat(?:egorie|egories|eg)?s?\.?", " ", m.group(3) or "")
        )
        if categories:
            for categorie in categories:
                noms.append((f"{base} catégorie {categorie.upper()}", m.start(), m.end()))
        else:
            noms.append((base, m.start(), m.end()))
    for m in _HABILITATION.finditer(plie):
        if not _possede(enonce, m.start()):
            continue
        niveaux = " ".join(c.upper() for c in re.findall(r"[a-z]\w*", m.group(1) or ""))
        noms.append((f"Habilitation électrique {niveaux}".strip(), m.start(), m.end()))
    for motif, nom in _SIMPLES:
        for m in motif.finditer(plie):
            if _possede(enonce, m.start()):
                noms.append((nom, m.start(), m.end()))
    for m in _SSIAP.finditer(plie):
        if _possede(enonce, m.start()):
            noms.append((f"SSIAP {m.group(1)}" if m.group(1) else "SSIAP", m.start(), m.end()))
    for m in _DELF.finditer(plie):
        if _possede(enonce, m.start()):
            nom = m.group(1).upper() + (f" {m.group(2).upper()}" if m.group(2) else "")
            noms.append((nom, m.start(), m.end()))
    vus: set[str] = set()
    propositions = []
    for nom, debut, fin in sorted(noms, key=lambda n: n[1]):
        if nom not in vus:
            vus.add(nom)
            propositions.append(_certification(enonce, nom, debut, fin))
    return propositions


# --- Driving licence -----------------------------------------------------------------------------

_PERMIS = re.compile(
    r"\bpermis(?:\s+de\s+conduire)?(?!\s+(?:de\s+)?(?:construire|sejour|travail|cariste|chasse"
    r"|bateau|visite|feu))(?:\s+(?:categorie\s+|le\s+|du\s+)?(b|be|c1e|c1|ce|c|d1|de|d|a1|a2|am|a"
    r"|poids\s+lourds?|pl|spl|super\s+lourd|moto|voiture|bus|camion|transport\s+en\s+commun)\b)?"
    r"|\b(poids\s+lourds?|super\s+lourd|spl)\b(?=[^.;]{0,20}\bpermis)"
)
_LOURDS = {"c", "c1", "ce", "c1e", "d", "d1", "de", "poids lourd", "poids lourds", "pl", "spl"}
_LOURDS |= {"super lourd", "bus", "camion", "transport en commun"}
_SUSPENDU = re.compile(
    r"\b(?:suspendu\w*|suspension|annul\w*|retir\w*|invalid\w*|saute|sucre|plus\s+de\s+points"
    r"|zero\s+points?|0\s+points?|perdu\s+(?:tous\s+)?(?:mes|les)\s+points|perdu\s+(?:mon|le)\s+permis"
    r"|plus\s+(?:le|de|mon)\s+permis|on\s+m'a\s+(?:pris|enleve)|enleve)\b"
)
_SANS_PERMIS = re.compile(
    r"\b(?:pas|jamais|sans|aucun|pas\s+encore)\s+(?:eu\s+)?(?:le\s+|de\s+|mon\s+|du\s+)?permis\b"
    r"|\bpermis[^.;]{0,10}\b(?:je\s+l'ai\s+pas|jamais\s+eu|pas\s+eu)\b"
)
_PREPARATION = re.compile(
    r"\b(?:en\s+train\s+de\s+passer|je\s+passe|je\s+prepare|preparer|inscrit\s+a\s+l'auto[- ]ecole"
    r"|auto[- ]ecole|j'ai\s+(?:eu\s+)?(?:le|mon)\s+code|code\s+(?:en\s+poche|obtenu|reussi|valide))"
)


def permis(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    mentions = list(_PERMIS.finditer(plie))
    code = re.search(r"\b(?:le|mon)\s+code\b(?:\s+de\s+la\s+route)?", plie)
    if not mentions and not code:
        return []
    if re.search(r"conduite\s+sans\s+permis|sans\s+permis\s+(?:et|ni)\s+assurance", plie):
        return []  # the offence, never recorded
    if INFRACTION.search(plie) and not mentions:
        return []
    propositions = []
    valeur: str | None = None
    debut, fin = (mentions[0].span() if mentions else code.span()) if (mentions or code) else (0, 0)  # type: ignore[union-attr]
    categories = {
        (m.group(1) or m.group(2) or "").strip() for m in mentions if m.group(1) or m.group(2)
    }
    lourdes = sorted(c for c in categories if c in _LOURDS)
    phrase = plie[max(0, debut - 60) : fin + 60]
    if _SUSPENDU.search(phrase):
        valeur = "b_suspendu_ou_annule"
    elif _SANS_PERMIS.search(plie):
        valeur = "aucun"
    elif _PREPARATION.search(phrase) or (code and not mentions):
        valeur = "en_preparation"
    elif lourdes:
        valeur = "autres_categories"
    elif (
        mentions
        and not nie_avant(plie, debut)
        and not _INTENTION.search(plie[max(0, debut - 45) : debut])
    ):
        valeur = "b_valide"
    if valeur is None:
        return []
    propositions.append(choix(enonce, 5, "permis_conduire", valeur, debut, fin, 0.75))
    if valeur == "autres_categories":
        for categorie in lourdes:
            nom = {"poids lourd": "C", "poids lourds": "C", "pl": "C", "spl": "CE"}.get(
                categorie, categorie.upper()
            )
            if nom in ("SUPER LOURD",):
                nom = "CE"
            if nom in ("BUS", "TRANSPORT EN COMMUN"):
                nom = "D"
            if nom == "CAMION":
                nom = "C"
            propositions.append(_certification(enonce, f"Permis {nom}", debut, fin))
    if valeur == "b_suspendu_ou_annule" and enonce.etape_ou_attendu(
        1, "restrictions_professionnelles_declarees"
    ):
        propositions.append(
            choix(
                enonce,
                1,
                "restrictions_professionnelles_declarees",
                "permis_suspendu_annule",
                debut,
                fin,
                0.6,
                mode="ajouter",
            )
        )
    return propositions
