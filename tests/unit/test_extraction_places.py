"""The place table (prompts/guide/lieux.toml) is complete and coherent, and does not disturb the
guide loader."""

import tomllib
from pathlib import Path

import pytest

from assistant.domain.steps import EtapeSituation
from assistant.guide.extraction.places import FICHIER_LIEUX, charger_lieux
from assistant.guide.files import load_guide

pytestmark = pytest.mark.unit


def test_every_region_and_departement_with_valid_codes() -> None:
    lieux = charger_lieux()
    assert len(lieux.regions) == 18
    assert len(lieux.departements) == 101
    for code, (_, region) in lieux.departements.items():
        assert region in lieux.regions
        EtapeSituation(departement_sortie=code, region_sortie=region)


def test_every_city_is_in_a_known_departement() -> None:
    donnees = tomllib.loads(FICHIER_LIEUX.read_text(encoding="utf-8"))
    departements = {d["code"] for d in donnees["departements"]}
    assert len(donnees["villes"]) >= 40
    assert all(v["departement"] in departements for v in donnees["villes"])


def test_an_unreadable_table_reads_no_place(tmp_path: Path) -> None:
    chemin = tmp_path / "lieux.toml"
    chemin.write_text("pas du [toml", encoding="utf-8")
    assert charger_lieux(chemin).regions == {}


def test_the_guide_still_loads() -> None:
    assert len(load_guide().etapes) == 10
