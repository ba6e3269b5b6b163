"""Step 4: soft skills (a small lexicon) and wished working conditions; step 2: spoken French
(only when the person says it) and other languages; step 6: willingness to train, wish to work
during detention.
"""

import re

from assistant.guide.extraction.builders import choix, nie_avant
from assistant.guide.extraction.proposals import Proposition
from assistant.guide.extraction.text import Enonce

SAVOIR_ETRE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\bponctuel\w*|\bponctualite|\bjamais\s+en\s+retard|\btoujours\s+a\s+l'heure"),
        "Ponctualité",
    ),
    (re.compile(r"\bserieu(?:x|se)\b|\bserieux\b"), "Sérieux"),
    (
        re.compile(
            r"\besprit\s+d'equipe|\b(?:bon|bonne)\s+equipier\w*|\btravaille\w*\s+bien\s+en\s+equipe"
            r"|\bsens\s+du\s+collectif|\baime\s+(?:bien\s+)?(?:le\s+)?travail(?:ler)?\s+en\s+equipe"
        ),
        "Travail en équipe",
    ),
    (re.compile(r"\bmotive\w*|\bmotivation\b"), "Motivation"),
    (re.compile(r"\bautonome\b|\bautonomie\b|\bje\s+me\s+debrouille\s+seul"), "Autonomie"),
    (re.compile(r"\bcalme\b|\bpose\b|\bsang[- ]froid"), "Calme"),
    (re.compile(r"\bpatient\w*|\bpatience\b"), "Patience"),
    (
        re.compile(r"\brigoureu\w*|\brigueur\b|\bminutieu\w*|\bsoigneu\w*|\bperfectionniste"),
        "Rigueur",
    ),
    (re.compile(r"\bpolyvalen\w*"), "Polyvalence"),
    (re.compile(r"\bdynamique\b|\bdynamisme\b|\benergique"), "Dynamisme"),
    (re.compile(r"\bhonnete\w*"), "Honnêteté"),
    (
        re.compile(
            r"\bfiable\b|\bfiabilite\b|\bon\s+peut\s+compter\s+sur\s+moi|\bde\s+confiance\b"
        ),
        "Fiabilité",
    ),
    (
        re.compile(
            r"\brespectueu\w*|\bpoli\b|\bpolie\b|\brespect\s+des\s+consignes|\bje\s+respecte\s+les\s+consignes"
        ),
        "Respect des consignes",
    ),
    (re.compile(r"\ba\s+l'ecoute\b|\bsens\s+de\s+l'ecoute|\bj'ecoute\s+les\s+gens"), "Écoute"),
    (
        re.compile(
            r"\bsouriant\w*|\bsociable\b|\bavenant\w*|\bsens\s+du\s+contact|\bcontact\s+facile"
        ),
        "Sens du contact",
    ),
    (
        re.compile(
            r"\bcourageu\w*|\btravailleu(?:r|se)\b|\bbosseu(?:r|se)\b|\bdur\s+a\s+la\s+tache"
        ),
        "Courage au travail",
    ),
    (
        re.compile(
            r"\bperseverant\w*|\btenace\b|\bje\s+lache\s+(?:pas|rien)|\bje\s+lache\s+jamais"
        ),
        "Persévérance",
    ),
    (re.compile(r"\badaptab\w*|\bje\s+m'adapte|\bflexible\b"), "Adaptabilité"),
    (re.compile(r"\borganise\w*\b|\bsens\s+de\s+l'organisation"), "Organisation"),
    (re.compile(r"\bcurieu(?:x|se)\b|\bcuriosite\b|\bj'aime\s+apprendre"), "Curiosité"),
    (re.compile(r"\bmanuel\w*\s+et\s+habile|\bhabile\b|\bdebrouillard\w*"), "Débrouillardise"),
]

CONDITIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\bdehors\b|\ben\s+exterieur|\ba\s+l'exterieur|\ben\s+plein\s+air|\bau\s+grand\s+air"
        ),
        "exterieur",
    ),
    (
        re.compile(
            r"\ba\s+l'interieur|\ben\s+interieur|\bau\s+chaud|\bau\s+sec|\bdans\s+un\s+bureau|\ben\s+atelier"
        ),
        "interieur",
    ),
    (re.compile(r"\ben\s+equipe\b|\bavec\s+des\s+collegues|\bavec\s+d'autres"), "equipe"),
    (
        re.compile(
            r"\b(?:tout\s+)?seul\b|\ben\s+autonomie\b|\bsans\s+(?:chef|patron)\s+sur\s+le\s+dos|\btranquille\s+dans\s+mon\s+coin"
        ),
        "autonomie",
    ),
    (
        re.compile(
            r"\bavec\s+(?:du|le)\s+public|\bavec\s+(?:des|les)\s+(?:clients|gens)|\bcontact\s+(?:avec\s+)?(?:le\s+public|les\s+gens|clients|la\s+clientele)|\brelation\s+client"
        ),
        "contact_public",
    ),
    (re.compile(r"\bmanuel\b|\bavec\s+mes\s+mains|\bde\s+mes\s+mains|\bmanuellement"), "manuel"),
    (re.compile(r"\bmachines?\b|\btechnique\b|\bmecanique\b|\bengins?\b|\boutils?\b"), "technique"),
    (
        re.compile(
            r"\bhoraires\s+decales|\bde\s+nuit\b|\bla\s+nuit\b|\bweek[- ]?ends?\b|\b3\s*x\s*8\b"
            r"|\b2\s*x\s*8\b|\bnuits?\b|\bdimanche"
        ),
        "horaires_decales_acceptes",
    ),
    (
        re.compile(
            r"\bdeplacements?\b|\bbouger\b|\bgrands?\s+deplacements?|\bvoyager\b|\bsur\s+la\s+route\b|\bpartir\s+en\s+chantier"
        ),
        "deplacements_acceptes",
    ),
]
_REFUS_CONDITION = re.compile(
    r"\b(?:pas|plus|jamais|aucun|surtout\s+pas|deteste|horreur|supporte\s+pas|veux\s+plus|veux\s+pas"
    r"|ne\s+\w+\s+pas)\b[^.;,]{0,25}$"
)


def savoir_etre(enonce: Enonce) -> list[Proposition]:
    if not enonce.etape_ou_attendu(4, "savoir_etre", "atouts_cles"):
        return []
    plie = enonce.plie
    propositions = []
    for motif, nom in SAVOIR_ETRE:
        m = motif.search(plie)
        if m and not nie_avant(plie, m.start(), 18):
            propositions.append(
                Proposition(
                    4,
                    "savoir_etre",
                    nom,
                    f"Savoir-être : {nom.lower()}",
                    "ajouter",
                    enonce.extrait(*m.span()),
                    0.6,
                )
            )
    return propositions


def conditions(enonce: Enonce) -> list[Proposition]:
    if not enonce.etape_ou_attendu(4, "conditions_souhaitees", "conditions_exclues"):
        return []
    plie = enonce.plie
    propositions = []
    for motif, valeur in CONDITIONS:
        m = motif.search(plie)
        if not m:
            continue
        avant = plie[enonce.phrase_de(m.start())[0] : m.start()]
        if _REFUS_CONDITION.search(avant[-40:]):
            continue
        if valeur == "equipe" and re.search(r"esprit\s+d'equipe|equipier", plie):
            continue
        propositions.append(
            choix(enonce, 4, "conditions_souhaitees", valeur, *m.span(), 0.6, mode="ajouter")
        )
    return propositions


_FRANCAIS = [
    (
        "langue_maternelle",
        re.compile(
            r"\b(?:langue\s+maternelle|ma\s+langue)\b[^.;]{0,20}\bfrancais|\bfrancais\b[^.;]{0,25}\blangue"
            r"\s+maternelle|\bje\s+suis\s+ne\w*\s+en\s+france|\bfrancais\s+c'est\s+ma\s+langue"
        ),
    ),
    (
        "debutant",
        re.compile(
            r"\b(?:je|il|elle)\s+(?:ne\s+)?parle\s+(?:pas|tres\s+peu|peu|pas\s+bien|pas\s+beaucoup|un\s+tout"
            r"\s+petit\s+peu)\s+(?:le\s+)?francais|\bbesoin\s+d'un\s+interprete|\bquelques\s+mots\s+de\s+francais"
            r"|\bfrancais\b[^.;]{0,15}\bdebutant"
        ),
    ),
    (
        "intermediaire",
        re.compile(
            r"\b(?:je|il|elle)\s+parle\s+(?:un\s+peu|moyennement|a\s+peu\s+pres|pas\s+mal)\s+(?:le\s+)?francais"
            r"|\bfrancais\s+(?:moyen|correct|ca\s+va)|\bje\s+comprends\s+(?:bien\s+)?mais\s+je\s+parle\s+mal"
        ),
    ),
    (
        "courant",
        re.compile(
            r"\b(?:je|il|elle)\s+parle\s+(?:tres\s+)?(?:bien|couramment|parfaitement)\s+(?:le\s+)?francais"
            r"|\bfrancais\s+couramment|\bcouramment\s+(?:le\s+)?francais|\bfrancais\s+courant"
        ),
    ),
]
LANGUES = {
    "arabe": "Arabe",
    "anglais": "Anglais",
    "espagnol": "Espagnol",
    "portugais": "Portugais",
    "italien": "Italien",
    "allemand": "Allemand",
    "turc": "Turc",
    "roumain": "Roumain",
    "russe": "Russe",
    "polonais": "Polonais",
    "kabyle": "Kabyle",
    "berbere": "Berbère",
    "tamazight": "Tamazight",
    "wolof": "Wolof",
    "bambara": "Bambara",
    "lingala": "Lingala",
    "creole": "Créole",
    "chinois": "Chinois",
    "albanais": "Albanais",
    "georgien": "Géorgien",
    "tchetchene": "Tchétchène",
    "ukrainien": "Ukrainien",
    "soninke": "Soninké",
    "peul": "Peul",
    "comorien": "Comorien",
    "tamoul": "Tamoul",
    "serbe": "Serbe",
    "romani": "Romani",
    "dari": "Dari",
    "pachto": "Pachto",
}
_LANGUES = re.compile(
    r"\b(?:parle|parles|parlons|parlait|comprends|lis|ecris|langues?|je\s+connais)\b[^.;]{0,40}?\b("
    + "|".join(LANGUES)
    + r")\b"
)


def langues(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    if "francais" in plie or "interprete" in plie:
        for valeur, motif in _FRANCAIS:
            m = motif.search(plie)
            if m:
                propositions.append(
                    choix(enonce, 2, "maitrise_francais_oral", valeur, *m.span(), 0.6)
                )
                break
    vus = set()
    for m in _LANGUES.finditer(plie):
        debut = m.start()
        for nom in re.findall(r"\b(" + "|".join(LANGUES) + r")\b", plie[debut : m.end() + 60]):
            if nom in vus:
                continue
            vus.add(nom)
            propositions.append(
                Proposition(
                    2,
                    "autres_langues",
                    LANGUES[nom],
                    f"Autre langue : {LANGUES[nom]}",
                    "ajouter",
                    enonce.extrait(*m.span()),
                    0.6,
                )
            )
    return propositions


_FORMATION_OUI = re.compile(
    r"\b(?:pret\w*|partant\w*|ok|d'accord|motive\w*|interesse\w*|chaud)\s+(?:pour|a|par)\s+(?:faire\s+|suivre\s+)?"
    r"(?:une|des|la)?\s*formations?|\b(?:je\s+veux|je\s+voudrais|j'aimerais|il\s+veut|elle\s+veut|il\s+voudrait"
    r"|elle\s+voudrait)\s+(?:bien\s+)?(?:faire|suivre|reprendre)\s+une\s+formation\b|\bme\s+former\b"
    r"|\breprendre\s+(?:les\s+etudes|une\s+formation)"
)
_FORMATION_NON = re.compile(
    r"\b(?:pas|plus|aucune)\s+(?:de\s+|d')?(?:formation|envie\s+de\s+(?:me\s+former|retourner\s+a\s+l'ecole))"
    r"|\bl'ecole\s+c'est\s+pas\s+pour\s+moi|\bretourner\s+a\s+l'ecole\s+(?:jamais|non)"
    r"|\bpas\s+(?:envie|le\s+temps)\s+de\s+(?:me\s+former|faire\s+une\s+formation)"
)
_DETENTION_TRAVAIL = re.compile(
    r"\b(?:travailler|bosser|un\s+poste|une\s+place|un\s+travail|du\s+travail|auxi\w*)\b[^.;]{0,30}\b(?:ici|aux"
    r"\s+ateliers|en\s+detention|a\s+l'atelier|au\s+service\s+general|auxi\w*|en\s+cuisine\s+ici)"
    r"|\b(?:classe|classement|etre\s+classe)\b|\bauxi\w*"
)


def formation_et_travail(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    m = _FORMATION_NON.search(plie)
    if m:
        propositions.append(choix(enonce, 6, "disposition_formation", "non", *m.span(), 0.65))
    else:
        m = _FORMATION_OUI.search(plie)
        if m and not nie_avant(plie, m.start(), 12):
            propositions.append(choix(enonce, 6, "disposition_formation", "oui", *m.span(), 0.65))
    if enonce.etape_ou_attendu(6, "souhait_travail_en_detention"):
        m = _DETENTION_TRAVAIL.search(plie)
        if m and re.search(
            r"\b(?:voudrais|veux|aimerais|envie|souhait\w*|demande|demander)\b", plie
        ):
            propositions.append(
                choix(enonce, 6, "souhait_travail_en_detention", True, *m.span(), 0.6)
            )
    return propositions
