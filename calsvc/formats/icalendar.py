"""iCalendar (RFC 5545): the feeds calendar clients subscribe to, joined from the events
rendered once per catalogue (calsvc.ics) instead of made per selection."""

from __future__ import annotations

from datetime import timedelta

from ..catalogue.selection import Selection
from ..ics.feed import Feed, Served, assemble
from .base import Format


class Calendar(Format):
    """A format whose document is the catalogue's rendered VEVENTs under a calendar head."""

    def render(self, served: Served, selection: Selection, base_url: str, ttl: timedelta) -> Feed:
        catalogue = served.catalogue
        name, positions = catalogue.name(selection), catalogue.positions(selection)
        key = self.key(selection)
        return assemble(served, name, positions, base_url=base_url, ttl=ttl, key=key)


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    return ICALENDAR.render(served, selection, base_url, ttl).body


ICALENDAR = Calendar(
    "ics", "iCalendar", "RFC 5545, what calendar apps subscribe to",
    "text/calendar; charset=utf-8", "ics",
    calendar=True, shape="feed", body=body,
)  # fmt: skip
