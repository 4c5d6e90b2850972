"""The time zones a set of sessions uses, and the years each spans: what a feed's VTIMEZONEs
must cover. The index keeps them per catalogue; the renderer writes them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Entry, Session


@dataclass(frozen=True, slots=True)
class Zone:
    """A time zone a feed uses, and the years its events span."""

    name: str
    first_year: int
    last_year: int


def zones_of(sessions: Iterable[Session]) -> list[Zone]:
    """The zones the timed sessions use, each with the years they span, in name order."""
    spans: dict[str, tuple[int, int]] = {}
    for session in sessions:
        if session.start is None or session.end is None:
            continue
        low, high = spans.get(session.timezone, (session.start.year, session.end.year))
        spans[session.timezone] = (min(low, session.start.year), max(high, session.end.year))
    return [Zone(name, *span) for name, span in sorted(spans.items())]


@dataclass(frozen=True)
class Zones:
    """A catalogue's zones: one VTIMEZONE per zone for every feed, spanning the years of the
    whole catalogue (clients that cache zones by TZID, as vobject does, would misread a feed
    whose VTIMEZONE covers other years), and the zone of each entry (None: untimed)."""

    by_name: dict[str, Zone]
    of_entry: list[str | None]

    def needed_by(self, positions: Iterable[int]) -> list[Zone]:
        """The zones the entries at these positions need, in name order."""
        names = {name for p in positions if (name := self.of_entry[p]) is not None}
        return [self.by_name[name] for name in sorted(names)]


def zones_of_entries(entries: Sequence[Entry]) -> Zones:
    """The zones of entries in this order."""
    sessions = [e.session for e in entries]
    return Zones(
        {z.name: z for z in zones_of(sessions)},
        [s.timezone if s.timed else None for s in sessions],
    )
