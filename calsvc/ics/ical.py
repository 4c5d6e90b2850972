"""iCalendar content lines written directly: TEXT escaping, folding, dates and parameters.

These make the same bytes as icalendar 7 for the few value types calsvc's events use, about
twenty times faster, which is what lets every event be rendered when a catalogue is loaded
(tests/ics/test_ical.py holds the two to byte identity). icalendar stays the reference, and the
writer of calendar heads and time zones, which are few.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import lru_cache

from icalendar.timezone.tzid import tzid_from_dt

FOLD_AT = 75  # octets a folded line may reach, counting the space that continues it
_ESCAPES = (("\\N", "\n"), ("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\\n"))


def text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 3.3.11 says (line ends become '\\n')."""
    for old, new in _ESCAPES:
        if old in value:
            value = value.replace(old, new)
    if "\n" in value or "\r" in value:
        value = value.replace("\n", "\\n").replace("\r", "\\n")
    return value


def line(name: str, value: str, parameters: str = "") -> bytes:
    """One content line, folded, with its CRLF: NAME;PARAMETERS:value."""
    content = f"{name};{parameters}:{value}" if parameters else f"{name}:{value}"
    return fold(content.encode()) + b"\r\n"


def fold(content: bytes) -> bytes:
    """Splits a line so no piece reaches 75 octets with the space that continues it: never
    inside a UTF-8 sequence, nor right after a backslash or caret (as icalendar does, so an
    escape stays on one line)."""
    width = FOLD_AT - 1
    if len(content) <= width:
        return content
    pieces: list[bytes] = []
    start = 0
    while len(content) - start > width:
        end = start + width
        while content[end] & 0xC0 == 0x80:  # a UTF-8 continuation octet: not a boundary
            end -= 1
        if content[end - 1] in b"\\^":
            end -= 1  # the escape starts the next piece
        pieces.append(content[start:end])
        start = end
    pieces.append(content[start:])
    return b"\r\n ".join(pieces)


def stamp(moment: datetime) -> str:
    """A DATE-TIME value: local time, with Z when the moment is in UTC."""
    return _stamp(moment.replace(tzinfo=None), _zone_id(moment) == "UTC")


@lru_cache(maxsize=4096)
def _stamp(wall: datetime, utc: bool) -> str:
    """(Cached by wall-clock time: a catalogue's revisions share a few load times.)"""
    value = (
        f"{wall.year:04}{wall.month:02}{wall.day:02}T{wall.hour:02}{wall.minute:02}{wall.second:02}"
    )
    return value + "Z" if utc else value


def day(value: date) -> str:
    """A DATE value."""
    return f"{value.year:04}{value.month:02}{value.day:02}"


def moment_line(name: str, moment: datetime) -> bytes:
    """A DATE-TIME property, with the TZID parameter unless the moment is in UTC."""
    zone = _zone_id(moment)
    if zone is None or zone == "UTC":
        return line(name, stamp(moment))
    return line(name, stamp(moment), f"TZID={zone}")


def _zone_id(moment: datetime) -> str | None:
    return None if moment.tzinfo is None else _zone_id_of(moment.tzinfo)


@lru_cache(maxsize=4096)
def _zone_id_of(zone: tzinfo) -> str | None:
    """icalendar's TZID for a zone (pytz has one object per zone and offset, so few)."""
    return tzid_from_dt(datetime(2000, 1, 1, tzinfo=zone))
