"""Interview workspace: start-up to the unlock screen, suggestions refresh, typing, memory.

Run: `.venv/bin/python bench/workspace.py [--index DIR]`. Targets come from the issue « interview
workspace ». The real application is driven with Textual's Pilot on the demo vault (fictional
dossiers) in a temporary data directory whose dense index is ready: the index is built once
(about two minutes) and kept in `$TMPDIR/passerelle-bench-index`, or copied from `--index DIR`
(a data directory holding `index/`, e.g. `~/.local/share/passerelle`, never written to).

- Start-up: the probe of bench/startup.py (fresh interpreter, headless first screen), run on a
  data directory that holds a vault, so the first screen is the unlock screen.
- Suggestions: on DEMO-FICTIF-P1 (experiences and barriers), utterances are typed in the chat,
  their proposals confirmed with Ctrl+O; a confirmation that changes what the suggestions
  depend on (job titles, region, barriers) refreshes the context panel, which posts
  `SuggestionsRefreshed(duree_ms)`; the others need no recomputation and are counted apart.
  The first refresh (opening the dossier, knowledge pack and index loading) is cold and
  reported apart.
- The searches a proposal needs start as soon as it is shown (nothing is written before the
  confirmation): the refresh figures come from answers confirmed after one second of reading,
  nobody typing.
- Typing: for every other answer, keys are sent to the chat input every 50 ms (a fast typist)
  from the moment it is sent until everything it started in the background is done (its
  understanding, the searches for its proposals), then it is confirmed at once and keys go on
  until the panel is updated; latency is the time from the key event to the input showing it
  (main thread), against the same key with nothing running. The session's remembered searches
  are forgotten before each of these answers, so that they all run for real.
- Memory: peak RSS of the process that ran the interview (`ru_maxrss`).
"""

import argparse
import asyncio
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import _PROBE as STARTUP_PROBE  # noqa: E402  (same probe as bench/startup.py)

TARGET_UNLOCK_SCREEN_S = 1.0
TARGET_REFRESH_MS = 150.0
TARGET_KEY_P95_MS = 50.0
"""The issue says « typing never blocks »; 50 ms (p95) is the threshold used here."""
TARGET_RSS_MB = 600
STARTUP_RUNS = 5
REFRESHES = 30
"""Refreshes measured with nobody typing; as many more are measured while typing."""
KEY_INTERVAL_S = 0.05
READING_S = 1.0
"""Time to read the proposals before Ctrl+O (the searches they need start meanwhile)."""
SIZE = (160, 48)
JOUR = date(2026, 11, 26)
CACHE = Path(tempfile.gettempdir()) / "passerelle-bench-index"
PASSPHRASE = "tulipe cartable 47 orage"

# What a counsellor types during a follow-up meeting: experiences, projects, barriers.
ENONCES = [
    "j'ai travaillé 2 ans comme cariste chez Geodis",
    "je voudrais devenir plombier",
    "j'ai pas de logement à la sortie",
    "il a des dettes, environ 3000 euros",
    "j'ai fait 3 ans en intérim comme coffreur bancheur",
    "il aimerait être chauffeur livreur",
    "pas de permis, il a été annulé",
    "il a besoin d'un suivi addiction",
    "il a pas de papiers d'identité, sa carte est périmée",
    "elle a été aide à domicile pendant 5 ans",
    "il a pas de mutuelle",
    "il a été agent de propreté 18 mois",
    "il parle mal le français, il a besoin d'apprendre",
    "il a fait de la peinture en bâtiment pendant 2 ans",
    "pas d'ordinateur, il sait pas faire les démarches en ligne",
    "j'ai bossé comme serveur en restauration 4 ans",
    "il a deux enfants à charge",
    "il veut pas retourner dans le bâtiment, il a mal au dos",
    # More jobs, each a new search: the keys typed during a refresh that really computes.
    "il a été cariste 3 ans chez un grossiste",
    "elle a travaillé en cuisine comme commis",
    "il a fait de la plonge dans un restaurant",
    "j'ai été magasinier dans une plateforme logistique",
    "il a fait 2 ans maçon",
    "il voudrait être agent de sécurité",
    "elle a été caissière 4 ans en supermarché",
    "il a travaillé comme boulanger",
    "il a été jardinier paysagiste",
    "j'ai été soudeur en chaudronnerie",
    "il aimerait devenir électricien",
    "elle a fait du ménage dans des bureaux",
    "il a été préparateur de commandes",
    "il voudrait devenir mécanicien automobile",
    "il a travaillé comme ouvrier agricole",
    "j'ai fait de la manutention sur un quai",
]


def _verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def _p95(values: list[float]) -> float:
    # Inclusive: never above the largest value measured (few samples here).
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


# --- start-up ---------------------------------------------------------------------------------


def _startup_unlock_screen() -> list[dict[str, Any]]:
    from assistant.config import load_settings
    from assistant.session import Session

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(config_file=Path(tmp) / "absent.toml", data_dir=Path(tmp))
        session = Session(settings)
        session.create_vault(PASSPHRASE, PASSPHRASE)
        session.lock()
        env = {
            "PASSERELLE_DATA_DIR": tmp,
            "PASSERELLE_CONFIG_FILE": f"{tmp}/absent.toml",
            "PATH": "/usr/bin:/bin",
        }
        for _ in range(STARTUP_RUNS):
            out = subprocess.run(
                [sys.executable, "-c", STARTUP_PROBE],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    return results


# --- index ------------------------------------------------------------------------------------


def _index_ready(data_dir: Path) -> bool:
    from assistant.config import load_settings
    from assistant.locations import Locations
    from assistant.retrieval.service import KnowledgeService

    if not (data_dir / "index").is_dir():
        return False
    settings = load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir)
    return KnowledgeService(settings, Locations(data_dir)).index_ready()


def _index_source(given: str | None) -> Path:
    """A data directory whose `index/` is ready (built into the cache the first time)."""
    if given:
        source = Path(given).expanduser().resolve()
        if source.name == "index" and not (source / "index").is_dir():
            source = source.parent
        if not _index_ready_copy(source):
            sys.exit(f"{source}/index is not a ready index of this knowledge pack.")
        return source
    if (CACHE / "index").is_dir() and _index_ready(CACHE):
        return CACHE
    from assistant.config import load_settings
    from assistant.locations import Locations
    from assistant.retrieval.service import KnowledgeService

    print(f"building the dense index once into {CACHE} (about two minutes)…", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    settings = load_settings(config_file=CACHE / "absent.toml", data_dir=CACHE)
    KnowledgeService(settings, Locations(CACHE)).build_index()
    return CACHE


def _index_ready_copy(source: Path) -> bool:
    """Check a directory given by the user on a copy: opening the index may write to it."""
    if not (source / "index").is_dir():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(source / "index", Path(tmp) / "index")
        return _index_ready(Path(tmp))


# --- the interview (in a child process, for its own peak memory) ------------------------------


async def _wait(condition: Any, timeout: float = 30.0) -> None:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the application did not answer in time")
        await asyncio.sleep(0.002)


async def _interview(data_dir: Path) -> dict[str, Any]:
    from textual import events
    from textual.widgets import DataTable, Input

    from assistant.config import load_settings
    from assistant.demo import session_demo
    from assistant.tui import messages
    from assistant.tui.app import PasserelleApp, leave_a_core_to_the_screen
    from assistant.tui.screens.workspace import WorkspaceScreen

    settings = load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir)
    settings.knowledge.build_index_in_background = False
    session = session_demo(settings, aujourd_hui=JOUR)
    session.aujourd_hui = lambda: JOUR
    leave_a_core_to_the_screen()  # as make_app does
    app = PasserelleApp(session, demo=True)
    seen: dict[int, Any] = {}

    def hook(message: Any) -> None:
        if isinstance(message, messages.SuggestionsRefreshed | messages.UtteranceUnderstood):
            seen.setdefault(id(message), message)

    def of_type(kind: type) -> list[Any]:
        return [m for m in seen.values() if isinstance(m, kind)]

    refreshes: list[float] = []
    refreshes_typing: list[float] = []
    keys_during: list[float] = []
    keys_idle: list[float] = []
    empty = 0
    unchanged = 0
    calculs: list[float] = []
    refused = 0
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        driver = app._driver
        assert driver is not None
        await pilot.pause()
        table = app.screen.query_one("#dossiers", DataTable)
        ident = next(r.id for r in app.screen._resumes.values() if r.reference.endswith("P1"))  # type: ignore[attr-defined]
        table.move_cursor(row=table.get_row_index(ident))
        await pilot.press("enter")
        await _wait(lambda: of_type(messages.SuggestionsRefreshed))
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        saisie = screen.query_one("#saisie", Input)
        await app.workers.wait_for_complete()
        await pilot.pause()

        def send(key: str, char: str | None) -> None:
            """The key event a terminal would deliver, without Pilot's wait for idle."""
            event = events.Key(key, char)
            event.set_sender(app)
            driver.send_message(event)

        async def key_latency() -> float:
            avant = len(saisie.value)
            started = time.perf_counter()
            send("a", "a")
            await _wait(lambda: len(saisie.value) > avant, 5.0)
            return (time.perf_counter() - started) * 1000

        for _ in range(30):
            keys_idle.append(await key_latency())
            await asyncio.sleep(0.01)
        saisie.value = ""

        i = 0
        while len(refreshes) < REFRESHES and i < 8 * len(ENONCES):
            enonce = ENONCES[i % len(ENONCES)]
            i += 1
            if screen.entretien.question is None:  # the follow-up meeting is done: back to 5
                saisie.value = "/etape 5"
                await pilot.press("enter")
            compris = len(of_type(messages.UtteranceUnderstood))
            typing = (len(refreshes) + len(refreshes_typing)) % 2 == 1
            saisie.value = enonce
            if typing:
                # Searches are remembered for the session: forgotten here so that every typing
                # round types over real searches (its job titles, its suggestions), not over
                # answers already cached by an earlier round.
                session._oublier_recherches()
                send("enter", None)  # Pilot's press would wait until the work is done
                await _wait(lambda: saisie.value == "")  # sent; understanding it has begun
                # The counsellor goes on typing while the answer is understood and the searches
                # for its proposals run in the background.
                while len(of_type(messages.UtteranceUnderstood)) <= compris or any(
                    worker.is_running for worker in app.workers
                ):
                    keys_during.append(await key_latency())
                    await asyncio.sleep(KEY_INTERVAL_S)
            else:
                await pilot.press("enter")
            await _wait(lambda n=compris: len(of_type(messages.UtteranceUnderstood)) > n)
            if not screen.en_attente:
                empty += 1
                await pilot.pause()
                continue
            avant = len(of_type(messages.SuggestionsRefreshed))
            saisie.value = ""
            saisie.focus()
            if not typing:
                await pilot.pause()
                await asyncio.sleep(READING_S)  # the counsellor reads « J'ai compris : … »
            # else: Ctrl+O at once, while the searches started for the proposals still run.
            lancement = screen._lancement_suggestions
            send("ctrl+o", None)
            # The refresh starts in the same handler that empties the proposals, if at all:
            # suggestions are only recomputed when what they depend on changed.
            n = len(screen.en_attente)
            try:
                await _wait(
                    lambda n=n, lancement=lancement: (
                        len(screen.en_attente) < n or screen._lancement_suggestions != lancement
                    ),
                    3.0,
                )
            except TimeoutError:
                refused += 1  # every proposal was refused by the model: nothing changed
            # A proposal the model refuses (e.g. a 13th barrier line) stays waiting, explained.
            screen.en_attente.clear()
            if screen._lancement_suggestions == lancement:
                unchanged += 1
                await app.workers.wait_for_complete()
                await pilot.pause()
                continue
            while len(of_type(messages.SuggestionsRefreshed)) == avant:
                if typing:
                    keys_during.append(await key_latency())
                    await asyncio.sleep(KEY_INTERVAL_S)
                else:
                    await asyncio.sleep(0.002)
            duree = of_type(messages.SuggestionsRefreshed)[-1].duree_ms
            if typing:
                calculs.append(of_type(messages.SuggestionsRefreshed)[-1].calcul_ms)
            (refreshes_typing if typing else refreshes).append(duree)
            saisie.value = ""
            await app.workers.wait_for_complete()
            await pilot.pause()
        cold = of_type(messages.SuggestionsRefreshed)[0]
        dernier = of_type(messages.SuggestionsRefreshed)[-1]
    return {
        "cold_ms": cold.duree_ms,
        "refresh_ms": refreshes,
        "refresh_typing_ms": refreshes_typing,
        "keys_during_ms": keys_during,
        "keys_idle_ms": keys_idle,
        "utterances": i,
        "without_proposal": empty,
        "unchanged": unchanged,
        "compute_ms": calculs,
        "refused": refused,
        "metiers": dernier.metiers,
        "services": dernier.services,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _run_interview(source: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(source / "index", Path(tmp) / "index")
        out = subprocess.run(
            [sys.executable, __file__, "--interview", tmp],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


# --- report -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--index", help="data directory holding a ready index/ (copied, not written)"
    )
    parser.add_argument("--interview", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.interview:
        print(json.dumps(asyncio.run(_interview(Path(args.interview)))))
        return

    runs = _startup_unlock_screen()
    seconds = statistics.median(r["seconds"] for r in runs)
    print(
        f"`passerelle` to the unlock screen ({runs[0]['screen']}): median {seconds:.2f} s over "
        f"{STARTUP_RUNS} runs (target ≤ {TARGET_UNLOCK_SCREEN_S} s) "
        f"{_verdict(seconds <= TARGET_UNLOCK_SCREEN_S)}"
    )

    r = _run_interview(_index_source(args.index))
    warm = r["refresh_ms"]
    p95 = _p95(warm)
    print(
        f"suggestions refresh after an answer confirmed after {READING_S:.0f} s of reading, warm "
        f"({len(warm)} refreshes, "
        f"{r['metiers']} jobs, services for {r['services']} barriers): median "
        f"{statistics.median(warm):.0f} ms, p95 {p95:.0f} ms, max {max(warm):.0f} ms "
        f"(target ≤ {TARGET_REFRESH_MS:.0f} ms) {_verdict(p95 <= TARGET_REFRESH_MS)}"
    )
    print(f"  first refresh, cold (opening the dossier): {r['cold_ms']:.0f} ms")
    print(
        f"  confirmations that left the suggestions' inputs unchanged (nothing recomputed, "
        f"panel already right): {r['unchanged']}"
    )
    typing = r["refresh_typing_ms"]
    if typing:
        print(
            f"  confirmed at once, while typing ({len(typing)} refreshes): median "
            f"{statistics.median(typing):.0f} ms, p95 {_p95(typing):.0f} ms, "
            f"max {max(typing):.0f} ms"
        )
        calcul = r["compute_ms"]
        print(
            f"    of which the searches in the worker: median {statistics.median(calcul):.0f} ms, "
            f"p95 {_p95(calcul):.0f} ms (the rest waits for the main thread: chat, panel redraw)"
        )
    print(
        f"peak memory, interview with the index loaded: {r['rss_mb']:.0f} MB "
        f"(target ≤ {TARGET_RSS_MB} MB) {_verdict(r['rss_mb'] <= TARGET_RSS_MB)}"
    )
    during, idle = r["keys_during_ms"], r["keys_idle_ms"]
    if not during:
        print("key press while an answer's searches run: no key sampled MISSED")
        return
    p95_keys = _p95(during)
    print(
        f"key press echoed in the chat input while an answer's searches run ({len(during)} "
        f"keys): median "
        f"{statistics.median(during):.1f} ms, p95 {p95_keys:.1f} ms, max {max(during):.1f} ms "
        f"(nothing running: p95 {_p95(idle):.1f} ms; threshold p95 ≤ {TARGET_KEY_P95_MS:.0f} ms) "
        f"{_verdict(p95_keys <= TARGET_KEY_P95_MS)}"
    )


if __name__ == "__main__":
    main()
