"""Rendering rate of one core: VEVENTs per second from calsvc's serializer and from icalendar.

The sessions are those of a generated 2,000-session programme (2 papers with abstracts each,
the shape of the seeds). Both outputs are compared byte for byte before anything is timed.
Five interleaved rounds; min/median/max printed. Target: ≥ 20,000 events/s for calsvc's.
Placing a time in its zone (pytz, and a check for repeated local times) is cached per time;
a real programme has a few dozen slots, this one a new time for every session, so calsvc's
rate is printed both ways.

Run: .venv/bin/python bench/render.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from programme import programme  # noqa: E402

from calsvc.ics.render import event_bytes, event_component, writable  # noqa: E402
from calsvc.model import Conference, Revision  # noqa: E402
from calsvc.parse import parse_programme  # noqa: E402

SESSIONS = 2_000
ROUNDS = 5
CONFERENCE = Conference(
    slug="bench", name="Bench 2023", timezone="America/New_York", source="b.txt", year=2023
)
REVISION = Revision(2, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))


def main() -> None:
    data = programme(SESSIONS, papers=2).encode()
    sessions = parse_programme(data, CONFERENCE, reference=date(2026, 11, 22)).timed
    urls = [f"https://example.org/events/{s.uid}/" for s in sessions]

    def ours() -> list[bytes]:
        return [
            event_bytes(s, CONFERENCE, REVISION, url=u) for s, u in zip(sessions, urls, strict=True)
        ]

    def ours_cold() -> list[bytes]:
        writable.cache_clear()  # every session here has its own time: none is placed twice
        return ours()

    def reference() -> list[bytes]:
        return [
            bytes(event_component(s, CONFERENCE, REVISION, url=u).to_ical())
            for s, u in zip(sessions, urls, strict=True)
        ]

    assert ours() == reference(), "the serializers disagree"
    renderers = {
        "calsvc.ics.ical, times known": ours,
        "calsvc.ics.ical, times new": ours_cold,
        "icalendar": reference,
    }
    rates: dict[str, list[float]] = {name: [] for name in renderers}
    for _ in range(ROUNDS):
        for name, render in renderers.items():
            started = time.process_time()
            render()
            rates[name].append(len(sessions) / (time.process_time() - started))
    print(f"{len(sessions)} events, {ROUNDS} interleaved rounds, events/s of CPU time:")
    print(f"{'serializer':<28} {'min':>9} {'median':>9} {'max':>9}")
    for name, values in rates.items():
        low, middle, high = min(values), statistics.median(values), max(values)
        print(f"{name:<28} {low:>9,.0f} {middle:>9,.0f} {high:>9,.0f}")
    print(
        "(times known: a session's times were placed in their zone before, as most are in a "
        "programme of a few dozen slots;\n times new: every session has times of its own)"
    )


if __name__ == "__main__":
    main()
