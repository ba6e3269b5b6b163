"""Plain text measures behind the offline rules: word counts, word roots, cue lists.

The rules stay readable on purpose: a cue list is a list of French expressions, matched on whole
words, without accents or case; a trailing `*` accepts any ending (« incarcér* »). No statistics,
no model: the counsellor can read why a rule fired.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_MOT = re.compile(r"\w+(?:['’-]\w+)*")
_APOSTROPHES = re.compile(r"['’`´]")


def normaliser(texte: str) -> str:
    """Lower case, no accents, apostrophes as spaces (« J’ai » → « j ai »), spaces squeezed."""
    sans_accents = "".join(
        c for c in unicodedata.normalize("NFD", texte.lower()) if not unicodedata.combining(c)
    )
    return " ".join(_APOSTROPHES.sub(" ", sans_accents).replace("œ", "oe").split())


def nombre_mots(texte: str) -> int:
    """Words as a reader counts them (« j'ai » is one word)."""
    return len(_MOT.findall(texte))


# Frequent words that say nothing about a job, left out of word roots.
_VIDES = frozenset(
    normaliser(m)
    for m in (
        "avec",
        "pour",
        "dans",
        "sans",
        "plus",
        "tout",
        "toute",
        "tous",
        "toutes",
        "cette",
        "ceci",
        "cela",
        "vous",
        "nous",
        "leur",
        "leurs",
        "sont",
        "etre",
        "être",
        "avoir",
        "fait",
        "faire",
        "comme",
        "mais",
        "donc",
        "alors",
        "aussi",
        "bien",
        "très",
        "encore",
        "entre",
        "sous",
        "chez",
        "depuis",
        "après",
        "avant",
        "quand",
        "selon",
        "autre",
        "autres",
        "ainsi",
        "lors",
        "partir",
        "mettre",
        "place",
        "œuvre",
        "suivre",
        "réaliser",
        "assurer",
        "effectuer",
        "utiliser",
        "ensemble",
        "différents",
        "type",
        "types",
        "etc",
        "votre",
        "notre",
        "elle",
        "elles",
        "ils",
        "moi",
        "était",
        "étais",
        "avais",
        "avait",
        "peux",
        "peut",
        "suis",
        "sommes",
        "êtes",
        "ont",
        "aux",
        "des",
        "les",
        "une",
        "pas",
        "que",
        "qui",
        "quoi",
        "dont",
        "même",
        "fois",
        "jour",
        "jours",
        "beaucoup",
        "vraiment",
        "chose",
        "choses",
        "trop",
        "petit",
        "grand",
    )
)


def racines(texte: str) -> set[str]:
    """Rough word roots: first six letters of words of four letters or more (« chariots » →
    « chario »), enough to see that an answer speaks of the job's tasks."""
    return {mot[:6] for mot in normaliser(texte).split() if len(mot) >= 4 and mot not in _VIDES}


@dataclass(frozen=True)
class Indices:
    """A named cue list; `trouver` returns the expressions found, as written in the list."""

    nom: str
    expressions: tuple[str, ...]

    def __post_init__(self) -> None:
        motifs = []
        for expression in self.expressions:
            base = normaliser(expression.rstrip("*"))
            fin = r"\w*" if expression.endswith("*") else ""
            motifs.append(rf"(?<!\w){re.escape(base)}{fin}(?!\w)")
        object.__setattr__(self, "_motifs", tuple(re.compile(m) for m in motifs))

    def trouver(self, texte: str) -> tuple[str, ...]:
        norme = normaliser(texte)
        motifs: tuple[re.Pattern[str], ...] = self._motifs  # type: ignore[attr-defined]
        return tuple(e for e, m in zip(self.expressions, motifs, strict=True) if m.search(norme))

    def present(self, texte: str) -> bool:
        return bool(self.trouver(texte))


def indices(nom: str, expressions: Iterable[str]) -> Indices:
    return Indices(nom, tuple(expressions))


REFUS = indices(
    "refus",
    [
        "je ne veux pas en parler",
        "je veux pas en parler",
        "je ne veux pas répondre",
        "je veux pas répondre",
        "je préfère ne pas",
        "je ne souhaite pas en parler",
        "je ne souhaite pas répondre",
        "je ne répondrai pas",
        "je refuse",
        "ne vous regarde pas",
        "ça vous regarde pas",
        "pas envie d'en parler",
        "pas de commentaire",
        "je passe",
        "joker",
        "question suivante",
    ],
)
VAGUE = indices(
    "vague",
    [
        "je sais pas",
        "je ne sais pas",
        "un peu de tout",
        "ça dépend",
        "on verra",
        "comme tout le monde",
        "bof",
        "des trucs",
        "n'importe quoi",
        "peut-être",
        "normal",
        "rien de spécial",
        "pas grand-chose",
        "euh",
    ],
)
TRAVAIL = indices(
    "travail",
    [
        "travail*",
        "poste",
        "métier*",
        "emploi*",
        "équipe*",
        "collègue*",
        "chef*",
        "responsable*",
        "patron*",
        "client*",
        "entreprise*",
        "atelier*",
        "chantier*",
        "formation*",
        "mission*",
        "horaire*",
        "sécurité",
        "expérience*",
        "compétence*",
        "stage*",
        "diplôme*",
        "appris",
        "apprendre",
        "boulot",
        "job",
        "salaire",
        "contrat*",
        "embauche",
        "recrut*",
    ],
)
PARCOURS = indices(
    "parcours",
    [
        "j'ai travaillé",
        "j'ai fait",
        "j'ai été",
        "j'étais",
        "expérience*",
        "formation*",
        "diplôme*",
        "CAP",
        "BEP",
        "bac",
        "CACES",
        "certificat*",
        "atelier*",
        "stage*",
        "intérim",
        "ans",
        "années",
        "mois",
        "emploi*",
        "ancien*",
        "auparavant",
    ],
)
PROJET = indices(
    "projet",
    [
        "je cherche",
        "je souhaite",
        "je veux",
        "je voudrais",
        "j'aimerais",
        "mon projet",
        "je postule",
        "ce poste",
        "ce métier",
        "ce travail",
        "votre entreprise",
        "chez vous",
        "aujourd'hui",
        "maintenant",
        "devenir",
    ],
)
ACQUIS = indices(
    "acquis",
    [
        "formation*",
        "diplôme*",
        "CAP",
        "CACES",
        "certificat*",
        "titre professionnel",
        "brevet",
        "permis",
        "atelier*",
        "travaillé",
        "j'ai travaillé",
        "appris",
        "apprendre",
        "j'ai passé",
        "obtenu",
        "cours",
        "classe",
        "responsabilit*",
        "service général",
        "auxiliaire",
        "concession",
        "bibliothèque",
        "cuisine",
        "entretien des locaux",
        "remis en question",
        "réfléchi",
    ],
)
AVENIR = indices(
    "avenir",
    [
        "aujourd'hui",
        "maintenant",
        "désormais",
        "prêt",
        "prête",
        "je veux",
        "je souhaite",
        "je voudrais",
        "mon projet",
        "à l'avenir",
        "avenir",
        "reprendre",
        "tourner la page",
        "nouveau départ",
        "ce poste",
        "ce métier",
        "ce travail",
        "chez vous",
        "votre équipe",
        "m'investir",
    ],
)
PERIODE = indices(
    "période",
    [
        "incarcér*",
        "détention",
        "détenu",
        "prison",
        "peine",
        "condamn*",
        "période",
        "ces années",
        "ce temps",
        "écroué",
        "maison d'arrêt",
        "centre de détention",
        "établissement pénitentiaire",
        "personnel*",
        "difficile*",
        "erreur*",
        "j'étais",
    ],
)
AFFAIRE = indices(
    "affaire",
    [
        "tribunal",
        "procès",
        "juge",
        "jugé",
        "jugement",
        "avocat*",
        "plainte*",
        "victime*",
        "garde à vue",
        "assises",
        "correctionnelle",
        "comparution",
        "braquage*",
        "braqué",
        "vol",
        "vols",
        "volé",
        "cambriol*",
        "stupéfiant*",
        "stups",
        "drogue*",
        "trafic*",
        "deal",
        "dealer",
        "agression*",
        "agressé",
        "violence*",
        "frappé",
        "meurtre",
        "homicide",
        "viol",
        "escroquerie*",
        "arme",
        "armes",
        "recel",
        "récidive",
        "condamné pour",
        "pour avoir",
        "les faits",
        "mon affaire",
    ],
)
NEGATIF = indices(
    "négatif",
    [
        "je suis nul",
        "je suis nulle",
        "un raté",
        "une ratée",
        "je ne vaux rien",
        "je vaux rien",
        "moins que rien",
        "j'ai tout gâché",
        "j'ai tout raté",
        "j'ai honte",
        "minable",
        "incapable",
        "je suis bête",
        "je suis con",
        "je suis mauvais",
        "je suis mauvaise",
        "pas capable",
        "bon à rien",
        "bonne à rien",
    ],
)
SITUATION = indices(
    "situation",
    [
        "un jour",
        "une fois",
        "quand",
        "lorsque",
        "par exemple",
        "à l'époque",
        "l'année dernière",
        "il y a",
        "pendant",
        "à l'atelier",
        "sur un chantier",
        "sur le chantier",
        "chez",
        "dans mon ancien",
        "dans mon dernier",
    ],
)
_ACTION = re.compile(r"(?<!\w)(j ai|je me suis|nous avons|on a|je suis alle|je suis allee)\s+\w+")
RESULTAT = indices(
    "résultat",
    [
        "résultat",
        "au final",
        "finalement",
        "du coup",
        "ça a marché",
        "ça a permis",
        "cela a permis",
        "ce qui a permis",
        "j'ai réussi",
        "on a réussi",
        "à la fin",
        "depuis",
        "félicité*",
        "validé",
        "obtenu",
        "réglé",
        "résolu",
        "plus jamais",
        "ça s'est bien passé",
        "tout s'est bien passé",
        "le chef m'a",
        "on m'a confié",
    ],
)
SAVOIR_ETRE = indices(
    "savoir-être",
    [
        "équipe",
        "écoute",
        "écouter",
        "écouté",
        "calme",
        "calmement",
        "respect*",
        "poli",
        "politesse",
        "ponctuel*",
        "à l'heure",
        "rigoureux",
        "rigoureuse",
        "rigueur",
        "sérieux",
        "sérieuse",
        "patient*",
        "aider",
        "aidé",
        "entraide",
        "collègue*",
        "discuter",
        "discuté",
        "dialogue",
        "expliquer",
        "expliqué",
        "consigne*",
        "autonome",
        "autonomie",
        "motivé",
        "motivée",
        "fiable",
        "souriant*",
        "excusé",
        "excusée",
        "compromis",
        "m'adapter",
        "adaptable",
        "organisé",
        "organisée",
    ],
)
TON = indices(
    "ton",
    [
        "je m'énerve",
        "je me suis énervé",
        "je me suis énervée",
        "je pète un câble",
        "j'ai pété un câble",
        "je l'ai frappé",
        "je l'ai tapé",
        "je cogne",
        "insulté",
        "c'est la faute",
        "c'était la faute",
        "ils sont tous",
        "des cons",
        "je m'en fous",
        "j'en ai rien à faire",
        "bagarre",
        "je me laisse pas faire",
    ],
)
DISPONIBILITE = indices(
    "disponibilité",
    [
        "disponible*",
        "dispo",
        "dès demain",
        "demain",
        "tout de suite",
        "immédiatement",
        "dès ma sortie",
        "à ma sortie",
        "à partir du",
        "à partir de",
        "dès le",
        "dès que",
        "libre",
        "lundi",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "semaine*",
    ],
)
CONTRAINTE = indices(
    "contrainte",
    [
        "transport*",
        "bus",
        "voiture",
        "permis",
        "vélo",
        "train",
        "tram",
        "métro",
        "à pied",
        "scooter",
        "covoiturage",
        "horaire*",
        "nuit",
        "week-end*",
        "matin",
        "soir",
        "contrainte*",
        "je m'organise",
        "je m'organiserai",
        "semi-liberté",
        "bracelet",
        "pointer",
        "rendez-vous",
        "enfant*",
        "garde",
    ],
)
CONDITIONS = indices(
    "conditions",
    ["salaire*", "payé", "paye", "paie", "congé*", "vacances", "prime*", "RTT", "gagne*"],
)
SUJET_RECRUTEUR = indices(
    "sujet",
    [
        "poste",
        "équipe*",
        "horaire*",
        "formation*",
        "tuteur",
        "premiers jours",
        "premier jour",
        "accompagnement",
        "accompagné",
        "mission*",
        "tâche*",
        "suite",
        "réponse",
        "contrat*",
        "encadrant*",
        "évoluer",
        "évolution",
        "période d'essai",
        "commencer",
        "démarrer",
        "travail*",
        "chantier*",
        "atelier*",
        "entreprise*",
        "structure",
        "association",
        "service",
        "agence",
    ],
)
EPI = indices(
    "équipements",
    [
        "casque*",
        "chaussures de sécurité",
        "gants",
        "gilet*",
        "lunettes",
        "bouchons",
        "harnais",
        "EPI",
        "protection*",
        "masque*",
        "bleu de travail",
    ],
)
_INTERROGATIFS = re.compile(
    r"^(est ce que|comment|quand|quel|quelle|quels|quelles|combien|qui|ou|pourquoi|y a t il|"
    r"pourriez vous|pouvez vous|est il|est elle|faut il|aurai je|serai je|dois je)\b"
)


def action(texte: str) -> tuple[str, ...]:
    """First-person past actions (« j'ai rangé », « nous avons fini »): the action of an example."""
    return tuple(m.group(0) for m in _ACTION.finditer(normaliser(texte)))[:3]


def questions(texte: str) -> list[str]:
    """Sentences that ask something: ending with « ? » or starting with a question word."""
    phrases = [p.strip() for p in re.split(r"(?<=[.?!])\s+|\n+", texte) if p.strip()]
    return [p for p in phrases if p.endswith("?") or _INTERROGATIFS.match(normaliser(p))]
