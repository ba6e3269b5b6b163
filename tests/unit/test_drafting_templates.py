"""Template drafts: grounded by construction on complete, demo, empty and refusing dossiers."""

from datetime import date

import pytest
from factories import dossier_complet

from assistant.demo import dossiers_demo
from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.enums import NonReponse, TypeBrouillon
from assistant.domain.steps import ETAPES
from assistant.drafting import FaitsDossier, FicheCible, rediger
from assistant.drafting.grounding import faits_non_sources
from assistant.drafting.lint import DOCUMENTS_EMPLOYEUR

pytestmark = pytest.mark.unit
AUJOURD_HUI = date(2026, 3, 10)
FICHE = FicheCible(
    code_rome="F1703",
    intitule="Maçon / Maçonne",
    competences=["Réaliser un ouvrage de maçonnerie", "Lire un plan", "Couler une dalle"],
    contextes=["Travail en extérieur"],
)


def _dossiers() -> list[Dossier]:
    return [dossier_complet(), *dossiers_demo(AUJOURD_HUI)]


def _verifier_ancrage(brouillon: Brouillon, faits: FaitsDossier) -> None:
    for phrase in brouillon.phrases():
        assert phrase.sources, phrase.texte
        assert all(s in faits for s in phrase.sources), (phrase.texte, phrase.sources)
        # Only the reminder that an employer document names where detention work was done
        # (« au service général »): the person chooses the wording with the counsellor.
        rappels = [s for s in phrase.signalements if s.type == "mention_detention"]
        assert phrase.signalements == rappels, (phrase.texte, phrase.signalements)
        assert not rappels or brouillon.type in DOCUMENTS_EMPLOYEUR, phrase.texte
        assert not any(s.bloquant for s in rappels)
        textes = [faits[s] for s in phrase.sources]
        assert faits_non_sources(phrase.texte, textes) == []


@pytest.mark.parametrize("type_document", list(TypeBrouillon))
@pytest.mark.parametrize("index", range(4))
def test_every_document_of_a_full_dossier_is_grounded(type_document, index) -> None:
    dossier = _dossiers()[index]
    for fiche in (None, FICHE):
        resultat = rediger(dossier, type_document, aujourd_hui=AUJOURD_HUI, fiche=fiche)
        brouillon = resultat.brouillon
        assert brouillon.type is type_document
        assert brouillon.origine == "modele_local"
        assert len(brouillon.phrases()) >= 3
        faits = FaitsDossier.depuis(dossier, AUJOURD_HUI, fiche=fiche)
        _verifier_ancrage(brouillon, faits)


def test_the_synthesis_follows_the_guide_order_and_keeps_health_to_a_theme() -> None:
    brouillon = rediger(dossier_complet(), "synthese", aujourd_hui=AUJOURD_HUI).brouillon
    assert [s.cle for s in brouillon.sections] == [
        "contexte",
        "parcours",
        "competences",
        "freins",
        "projet",
        "preconisations",
        "vigilance",
    ]
    sante = [p.texte for p in brouillon.phrases() if p.theme == "sante"]
    assert "Addictions : orientation souhaitée : oui, thème : addictions." in sante
    assert any("RQTH" in t for t in sante)
    texte = brouillon.texte()
    assert "CAP maçon, obtenu en 2012" in texte
    assert "15 août 2026" in texte


def test_a_person_awaiting_trial_is_written_about_neutrally() -> None:
    p0 = dossiers_demo(AUJOURD_HUI)[0]
    texte = rediger(p0, "synthese", aujourd_hui=AUJOURD_HUI).brouillon.texte()
    assert "présumée innocente" in texte
    assert "condamn" not in texte.lower()


@pytest.mark.parametrize("type_document", [TypeBrouillon.CV, TypeBrouillon.LETTRE_MOTIVATION])
def test_employer_documents_never_mention_detention(type_document) -> None:
    for dossier in _dossiers():
        brouillon = rediger(dossier, type_document, aujourd_hui=AUJOURD_HUI, fiche=FICHE).brouillon
        texte = brouillon.texte().lower()
        for mot in ("prison", "détention", "pénitentiaire", "incarcération", "spip"):
            assert mot not in texte, (dossier.reference, mot)


def test_a_cv_line_naming_the_prison_service_reminds_to_choose_its_wording() -> None:
    demo = next(
        d
        for d in dossiers_demo(AUJOURD_HUI)
        if any(
            "service général" in (e.intitule_libre or "") for e in d.etapes.experiences.experiences
        )
    )
    brouillon = rediger(demo, "cv", aujourd_hui=AUJOURD_HUI).brouillon
    [phrase] = [p for p in brouillon.phrases() if "service général" in p.texte]
    assert [(s.type, s.bloquant) for s in phrase.signalements] == [("mention_detention", False)]


def test_the_cv_shows_detention_work_like_any_other_and_leaves_contacts_to_the_person() -> None:
    texte = rediger(dossier_complet(), "cv", aujourd_hui=AUJOURD_HUI).brouillon.texte()
    assert "Auxiliaire cuisine (2025)." in texte
    assert "Ouvrier du bâtiment — BTP, intérim (2013 – 2018)." in texte
    assert "à compléter à la main" in texte


def test_the_cover_letter_links_the_sheet_skills_to_the_dossier() -> None:
    brouillon = rediger(
        dossier_complet(), "lettre_motivation", aujourd_hui=AUJOURD_HUI, fiche=FICHE
    ).brouillon
    liens = [p for p in brouillon.phrases() if p.texte.startswith("Pour «")]
    assert liens
    assert all("rome:F1703" in p.sources and len(p.sources) == 2 for p in liens)
    assert brouillon.code_rome == "F1703"


def test_the_letter_without_a_sheet_says_so() -> None:
    resultat = rediger(dossier_complet(), "lettre_motivation", aujourd_hui=AUJOURD_HUI)
    assert any("fiche métier" in m for m in resultat.messages)


def test_the_easy_to_read_summary_speaks_to_the_person_in_short_sentences() -> None:
    brouillon = rediger(dossier_complet(), "resume_falc", aujourd_hui=AUJOURD_HUI).brouillon
    for phrase in brouillon.phrases():
        assert len(phrase.texte.split()) <= 20, phrase.texte
    assert "Vous savez monter un mur en parpaings." in brouillon.texte()


@pytest.mark.parametrize("type_document", list(TypeBrouillon))
def test_an_empty_dossier_gives_a_short_honest_draft(type_document) -> None:
    dossier = Dossier.ouvrir("TEST-01", "maison_arret")
    brouillon = rediger(dossier, type_document, aujourd_hui=AUJOURD_HUI).brouillon
    faits = FaitsDossier.depuis(dossier, AUJOURD_HUI)
    _verifier_ancrage(brouillon, faits)
    assert len(brouillon.phrases()) <= 12
    texte = brouillon.texte()
    for invention in ("CAP", "France Travail", "20"):
        assert invention not in texte.replace("2026", "")


def _dossier_refus() -> Dossier:
    dossier = Dossier.ouvrir("TEST-02", "centre_detention")
    for modele in ETAPES:
        etape = dossier.etapes.par_numero(modele.numero)
        if modele.cle in ("cadre", "synthese"):
            continue
        etape.reponses_absentes = dict.fromkeys(modele.champs_questionnables(), NonReponse.REFUS)
    return dossier


@pytest.mark.parametrize("type_document", list(TypeBrouillon))
def test_refusals_everywhere_give_a_draft_that_says_so_and_nothing_else(type_document) -> None:
    dossier = _dossier_refus()
    brouillon = rediger(dossier, type_document, aujourd_hui=AUJOURD_HUI).brouillon
    faits = FaitsDossier.depuis(dossier, AUJOURD_HUI)
    _verifier_ancrage(brouillon, faits)
    if type_document in (TypeBrouillon.SYNTHESE, TypeBrouillon.BILAN_FIN_PROGRAMME):
        assert "n'a pas souhaité parler de" in brouillon.texte()
    if type_document is TypeBrouillon.RESUME_FALC:
        assert "C'est votre droit." in brouillon.texte()


def test_refusals_are_facts_of_the_dossier() -> None:
    faits = FaitsDossier.depuis(_dossier_refus(), AUJOURD_HUI)
    assert faits["dossier:etapes.formation.diplomes"] == (
        "Diplômes : la personne n'a pas souhaité en parler."
    )
    assert faits.theme("dossier:etapes.situation.reconnaissance_handicap") == "sante"


def test_facts_read_like_the_labels() -> None:
    faits = FaitsDossier.depuis(dossier_complet(), AUJOURD_HUI, fiche=FICHE)
    assert faits["dossier:etapes.formation.diplomes.0"] == "Diplômes : CAP maçon, obtenu en 2012"
    assert faits["dossier:etapes.situation.date_sortie_previsible"] == (
        "Date de sortie prévisible : 15/08/2026"
    )
    assert faits["rome:F1703"].startswith("Fiche ROME F1703 : Maçon / Maçonne")
    assert "dossier:etapes.cadre.personne_ref" not in faits
    # Health barriers: referral need and theme only, not even the level.
    assert faits["dossier:etapes.freins.freins.1"] == (
        "Freins : Addictions : orientation souhaitée : oui ; thème : Addictions"
    )
    assert faits.theme("dossier:etapes.freins.freins.1") == "sante"


def test_a_cv_job_without_dates_shows_how_long_it_lasted() -> None:
    """« commis de cuisine 3 ans en CDI »: no start date said, the duration is still worth it."""
    from assistant.domain.steps import Experience

    dossier = Dossier.ouvrir("TEST-CV", "centre_detention")
    dossier.etapes.experiences.experiences = [
        Experience(intitule_libre="commis de cuisine", type="emploi_salarie", duree_mois=36)
    ]
    resultat = rediger(dossier, "cv", aujourd_hui=AUJOURD_HUI)
    assert "commis de cuisine (3 ans)." in resultat.brouillon.texte()
    _verifier_ancrage(resultat.brouillon, FaitsDossier.depuis(dossier, AUJOURD_HUI))
