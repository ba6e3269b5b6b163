"""Past jobs (step 3) and job projects (step 6), in the person's words.

« il a bossé 3 ans en intérim comme cariste » -> Experience {intitule_libre: "cariste",
type: interim, type_contrat: interim, duree_mois: 36}. « je voudrais devenir soudeur » -> Projet
{libelle_personne: "soudeur"}. When the app injects a job search (`contexte.metiers`), the best
job sheet above a score threshold adds its ROME code; the counsellor confirms it (guide C.3).
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from assistant.domain.enums import TypeContrat, TypeExperience, TypeProjet
from assistant.domain.labels import libelle
from assistant.guide.extraction.builders import choix, nettoyer_intitule
from assistant.guide.extraction.dates import depuis, durees, periode
from assistant.guide.extraction.proposals import MetierTrouve, Proposition
from assistant.guide.extraction.sensitive import INFRACTION, SANTE
from assistant.guide.extraction.tasks import metiers_des_taches
from assistant.guide.extraction.text import Enonce, plier

SCORE_MIN = 1.0
"""Below this score of the knowledge search (fused BM25 + dense + prior, about 1.2 to 1.8 for a
real job title, under 0.8 for noise) the job sheet is not proposed: the words alone stay."""
LIEUX_DETENTION = re.compile(r"^(?:ateliers?|service\s+general|buanderie|bibliotheque|cantine)$")
"""Work places in detention, not job titles: no job sheet is looked up for them."""


def _mots(texte: str) -> frozenset[str]:
    return frozenset(texte.split())


METIERS = _mots(
    """
    macon macons peintre plombier electricien mecanicien mecano carreleur plaquiste couvreur
    menuisier charpentier soudeur soudeuse chaudronnier serrurier metallier jardinier
    paysagiste elagueur boulanger boulangere patissier boucher charcutier cuisinier
    cuisiniere commis plongeur serveur serveuse barman barmaid caissier caissiere vendeur
    vendeuse magasinier magasiniere cariste preparateur preparatrice manutentionnaire
    manoeuvre ouvrier ouvriere employe employee agent agente aide chef technicien
    technicienne chauffeur chauffeuse livreur livreuse coursier demenageur eboueur ripeur
    cableur monteur poseur facteur factrice routier conducteur conductrice grutier
    terrassier coffreur ferrailleur bardeur etancheur frigoriste chauffagiste ambulancier
    brancardier animateur animatrice educateur educatrice auxiliaire secretaire comptable
    assistant assistante hotesse hote receptionniste veilleur gardien concierge vigile
    videur coiffeur coiffeuse estheticienne couturier couturiere tailleur garagiste
    carrossier depanneur laveur nettoyeur pizzaiolo traiteur fromager poissonnier primeur
    maraicher agriculteur saisonnier vendangeur bucheron viticulteur eleveur berger pecheur
    marin docker militaire soldat pompier informaticien developpeur infirmier infirmiere
    manager responsable gerant gerante directeur commercial commerciale teleconseiller
    teleconseillere operateur operatrice regleur tourneur fraiseur usineur electrotechnicien
    electromecanicien plasturgiste imprimeur ramoneur vitrier solier tapissier ebeniste
    graphiste photographe cordonnier horloger fleuriste libraire epicier surveillant
    moniteur coach entraineur musicien steward nounou auxi aide-soignant aide-soignante
    agent-d'entretien taxi vtc mecanicienne plombier-chauffagiste decorateur poissonniere
    boulanger-patissier manutentionnaires chaudronniere preparateurs conditionneur emballeur
    trieur agent-de-securite plongeuse cuistot mecanicien-auto tuyauteur dessinateur
    logisticien acheteur vendeur-conseiller employe-polyvalent equipier equipiere menagere
    """
)
ACTIVITES = _mots(
    """
    manutention nettoyage plonge maconnerie peinture plomberie electricite mecanique
    livraison livraisons vente restauration cuisine boulangerie patisserie securite
    menuiserie soudure logistique jardinage demenagement demenagements carrelage placo
    couverture terrassement btp batiment vendanges recolte cueillette caisse tri recyclage
    serrurerie animation coiffure menage service bar chantier chantiers charpente isolation
    demolition platrerie facade facades carrosserie informatique accueil gardiennage
    maraichage elevage agriculture boucherie poissonnerie conditionnement emballage
    production montage cablage fibre transport taxi vtc espaces mise preparation manut
    bricolage renovation paysagisme elagage couture vendange saisonnier interim menages
    hotellerie entrepot
    """
)
# Whole trades rather than one job: a job said right after names the work better
# (« dans le bâtiment, maçon surtout »).
SECTEURS = _mots(
    """
    btp batiment chantier chantiers restauration logistique transport agriculture industrie
    commerce vente interim hotellerie
    """
)
_PAS_METIER = {
    "mineur",
    "majeur",
    "chomeur",
    "meilleur",
    "interieur",
    "exterieur",
    "superieur",
    "inferieur",
    "entier",
    "premier",
    "dernier",
    "particulier",
    "familier",
    "ancien",
    "moyen",
    "bien",
    "rien",
    "prisonnier",
    "detenu",
    "celibataire",
    "locataire",
    "volontaire",
    "solitaire",
    "seul",
    "content",
    "heureux",
    "jeune",
    "petit",
    "malade",
    "salarie",
    "interimaire",
    "sans",
    "au",
    "en",
    "a",
    "dans",
    "la",
    "le",
    "ici",
    "dehors",
    "libre",
    "enferme",
    "chez",
    "pas",
    "plus",
    "toujours",
    "tout",
    "chef",
}

_ARRETS = {
    "chez",
    "a",
    "au",
    "aux",
    "pendant",
    "depuis",
    "pour",
    "et",
    "mais",
    "puis",
    "ensuite",
    "j'ai",
    "jai",
    "je",
    "j",
    "il",
    "elle",
    "on",
    "qui",
    "que",
    "qu'il",
    "qu'elle",
    "quand",
    "avec",
    "sur",
    "vers",
    "entre",
    "jusqu'en",
    "jusqu'a",
    "ou",
    "apres",
    "avant",
    "comme",
    "c'etait",
    "y",
    "ici",
    "car",
    "parce",
    "donc",
    "alors",
    "mon",
    "ma",
    "mes",
    "son",
    "sa",
    "ses",
    "pas",
    "plus",
    "jamais",
    "surtout",
    "principalement",
    "notamment",
    "ca",
    "dans",
    "sans",
    "par",
    "c'est",
    "ce",
    "cette",
    "cet",
    "dont",
    "tout",
    "tous",
    "aussi",
    "deja",
    "encore",
    "enfin",
    "bref",
    "voila",
    "quoi",
    "hein",
    "genre",
    "un",
    "une",
    "le",
    "la",
    "les",
    "l",
    "ans",
    "an",
    "mois",
    "semaines",
    "annees",
    "interim",
    "cdi",
    "cdd",
    "black",
    "noir",
}
_LIENS = {"de", "d'", "du", "des", "en", "l'", "la", "d"}
_APRES_EN_ARRET = re.compile(
    r"en\s+(?:interim|cdi|cdd|contrat|alternance|apprentissage|\d|mission|tant|noir|black|detention"
    r"|prison|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    r"|france|region|ville|equipe|extra|saison|tout|partie|attendant)"
)
_MOT = re.compile(r"[a-z0-9][a-z0-9'-]*")

_COMME = re.compile(
    r"\b(?:travaille|travaillait|travailler|bosse|bossait|taffe|taffait|embauche|employe|engage"
    r"|pris|ete|etais|etait|fait|fais|faisait|occupe|travaill\w*)\b[^.;]{0,45}?\b(?:comme\s+|en\s+tant\s+que\s+|en\s+"
    r"tant\s+qu'\s*|en\s+qualite\s+de\s+)"
)
# « il a aussi fait », « j'ai déjà été »: an adverb between the auxiliary and the participle.
_ADVERBE = r"(?:aussi\s+|deja\s+|egalement\s+|surtout\s+|beaucoup\s+|longtemps\s+|un\s+peu\s+)?"
_ETAIT = re.compile(
    rf"\b(?:j'etais|jetais|j'ai\s+{_ADVERBE}ete|j\s?ai\s+{_ADVERBE}ete|il\s+etait|elle\s+etait"
    rf"|il\s+a\s+{_ADVERBE}ete|elle\s+a\s+{_ADVERBE}ete"
    r"|je\s+suis|il\s+est|elle\s+est)\s+(?:un\s+|une\s+)?(?=\w)"
)
_FAIT_DE = re.compile(
    rf"\b(?:(?:j'ai|jai|il\s+a|elle\s+a|on\s+a|a)\s+{_ADVERBE}(?:fait|bosse|travaille|ete)"
    r"|(?:je|j|il|elle|on)\s+(?:faisais|faisait|bossais|bossait|travaillais|travaillait)"
    r"|j'etais|jetais|il\s+etait|elle\s+etait)"
    r"\s+(?:[^.;]{0,25}?\s)??"
    # « de la plomberie », « dans le bâtiment », « en boulangerie », « à la caisse », « au tri »,
    # « sur les chantiers »
    r"(?:de\s+la|du|des|de\s+l'|dans\s+la|dans\s+le|dans\s+les|dans\s+l'|en|a\s+la|au|a\s+l'"
    r"|sur\s+les|sur\s+des|sur\s+un|sur\s+une)"
    r"\s*(?=\w)(?!(?:noir|black|interim|cdi|cdd|contrat|mission|tant)\b)"
)
# « j'ai fait serveur », « il faisait plongeur »: the job itself, said without an article.
_FAIT_METIER = re.compile(
    rf"\b(?:(?:j'ai|jai|il\s+a|elle\s+a|on\s+a)\s+{_ADVERBE}fait|(?:je|il|elle)\s+(?:faisais|faisait))"
    r"\s+(?=\w)"
)
# « il a travaillé chez un cordonnier »: the trade of the employer is the work done there (an
# apprentice's, a shop hand's), proposed as said for the counsellor to name the job. Past forms
# only (« il cherche un stage chez un garagiste » is a plan); a craft's word only (« chez un
# particulier », « chez une agente immobilière » say nothing of the work).
_ARTISANS = (
    "cordonnier|garagiste|boulanger|boulangere|boucher|bouchere|charcutier|charcutiere"
    "|patissier|patissiere|traiteur|poissonnier|fromager|primeur|caviste|fleuriste|coiffeur"
    "|coiffeuse|estheticienne|plombier|electricien|menuisier|ebeniste|charpentier|macon"
    "|carreleur|couvreur|peintre|platrier|plaquiste|serrurier|vitrier|chauffagiste|paysagiste"
    "|jardinier|carrossier|mecanicien|tapissier|horloger|bijoutier|imprimeur|ferronnier"
    "|forgeron|tailleur|couturier|couturiere|maraicher|viticulteur|vigneron|eleveur"
    "|agriculteur|ostreiculteur|pepinieriste|encadreur|luthier|tonnelier|facteur d'orgues"
)
_CHEZ_ARTISAN = re.compile(
    rf"\b(?:(?:a|ai|avait|avais)\s+{_ADVERBE}(?:travaille|bosse|taffe)"
    r"|travaillais|travaillait|bossais|bossait|taffais|taffait"
    rf"|(?:a|ai|avait|avais)\s+{_ADVERBE}fait\s+(?:son|mon|un|une|ses|mes)\s+"
    r"(?:apprentissage|stages?|alternance)"
    r"|(?:etait|etais|a\s+ete|ai\s+ete)\s+(?:apprentie?|commis|salariee?|employee?))"
    rf"\s+(chez\s+(?:un|une)\s+(?:{_ARTISANS}))s?\b"
)
_NIE = re.compile(r"\b(?:n|ne|jamais|pas)\b")
_COMME_APRES = re.compile(r"[\s,]*(?:\d+\s+\w+\s+)?(?:comme|en\s+tant\s+que)\b")
_DUREE_TITRE = re.compile(
    r"\b(?:\d{1,2}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques)\s+"
    r"(?:ans?|annees?|mois)\s+(?:comme\s+|en\s+tant\s+que\s+)?(?=\w)"
)

_DETENTION = re.compile(
    r"\b(?:travaille|travaillais|travaillait|bosse|bossais|bossait|taffe|suis|etais|etait|est|ete"
    r"|classee?)\s+(?:comme\s+|en\s+tant\s+que\s+)?(?:aux?\s+|a\s+la\s+|a\s+l'|en\s+)?"
    r"(ateliers?|service\s+general|auxi(?:liaire)?(?:\s+(?:d'etage|cuisine|buanderie|bibliotheque|menage"
    r"|cantine|d'entretien))?|buanderie|bibliotheque|cuisine\s+de\s+la\s+detention|cantine)\b"
)

_TYPES: list[tuple[re.Pattern[str], TypeExperience]] = [
    (
        re.compile(r"\b(?:au\s+black|au\s+noir|non\s+declare\w*|sans\s+contrat|sans\s+fiche)"),
        TypeExperience.TRAVAIL_NON_DECLARE,
    ),
    (
        re.compile(
            r"\b(?:en\s+detention|ici|aux\s+ateliers|a\s+l'atelier|auxi\w*|en\s+prison"
            r"|service\s+general|a\s+la\s+maison\s+d'arret|au\s+centre\s+de\s+detention)\b"
        ),
        TypeExperience.TRAVAIL_EN_DETENTION,
    ),
    (
        re.compile(
            r"\binterim\w*|\bagences?\s+d'interim|\b(?:manpower|adecco|randstad|synergie)\b"
        ),
        TypeExperience.INTERIM,
    ),
    (re.compile(r"\bbenevol\w*"), TypeExperience.BENEVOLAT),
    (
        re.compile(
            r"\b(?:a\s+mon\s+compte|a\s+son\s+compte|auto[- ]?entrepreneur|micro[- ]?entrepr\w*"
            r"|ma\s+(?:propre\s+)?(?:boite|societe|entreprise)|independant)"
        ),
        TypeExperience.INDEPENDANT,
    ),
    (re.compile(r"\b(?:stage|stagiaire)\b"), TypeExperience.STAGE_OU_FORMATION),
    (
        re.compile(
            r"\b(?:aide\s+familiale|entreprise\s+familiale|(?:pour|avec)\s+(?:mon|son)\s+"
            r"(?:pere|oncle|frere|cousin|beau-frere)|(?:pour|avec)\s+(?:ma|sa)\s+(?:mere|tante|famille))"
        ),
        TypeExperience.AIDE_FAMILIALE,
    ),
]
_CONTRATS: list[tuple[re.Pattern[str], TypeContrat]] = [
    (re.compile(r"\bcddi\b|chantier\s+d'insertion"), TypeContrat.CDDI),
    (re.compile(r"\bcdi\b"), TypeContrat.CDI),
    (re.compile(r"\bcdd\b"), TypeContrat.CDD),
    (re.compile(r"\binterim\w*"), TypeContrat.INTERIM),
    (re.compile(r"\bapprenti\w*|\bapprentissage|\balternance"), TypeContrat.APPRENTISSAGE),
    (
        re.compile(r"\bcontrat\s+(?:de\s+)?pro(?:fessionnalisation)?\b"),
        TypeContrat.PROFESSIONNALISATION,
    ),
    (re.compile(r"\b(?:pec|cui|contrat\s+aide)\b"), TypeContrat.PEC),
    (
        re.compile(r"\bcontrat\s+d'emploi\s+penitentiaire|\bcep\b"),
        TypeContrat.CONTRAT_EMPLOI_PENITENTIAIRE,
    ),
    (
        re.compile(r"\b(?:au\s+black|au\s+noir|non\s+declare\w*|sans\s+contrat|sans\s+fiche)"),
        TypeContrat.SANS_CONTRAT,
    ),
    (
        re.compile(r"\b(?:auto[- ]?entrepreneur|micro[- ]?entrepr\w*|a\s+mon\s+compte)"),
        TypeContrat.INDEPENDANT,
    ),
]
_MOTIFS = [
    (
        re.compile(
            r"\b(?:licencie\w*|licenciement|vire|viree|renvoye\w*|mis\s+dehors|mis\s+a\s+la\s+porte)"
        ),
        "licenciement",
    ),
    (
        re.compile(
            r"\b(?:demission\w*|demissionne\w*|je\s+suis\s+parti|il\s+est\s+parti|elle\s+est\s+partie)"
        ),
        "demission",
    ),
    (
        re.compile(
            r"\bfin\s+de\s+(?:contrat|mission|chantier|saison|cdd)|\bcontrat\s+(?:termine|fini)"
        ),
        "fin_contrat",
    ),
    (
        re.compile(
            r"\b(?:jusqu'a\s+mon\s+incarceration|incarcer\w*|quand\s+je\s+suis\s+(?:rentre|tombe)"
            r"|jusqu'a\s+ce\s+que\s+je\s+(?:rentre|tombe)|avant\s+d'etre\s+ici)"
        ),
        "incarceration",
    ),
]


_FIN_AVANT = re.compile(
    r"\b(?:fin|jusqu\w*|fini|arrete|termine|licencie\w*|parti|demission\w*|quitte|vire)\b[^.;]{0,20}$"
)


@dataclass
class Intitule:
    texte: str
    debut: int
    fin: int


def _titre(enonce: Enonce, position: int, fin_phrase: int, max_mots: int = 5) -> Intitule | None:
    """The job title that starts at `position` (person's words), up to a stop word."""
    plie = enonce.plie
    mots: list[tuple[int, int]] = []
    curseur = position
    for m in _MOT.finditer(plie, position, fin_phrase):
        if plie[curseur : m.start()].strip(" "):
            break
        mot = m.group(0)
        if mot == "a" and mots and plie[mots[-1][0] : mots[-1][1]] in ("aide", "auxiliaire"):
            mots.append(m.span())
            curseur = m.end()
            continue
        if mot in _ARRETS or mot[:1].isdigit() or len(mots) >= max_mots:
            break
        if mot == "en" and _APRES_EN_ARRET.match(plie, m.start()):
            break
        if mot in _LIENS and not mots:
            break
        mots.append(m.span())
        curseur = m.end()
    while mots and plie[mots[-1][0] : mots[-1][1]] in _LIENS:
        mots.pop()
    if not mots:
        return None
    debut, fin = mots[0][0], mots[-1][1]
    texte = nettoyer_intitule(enonce.brut[debut:fin])
    if not texte or INFRACTION.search(plie[debut:fin]) or SANTE.search(plie[debut:fin]):
        return None
    return Intitule(texte, debut, fin)


def _tete(plie: str) -> str:
    mots = plie.split()
    return mots[0] if mots else ""


def ressemble_metier(plie_titre: str) -> bool:
    """A job-like head word: known job, or a job suffix (-eur, -ier, -iste...) not in a stoplist."""
    tete = _tete(plie_titre).strip("'")
    if not tete or (tete in _PAS_METIER and tete != "chef"):
        return False
    if tete in METIERS or tete.replace("-", " ").split()[0] in METIERS:
        return True
    return (
        bool(re.search(r"(?:eur|euse|ier|iere|iste|ien|ienne|aire|ant|ante)$", tete))
        and len(tete) > 4
    )


def _type(clause: str) -> TypeExperience:
    for motif, valeur in _TYPES:
        if motif.search(clause):
            return valeur
    return TypeExperience.EMPLOI_SALARIE


def _contrat(clause: str) -> TypeContrat:
    for motif, valeur in _CONTRATS:
        if motif.search(clause):
            return valeur
    return TypeContrat.INCONNU


def texte_duree(mois: int) -> str:
    ans, reste = divmod(mois, 12)
    if ans and reste == 6:
        return f"{ans} an{'s' if ans > 1 else ''} et demi"
    if ans and reste:
        return f"{ans} an{'s' if ans > 1 else ''} et {reste} mois"
    if ans:
        return f"{ans} an{'s' if ans > 1 else ''}"
    return f"{mois} mois"


def _fiche(enonce: Enonce, texte: str) -> tuple[MetierTrouve | None, str]:
    """The job sheet for the person's words, and what the proposal says of it.

    « le bâtiment », « la restauration »: a whole trade, not a job; any sheet would be a guess,
    so the counsellor is asked which job it was.
    """
    if plier(texte).strip() in SECTEURS:
        return None, " → secteur : quel métier ?"
    trouve = rome(enonce, texte)
    return trouve, f" → fiche ROME {trouve.code_rome} {trouve.libelle}" if trouve else ""


def rome(enonce: Enonce, texte: str) -> MetierTrouve | None:
    """The best job sheet for the person's words, when the app injected a job search."""
    cherche = enonce.contexte.metiers
    if cherche is None or not texte.strip() or LIEUX_DETENTION.match(plier(texte).strip()):
        return None
    try:
        trouves = list(cherche(texte))
    except Exception:  # the search is the app's; a failure only loses the ROME suggestion
        return None
    if not trouves:
        return None
    meilleur = trouves[0]
    if meilleur.score < SCORE_MIN or not re.fullmatch(r"[A-N]\d{4}", meilleur.code_rome or ""):
        return None
    return meilleur


def _intitules_experience(enonce: Enonce) -> list[tuple[Intitule, tuple[int, int]]]:
    plie = enonce.plie
    trouves: list[tuple[Intitule, tuple[int, int]]] = []

    def garder(titre: Intitule | None, phrase: tuple[int, int], verifier: bool) -> None:
        if titre is None:
            return
        if verifier and not ressemble_metier(plie[titre.debut : titre.fin]):
            return
        if any(t.debut < titre.fin and titre.debut < t.fin for t, _ in trouves):
            return
        trouves.append((titre, phrase))

    for m in _COMME.finditer(plie):
        if _est_souhait(plie, m.start()):
            continue
        phrase = enonce.phrase_de(m.start())
        garder(_titre(enonce, m.end(), phrase[1]), phrase, False)
    for m in _ETAIT.finditer(plie):
        if _est_souhait(plie, m.start()):
            continue
        phrase = enonce.phrase_de(m.start())
        # « il est cariste » may be said of anything now; « il a été cariste » is a past job.
        present = re.search(r"\b(?:suis|est)\s", m.group(0)) is not None
        titre = _titre(enonce, m.end(), phrase[1])
        if (
            present
            and titre
            and not re.search(
                r"\bde\s+(?:metier|formation)\b|\bdepuis\b|\bpendant\b|\bans\b",
                plie[phrase[0] : phrase[1]],
            )
        ):
            continue
        garder(titre, phrase, True)
    for m in _FAIT_DE.finditer(plie):
        if _est_souhait(plie, m.start()):
            continue
        phrase = enonce.phrase_de(m.start())
        titre = _titre(enonce, m.end(), phrase[1], 4)
        if titre and _est_activite(plie[titre.debut : titre.fin]):
            garder(titre, phrase, False)
    for m in _FAIT_METIER.finditer(plie):
        if _est_souhait(plie, m.start()):
            continue
        phrase = enonce.phrase_de(m.start())
        titre = _titre(enonce, m.end(), phrase[1])
        if titre and _tete(plie[titre.debut : titre.fin]) in METIERS:
            garder(titre, phrase, False)
    for m in _DETENTION.finditer(plie):
        if _est_souhait(plie, m.start()):
            continue
        phrase = enonce.phrase_de(m.start())
        debut, fin = m.span(1)
        garder(Intitule(nettoyer_intitule(enonce.brut[debut:fin]), debut, fin), phrase, False)
    for metier, debut, fin in metiers_des_taches(plie):
        if not _est_souhait(plie, debut):
            garder(Intitule(metier, debut, fin), enonce.phrase_de(debut), False)
    for m in _DUREE_TITRE.finditer(plie):
        phrase = enonce.phrase_de(m.start())
        garder(_titre(enonce, m.end(), phrase[1]), phrase, True)
    for m in _CHEZ_ARTISAN.finditer(plie):
        debut, fin = m.span(1)
        phrase = enonce.phrase_de(m.start())
        metier = plie[debut:fin].split()[-1]
        if (
            # « il n'a jamais travaillé chez un garagiste »
            _NIE.search(plie[max(0, m.start() - 12) : debut])
            or _est_souhait(plie, m.start())
            # The job is named: « chez un boulanger comme vendeur », « il a été cordonnier ».
            or _COMME_APRES.match(plie, fin)
            or any(
                phrase == autre and _tete(plie[t.debut : t.fin]) == metier for t, autre in trouves
            )
        ):
            continue
        garder(Intitule(nettoyer_intitule(enonce.brut[debut:fin]), debut, fin), phrase, False)
    if enonce.contexte.etape == 3 and enonce.mots <= 8 and not trouves:
        debut, fin = enonce.phrases[0] if enonce.phrases else (0, len(plie))
        titre = _titre(enonce, debut + len(plie[debut:fin]) - len(plie[debut:fin].lstrip()), fin)
        garder(titre, (debut, fin), True)
    # « employé polyvalent chez Burger King 1 an, puis opérateur de production en intérim »:
    # after « puis / ensuite », a job said alone goes on with the list of past jobs.
    for debut, fin in enonce.phrases if trouves else ():
        if not _SUITE.search(plie[max(0, debut - 12) : debut]) or _est_souhait(plie, debut):
            continue
        mots_liants = _LIANT.match(plie, debut)
        garder(_titre(enonce, mots_liants.end() if mots_liants else debut, fin), (debut, fin), True)
    # « il a été maçon et plaquiste », « du placo et de la peinture »: each job or activity said
    # is an experience; « dans le bâtiment, maçon surtout »: the job says which work it was.
    for titre, phrase in list(trouves):
        while (suite := _ET_AUSSI.match(plie, titre.fin, phrase[1])) is not None:
            autre = _titre(enonce, suite.end(), phrase[1], 4)
            mots = plie[autre.debut : autre.fin] if autre else ""
            if autre is None or not _est_activite(mots) or _tete(mots) in _VAGUES:
                break
            if _tete(plie[titre.debut : titre.fin]) in SECTEURS:
                trouves.remove((titre, phrase))
            garder(autre, phrase, False)
            titre = autre
    return trouves


_SUITE = re.compile(r"\b(?:puis|ensuite|et\s+apres|apres\s+ca)\s*$")
_LIANT = re.compile(r"(?:ensuite|apres|aussi|encore)\s+")
# Words of the lists that name a job only with what follows them (« mise en rayon »): not
# taken as one more experience after another one (« de la plonge et du service en saison »).
_VAGUES = frozenset({"service", "mise", "espaces", "production", "preparation", "interim"})
_ET_AUSSI = re.compile(
    # « …, » possibly after a complement (« sur les chantiers avec son cousin, du placo »)
    r"(?:[^,.;!?]{0,40},|\s*\bet\b|\s*\bou\b)\s*(?:aussi\s+)?"
    r"(?:un\s+|une\s+|du\s+|de\s+la\s+|de\s+l'|des\s+|en\s+)?(?=\w)"
)


def _est_activite(plie_titre: str) -> bool:
    """A job or a kind of work of the guide's lists (« plomberie », « ménages », « cariste »)."""
    tete = _tete(plie_titre)
    return tete in ACTIVITES or tete in METIERS or tete.removesuffix("s") in ACTIVITES


_SOUHAIT_AVANT = re.compile(
    r"(?:voudrais|veux|voudrait|veut|aimerais|aimerait|souhaite\w*|reve\w*|envie|projet|plus\s+tard"
    r"|devenir|pourrais|pourrait|compte)[^.;]{0,40}$"
)


def _est_souhait(plie: str, position: int) -> bool:
    debut = max(0, position - 50)
    return bool(_SOUHAIT_AVANT.search(plie[debut:position]))


# « … et il a été plongeur », « , j'ai fait maçon », « mais elle a travaillé… »: a new clause
# with its own subject, i.e. possibly another job with its own contract and dates.
# « , il… », « et avant il… », « et ici il… » (the work in detention, after the jobs outside).
_NOUVELLE_CLAUSE = re.compile(
    r"(?:,|\bet\b|\bmais\b)\s+"
    r"(?:(?:avant|apres|ensuite|puis|aussi|ici|la|dedans|maintenant|actuellement|aujourd hui"
    r"|depuis)(?:\s+ca)?\s+)?"
    r"(?:il|elle|j|je|on)\b"
)


def _par_clause(
    plie: str, trouves: list[tuple[Intitule, tuple[int, int]]]
) -> list[tuple[Intitule, tuple[int, int]]]:
    """Jobs told in one sentence, each with the part of the sentence that speaks of it.

    « il livrait des pizzas au black et il a refait des toitures avec son beau-frère »: the
    roofs are family help, not undeclared work. The sentence is cut only between two jobs, at
    the last new clause before the second one, so that « il a été plongeur, il a fait ça
    3 ans » keeps its duration.
    """
    par_phrase: dict[tuple[int, int], list[Intitule]] = {}
    for titre, phrase in trouves:
        par_phrase.setdefault(phrase, []).append(titre)
    clauses: dict[int, tuple[int, int]] = {}
    for (debut, fin), titres in par_phrase.items():
        titres = sorted(titres, key=lambda t: t.debut)
        groupe = [titres[0]]
        debut_groupe = debut
        for avant, apres in pairwise(titres):
            coupures = [m.start() for m in _NOUVELLE_CLAUSE.finditer(plie, avant.fin, apres.debut)]
            if coupures:
                for titre in groupe:
                    clauses[id(titre)] = (debut_groupe, coupures[-1])
                groupe, debut_groupe = [], coupures[-1]
            groupe.append(apres)
        for titre in groupe:
            clauses[id(titre)] = (debut_groupe, fin)
    return [(titre, clauses[id(titre)]) for titre, _ in trouves]


_FEMININS = ((r"ieres?\b", "ier"), (r"eres?\b", "er"), (r"euses?\b", "eur"), (r"trices?\b", "teur"))


def _au_masculin(plie: str) -> str:
    """« couturiere » and « couturier » are one job said twice (« elle était couturière, elle
    cousait des robes »)."""
    for feminin, masculin in _FEMININS:
        plie = re.sub(feminin, masculin, plie)
    return plie


def experiences(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    annee = enonce.contexte.annee_courante
    propositions = []
    vus: set[str] = set()
    # In the order the person told them (the recognisers find them in their own order).
    trouves = sorted(_par_clause(plie, _intitules_experience(enonce)), key=lambda t: t[0].debut)
    for titre, (debut_phrase, fin_phrase) in trouves:
        cle = _au_masculin(plier(titre.texte))
        if cle in vus:
            continue
        vus.add(cle)
        clause = plie[debut_phrase:fin_phrase]
        sorte = _type(clause)
        valeur: dict[str, object] = {"intitule_libre": titre.texte, "type": sorte.value}
        contrat = _contrat(clause)
        if contrat is not TypeContrat.INCONNU:
            valeur["type_contrat"] = contrat.value
        p = periode(clause)
        d = depuis(clause)
        duree: int | None = None
        if p:
            valeur["debut"] = str(p[0])
            if p[1] > p[0]:
                duree = (p[1] - p[0]) * 12
        elif d and d[0] <= annee:
            valeur["debut"] = str(d[0])
            if not re.search(r"\bjusqu", clause[d[2] :]):
                duree = (annee - d[0]) * 12 or None
        else:
            for an in re.finditer(r"\b(?:en|de|depuis|des)\s+((?:19[6-9]|20[0-4])\d)\b", clause):
                if _FIN_AVANT.search(clause[max(0, an.start() - 30) : an.start()]):
                    continue
                if int(an.group(1)) <= annee:
                    valeur["debut"] = an.group(1)
                break
        if duree is None:
            for dd in durees(clause):
                if re.search(r"(?:j'ai|il\s+a|elle\s+a)\s*$", clause[: dd.debut]):
                    continue  # « j'ai 23 ans »: an age, not a duration
                duree = dd.mois
                break
        if duree:
            valeur["duree_mois"] = duree
        for motif, code in _MOTIFS:
            if motif.search(clause):
                valeur["motif_fin"] = code
                break
        details = []
        if sorte is not TypeExperience.EMPLOI_SALARIE:
            details.append(libelle(sorte).lower())
        elif contrat is not TypeContrat.INCONNU:
            details.append(libelle(contrat))
        if duree:
            details.append(texte_duree(duree))
        if "debut" in valeur:
            details.append(
                f"depuis {valeur['debut']}" if d and not p else f"début {valeur['debut']}"
            )
        trouve, fiche = _fiche(enonce, titre.texte)
        texte = f"Expérience : {titre.texte}{fiche}"
        if trouve:
            valeur["code_rome"] = trouve.code_rome
        if details:
            texte += f" ({', '.join(details)})"
        propositions.append(
            Proposition(
                etape=3,
                champ="experiences",
                valeur=valeur,
                libelle=texte,
                mode="ajouter",
                extrait=enonce.extrait(debut_phrase, fin_phrase),
                confiance=0.7 if not trouve else min(0.9, 0.6 + trouve.score / 4),
            )
        )
    return propositions


# --- Projects ------------------------------------------------------------------------------------

_PROJET = re.compile(
    r"\b(?:je\s+(?:voudrais|veux|voudrai|aimerais|aimerai|souhaite|souhaiterais|compte|reve\s+de"
    r"|pense|me\s+vois|prefererais|voudrait)|j'aimerais|j'aimerai|j'ai\s+envie\s+de|j'ai\s+le\s+projet"
    r"\s+de|mon\s+(?:projet|reve|but|objectif|idee)\s*(?:c'est|serait|est|ce\s+serait)\s*(?:de\s+|d')?"
    r"|(?:il|elle)\s+(?:voudrait|veut|aimerait|souhaite|se\s+voit|pense|reve\s+de)|plus\s+tard"
    r"\s+(?:je|il|elle)\s+(?:me|se)\s+vois?t?|ce\s+qui\s+me\s+plairait\s+c'est\s+(?:de\s+)?)\s*"
    r"(?:bien\s+|vraiment\s+|plutot\s+)?"
    r"(?P<verbe>etre|devenir|faire|travailler|bosser|me\s+lancer|me\s+mettre|creer|monter|ouvrir"
    r"|reprendre|me\s+former|se\s+former|passer)?\b\s*"
)
# « je veux passer mon CACES et bosser en entrepôt », « chauffeur poids lourd, ou sinon
# cariste », « …, sinon vendeuse »: one more wish in the same sentence (after « ou » or
# « sinon », the verb may go unsaid).
_PROJET_SUITE = re.compile(
    r"\b(?P<lien>et|sinon|ou(?:\s+(?:sinon|alors|bien|plutot|peut-etre))?)\s+(?:de\s+|d')?"
    r"(?P<verbe>etre|devenir|faire|travailler|bosser|creer|monter|ouvrir|reprendre|me\s+former"
    r"|passer)?\b\s*"
)


def _projets_dits(enonce: Enonce) -> list[re.Match[str]]:
    """Each wish said: after « je voudrais… », and after « et » in the same sentence."""
    dits = []
    for m in _PROJET.finditer(enonce.plie):
        dits.append(m)
        fin_phrase = enonce.phrase_de(m.start())[1]
        dits += [
            suite
            for suite in _PROJET_SUITE.finditer(enonce.plie, m.end(), fin_phrase)
            if suite.group("verbe") or suite.group("lien") != "et"
        ]
    return dits


_APRES_VERBE = re.compile(
    r"(?:comme\s+|en\s+tant\s+que\s+|en\s+tant\s+qu'|dans\s+(?:les\s+|le\s+|la\s+|l')|un\s+|une\s+"
    r"|du\s+|de\s+la\s+|des\s+|de\s+l'|le\s+|la\s+|l'|en\s+|a\s+mon\s+compte\s+(?:comme|dans|en)\s+"
    r"|a\s+mon\s+compte\s*|une\s+formation\s+(?:de|d'|en)\s*|formation\s+(?:de|d'|en)\s*"
    r"|dans\s+|chez\s+|ma\s+|sa\s+|mon\s+|son\s+|leur\s+)+"
)
_FORMATION = re.compile(
    r"\b(?:formation|me\s+former|se\s+former|apprendre\s+le\s+metier|diplome)\b"
)
_ALTERNANCE = re.compile(r"\b(?:alternance|apprentissage|apprenti)\b")
_CREATION = re.compile(
    r"\b(?:a\s+(?:mon|son)\s+compte|(?:ma|sa|leur)\s+(?:propre\s+)?(?:boite|societe|entreprise|affaire)|creer|monter"
    r"|ouvrir|auto[- ]?entrepreneur|mon\s+(?:propre\s+)?(?:commerce|restaurant|snack|garage|salon))"
)
_PARTITIF = re.compile(r"(?:du|de\s+la|de\s+l'|des)\b")
_IAE = re.compile(r"\b(?:chantier\s+d'insertion|insertion|iae|cddi|etti)\b")


def projets(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    vus: set[str] = set()
    for m in _projets_dits(enonce):
        verbe = (m.group("verbe") or "").strip()
        if not verbe and _PARTITIF.match(plie, m.end()):
            continue  # « il voudrait de l'aide pour ça », « du travail »: a need, not a job
        debut_phrase, fin_phrase = enonce.phrase_de(m.start())
        suite = _APRES_VERBE.match(plie, m.end())
        position = suite.end() if suite else m.end()
        titre = _titre(enonce, position, fin_phrase, 6)
        if titre is None:
            continue
        titre_plie = plie[titre.debut : titre.fin]
        tete = _tete(titre_plie)
        clause = plie[debut_phrase:fin_phrase]
        creation = bool(_CREATION.search(clause)) and verbe in (
            "creer",
            "monter",
            "ouvrir",
            "faire",
            "reprendre",
            "me lancer",
            "me mettre",
            "travailler",
            "",
        )
        if not (ressemble_metier(titre_plie) or tete in ACTIVITES or creation):
            continue
        if verbe in ("etre", "devenir", "") or not creation:
            texte = titre.texte
        else:
            texte = nettoyer_intitule(enonce.brut[m.start(1) : titre.fin])
        if texte.lower() in vus:
            continue
        vus.add(texte.lower())
        valeur: dict[str, object] = {"libelle_personne": texte}
        sorte = None
        if _ALTERNANCE.search(clause):
            sorte = TypeProjet.ALTERNANCE
        elif _FORMATION.search(plie[m.start() : titre.debut]) or verbe in (
            "me former",
            "se former",
        ):
            sorte = TypeProjet.FORMATION_QUALIFIANTE
        elif creation:
            sorte = TypeProjet.CREATION_ACTIVITE
        elif _IAE.search(clause):
            sorte = TypeProjet.IAE
        if sorte:
            valeur["type"] = sorte.value
        trouve, fiche = _fiche(enonce, titre.texte)
        texte_libelle = f"Projet : {texte}{fiche}"
        if trouve:
            valeur["code_rome"] = trouve.code_rome
        if sorte:
            texte_libelle += f" ({libelle(sorte).lower()})"
        propositions.append(
            Proposition(
                etape=6,
                champ="projets",
                valeur=valeur,
                libelle=texte_libelle,
                mode="ajouter",
                extrait=enonce.extrait(m.start(), titre.fin),
                confiance=0.7,
            )
        )
    if (
        not propositions
        and enonce.contexte.etape == 6
        and enonce.attendu("projets")
        and enonce.mots <= 6
    ):
        titre = _titre(enonce, len(plie) - len(plie.lstrip()), len(plie), 6)
        if titre and ressemble_metier(plie[titre.debut : titre.fin]):
            valeur = {"libelle_personne": titre.texte}
            trouve, fiche = _fiche(enonce, titre.texte)
            texte_libelle = f"Projet : {titre.texte}{fiche}"
            if trouve:
                valeur["code_rome"] = trouve.code_rome
            propositions.append(
                Proposition(6, "projets", valeur, texte_libelle, "ajouter", titre.texte, 0.6)
            )
    return propositions[:3]


# --- Other facts of step 3 ---------------------------------------------------------------------

_DERNIERE = [
    (
        re.compile(
            r"\b(?:je\s+travaillais|je\s+bossais|il\s+travaillait|elle\s+travaillait|j'avais\s+un"
            r"\s+(?:travail|boulot|emploi|taf|cdi|cdd)|j'etais\s+en\s+(?:cdi|cdd|interim|poste)"
            r"|j'etais\s+salarie)"
        ),
        "emploi",
    ),
    (
        re.compile(
            r"\bj'etais\s+en\s+(?:formation|apprentissage|alternance|stage)|\bje\s+suivais\s+une"
            r"\s+formation|\bj'etais\s+(?:a\s+l'ecole|au\s+lycee|etudiant)"
        ),
        "formation",
    ),
    (
        re.compile(
            r"\b(?:je\s+cherchais|il\s+cherchait|elle\s+cherchait)\s+(?:du\s+)?(?:travail|boulot"
            r"|un\s+emploi|du\s+taf)|\bj'etais\s+(?:au\s+chomage|chomeur|demandeur\s+d'emploi)"
            r"|\ben\s+recherche\s+d'emploi"
        ),
        "recherche_emploi",
    ),
    (
        re.compile(
            r"\bje\s+(?:ne\s+)?faisais\s+rien|\bsans\s+activite|\bj'avais\s+rien|\bje\s+glandais"
            r"|\bje\s+travaillais\s+pas|\bj'etais\s+sans\s+(?:travail|emploi)"
        ),
        "sans_activite",
    ),
]
_FRANCE_TRAVAIL = re.compile(
    r"\b(?:inscrit|inscrite|inscription)\b[^.;]{0,25}\b(?:pole\s+emploi|france\s+travail|chomage)\b"
    r"|\b(?:pole\s+emploi|france\s+travail)\b"
)


def activite_avant(enonce: Enonce) -> list[Proposition]:
    plie = enonce.plie
    propositions = []
    if enonce.etape_ou_attendu(3, "derniere_activite_avant_incarceration") or re.search(
        r"\bavant\s+(?:d'etre|d'arriver|mon\s+incarceration|la\s+detention|d'etre\s+ici|de\s+rentrer)",
        plie,
    ):
        for motif, valeur in _DERNIERE:
            m = motif.search(plie)
            if m:
                propositions.append(
                    choix(
                        enonce, 3, "derniere_activite_avant_incarceration", valeur, *m.span(), 0.6
                    )
                )
                break
    m = _FRANCE_TRAVAIL.search(plie)
    if m and (enonce.etape_ou_attendu(3, "inscrit_france_travail_avant") or "inscri" in m.group(0)):
        avant = plie[max(0, m.start() - 30) : m.start()]
        dedans = plie[m.start() : m.end()]
        non = re.search(r"\b(?:pas|jamais|plus)\b", avant + " " + dedans)
        propositions.append(
            choix(enonce, 3, "inscrit_france_travail_avant", not non, *m.span(), 0.6)
        )
    return propositions
