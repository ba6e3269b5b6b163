"""The short job descriptions written by the team: on real sheets, readable, our own words."""

import re
import shutil
from pathlib import Path

import pytest
from conftest import SHARED

from assistant.doctor import _descriptions
from assistant.locations import KNOWLEDGE_DIR
from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.sources import rome
from assistant.retrieval.sources.base import ImportReport
from assistant.retrieval.text import fold

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


def test_every_job_sheet_is_described(knowledge: Knowledge) -> None:
    descriptions = knowledge.descriptions
    assert set(descriptions) == set(knowledge.fiches)
    assert knowledge.description_problems == []
    # The jobs people leaving prison most often did or aim at.
    for code in ("N1101", "N1103", "F1703", "F1704", "K2204", "G1602", "G1605", "N4101"):
        assert code in descriptions, code


def test_each_description_is_a_short_plain_french_sentence(knowledge: Knowledge) -> None:
    raw = (knowledge.directory / "descriptions_metiers.toml").read_text(encoding="utf-8")
    keys = re.findall(r"^([A-Z]\d{4}) =", raw, flags=re.MULTILINE)
    assert len(keys) == len(set(keys)) == len(knowledge.descriptions), "unknown or doubled code"
    texts = list(knowledge.descriptions.values())
    assert len(set(texts)) == len(texts)
    for code, text in knowledge.descriptions.items():
        assert 80 <= len(text) <= 260, (code, len(text))
        assert text[0].isupper() and text.endswith("."), code
        # The worker is the implied subject: no « Il/Elle » to start (« Il faut » is
        # impersonal), no offer jargon.
        assert not re.search(r"(^|\. )(Il|Elle)s? (?!faut)|\b(H/F|F/H)\b", text), (code, text)
        assert "  " not in text and "\n" not in text, code


@pytest.mark.skipif(not (SHARED / "data" / "rome4_v460").exists(), reason="../shared absent")
def test_no_description_copies_the_rome_definition(knowledge: Knowledge) -> None:
    # The publisher's prose stays out of the pack: no run of 7 words of its definition.
    texts = rome.import_texts(SHARED / "data", ImportReport("ROME 4.0 — textes"))

    def runs(text: str) -> set[tuple[str, ...]]:
        words = fold(text).split()
        return {tuple(words[i : i + 7]) for i in range(len(words) - 6)}

    copied = {
        code: sorted(" ".join(run) for run in shared)[:1]
        for code, text in knowledge.descriptions.items()
        if (shared := runs(text) & runs(texts.get(code, {}).get("definition", "")))
    }
    assert not copied


def test_a_damaged_or_missing_descriptions_file_leaves_the_sheets_without_one(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    pack = Knowledge(fiches=knowledge.fiches, items=knowledge.items, directory=tmp_path)
    assert pack.descriptions == {}
    (tmp_path / "descriptions_metiers.toml").write_bytes(b'N1101 = "Conduit\n\xff')
    damaged = Knowledge(fiches=knowledge.fiches, items=knowledge.items, directory=tmp_path)
    assert damaged.descriptions == {}
    (tmp_path / "descriptions_metiers.toml").write_text(
        'N1101 = "Conduit un chariot."\nZ9999 = "Inconnu."\nN1103 = ""\n', encoding="utf-8"
    )
    partial = Knowledge(fiches=knowledge.fiches, items=knowledge.items, directory=tmp_path)
    assert partial.descriptions == {"N1101": "Conduit un chariot."}
    assert partial.description_problems == [
        "descriptions_metiers.toml : Z9999 : code ROME inconnu",
        "descriptions_metiers.toml : N1103 : description vide",
    ]


def test_a_slip_on_one_line_costs_that_line_only(tmp_path: Path, knowledge: Knowledge) -> None:
    # A hand edit doubled a code, left a quote open and pasted a cp1252 « é »: TOML rejects
    # the whole file; the other lines are still read, each slip told with its line.
    (tmp_path / "descriptions_metiers.toml").write_bytes(
        "# Ce que fait le métier\n"
        'N1101 = "Conduit un chariot."\n'
        'N1103 = "Range les colis.\n'
        'N1101 = "Autre texte."\n'.encode()
        + 'F1703 = "Coule le béton."\n'.encode("cp1252")
        + 'G1602 = "Prépare les plats."\n'.encode()
    )
    damaged = Knowledge(fiches=knowledge.fiches, items=knowledge.items, directory=tmp_path)
    assert damaged.descriptions == {"N1101": "Conduit un chariot.", "G1602": "Prépare les plats."}
    assert damaged.description_problems == [
        'descriptions_metiers.toml:3 : ligne illisible (attendu : CODE = "texte")',
        "descriptions_metiers.toml:4 : N1101 en double, la première est gardée",
        "descriptions_metiers.toml:5 : caractères illisibles (le fichier doit être en UTF-8)",
    ]


def test_doctor_names_the_lines_to_fix(tmp_path: Path) -> None:
    pack = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, pack)
    good = _descriptions(pack)
    assert (good.etat, good.detail) == (
        "ok",
        "1584 fiches sur 1584 décrites en mots simples",
    )
    path = pack / "descriptions_metiers.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'N1101 = "Doublon."\n', encoding="utf-8")
    slipped = _descriptions(pack)
    assert slipped.etat == "attention"
    assert slipped.detail.startswith("1584 fiches sur 1584 décrites en mots simples ; ")
    assert "N1101 en double, la première est gardée" in slipped.detail
    assert "descriptions_metiers.toml" in slipped.remede
