"""Replicas on one PostgreSQL revision store, on this machine: requests/s with one and with
two `calsvc serve` processes (each granian with one worker, wrk on all of them at once), and
the time from a programme change to the last replica serving it (target ≤ 2 s).

The server is a throw-away PostgreSQL started as the tests start it (tests/postgres.py).
Each replica has a sources folder of its own; what they serve is published into the
database (`calsvc publish`), which NOTIFYs them.

Run: make bench  (or .venv/bin/python bench/replicas.py); BENCH_SECONDS (default 20).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from feeds import wrk  # noqa: E402
from load import Server  # noqa: E402

from calsvc.sources.published import publish  # noqa: E402
from tests import postgres  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
FEED = "/mlsys-2023/calendar.ics"
FEDERATED = "Federated Learning Tue 6 Jun 03:20 p.m."


def throughput(servers: list[Server]) -> tuple[float, int]:
    """wrk on every replica at once: the summed requests/s, and the errors."""
    results: list[tuple[float, str, str, int]] = []
    threads = [
        threading.Thread(target=lambda s=s: results.append(wrk(s.base + FEED, SECONDS)))
        for s in servers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(r[0] for r in results), sum(r[3] for r in results)


def propagation(servers: list[Server], database: str, staged: Path, rounds: int = 5) -> list[float]:
    """Seconds from publishing a new version to the last replica serving it, per round."""
    text, took = (ROOT / "seeds" / "mlsys-2023.txt").read_text("utf-8"), []
    for n in range(rounds):
        staged.write_text(text.replace("03:20 p.m.", f"04:{10 + n:02} p.m."), "utf-8")
        started = time.monotonic()
        publish(database, [staged], now=datetime.now(UTC))
        expected = f"T16{10 + n:02}00".encode()
        waiting = list(servers)
        while waiting and time.monotonic() - started < 30:
            waiting = [s for s in waiting if expected not in s.get(FEED)[1]]
            time.sleep(0.02)
        took.append(time.monotonic() - started)
    return took


def main() -> None:
    with postgres.server() as cluster, tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "staged").mkdir()
        print(f"{'replicas':>8} {'req/s':>8} {'errors':>7}  (wrk -t2 -c64 -d{SECONDS}s each)")
        for count in (1, 2):
            database = cluster.database()
            publish(database, [ROOT / "seeds"], now=datetime.now(UTC))
            env = {"CALSVC_DB": database, "CALSVC_RELOAD_SECONDS": "2",
                   "CALSVC_BASE_URL": "https://cal.example.org",
                   "XDG_DATA_HOME": str(folder / "data")}  # snapshots: not in $HOME  # fmt: skip
            with ExitStack() as stack:
                servers = []
                for n in range(count):
                    own = folder / f"replica-{n}"
                    shutil.copytree(ROOT / "seeds", own / "sources", dirs_exist_ok=True)
                    server = Server(own / "sources", own, workers=1, **env)
                    servers.append(stack.enter_context(server))
                rate, errors = throughput(servers)
                print(f"{count:>8} {rate:>8.0f} {errors:>7}")
                if count == 2:
                    took = propagation(servers, database, folder / "staged" / "mlsys-2023.txt")
        print(
            f"change → last replica serving it: median {statistics.median(took):.2f} s, "
            f"max {max(took):.2f} s over {len(took)} publishes (target ≤ 2 s; reload interval 2 s)"
        )


if __name__ == "__main__":
    main()
