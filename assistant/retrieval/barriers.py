"""The guide's barrier categories mapped to data·inclusion v1 thématiques (domain brief §1.2).

Used to turn a barrier recorded in the interview into a search for insertion services.
Every slug here exists in `thematiques_v1` (checked by the tests against the official file).
"""

from assistant.domain.enums import CategorieFrein

# data·inclusion v1 public: "Personnes sortant de détention, détenus ou autre statut juridique
# spécifique". A filter, never a requirement: most useful services are not tagged with it.
PUBLIC_JUSTICE = "personnes-en-situation-juridique-specifique"

_LOGEMENT = "logement-hebergement--"
_MOBILITE = "mobilite--"
_ADMIN = "difficultes-administratives-ou-juridiques--"
_FINANCES = "difficultes-financieres--"
_NUMERIQUE = "numerique--"

THEMATIQUES_BY_FREIN: dict[CategorieFrein, tuple[str, ...]] = {
    CategorieFrein.LOGEMENT: (
        f"{_LOGEMENT}rechercher-une-solution-dhebergement-temporaire",
        f"{_LOGEMENT}louer-un-logement",
        f"{_LOGEMENT}se-maintenir-dans-le-logement",
        f"{_LOGEMENT}reduire-les-impayes-de-loyer",
        f"{_LOGEMENT}sinformer-sur-les-demarches-liees-a-lacces-au-logement",
    ),
    CategorieFrein.SANTE: (
        "sante--acces-aux-soins",
        "sante--sante-mentale",
        "sante--constituer-un-dossier-mdph-invalidite",
    ),
    CategorieFrein.ADDICTIONS: ("sante--addictions",),
    CategorieFrein.MOBILITE: (
        f"{_MOBILITE}preparer-un-permis",
        f"{_MOBILITE}acceder-a-un-vehicule",
        f"{_MOBILITE}financer-ma-mobilite",
        f"{_MOBILITE}mobilite-douce-partagee-collective",
        f"{_MOBILITE}etre-accompagne-dans-son-parcours-mobilite",
    ),
    CategorieFrein.FAMILLE_GARDE_ENFANTS: (
        "famille--garde-denfants",
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "famille--surmonter-conflits-separation-violence",
        "famille--prise-en-charge-personne-dependante",
    ),
    CategorieFrein.FINANCES_DETTES: (
        f"{_FINANCES}situation-dendettement-surendettement",
        f"{_FINANCES}acquerir-une-autonomie-budgetaire",
        f"{_FINANCES}mettre-en-place-une-mesure-de-protection-financiere",
    ),
    CategorieFrein.DROITS_PAPIERS: (
        f"{_ADMIN}accompagnement-aux-demarches-administratives",
        f"{_ADMIN}accompagnement-pour-lacces-aux-droits",
        f"{_ADMIN}accompagnement-pour-lacces-a-la-citoyennete",
    ),
    CategorieFrein.JUSTICE_OBLIGATIONS: (
        f"{_ADMIN}prendre-en-compte-une-problematique-judiciaire",
    ),
    CategorieFrein.NUMERIQUE: (
        f"{_NUMERIQUE}maitriser-les-fondamentaux-du-numerique",
        f"{_NUMERIQUE}acceder-a-des-services-en-ligne",
        f"{_NUMERIQUE}acquerir-un-equipement",
        f"{_NUMERIQUE}acceder-a-une-connexion-internet",
    ),
    CategorieFrein.LANGUE_ILLETTRISME: (
        "lecture-ecriture-calcul--maitriser-le-francais",
        "lecture-ecriture-calcul--maitriser-le-calcul",
    ),
    CategorieFrein.EQUIPEMENT_ALIMENTATION: (
        "equipement-et-alimentation--alimentation",
        "equipement-et-alimentation--habillement",
    ),
    CategorieFrein.CONFIANCE_ISOLEMENT: (
        "remobilisation--bien-etre-confiance-en-soi",
        "remobilisation--lien-social",
        "remobilisation--activites-sportives-et-culturelles",
    ),
}

# Services that help build the job project itself (the "(projet)" row of the brief's table).
THEMATIQUES_PROJET: tuple[str, ...] = (
    "choisir-un-metier--confirmer-son-choix-de-metier",
    "choisir-un-metier--connaitre-les-opportunites-demploi",
    "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
    "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
    "se-former--trouver-sa-formation",
    "se-former--monter-son-dossier-de-formation",
    "preparer-sa-candidature--developper-son-reseau",
    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
    "preparer-sa-candidature--valoriser-ses-competences",
    "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
    "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
    "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
    "creer-une-entreprise--developper-son-entreprise",
)


def _mots(words: str) -> tuple[str, ...]:
    return tuple(words.split("|"))


# How a counsellor or the person names a barrier (folded words; a word ending in « * » is a
# prefix): « /services hébergement » asks for housing, not for an employer named « … urgence ».
# Checked in this order: « permis » is mobility before « financement » is money.
MOTS_PAR_FREIN: dict[CategorieFrein, tuple[str, ...]] = {
    CategorieFrein.LOGEMENT: _mots(
        "logement*|loger|loge|heberg*|foyer*|chrs|sdf|loyer*|appartement*|hotel social|"
        "115|domiciliation|sans abri|a la rue"
    ),
    CategorieFrein.ADDICTIONS: _mots(
        "addict*|alcool*|drogue*|cannabis|toxico*|stupefiant*|csapa|caarud|heroine|crack|"
        "cocaine|sevrage"
    ),
    CategorieFrein.SANTE: _mots(
        "sante|soin*|medecin*|psy*|handicap*|mdph|rqth|traitement*|hopital|mutuelle|cmu|"
        "complementaire sante|css"
    ),
    CategorieFrein.MOBILITE: _mots(
        "mobilite|permis|voiture*|vehicule*|transport*|scooter*|velo*|deplacement*|code de la route"
    ),
    CategorieFrein.FAMILLE_GARDE_ENFANTS: _mots(
        "famille*|familial*|enfant*|garde|creche*|parent*|parentalite"
    ),
    CategorieFrein.FINANCES_DETTES: _mots(
        "finance*|dette*|argent|budget*|surendettement|banque|bancaire|compte bancaire|"
        "impaye*|ressources"
    ),
    CategorieFrein.DROITS_PAPIERS: _mots(
        "papiers|droits|carte d identite|titre de sejour|cni|rsa|caf|administratif*|"
        "demarches|securite sociale|carte vitale"
    ),
    CategorieFrein.JUSTICE_OBLIGATIONS: _mots(
        "justice|judiciaire*|spip|sursis|bracelet|obligation*|juge|tig|amende*|victime*"
    ),
    CategorieFrein.NUMERIQUE: _mots(
        "numerique|ordinateur*|internet|informatique|mail|email|smartphone|telephone|en ligne"
    ),
    CategorieFrein.LANGUE_ILLETTRISME: _mots(
        "langue*|francais|lire|ecrire|lecture|ecriture|illettr*|alphabet*|fle|calcul"
    ),
    CategorieFrein.EQUIPEMENT_ALIMENTATION: _mots(
        "alimentation|alimentaire|nourriture|manger|colis|repas|vetement*|habits|"
        "habillement|equipement*"
    ),
    CategorieFrein.CONFIANCE_ISOLEMENT: _mots(
        "isolement|isole*|confiance|seul|seule|lien social|estime de soi|solitude|remobilisation"
    ),
}


def frein_nomme(text: str) -> CategorieFrein | None:
    """The barrier a text names (« hébergement d'urgence » -> logement), if any."""
    words = text.split()
    padded = f" {text} "
    for categorie, mots in MOTS_PAR_FREIN.items():
        for mot in mots:
            if " " in mot:
                if f" {mot} " in padded:
                    return categorie
            elif mot.endswith("*"):
                if any(word.startswith(mot[:-1]) for word in words):
                    return categorie
            elif mot in words:
                return categorie
    return None


def thematiques_for(categorie: CategorieFrein | str) -> tuple[str, ...]:
    """The data·inclusion v1 thématiques that answer a barrier category."""
    return THEMATIQUES_BY_FREIN[CategorieFrein(categorie)]


def all_thematiques() -> tuple[str, ...]:
    """Every slug this module uses, for checks against the referential."""
    slugs = [slug for values in THEMATIQUES_BY_FREIN.values() for slug in values]
    return tuple(dict.fromkeys([*slugs, *THEMATIQUES_PROJET]))
