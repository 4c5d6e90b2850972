"""The time zones a set of sessions uses, and the years each spans: what a feed's VTIMEZONEs
must cover. The index keeps them per catalogue; the renderer writes them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Session


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
