"""Certifications for a job or a title: by their title and through the jobs they lead to."""

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.retrieval.agent_nouns import AgentNouns
from assistant.retrieval.certifications import CACES_RECOMMENDATION, Certification
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
        # Among the categories of a CACES, equal otherwise, the usual one stands for them.
        bonus += 0.001 if _caces_usuel(c) else 0.0
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
    parts = [_TYPE_COURT.get(c.famille_courte or "", c.type)]
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


_CATEGORIE_CACES = re.compile(r"\bcatégorie (\w+)", re.IGNORECASE)
_CATEGORIE_DEMANDEE = re.compile(r"\b(?:cat|categorie) (\w+)")
# The category a CACES is usually asked for, shown for its recommendation: the forklift of
# warehouses (R489 cat. 3), the boom lift (R486 cat. B), the floor-controlled crane (R484 cat. 1).
_CACES_COURANT = {"489": "3", "486": "B", "484": "1"}
# What people call the machines when the title does not say it.
_CACES_MOTS = {"486": "nacelle", "489": "chariot élévateur"}
# Short certifications better known by an acronym their title does not say.
_SIGLES = (
    (re.compile(r"hygiène alimentaire", re.IGNORECASE), "HACCP"),
    (re.compile(r"conduite de certains véhicules routiers", re.IGNORECASE), "FIMO FCO"),
)


def _caces(c: Certification) -> tuple[str | None, str | None]:
    """The recommendation (« 489 ») and the category (« 3 ») a CACES title names."""
    if c.famille_courte != "caces":
        return None, None
    recommandation = CACES_RECOMMENDATION.search(c.intitule or "")
    categorie = _CATEGORIE_CACES.search(c.intitule or "")
    return (
        recommandation.group(1) if recommandation else None,
        categorie.group(1) if categorie else None,
    )


# « Habilitation électrique B1V exécutant électricien… »: the symbol says the voltage (B basse,
# H haute tension), the role (0 non-electrician, 1 exécutant, 2 chargé de travaux, C, R, S, E,
# P) and the variant (V voisinage, T sous tension, N nettoyage). The employer delivers it.
_SYMBOLE_ELECTRIQUE = re.compile(r"^Habilitation électrique ([BH][0-9A-Z]{0,2})\b")
_HAUTE_TENSION = re.compile(r"\bhaute tension\b|\bh(?:[0-2][vtn]?|[cr]|e|p)\b")
_GROUPE_ELECTRIQUE = "habilitation electrique"
# The permis de conduire categories, in folded text: « A » and « DE » only alone or in a list
# (« permis de chasse », « permis à points » are not ones), a letter before a vowel is elided
# (« permis d'exploitation », « le permis c'est »).
_SEULE = r"(?! (?!et\b|ou\b)[a-z])"
_ELIDEE = r"(?! (?!et\b|ou\b)[aeiouyh])"
_PERMIS = re.compile(
    r"\bpermis (?:de conduire )?(?:categorie )?"
    rf"(am|a1|a2|a{_SEULE}|b1|b96|be|b{_ELIDEE}|c1e|c1|ce|c{_ELIDEE}|d1e|d1|de{_SEULE}"
    rf"|d{_ELIDEE}|t{_ELIDEE})\b"
)
# What a short certification is, in the words of a counsellor (the sources type them all
# « Habilitation »).
_TYPE_COURT = {
    "caces": "CACES",
    "permis": "Permis",
    "habilitation_electrique": "Habilitation électrique, délivrée par l'employeur après une "
    "formation (NF C 18-510)",
}


def _symbole(c: Certification) -> str | None:
    """« B1V » for an habilitation électrique."""
    if c.famille_courte != "habilitation_electrique":
        return None
    found = _SYMBOLE_ELECTRIQUE.search(c.intitule or "")
    return found.group(1) if found else None


def permis_word(text: str) -> str | None:
    """A word for the permis category a text names (« permis B » -> « permisbx »): a single
    letter is not a word for the search; the final « x » keeps the stemmer from reading
    « permisc1e » as « permisc1 »."""
    found = _PERMIS.search(fold(text))
    return f"permis{found.group(1)}x" if found else None


def _autres_symboles(symboles: Sequence[str]) -> str:
    """The other habilitations électriques, by role: the variants (« B1V », « B1T ») and the
    high-voltage ones are summed up, 35 symbols would not be read."""
    basse = sorted({s for s in symboles if s.startswith("B") and s[-1] not in "NT"})
    if not basse:
        return ""
    haute = (
        " ; en haute tension, les mêmes en H" if any(s.startswith("H") for s in symboles) else ""
    )
    return f" ; autres symboles : {', '.join(basse)}{haute}"


def _caces_usuel(c: Certification) -> bool:
    recommandation, categorie = _caces(c)
    return categorie is not None and _CACES_COURANT.get(recommandation or "") == categorie


def _collapse_key(c: Certification) -> str:
    """Certifications shown once in a short list: same title, or same CACES recommendation."""
    recommandation, _ = _caces(c)
    if recommandation:
        return f"caces R{recommandation}"
    if _symbole(c):
        return _GROUPE_ELECTRIQUE
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
    recommandation, _ = _caces(c)
    if recommandation:
        # Its titles say « Certificat d'aptitude à la conduite en sécurité R486 … PEMP ».
        text += f" CACES R{recommandation} {_CACES_MOTS.get(recommandation, '')}"
    text += "".join(f" {sigle}" for motif, sigle in _SIGLES if motif.search(c.intitule or ""))
    if c.famille_courte == "permis" and (permis := permis_word(c.intitule or "")):
        text += f" {permis}"
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
    ) -> None:
        # « Vendeuse en boulangerie »: titles say « vendeur », and the stems differ.
        self._masculine = masculine or {}
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
        # The categories of each CACES recommendation, named on the line that stands for them.
        self._categorie = [_caces(c)[1] or _symbole(c) for c in self._items]
        # The line that stands for a CACES: the category asked for, else the usual one.
        self._usuel: dict[str, int] = {}
        self._par_categorie: dict[tuple[str, str], int] = {}
        for i, (key, categorie, c) in enumerate(
            zip(self._keys, self._categorie, self._items, strict=True)
        ):
            if categorie is None or c.actif is False:
                continue
            # The plainest title stands for its symbol (« BR », not « BR photovoltaïque »).
            plainest = self._par_categorie.get((key, categorie.upper()))
            if plainest is None or len(c.intitule or "") < len(
                self._items[plainest].intitule or ""
            ):
                self._par_categorie[(key, categorie.upper())] = i
            if _caces_usuel(c):
                self._usuel.setdefault(key, i)
        self._categories: dict[str, list[str]] = {}
        for key, categorie, c in zip(self._keys, self._categorie, self._items, strict=True):
            if categorie and c.actif is not False:
                known = self._categories.setdefault(key, [])
                if categorie not in known:
                    known.append(categorie)
        symboles = [_symbole(c) for c in self._items]
        self._haute_tension = np.array([(s or "").startswith("H") for s in symboles], dtype=bool)
        self._electrique = np.array([s is not None for s in symboles], dtype=bool)
        self._mots_symboles = frozenset(w for s in symboles if s for w in tokens(s))
        self._by_rome: dict[str, list[int]] = {}
        for i, c in enumerate(self._items):
            for code in c.rome4:
                self._by_rome.setdefault(code, []).append(i)

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
        folded = " ".join(self._masculine.get(word, word) for word in fold(query).split())
        words = set(tokens(folded))
        if not words:  # only stop words: nothing to look for
            return []
        if permis := permis_word(folded):
            words.update(tokens(permis))
        lexical = self._lexical.scores_for_tokens(list(words))
        score = lexical / lexical.max() if lexical.max() > 0 else np.zeros_like(lexical)
        # A title that says one word of a compound job (« aide » of « aide-soignant »,
        # « auxiliaire » of « auxiliaire de puériculture ») is about another trade.
        # A word no certification says (« placo », « armatures ») is still what the person
        # said: as rare as can be, it keeps « chantier » from making the list on its own.
        total = sum(self._poids.get(word, self._inconnu) for word in words)
        # Several habilitation symbols asked for (« B0 H0V ») are alternatives, not a title.
        symboles = words & self._mots_symboles
        for j in np.flatnonzero(score).tolist() if len(words) > 1 else []:
            said = sum(self._poids[word] for word in words & self._words[j])
            absents = symboles - self._words[j] if self._electrique[j] else set()
            score[j] *= (said / (total - sum(self._poids[word] for word in absents))) ** 2
        linked: dict[int, JobHit] = {}
        best = max((job.score for job in jobs[:3]), default=0.0)
        for job in jobs[:3]:
            # A job found far behind the first is a guess (« auxiliaire de puériculture » ->
            # « Agent administratif »): its certifications would be noise.
            # Found by meaning alone, a job is the small model's guess (« xyzzy » ->
            # « Xylophoniste »): never the first job of a real query (238 of our phrases and
            # offers), it would lend noise.
            if job.score < _LIEN_MIN * best or job.par_le_sens:
                continue
            for i in self._by_rome.get(job.code_rome, []):
                # The best job it leads to: one leading to many guessed jobs is not better.
                if i not in linked:
                    score[i] += _LIEN * job.score / best
                    linked[i] = job
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
            if self._electrique[i] and "lectri" not in job.libelle and lexical[i] <= 0:
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
        if not _HAUTE_TENSION.search(folded):
            score[kept & self._haute_tension] *= 0.5
        order: list[int] = []
        seen: set[str] = set()
        numeros: set[str] = set()
        demandee = _CATEGORIE_DEMANDEE.search(folded)
        # An habilitation électrique is asked for by its symbol (« habilitation B0 H0V »).
        asked_symbols = [word.upper() for word in folded.split() if len(word) > 1]
        plancher = _PLANCHER * float(score.max()) if len(score) else 0.0
        for i in np.argsort(-score, kind="stable"):
            # Far behind the first, a certification only fills the list (« aide » opérateur
            # en dépollution pyrotechnique for « aide-soignant »).
            if len(order) == top or score[i] <= 0 or score[i] < plancher:
                break
            # A renewed fiche under the same title, or another category of the same CACES:
            # once is enough in a list of a few.
            key = self._keys[i]
            if key not in seen:
                seen.add(key)
                usuel = self._usuel.get(key, i)
                if key == _GROUPE_ELECTRIQUE:
                    asked = [self._par_categorie.get((key, word)) for word in asked_symbols]
                    shown = next((j for j in asked if j is not None), i)
                elif demandee:
                    shown = self._par_categorie.get((key, demandee.group(1).upper()), usuel)
                else:
                    shown = usuel
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
            if self._keys[i] == _GROUPE_ELECTRIQUE:
                why += _autres_symboles(autres)
            elif autres:
                why += f" ; autres catégories : {', '.join(sorted(autres))}"
            hits.append(CertificationHit(c, round(float(score[i]), 4), why + "."))
        return hits
