"""Hostile input through the form fields (`lire_date`, `valeur_saisie`) and the extraction rules.

Whatever is typed, a field either takes a valid value or is refused with French reasons
(`DonneesInvalides`), and the rule extractor never raises and only proposes values that the
dossier accepts or refuses cleanly.
"""

import datetime as dt
import logging
from datetime import date
from typing import Any

import pytest
from hostile_cadre import essai, francais, reglages, texte_hostile
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.domain.dossier import Dossier
from assistant.domain.errors import DonneesInvalides
from assistant.domain.steps import ETAPES
from assistant.guide.extraction.apply import appliquer
from assistant.guide.extraction.proposals import ContexteExtraction, MetierTrouve, Proposition
from assistant.guide.extraction.rules import RuleExtractor
from assistant.guide.fields import DescriptionChamp, decrire, lire_date, valeur_saisie
from assistant.guide.files import load_guide

pytestmark = pytest.mark.property

CHAMPS = [
    (numero, nom, decrire(modele, nom))
    for numero, modele in enumerate(ETAPES)
    for nom in modele.champs_questionnables()
]
GENRES = sorted({d.genre for _, _, d in CHAMPS})
QUESTIONS = [
    (etape.numero, question)
    for etape in load_guide().etapes
    for question in etape.toutes_les_questions()
]
EXTRACTEUR = RuleExtractor()

saisie = st.one_of(
    texte_hostile,
    st.sampled_from(["oui", "non", "-", "--5", "-²", "²", "٣", "12", "-3", "  7  ", "0" * 400]),
    st.integers(-(10**30), 10**30).map(str),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.from_regex(r"-?[0-9]{1,3}/[0-9]{1,3}/-?[0-9]{1,6}", fullmatch=True),
)
"""What a form's text box may hold."""


def _dossier() -> Dossier:
    dossier = Dossier.ouvrir("FICTIF-PROP", "maison_arret")
    dossier.nouvelle_rencontre(date(2026, 3, 2))
    return dossier


def _appliquer_ou_refuser(proposition: Proposition) -> None:
    """The only outcomes allowed: the dossier takes the value, or refuses it in French."""
    dossier = _dossier()
    avant = dossier.etapes.par_numero(proposition.etape).model_dump()
    try:
        appliquer(dossier, proposition)
    except DonneesInvalides as exc:
        assert exc.messages and all(francais(m) for m in exc.messages), exc.messages
        assert dossier.etapes.par_numero(proposition.etape).model_dump() == avant
        return
    Dossier.model_validate_json(dossier.model_dump_json())  # what is kept can be saved and read


def _valeur(description: DescriptionChamp, brut: str) -> Any:
    if description.genre == "choix_multiples":
        return valeur_saisie(description, brut.splitlines())
    return valeur_saisie(description, brut)


@given(saisie)
@example("31/02/2026")
@example("2026-13-01")
@example("\x00")
@reglages(300)
def test_a_typed_date_is_read_or_left_for_the_model(texte: str) -> None:
    essai("lire_date")
    lue = lire_date(texte)
    if lue is None:
        assert not texte.strip()
    elif lue != texte.strip():
        assert dt.date.fromisoformat(lue)


@given(st.sampled_from(range(len(CHAMPS))), saisie)
@example(next(i for i, (_, _, d) in enumerate(CHAMPS) if d.genre == "nombre"), "--5")
@example(next(i for i, (_, _, d) in enumerate(CHAMPS) if d.genre == "nombre"), "²")
@example(next(i for i, (_, _, d) in enumerate(CHAMPS) if d.genre == "nombre"), "-²")
@reglages(400)
def test_any_typed_value_is_kept_or_refused_in_french(index: int, brut: str) -> None:
    essai("valeur_saisie (champs des étapes)")
    numero, nom, description = CHAMPS[index]
    if description.genre == "items":
        valeur: Any = {s.nom: _valeur(s, brut) for s in description.sous_champs}
        mode = "ajouter"
    else:
        valeur, mode = _valeur(description, brut), "remplacer"
    _appliquer_ou_refuser(Proposition(numero, nom, valeur, "saisie", mode))


@given(st.sampled_from(GENRES), saisie)
@reglages(200)
def test_every_field_kind_converts_any_text_without_raising(genre: str, brut: str) -> None:
    essai("valeur_saisie (genres)")
    description = next(d for _, _, d in CHAMPS if d.genre == genre)
    _valeur(description, brut)


def _cherche(texte: str) -> list[MetierTrouve]:
    return [MetierTrouve("N1101", "Cariste", 0.9)] if "cariste" in texte.lower() else []


class _Echecs(logging.Handler):
    """A rule that fails is skipped and logged: for these tests, that is a bug found."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.echecs: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.echecs.append(record.getMessage())


phrase = st.one_of(
    texte_hostile,
    st.lists(
        st.sampled_from(
            [
                "il a un CAP maçon obtenu en 2012",
                "cariste 3 ans chez Fictif Logistique",
                "il sort dans deux mois",
                "il va à Marseille",
                "oui",
                "non",
                "7",
                "je préfère ne pas en parler",
                "il a le permis B",
                "pas de logement à la sortie",
                "il parle arabe et russe",
                "²",
                "٣ ans",
                "--5",
                "\x00",
                "🙂",
                "[bold red]x[/]",
                "99999999999999999999 ans",
                "en 0000",
                "né en 1800",
            ]
        )
        | texte_hostile,
        max_size=8,
    ).map(" ".join),
)


@given(st.sampled_from(range(len(QUESTIONS))), phrase, st.integers(1990, 2100))
@example(0, "x" * 20_000, 2026)
@reglages(300)
def test_the_extractor_never_raises_and_proposes_only_valid_values(
    index: int, texte: str, annee: int
) -> None:
    essai("RuleExtractor.extraire")
    numero, question = QUESTIONS[index]
    contexte = ContexteExtraction(
        etape=numero,
        champs_attendus=tuple(question.champs),
        question_id=question.id,
        annee_courante=annee,
        metiers=_cherche,
    )
    journal = logging.getLogger("assistant.guide.extraction")
    echecs = _Echecs()
    journal.addHandler(echecs)
    try:
        propositions = EXTRACTEUR.extraire(texte, contexte)
    finally:
        journal.removeHandler(echecs)
    assert echecs.echecs == []
    for proposition in propositions:
        assert isinstance(proposition, Proposition)
        assert proposition.libelle.strip()
        _appliquer_ou_refuser(proposition)
