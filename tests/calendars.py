"""Reading calendars back in tests: what a client would see, as plain tuples."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import icalendar


def _moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return value.isoformat()


def events(body: bytes) -> list[tuple[str, str, str, str]]:
    """(UID, SUMMARY, UTC start, UTC end) of each VEVENT, in file order."""
    calendar = icalendar.Calendar.from_ical(body)
    return [
        (
            str(e["UID"]),
            str(e["SUMMARY"]),
            _moment(e.decoded("DTSTART")),
            _moment(e.decoded("DTEND")),
        )
        for e in calendar.walk("VEVENT")
    ]


def uids(body: bytes) -> list[str]:
    return [uid for uid, *_ in events(body)]


def revisions(body: bytes) -> dict[str, tuple[int, str, str]]:
    """UID → (SEQUENCE, STATUS, LAST-MODIFIED) for each VEVENT."""
    calendar = icalendar.Calendar.from_ical(body)
    return {
        str(e["UID"]): (
            int(e["SEQUENCE"]),
            str(e["STATUS"]),
            e.decoded("LAST-MODIFIED").strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        for e in calendar.walk("VEVENT")
    }


def calendar_properties(body: bytes) -> dict[str, str]:
    """The calendar's own content lines (before its first component), unfolded, as written."""
    lines = body.decode("utf-8").replace("\r\n ", "").split("\r\n")
    head = lines[
        1 : next(
            i for i, line in enumerate(lines) if line.startswith(("BEGIN:V", "END:VCAL")) and i
        )
    ]
    return dict(line.split(":", 1) for line in head)  # type: ignore[misc]


# Hosts a feed or page may name that are not the service's own.
ELSEWHERE = {"calendar.google.com", "outlook.live.com", "outlook.office.com", "mlsys.org",
             "www.isattentionallyouneed.com"}  # fmt: skip


def hosts_named(body: bytes) -> list[str]:
    """The hosts of the service that a feed or page links to (calendar services left out)."""
    unfolded = body.replace(b"\r\n ", b"").decode("utf-8")
    found = set(re.findall(r"(?:https?|webcal)://([^/\"'<>\s%&]+)", unfolded))
    return sorted(found - ELSEWHERE)
