"""Fictional demo dossiers: valid, one per profile, coherent progress, nothing about offences."""

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.demo import (
    PHRASE_SECRETE_DEMO,
    REFERENCES_DEMO,
    dossiers_demo,
    emplacement_demo,
)
from assistant.domain.dossier import Dossier
from assistant.domain.enums import EtatEtape, ProfilDeroule, TypeRencontre
from assistant.guide.engine import GuideEngine
from assistant.guide.timeline import periodes
from assistant.retrieval.pack import read_dataset
from assistant.storage.passphrase import check_passphrase

pytestmark = pytest.mark.unit
AUJOURD_HUI = date(2026, 3, 15)
MOTS_INTERDITS = ("vol", "meurtre", "viol", "stupefiants", "trafic", "infraction", "delit")


@pytest.fixture(scope="module")
def guide() -> GuideEngine:
    return GuideEngine()


@pytest.fixture
def dossiers() -> dict[str, Dossier]:
    return {d.reference: d for d in dossiers_demo(AUJOURD_HUI)}


def _textes(valeur: Any) -> list[str]:
    """Every string of a JSON dump, keys included."""
    if isinstance(valeur, str):
        return [valeur]
    if isinstance(valeur, dict):
        return [t for k, v in valeur.items() for t in (*_textes(k), *_textes(v))]
    if isinstance(valeur, list):
        return [t for v in valeur for t in _textes(v)]
    return []


def _mots(texte: str) -> set[str]:
    sans_accents = unicodedata.normalize("NFKD", texte.lower()).encode("ascii", "ignore").decode()
    return set(re.findall(r"[a-z]+", sans_accents))


def test_three_dossiers_with_pseudonymous_demo_references(dossiers: dict[str, Dossier]) -> None:
    assert tuple(dossiers) == REFERENCES_DEMO
    for dossier in dossiers.values():
        assert dossier.reference.startswith("DEMO-FICTIF-")
        assert dossier.etapes.cadre.personne_ref == dossier.reference


def test_each_dossier_validates_as_a_whole(dossiers: dict[str, Dossier]) -> None:
    for dossier in dossiers.values():
        relu = Dossier.model_validate_json(dossier.model_dump_json())
        assert relu == dossier


def test_one_dossier_per_profile(dossiers: dict[str, Dossier], guide: GuideEngine) -> None:
    profils = {ref: guide.profil(d) for ref, d in dossiers.items()}
    assert {ref: choix.profil for ref, choix in profils.items()} == {
        "DEMO-FICTIF-P0": ProfilDeroule.P0,
        "DEMO-FICTIF-P1": ProfilDeroule.P1,
        "DEMO-FICTIF-P3": ProfilDeroule.P3,
    }
    assert not any(choix.choisi_par_conseiller for choix in profils.values())


def test_p0_first_meeting_is_half_done(dossiers: dict[str, Dossier], guide: GuideEngine) -> None:
    p0 = dossiers["DEMO-FICTIF-P0"]
    assert len(p0.rencontres) == 1
    assert guide.progression(p0) == (3, 10)
    assert guide.etape_courante(p0) == 3
    assert guide.avancement(p0, 3).etat is EtatEtape.EN_COURS
    proposee = guide.prochaine_question(p0)
    assert proposee is not None and proposee.numero_etape == 3 and not proposee.cloture
    assert "presomption_innocence" in [r.code for r in guide.regles(p0)]
    assert p0.etapes.plan_action.actions is None


def test_p1_has_a_follow_up_meeting(dossiers: dict[str, Dossier], guide: GuideEngine) -> None:
    p1 = dossiers["DEMO-FICTIF-P1"]
    accueil, suivi = p1.rencontres
    assert all(accueil.etat(n) is EtatEtape.FAITE for n in accueil.etapes_prevues)
    assert suivi.type is TypeRencontre.SUIVI and suivi.etapes_prevues == [1, 5, 8, 9]
    assert accueil.date < suivi.date <= AUJOURD_HUI
    assert guide.progression(p1) == (2, 4)
    assert guide.etape_courante(p1) == 8
    codes = [r.code for r in guide.regles(p1)]
    assert "hebergement_prioritaire" in codes and "entretien_suivi" in codes
    assert p1.etapes.situation.region_sortie == "84"
    assert p1.etapes.situation.departement_sortie == "69"


def test_p3_is_at_the_synthesis(dossiers: dict[str, Dossier], guide: GuideEngine) -> None:
    p3 = dossiers["DEMO-FICTIF-P3"]
    assert guide.progression(p3) == (9, 10)
    assert guide.etape_courante(p3) == 9
    assert [f.categorie.value for f in p3.etapes.freins.freins] == [
        "numerique",
        "confiance_isolement",
    ]


def test_asked_questions_exist_in_the_guide(
    dossiers: dict[str, Dossier], guide: GuideEngine
) -> None:
    etape_de = {q.id: e.numero for e in guide.data.etapes for q in e.toutes_les_questions()}
    for dossier in dossiers.values():
        for rencontre in dossier.rencontres:
            assert set(rencontre.questions_posees) <= set(etape_de)
            # A question asked belongs to a step that this meeting has started.
            assert {etape_de[q] for q in rencontre.questions_posees} <= set(rencontre.etat_etapes)


def test_every_job_sheet_exists_in_the_knowledge_pack(dossiers: dict[str, Dossier]) -> None:
    fiches = {row["code"] for row in read_dataset("rome_fiches")}
    for dossier in dossiers.values():
        e = dossier.etapes
        codes = {x.code_rome for x in e.experiences.experiences if x.code_rome}
        codes |= {p.code_rome for p in e.projet.projets or [] if p.code_rome}
        for faisabilite in e.faisabilite.par_projet or []:
            codes |= {faisabilite.code_rome, *faisabilite.metiers_voisins}
        assert codes <= fiches, (dossier.reference, codes - fiches)
    assert {p.code_rome for p in dossiers["DEMO-FICTIF-P1"].etapes.projet.projets or []} == {
        "F1702",
        "F1701",
    }


def test_dates_follow_today(dossiers: dict[str, Dossier]) -> None:
    p1, p3 = dossiers["DEMO-FICTIF-P1"], dossiers["DEMO-FICTIF-P3"]
    sortie_p1 = p1.etapes.situation.date_sortie_previsible
    sortie_p3 = p3.etapes.situation.date_sortie_previsible
    assert sortie_p1 is not None and sortie_p3 is not None
    assert timedelta(0) < sortie_p1 - AUJOURD_HUI < timedelta(days=92)
    assert timedelta(days=365) < sortie_p3 - AUJOURD_HUI < timedelta(days=730)
    for dossier in (p1, p3):
        actions = dossier.etapes.plan_action.actions or []
        assert 3 <= len(actions) <= 6
        assert all(a.echeance is not None for a in actions)
    plus_tard = {d.reference: d for d in dossiers_demo(AUJOURD_HUI + timedelta(days=100))}
    decale = plus_tard["DEMO-FICTIF-P1"].etapes.situation.date_sortie_previsible
    assert decale == sortie_p1 + timedelta(days=100)


def test_consents_only_in_p1(dossiers: dict[str, Dossier]) -> None:
    avec = {ref for ref, d in dossiers.items() if d.consentements}
    assert avec == {"DEMO-FICTIF-P1"}
    accords = {c.destinataire.value: c.accord for c in dossiers["DEMO-FICTIF-P1"].consentements}
    assert accords == {"spip": True, "france_travail": True, "siae": False}


def test_words_of_the_person_are_marked_fictional(dossiers: dict[str, Dossier]) -> None:
    for dossier in dossiers.values():
        e = dossier.etapes
        textes = [e.situation.inquietude_principale, e.formation.rapport_apprentissage]
        textes += [f.commentaire for f in e.freins.freins if f.commentaire]
        textes += [e.projet.citation_cle] if e.projet.citation_cle else []
        assert all(t is not None and t.endswith("(fictif).") for t in textes), textes


def test_nothing_looks_like_an_offence(dossiers: dict[str, Dossier]) -> None:
    assert MOTS_INTERDITS[0] in _mots("Un VOL à l'étalage")  # the check itself works
    for dossier in dossiers.values():
        mots = set().union(*map(_mots, _textes(dossier.model_dump(mode="json"))))
        assert not mots & set(MOTS_INTERDITS), (dossier.reference, mots & set(MOTS_INTERDITS))


def test_the_frise_of_each_dossier_has_dated_periods(dossiers: dict[str, Dossier]) -> None:
    natures = {
        ref: {p.nature for p in periodes(d, AUJOURD_HUI.year)} for ref, d in dossiers.items()
    }
    assert {"ecole", "emploi"} <= natures["DEMO-FICTIF-P0"]
    assert {"ecole", "emploi", "detention", "sans_emploi"} <= natures["DEMO-FICTIF-P1"]
    assert {"ecole", "emploi", "detention", "formation"} <= natures["DEMO-FICTIF-P3"]


def test_public_passphrase_and_separate_location(tmp_path: Path) -> None:
    assert check_passphrase(PHRASE_SECRETE_DEMO).acceptable
    assert emplacement_demo(tmp_path) == tmp_path / "demo"
