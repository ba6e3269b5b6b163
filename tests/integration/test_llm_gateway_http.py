"""The gateway against a real OpenAI-compatible HTTP server on 127.0.0.1 that records every
byte it receives, with the real French pseudonymiser and a real SQLCipher vault."""

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from assistant.config import LLMSettings
from assistant.llm.correspondances import Correspondances
from assistant.llm.errors import LLMIndisponible
from assistant.llm.factory import charger_modele
from assistant.llm.gateway import PasserelleLLM
from assistant.storage.journal import Journal
from assistant.storage.pseudonyms import CorrespondanceRepository
from assistant.storage.vault import Vault

pytestmark = pytest.mark.integration
DOSSIER_ID = "0f" * 16
# Fictitious person and identifiers.
ENTRETIEN = (
    "Entretien avec M. Karim Benali, né le 12/03/1988 à Roubaix, écroué au centre "
    "pénitentiaire de Lille-Annœullin (numéro d'écrou 45821B). NIR 1 88 03 59 350 123 57. "
    "À sa sortie, sa sœur Nadia Benali l'hébergera au 12 rue des Lilas, 59000 Lille ; "
    "téléphone 06 12 34 56 78, courriel nadia.benali@exemple.fr. Il a été cariste à "
    "Tourcoing et souhaite une formation Afpa ; suivi par le SPIP et France Travail."
)
ORIGINAUX = [
    "Karim", "Benali", "Nadia", "12/03/1988", "Roubaix", "Annœullin", "Annoeullin", "45821",
    "1 88 03 59 350 123 57", "350 123", "rue des Lilas", "Lilas", "59000", "Lille",
    "06 12 34 56 78", "12 34 56", "nadia.benali", "exemple.fr", "Tourcoing",
]  # fmt: skip
JETON = re.compile(r"\[[A-Z_]+_\d+\]")


class ServeurEnregistreur(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delai: float = 0.0) -> None:
        self.recu: list[bytes] = []
        self.corps: list[bytes] = []
        self.delai = delai
        self.liberer = threading.Event()
        super().__init__(("127.0.0.1", 0), Gestionnaire)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def tout(self) -> str:
        """Every byte received, raw and with JSON escapes (\\u00e9…) decoded."""
        brut = b"".join(self.recu).decode("utf-8", "replace")
        decode = []
        for corps in self.corps:
            decode.append(json.dumps(json.loads(corps), ensure_ascii=False))
        return brut + "\n".join(decode)


class Gestionnaire(BaseHTTPRequestHandler):
    server: ServeurEnregistreur

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the test output stays readable."""

    def do_POST(self) -> None:
        longueur = int(self.headers.get("Content-Length", 0))
        corps = self.rfile.read(longueur)
        self.server.recu.append(self.requestline.encode() + b"\r\n" + bytes(self.headers) + corps)
        self.server.corps.append(corps)
        if self.server.delai:
            self.server.liberer.wait(self.server.delai)
            return
        requete = json.loads(corps)
        dernier = requete["messages"][-1]["content"]
        # Echo the placeholders the model received, plus one it invents.
        reponse = "Synthèse : " + " ".join(JETON.findall(dernier)) + " et [PERSONNE_9]."
        if requete.get("stream"):
            self._flux(reponse)
        else:
            self._json(reponse)

    def do_GET(self) -> None:
        self.server.recu.append(self.requestline.encode() + b"\r\n" + bytes(self.headers))
        self._envoyer(200, "application/json", b'{"data": []}')

    def _envoyer(self, statut: int, type_: str, corps: bytes) -> None:
        self.send_response(statut)
        self.send_header("Content-Type", type_)
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        self.wfile.write(corps)

    def _json(self, texte: str) -> None:
        corps = {
            "id": "r1",
            "object": "chat.completion",
            "created": 0,
            "model": "essai",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": texte},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        self._envoyer(200, "application/json", json.dumps(corps).encode())

    def _flux(self, texte: str) -> None:
        # Pieces of 3 characters: most placeholders are cut between two events.
        morceaux = [texte[i : i + 3] for i in range(0, len(texte), 3)]
        evenements = []
        for i, morceau in enumerate([*morceaux, None]):
            evenement = {
                "id": "r1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "essai",
                "choices": [
                    {
                        "index": 0,
                        "delta": {"content": morceau} if morceau else {},
                        "finish_reason": None if morceau else "stop",
                    }
                ],
            }
            if i == 0:
                evenement["choices"][0]["delta"]["role"] = "assistant"  # type: ignore[index]
            evenements.append(f"data: {json.dumps(evenement)}\n\n")
        evenements.append("data: [DONE]\n\n")
        self._envoyer(200, "text/event-stream", "".join(evenements).encode())


@pytest.fixture
def serveur() -> Iterator[ServeurEnregistreur]:
    serveur = ServeurEnregistreur()
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    yield serveur
    serveur.liberer.set()
    serveur.shutdown()
    serveur.server_close()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "coffre" / "coffre.db", PASSPHRASE)
    yield v
    v.close()


def _settings(url: str, **autres: object) -> LLMSettings:
    return LLMSettings.model_validate(
        {"provider": "openai_compatible", "base_url": url, "model": "essai", **autres}
    )


def _passerelle(settings: LLMSettings, vault: Vault) -> PasserelleLLM:
    return PasserelleLLM(
        settings, charger_modele(settings), CorrespondanceRepository(vault), Journal(vault)
    )


def test_remote_endpoint_never_receives_an_identifier(
    serveur: ServeurEnregistreur, vault: Vault
) -> None:
    passerelle = _passerelle(_settings(serveur.url, local_hosts=[]), vault)
    assert not passerelle.local and passerelle.pseudonymise
    messages = [("system", "Rédigez une synthèse courte."), ("user", ENTRETIEN)]

    reponse = passerelle.invoquer(messages, dossier_id=DOSSIER_ID)
    flux = "".join(passerelle.diffuser(messages, dossier_id=DOSSIER_ID))

    recu = serveur.tout()
    assert (
        len(serveur.recu) == 2
        and "/v1/chat/completions" in recu
        and '"stream": true' in recu.replace('":', '": ')
    )
    fuites = [o for o in ORIGINAUX if o.casefold() in recu.casefold()]
    assert fuites == [], fuites
    assert "[PERSONNE_1]" in recu and "cariste" in recu and "SPIP" in recu

    for texte in (reponse.texte, flux):
        assert texte.startswith("Synthèse : Karim Benali 12/03/1988 Roubaix ")
        for original in ("Lille-Annœullin", "45821B", "1 88 03 59 350 123 57", "Nadia Benali"):
            assert original in texte
        assert texte.endswith(" et [PERSONNE_9].")
    assert reponse.jetons_inconnus == passerelle.jetons_inconnus == ["[PERSONNE_9]"]

    stockees = CorrespondanceRepository(vault).charger(DOSSIER_ID)
    assert stockees.jeton_de("PERSONNE", "Karim Benali") == "[PERSONNE_1]"
    assert stockees.jeton_de("NIR", "1 88 03 59 350 123 57") == "[NIR_1]"
    assert len(stockees) >= 10
    with vault.connection() as conn:
        journal = conn.execute("SELECT evenement, dossier_id, details FROM journal").fetchall()
    assert [(e, d) for e, d, _ in journal] == [("appel_llm", DOSSIER_ID)] * 2
    assert '"pseudonymise": true' in journal[0][2].replace(":true", ": true")
    assert not any(o in str(journal) for o in ORIGINAUX)


def test_loopback_counts_as_local_by_default_and_receives_clear_text(
    serveur: ServeurEnregistreur, vault: Vault
) -> None:
    passerelle = _passerelle(_settings(serveur.url), vault)
    assert passerelle.local and not passerelle.pseudonymise
    passerelle.invoquer([("user", ENTRETIEN)], dossier_id=DOSSIER_ID)
    assert "Karim Benali" in serveur.tout() and "45821B" in serveur.tout()
    assert len(CorrespondanceRepository(vault).charger(DOSSIER_ID)) == 0


def test_a_server_that_does_not_answer_in_time(vault: Vault) -> None:
    serveur = ServeurEnregistreur(delai=10)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    try:
        passerelle = _passerelle(_settings(serveur.url, timeout_seconds=1), vault)
        with pytest.raises(LLMIndisponible) as erreur:
            passerelle.invoquer([("user", "Bonjour")], dossier_id=DOSSIER_ID)
        assert erreur.value.message == (
            f"Le modèle de langage ne répond pas à {serveur.url} (délai de 1 s dépassé). "
            "Le brouillon est rédigé sans lui, à partir des modèles de phrases."
        )
        with pytest.raises(LLMIndisponible, match="délai de 1 s dépassé"):
            list(passerelle.diffuser([("user", "Bonjour")], dossier_id=DOSSIER_ID))
    finally:
        serveur.liberer.set()
        serveur.shutdown()
        serveur.server_close()


def test_connection_refused_is_explained(vault: Vault) -> None:
    passerelle = _passerelle(_settings("http://127.0.0.1:9/v1"), vault)
    with pytest.raises(LLMIndisponible, match="connexion impossible : le serveur n'est pas"):
        passerelle.invoquer([("user", "Bonjour")], dossier_id=DOSSIER_ID)


def test_mapping_repository_is_idempotent_and_erasable(vault: Vault) -> None:
    depot = CorrespondanceRepository(vault)
    _, c = Correspondances().avec("PERSONNE", "Karim Benali")
    _, c = c.avec("LIEU", "Roubaix")
    depot.enregistrer(DOSSIER_ID, c)
    depot.enregistrer(DOSSIER_ID, c)
    depot.enregistrer("autre", Correspondances())
    assert depot.charger(DOSSIER_ID) == c
    _, plus = c.avec("ECROU", "45821B")
    depot.enregistrer(DOSSIER_ID, plus)
    assert depot.charger(DOSSIER_ID) == plus and depot.charger("autre") == Correspondances()
    depot.effacer(DOSSIER_ID)
    assert depot.charger(DOSSIER_ID) == Correspondances()
    raw = (vault.path).read_bytes()
    assert b"Benali" not in raw and b"Roubaix" not in raw  # encrypted at rest
