"""A person's own schedule: the sessions they starred, listed by day with overlaps marked, and
a feed of exactly those. The picks live in the browser; the page and the feed take them from
the URL (`?s=` short ids), so nothing about a person is kept on the server."""

from __future__ import annotations

from flask import Blueprint, Response

from ..catalogue.selection import Selection
from ..model import Entry
from .context import catalogue as current_catalogue
from .context import selection
from .pages import by_day, feed_for, page, static_export

blueprint = Blueprint("mine", __name__)


def overlaps(entries: list[Entry]) -> dict[str, list[Entry]]:
    """For each timed entry that is not cancelled, the others whose times cross its own."""
    live = [e for e in entries if e.session.start and e.session.end and not e.revision.cancelled]
    found: dict[str, list[Entry]] = {}
    for index, entry in enumerate(live):
        for other in live[index + 1 :]:
            start, end = entry.session.start, entry.session.end
            assert start and end and other.session.start and other.session.end
            if other.session.start >= end:
                break  # entries are in time order: no later one starts before this ends
            if other.session.end > start:
                found.setdefault(entry.session.uid, []).append(other)
                found.setdefault(other.session.uid, []).append(entry)
    return found


@blueprint.get("/my/<conference>/")
def my_schedule(conference: str) -> Response:
    catalogue = current_catalogue()
    chosen = selection(conference=conference)
    if static_export():  # no server to read s=: every session, shown as the browser picked
        entries = catalogue.select(Selection(conferences=(conference,)))
    else:
        entries = catalogue.select(chosen) if chosen.sessions else []
    return page(
        "my.html",
        conference=catalogue.conferences[conference],
        chosen=chosen,
        days=by_day(entries),
        overlaps=overlaps(entries),
        feed=feed_for(catalogue, chosen) if chosen.sessions else None,
    )
