"""The frab/pentabarf schedule of a conference (what pretalx, frab and OSEM publish as
`schedule.xml` and `schedule.json`), as values the two writers share.

Days are the programme's own days (a session after midnight under Friday's heading stays on
Friday); rooms come from the sessions, and sessions with no room of their own are in one room
named after the venue (or the conference). Identifiers are derived from the session UID, so
they are as stable as it is: `guid` a UUID (version 5), `id` a positive 31-bit integer, unique
within the conference. Cancelled sessions are left out: schedule apps have no way to show one
as cancelled, and would show it as taking place.
"""

from __future__ import annotations

import hashlib
import re
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytz

from ..catalogue.catalogue import Catalogue
from ..catalogue.selection import Selection
from ..ics.description import describe
from ..ics.feed import Served
from ..ics.render import session_page
from ..kinds import slugify
from ..model import Conference, Entry, shown_location
from .base import Pieces

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "calsvc.schedule")
ID_BITS = 31  # apps written in Java read `id` as an int
TIMESLOT = "00:05"
ALL_DAY = "24:00"
_APART = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
_AFFILIATION = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Event:
    id: int
    guid: str
    date: str  # ISO 8601 with the offset: 2023-06-06T13:30:00-04:00
    start: str  # HH:MM, local
    duration: str  # HH:MM
    end: str
    room: str
    slug: str
    url: str
    title: str
    track: str | None
    type: str
    abstract: str
    description: str
    persons: tuple[tuple[str, str], ...]  # (name, guid)


@dataclass
class Day:
    index: int
    date: date
    start: str
    end: str
    rooms: dict[str, list[tuple[int, Event]]] = field(default_factory=dict)  # (position, event)


@dataclass(frozen=True)
class Schedule:
    version: str
    base_url: str
    conference: Conference
    acronym: str
    start: date
    end: date
    url: str | None
    rooms: tuple[tuple[str, str], ...]  # (name, guid), in the order they first hold a session
    tracks: tuple[str, ...]
    days: tuple[Day, ...]


def guid(*parts: str) -> str:
    """A UUID that follows from its parts alone."""
    return str(uuid.uuid5(NAMESPACE, "\0".join(parts)))


def frab_ids(uids: Iterable[str]) -> dict[str, int]:
    """A positive 31-bit integer for each UID, from its digest; on a collision (a 2 % chance
    somewhere among 10,000 sessions) the later UID in sorted order takes the next free number,
    so every other session keeps its number."""
    taken: dict[str, int] = {}
    used: set[int] = set()
    for uid in sorted(set(uids)):
        number = int.from_bytes(hashlib.sha256(uid.encode("utf-8")).digest()[:4]) >> 1
        number = number or 1
        while number in used:
            number = number % (2**ID_BITS - 1) + 1
        used.add(number)
        taken[uid] = number
    return taken


def acronym(conference: Conference) -> str:
    """The conference's slug as both schemas accept an acronym: letters, digits and '_'."""
    found = conference.slug.replace("-", "_")
    return found if len(found) >= 4 else f"{found}_{conference.year or 'conf'}"


def persons(entry: Entry) -> tuple[tuple[str, str], ...]:
    """The papers' authors, each once, in order."""
    names: dict[str, None] = {}
    for item in entry.session.items:
        for name in _APART.split(_AFFILIATION.sub("", item.authors or "")):
            if name.strip(" .") and len(name) <= 200:
                names.setdefault(" ".join(name.split()), None)
    return tuple((name, guid("person", name)) for name in names)


def room(entry: Entry) -> str:
    return shown_location(entry.session, entry.conference) or entry.conference.name


def _hours(length: timedelta) -> str:
    minutes = int(length.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def event(entry: Entry, number: int, short_id: str, base_url: str, acronym: str) -> Event:
    session, conference = entry.session, entry.conference
    start, end = session.start, session.end
    if start is None or end is None:  # a day with no time announced: the whole day
        assert session.day is not None
        start = _midnight(session.day, session.timezone)
        end, length = start + timedelta(days=1), ALL_DAY
    else:
        length = _hours(end - start)
    items = session.items
    abstract = items[0].abstract if len(items) == 1 else None
    words = slugify(session.title)[:60].strip("-")
    return Event(
        id=number,
        guid=guid("session", session.uid),
        date=start.isoformat(),
        start=start.strftime("%H:%M"),
        duration=length,
        end=end.isoformat(),
        room=room(entry),
        slug=f"{acronym}-{short_id}" + (f"-{words}" if words else ""),
        url=session_page(base_url, session.uid),
        title=session.title,
        track=session.track,
        type=session.kind,
        abstract=abstract or "",
        description=describe(session, conference),
        persons=persons(entry),
    )


def _midnight(day: date, zone: str) -> datetime:
    return pytz.timezone(zone).localize(datetime.combine(day, time()))


@dataclass(frozen=True)
class Whole:
    """What a conference's schedule follows from, whatever the selection: its days (date,
    start and end), session ids and tracks, worked out once per catalogue version."""

    days: list[tuple[date, str, str]]
    ids: dict[str, int]
    tracks: tuple[str, ...]


_WHOLE: dict[tuple[str, str], Whole] = {}
_WHOLE_LOCK = threading.Lock()  # requests in several threads keep facts here
KEPT_CONFERENCES = 16


def whole(catalogue: Catalogue, slug: str) -> Whole:
    """The conference's facts in this catalogue version, kept for the next selection."""
    key = (catalogue.version, slug)
    found = _WHOLE.get(key)
    if found is None:
        entries = catalogue.select(Selection(conferences=(slug,)))
        dates = catalogue.days(slug) or [catalogue.last_modified([]).date()]
        found = Whole(
            days=_bounds(catalogue.conferences[slug], dates, entries),
            ids=frab_ids(e.session.uid for e in entries),
            tracks=tuple(sorted({e.session.track for e in entries if e.session.track})),
        )
        with _WHOLE_LOCK:
            if len(_WHOLE) >= KEPT_CONFERENCES:
                _WHOLE.pop(next(iter(_WHOLE)), None)
            _WHOLE[key] = found
    return found


def _bounds(
    conference: Conference, dates: list[date], entries: list[Entry]
) -> list[tuple[date, str, str]]:
    """Every day of the conference, from its local midnight to the end of its last session
    (at least the next midnight)."""
    ends: dict[date, datetime] = {}
    for entry in entries:
        day, end = entry.session.day, entry.session.end
        if day is not None and end is not None:
            ends[day] = max(ends.get(day, end), end)
    bounds = []
    for day in dates:
        start = _midnight(day, conference.timezone)
        end = max(start + timedelta(days=1), ends.get(day, start))
        bounds.append((day, start.isoformat(), end.isoformat()))
    return bounds


def _event_at(served: Served, position: int, base_url: str) -> Event:
    catalogue = served.catalogue
    entry = catalogue.entries[position]
    number = whole(catalogue, entry.conference.slug).ids[entry.session.uid]
    short_id = catalogue.short_ids[position]
    return event(entry, number, short_id, base_url, acronym(entry.conference))


EVENTS = Pieces(_event_at)


def schedule(served: Served, selection: Selection, *, base_url: str) -> Schedule:
    """The frab schedule of a checked selection within one conference; each session's event
    is made once per catalogue version and host."""
    catalogue = served.catalogue
    (slug,) = selection.conferences
    conference = catalogue.conferences[slug]
    facts = whole(catalogue, slug)
    days = [Day(index, *bounds) for index, bounds in enumerate(facts.days, start=1)]
    by_date = {day.date: day for day in days}
    entries = catalogue.entries
    positions = [p for p in catalogue.positions(selection) if not entries[p].revision.cancelled]
    rooms: dict[str, str] = {}
    for position, found in zip(positions, EVENTS.get(served, positions, base_url), strict=True):
        rooms.setdefault(found.room, guid("room", slug, found.room))
        day = by_date[entries[position].session.day]  # type: ignore[index]
        day.rooms.setdefault(found.room, []).append((position, found))
    homepage = conference.homepage if (conference.homepage or "").startswith("http") else None
    return Schedule(
        version=catalogue.version,
        base_url=f"{base_url}/",
        conference=conference,
        acronym=acronym(conference),
        start=facts.days[0][0],
        end=facts.days[-1][0],
        url=homepage,
        rooms=tuple(rooms.items()),
        tracks=facts.tracks,
        days=tuple(days),
    )
