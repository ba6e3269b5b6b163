"""Job search: from what a person or a job offer says to ROME 4.0 job sheets.

Hybrid: BM25 over every job-title variant (exact words matter in job titles) fused with dense
e5 similarity (for paraphrases: "j'ai fait du placo" -> plaquiste), scored per job sheet.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from assistant.retrieval.agent_nouns import AgentNouns
from assistant.retrieval.demand import HiringDemand, RegionalDemand
from assistant.retrieval.index import Record, VectorIndex
from assistant.retrieval.knowledge import Fiche, Knowledge
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.offer_titles import OfferTitle, OfferTitles
from assistant.retrieval.text import (
    STOPWORDS,
    clean_query,
    expand,
    feminine_to_masculine,
    fold,
    jargon,
    jargon_phrases,
    masculine_form,
    place_words,
    tokens,
)
from assistant.retrieval.typos import Spelling

KIND_APPELLATIONS = "appellations"
# Votes of labelled offer titles are capped: one offer with exactly the query's words
# (log 2 ≈ 0.69) already counts fully, a hundred do not count more.
OFFER_VOTES_CAP = 0.7
# A sheet is found by its described tasks when its description scores this share of the best.
DESCRIBED_SHARE = 0.35
MAX_QUERY_CHARS = 300
# First words of the titles of job sheets that lead others.
MANAGEMENT = frozenset(
    "chef cheffe responsable directeur gerant manager superviseur contremaitre adjoint cadre"  # noqa: SIM905
    " coordinateur encadrant dirigeant".split()
)

# As the search reads them: « responsable » in a query stands for any of them at a title's head.
_LEADER_TOKENS = frozenset(tokens(" ".join(MANAGEMENT)))


@dataclass(frozen=True)
class FusionWeights:
    # Tuned on bench/data (offers and counsellor phrases); see bench/retrieval.py.
    bm25: float = 0.6
    dense: float = 0.4
    # Real offers concentrate on jobs that hire a lot: BMO volume breaks ties between sheets.
    prior: float = 0.5
    # Share of a job title's words that the query covers: "électricien" is closer to
    # "Électricien / Électricienne" than to "Électricien / Électricienne de maintenance navale".
    coverage: float = 0.5
    # What people describe are tasks: their words meet the job sheets' skill labels.
    skills: float = 0.4
    dense_candidates: int = 60
    # A fiche with several titles that match ("Vendeur en épicerie", "Vendeur en crèmerie"...)
    # is more likely than one with a single odd match ("Web vendeur"); short queries only.
    siblings: float = 0.5
    # The query's own words are one of the fiche's titles, word for word.
    exact: float = 0.3
    # A title's first word names the job ("Soudeur naval", "Chef d'équipe coffreur"): a title
    # whose head the query does not say is a weaker match.
    head: float = 0.5
    # The title that names the fiche itself (ROME's "principale" appellation) is the usual one:
    # it counts this much more than the fiche's other titles.
    principal: float = 0.2
    # A text that names no job but an activity (« la coiffure », « mise en rayon ») is about
    # who does it, not who leads it: sheets of managers rank after.
    management: float = 0.3
    # Titles of real offers labelled by France Travail that share most of the query's words.
    offers: float = 0.8
    # The team's plain descriptions of the jobs say their tasks in everyday words (« répare les
    # chaussures, refait des clés »). Only for what a person describes: from 6 distinct words on,
    # fully from 9 (offer titles are shorter: counted earlier, they lost offers to long texts).
    descriptions: float = 1.2
    descriptions_from: int = 5
    # A text that names no job (« je fouillais les sacs à l'entrée des concerts ») is all tasks:
    # its description counts from one word earlier.
    descriptions_from_tasks: int = 4
    # ... and fully once the best description shares two more of its words than this.
    descriptions_shared_from: int = 3


@dataclass(frozen=True)
class JobHit:
    code_rome: str
    libelle: str
    score: float
    appellation: str
    """The job-title variant that matched best."""
    pourquoi: str
    reglemente: bool | None
    demande_region: RegionalDemand | None = None
    par_le_sens: bool = False
    """Found by meaning alone: no title (of the ROME or of a real offer) shares its words."""
    description: str | None = None
    """What the job is, in plain French, for the sheets that have one."""


def appellation_records(knowledge: Knowledge) -> list[Record]:
    """What the dense index embeds: each job title in one grammatical form, with its fiche."""
    return [
        Record(f"a{a.ogr}", masculine_form(a.libelle), {"rome": a.rome, "ogr": a.ogr})
        for a in knowledge.appellations
    ]


class JobSearch:
    """Search job sheets; `index` may be None (lexical only, while the index is being built)."""

    def __init__(
        self,
        knowledge: Knowledge,
        index: VectorIndex | None = None,
        weights: FusionWeights | None = None,
        demand: HiringDemand | None = None,
        offers: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.knowledge = knowledge
        self.index = index
        self.weights = weights or FusionWeights()
        self._codes = sorted(knowledge.fiches)
        self._position = {code: i for i, code in enumerate(self._codes)}
        self._appellations = knowledge.appellations
        # "Vendeuse", "Chargée de clientèle": the titles are indexed in their masculine form.
        self.masculine = feminine_to_masculine(a.libelle for a in self._appellations)
        self._owner = np.array([self._position[a.rome] for a in self._appellations], dtype=np.int64)
        volume = np.array(
            [demand.national(code) if demand else 0.0 for code in self._codes], dtype=np.float32
        )
        self._prior = np.log1p(volume) / max(float(np.log1p(volume).max()), 1.0)
        self._prior = fill_missing_prior(
            self._prior, [knowledge.fiches[c].domaine for c in self._codes]
        )
        # One grammatical form: "Chef cariste / Cheffe cariste" must not count "cariste" twice.
        title_tokens = [tokens(masculine_form(a.libelle)) for a in self._appellations]
        self._tokens = [frozenset(words) for words in title_tokens]
        self._heads = [words[0] if words else "" for words in title_tokens]
        # Word for word, plurals aside: stems would make « cuisine » the title « Cuisiniste ».
        self._words = [words_of(masculine_form(a.libelle)) for a in self._appellations]
        self.agents = AgentNouns(_first_word(masculine_form(a.libelle)) for a in self._appellations)
        self._managers = np.array(
            [
                bool(knowledge.fiches[c].cadre)
                or _first_word(knowledge.fiches[c].libelle) in MANAGEMENT
                for c in self._codes
            ],
            dtype=np.float32,
        )
        # Rarely used variants (ROME's "peu usité") rank after the usual ones.
        self._title_weight = np.array(
            [
                (0.8 if a.peu_usite else 1.0) * (1.0 + self.weights.principal * a.principale)
                for a in self._appellations
            ],
            dtype=np.float32,
        )
        self._dense_vectors: np.ndarray | None = None
        self._dense_owner = np.zeros(0, dtype=np.int64)
        self._dense_ogr: list[str] = []
        self._skill_fiches: list[list[tuple[int, float]]] = []
        skill_texts: list[str] = []
        links: dict[str, list[tuple[int, float]]] = {}
        for code, fiche in knowledge.fiches.items():
            for ogr, core in (*fiche.savoir_faire, *fiche.savoirs):
                links.setdefault(ogr, []).append((self._position[code], 1.0 if core else 0.6))
        for ogr, owners in links.items():
            item = knowledge.items.get(ogr)
            if item is not None:
                skill_texts.append(item.libelle)
                self._skill_fiches.append(owners)
        self._skills = LexicalIndex(skill_texts, k1=1.2, b=0.75)
        described = sorted(knowledge.descriptions.items())
        self._described_owner = np.array([self._position[c] for c, _ in described], np.int64)
        self._described = LexicalIndex([text for _, text in described]) if described else None
        self._description_cache: dict[str, dict[str, str]] = {}
        self.spelling = Spelling([*(a.libelle for a in self._appellations), *jargon()], skill_texts)
        self._titles = LexicalIndex(title_tokens, k1=1.2, b=0.5)
        # Offer titles are read like queries (« H/F » and contracts out, jargon spelled out).
        self.offers = OfferTitles(offers, lambda title: prepare_query(title, self.masculine))

    @cached_property
    def job_words(self) -> frozenset[str]:
        """The (stemmed) words that name a job: the first word of a title (« ferrailleur »),
        an everyday word the search spells out (« placo »); not « titulaire » or « cours »."""
        words = {head for head in self._heads if head}
        for said in jargon():
            words.update(tokens(said))
        return frozenset(words)

    # --- scores -------------------------------------------------------------------------------

    def _lexical(
        self, query_tokens: list[str], own: frozenset[str] = frozenset()
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Best BM25 score per fiche, the appellation that gave it, and exact title matches.

        `own` is the query's own words (before jargon is spelled out); a fiche one of whose
        titles has exactly these words is marked in the third array.
        """
        per_fiche = np.zeros(len(self._codes), dtype=np.float32)
        best = np.full(len(self._codes), -1, dtype=np.int64)
        exact = np.zeros(len(self._codes), dtype=np.float32)
        if not query_tokens:
            return per_fiche, best, exact
        scores = self._titles.scores_for_tokens(query_tokens)
        wanted = set(query_tokens)
        order = np.argsort(-scores, kind="stable")
        total = np.zeros(len(self._codes), dtype=np.float32)
        leads = bool(wanted & _LEADER_TOKENS)
        for i in order[:400]:
            if scores[i] <= 0:
                break
            title = self._tokens[i]
            covered = len(title & wanted) / max(len(title), 1)
            value = scores[i] * (1.0 - self.weights.coverage + self.weights.coverage * covered)
            value *= self._title_weight[i]
            if self._heads[i] not in wanted and not (leads and self._heads[i] in _LEADER_TOKENS):
                value *= 1.0 - self.weights.head
            fiche = self._owner[i]
            if self._words[i] == own:
                # The offer's title is one of this fiche's job titles, word for word.
                exact[fiche] = 1.0
            total[fiche] += value
            if value > per_fiche[fiche]:
                per_fiche[fiche], best[fiche] = value, i
        if self.weights.siblings:
            short = min(max((6 - len(wanted)) / 4, 0.0), 1.0)
            others = total - per_fiche
            per_fiche = per_fiche + short * self.weights.siblings * np.log1p(others)
        return per_fiche, best, exact

    def _by_skills(self, query: str) -> np.ndarray:
        """Per fiche, the sum of its three best-matching skill labels."""
        per_fiche = np.zeros(len(self._codes), dtype=np.float32)
        scores = self._skills.scores(query)
        if scores.max() <= 0:
            return per_fiche
        found: dict[int, list[float]] = {}
        for i in np.argsort(-scores)[:300]:
            if scores[i] <= 0:
                break
            for fiche, weight in self._skill_fiches[i]:
                found.setdefault(fiche, []).append(float(scores[i]) * weight)
        for fiche, values in found.items():
            per_fiche[fiche] = sum(sorted(values, reverse=True)[:3])
        return per_fiche

    def load_vectors(self) -> None:
        """Load the dense index's vectors now rather than at the first search."""
        if self.index is not None and self._dense_vectors is None:
            self._load_dense()

    def _load_dense(self) -> None:
        vectors: Any = []
        metadatas: list[dict[str, Any]] = []
        if self.index is not None:
            records = appellation_records(self.knowledge)
            cached = self.index.cached_matrix(KIND_APPELLATIONS, self.index.fingerprint(records))
            vectors, metadatas = cached or self.index.matrix(KIND_APPELLATIONS)
        keep = [i for i, m in enumerate(metadatas) if str(m.get("rome")) in self._position]
        self._dense_vectors = np.asarray(vectors)[keep] if keep else np.zeros((0, 1), np.float32)
        self._dense_owner = np.array(
            [self._position[str(metadatas[i]["rome"])] for i in keep], dtype=np.int64
        )
        self._dense_ogr = [str(metadatas[i].get("ogr")) for i in keep]

    def _dense(self, vector: np.ndarray | None) -> tuple[np.ndarray, dict[int, str]]:
        per_fiche = np.zeros(len(self._codes), dtype=np.float32)
        labels: dict[int, str] = {}
        if self.index is None or vector is None:
            return per_fiche, labels
        if self._dense_vectors is None:
            self._load_dense()
        assert self._dense_vectors is not None
        if not len(self._dense_vectors):
            return per_fiche, labels
        similarity = self._dense_vectors @ vector
        n = min(self.weights.dense_candidates, len(similarity))
        for i in np.argpartition(-similarity, n - 1)[:n]:
            fiche = int(self._dense_owner[i])
            if similarity[i] > per_fiche[fiche]:
                per_fiche[fiche] = similarity[i]
                labels[fiche] = self._dense_ogr[i]
        return per_fiche, labels

    def search(
        self,
        query: str,
        top: int = 5,
        vector: np.ndarray | None = None,
        codes: Sequence[str] | None = None,
    ) -> list[JobHit]:
        """Best job sheets for a query; `codes` restricts to a set of fiches (filters)."""
        said, prepared, workers, fixed = self._understood(query)
        if not prepared:
            return []
        # The query's own words, before jargon is spelled out: do they name a job title exactly,
        # or only an activity (« la coiffure »)?
        describes = not self.agents.names_a_job(said)
        # « mécanique » -> mécanicien: said in the explanation, the person never said the worker.
        derived = {w: _as_said(a, query) for w, a in workers.items()}
        # « placo » -> plaquiste, « pl » -> poids lourd: said so too, the person's word first.
        table = jargon()
        for word in fold(said).split():
            if word in place_words() and self.agents.names_own_job(said):
                continue  # not spelled out (see `expand`)
            for meant in table.get(word, "").split():
                derived.setdefault(meant, _as_said(word, query))
        # « tirais les bières » -> barman: the person's phrase, as they wrote it.
        padded = f" {fold(said)} "
        for phrase, meaning in jargon_phrases():
            if f" {phrase} " in padded and not (
                phrase in place_words() and self.agents.names_own_job(said)
            ):
                as_written = _phrase_as_said(phrase, query)
                for meant in meaning.split():
                    derived.setdefault(meant, as_written)
        own = words_of(said)
        lexical, best_lexical, exact = self._lexical(tokens(prepared), own)
        if vector is None and self.index is not None:
            vector = self.index.embedder.embed_query_array(prepared)
        dense, dense_ogr = self._dense(vector)
        score = np.zeros(len(self._codes), dtype=np.float32)
        if lexical.max() > 0:
            score += self.weights.bm25 * lexical / lexical.max()
        # Skill labels name other jobs too ("encadrer les caristes"): they only help when the
        # person describes tasks, i.e. with longer queries.
        length = len(set(tokens(clean_query(query[:MAX_QUERY_CHARS]))))
        skills_weight = self.weights.skills * min(max((length - 2) / 4, 0.0), 1.0)
        if skills_weight:
            skills = self._by_skills(prepared)
            if skills.max() > 0:
                score += skills_weight * skills / skills.max()
        start = (
            self.weights.descriptions_from_tasks if describes else self.weights.descriptions_from
        )
        described_weight = self.weights.descriptions * min(max((length - start) / 4, 0.0), 1.0)
        described = np.zeros(len(self._codes), dtype=np.float32)
        if (described_weight or describes) and self._described is not None:
            np.maximum.at(described, self._described_owner, self._described.scores(prepared))
        if described.max() > 0:
            if describes:
                # Five of the person's words in one description (« contrôlais, billets, entrée,
                # concerts, salons ») outweigh a title met on one of them (« Billettiste »).
                best = self._description_words(self._codes[int(np.argmax(described))])
                in_best = len(set(tokens(prepared)) & best.keys())
                from_shared = min(max((in_best - self.weights.descriptions_shared_from) / 2, 0), 1)
                described_weight = max(described_weight, self.weights.descriptions * from_shared)
            if described_weight:
                score += described_weight * described / described.max()
            else:
                described[:] = 0.0  # too few words said: no sheet was found by its tasks
        if dense.max() > 0:
            floor = float(np.partition(dense[dense > 0], 0)[0]) if (dense > 0).sum() > 1 else 0.0
            spread = max(float(dense.max()) - floor, 1e-6)
            score += self.weights.dense * np.where(dense > 0, (dense - floor) / spread, 0.0)
        score += self.weights.exact * exact
        if self.weights.prior:
            # Only among sheets that matched: the prior ranks candidates, never adds new ones.
            score = np.where(score > 0, score + self.weights.prior * self._prior, 0.0)
        if describes and self.weights.management:
            lowered = np.maximum(score - self.weights.management * self._managers, 1e-6)
            score = np.where(score > 0, lowered, 0.0)
        offer_title: dict[int, int] = {}
        if self.weights.offers and len(self.offers):
            # What recruiters call the job: may bring a sheet whose titles share no word.
            votes, offer_title = self.offers.votes(
                tokens(prepared), self._position, len(self._codes)
            )
            score += self.weights.offers * np.minimum(votes, OFFER_VOTES_CAP) / OFFER_VOTES_CAP
        if codes is not None:
            mask = np.zeros(len(self._codes), dtype=bool)
            for code in codes:
                if code in self._position:
                    mask[self._position[code]] = True
            score = np.where(mask, score, 0.0)
        # A description met on one stock word (« clients », « dehors ») says nothing: only the
        # best described sheets, sharing two words with the person, were found by their tasks.
        tasks: dict[int, list[str]] = {}
        as_said = _words_by_stem(query[:MAX_QUERY_CHARS])
        if described.max() > 0:
            searched = list(dict.fromkeys(tokens(prepared)))
            for i in np.flatnonzero(described >= DESCRIBED_SHARE * described.max()):
                written = self._description_words(self._codes[i])
                shared = [stem for stem in searched if stem in written]
                if len(shared) >= 2:
                    # As the person said them (« déclaré », not the description's
                    # « déclarations »); a word the search added, as the description writes it.
                    words = (as_said.get(stem, written[stem]) for stem in shared)
                    tasks[int(i)] = list(dict.fromkeys(words))[:6]
        worded = best_lexical >= 0
        worded[list(tasks)] = True
        return [
            self._hit(
                i,
                float(score[i]),
                best_lexical[i],
                dense_ogr.get(i),
                own,
                derived,
                self.offers.titles[offer_title[i]] if i in offer_title else None,
                fixed,
                tasks.get(i, []),
                as_said,
            )
            for i in self._ranked(score, worded, top)
        ]

    def _ranked(self, score: np.ndarray, worded: np.ndarray, top: int) -> list[int]:
        """The best sheets; once a title (or a description) matched the words, a sheet found by
        meaning alone in another professional family is the small embedding model's noise
        (« bûcheronnage » -> « Prothésiste dentaire », « je ressemelais des bottes » ->
        « Voiturier »), not a suggestion, even when it scores above the sheet found by words."""
        ranked = np.argsort(-score, kind="stable")
        # Among the sheets that would be shown: a worded sheet far down must not hide them.
        lead = next((int(i) for i in ranked[:top] if worded[i] and score[i] > 0), None)
        order: list[int] = []
        for i in ranked:
            if len(order) == top or score[i] <= 0:
                break
            if lead is not None and not worded[i] and self._codes[i][0] != self._codes[lead][0]:
                continue
            order.append(int(i))
        return order

    def _description_words(self, code: str) -> dict[str, str]:
        found = self._description_cache.get(code)
        if found is None:
            found = self._description_cache[code] = _words_by_stem(
                self.knowledge.descriptions[code]
            )
        return found

    def prepare(self, query: str) -> str:
        """The text searched for a query (the dense index embeds the same text)."""
        return self._understood(query)[1]

    def _understood(self, query: str) -> tuple[str, str, dict[str, str], dict[str, str]]:
        """The query's own words; the text searched (counsellor words spelled out, and the
        workers of the activities it names); those workers, with their activity word; the
        misspelt words, with how they were read."""
        cleaned, fixed = self.spelling.fix(clean_query(query[:MAX_QUERY_CHARS]))
        said = expand(cleaned, self.masculine, False)
        # Spelled-out words (« chantiers » -> « manoeuvre… ») do not hide that the person named
        # an activity, not a job: the workers come from the person's own words.
        workers = self.agents.workers(said)
        searched = expand(cleaned, self.masculine, names_a_job=self.agents.names_own_job(said))
        return said, " ".join(dict.fromkeys([*searched.split(), *workers])), workers, fixed

    # --- explanation --------------------------------------------------------------------------

    def _hit(
        self,
        position: int,
        score: float,
        lexical_index: int,
        dense_ogr: str | None,
        own: frozenset[str],
        derived: Mapping[str, str],
        offer: OfferTitle | None = None,
        fixed: Mapping[str, str] | None = None,
        tasks: Sequence[str] = (),
        stems: Mapping[str, str] | None = None,
    ) -> JobHit:
        fiche: Fiche = self.knowledge.fiches[self._codes[position]]
        by_ogr = {a.ogr: a for a in fiche.appellations}
        if lexical_index >= 0:
            appellation = self._appellations[lexical_index].libelle
            shared = _title_words_said(appellation, own, derived, stems or {})
            why = f"Intitulé proche : « {appellation} »"
            if shared:
                why += f" (mots communs : {', '.join(shared)})"
        elif tasks:
            # Found by what the job's description says it does, not by a title.
            appellation = fiche.libelle
            why = f"Ce que fait le métier (mots communs : {', '.join(tasks)})"
        elif dense_ogr is not None and dense_ogr in by_ogr:
            appellation = by_ogr[dense_ogr].libelle
            why = f"Sens proche de « {appellation} »"
        else:
            appellation = fiche.libelle
            why = "Fiche voisine par le sens"
        if offer is not None:
            count = offer.codes[fiche.code]
            label = "offre réelle ainsi classée" if count == 1 else "offres réelles ainsi classées"
            why += f" ; intitulé d'offre proche : « {offer.title} » ({count} {label})"
        if fixed:
            read = ", ".join(f"« {typed} » lu « {word} »" for typed, word in fixed.items())
            why += f" ; {read}"
        if fiche.reglemente:
            why += " ; emploi réglementé selon le ROME : conditions d'accès à vérifier"
        return JobHit(
            fiche.code,
            fiche.libelle,
            round(score, 4),
            appellation,
            why + ".",
            fiche.reglemente,
            par_le_sens=bool(lexical_index < 0) and offer is None and not tasks,
            description=self.knowledge.descriptions.get(fiche.code),
        )


def words_of(text: str) -> frozenset[str]:
    """A text's words, folded, singular, without stop words: what « word for word » compares."""
    return frozenset(
        word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word
        for word in fold(text).split()
        if word not in STOPWORDS and len(word) > 1
    )


def _title_words_said(
    title: str,
    own: frozenset[str],
    derived: Mapping[str, str],
    stems: Mapping[str, str] | None = None,
) -> list[str]:
    """The words of a title the person said, and those read from what they said
    (« mécanique → mécanicien », « pl → poids lourd », or sharing a stem with a word they said:
    « abattais → abatteuses », « gérais → gérant »); never a word they did not say."""
    shown: dict[str, list[str]] = {}
    seen: set[str] = set()
    # « Gérant / Gérante »: a feminine form is not one more word read from the person's.
    masculine = set(fold(masculine_form(title)).split())
    for word in dict.fromkeys(w.strip(",.;:()") for w in re.split(r"[\s/'’-]+", title)):
        folded = fold(word)
        stem = next(iter(tokens(word)), "")
        if len(word) <= 2 or folded in STOPWORDS or stem in seen:
            continue
        if words_of(word) <= own:
            shown.setdefault(word.lower(), [])
        elif folded in derived:
            shown.setdefault(f"{derived[folded]} →", []).append(word.lower())
        elif stems and stem in stems and folded in masculine and fold(stems[stem]) != folded:
            shown.setdefault(f"{stems[stem]} →", []).append(word.lower())
        else:
            continue
        seen.add(stem)
    return [f"{said} {' '.join(read)}" if read else said for said, read in shown.items()]


def _words_by_stem(text: str) -> dict[str, str]:
    """Each stem of a text's words, with the first word written so (lower case)."""
    written: dict[str, str] = {}
    for word in _WORD.findall(text):
        stems = tokens(word)
        if len(word) > 2 and stems:
            written.setdefault(stems[0], word.lower())
    return written


_WORD = re.compile(r"[^\W\d_]+")


def _as_said(folded: str, query: str) -> str:
    """A folded word as the query wrote it (« mecanique » -> « mécanique »)."""
    for word in _WORD.findall(query):
        if fold(word) == folded:
            return word.lower()
    return folded


def _phrase_as_said(phrase: str, query: str) -> str:
    """A folded phrase as the query wrote it (« agent d entretien » -> « agent d'entretien »),
    without the small words at its ends (« ai chargé des » -> « chargé »)."""
    found = list(_WORD.finditer(query))
    words = phrase.split()
    for i in range(len(found) - len(words) + 1):
        if [fold(m.group()) for m in found[i : i + len(words)]] == words:
            said = [m for m in found[i : i + len(words)] if fold(m.group()) not in STOPWORDS]
            if said:
                return query[said[0].start() : said[-1].end()].lower()
    return phrase


def _first_word(title: str) -> str:
    words = fold(title).split()
    return words[0] if words else ""


def fill_missing_prior(prior: np.ndarray, domains: Sequence[str]) -> np.ndarray:
    """A fiche without a BMO link has unknown demand, not none: it gets the lowest prior of
    its domaine professionnel (195 of the 1,584 fiches have no FAP link)."""
    lowest: dict[str, float] = {}
    for value, domain in zip(prior, domains, strict=True):
        if value > 0:
            lowest[domain] = min(lowest.get(domain, float(value)), float(value))
    filled = [
        float(v) if v > 0 else lowest.get(d, 0.0) for v, d in zip(prior, domains, strict=True)
    ]
    return np.array(filled, dtype=np.float32)


def prepare_query(query: str, masculine: Mapping[str, str] | None = None) -> str:
    """The query without offer noise, bounded in length (a pasted page is cut, not refused)."""
    query = query[:MAX_QUERY_CHARS]
    # Nothing left once the offer noise is gone ("H/F", "CDI"): there is nothing to search.
    return expand(clean_query(query), masculine)
