"""French text normalisation for matching job titles as people and job offers write them."""

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

import Stemmer

from assistant.locations import KNOWLEDGE_DIR

JARGON_FILE = KNOWLEDGE_DIR / "sources" / "jargon_offres.toml"

_STEMMER = Stemmer.Stemmer("french")

# Words of a job offer's title that say nothing of the job itself.
_NOISE = re.compile(
    r"""
    \b(?:h\s*/\s*f(?:\s*/\s*x)?|f\s*/\s*h|hf|fh|m\s*/\s*f|f\s*/\s*m|h\s*-\s*f)\b
    | \b(?:cdi|cdd|cddi|interim|interimaire|urgent|urgence|temps\s+(?:plein|partiel)
          |plein\s+temps|mi-temps|saisonnier|saison|poste|postes|offre|recrutement|recrute
          |recherche|nous|experience|experimente|confirme|debutant|debutants|accepte|acceptes
          |ete|hiver|nuit|jour|semaine|week-end|weekend|mois|an|ans|heures?|h
          |backup|junior|senior|niveau|n[1-4]|f|m|e|x
          |apprentissage|apprenti|alternance|alternant|professionnalisation|1job|cqp|cqpm
          |es|ne|rice|trice|euse|ere|ffe|res)\b
    | \b\d+\s*(?:h|heures|mois|ans|k|ke|euros?|€|e|er|eme)?\b
    """,
    re.VERBOSE,
)
_NON_WORD = re.compile(r"[^\w]+")
# "Électricien secteur naval", "Commercial - secteur Lyon": what follows « secteur » is where or
# in which trade, not the job; « chef de secteur » is a job title and keeps it.
_SECTOR = re.compile(r"(?<!\bde )\bsecteurs?\b.*$")

STOPWORDS = frozenset(
    """
    a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme
    mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
    ton tu un une vos votre vous c d j l m n s t y ete etre avoir ai as avons avez ont fait
    faire chez plus tres tout tous toute toutes autre autres sous entre vers depuis pendant comme
    """.split()  # noqa: SIM905 - a word list reads better as a block
)


# Typographic punctuation has no ASCII form: dropped with the accents, it would glue the words
# it separates (« agent d’entretien » -> « dentretien », « cariste–magasinier »).
_TYPOGRAPHIE = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "´": "'", "–": "-", "—": "-", "«": '"', "»": '"', "…": " "}
)


def strip_accents(text: str) -> str:
    # NFKD splits "é" into "e" + accent; the ASCII round trip drops the accents (and symbols).
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def fold(text: str) -> str:
    """Lower case, no accents, œ/æ spelled out, punctuation as spaces."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").translate(_TYPOGRAPHIE)
    return _NON_WORD.sub(" ", strip_accents(text)).strip()


def clean_query(text: str) -> str:
    """Remove from a job offer's title what is not the job: H/F, contract, schedule, figures."""
    # œ has no decomposition: spelled out before the accents go, or "manœuvre" loses it.
    folded = strip_accents(
        text.lower().replace("œ", "oe").replace("æ", "ae").translate(_TYPOGRAPHIE)
    )
    folded = re.sub(r"\(.*?\)", " ", folded)  # "(H/F)", "(Lyon 3e)", "(CDI)"
    folded = _SECTOR.sub(" ", folded)
    folded = _NOISE.sub(" ", folded)
    return _NON_WORD.sub(" ", folded).strip()


@lru_cache(maxsize=1)
def jargon() -> dict[str, str]:
    """Abbreviations and familiar words of offers and interviews -> words of official titles."""
    data = tomllib.loads(JARGON_FILE.read_text(encoding="utf-8"))
    return {word: text for table in data.values() for word, text in table.items()}


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Jargon of where the work was (« chantiers »): it names a job only when no job is said."""
    data = tomllib.loads(JARGON_FILE.read_text(encoding="utf-8"))
    return frozenset(data.get("lieux", {}))


def expand(
    text: str,
    masculine: Mapping[str, str] | None = None,
    spell_out: bool = True,
    names_a_job: bool = False,
) -> str:
    """Folded text with jargon spelled out ("chauffeur pl" -> "chauffeur pl poids lourd").

    `masculine` maps feminine words to the masculine ones of the ROME titles ("vendeuse" ->
    "vendeur"); a word said twice ("Chargé / Chargée") is kept once, and an expansion adds
    only the words the text does not already have ("ouvrier tp travaux publics"). A text
    that `names_a_job` keeps its place words as they are (« maçon sur les chantiers »).
    """
    table = jargon()
    words: list[str] = []
    folded = fold(text)
    for word in folded.split():
        word = masculine.get(word, word) if masculine else word
        if spell_out and word in table and not (names_a_job and word in place_words()):
            if table[word]:
                words.append(word)
                words += table[word].split()
        else:
            words.append(word)
    if spell_out:
        # Expressions of several words (« service général ») are spelled out after the words.
        padded = f" {folded} "
        for phrase, meaning in jargon_phrases():
            if names_a_job and phrase in place_words():
                continue
            if f" {phrase} " in padded:
                words += meaning.split()
    return " ".join(dict.fromkeys(words))


@lru_cache(maxsize=1)
def jargon_phrases() -> tuple[tuple[str, str], ...]:
    """The jargon entries made of several words, longest first."""
    phrases = [(key, text) for key, text in jargon().items() if " " in key]
    return tuple(sorted(phrases, key=lambda entry: -len(entry[0])))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def tokens(text: str) -> list[str]:
    """Stemmed, accent-free tokens without French stop words."""
    return [_token(word) for word in fold(text).split() if word not in STOPWORDS and len(word) > 1]


@lru_cache(maxsize=65536)
def _token(word: str) -> str:
    # The stemmer reads « boucher » as a verb (-> « bouch ») but not « bouchers » (-> « boucher »),
    # and so « managers », « scooters »: a plural in -ers is stemmed as its singular.
    return _stem(word[:-1] if len(word) > 4 and word.endswith("ers") else word)


def masculine_form(title: str) -> str:
    """One grammatical form of a ROME title: "Agent / Agente de propreté" -> "Agent de propreté".

    Both forms mean the same job; embedding one is faster and reads like what people type.
    """
    if " / " not in title:
        return title
    left, right = title.split(" / ", 1)
    head = len(left.split())
    rest = right.split()[head:]
    return " ".join([left, *rest]).strip()


def feminine_to_masculine(titles: Iterable[str]) -> dict[str, str]:
    """Feminine words of ROME titles -> masculine ones, read from the titles themselves.

    "Vendeur / Vendeuse en épicerie" gives vendeuse -> vendeur; only pairs that share their
    first letters count ("Valet / Femme de chambre" gives nothing), and a word that is itself
    a masculine form somewhere is left alone.
    """
    counts: dict[tuple[str, str], int] = {}
    for title in titles:
        if " / " not in title:
            continue
        left, right = title.split(" / ", 1)
        masculine, feminine = fold(left).split(), fold(right).split()
        for m, f in zip(masculine, feminine[: len(masculine)], strict=False):
            if m != f and m[:3] == f[:3]:
                counts[(f, m)] = counts.get((f, m), 0) + 1
    as_masculine: dict[str, int] = {}
    for (_, m), n in counts.items():
        as_masculine[m] = as_masculine.get(m, 0) + n
    best: dict[str, tuple[int, str]] = {}
    for (f, m), n in counts.items():
        # A few titles put the feminine first ("Agente / Agent de bio-nettoyage").
        if n > as_masculine.get(f, 0) and n > best.get(f, (0, ""))[0]:
            best[f] = (n, m)
    return {f: m for f, (_, m) in best.items()}
