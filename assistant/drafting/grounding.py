"""The grounding checker: every fact a sentence states must be in the texts of its own sources.

A « fact » here is what a reader would take as information and what a model invents most
easily: numbers and years, months, codes (F1703, R489), acronyms, diplomas and certifications,
organisations, job titles, trades, places and other capitalised words. Each one found in a
sentence is looked for, accent- and case-insensitively, in the texts of the sentence's sources;
one that is missing gives a blocking `fait_non_source` flag naming it. A sentence without a
source is `sans_source`; a sentence the counsellor wrote or corrected (source `conseiller`) is
trusted, they vouch for it.

`citer` is the citation pass for free text (a model's answer): it finds the facts that support
a sentence, by the facts it states first, then by shared words.
"""

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from assistant.domain.drafts import SOURCE_CONSEILLER, PhraseBrouillon, Signalement
from assistant.drafting.text import MOIS, plier_aligne
from assistant.locations import PROMPTS_DIR

FICHIER_FAITS = PROMPTS_DIR / "drafting" / "faits.toml"
MAX_SIGNALEMENTS = 8

SorteFait = Literal[
    "nombre",
    "mois",
    "code",
    "sigle",
    "diplome",
    "organisme",
    "metier",
    "domaine",
    "lieu",
    "nom_propre",
]
NOMS_SORTES: dict[str, str] = {
    "nombre": "nombre ou année",
    "mois": "mois",
    "code": "code",
    "sigle": "sigle",
    "diplome": "diplôme ou certification",
    "organisme": "organisme",
    "metier": "métier",
    "domaine": "domaine",
    "lieu": "lieu",
    "nom_propre": "nom propre",
}

_aligner = plier_aligne


@dataclass(frozen=True)
class FaitRepere:
    """A fact stated in a sentence: its kind, its comparison key and the words as written."""

    sorte: SorteFait
    cle: str
    texte: str


@dataclass(frozen=True)
class _Lexique:
    diplomes: re.Pattern[str]
    organismes: re.Pattern[str]
    cles: dict[tuple[str, str], str]
    """(kind, folded variant) -> key"""
    variantes: dict[str, re.Pattern[str]]
    """key -> pattern of all its variants"""
    metiers: tuple[str, ...]
    domaines: re.Pattern[str]
    lieux: re.Pattern[str] | None
    neutres: frozenset[str]
    nombres: dict[str, int]
    courants: frozenset[str]


def _motif(variantes: Iterable[str]) -> re.Pattern[str]:
    formes = sorted({v for v in variantes if v}, key=len, reverse=True)
    corps = "|".join(
        re.escape(f).replace(r"\ ", r"[\s'-]+").replace(r"\-", r"[\s'-]+") for f in formes
    )
    return re.compile(rf"(?<![a-z0-9])({corps})(?:s|x)?(?![a-z0-9])")


@lru_cache(maxsize=1)
def _lexique() -> _Lexique:
    donnees = tomllib.loads(FICHIER_FAITS.read_text(encoding="utf-8"))
    cles: dict[tuple[str, str], str] = {}
    for sorte in ("diplomes", "organismes"):
        for entree in donnees.get(sorte, []):
            for variante in entree["variantes"]:
                cles[(sorte, _aligner(variante)[1])] = str(entree["cle"])
    domaines = [_aligner(n)[1] for n in donnees["domaines"]["noms"]]
    par_cle: dict[str, list[str]] = {}
    for (_, variante), cle in cles.items():
        par_cle.setdefault(cle, []).append(variante)
    return _Lexique(
        variantes={cle: _motif(formes) for cle, formes in par_cle.items()},
        diplomes=_motif(v for (s, v) in cles if s == "diplomes"),
        organismes=_motif(v for (s, v) in cles if s == "organismes"),
        cles=cles,
        metiers=tuple(_aligner(n)[1] for n in donnees["metiers"]["noms"]),
        domaines=_motif(domaines),
        lieux=_motif_lieux(),
        neutres=frozenset(donnees["majuscules_neutres"]["mots"]),
        nombres={str(k): int(v) for k, v in donnees["nombres_en_lettres"].items()},
        courants=frozenset(donnees["mots_courants"]["mots"]),
    )


def _motif_lieux() -> re.Pattern[str] | None:
    # Imported here: the place table of the guide is only needed when checking.
    from assistant.guide.extraction.places import charger_lieux

    noms = [n.removeprefix("ville:") for n in charger_lieux().par_nom]
    return _motif(noms) if noms else None


_JETON = re.compile(r"\[[A-Z][A-Z_]*_\d+\]")
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_ANNEE_MOIS = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?!\d)")
_ORDINAL = re.compile(r"(?<![A-Za-z0-9])(\d+)(?:er|re|e|eme|ème|ère)(?![A-Za-z0-9])")
_CODE = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{2,}(?![A-Za-z0-9])")
_NOMBRE = re.compile(r"(?<![A-Za-z0-9])\d+(?![A-Za-z0-9])")
_MOT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_DEBUT_PHRASE = re.compile(r"(?:^[\s\"(\[-]*|[.!?]\s+|[\"(\[]\s*)$")
_MOIS_PLIES = {_aligner(m)[1]: i + 1 for i, m in enumerate(MOIS)}


def reperer_faits(texte: str) -> list[FaitRepere]:
    """The facts a sentence states, in order, without duplicates."""
    lex = _lexique()
    base, plie = _aligner(texte)
    faits: list[FaitRepere] = []
    couverts: list[tuple[int, int]] = []

    def libre(debut: int, fin: int) -> bool:
        return not any(d < fin and debut < f for d, f in couverts)

    def ajouter(sorte: SorteFait, cle: str, debut: int, fin: int) -> None:
        faits.append(FaitRepere(sorte, cle, base[debut:fin]))
        couverts.append((debut, fin))

    for m in _JETON.finditer(base):
        # Pseudonymisation placeholders are checked apart (`jeton_inconnu`).
        couverts.append((m.start(), m.end()))
    for m in _DATE.finditer(plie):
        faits.append(FaitRepere("nombre", str(int(m.group(1))), m.group(0)))
        faits.append(FaitRepere("mois", str(int(m.group(2))), m.group(0)))
        ajouter("nombre", str(int(m.group(3))), m.start(), m.end())
    for m in _ANNEE_MOIS.finditer(plie):
        if libre(m.start(), m.end()):
            faits.append(FaitRepere("mois", str(int(m.group(2))), m.group(0)))
            ajouter("nombre", m.group(1), m.start(), m.end())
    for sorte, motif in (("diplome", lex.diplomes), ("organisme", lex.organismes)):
        famille = "diplomes" if sorte == "diplome" else "organismes"
        for m in motif.finditer(plie):
            if libre(m.start(), m.end()):
                forme = re.sub(r"[\s'-]+", " ", m.group(1))
                cle = lex.cles.get((famille, forme)) or _cle_approchee(lex, famille, forme)
                ajouter(sorte, cle, m.start(), m.end())  # type: ignore[arg-type]
    if lex.lieux is not None:
        for m in lex.lieux.finditer(plie):
            # A place name is written with a capital; « lot », « manche », « var » are words.
            if libre(m.start(), m.end()) and base[m.start()].isupper():
                ajouter("lieu", re.sub(r"[\s'-]+", " ", m.group(1)), m.start(), m.end())
    for m in lex.domaines.finditer(plie):
        if libre(m.start(), m.end()):
            ajouter("domaine", re.sub(r"[\s'-]+", " ", m.group(1)), m.start(), m.end())
    for m in _ORDINAL.finditer(base):
        if libre(m.start(), m.end()):
            ajouter("nombre", str(int(m.group(1))), m.start(), m.end())
    for m in _CODE.finditer(base):
        if libre(m.start(), m.end()):
            ajouter("code", plie[m.start() : m.end()], m.start(), m.end())
    for m in _NOMBRE.finditer(base):
        if libre(m.start(), m.end()):
            ajouter("nombre", str(int(m.group(0))), m.start(), m.end())
    for m in _MOT.finditer(base):
        if not libre(m.start(), m.end()):
            continue
        mot, mot_plie = m.group(0), plie[m.start() : m.end()]
        if mot_plie in lex.nombres:
            ajouter("nombre", str(lex.nombres[mot_plie]), m.start(), m.end())
        elif mot_plie in _MOIS_PLIES:
            ajouter("mois", str(_MOIS_PLIES[mot_plie]), m.start(), m.end())
        elif metier := _metier(lex, mot_plie):
            ajouter("metier", metier, m.start(), m.end())
        elif len(mot) >= 2 and mot.isupper():
            ajouter("sigle", mot_plie, m.start(), m.end())
        elif (
            mot[0].isupper()
            and mot_plie not in lex.neutres
            and not _DEBUT_PHRASE.search(base[: m.start()])
        ):
            ajouter("nom_propre", mot_plie, m.start(), m.end())
    vus: set[tuple[str, str]] = set()
    uniques = []
    for fait in faits:
        if (fait.sorte, fait.cle) not in vus:
            vus.add((fait.sorte, fait.cle))
            uniques.append(fait)
    return uniques


def _cle_approchee(lex: _Lexique, famille: str, forme: str) -> str:
    for (f, variante), cle in lex.cles.items():
        if f == famille and re.sub(r"[\s'-]+", " ", variante) == forme:
            return cle
    return forme


def _metier(lex: _Lexique, mot: str) -> str | None:
    """The job noun a word is a form of (« cuisinières » -> « cuisinier »)."""
    for nom in lex.metiers:
        if mot.startswith(nom) and len(mot) - len(nom) <= 3:
            return nom
    return None


@dataclass(frozen=True)
class Appui:
    """What the texts of some sources state, ready for comparison."""

    plie: str
    compact: str
    mots: frozenset[str]
    faits: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def soutient(self, fait: FaitRepere) -> bool:
        if (fait.sorte, fait.cle) in self.faits:
            return True
        if fait.sorte in ("diplome", "organisme"):
            # « bac » is supported by « Bac professionnel », stated there as « bac pro ».
            motif = _lexique().variantes.get(fait.cle)
            return motif is not None and motif.search(self.plie) is not None
        if fait.sorte == "metier":
            # « Maçon » at the start of a source is read as the town of Mâcon: compare words.
            return any(m.startswith(fait.cle) and len(m) - len(fait.cle) <= 3 for m in self.mots)
        if fait.sorte == "code":
            return fait.cle in self.mots or fait.cle in self.compact
        if fait.sorte in ("sigle", "nom_propre", "lieu"):
            mots = fait.cle.replace("-", " ").split()
            return all(m in self.mots or m.rstrip("sx") in self.mots for m in mots)
        return False


@lru_cache(maxsize=4096)
def _appui_texte(texte: str) -> Appui:
    _, plie = _aligner(texte)
    mots = frozenset(re.findall(r"[a-z0-9]+", plie))
    faits = frozenset((f.sorte, f.cle) for f in reperer_faits(texte))
    return Appui(plie, re.sub(r"[^a-z0-9]", "", plie), mots, faits)


def appui(textes: Iterable[str]) -> Appui:
    """The combined support of several source texts."""
    parties = [_appui_texte(t) for t in textes]
    return Appui(
        " \n ".join(p.plie for p in parties),
        " ".join(p.compact for p in parties),
        frozenset().union(*(p.mots for p in parties)),
        frozenset().union(*(p.faits for p in parties)),
    )


def faits_non_sources(texte: str, sources: Iterable[str]) -> list[FaitRepere]:
    """The facts of `texte` that none of the source texts states."""
    support = appui(sources)
    return [f for f in reperer_faits(texte) if not support.soutient(f)]


def verifier_phrase(
    phrase: PhraseBrouillon, faits: Mapping[str, str], *, stricte: bool = False
) -> list[Signalement]:
    """Grounding flags of one sentence against the facts of its own sources.

    `stricte` (for a model's sentences) also warns, without blocking, when most of the
    sentence's meaningful words are absent from its sources: paraphrase is allowed, a sentence
    about something else is not silently accepted.
    """
    if SOURCE_CONSEILLER in phrase.sources:
        return []
    if not phrase.sources:
        enonces = ", ".join(f"« {f.texte} »" for f in reperer_faits(phrase.texte)[:5])
        return [
            Signalement(
                type="sans_source",
                message=(
                    "Cette phrase ne renvoie à aucun élément du dossier"
                    + (f" ({enonces})" if enonces else "")
                    + " : vérifiez-la, corrigez-la ou retirez-la."
                )[:300],
            )
        ]
    inconnues = [s for s in phrase.sources if s not in faits]
    if inconnues:
        return [
            Signalement(
                type="sans_source",
                message=f"Source introuvable dans le dossier : {', '.join(inconnues)}."[:300],
            )
        ]
    textes = [faits[s] for s in phrase.sources]
    manquants = faits_non_sources(phrase.texte, textes)
    signalements = [
        Signalement(
            type="fait_non_source",
            message=f"« {f.texte} » ({NOMS_SORTES[f.sorte]}) ne figure pas dans les sources "
            "de cette phrase.",
        )
        for f in manquants[:MAX_SIGNALEMENTS]
    ]
    if stricte and not signalements:
        absents = mots_absents(phrase.texte, textes)
        if absents:
            signalements.append(
                Signalement(
                    type="fait_non_source",
                    bloquant=False,
                    message=(
                        "Plusieurs mots de cette phrase ne viennent pas de ses sources ("
                        + ", ".join(f"« {m} »" for m in absents[:5])
                        + ") : vérifiez qu'elle ne dit rien de plus que le dossier."
                    )[:300],
                )
            )
    return signalements


def _racine(mot: str) -> str:
    return mot[:6]


def mots_utiles(texte: str) -> list[str]:
    """The meaningful folded words of a text (no stop words, no numbers)."""
    courants = _lexique().courants
    _, plie = _aligner(texte)
    return [
        m
        for m in re.findall(r"[a-z]+", plie)
        if len(m) >= 4 and m not in courants and not m.isdigit()
    ]


def mots_absents(texte: str, sources: Iterable[str]) -> list[str]:
    """Meaningful words of `texte` absent from the sources, when they are most of its words."""
    utiles = mots_utiles(texte)
    if len(utiles) < 2:
        return []
    racines = {_racine(m) for m in appui(sources).mots}
    absents = [m for m in utiles if _racine(m) not in racines]
    return absents if len(absents) * 2 > len(utiles) else []


def citer(phrase_texte: str, faits: Mapping[str, str], maximum: int = 4) -> list[str]:
    """The source references that best support a free-text sentence (citation pass).

    Facts the sentence states are covered first (a reference that states the year or the
    diploma of the sentence wins), then references sharing meaningful words are added.
    """
    enonces = reperer_faits(phrase_texte)
    racines = {_racine(m) for m in mots_utiles(phrase_texte)}
    if not enonces and not racines:
        return []
    candidats = []
    for ref, texte in faits.items():
        support = _appui_texte(texte)
        couverts = frozenset(i for i, f in enumerate(enonces) if support.soutient(f))
        communs = len(racines & {_racine(m) for m in support.mots})
        if couverts or communs:
            candidats.append((ref, couverts, communs))
    choisis: list[str] = []
    restants = set(range(len(enonces)))
    while restants and len(choisis) < maximum:
        meilleur = max(
            (c for c in candidats if c[0] not in choisis),
            key=lambda c: (len(c[1] & restants), c[2]),
            default=None,
        )
        if meilleur is None or not meilleur[1] & restants:
            break
        choisis.append(meilleur[0])
        restants -= meilleur[1]
    if candidats:
        seuil = max(2, (max(c[2] for c in candidats) + 1) // 2)
        for ref, _, communs in sorted(candidats, key=lambda c: -c[2]):
            if len(choisis) >= maximum:
                break
            if communs >= seuil and ref not in choisis:
                choisis.append(ref)
    return choisis
