"""Four independent iCalendar parsers, each reduced to UID → (UTC start, UTC end)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

INTEROP = Path(__file__).resolve().parent / "interop"
Times = dict[str, tuple[str, str]]


def moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, f"floating time {value}"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def with_icalendar(body: bytes) -> Times:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(e["UID"]): (moment(e.decoded("DTSTART")), moment(e.decoded("DTEND")))
            for e in calendar.walk("VEVENT")}  # fmt: skip


def with_ical(body: bytes) -> Times:
    calendar = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
    return {str(e.uid): (moment(e.start), moment(e.end)) for e in calendar.events}


def with_vobject(body: bytes) -> Times:
    # vobject keeps the first VTIMEZONE it sees for a TZID for the whole process; forget it,
    # so that each calendar is read with its own.
    vars(vobject.icalendar)["__tzidMap"].clear()
    (calendar,) = vobject.readComponents(body.decode("utf-8"), validate=True)
    return {
        e.uid.value: (moment(e.dtstart.value), moment(e.dtend.value))
        for e in calendar.contents.get("vevent", [])
    }


def with_icaljs(files: list[Path]) -> dict[str, Times]:
    """ical.js, Thunderbird's parser, on many files in one Node process."""
    return {
        name: {uid: (start, end) for uid, start, end, *_ in events}
        for name, events in icaljs_events(files).items()
    }


def icaljs_events(files: list[Path]) -> dict[str, list[list[object]]]:
    """Each file's VEVENTs as ical.js reads them (iCalendar, or jCal for names ending in
    .jcal): [UID, start, end, LOCATION, SEQUENCE, STATUS]."""
    if not (INTEROP / "node_modules" / "ical.js").is_dir():
        raise RuntimeError(
            "tests/interop/node_modules is missing: run `make test`, which installs it"
        )
    result = subprocess.run(["node", str(INTEROP / "icaljs.mjs"), *map(str, files)],
                            capture_output=True, text=True, check=True, cwd=INTEROP)  # fmt: skip
    found: dict[str, list[list[object]]] = json.loads(result.stdout)
    return found


PYTHON_PARSERS: dict[str, Callable[[bytes], Times]] = {
    "icalendar": with_icalendar,
    "ical": with_ical,
    "vobject": with_vobject,
}


def lint(body: bytes) -> list[str]:
    """RFC 5545 rules clients trip on: CRLF, 75-octet folding, UTC stamps, zones, unique UIDs."""
    problems = []
    if body.replace(b"\r\n", b"").count(b"\n") or body.replace(b"\r\n", b"").count(b"\r"):
        problems.append("a line ends without CRLF")
    physical = body.split(b"\r\n")
    if physical[-1] != b"":
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(physical[:-1], start=1):
        if len(line) > 75:
            problems.append(f"line {number} is {len(line)} octets long")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} was folded inside a UTF-8 character")
    text = body.decode("utf-8").replace("\r\n ", "")
    lines = text.split("\r\n")
    for line in lines:
        name = line.split(":", 1)[0].split(";", 1)[0]
        if name in {"DTSTAMP", "LAST-MODIFIED", "CREATED"} and not line.endswith("Z"):
            problems.append(f"{name} is not UTC: {line}")
        if "TZID=UTC" in line:
            problems.append(f"UTC written as a TZID: {line}")
    zones = {line[5:] for line in lines if line.startswith("TZID:")}
    used = {line.split("TZID=", 1)[1].split(":", 1)[0] for line in lines if "TZID=" in line}
    problems += [f"TZID {zone} has no VTIMEZONE" for zone in sorted(used - zones)]
    uids = [line[4:] for line in lines if line.startswith("UID:")]
    if len(uids) != len(set(uids)):
        problems.append("UIDs repeat")
    for event in text.split("BEGIN:VEVENT")[1:]:
        if "\r\nDTEND" in event and "\r\nDURATION" in event:
            problems.append("an event has both DTEND and DURATION")
    if not text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"):
        problems.append("the calendar does not open with BEGIN, VERSION and PRODID")
    return problems
