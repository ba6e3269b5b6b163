"""The hand-written extraction bench data is well-formed, covers every field type, and every
expected value is accepted by the step models."""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from assistant.domain.dossier import Dossier
from assistant.guide.extraction.apply import appliquer
from assistant.guide.extraction.proposals import Proposition

pytestmark = pytest.mark.unit

BENCH = Path(__file__).resolve().parents[2] / "bench"
DATA = BENCH / "data" / "extraction_enonces.jsonl"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH / "extraction.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_enough_rows_with_unique_ids(rows: list[dict]) -> None:
    assert len(rows) >= 160
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert {r["lot"] for r in rows} == {"developpement", "controle"}


def test_rows_are_well_formed(rows: list[dict]) -> None:
    for row in rows:
        assert isinstance(row["texte"], str), row["id"]
        assert 0 <= row["etape"] <= 9, row["id"]
        assert isinstance(row["champs_attendus"], list), row["id"]
        for attendu in row["attendu"]:
            assert set(attendu) == {"etape", "champ", "mode", "valeur"}, row["id"]
            assert attendu["mode"] in ("remplacer", "ajouter", "refus", "non_aborde"), row["id"]


def test_every_field_type_is_covered(rows: list[dict]) -> None:
    bench = _bench()
    couverts = {
        bench.type_de(a["etape"], a["champ"], a["mode"]) for r in rows for a in r["attendu"]
    }
    assert set(bench.TOUS_LES_TYPES) <= couverts


def test_every_expected_value_passes_appliquer(rows: list[dict]) -> None:
    for row in rows:
        for a in row["attendu"]:
            proposition = Proposition(a["etape"], a["champ"], a["valeur"], "bench", a["mode"])
            appliquer(Dossier.ouvrir("MA-001", "maison_arret"), proposition)


def test_rows_about_the_offence_or_health_say_what_must_not_appear(rows: list[dict]) -> None:
    interdits = [r for r in rows if r.get("interdit")]
    assert len(interdits) >= 10


def test_every_proposal_on_the_bench_passes_appliquer_and_respects_the_guardrails(
    rows: list[dict],
) -> None:
    from assistant.guide.extraction.rules import RuleExtractor
    from assistant.guide.extraction.text import plier

    bench = _bench()
    extracteur = RuleExtractor()
    for row in rows:
        for p in extracteur.extraire(row["texte"], bench.contexte(row, None)):
            appliquer(Dossier.ouvrir("MA-001", "maison_arret"), p)
            texte = plier(f"{p.libelle} {p.extrait} {json.dumps(p.valeur, ensure_ascii=False)}")
            for mot in row.get("interdit", []):
                assert plier(mot) not in texte, (row["id"], mot)
