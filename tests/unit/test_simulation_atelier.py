"""The gap-answer workshop: checks on the draft, the chosen wording, the legal frame."""

import pytest

from assistant.simulation.atelier import Atelier, ReponseNonRetenue, assembler, verifier
from assistant.simulation.plan import PosteCible

pytestmark = pytest.mark.unit

CARISTE = PosteCible(
    "N1101",
    "Cariste",
    competences=("Conduire un chariot élévateur en respectant les normes de sécurité",),
    reglemente=False,
)
BONNE = (
    "J'ai été incarcéré pendant deux ans. J'ai travaillé à l'atelier et passé mon CACES. "
    "Aujourd'hui je suis prêt à conduire un chariot en sécurité dans votre équipe."
)


def _codes(texte: str, poste: PosteCible | None = CARISTE) -> set[str]:
    return {s.code for s in verifier(texte, poste)}


def test_a_good_answer_gets_only_encouragement() -> None:
    signaux = verifier(BONNE, CARISTE)
    assert [s.code for s in signaux] == ["bien"]
    assert "Répétez-la à voix haute" in signaux[0].message


@pytest.mark.parametrize(
    ("texte", "code"),
    [
        ("", "vide"),
        (
            BONNE + " " + " ".join(["Je veux vraiment dire encore une chose importante."] * 6),
            "trop_long",
        ),
        (
            "J'ai été condamné pour vol par le tribunal. J'ai passé mon CACES. "
            "Aujourd'hui je veux ce poste.",
            "details_affaire",
        ),
        (
            "J'étais en prison, je suis nul. J'ai passé mon CACES. Aujourd'hui je veux ce poste.",
            "negatif",
        ),
        ("J'ai été incarcéré. Aujourd'hui je veux ce poste.", "sans_acquis"),
        ("J'ai été incarcéré. J'ai passé mon CACES. Aujourd'hui je suis prêt.", "sans_lien_poste"),
        ("J'ai été incarcéré. J'ai passé mon CACES de cariste.", "sans_avenir"),
    ],
)
def test_each_check_fires(texte: str, code: str) -> None:
    assert code in _codes(texte)
    assert "bien" not in _codes(texte)


def test_messages_quote_the_words_found() -> None:
    signal = next(
        s
        for s in verifier("Le juge m'a condamné pour avoir volé. Aujourd'hui ce poste.")
        if s.code == "details_affaire"
    )
    assert "« juge »" in signal.message and signal.bloquant


def test_regulated_job_is_flagged_before_the_interview() -> None:
    securite = PosteCible("K2503", "Agent de sécurité", reglemente=True)
    assert "reglemente" in _codes(BONNE, securite)


def test_steps_build_the_wording_and_it_is_kept() -> None:
    atelier = Atelier(CARISTE)
    assert atelier.introduction.startswith("Entraînement — ce n'est pas une évaluation.")
    assert [e.cle for e in atelier.etapes] == ["fait", "acquis", "lien_poste", "conclusion"]
    atelier.renseigner("fait", "J'ai été incarcéré pendant deux ans")
    atelier.renseigner("acquis", "J'ai travaillé à l'atelier et passé mon CACES")
    atelier.renseigner(
        "lien_poste", "J'ai appris la sécurité, essentielle pour conduire un chariot"
    )
    atelier.renseigner("conclusion", "Aujourd'hui je suis prêt à m'investir chez vous")
    assert atelier.proposition.count(".") == 4
    assert [s.code for s in atelier.verifier()] == ["bien"]
    assert atelier.retenir() == atelier.proposition
    # The person may reword freely before keeping it.
    assert atelier.retenir("  " + BONNE + "  ") == BONNE
    with pytest.raises(ValueError, match="n'existe pas"):
        atelier.renseigner("faits", "…")


def test_wording_with_details_of_the_case_is_never_saved() -> None:
    atelier = Atelier(CARISTE)
    with pytest.raises(ReponseNonRetenue, match="ne sera pas enregistré"):
        atelier.retenir("J'ai été jugé aux assises. Aujourd'hui je veux travailler.")
    with pytest.raises(ReponseNonRetenue, match="rien écrit"):
        atelier.retenir("")
    with pytest.raises(ReponseNonRetenue, match="1000"):
        atelier.retenir("J'ai appris beaucoup. " * 60)


def test_assembler_skips_empty_steps() -> None:
    assert assembler(
        {"fait": "J'ai été incarcéré", "acquis": "", "conclusion": "Je suis prêt !"}
    ) == ("J'ai été incarcéré. Je suis prêt !")


def test_legal_frame_in_plain_words() -> None:
    cadre = Atelier().cadre_legal
    textes = " ".join(c.texte for c in cadre)
    assert "L1221-6" in textes
    assert "pas obligé" in textes and "ne mentez pas" in textes
    assert "bulletin n° 2" in textes and "bulletin n° 3" in textes
