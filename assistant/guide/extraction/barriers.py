"""Step 5: barriers by category (guide C.5) and the social situation at release.

Health and addictions follow rule A.4: the barrier says only that a referral is needed and its
theme; no comment, no product, no diagnosis is ever copied. No barrier holds a comment at all:
the counsellor writes one if needed.
"""

import re

from assistant.domain.enums import CategorieFrein, NiveauFrein
from assistant.domain.labels import libelle
from assistant.guide.extraction.builders import choix, nie_avant
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.text import NOMBRE, Enonce, lire_nombre

C = CategorieFrein

FREINS: list[tuple[CategorieFrein, re.Pattern[str], str | None]] = [
    (
        C.LOGEMENT,
        re.compile(
            r"\b(?:pas|plus|aucun|sans)\s+(?:de\s+|d')?(?:logement|appart\w*|domicile|toit|endroit\s+ou"
            r"\s+(?:aller|dormir|vivre)|solution\s+(?:de\s+)?logement|hebergement)\b|\bsdf\b|\ba\s+la\s+rue"
            r"|\bnulle\s+part\s+ou\s+(?:aller|dormir|vivre)|\bperdu\s+(?:mon|son)\s+(?:logement|appart\w*)"
            r"|\bexpuls\w*|\bsans\s+domicile|\bnulle\s+part\b|\bou\s+dormir\b"
            r"|\b(?:probleme|souci|galere)s?\s+de\s+(?:logement|loge\w*|hebergement)"
        ),
        None,
    ),
    (
        C.ADDICTIONS,
        re.compile(
            r"\bje\s+bois\b|\bil\s+boit\b|\belle\s+boit\b|\bl'alcool\b|\balcool\w*|\bdrogue\w*|\bcannabis"
            r"|\bshit\b|\bjoints?\b|\bcocaine|\bcoke\b|\bheroine|\bcrack\b|\baddict\w*|\bdependan\w*"
            r"|\bje\s+consomme|\bil\s+consomme|\belle\s+consomme|\bconsommation\w*|\bcsapa\b"
            r"|\bsevrage|\bje\s+fume\s+(?:trop|beaucoup)|\bmedocs?\b|\btoxico\w*"
        ),
        "sante--addictions",
    ),
    (
        C.SANTE,
        re.compile(
            r"\b(?:probleme|soucis?|problemes)\s+de\s+sante|\bmalade\b|\bmaladie\b|\bmal\s+(?:au|aux|a\s+la)"
            r"\s+\w+|(?<!obligation\sde\s)\bsoins?\b|\bmedecin\w*|\bhopital|\btraitement\w*|\bdos\s+(?:casse|bloque)"
            r"|\bje\s+dors\s+(?:pas|plus|mal)|\bsante\b|\bmdph\b|\binvalidite\b|\bpsy\w*"
        ),
        "sante--acces-aux-soins",
    ),
    (
        C.MOBILITE,
        re.compile(
            r"\b(?:pas|plus|aucun)\s+(?:de\s+|d')?(?:voiture|vehicule|moyen\s+de\s+(?:transport|locomotion)"
            r"|scooter|moto|transport)\b|\bmobilite\b|\bpas\s+de\s+bus\b|\btrop\s+loin\b|\bisole\s+a\s+la"
            r"\s+campagne|\bpas\s+(?:de\s+)?transports?\s+en\s+commun"
        ),
        None,
    ),
    (
        C.FAMILLE_GARDE_ENFANTS,
        re.compile(
            r"\bgarde\s+(?:des|de\s+mes|de\s+ses|d'|de)\s*enfants?|\bfaire\s+garder|\bnounou\b|\bcreche\b"
            r"|\bpersonne\s+pour\s+garder|\bseule?\s+avec\s+(?:mes|les|ses|trois|deux|\d)\s*\w*\s*enfants"
            r"|\bmere\s+isolee|\bpere\s+isole|\bmaman\s+solo|\bplacement\s+des\s+enfants|\bl'ase\b"
        ),
        None,
    ),
    (
        C.FINANCES_DETTES,
        re.compile(
            r"\bdettes?\b|\bendett\w*|\bcredits?\b(?!\s+(?:d'heures|cpf))|\bamendes?\b|\brembourser"
            r"|\bhuissiers?\b|\bsurendett\w*|\bimpayes?\b|\bloyers?\s+impayes?|\bpas\s+d'argent"
            r"|\bplus\s+d'argent|\bfinances?\b|\bfins\s+de\s+mois|\bproblemes?\s+d'argent"
            r"|\bpas\s+de\s+compte\s+(?:en\s+banque|bancaire)|\binterdit\s+bancaire"
        ),
        None,
    ),
    (
        C.DROITS_PAPIERS,
        re.compile(
            r"\b(?:pas|plus|aucun|sans)\s+(?:de\s+|d'|mes\s+)?papiers\b|\bpapiers\s+(?:perdus|voles|a\s+refaire"
            r"|perimes|expires)|\bsans[- ]papiers"
            r"|\btitre\s+de\s+sejour\s+(?:est\s+)?(?:expire|perime|fini|a\s+renouveler)"
            r"|\b(?:carte\s+d'identite|cni|passeport|carte\s+vitale)\s+(?:perdue?|volee?|perimee?|expiree?)"
            r"|\b(?:pas|plus)\s+de\s+(?:carte\s+d'identite|cni|passeport|carte\s+vitale|titre\s+de\s+sejour"
            r"|secu)\b|\bdroits\s+(?:coupes|fermes|suspendus)|\bperdu\s+(?:mes|tous\s+mes|ses|sa|ma)\s+(?:papiers|carte\s+d'identite|cni|passeport)"
            r"|\bj'ai\s+plus\s+de\s+papiers"
        ),
        None,
    ),
    (
        C.JUSTICE_OBLIGATIONS,
        re.compile(
            r"\bobligations?\s+(?:de\s+soins|de\s+travail|de\s+formation|de\s+pointer|de\s+residence|du\s+sme"
            r"|du\s+sursis|judiciaires?)|\bcontrole\s+judiciaire|\bsursis\s+probatoire|\bpointer\s+au"
            r"|\btig\b|\btravail\s+d'interet\s+general|\bjap\b|\bjuge\s+d'application"
        ),
        None,
    ),
    (
        C.NUMERIQUE,
        re.compile(
            r"\b(?:pas|plus|aucun)\s+(?:d'|de\s+)?(?:ordi\w*|telephone|portable|smartphone|internet"
            r"|adresse\s+(?:e-?)?mail|mail|email)\b|\bnul\w*\s+(?:en|avec)\s+(?:informatique|l'ordi\w*"
            r"|internet)|\bje\s+(?:ne\s+)?sais\s+pas\s+(?:utiliser|me\s+servir\s+d'?)\s*(?:un\s+|l')?"
            r"(?:ordi\w*|internet|telephone|portable)|\billectronisme"
        ),
        None,
    ),
    (
        C.LANGUE_ILLETTRISME,
        re.compile(
            r"\bje\s+(?:ne\s+)?sais\s+pas\s+(?:bien\s+|tres\s+bien\s+|trop\s+)?(?:lire|ecrire)"
            r"|\b(?:il|elle)\s+(?:ne\s+)?sait\s+pas\s+(?:bien\s+)?(?:lire|ecrire)"
            r"|\bdifficult\w*\s+(?:a|pour|avec)\s+(?:lire|ecrire|la\s+lecture|l'ecrit|l'ecriture)"
            r"|\billettr\w*|\banalphab\w*|\bje\s+(?:ne\s+)?parle\s+pas\s+(?:bien\s+|tres\s+bien\s+)?"
            r"(?:le\s+)?francais|\b(?:il|elle|je)\s+(?:ne\s+)?parle\s+(?:tres\s+peu|peu|pas\s+bien|pas)\s+"
            r"(?:le\s+)?francais|\bcours\s+de\s+francais|\bfle\b|\bmal\s+a\s+lire|\blire\s+c'est\s+dur"
        ),
        None,
    ),
    (
        C.EQUIPEMENT_ALIMENTATION,
        re.compile(
            r"\b(?:pas|plus|aucun)\s+(?:de\s+|d')?(?:vetements|affaires|habits|fringues|chaussures"
            r"|quoi\s+manger|nourriture)|\brien\s+a\s+me\s+mettre|\bcolis\s+alimentaire|\brestos?\s+du"
            r"\s+coeur\s+pour\s+manger|\bbanque\s+alimentaire|\bvestiaire\s+solidaire|\bpas\s+de\s+quoi\s+manger"
        ),
        None,
    ),
    (
        C.CONFIANCE_ISOLEMENT,
        re.compile(
            r"\bseule?\s+au\s+monde|\bplus\s+personne|\bpersonne\s+dehors|\bje\s+connais\s+personne"
            r"|\bisolee?\b|\bisolement\b|\bpas\s+(?:trop\s+|beaucoup\s+)?confiance\s+en\s+moi"
            r"|\bmanque\s+de\s+confiance|\bconfiance\s+en\s+(?:moi|lui|elle)|\bpeur\s+de\s+(?:pas|ne\s+pas)"
            r"\s+y\s+arriver|\bhonte\b|\btourne\s+le\s+dos|\bpersonne\s+pour\s+m'aider|\bpas\s+de\s+famille"
            r"|\bplus\s+de\s+famille|\bpas\s+d'amis\b|\bseul\s+dehors|\bpersonne\s+ne\s+m'attend"
        ),
        None,
    ),
]

_BLOQUANT = re.compile(
    r"\bbloqu\w*|\bimpossible|\burgen\w*|\bcatastroph\w*|\bdramatique|\bc'est\s+la\s+galere\s+totale"
    r"|\brien\s+du\s+tout|\bsans\s+(?:aucune\s+)?solution|\ba\s+la\s+rue"
)
_IMPORTANT = re.compile(
    r"\bgros\w*\s+(?:probleme|souci|galere|frein|dettes?)|\b(?:grosse|vraie|sacree)\s+galere|\btres\s+"
    r"(?:difficile|complique|dur)|\bvraiment\s+(?:difficile|complique|dur|galere)|\benorme\w*"
    r"|\bimportant\w*|\bgrave\b|\bbeaucoup\s+de\s+(?:dettes|problemes|soucis)|\bserieux\b"
    r"|\bc'est\s+(?:dur|la\s+galere|complique)|\bpas\s+de\s+logement\s+a\s+la\s+sortie"
)
_LEGER = re.compile(
    r"\bun\s+peu\b|\bpetits?\s+(?:soucis?|problemes?|dettes?)|\bleger\w*|\bpas\s+grand[- ]chose"
    r"|\bpas\s+(?:tres|trop)\s+(?:grave|important)|\bgerable|\bca\s+va\s+a\s+peu\s+pres"
)


def _niveau(clause: str) -> NiveauFrein | None:
    if _BLOQUANT.search(clause):
        return NiveauFrein.BLOQUANT
    if _LEGER.search(clause):
        return NiveauFrein.LEGER
    if _IMPORTANT.search(clause):
        return NiveauFrein.IMPORTANT
    return None


_THEMES_SANTE = [
    (
        re.compile(r"\bpsy\w*|\bdepress\w*|\bmoral\b|\banxi\w*|\bangoiss\w*|\bsante\s+mentale"),
        "sante--sante-mentale",
    ),
    (
        re.compile(r"\bmdph\b|\binvalidite|\bhandicap\w*"),
        "sante--constituer-un-dossier-mdph-invalidite",
    ),
]


_NEGATIF = re.compile(r"(?:pas|plus|aucun|sans|nulle|personne|rien|jamais)\b")
_NIE_APRES = re.compile(r"\s+(?:pas|plus|jamais)\b")


def freins(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    for categorie, motif, theme in FREINS:
        m = motif.search(plie)
        if not m:
            continue
        mot = m.group(0)
        if not _NEGATIF.match(mot) and (
            nie_avant(plie, m.start(), 14) or _NIE_APRES.match(plie, m.end())
        ):
            continue
        debut_phrase, fin_phrase = enonce.phrase_de(m.start())
        niveau = _niveau(plie[debut_phrase:fin_phrase])
        valeur: dict[str, object] = {"categorie": categorie.value}
        if niveau is not None:
            valeur["niveau"] = niveau.value
        texte = f"Frein {libelle(categorie).lower()}"
        if categorie in (C.ADDICTIONS, C.SANTE):
            if categorie is C.SANTE:
                for motif_theme, code in _THEMES_SANTE:
                    if motif_theme.search(plie):
                        theme = code
                        break
            valeur["besoin_orientation"] = True
            valeur["theme_orientation"] = theme
            texte += " : besoin d'orientation"
            # Rule A.4: the person's words about health are not quoted either.
            extrait = ""
        else:
            extrait = enonce.extrait(m.start(), m.end())
        if niveau is not None:
            texte += (
                f" : {libelle(niveau).lower()}"
                if categorie not in (C.ADDICTIONS, C.SANTE)
                else f" ({libelle(niveau).lower()})"
            )
        propositions.append(Proposition(5, "freins", valeur, texte, "ajouter", extrait, 0.7))
    return propositions


# --- Social situation at release ------------------------------------------------------------------

_HEBERGEMENT = [
    (
        "ne_sait_pas",
        re.compile(
            r"\b(?:je|il|elle)\s+(?:ne\s+)?sai[st]\s+pas\s+(?:encore\s+)?ou\s+(?:aller|dormir|vivre|loger"
            r"|habiter|(?:je|il|elle)\s+(?:vais|va|irai|ira)\b)"
        ),
    ),
    (
        "sans_solution",
        re.compile(
            r"\b(?:a\s+la\s+rue|nulle\s+part|aucune\s+solution|sans\s+solution|pas\s+de\s+solution|sdf"
            r"|sans\s+domicile|pas\s+(?:de\s+)?logement|(?:j'ai|il\s+a|elle\s+a)\s+rien\s+pour\s+(?:me|se)\s+loger"
            r"|pas\s+d'endroit|nulle\s+part\s+ou\s+aller|personne\s+pour\s+m'heberger)"
        ),
    ),
    (
        "hebergement_associatif",
        re.compile(
            r"\b(?:foyer|chrs|le\s+115|au\s+115|hebergement\s+d'urgence|association\s+d'hebergement"
            r"|centre\s+d'hebergement|residence\s+sociale|pension\s+de\s+famille|maison\s+relais|emmaus"
            r"|armee\s+du\s+salut)\b"
        ),
    ),
    (
        "structure_placement_exterieur",
        re.compile(r"\bstructure\s+de\s+placement|\bplacement\s+exterieur\b"),
    ),
    (
        "famille_amis",
        re.compile(
            r"\bchez\s+(?:ma|mon|mes|sa|son|ses|un|une|des)\s+(?:mere|pere|parents|maman|papa|soeur|frere"
            r"|tante|oncle|cousin\w*|grand[- ]mere|grand[- ]pere|grands[- ]parents|copine|copain"
            r"|compagne|compagnon|femme|mari|ami\w*|pote\w*|famille|fille|fils|belle[- ]\w+|daronne"
            r"|reup|darons)\b"
            r"|\bma\s+(?:mere|famille|soeur|copine|compagne|femme)\s+(?:va\s+)?m'heberge"
        ),
    ),
    (
        "logement_personnel",
        re.compile(
            r"\b(?:mon|son)\s+(?:appart\w*|logement|studio|hlm|bail|f[1-5]|t[1-5])\b|\bchez\s+moi\b"
            r"|\bj'ai\s+(?:un|mon|toujours\s+mon|garde\s+mon)\s+(?:appart\w*|logement|studio)"
            r"|\bje\s+(?:suis|reste)\s+locataire"
        ),
    ),
]
_PIECES = [
    (
        "absent_perdu",
        re.compile(
            r"\b(?:pas|plus|aucun|sans)\s+(?:de\s+|d'|mes\s+)?(?:papiers|carte\s+d'identite|cni|passeport)\b"
            r"|\b(?:papiers|carte\s+d'identite|cni|passeport)\s+(?:perdus?|perdue|voles?|volee)"
            r"|\bperdu\s+(?:mes|tous\s+mes|ma|mon|ses|sa|son)\s+(?:papiers|carte\s+d'identite|cni|passeport)"
            r"|\bsans[- ]papiers"
        ),
    ),
    (
        "demarche_en_cours",
        re.compile(
            r"\b(?:renouvellement|demande|dossier|rendez-vous|rdv)\b[^.;]{0,30}\b(?:en\s+cours|faite|depose"
            r"|envoye)|\ben\s+cours\s+de\s+renouvellement|\bje\s+(?:fais|refais)\s+(?:mes|ma|mon)\s+(?:papiers"
            r"|carte|passeport)"
        ),
    ),
    (
        "expire",
        re.compile(
            r"\b(?:perime\w*|expire\w*|plus\s+valable|pas\s+a\s+jour|plus\s+a\s+jour|depasse\w*)\b"
        ),
    ),
    (
        "titre_sejour_valide",
        re.compile(r"\b(?:titre\s+de\s+sejour|carte\s+de\s+resident|carte\s+de\s+sejour)\b"),
    ),
    (
        "cni_ou_passeport_valide",
        re.compile(
            r"\b(?:carte\s+d'identite|cni|passeport)\b|\bj'ai\s+(?:tous\s+)?mes\s+papiers|\bpapiers\s+(?:en\s+regle"
            r"|ok|a\s+jour|valides?)|\bmes\s+papiers\s+sont\s+(?:ok|bons|valides|a\s+jour)"
        ),
    ),
]
_PAPIERS = re.compile(
    r"\b(?:papiers|carte\s+d'identite|cni|passeport|titre\s+de\s+sejour|carte\s+de\s+resident|carte\s+de\s+sejour)\b"
)

_DROITS = [
    ("rsa_avant", re.compile(r"\brsa\b")),
    (
        "are_avant",
        re.compile(
            r"\b(?:are|chomage|allocations?\s+chomage|indemnites?\s+chomage|alloc\s+chomage)\b"
        ),
    ),
    ("aah", re.compile(r"\baah\b|\ballocation\s+(?:aux\s+)?adultes?\s+handicapes?")),
    (
        "complementaire_sante",
        re.compile(r"\b(?:css|cmu[- ]?c|complementaire(?:\s+sante)?|mutuelle)\b"),
    ),
    (
        "secu_ok",
        re.compile(
            r"\b(?:secu|securite\s+sociale|carte\s+vitale|cpam|puma|assurance\s+maladie|cmu)\b"
            r"(?![- ]?c\b)"
        ),
    ),
]
_AUCUN_DROIT = re.compile(
    r"\b(?:aucun\s+droit|pas\s+de\s+droits|(?:je|il|elle)\s+(?:ne\s+)?touchai[st]\s+rien|j'avais\s+rien)\b"
)

_NUMERIQUE = [
    (
        "aucune",
        re.compile(
            r"\b(?:je\s+(?:ne\s+)?sais\s+pas|il\s+(?:ne\s+)?sait\s+pas|elle\s+(?:ne\s+)?sait\s+pas)\s+(?:du\s+tout\s+)?"
            r"(?:utiliser|me\s+servir|se\s+servir|aller\s+sur)|\bjamais\s+(?:utilise|touche|eu)\s+(?:d'|un\s+|l')?"
            r"(?:ordi\w*|internet)|\bnul\w*\s+(?:en|avec)\s+(?:l'|les\s+)?(?:informatique|ordi\w*|internet)"
            r"|\bpas\s+d'(?:adresse\s+)?(?:e-?)?mail|\bje\s+(?:n'y\s+)?connais\s+rien\s+(?:en|a)\s+(?:l')?"
            r"(?:informatique|internet|ordi)"
        ),
    ),
    (
        "partielle",
        re.compile(
            r"\bun\s+peu\b|\bje\s+me\s+debrouille|\bjuste\s+(?:mon|le)\s+(?:telephone|portable)|\bpas\s+trop"
            r"|\bmoyen\w*|\bavec\s+de\s+l'aide|\bles\s+bases|\bseulement\s+(?:le|mon)\s+(?:telephone|portable)"
            r"|\bcomme\s+ci\s+comme\s+ca|\bpas\s+tres\s+(?:a\s+l'aise|bien)"
        ),
    ),
    (
        "autonome",
        re.compile(
            r"\ba\s+l'aise|\bautonome|\bje\s+(?:fais|faisais)\s+tout\s+(?:en\s+ligne|sur\s+internet|sur\s+mon)"
            r"|\bpas\s+de\s+(?:probleme|souci)|\bje\s+(?:sais|savais)\s+(?:bien\s+)?(?:utiliser|me\s+servir)"
            r"|\bje\s+maitrise|\bbien\s+(?:l'|les\s+)?(?:ordi\w*|informatique|internet)"
        ),
    ),
]
_CONTEXTE_NUMERIQUE = re.compile(
    r"\b(?:ordi\w*|internet|informatique|e-?mail|mail|en\s+ligne|smartphone|telephone|portable"
    r"|numerique|tablette|site|applis?|application|clavier|souris|ecran)\b"
)
_ENFANTS = re.compile(
    rf"\b({NOMBRE})\s+(?:petits?\s+|petites?\s+|jeunes?\s+)?(enfants?|gamins?|gamines?|gosses?|fils|filles?|garcons?|mome?s?|bebes?|petits|minots?)\b"
)
_SANS_ENFANT = re.compile(
    r"\b(?:pas|aucun|sans|jamais\s+eu)\s+(?:d'|de\s+)?(?:enfants?|gosses?|gamins?)\b"
)
_PARENT_DE = re.compile(rf"\b(?:pere|mere|papa|maman)\s+de\s+({NOMBRE})\b")


def situation_sortie(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    contexte_logement = enonce.etape_ou_attendu(5, "hebergement_sortie") or re.search(
        r"\b(?:sortie|sortir|sors|sortant|dehors|loger|dormir|vivre|habiter|heberge\w*|aller|vais"
        r"|installer|rentrer|retourner|rentre|retourne)\b",
        plie,
    )
    if contexte_logement:
        for valeur, motif in _HEBERGEMENT:
            m = motif.search(plie)
            if m and not (valeur == "logement_personnel" and nie_avant(plie, m.start(), 15)):
                if valeur == "structure_placement_exterieur" and not enonce.attendu(
                    "hebergement_sortie"
                ):
                    continue
                propositions.append(choix(enonce, 5, "hebergement_sortie", valeur, *m.span(), 0.65))
                break
    if _PAPIERS.search(plie) or enonce.attendu("pieces_identite"):
        for valeur, motif in _PIECES:
            m = motif.search(plie)
            if m:
                if valeur == "expire" and not _PAPIERS.search(plie):
                    continue
                if valeur in ("titre_sejour_valide", "cni_ou_passeport_valide") and nie_avant(
                    plie, m.start(), 15
                ):
                    continue
                propositions.append(choix(enonce, 5, "pieces_identite", valeur, *m.span(), 0.65))
                break
    vus = set()
    for valeur, motif in _DROITS:
        for m in motif.finditer(plie):
            if valeur in vus or nie_avant(plie, m.start(), 20):
                continue
            if valeur == "are_avant" and not re.search(
                r"\b(?:touch\w*|avais|avait|droits?|allocations?|indemni\w*|percevai\w*|l'are|au\s+chomage"
                r"|inscrit)\b",
                plie,
            ):
                continue
            vus.add(valeur)
            propositions.append(
                choix(enonce, 5, "droits_sociaux", valeur, *m.span(), 0.65, mode="ajouter")
            )
    if not vus and enonce.etape_ou_attendu(5, "droits_sociaux"):
        m = _AUCUN_DROIT.search(plie)
        if m:
            propositions.append(
                choix(enonce, 5, "droits_sociaux", "aucun", *m.span(), 0.6, mode="ajouter")
            )
    if _CONTEXTE_NUMERIQUE.search(plie) and (
        enonce.etape_ou_attendu(5, "autonomie_numerique")
        or "informatique" in plie
        or "internet" in plie
        or "ordi" in plie
    ):
        for valeur, motif in _NUMERIQUE:
            m = motif.search(plie)
            if m:
                propositions.append(choix(enonce, 5, "autonomie_numerique", valeur, *m.span(), 0.6))
                break
    propositions += _enfants(enonce)
    return propositions


def _enfants(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    if re.search(r"\b(?:pas|aucun|sans|jamais)\s+(?:eu\s+)?(?:d'|de\s+)?enfants?\b", plie):
        m = _SANS_ENFANT.search(plie)
        if m:
            return [choix(enonce, 5, "enfants_a_charge", 0, *m.span(), 0.7)]
    total = 0
    debut = fin = None
    for m in _ENFANTS.finditer(plie):
        n = lire_nombre(m.group(1))
        if n is None or n > 20:
            continue
        if re.match(r"\s*(?:ans|mois)", plie[m.end() : m.end() + 6]):
            continue
        total += n
        debut = m.start() if debut is None else debut
        fin = m.end()
    if debut is None:
        m = _PARENT_DE.search(plie)
        if m:
            n = lire_nombre(m.group(1))
            if n is not None and n <= 20:
                total, debut, fin = n, m.start(), m.end()
    if debut is None or fin is None or total == 0:
        return []
    return [choix(enonce, 5, "enfants_a_charge", total, debut, fin, 0.7)]
