"""Sessions → iCalendar bytes: one VEVENT per version of a session, calendars assembled from them.

Every VEVENT is rendered when its catalogue is built (calsvc.ics.ical writes one in about 50 µs),
so a feed is only joined: a head with the VTIMEZONEs it needs, then the events it selects.
icalendar renders the calendar heads, which are few and cached, and is the reference the
event serializer is tested against (event_component).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TypedDict

import pytz
from icalendar import Calendar, Event, prop

from ..catalogue.spans import Zone
from ..model import Conference, Revision, Session, shown_location
from . import ical
from .description import describe
from .vtimezone import vtimezone

PRODID = "-//calsvc//calsvc programme feeds 1.0//EN"
TRACK_COLOURS = (
    "steelblue",
    "seagreen",
    "darkorange",
    "mediumpurple",
    "crimson",
    "teal",
    "goldenrod",
    "slateblue",
    "indianred",
    "darkcyan",
    "olivedrab",
    "orchid",
)
CALENDAR_TAIL = b"END:VCALENDAR\r\n"
EVENT_TAIL = b"END:VEVENT\r\n"
_UNSAFE_NAME = str.maketrans({",": " ", ";": " ", "\\": " ", "\r": " ", "\n": " "})


def colour(session: Session) -> str:
    """A CSS colour name for the session's track (or kind), the same in every feed and page."""
    return colour_of(session.conference, session.track_slug or session.kind_slug)


def colour_of(conference: str, group: str) -> str:
    """The colour of a track (or of a kind, for sessions with no track) of a conference."""
    key = f"{conference}/{group}"
    return TRACK_COLOURS[zlib.crc32(key.encode("utf-8")) % len(TRACK_COLOURS)]


class Shown(TypedDict):
    """The text a subscriber sees of a session."""

    summary: str
    location: str | None
    description: str
    categories: list[str]
    colour: str


class Visible(Shown):
    """Everything a subscriber sees of a session, apart from its revision and URL."""

    start: str | None
    end: str | None
    day: str | None


def _shown(session: Session, conference: Conference) -> Shown:
    return {
        "summary": session.title if session.timed else f"{session.title} (time not announced)",
        "location": shown_location(session, conference),
        "description": describe(session, conference),
        "categories": [c for c in (conference.name, session.kind, session.track) if c],
        "colour": colour(session),
    }


def _visible(session: Session, conference: Conference) -> Visible:
    return {
        **_shown(session, conference),
        "start": session.start.isoformat() if session.start else None,
        "end": session.end.isoformat() if session.end else None,
        "day": session.day.isoformat() if session.day else None,
    }


def fingerprint(session: Session, conference: Conference) -> str:
    """A digest of what a subscriber sees; when it changes, the session's SEQUENCE goes up."""
    visible = json.dumps(_visible(session, conference), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(visible.encode("utf-8")).hexdigest()


def event_bytes(session: Session, conference: Conference, revision: Revision, *, url: str) -> bytes:
    """One VEVENT as bytes: the same bytes as icalendar makes of event_component()."""
    return event_body(session, conference, revision) + url_line(url) + EVENT_TAIL


def event_body(session: Session, conference: Conference, revision: Revision) -> bytes:
    """A VEVENT up to its URL, the one property that depends on where it is served; written
    directly (calsvc.ics.ical) in icalendar's order: its canonical properties, then the others
    in alphabetical order, so URL comes last."""
    visible = _shown(session, conference)
    if session.start is not None and session.end is not None:
        start = ical.moment_line("DTSTART", writable(session.start, session.timezone))
        end = ical.moment_line("DTEND", writable(session.end, session.timezone))
    else:
        assert session.day is not None
        start = ical.line("DTSTART", ical.day(session.day), "VALUE=DATE")
        end = ical.line("DTEND", ical.day(session.day + timedelta(days=1)), "VALUE=DATE")
    location = visible["location"]
    categories = ",".join(ical.text(c) for c in visible["categories"])
    modified = ical.stamp(revision.modified)
    # Lines short and plain enough never to fold are written as they are.
    return b"".join(
        [
            b"BEGIN:VEVENT\r\n",
            ical.line("SUMMARY", ical.text(visible["summary"])),
            start,
            end,
            f"DTSTAMP:{modified}\r\n".encode(),
            ical.line("UID", ical.text(session.uid)),
            b"SEQUENCE:%d\r\n" % revision.sequence,
            ical.line("CATEGORIES", categories),
            ical.line("COLOR", ical.text(visible["colour"])),
            f"CREATED:{ical.stamp(revision.created)}\r\n".encode(),
            ical.line("DESCRIPTION", ical.text(visible["description"])),
            f"LAST-MODIFIED:{modified}\r\n".encode(),
            ical.line("LOCATION", ical.text(location)) if location else b"",
            _STATUS[revision.cancelled],
            _TRANSP[session.timed],
        ]
    )


_STATUS = {True: b"STATUS:CANCELLED\r\n", False: b"STATUS:CONFIRMED\r\n"}
_TRANSP = {True: b"TRANSP:OPAQUE\r\n", False: b"TRANSP:TRANSPARENT\r\n"}


def url_line(url: str) -> bytes:
    """A VEVENT's URL property (a URI: not escaped, only folded)."""
    return ical.line("URL", url, "VALUE=URI")


def event_component(
    session: Session, conference: Conference, revision: Revision, *, url: str
) -> Event:
    """One VEVENT; all its times come from the data, none from the clock."""
    visible = _visible(session, conference)
    event = Event()
    event.add("uid", session.uid)
    event.add("dtstamp", revision.modified)
    event.add("created", revision.created)
    event.add("last-modified", revision.modified)
    event.add("sequence", revision.sequence)
    if session.start is not None and session.end is not None:
        event.add("dtstart", writable(session.start, session.timezone))
        event.add("dtend", writable(session.end, session.timezone))
    else:
        assert session.day is not None
        event.add("dtstart", session.day)
        event.add("dtend", session.day + timedelta(days=1))
    event.add("summary", visible["summary"])
    if visible["location"]:
        event.add("location", visible["location"])
    event.add("description", visible["description"])
    event.add("url", url, parameters={"VALUE": "URI"})
    event.add("categories", visible["categories"])
    event.add("color", visible["colour"])
    event.add("status", "CANCELLED" if revision.cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE" if session.timed else "TRANSPARENT")
    return event


# A local time repeats only within a change of offset of it, and no zone shifts more than 3 h.
_NEAR = (timedelta(hours=-3), timedelta(hours=3))


@lru_cache(maxsize=65536)
def writable(moment: datetime, zone_name: str) -> datetime:
    """The moment in its zone; in UTC when a DST change repeats its local time.

    RFC 5545 reads a repeated local time as its first occurrence, but ical.js (Thunderbird)
    reads the second, so only UTC says such a moment the same to every client. (Cached: a
    programme has far fewer distinct times than sessions.)
    """
    zone = pytz.timezone(zone_name)
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    if all((moment + near).astimezone(zone).utcoffset() == offset for near in _NEAR):
        return local  # no change of offset within hours: the local time occurs once
    try:
        zone.localize(local.replace(tzinfo=None), is_dst=None)
    except pytz.AmbiguousTimeError:
        return moment.astimezone(UTC)
    return local


def session_page(base_url: str, uid: str) -> str:
    """The URL of a session's page, which every VEVENT links to (a folder, for static hosts)."""
    return f"{base_url}/events/{uid}/"


def session_calendar(base_url: str, uid: str) -> str:
    """The URL of a session's own one-event calendar (a download, beside its page)."""
    return f"{base_url}/events/{uid}.ics"


def safe_name(text: str) -> str:
    """A calendar name without the characters some clients mishandle there (, ; \\ newlines)."""
    return " ".join(text.translate(_UNSAFE_NAME).split())


def calendar_head(*, name: str, description: str, zones: Sequence[Zone], ttl: timedelta) -> bytes:
    """The calendar's properties and VTIMEZONEs: everything before the first VEVENT."""
    return _calendar_head(name, description, tuple(zones), ttl)


@lru_cache(maxsize=1024)
def _calendar_head(name: str, description: str, zones: tuple[Zone, ...], ttl: timedelta) -> bytes:
    return bytes(
        calendar_component(name=name, description=description, zones=zones, ttl=ttl).to_ical()
    ).removesuffix(CALENDAR_TAIL)


def calendar_component(
    *, name: str, description: str, zones: Sequence[Zone], ttl: timedelta
) -> Calendar:
    """The calendar with its properties and VTIMEZONEs, and no events yet."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    # icalendar 7.3 leaves NAME and X-WR-* unescaped unless given as vText.
    calendar.add("name", prop.vText(safe_name(name)))
    calendar.add("x-wr-calname", prop.vText(safe_name(name)))
    calendar.add("x-wr-caldesc", prop.vText(description))
    if len(zones) == 1:
        calendar.add("x-wr-timezone", prop.vText(zones[0].name))
    calendar.add("refresh-interval", prop.vDuration(ttl), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", prop.vDuration(ttl))
    for zone in zones:
        calendar.add_component(vtimezone(zone.name, zone.first_year, zone.last_year))
    return calendar
