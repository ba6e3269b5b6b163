"""Isolation: no personal data outside the encrypted vault, no network unless configured.

A scripted interview of a fictitious person (« Zorglub Quenouille » from « Quenouille-sur-Vire »)
runs in a subprocess (so that `TMPDIR` and the audit hook apply from the start) on a copy of the
real built index: what the person said is extracted, confirmed into the dossier, searched in the
knowledge index. Then every file of the data directory (Chroma included, the vault's -wal/-shm
too), the temporary directory and all log output (DEBUG, every logger, stdout and stderr) are
scanned for the names: zero hits. Sockets are recorded with `sys.addaudithook`.
"""

import http.server
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from assistant.locations import VAULT_FILE_NAME

pytestmark = pytest.mark.integration
RACINE = Path(__file__).resolve().parents[2]
MARQUEURS = ("Zorglub", "Quenouille")
PERSONNE = "Zorglub Quenouille"
VILLE = "Quenouille-sur-Vire"

SCRIPT = textwrap.dedent(
    """
    import json, logging, sys
    from datetime import date

    EVENEMENTS = []
    RESEAU = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
              "socket.gethostbyaddr", "socket.sendto", "socket.bind")

    def audit(evenement, arguments):
        # urllib3 probes IPv6 support at import by binding a socket to ("::1", 0) and closing
        # it: nothing is sent nor listened to. Any other bind is recorded.
        if evenement == "socket.bind" and arguments[1] == ("::1", 0):
            return
        if evenement in RESEAU:
            EVENEMENTS.append([evenement, repr(arguments)[:200]])

    sys.addaudithook(audit)
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, force=True)

    from assistant.config import load_settings
    from assistant.domain.errors import DonneesInvalides
    from assistant.guide.extraction.proposals import Proposition
    from assistant.session import Session

    PASSE, PERSONNE, VILLE, LLM = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "llm"
    session = Session(load_settings())
    session.aujourd_hui = lambda: date(2026, 3, 2)
    session.create_vault(PASSE, PASSE)
    dossier = session.create_dossier("ISO-2026-001", "maison_arret")
    entretien = session.entretien(dossier)
    rapport = {"confirmees": [], "brouillon": None, "llm": None}
    repliques = [
        f"Il s'appelle {PERSONNE}, il a été cariste trois ans à {VILLE}.",
        f"À la sortie il veut retourner à {VILLE} chez sa soeur {PERSONNE}.",
        f"Il a un CAP maçon obtenu en 2012 au lycée de {VILLE}.",
    ]
    for texte in repliques:
        question = entretien.question
        for proposition in entretien.proposer(texte, question, session.chercher_metiers):
            try:
                entretien.confirmer(proposition)
                rapport["confirmees"].append(proposition.champ)
            except DonneesInvalides:
                pass
        entretien.passer_question(question)
    # What the counsellor writes in a free field (the key quote) holds the names for sure.
    entretien.confirmer(
        Proposition(6, "citation_cle", f"{PERSONNE} veut travailler à {VILLE}", "Citation")
    )
    connaissances = session.knowledge
    assert connaissances.index_ready(), "index dense absent"
    connaissances.search_jobs(f"{PERSONNE} cariste à {VILLE}", 5)
    connaissances.search_certifications(f"CACES {PERSONNE} {VILLE}", 5)
    connaissances.search_services(f"logement {VILLE} {PERSONNE}", None)
    session.suggestions(entretien.dossier)
    try:
        from assistant.drafting.generate import rediger
    except ImportError:
        rapport["brouillon"] = "absent"
    else:
        resultat = rediger(entretien.dossier, "synthese", aujourd_hui=date(2026, 3, 2))
        rapport["brouillon"] = "fait" if resultat else "vide"
    if LLM:
        passerelle = session.passerelle_llm()
        reponse = passerelle.invoquer(
            [("system", "Réponds en français."), ("user", f"Résume : {PERSONNE} à {VILLE}.")],
            dossier_id=dossier.id,
        )
        rapport["llm"] = reponse.texte
    session.lock()
    relue = Session(load_settings())
    relue.unlock(PASSE)
    citation = relue.get_dossier(dossier.id).etapes.projet.citation_cle
    relue.lock()
    assert PERSONNE in citation
    print("RAPPORT " + json.dumps(rapport))
    print("RESEAU " + json.dumps(EVENEMENTS))
    """
)


def _lancer(
    tmp_path: Path, data_dir: Path, llm: bool = False, env: dict[str, str] | None = None
) -> tuple[dict, list[list[str]], str]:
    temporaire = tmp_path / "tmpdir"
    temporaire.mkdir(exist_ok=True)
    environnement = {
        k: v for k, v in os.environ.items() if not k.startswith(("PASSERELLE_", "TMP", "TEMP"))
    }
    environnement |= {
        "TMPDIR": str(temporaire),
        "PASSERELLE_DATA_DIR": str(data_dir),
        "PASSERELLE_CONFIG_FILE": str(tmp_path / "absent.toml"),
        "PASSERELLE_KNOWLEDGE__BUILD_INDEX_IN_BACKGROUND": "false",
        "PYTHONPATH": str(RACINE),
        **(env or {}),
    }
    fini = subprocess.run(
        [sys.executable, "-c", SCRIPT, PASSPHRASE, PERSONNE, VILLE, "llm" if llm else "-"],
        capture_output=True,
        text=True,
        env=environnement,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    sortie = fini.stdout + fini.stderr
    assert fini.returncode == 0, sortie[-3000:]
    lignes = {ligne.split(" ", 1)[0]: ligne.split(" ", 1)[1] for ligne in fini.stdout.splitlines()}
    return json.loads(lignes["RAPPORT"]), json.loads(lignes["RESEAU"]), sortie


def _donnees(built_index: Path, tmp_path: Path) -> Path:
    data_dir = tmp_path / "donnees"
    shutil.copytree(built_index, data_dir)
    return data_dir


def _fichiers(racine: Path) -> Iterator[Path]:
    return (p for p in racine.rglob("*") if p.is_file())


def _traces(contenu: bytes) -> list[str]:
    """The markers in any usual encoding (UTF-8, UTF-16, case folded)."""
    plie = contenu.lower()
    trouves = []
    for marqueur in MARQUEURS:
        for forme in (marqueur.lower().encode(), marqueur.lower().encode("utf-16-le")):
            if forme in plie:
                trouves.append(marqueur)
    return trouves


def test_no_personal_data_outside_the_vault(built_index: Path, tmp_path: Path) -> None:
    data_dir = _donnees(built_index, tmp_path)
    rapport, _, sortie = _lancer(tmp_path, data_dir)
    assert rapport["confirmees"], "l'entretien scripté n'a rien noté"
    assert "citation_cle" not in rapport["confirmees"]  # confirmed on its own, below
    coffre = data_dir / VAULT_FILE_NAME
    assert coffre.exists() and coffre.stat().st_size > 0
    fuites = {}
    examines = 0
    for chemin in [*_fichiers(data_dir), *_fichiers(tmp_path / "tmpdir")]:
        examines += 1
        traces = _traces(chemin.read_bytes())
        if traces:
            fuites[str(chemin.relative_to(tmp_path))] = traces
    # The vault itself is encrypted: even it does not show the names (nor its -wal/-shm).
    assert examines >= 5 and any((data_dir / "index").rglob("*.sqlite3"))
    assert fuites == {}
    assert _traces(sortie.encode()) == [], "des noms apparaissent dans les journaux"
    assert "DEBUG" in sortie  # the logs were captured at DEBUG level


def test_no_socket_is_opened_by_default(built_index: Path, tmp_path: Path) -> None:
    rapport, reseau, _ = _lancer(tmp_path, _donnees(built_index, tmp_path))
    assert reseau == []
    # Drafting (assistant.drafting.generate) is checked when it exists; it is in progress.
    assert rapport["brouillon"] in ("absent", "fait")


class _Enregistreur(http.server.BaseHTTPRequestHandler):
    requetes: list[dict] = []

    def do_POST(self) -> None:  # an OpenAI-compatible /v1/chat/completions
        longueur = int(self.headers.get("Content-Length", "0"))
        corps = json.loads(self.rfile.read(longueur) or b"{}")
        self.requetes.append({"chemin": self.path, "corps": corps})
        reponse = json.dumps(
            {
                "id": "fictif",
                "object": "chat.completion",
                "created": 0,
                "model": corps.get("model", "fictif"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": "Synthèse fictive."},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reponse)))
        self.end_headers()
        self.wfile.write(reponse)

    def log_message(self, *_: object) -> None:
        return


def test_with_an_endpoint_only_the_configured_host_is_contacted(
    built_index: Path, tmp_path: Path
) -> None:
    serveur = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Enregistreur)
    port = serveur.server_address[1]
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    _Enregistreur.requetes = []
    try:
        rapport, reseau, _ = _lancer(
            tmp_path,
            _donnees(built_index, tmp_path),
            llm=True,
            env={
                "PASSERELLE_LLM__PROVIDER": "openai_compatible",
                "PASSERELLE_LLM__BASE_URL": f"http://127.0.0.1:{port}/v1",
                "PASSERELLE_LLM__MODEL": "fictif",
                "PASSERELLE_LLM__API_KEY": "cle-fictive",
            },
        )
    finally:
        serveur.shutdown()
        serveur.server_close()
    assert rapport["llm"] == "Synthèse fictive."
    assert [r["chemin"] for r in _Enregistreur.requetes] == ["/v1/chat/completions"]
    connexions = [e for e in reseau if e[0] == "socket.connect"]
    assert connexions, reseau
    for evenement, arguments in reseau:
        if evenement in ("socket.connect", "socket.sendto"):
            assert f"('127.0.0.1', {port})" in arguments, (evenement, arguments)
        elif evenement in ("socket.getaddrinfo", "socket.gethostbyname"):
            assert "'127.0.0.1'" in arguments, (evenement, arguments)
        else:  # a bind would be a listening socket: never
            pytest.fail(f"{evenement} {arguments}")
