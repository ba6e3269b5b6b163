"""Step 1: legal status (the minimum, never the offence), release horizon and date, sentence
adjustment, age band (never the age itself), SPIP follow-up, disability recognition, declared
restrictions, what must be kept outside.
"""

import re
from datetime import date

from assistant.domain.enums import AmenagementEnvisage, HorizonSortie, StatutPenal
from assistant.guide.extraction.builders import choix, nie_avant
from assistant.guide.extraction.dates import (
    ANNEE,
    MOIS,
    NOM_MOIS,
    date_complete,
    durees,
)
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.text import NOMBRE, Enonce, lire_nombre

_PREVENU = re.compile(
    r"\bprevenue?s?\b|\ben\s+attente\s+(?:de\s+(?:mon\s+|son\s+|leur\s+)?|du\s+)?(?:jugement|proces)"
    r"|\bpas\s+encore\s+(?:ete\s+)?jugee?\b|\bdetention\s+provisoire|\ben\s+preventive"
    r"|\bj'attends\s+(?:mon|le|d'etre)\s+(?:jugement|proces|juge)|\bpas\s+encore\s+(?:ete\s+)?passee?"
    r"\s+(?:au|en)\s+jugement|\bil\s+attend\s+(?:son|le)\s+(?:jugement|proces)"
)
_CONDAMNE = re.compile(
    r"\bcondamnee?s?\b|\bdefinitivement\s+jugee?|\bje\s+purge|\bje\s+fais\s+ma\s+peine|\bma\s+peine\b"
    r"|\bsa\s+peine\b|\bj'ai\s+ete\s+jugee?\b|\bdeja\s+jugee?\b|\bil\s+a\s+ete\s+jugee?\b"
    r"|\belle\s+a\s+ete\s+jugee\b|\b(?:j'ai|il\s+a|elle\s+a)\s+pris\s+(?:\d+|"
    + NOMBRE
    + r")\s+(?:ans?|mois)\b"
)

_SORTIE = (
    r"(?:je\s+sors|j'sors|il\s+sort|elle\s+sort|sortie|sortir|libere\w*|liberable|liberation"
    r"|fin\s+de\s+peine|il\s+me\s+reste|il\s+lui\s+reste|reste\s+a\s+faire|encore|dehors|date)"
)
_HORIZON_DUREE = re.compile(
    rf"\b{_SORTIE}\b[^.;]{{0,30}}?\b(?:dans|d'ici|encore|environ|a\s+peu\s+pres|)\s*"
    rf"(?=(?:{NOMBRE}|quelques)\s+(?:ans?|annees?|mois|semaines?))"
)
_HORIZON_MOIS = re.compile(
    rf"\b{_SORTIE}\b[^.;]{{0,30}}?\b(?:en|au\s+mois\s+de|fin|debut|mi)\s+({NOM_MOIS})(?:\s+({ANNEE}))?\b"
)
_HORIZON_ANNEE = re.compile(
    rf"\b{_SORTIE}\b[^.;]{{0,30}}?\b(?:en|pour|fin|debut|courant)?\s*({ANNEE})\b"
)
_ANNEE_PROCHAINE = re.compile(rf"\b{_SORTIE}\b[^.;]{{0,30}}?\bl'annee\s+prochaine\b")
_QUELQUES_SEMAINES = re.compile(
    rf"\b{_SORTIE}\b[^.;]{{0,30}}?\b(?:quelques\s+semaines|la\s+semaine\s+prochaine|le\s+mois\s+prochain)"
)
_INCONNU = re.compile(
    r"\b(?:pas\s+(?:encore\s+)?(?:de|d'une)\s+date|aucune\s+date|je\s+(?:ne\s+)?sais\s+pas\s+quand"
    r"|on\s+(?:ne\s+)?sait\s+pas\s+quand|aucune\s+idee\s+(?:de|pour)\s+(?:la|ma)\s+(?:date|sortie)"
    r"|date\s+(?:de\s+sortie\s+)?inconnue|il\s+(?:ne\s+)?sait\s+pas\s+quand|elle\s+(?:ne\s+)?sait"
    r"\s+pas\s+quand)"
)


def _mois_courant(enonce: Enonce) -> int:
    contexte = enonce.contexte
    if contexte.mois_courant and 1 <= contexte.mois_courant <= 12:
        return contexte.mois_courant
    aujourd_hui = date.today()
    return aujourd_hui.month if aujourd_hui.year == contexte.annee_courante else 6


def horizon_pour(mois: int) -> HorizonSortie | None:
    if mois <= 0:
        return None
    if mois < 3:
        return HorizonSortie.MOINS_3_MOIS
    if mois <= 6:
        return HorizonSortie.DE_3_A_6_MOIS
    if mois <= 12:
        return HorizonSortie.DE_6_A_12_MOIS
    if mois <= 24:
        return HorizonSortie.DE_12_A_24_MOIS
    return HorizonSortie.PLUS_24_MOIS


def statut_penal(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    prevenu, condamne = _PREVENU.search(plie), _CONDAMNE.search(plie)
    if prevenu and condamne:
        valeur, m = StatutPenal.CONDAMNE_ET_PREVENU, prevenu
    elif prevenu:
        valeur, m = StatutPenal.PREVENU, prevenu
    elif condamne:
        if nie_avant(plie, condamne.start(), 15):
            return []
        valeur, m = StatutPenal.CONDAMNE, condamne
    else:
        return []
    # The words quoted are only the status itself: nothing of the offence or the judgement.
    libelle_statut = {"prevenu": "prévenu", "condamne": "condamné"}
    debut, fin = m.span()
    proposition = choix(enonce, 1, "statut_penal", valeur.value, debut, fin, 0.8)
    extrait = libelle_statut.get(valeur.value, "")
    return [
        Proposition(
            proposition.etape,
            proposition.champ,
            proposition.valeur,
            proposition.libelle,
            proposition.mode,
            extrait,
            proposition.confiance,
        )
    ]


def horizon(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    annee, mois_courant = enonce.contexte.annee_courante, _mois_courant(enonce)
    propositions: list[Proposition] = []
    attendu = enonce.attendu("horizon_sortie", "date_sortie_previsible")
    mois: int | None = None
    span = (0, 0)
    confiance = 0.75
    complete = date_complete(plie, annee)
    if complete and (attendu or re.search(rf"\b{_SORTIE}\b", plie)):
        jour, debut, fin = complete
        propositions.append(
            Proposition(
                1,
                "date_sortie_previsible",
                jour.isoformat(),
                f"Date de sortie prévisible : {jour.day:02d}/{jour.month:02d}/{jour.year}",
                "remplacer",
                enonce.extrait(debut, fin),
                0.8,
            )
        )
        mois = (jour.year - annee) * 12 + (jour.month - mois_courant)
        span = (debut, fin)
    if mois is None:
        m = _HORIZON_DUREE.search(plie)
        trouvees = durees(plie[m.end() :]) if m else []
        if m and trouvees and trouvees[0].debut == 0:
            mois, span = trouvees[0].mois, (m.start(), m.end() + trouvees[0].fin)
        elif attendu:
            toutes = durees(plie)
            if toutes:
                mois, span = toutes[0].mois, (toutes[0].debut, toutes[0].fin)
    if mois is None:
        m2 = _HORIZON_MOIS.search(plie)
        if m2:
            cible = int(m2.group(2)) if m2.group(2) else None
            mois = (
                (cible - annee) * 12 + MOIS[m2.group(1)] - mois_courant
                if cible
                else ((MOIS[m2.group(1)] - mois_courant) % 12 or 12)
            )
            span = m2.span()
    if mois is None:
        m3 = _HORIZON_ANNEE.search(plie)
        if m3:
            mois = (int(m3.group(1)) - annee) * 12 + 6 - mois_courant
            if int(m3.group(1)) == annee:
                mois = max(1, mois)
            span, confiance = m3.span(), 0.6
    if mois is None:
        m4 = _ANNEE_PROCHAINE.search(plie)
        if m4:
            mois, span, confiance = 12 - mois_courant + 6, m4.span(), 0.5
    if mois is None:
        m5 = _QUELQUES_SEMAINES.search(plie)
        if m5:
            mois, span = 1, m5.span()
    valeur = horizon_pour(mois) if mois is not None else None
    if valeur is None:
        m6 = _INCONNU.search(plie)
        if m6 and (attendu or enonce.contexte.etape == 1 or "sort" in plie or "date" in plie):
            valeur, span = HorizonSortie.INCONNU, m6.span()
    if valeur is not None:
        propositions.append(choix(enonce, 1, "horizon_sortie", valeur.value, *span, confiance))
    return propositions


_AMENAGEMENTS: list[tuple[re.Pattern[str], AmenagementEnvisage]] = [
    (re.compile(r"\bsemi[- ]?liberte\b"), AmenagementEnvisage.SEMI_LIBERTE),
    (
        re.compile(
            r"\bbracelet\w*|\bddse\b|\bsurveillance\s+electronique|\bpse\b|\bdetention\s+a\s+domicile"
        ),
        AmenagementEnvisage.DDSE,
    ),
    (re.compile(r"\bplacement\s+(?:a\s+l')?exterieur"), AmenagementEnvisage.PLACEMENT_EXTERIEUR),
    (
        re.compile(r"\bliberation\s+sous\s+contrainte|\blsc\b"),
        AmenagementEnvisage.LIBERATION_SOUS_CONTRAINTE,
    ),
    (
        re.compile(r"\bliberation\s+conditionnelle|\bconditionnelle\b|\blc\b"),
        AmenagementEnvisage.LIBERATION_CONDITIONNELLE,
    ),
]
_SANS_AMENAGEMENT = re.compile(
    r"\b(?:pas|aucun|rien|jamais)\s+(?:eu\s+)?(?:d'|de\s+|d'un\s+)?(?:amenagement|ame)"
    r"|\bpersonne\s+(?:ne\s+)?m'en\s+a\s+parle|\bpas\s+(?:eu|ete)\s+(?:evoque|parle)"
    r"|\bon\s+m'en\s+a\s+(?:jamais|pas)\s+parle"
)


def amenagement(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    for motif, valeur in _AMENAGEMENTS:
        m = motif.search(plie)
        if m and not nie_avant(plie, m.start(), 20):
            return [choix(enonce, 1, "amenagement_envisage", valeur.value, *m.span(), 0.75)]
    if enonce.etape_ou_attendu(1, "amenagement_envisage"):
        m = _SANS_AMENAGEMENT.search(plie)
        if m and (enonce.attendu("amenagement_envisage") or "amenag" in plie):
            return [choix(enonce, 1, "amenagement_envisage", "aucun", *m.span(), 0.6)]
    return []


_AGE = re.compile(
    rf"\b(?:j'ai|jai|j'\s+ai|il\s+a|elle\s+a|agee?\s+de|age\s+de|j'vais\s+avoir)\s+({NOMBRE})\s*ans\b"
    r"(?!\s*(?:d'|de\s|dans|chez|en\s|comme|a\s|au\s|aux\s|d\s|que|qu'|ici|la-bas|sans))"
)
_NAISSANCE = re.compile(rf"\bnee?\s+en\s+({ANNEE})\b")
_MOINS_26 = re.compile(r"\bmoins\s+de\s+(?:26|25|vingt[- ]six|vingt[- ]cinq)\s+ans\b")


def tranche_age(enonce: Enonce) -> list[Proposition]:
    """An age band only; the age itself is neither stored nor quoted (minimisation)."""
    plie = enonce.plie
    age: int | None = None
    m = _AGE.search(plie)
    if m:
        age = lire_nombre(m.group(1))
    elif enonce.attendu("tranche_age"):
        nu = re.fullmatch(rf"\s*({NOMBRE})\s*(?:ans)?\s*[.!]?\s*", plie)
        if nu:
            age = lire_nombre(nu.group(1))
    if age is None:
        n = _NAISSANCE.search(plie)
        if n:
            estime = enonce.contexte.annee_courante - int(n.group(1))
            if estime != 26:  # born that year: 25 or 26 today, undecidable
                age = estime
    valeur = None
    if age is not None and 14 <= age <= 90:
        valeur = "moins_26_ans" if age < 26 else "26_ans_et_plus"
    elif _MOINS_26.search(plie):
        valeur = "moins_26_ans"
    if valeur is None:
        return []
    proposition = choix(enonce, 1, "tranche_age", valeur, 0, 0, 0.8)
    return [proposition]


_SPIP = re.compile(
    r"\b(?:cpip|spip|conseillere?\s+(?:spip|d'insertion\s+et\s+de\s+probation)|sme)\b"
)
_RQTH = re.compile(
    r"\brqth\b|\breconnaissance\s+(?:de\s+la\s+qualite\s+de\s+)?(?:travailleur\s+)?handicap\w*"
    r"|\breconnue?\s+travailleu(?:r|se)\s+handicape\w*"
)


def suivi_et_handicap(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    m = _SPIP.search(plie)
    if m and enonce.etape_ou_attendu(1, "suivi_spip_connu"):
        avant = plie[max(0, m.start() - 40) : m.start()]
        nie = re.search(r"\b(?:pas|jamais|personne|aucun)\b", avant) is not None
        positif = re.search(r"\b(?:vu|rencontre|connais|suivi|suit|j'ai|ma|mon|parle)\b", avant)
        if nie or positif:
            propositions.append(choix(enonce, 1, "suivi_spip_connu", not nie, *m.span(), 0.65))
    m = _RQTH.search(plie)
    if m:
        negatif = nie_avant(plie, m.start(), 25) or bool(
            re.search(r"^[^.;]{0,15}\b(?:non|pas)\b", plie[m.end() : m.end() + 20])
        )
        propositions.append(
            choix(enonce, 1, "reconnaissance_handicap", not negatif, *m.span(), 0.7)
        )
    return propositions


_RESTRICTIONS = [
    (
        re.compile(
            r"\b(?:interdiction|interdit|pas\s+le\s+droit)\b[^.;]{0,40}\b(?:mineurs?|enfants?|jeunes)\b"
        ),
        "contact_mineurs",
    ),
    (
        re.compile(r"\b(?:interdiction|interdit|pas\s+le\s+droit)\s+d'exercer"),
        "interdiction_exercer_activite",
    ),
    (
        re.compile(
            r"\binterdiction\s+(?:de\s+)?(?:territoire|sejour|paraitre)|\bitf\b|\binterdit\s+de\s+(?:sejour|paraitre|territoire)"
        ),
        "interdiction_territoire_ou_sejour",
    ),
]
_SANS_RESTRICTION = re.compile(r"\b(?:aucune|pas\s+d'|pas\s+de)\s*(?:interdiction|restriction)s?\b")
_VERBE_PRESERVER = re.compile(
    r"\b(?:garder|conserver|preserver|perdre|sauver|maintenir)\b[^.;]{0,60}"
)
_PRESERVER = re.compile(
    r"\b(?:mon|ma|mes|son|sa|ses|le|la|les)"
    r"\s+(travail|boulot|emploi|taf|cdi|poste|logement|appart\w*|bail|hlm|formation|droits|rsa"
    r"|allocations?|garde|enfants?|chomage)\b"
)
_PRESERVER_VALEURS = {
    "travail": "emploi",
    "boulot": "emploi",
    "emploi": "emploi",
    "taf": "emploi",
    "cdi": "emploi",
    "poste": "emploi",
    "logement": "logement",
    "bail": "logement",
    "hlm": "logement",
    "formation": "formation",
    "droits": "droits_sociaux",
    "rsa": "droits_sociaux",
    "allocation": "droits_sociaux",
    "allocations": "droits_sociaux",
    "chomage": "droits_sociaux",
    "garde": "garde_enfants",
    "enfant": "garde_enfants",
    "enfants": "garde_enfants",
}


def restrictions_et_preserver(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    if enonce.etape_ou_attendu(1, "restrictions_professionnelles_declarees"):
        for motif, valeur in _RESTRICTIONS:
            m = motif.search(plie)
            if m:
                propositions.append(
                    choix(
                        enonce,
                        1,
                        "restrictions_professionnelles_declarees",
                        valeur,
                        *m.span(),
                        0.7,
                        mode="ajouter",
                    )
                )
        if not propositions:
            m = _SANS_RESTRICTION.search(plie)
            if m:
                propositions.append(
                    choix(
                        enonce,
                        1,
                        "restrictions_professionnelles_declarees",
                        "aucune",
                        *m.span(),
                        0.7,
                        mode="ajouter",
                    )
                )
    if enonce.etape_ou_attendu(1, "elements_exterieurs_a_preserver"):
        vus = set()
        for verbe in _VERBE_PRESERVER.finditer(plie):
            for m in _PRESERVER.finditer(plie, verbe.start(), verbe.end()):
                mot = m.group(1)
                valeur = _PRESERVER_VALEURS.get(mot, "logement" if mot.startswith("appart") else "")
                if valeur and valeur not in vus:
                    vus.add(valeur)
                    propositions.append(
                        choix(
                            enonce,
                            1,
                            "elements_exterieurs_a_preserver",
                            valeur,
                            *m.span(),
                            0.65,
                            mode="ajouter",
                        )
                    )
    return propositions
