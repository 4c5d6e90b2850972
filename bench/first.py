"""First requests after a start, at 1,000 / 10,000 / 100,000 sessions; prints its figures.

A host with many conferences: 10,000 sessions a source (2 papers with abstracts each, the
shape of the seeds), as many sources as the size needs. For each size, one first start (an
empty revision store: every source is read before the first answer), then ROUNDS restarts
(the store holds the programme: the stored catalogue answers while the sources are read) of
`calsvc serve` (granian, 2 workers), each measuring:

- startup: from launch until /healthz answers (target at 100k ≤ 20 s);
- the first full feed, uncoded, then the first gzip-coded one (targets 50 ms / 300 ms / 3 s);
- the first hit of a new two-filter combination (kind and day; ≤ 20 ms at 10k, ≤ 100 ms at 100k);
- the resident memory of the workers afterwards (≤ 150 MB at 10k, ≤ 1 GB at 100k).

Restart figures are min/median/max over the rounds; sizes are interleaved round by round.
Run: .venv/bin/python bench/first.py  (BENCH_SIZES=1000,10000 and BENCH_ROUNDS=3 to choose)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import Server, rss_mb  # noqa: E402
from programme import programme  # noqa: E402

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PER_SOURCE = 10_000
TWO_FILTERS = "/calendar.ics?kind=poster&day=2023-06-06"


def write_sources(folder: Path, sessions: int) -> None:
    folder.mkdir(parents=True)
    entries = []
    for index in range((sessions + PER_SOURCE - 1) // PER_SOURCE):
        count = min(PER_SOURCE, sessions - index * PER_SOURCE)
        name = f"conf{index:02}"
        text = programme(count, papers=2, seed=index)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        entries.append(
            f'[[source]]\nfile = "{name}.txt"\nslug = "{name}"\nname = "Conference {index}"\n'
            'year = 2023\ntimezone = "America/New_York"\n'
        )
    (folder / "conferences.toml").write_text("\n".join(entries), encoding="utf-8")


def timed_get(server: Server, path: str, *, gzip: bool = False) -> tuple[float, int]:
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    request = urllib.request.Request(server.base + path, headers=headers)
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as response:
        body = response.read()
        assert response.status == 200
    return time.perf_counter() - started, len(body)


def one_round(folder: Path, sessions: int) -> dict[str, float]:
    started = time.perf_counter()
    with Server(folder / f"s{sessions}", folder / f"db{sessions}") as server:
        figures = {"startup s": time.perf_counter() - started}
        seconds, size = timed_get(server, "/calendar.ics")
        figures["full feed ms"] = seconds * 1000
        figures["feed MB"] = size / 1e6
        figures["full feed gzip ms"] = timed_get(server, "/calendar.ics", gzip=True)[0] * 1000
        figures["two filters ms"] = timed_get(server, TWO_FILTERS)[0] * 1000
        figures["worker RSS MB"] = max(rss_mb(pid) for pid in server.workers())
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for sessions in SIZES:
            write_sources(folder / f"s{sessions}", sessions)
            (folder / f"db{sessions}").mkdir()
        first = {sessions: one_round(folder, sessions) for sessions in SIZES}
        results: dict[int, list[dict[str, float]]] = {n: [] for n in SIZES}
        for _ in range(ROUNDS):
            for sessions in SIZES:
                results[sessions].append(one_round(folder, sessions))
    print(f"first requests after a start: granian, 2 workers; {ROUNDS} restarts (min/median/max)")
    for sessions, rounds in results.items():
        print(f"\n{sessions:,} sessions {'first start':>23} {'restarts':>18}")
        for name in rounds[0]:
            values = [r[name] for r in rounds]
            low, middle, high = min(values), statistics.median(values), max(values)
            once = first[sessions][name]
            print(f"  {name:<20} {once:>9.1f}  {low:>9.1f} {middle:>9.1f} {high:>9.1f}")


if __name__ == "__main__":
    main()
