"""The short job descriptions written by the team: on real sheets, readable, our own words."""

import re
from pathlib import Path

import pytest
from conftest import SHARED

from assistant.retrieval.knowledge import Knowledge
from assistant.retrieval.sources import rome
from assistant.retrieval.sources.base import ImportReport
from assistant.retrieval.text import fold

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


def test_the_jobs_most_relevant_at_release_are_described(knowledge: Knowledge) -> None:
    descriptions = knowledge.descriptions
    assert len(descriptions) >= 250
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
