"""Kill the real process (SIGKILL) at random points of a scripted interview, then reopen.

Used by `tests/integration/test_crash.py` (a few kills) and `bench/crash.py` (a hundred).
Each round starts a child process that unlocks the vault and confirms answers through the same
`Entretien` the interface uses, printing each change once it is confirmed; the parent kills it
after a random delay and checks that nothing confirmed was lost and the vault is sound.
"""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import load_settings
from assistant.session import Session

ENFANT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from assistant.config import load_settings
    from assistant.guide.extraction.proposals import Proposition
    from assistant.session import Session

    data_dir, phrase, dossier_id = sys.argv[1:4]
    session = Session(load_settings(data_dir=Path(data_dir)))
    session.unlock(phrase)
    dossier = session.get_dossier(dossier_id)
    entretien = session.entretien(dossier)
    texte = dossier.etapes.situation.inquietude_principale
    k = int(texte.rsplit(" ", 1)[1]) if texte else 0
    print(f"pret {k}", flush=True)
    while True:
        k += 1
        entretien.confirmer(
            Proposition(1, "inquietude_principale", f"Inquiétude {k}", "x", "remplacer")
        )
        if k % 3 == 0 and entretien.question is not None:
            entretien.passer_question()
        posees = len(entretien.dossier.rencontre_courante.questions_posees)
        print(f"{k} {posees}", flush=True)
    """
)


@dataclass
class Bilan:
    tours: int = 0
    confirmes: int = 0
    pertes: int = 0
    corruptions: int = 0
    reprises_fausses: int = 0
    delais: list[float] = field(default_factory=list)


def preparer(data_dir: Path, phrase: str) -> str:
    """A vault with one dossier; returns the dossier's id."""
    session = Session(load_settings(data_dir=data_dir))
    session.create_vault(phrase, phrase)
    dossier = session.create_dossier("CRASH-01", "maison_arret")
    session.lock()
    return dossier.id


def tour(data_dir: Path, phrase: str, dossier_id: str, bilan: Bilan, rng: random.Random) -> None:
    """One round: start, let it confirm for a random time, SIGKILL, reopen and check."""
    enfant = subprocess.Popen(
        [sys.executable, "-c", ENFANT, str(data_dir), phrase, dossier_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PASSERELLE_DATA_DIR": str(data_dir)},
    )
    assert enfant.stdout is not None
    posees = 0
    fd = enfant.stdout.fileno()
    os.set_blocking(fd, False)
    tampon = b""

    def lire() -> bool:
        nonlocal tampon
        try:
            morceau = os.read(fd, 65536)
        except BlockingIOError:
            return False
        tampon += morceau
        return bool(morceau)

    attente = time.monotonic() + 60
    while not (tampon.startswith(b"pret ") and b"\n" in tampon):
        if enfant.poll() is not None or time.monotonic() > attente:
            enfant.kill()
            enfant.wait()
            raise RuntimeError("le processus de l'entretien n'a pas démarré")
        if not lire():
            time.sleep(0.005)
    entete, _, tampon = tampon.partition(b"\n")
    depart = dernier = int(entete.split()[1])
    delai = rng.uniform(0.05, 1.5)
    bilan.delais.append(delai)
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        if not lire():
            time.sleep(0.002)
    os.kill(enfant.pid, signal.SIGKILL)
    enfant.wait()
    # What was printed before the kill are confirmed changes too; only whole lines count.
    os.set_blocking(fd, True)
    tampon += os.read(fd, 1 << 20)
    for ligne in tampon.decode().split("\n")[:-1]:
        dernier, posees = (int(x) for x in ligne.split())
    bilan.tours += 1
    bilan.confirmes += dernier - depart

    session = Session(load_settings(data_dir=data_dir))
    try:
        session.unlock(phrase)
    except Exception:
        bilan.corruptions += 1
        return
    try:
        dossier = session.get_dossier(dossier_id)
        texte = dossier.etapes.situation.inquietude_principale or "Inquiétude 0"
        garde = int(texte.rsplit(" ", 1)[1])
        rencontre = dossier.rencontre_courante
        assert rencontre is not None
        if garde < dernier or len(rencontre.questions_posees) < posees:
            bilan.pertes += 1
        # Resumes where it stopped: the next question is one not asked yet.
        question = session.entretien(dossier).question
        if question is not None and question.question.id in rencontre.questions_posees:
            bilan.reprises_fausses += 1
    finally:
        session.lock()


def campagne(data_dir: Path, tours: int, graine: int = 7) -> Bilan:
    phrase = "tulipe cartable 47 orage"
    dossier_id = preparer(data_dir, phrase)
    bilan = Bilan()
    rng = random.Random(graine)
    for _ in range(tours):
        tour(data_dir, phrase, dossier_id, bilan, rng)
    return bilan
