"""Review helpers: pure edits, counsellor sources, re-checking after edits."""

from datetime import UTC, date, datetime

import pytest
from factories import dossier_complet

from assistant.domain.drafts import SOURCE_CONSEILLER
from assistant.domain.enums import StatutValidation
from assistant.drafting import (
    accepter_phrase,
    ajouter_phrase,
    modifier_phrase,
    rediger,
    retirer_phrase,
    reverifier,
)

pytestmark = pytest.mark.unit
AUJOURD_HUI = date(2026, 3, 10)


@pytest.fixture
def brouillon():
    return rediger(dossier_complet(), "synthese", aujourd_hui=AUJOURD_HUI).brouillon


def test_editing_a_sentence_makes_it_the_counsellor_s_and_keeps_the_original(brouillon) -> None:
    avant = brouillon.sections[1].phrases[1]
    apres = modifier_phrase(brouillon, 1, 1, "CAP maçon obtenu à Lyon en 2011.")
    phrase = apres.sections[1].phrases[1]
    assert phrase.texte == "CAP maçon obtenu à Lyon en 2011."
    assert phrase.sources == [*avant.sources, SOURCE_CONSEILLER]
    assert phrase.signalements == []
    assert brouillon.sections[1].phrases[1] == avant  # pure


def test_an_edit_is_still_linted(brouillon) -> None:
    apres = modifier_phrase(brouillon, 0, 0, "Il a été condamné pour trafic.")
    assert apres.sections[0].phrases[0].bloquee


def test_an_edit_with_the_dossier_is_checked_the_same_way(brouillon) -> None:
    apres = modifier_phrase(
        brouillon, 0, 0, "Entretien du 2 mars.", dossier=dossier_complet(), aujourd_hui=AUJOURD_HUI
    )
    assert apres.sections[0].phrases[0].signalements == []


def test_remove_accept_and_add(brouillon) -> None:
    n = len(brouillon.sections[0].phrases)
    assert len(retirer_phrase(brouillon, 0, 0).sections[0].phrases) == n - 1
    ajoute = ajouter_phrase(brouillon, 6, "Prévoir un point sur la mobilité.")
    phrase = ajoute.sections[6].phrases[-1]
    assert phrase.sources == [SOURCE_CONSEILLER] and phrase.theme == "vigilance"


def test_accepting_a_flagged_sentence_lifts_grounding_flags_only(brouillon) -> None:
    faux = (
        brouillon.sections[1]
        .phrases[1]
        .model_copy(update={"texte": "CAP maçon obtenu en 2019 à Marseille."})
    )
    sections = list(brouillon.sections)
    sections[1] = sections[1].model_copy(
        update={"phrases": [*sections[1].phrases[:1], faux, *sections[1].phrases[2:]]}
    )
    modifie = reverifier(
        brouillon.model_copy(update={"sections": sections}),
        dossier_complet(),
        aujourd_hui=AUJOURD_HUI,
    )
    assert modifie.sections[1].phrases[1].bloquee
    accepte = accepter_phrase(modifie, 1, 1)
    assert not accepte.sections[1].phrases[1].bloquee
    assert SOURCE_CONSEILLER in accepte.sections[1].phrases[1].sources


def test_reverifier_finds_sentences_the_dossier_no_longer_supports(brouillon) -> None:
    dossier = dossier_complet()
    dossier.etapes.formation.diplomes = []
    verifie = reverifier(brouillon, dossier, aujourd_hui=AUJOURD_HUI)
    bloquees = verifie.phrases_bloquantes()
    assert [p.texte for p in bloquees] == ["Diplôme : CAP maçon, obtenu en 2012."]
    assert bloquees[0].signalements[0].type == "sans_source"


def test_an_edit_sends_a_validated_draft_back_to_draft(brouillon) -> None:
    valide = brouillon.model_copy(
        update={
            "statut": StatutValidation.VALIDE_CONSEILLER,
            "valide_par": "cip-07",
            "valide_le": datetime(2026, 3, 11, tzinfo=UTC),
        }
    )
    apres = retirer_phrase(valide, 0, 0)
    assert apres.statut is StatutValidation.BROUILLON and apres.valide_par is None
