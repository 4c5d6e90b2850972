"""What "Try it" costs: a 100 KB programme read by the reader's child process, and what a
server sustains with the page's limits on; prints its figures.

- one reading: wall time in the child (median of ROUNDS), and the request's whole time
  through `calsvc serve` (granian, 2 workers: forms parsed, the child's answer rendered);
- throughput: THREADS clients posting for SECONDS, from one address with the per-client
  limit raised (the size, time and one-at-a-time limits on): readings a second, and how
  many were told the worker was busy (503);
- the per-client limit as it stands (CALSVC_TRY_PER_MINUTE=12, per worker): how many of
  30 quick tries from one address are read before the 429s (two workers: 24).

Run: .venv/bin/python bench/trying.py  (BENCH_ROUNDS=5, BENCH_SECONDS=10, BENCH_THREADS=4)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from load import Server  # noqa: E402
from programme import programme  # noqa: E402

from calsvc.trial import Reader  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def hundred_kb() -> bytes:
    """A programme of about 100 KB: sessions with papers, as the seeds write them."""
    sessions = 10
    while len(text := programme(sessions, papers=2).encode()) < 100_000:
        sessions += 5
    return text[: text.rfind(b"\n", 0, 102_400)]


def post(base: str, data: bytes) -> int:
    body = urllib.parse.urlencode({"text": data.decode(), "timezone": "Europe/Lisbon"}).encode()
    request = urllib.request.Request(f"{base}/try/", data=body, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def main() -> None:
    data = hundred_kb()
    reader = Reader()
    reader.read(data, "programme.txt", reference=date(2026, 1, 1), year=None, timezone=None,
                seconds=60)  # fmt: skip
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        trial = reader.read(data, "programme.txt", reference=date(2026, 1, 1), year=None,
                            timezone=None, seconds=60)  # fmt: skip
        times.append(time.perf_counter() - started)
    reader.stop()
    print(f"programme: {len(data):,} bytes, {len(trial.schedule.sessions)} sessions")
    print(f"one reading in the child: median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with Server(SEEDS, folder, CALSVC_TRY_PER_MINUTE="1000000") as server:
            post(server.base, data)  # (each worker's child started and warmed)
            post(server.base, data)
            whole = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                post(server.base, data)
                whole.append(time.perf_counter() - started)
            print(f"one try through the server: median {statistics.median(whole) * 1000:.0f} ms")
            statuses: Counter[int] = Counter()
            stop = time.monotonic() + SECONDS

            def client() -> None:
                while time.monotonic() < stop:
                    statuses[post(server.base, data)] += 1

            threads = [threading.Thread(target=client) for _ in range(THREADS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(f"{THREADS} clients for {SECONDS:g} s: {statuses[200] / SECONDS:.1f} readings/s, "
                  f"answers {dict(sorted(statuses.items()))}")  # fmt: skip
        with Server(SEEDS, folder / "default") as server:
            tiny = b"Monday 3 June 2024\n09:00 Opening\n"
            quick = Counter(post(server.base, tiny) for _ in range(30))
            print(
                "default per-client limit, 30 quick tries from one address: "
                f"{dict(sorted(quick.items()))}"
            )


if __name__ == "__main__":
    main()
