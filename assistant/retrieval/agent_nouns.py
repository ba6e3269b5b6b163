"""From the name of an activity to the name of who does it: « la plomberie » → plombier.

People describe past work by its activity (« de la mécanique auto », « la coiffure », « la
maçonnerie »); job titles name the worker (« Mécanicien automobile », « Coiffeur », « Maçon »),
and the stems of the two rarely meet. French makes worker nouns from activity nouns with a
handful of endings. A derived word is kept only if it begins a ROME job title, so the rules
never invent a word.
"""

from collections.abc import Iterable

from assistant.retrieval.text import STOPWORDS

# Activity ending -> worker endings, tried on the stem and, after a doubled consonant, on the
# stem less its last letter (« maçonnerie » -> « maçonn » -> « maçon »).
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("erie", ("ier", "er", "", "iste", "eur", "e")),  # plomberie, boulangerie, ébénisterie
    ("ure", ("eur", "re", "urier")),  # coiffure, peinture, couture
    ("age", ("eur", "ier", "er", "ueur", "")),  # câblage, jardinage, élagage, bûcheronnage
    ("ement", ("eur",)),  # déménagement
    ("aison", ("eur",)),  # livraison
    ("tion", ("teur", "tionniste", "tionnaire")),  # préparation, réception, manutention
    ("ique", ("icien",)),  # mécanique, électronique
    ("ite", ("ien", "ur", "iste")),  # électricité, étanchéité
    ("e", ("ier", "eur", "er", "iste")),  # caisse, façade, découpe, plonge
    ("", ("ier", "iste")),  # jardin
)

# Words whose derived worker is another trade's: lead (« diagnostic plomb ») is not plumbing,
# a car's owner is no valet (« voiturier »), the factory worker no machinist (« usineur »), a
# production line no fishing line (« ligneur »).
_NOT_ACTIVITIES = frozenset({"plomb", "voiture", "usine", "ligne"})

# « pour les maçons », « aux ouvriers »: other people's jobs.
_OTHERS = frozenset("les des aux ces ses mes nos vos leurs".split())  # noqa: SIM905
# « garde-corps », « garde-boue »: things, not the job « garde ».
_COMPOUND_ENDS = frozenset("corps boue fou manger robe".split())  # noqa: SIM905

# Short texts only: longer ones describe tasks, which the job sheets' skill labels already meet,
# and their adjectives would give workers too (« un transpalette électrique » -> électricien).
MAX_WORDS = 3


class AgentNouns:
    """Worker nouns derived from the activity words of a text, among known title heads."""

    def __init__(self, heads: Iterable[str]) -> None:
        # Folded first words of the job titles: « mecanicien », « coiffeur », « agent »…
        self.heads = frozenset(h for h in heads if len(h) >= 4)

    def is_head(self, word: str) -> bool:
        return word in self.heads or (word.endswith(("s", "x")) and word[:-1] in self.heads)

    def names_a_job(self, text: str) -> bool:
        """Whether a folded text says a job title's first word (« vendeur », « agents »)."""
        return any(self.is_head(word) for word in text.split())

    def names_own_job(self, text: str) -> bool:
        """Whether a folded text names the person's job: a title's first word, in the
        singular, not « les maçons » one served nor the « garde » of a « garde-corps »."""
        words = text.split()
        return any(
            word in self.heads
            and (i == 0 or words[i - 1] not in _OTHERS)
            and (i + 1 == len(words) or words[i + 1] not in _COMPOUND_ENDS)
            for i, word in enumerate(words)
        )

    def of(self, word: str) -> list[str]:
        """The known worker nouns of an activity word, the usual ending first: « plomberie »
        -> [« plombier »], « cuisine » -> [« cuisinier », « cuisiniste »]."""
        if len(word) > 4 and word.endswith(("s", "x")):
            word = word[:-1]
        found: list[str] = []
        if word in _NOT_ACTIVITIES:
            return found
        for ending, workers in _ENDINGS:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            stem = word[: len(word) - len(ending)]
            # The stem less its last letter only for a doubled consonant (« maçonn »): « cart »
            # of « carte » would give « cariste ».
            bases = (stem, stem[:-1]) if stem[-1] == stem[-2] else (stem,)
            for base in bases:
                for worker in workers:
                    candidate = base + worker
                    if candidate != word and candidate in self.heads:
                        found.append(candidate)
        return list(dict.fromkeys(found))

    def workers(self, said: str) -> dict[str, str]:
        """Worker -> activity word, for a short text of the person's that names no job.

        One worker per activity, of the usual ending: « cuisine » is the cook's, not the kitchen
        fitter's (« cuisiniste »).
        """
        content = [w for w in said.split() if w not in STOPWORDS and len(w) > 1]
        if not content or len(content) > MAX_WORDS or self.names_a_job(said):
            return {}
        found: dict[str, str] = {}
        for word in content:
            if len(word) >= 4 and (workers := self.of(word)):
                found.setdefault(workers[0], word)
        return found
