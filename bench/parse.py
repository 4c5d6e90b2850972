"""Parsing speed on generated programmes of 1×, 10× and 100× a base size; prints MB/s.

Three shapes: header lines with papers and abstracts (like the seeds); agenda text (day
headings, table rows with rooms, each with a speaker and a description); and a bare
timetable, where every line is a session and the cost per session, not per byte, is the
measure (sessions/s is printed for each).

Target: at least 5 MB/s on one core, and time linear in size (MB/s flat across sizes).
Run: make bench  (or .venv/bin/python bench/parse.py)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from programme import agenda, date_lines, date_only, programme  # noqa: E402

from calsvc.model import Conference  # noqa: E402
from calsvc.parse import parse_programme  # noqa: E402

BASE_SESSIONS = 100
CONFERENCE = Conference(slug="bench", name="Bench", timezone="America/New_York", source="bench.txt")


def measure(shape: Callable[[int], str], sessions: int) -> tuple[int, float, int]:
    data = shape(sessions).encode("utf-8")
    best = float("inf")
    for _ in range(3 if len(data) < 5_000_000 else 1):  # the best of three, where that is quick
        started = time.perf_counter()
        schedule = parse_programme(data, CONFERENCE, reference=date(2026, 11, 22))
        best = min(best, time.perf_counter() - started)
    return len(data), best, len(schedule.timed)


def main() -> None:
    # The first reading loads the zone and compiles the patterns: not a cost per byte.
    parse_programme(programme(1).encode("utf-8"), CONFERENCE, reference=date(2026, 11, 22))
    shapes: list[tuple[str, Callable[[int], str], int]] = [
        ("headers, 4 papers with abstracts a session", programme, BASE_SESSIONS),
        ("agenda rows, a speaker and a 120-word description each", agenda, 1000),
        ("agenda rows alone (a bare timetable)", partial(agenda, words=0), 1000),
        ("header lines alone, no year (every line a session)", date_lines, 1000),
        ("date lines with no session name, 1M at 100x", date_only, 10_000),
        ("the same, every line different", partial(date_only, distinct=True), 10_000),
    ]
    for name, shape, base in shapes:
        print(f"{name}:")
        print(f"{'scale':>6} {'sessions':>9} {'MB':>8} {'seconds':>8} {'MB/s':>7}")
        rates = []
        for scale in (1, 10, 100):
            size, seconds, parsed = measure(shape, base * scale)
            rate = size / seconds / 1e6
            rates.append(rate)
            print(f"{scale:>5}× {parsed:>9} {size / 1e6:>8.2f} {seconds:>8.3f} {rate:>7.2f}")
        print(
            f"slowest {min(rates):.2f} MB/s (target ≥ 5); "
            f"100× vs 1× throughput {rates[2] / rates[0]:.2f} (1.00 = linear); "
            f"{base * 100 / seconds:,.0f} sessions/s at 100×"
        )


if __name__ == "__main__":
    main()
