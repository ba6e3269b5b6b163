"""Certifications for a job or a title: by their title and through the jobs they lead to."""

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.retrieval import licences
from assistant.retrieval.agent_nouns import AgentNouns
from assistant.retrieval.certifications import Certification
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.metiers import JobHit
from assistant.retrieval.text import clean_query, fold, tokens

# Certifications of a territory with its own labour law: obtained and recognised there, not
# what a person leaving a prison in France prepares; shown only when the territory is named.
# The title says so (« … [Wallis] ») or only the certifier does (« Maçon », « Serveur en
# restauration » of the Haut Commissariat en Polynésie française). The overseas départements
# are French law: not among them.
_AUTRE_TERRITOIRE = re.compile(r"\[(?:Nouvelle-Calédonie|Polynésie française|Wallis[^\]]*)\]\s*$")
_CERTIFICATEUR_AILLEURS = re.compile(r"polyn[ée]si|nouvelle[- ]cal[ée]donie|wallis", re.IGNORECASE)
_TERRITOIRES_NOMMES = ("caledonie", "polynesie", "wallis")
# Certifications the armed forces award their own personnel (the Navy's « Cuisinier »).
_ARMEES = re.compile(
    r"\barm[ée]es?\b|marine nationale|gendarmerie|fourriers|interarmées", re.IGNORECASE
)

# What a counsellor looks for first for a job: the Ministry's titles (the Afpa's own), the
# national vocational diplomas and CQPs, and the licences the job asks for (permis, FIMO, CACES,
# SST…); a private title or a university degree only after them. A share of the score, so that
# a certification found by its words is not overtaken by one only linked to a guessed job.
_PRIORITE_CATEGORIE = {
    "titre_professionnel": 0.5,
    "cap": 0.35,
    "cqp": 0.25,
    "bp": 0.25,
    "mc": 0.25,
    "bac_pro": 0.2,  # mostly three years of lycée; adults take the CAP or the titre
    "bep": 0.15,  # mostly a step inside a Bac pro now
}
_PRIORITE_HABILITATION = 0.35
"""A licence the job requires (`famille_courte` known): a prerequisite to hiring."""
_PRIORITE_PAR_NIVEAU = 0.2
"""Less per level above 3 (CAP): the usual entry level of the people met."""
_LIEN = 0.6
"""What leading to the job found for the query adds to a certification (a title match gives 1)."""
_LIEN_MIN = 0.5
"""Only the jobs found at least half as well as the first one lend their certifications."""
_AMBIGU = 0.9
"""The first three jobs this close: the words name no single sheet (« vendeur »)."""
_COMMUNE = 0.6
"""Then, what a certification gains per job sheet it leads to beyond the first."""
_NOMMEE = 0.75
"""Share of a certification's words a query says when it asks for that one by its name."""
_PLANCHER = 0.15
"""A certification scoring less than this share of the first one is not listed."""
_SANS_NUMERO = 0.4
"""A certification with no RNCP or RS number: known to its branch, not registered nationally,
so not fundable by the CPF. Licences (permis, CACES…) are exempt: the law asks for them."""
# A competition for established craftsmen, not a qualification to prepare.
_CONCOURS = re.compile(r"^Un des meilleurs ouvriers de France", re.IGNORECASE)


def _priorite(c: Certification) -> float:
    if c.categorie == "habilitation_courte":
        bonus = _PRIORITE_HABILITATION if c.famille_courte else 0.0
        # Among the categories of a licence, equal otherwise, the usual one stands for them.
        bonus += 0.001 if licences.usuel(c) else 0.0
    else:
        bonus = _PRIORITE_CATEGORIE.get(c.categorie, 0.0)
    return bonus - _PRIORITE_PAR_NIVEAU * max((c.niveau or 3) - 3, 0)


def _des_armees(c: Certification) -> bool:
    return bool(c.certificateurs) and all(_ARMEES.search(nom) for nom in c.certificateurs)


def _sans_numero(c: Certification) -> bool:
    return not (
        c.numeros or c.categorie == "habilitation_courte" or c.famille_courte or _ailleurs(c)
    )


def _ailleurs(c: Certification) -> bool:
    return bool(
        _AUTRE_TERRITOIRE.search(c.intitule or "")
        or any(_CERTIFICATEUR_AILLEURS.search(nom) for nom in c.certificateurs)
    )


@dataclass(frozen=True)
class CertificationHit:
    certification: Certification
    score: float
    pourquoi: str


def _describe(c: Certification, anciens: Sequence[str] = ()) -> str:
    kind = "Permis de conduire" if licences.permis(c) else None
    parts = [kind or _TYPE_COURT.get(c.famille_courte or "", c.type)]
    if c.niveau and "niveau" not in c.type:  # « Autre titre … (niveau 3) » says it already
        parts.append(f"niveau {c.niveau}")
    code = c.rncp or c.rs
    if code:
        parts.append(code)
    elif _sans_numero(c):
        parts.append("sans numéro RNCP ni RS connu (hors CPF)")
    if _des_armees(c):
        parts.append("certification délivrée par les armées à leurs personnels")
    if anciens:
        parts.append("anciennement " + ", ".join(f"« {titre} »" for titre in anciens))
    if c.intitule_repris_de:
        # No source publishes the title under the new number yet.
        parts.append(f"nouveau numéro (intitulé repris de {c.intitule_repris_de})")
    if c.actif is False:
        parts.append(
            "fiche inactive, remplacée par " + ", ".join(c.remplacee_par)
            if c.remplacee_par
            else "fiche inactive"
        )
    return ", ".join(parts)


_LICENCES = (licences.GROUPE_ELECTRIQUE, licences.GROUPE_PERMIS)
# What is said of a certification one holds or prepares (« permis B en cours », « titulaire du
# CACES », « SST à jour »), not of which one.
_REMPLISSAGE = frozenset(
    "titulaire cours obtenu obtenue exige exigee souhaite souhaitee valide valable jour".split()  # noqa: SIM905
)
# Job sheets of electrical trades, for which an habilitation électrique is a prerequisite.
_ELECTRIQUE = re.compile(r"electr|cabl|eclairage|compteur")
# Short certifications better known by an acronym their title does not say.
_SIGLES = (
    (re.compile(r"hygiène alimentaire", re.IGNORECASE), "HACCP"),
    (re.compile(r"conduite de certains véhicules routiers", re.IGNORECASE), "FIMO FCO"),
)


# What a short certification is, in the words of a counsellor (the sources type them all
# « Habilitation »).
_TYPE_COURT = {
    "caces": "CACES",
    "permis": "Permis",
    "habilitation_electrique": "Habilitation électrique, délivrée par l'employeur après une "
    "formation (NF C 18-510)",
}


def _collapse_key(c: Certification) -> str:
    """Certifications shown once in a short list: same title, or same licence (a CACES
    recommendation, the habilitations électriques, the permis de conduire)."""
    if found := licences.groupe(c):
        return found[0]
    # « Cariste d'entrepôt » is the former number of « Titre professionnel cariste d'entrepôt »,
    # « Couvreur » (CAP) of « CAP couvreur ».
    kind = fold(c.type)
    return f"{kind}: {fold(c.intitule or c.id).removeprefix(kind + ' ')}"


def _indexed_text(c: Certification, agents: AgentNouns | None, anciens: Sequence[str]) -> str:
    """Title, former titles and type; with the workers of the trades it names: diplomas name
    the trade (« CAP cuisine », « CAP métiers de la coiffure »), people the worker
    (« cuisinier »), and counsellors may know the former name (« vendeur-conseil en magasin »
    for the « conseiller de vente »)."""
    titles = " ".join([c.intitule or "", *anciens])
    text = f"{titles} {c.type}"
    recommandation, _ = licences.caces(c)
    if recommandation:
        # Its titles say « Certificat d'aptitude à la conduite en sécurité R486 … PEMP ».
        text += f" CACES R{recommandation} {licences.CACES_MOTS.get(recommandation, '')}"
    text += "".join(f" {sigle}" for motif, sigle in _SIGLES if motif.search(c.intitule or ""))
    if categorie := licences.permis(c):
        text += f" {licences.permis_word(categorie)}"
    if agents is None:
        return text
    workers = [found[0] for word in fold(titles).split() if (found := agents.of(word))]
    return " ".join([text, *workers])


def _words(title: str, c: Certification) -> set[str]:
    """The words of a title that name the trade: « Mécanicien(ne) automobile » and « Titre
    professionnel mécanicien automobile » say the same."""
    return set(tokens(clean_query(title))) - set(tokens(c.type))


def _former_titles(certifications: Sequence[Certification]) -> dict[str, list[str]]:
    """Number -> the other titles of the fiches it replaced (a renamed title keeps its users)."""
    anciens: dict[str, list[str]] = {}
    for c in certifications:
        for number in c.remplacee_par:
            known = anciens.setdefault(number, [])
            if c.intitule and c.intitule not in known:
                known.append(c.intitule)
    return anciens


class CertificationSearch:
    def __init__(
        self,
        certifications: Sequence[Certification],
        agents: AgentNouns | None = None,
        masculine: Mapping[str, str] | None = None,
        job_words: frozenset[str] = frozenset(),
    ) -> None:
        self._masculine = masculine or {}
        # The (stemmed) words of the job sheets and of everyday job talk.
        self._job_words = job_words
        # Inactive fiches stay findable (a person may hold one) but rank after active ones.
        self._items = [c for c in certifications if c.intitule]
        former = _former_titles(self._items)
        anciens = [self._other_titles(c, former) for c in self._items]
        # All are indexed; one is a former name, several are options merged into this fiche
        # (« Bac pro … option A maçonnerie », « … option B charpente »): not a renaming to show.
        self._anciens = [titres if len(titres) == 1 else [] for titres in anciens]
        texts = [
            _indexed_text(c, agents, titres) for c, titres in zip(self._items, anciens, strict=True)
        ]
        words = [tokens(text) for text in texts]
        self._lexical = LexicalIndex(words)
        # The words of each text, to know how much of a query a certification says, each
        # word weighing what it tells apart (« r486 » more than « caces »).
        self._words = [frozenset(w) for w in words]
        frequency = Counter(word for words in self._words for word in words)
        self._poids = {word: math.log(1 + len(texts) / n) for word, n in frequency.items()}
        self._inconnu = math.log(1 + len(texts))
        # Per-certification facts as arrays: the adjustments are a few vector operations.
        self._niveau = np.array([c.niveau or 0 for c in self._items], dtype=np.int64)
        self._courte = np.array([bool(c.courte) for c in self._items], dtype=bool)
        self._inactive = np.array([c.actif is False for c in self._items], dtype=bool)
        self._priorite = np.array([_priorite(c) for c in self._items], dtype=np.float64)
        self._ailleurs = np.array([_ailleurs(c) for c in self._items], dtype=bool)
        self._sans_numero = np.array([_sans_numero(c) for c in self._items], dtype=bool)
        # A competition, or a certification of the armed forces: not what one prepares.
        self._concours = np.array(
            [bool(_CONCOURS.search(c.type or "")) or _des_armees(c) for c in self._items],
            dtype=bool,
        )
        self._keys = [_collapse_key(c) for c in self._items]
        # The category of each licence, named on the line that stands for them.
        groupes = [licences.groupe(c) for c in self._items]
        self._categorie = [g[1] if g else None for g in groupes]
        # The line that stands for a licence: the category asked for, else the usual one.
        self._usuel: dict[str, int] = {}
        candidats: dict[tuple[str, str], list[int]] = {}
        for i, (key, categorie, c) in enumerate(
            zip(self._keys, self._categorie, self._items, strict=True)
        ):
            if categorie is None or c.actif is False:
                continue
            candidats.setdefault((key, categorie.upper()), []).append(i)
            if licences.usuel(c):
                self._usuel.setdefault(key, i)
        self._par_categorie = {
            key: found[licences.plainest([self._items[i].intitule or "" for i in found])]
            for key, found in candidats.items()
        }
        self._categories: dict[str, list[str]] = {}
        for (key, _), found in candidats.items():
            self._categories.setdefault(key, []).append(self._categorie[found[0]] or "")
        symboles = [licences.symbole(c) for c in self._items]
        self._haute_tension = np.array([(s or "").startswith("H") for s in symboles], dtype=bool)
        self._electrique = np.array([s is not None for s in symboles], dtype=bool)
        self._mots_categories = frozenset(
            word
            for c, g in zip(self._items, groupes, strict=True)
            if g and g[0] in _LICENCES
            for word in tokens(g[1] if licences.symbole(c) else licences.permis_word(g[1]))
        )
        self._membres: dict[str, list[int]] = {}
        for (licence, _), found in candidats.items():
            self._membres.setdefault(licence, []).extend(found)
        self._by_rome: dict[str, list[int]] = {}
        for i, c in enumerate(self._items):
            for code in c.rome4:
                self._by_rome.setdefault(code, []).append(i)

    def _masculine_words(self, folded: str) -> str:
        """« vendeuse » -> « vendeur »: the titles say the masculine and the stems differ; a
        word the titles say as it is (« chargeuse », « marine ») is left alone."""
        return " ".join(
            self._masculine[word]
            if word in self._masculine and not set(tokens(word)) & self._poids.keys()
            else word
            for word in folded.split()
        )

    @staticmethod
    @staticmethod
    def _other_titles(c: Certification, former: dict[str, list[str]]) -> list[str]:
        titres = [titre for number in c.numeros for titre in former.get(number, [])]
        if not titres:
            return []
        own = _words(c.intitule or "", c)
        return [titre for titre in titres if _words(titre, c) != own]

    def search(
        self,
        query: str,
        jobs: Sequence[JobHit] = (),
        top: int = 5,
        niveau_max: int | None = None,
        courtes: bool = False,
    ) -> list[CertificationHit]:
        """Title matches, plus certifications leading to the job sheets found for the query."""
        folded = self._masculine_words(
            " ".join(word for word in fold(query).split() if word not in _REMPLISSAGE)
        )
        words = set(tokens(folded))
        if not words:  # only stop words: nothing to look for
            return []
        permis = licences.permis_demandes(query)
        words.update(licences.permis_word(categorie) for categorie in permis)
        lexical = self._lexical.scores_for_tokens(list(words))
        score = lexical / lexical.max() if lexical.max() > 0 else np.zeros_like(lexical)
        # A title that says one word of a compound job (« aide » of « aide-soignant »,
        # « auxiliaire » of « auxiliaire de puériculture ») is about another trade. A job word
        # no certification says (« placo ») is still what the person said: as rare as can be,
        # it keeps « chantier » from making the list on its own; « exigé », « obtenu » are not.
        total = sum(
            self._poids.get(word, self._inconnu if word in self._job_words else 0.0)
            for word in words
        )
        # Several categories of a licence asked for (« B0 H0V », « permis B, C et D ») are
        # alternatives, not one title's words.
        alternatives = words & self._mots_categories
        for j in np.flatnonzero(score).tolist() if len(words) > 1 else []:
            said = sum(self._poids[word] for word in words & self._words[j])
            absents = alternatives - self._words[j] if self._keys[j] in _LICENCES else set()
            score[j] *= (said / (total - sum(self._poids[word] for word in absents))) ** 2
        linked: dict[int, JobHit] = {}
        best = max((job.score for job in jobs[:3]), default=0.0)
        for job in jobs[:3]:
            # A job found far behind the first is a guess (« auxiliaire de puériculture » ->
            # « Agent administratif »): its certifications would be noise. So is one found by
            # meaning alone (« xyzzy » -> « Xylophoniste »): never the first job of a real
            # query (238 of our phrases and offers).
            if job.score < _LIEN_MIN * best or job.par_le_sens:
                continue
            for i in self._by_rome.get(job.code_rome, []):
                # The best job it leads to: one leading to many guessed jobs is not better.
                if i not in linked:
                    score[i] += _LIEN * job.score / best
                    linked[i] = job
        if len(jobs) >= 3 and jobs[2].score >= _AMBIGU * best:
            # « vendeur » names no single sheet (kitchens, sport, grocery come level): the route
            # to several of them (TP conseiller de vente) comes before the sport shop's.
            for i in linked:
                reached = sum(i in self._by_rome.get(job.code_rome, []) for job in jobs[:3])
                score[i] += _COMMUNE * (reached - 1)
        found = score > 0
        excluded = found & (
            (self._niveau > niveau_max if niveau_max is not None else False)
            | (~self._courte if courtes else False)
        )
        score[excluded] = 0
        kept = found & ~excluded
        priorite = self._priorite.copy()
        for i, job in linked.items():
            # Certif Info links the habilitations électriques to painters, tilers, plasterers:
            # useful on a building site, a prerequisite for electrical trades only; asked for
            # by name, they keep their rank.
            if (
                self._electrique[i]
                and lexical[i] <= 0
                and not _ELECTRIQUE.search(fold(job.libelle))
            ):
                priorite[i] = 0.0
        score[kept] *= 1 + priorite[kept]
        score[kept & self._inactive] *= 0.5
        score[kept & self._concours] *= 0.3
        for j in np.flatnonzero(kept & self._sans_numero).tolist():
            # Unless asked for by its name (« CQP déménageur conducteur poids lourds »).
            title = self._words[j]
            named = sum(self._poids[word] for word in title & words)
            if named < _NOMMEE * sum(self._poids[word] for word in title):
                score[j] *= _SANS_NUMERO
        # Asked for by the territory's name, they are what is looked for; otherwise they are
        # not shown, even to fill a short list (« Aide-soignant [Nouvelle-Calédonie] »).
        nomme = any(lieu in folded for lieu in _TERRITOIRES_NOMMES)
        score[kept & self._ailleurs] *= 1.5 if nomme else 0.0
        # High voltage is for the electricity networks' trades: asked for, or after low voltage.
        haute = licences.haute_tension_demandee(folded)
        if not haute:
            score[kept & self._haute_tension] *= 0.5
        asked = {
            licences.GROUPE_PERMIS: permis,
            licences.GROUPE_ELECTRIQUE: licences.symboles_demandes(folded),
        }
        caces = licences.CATEGORIE_DEMANDEE.search(folded)
        order: list[int] = []
        seen: set[str] = set()
        numeros: set[str] = set()
        plancher = _PLANCHER * float(score.max()) if len(score) else 0.0
        for i in np.argsort(-score, kind="stable"):
            # Far behind the first, a certification only fills the list (« aide » opérateur
            # en dépollution pyrotechnique for « aide-soignant »).
            if len(order) == top or score[i] <= 0 or score[i] < plancher:
                break
            # A renewed fiche under the same title, or another category of the same licence:
            # once is enough in a list of a few, unless several categories are asked for.
            key = self._keys[i]
            if key in seen:
                continue
            seen.add(key)
            usuel = self._usuel.get(key, i)
            if key in asked:
                lines = [
                    self._par_categorie[(key, categorie)]
                    for categorie in asked[key]
                    if (key, categorie) in self._par_categorie
                ]
                hautes = [j for j in self._membres.get(key, []) if self._haute_tension[j]]
                if not lines and haute and hautes:
                    lines = [max(hautes, key=lambda j: score[j])]
                # Else the one found best, or the usual one when it is found as well.
                lines = lines or [usuel if score[usuel] >= score[i] else int(i)]
            elif caces:
                lines = [self._par_categorie.get((key, caces.group(1).upper()), usuel)]
            else:
                lines = [usuel]
            for shown in lines[: top - len(order)]:
                # The same number twice (a MC renamed CS), or a fiche whose successor is listed.
                c = self._items[shown]
                if numeros & {*c.numeros, *c.remplacee_par}:
                    continue
                numeros.update(c.numeros)
                score[shown] = max(score[shown], score[i])
                order.append(int(shown))
        hits = []
        for i in order:
            c = self._items[i]
            why = _describe(c, self._anciens[i])
            if i in linked:
                why += f" ; mène à « {linked[i].libelle} » ({linked[i].code_rome})"
            autres = [x for x in self._categories.get(self._keys[i], []) if x != self._categorie[i]]
            if self._keys[i] == licences.GROUPE_ELECTRIQUE:
                why += licences.autres_symboles(autres)
            elif autres:
                why += f" ; autres catégories : {', '.join(sorted(autres))}"
            hits.append(CertificationHit(c, round(float(score[i]), 4), why + "."))
        return hits
