"""jCal (RFC 7265): the `.ics` feed's own components as JSON, for code that reads no iCalendar.

Every event is read back from the VEVENT the feeds hold (contentlines.py), so jCal and xCal
hold exactly the `.ics` feed's events: the same UIDs, SEQUENCE, times, zones and text. Each
event's jCal is made once per catalogue version and host, as its VEVENT is.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

from ..catalogue.selection import Selection
from ..ics.feed import Served, feed_head
from ..ics.render import CALENDAR_TAIL
from . import contentlines
from .base import Format, Pieces

JsonValue = str | int | dict[str, Any]
# RFC 5545's default value type of each property calsvc (or a calendar) may write; others are
# text, and X- properties 'unknown' (RFC 7265 section 5).
DEFAULT_TYPES = {
    **dict.fromkeys(
        ("DTSTART", "DTEND", "DTSTAMP", "CREATED", "LAST-MODIFIED", "RECURRENCE-ID", "DUE",
         "COMPLETED", "EXDATE", "RDATE"), "date-time"),
    **dict.fromkeys(("SEQUENCE", "PRIORITY", "PERCENT-COMPLETE", "REPEAT"), "integer"),
    **dict.fromkeys(("URL", "TZURL", "ATTACH", "SOURCE", "CONFERENCE", "IMAGE"), "uri"),
    **dict.fromkeys(("TZOFFSETFROM", "TZOFFSETTO"), "utc-offset"),
    **dict.fromkeys(("DURATION", "REFRESH-INTERVAL", "TRIGGER"), "duration"),
    **dict.fromkeys(("RRULE", "EXRULE"), "recur"),
    **dict.fromkeys(("ORGANIZER", "ATTENDEE"), "cal-address"),
}  # fmt: skip
MULTIPLE = frozenset({"CATEGORIES", "RESOURCES"})  # comma-separated lists of text
RECUR_NUMBERS = frozenset(
    {"count", "interval", "bysecond", "byminute", "byhour", "bymonthday", "byyearday",
     "byweekno", "bymonth", "bysetpos"}
)  # fmt: skip
_ESCAPED = re.compile(r"\\([\\;,nN])")
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")


def value_type(prop: contentlines.Property) -> str:
    """The property's value type: its VALUE parameter, else RFC 5545's default."""
    if "VALUE" in prop.parameters:
        return prop.parameters["VALUE"].lower()
    if prop.name.startswith("X-"):
        return "unknown"
    return DEFAULT_TYPES.get(prop.name, "text")


def _text(value: str) -> str:
    if "\\" not in value:
        return value
    return _ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def _date_time(value: str) -> str:
    if len(value) == 8:
        return f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    return f"{_date_time(value[:8])}T{value[9:11]}:{value[11:13]}:{value[13:15]}{value[15:]}"


def _recur(value: str) -> dict[str, Any]:
    rule: dict[str, Any] = {}
    for part in value.split(";"):
        key, _, found = part.partition("=")
        key = key.lower()
        values: list[Any] = found.split(",")
        if key in RECUR_NUMBERS:
            values = [int(v) for v in values]
        elif key == "until":
            values = [_date_time(v) for v in values]
        rule[key] = values[0] if len(values) == 1 else values
    return rule


def _values(prop: contentlines.Property, kind: str) -> list[JsonValue]:
    value = prop.value
    if kind == "text":
        parts = _UNESCAPED_COMMA.split(value) if prop.name in MULTIPLE else [value]
        return [_text(part) for part in parts]
    if kind in ("date-time", "date"):
        return [_date_time(v) for v in value.split(",")]
    if kind == "integer":
        return [int(value)]
    if kind == "utc-offset":
        return [f"{value[:3]}:{value[3:5]}{(':' + value[5:]) if value[5:] else ''}"]
    if kind == "recur":
        return [_recur(value)]
    return [value]


def property_json(prop: contentlines.Property) -> list[Any]:
    """[name, {parameters}, type, value…] for one property."""
    kind = value_type(prop)
    parameters = {k.lower(): v for k, v in prop.parameters.items() if k != "VALUE"}
    return [prop.name.lower(), parameters, kind, *_values(prop, kind)]


def component_json(component: contentlines.Component) -> list[Any]:
    """[name, [properties], [components]] for a component and everything in it."""
    return [
        component.name.lower(),
        [property_json(p) for p in component.properties],
        [component_json(c) for c in component.components],
    ]


def from_text(text: bytes) -> list[Any]:
    """A component written as iCalendar (a whole calendar, or one event), as jCal."""
    return component_json(contentlines.read(text.decode("utf-8")))


def event_text(served: Served, position: int, base_url: str) -> bytes:
    """The VEVENT at a position, as every feed holds it."""
    return b"".join(served.rendered.events([position], base_url=base_url))


def head(served: Served, selection: Selection, ttl: timedelta) -> list[Any]:
    """The jCal of a selection's calendar head: its properties and VTIMEZONEs."""
    catalogue = served.catalogue
    positions = catalogue.positions(selection)
    text = feed_head(catalogue, catalogue.name(selection), positions, ttl=ttl) + CALENDAR_TAIL
    return from_text(text)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


EVENTS = Pieces(lambda served, position, base_url: _dumps(
    from_text(event_text(served, position, base_url))))  # fmt: skip


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    """The calendar head's jCal, then each event's, kept from the first document that held it."""
    name, properties, zones = head(served, selection, ttl)
    events = EVENTS.get(served, served.catalogue.positions(selection), base_url)
    components = ",".join([*map(_dumps, zones), *events])
    return f'["{name}",{_dumps(properties)},[{components}]]'.encode()


JCAL = Format(
    "jcal", "jCal", "iCalendar as JSON (RFC 7265)", "application/calendar+json", "jcal",
    calendar=True, shape="feed", body=body,
)  # fmt: skip
