"""Every format read back the way an app would read it, each to UID → (start, end, room,
STATUS): UTC times to the minute, or YYYY-MM-DD for a day with no time announced."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar

Row = tuple[str, str, str | None, str]
Sessions = dict[str, Row]
XCAL = "{urn:ietf:params:xml:ns:icalendar-2.0}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _when(value: date | datetime) -> str:
    return _utc(value) if isinstance(value, datetime) else value.isoformat()


def from_ics(body: bytes) -> Sessions:
    """With icalendar, the reference for every other format."""
    calendar = icalendar.Calendar.from_ical(body)
    return {
        str(e["UID"]): (
            _when(e.decoded("DTSTART")),
            _when(e.decoded("DTEND")),
            str(e["LOCATION"]) if "LOCATION" in e else None,
            str(e["STATUS"]),
        )
        for e in calendar.walk("VEVENT")
    }


def confirmed(sessions: Sessions) -> Sessions:
    return {uid: row for uid, row in sessions.items() if row[3] == "CONFIRMED"}


def from_icaljs(events: list[list[object]]) -> Sessions:
    """What tests/interop/icaljs.mjs printed for one file."""
    return {
        str(uid): (_iso(start), _iso(end), location, str(status))  # type: ignore[misc]
        for uid, start, end, location, _, status in events
    }


def _iso(value: object) -> str:
    text = str(value)
    return text if len(text) == 10 else _utc(datetime.fromisoformat(text))


def _ical_value(element: ET.Element) -> str:
    """An xCal value as iCalendar writes it."""
    kind = element.tag.removeprefix(XCAL)
    if kind == "recur":
        parts = [f"{p.tag.removeprefix(XCAL).upper()}={_ical_time(p.text or '')}" for p in element]
        return ";".join(parts)
    text = element.text or ""
    if kind in ("date-time", "date"):
        return _ical_time(text)
    if kind == "utc-offset":
        return text.replace(":", "")
    if kind == "text":
        return (
            text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
        )
    return text


def _ical_time(text: str) -> str:
    return text.replace("-", "").replace(":", "") if text[:4].isdigit() else text


def _ical_lines(component: ET.Element) -> list[str]:
    name = component.tag.removeprefix(XCAL).upper()
    lines = [f"BEGIN:{name}"]
    for prop in component.findall(f"{XCAL}properties/*"):
        params = "".join(
            f";{p.tag.removeprefix(XCAL).upper()}={p[0].text}"
            for p in prop.findall(f"{XCAL}parameters/*")
        )
        values = [v for v in prop if v.tag != f"{XCAL}parameters"]
        kind = values[0].tag.removeprefix(XCAL)
        if kind in ("date", "duration", "uri") and prop.tag != f"{XCAL}url":
            params += f";VALUE={kind.upper()}"
        value = ",".join(_ical_value(v) for v in values)
        lines.append(f"{prop.tag.removeprefix(XCAL).upper()}{params}:{value}")
    for child in component.findall(f"{XCAL}components/*"):
        lines += _ical_lines(child)
    return [*lines, f"END:{name}"]


def from_xcal(body: bytes) -> Sessions:
    """xCal turned back into iCalendar by its RFC 6321 mapping, then read by icalendar."""
    (calendar,) = ET.fromstring(body)
    return from_ics("\r\n".join(_ical_lines(calendar)).encode("utf-8") + b"\r\n")


def _frab_row(start: str, duration: str, room: str) -> tuple[str, str, str]:
    begins = datetime.fromisoformat(start)
    hours, minutes = map(int, duration.split(":"))
    if (begins.hour, begins.minute, hours, minutes) == (0, 0, 24, 0):  # the whole day
        return begins.date().isoformat(), (begins.date() + timedelta(days=1)).isoformat(), room
    return _utc(begins), _utc(begins + timedelta(hours=hours, minutes=minutes)), room


def _uid(url: str) -> str:
    return url.split("/events/", 1)[1].strip("/")


def from_frab_xml(body: bytes) -> Sessions:
    root = ET.fromstring(body)
    return {
        _uid(e.findtext("url") or ""): (
            *_frab_row(
                e.findtext("date") or "", e.findtext("duration") or "", e.findtext("room") or ""
            ),
            "CONFIRMED",
        )
        for e in root.iter("event")
    }


def from_frab_json(body: bytes) -> Sessions:
    days = json.loads(body)["schedule"]["conference"]["days"]
    return {
        _uid(e["url"]): (*_frab_row(e["date"], e["duration"], e["room"]), "CONFIRMED")
        for day in days
        for events in day["rooms"].values()
        for e in events
    }


def from_csv(body: bytes) -> Sessions:
    rows = csv.DictReader(io.StringIO(body.decode("utf-8-sig")))
    found = {}
    for row in rows:
        if row["start"]:
            zone = ZoneInfo(row["zone"])
            start = datetime.fromisoformat(row["start"]).replace(tzinfo=zone)
            end = datetime.fromisoformat(row["end"]).replace(tzinfo=zone)
            when = (_utc(start), _utc(end))
        else:
            day = date.fromisoformat(row["date"])
            when = (day.isoformat(), (day + timedelta(days=1)).isoformat())
        room = row["room"].removeprefix("'") or None
        found[row["uid"]] = (*when, room, row["status"].upper())
    return found
