"""Misspelt job words are read as the job word they miss; French words are left alone."""

from assistant.retrieval.typos import Spelling

TITLES = [
    "Électricien",
    "Déménageur",
    "déménagements",
    "Magasinier",
    "Manutentionnaire",
    "Verrière",
    "Manager",
    "Poissonnier",
    "poissons",
    "Carreleur",
]


def test_a_misspelt_job_word_is_read_as_the_nearest_title_word() -> None:
    spelling = Spelling(TITLES, ["carrelage"])
    text, fixed = spelling.fix("il etait electricen puis magasignier et manutentionaire")
    assert text == "il etait electricien puis magasinier et manutentionnaire"
    assert fixed == {
        "electricen": "électricien",
        "magasignier": "magasinier",
        "manutentionaire": "manutentionnaire",
    }
    assert spelling.fix("je faisais les demenagments")[0] == "je faisais les demenagements"


def test_french_words_known_words_and_short_words_are_not_corrected() -> None:
    spelling = Spelling(TITLES, ["carrelage"])
    # « derrière » is not « verrière », « manger » not « manager », « moissons » not « poissons ».
    said = "derriere le camion manger les moissons carrelage tenais 3x8 b1v"
    assert spelling.fix(said) == (said, {})
    # Too far from any title word: left as typed.
    assert spelling.fix("zzqxwvabc") == ("zzqxwvabc", {})
