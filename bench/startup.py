"""Start-up time and memory of the terminal interface, against their targets.

Each run is a fresh interpreter: imports, configuration, app factory, first screen drawn
(headless), as a counsellor waits for it after typing `passerelle`.
"""

import json
import statistics
import subprocess
import sys
import tempfile

TARGET_SECONDS = 1.5
TARGET_RSS_MB = 150
RUNS = 5

_PROBE = r"""
import asyncio, json, os, resource, sys, time
t0 = time.perf_counter()
from assistant.config import load_settings
from assistant.tui.app import make_app

async def main():
    app = make_app(load_settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - t0
        screen = type(app.screen).__name__
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "rss_mb": rss, "screen": screen}))

asyncio.run(main())
"""


def main() -> None:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "PASSERELLE_DATA_DIR": tmp,
            "PASSERELLE_CONFIG_FILE": f"{tmp}/absent.toml",
            "PATH": "/usr/bin:/bin",
        }
        for _ in range(RUNS):
            out = subprocess.run(
                [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, check=True
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    seconds = statistics.median(r["seconds"] for r in results)
    rss = max(r["rss_mb"] for r in results)
    print(
        f"first screen ({results[0]['screen']}): median {seconds:.2f} s over {RUNS} runs "
        f"(target < {TARGET_SECONDS} s) {'OK' if seconds < TARGET_SECONDS else 'MISSED'}"
    )
    print(
        f"peak memory: {rss:.0f} MB (target < {TARGET_RSS_MB} MB) "
        f"{'OK' if rss < TARGET_RSS_MB else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
