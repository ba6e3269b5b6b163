"""The frise data: dated periods from steps 2 and 3, gaps, and what is deliberately not inferred."""

from datetime import date

import pytest

from assistant.domain.dossier import Dossier
from assistant.domain.steps import Diplome, Experience
from assistant.guide.timeline import ECART_MIN_MOIS, Periode, elements_non_dates, periodes

pytestmark = pytest.mark.unit


def _dossier(*experiences: Experience, sortie: int | None = None, diplomes=()) -> Dossier:
    dossier = Dossier.ouvrir("FICTIF-FRISE", "centre_detention")
    dossier.nouvelle_rencontre(date(2026, 3, 2))
    dossier.etapes.formation.annee_sortie_scolaire = sortie
    dossier.etapes.formation.diplomes = list(diplomes)
    dossier.etapes.experiences.experiences = list(experiences)
    return dossier


def _exp(intitule: str, debut: str | None, duree: int | None, type: str = "emploi_salarie", **kw):
    return Experience(intitule_libre=intitule, type=type, debut=debut, duree_mois=duree, **kw)


def test_an_empty_dossier_has_no_period() -> None:
    dossier = _dossier()
    assert periodes(dossier, 2026) == []
    assert elements_non_dates(dossier) == []


def test_an_experience_is_placed_by_month_and_length() -> None:
    [p] = periodes(_dossier(_exp("Maçon", "2013-05", 60)), 2026)
    assert p.nature == "emploi"
    assert p.debut == pytest.approx(2013 + 4 / 12)
    assert p.fin == pytest.approx(2018 + 4 / 12)
    assert p.annees == "2013–2018"
    assert not p.approximatif


@pytest.mark.parametrize(
    ("type", "nature"),
    [
        ("emploi_salarie", "emploi"),
        ("interim", "emploi"),
        ("benevolat", "emploi"),
        ("aide_familiale", "emploi"),
        ("travail_non_declare", "emploi"),
        ("stage_ou_formation", "formation"),
        ("travail_en_detention", "detention"),
    ],
)
def test_nature_follows_the_type_of_experience(type: str, nature: str) -> None:
    [p] = periodes(_dossier(_exp("Activité", "2020", 12, type=type)), 2026)
    assert p.nature == nature


def test_unknown_month_or_length_is_drawn_as_approximate() -> None:
    annee_seule, mois_sans_duree = periodes(
        _dossier(_exp("Snack", "2019", None), _exp("Marché", "2020-06", None)), 2026
    )
    assert (annee_seule.debut, annee_seule.fin, annee_seule.approximatif) == (2019, 2020, True)
    assert mois_sans_duree.approximatif
    assert mois_sans_duree.fin - mois_sans_duree.debut == pytest.approx(1 / 12)
    assert annee_seule.annees == "2019"


def test_a_zero_month_experience_still_has_a_length() -> None:
    [p] = periodes(_dossier(_exp("Mission d'une semaine", "2020-03", 0)), 2026)
    assert p.fin > p.debut


def test_school_years_end_in_june_and_a_diploma_replaces_the_end_of_school() -> None:
    dossier = _dossier(sortie=2008, diplomes=[Diplome(intitule="CAP maçon", annee=2008)])
    [p] = periodes(dossier, 2026)
    assert (p.libelle, p.nature) == ("CAP maçon", "ecole")
    assert p.debut == pytest.approx(2007 + 8 / 12)
    assert p.fin == pytest.approx(2008.5)
    assert p.annees == "2007–2008"


def test_end_of_school_without_a_diploma_that_year_and_no_gap_at_school() -> None:
    dossier = _dossier(sortie=2018, diplomes=[Diplome(intitule="Brevet", annee=2016, obtenu=False)])
    brevet, fin = periodes(dossier, 2026)  # two years apart, but at school: no gap
    assert brevet.libelle == "Brevet (non obtenu)"
    assert (fin.libelle, fin.nature) == ("Fin de scolarité", "ecole")


def test_a_diploma_after_school_is_adult_training() -> None:
    dossier = _dossier(sortie=2010, diplomes=[Diplome(intitule="Titre pro cuisinier", annee=2019)])
    natures = {p.libelle: p.nature for p in periodes(dossier, 2026)}
    assert natures["Titre pro cuisinier"] == "formation"


def test_gaps_longer_than_the_threshold_become_sans_emploi() -> None:
    dossier = _dossier(
        _exp("Premier", "2010-01", 12),  # ends January 2011
        _exp("Deuxième", f"2011-{1 + ECART_MIN_MOIS:02d}", 12),  # a gap of exactly the threshold
        _exp("Troisième", "2014-01", 12),  # a gap of about 18 months
    )
    trous = [p for p in periodes(dossier, 2026) if p.nature == "sans_emploi"]
    assert len(trous) == 1
    assert trous[0].debut == pytest.approx(2012 + 6 / 12)
    assert trous[0].fin == pytest.approx(2014)
    assert trous[0].libelle == "Période sans expérience datée"


def test_overlapping_periods_leave_no_false_gap() -> None:
    dossier = _dossier(_exp("Long", "2010-01", 60), _exp("Court", "2011-01", 6))
    dossier.etapes.experiences.experiences.append(_exp("Suite", "2015-02", 6))
    assert all(p.nature != "sans_emploi" for p in periodes(dossier, 2026))


def test_no_detention_time_is_inferred() -> None:
    """No incarceration date exists: a gap that may be detention is left blank."""
    dossier = _dossier(
        _exp("Ouvrier VRD", "2015-01", 48, motif_fin="incarceration"),
        _exp("Auxiliaire cuisine", "2022-01", 6, type="travail_en_detention"),
        _exp("Agent d'entretien", "2024-01", 6),
    )
    found = periodes(dossier, 2026)
    assert [p.nature for p in found] == ["emploi", "detention", "emploi"]
    fin_par_incarceration = _dossier(_exp("Ouvrier VRD", "2015-01", 48, motif_fin="incarceration"))
    assert [p.nature for p in periodes(fin_par_incarceration, 2026)] == ["emploi"]


def test_the_time_after_the_last_period_is_not_labelled() -> None:
    found = periodes(_dossier(_exp("Maçon", "2010-01", 12)), 2026)
    assert [p.nature for p in found] == ["emploi"]


def test_periods_after_the_current_year_are_ignored_and_results_are_sorted() -> None:
    dossier = _dossier(_exp("Plus tard", "2030", 12), _exp("B", "2012", 12), _exp("A", "2011", 12))
    assert [p.libelle for p in periodes(dossier, 2026)] == ["A", "B"]


def test_undated_facts_are_listed_for_the_caption() -> None:
    dossier = _dossier(
        _exp("Sans date", None, 12), diplomes=[Diplome(intitule="CAP cuisine", annee=None)]
    )
    dossier.etapes.formation.formations_en_detention = ["Remise à niveau"]
    dossier.etapes.experiences.periodes_sans_emploi_valorisables = ["Aide à un voisin"]
    assert periodes(dossier, 2026) == []
    assert elements_non_dates(dossier) == [
        "Formation en détention : Remise à niveau",
        "Diplôme sans année : CAP cuisine",
        "Expérience sans date : Sans date",
        "À valoriser : Aide à un voisin",
    ]


def test_years_of_a_period_ending_on_a_year_boundary() -> None:
    assert Periode(2013.0, 2014.0, "x", "emploi").annees == "2013"
    assert Periode(2013 + 5 / 12, 2013 + 5 / 12 + 7 / 12, "x", "emploi").annees == "2013"
    assert Periode(2013.0, 2015.5, "x", "emploi").annees == "2013–2015"
