"""VTIMEZONE rules: their shape, and four parsers reading times around every DST change as pytz does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytz

from calsvc.catalogue.spans import zones_of
from calsvc.ics.render import CALENDAR_TAIL, calendar_head, event_bytes
from calsvc.ics.vtimezone import _transitions, vtimezone
from calsvc.model import Conference, Revision, Session

from ..parsers import PYTHON_PARSERS, lint, moment, with_icaljs

STAMP = datetime(2026, 11, 1, tzinfo=UTC)


def test_vtimezone_new_york_is_two_yearly_rules() -> None:
    text = vtimezone("America/New_York", 2023, 2023).to_ical().decode()

    assert text.split("\r\n") == [
        "BEGIN:VTIMEZONE", "TZID:America/New_York",
        "BEGIN:DAYLIGHT", "DTSTART:20220313T020000",
        "RRULE:FREQ=YEARLY;UNTIL=20231231T235959Z;BYDAY=2SU;BYMONTH=3",
        "TZNAME:EDT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
        "BEGIN:STANDARD", "DTSTART:20221106T020000",
        "RRULE:FREQ=YEARLY;UNTIL=20231231T235959Z;BYDAY=1SU;BYMONTH=11",
        "TZNAME:EST", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
        "END:VTIMEZONE", "",
    ]  # fmt: skip


def test_vtimezone_without_dst_is_one_steady_observance() -> None:
    text = vtimezone("Asia/Kolkata", 2023, 2024).to_ical().decode()

    assert "RRULE" not in text and text.count("BEGIN:STANDARD") == 1 and "TZOFFSETTO:+0530" in text


@pytest.mark.parametrize(
    ("zone", "rules", "single"),
    [("Europe/Berlin", 2, 0), ("Australia/Sydney", 2, 0), ("America/Sao_Paulo", 1, 2)],
    ids=["europe-last-sunday", "southern-hemisphere", "irregular-dst-abolished"],
)
def test_vtimezone_uses_rules_where_yearly_and_single_transitions_elsewhere(
    zone: str, rules: int, single: int
) -> None:
    text = vtimezone(zone, 2018, 2020).to_ical().decode()

    components = text.count("BEGIN:STANDARD") + text.count("BEGIN:DAYLIGHT")
    assert (text.count("RRULE:"), components - text.count("RRULE:")) == (rules, single)


def _sessions_around_transitions(zone_name: str, first_year: int, last_year: int) -> list[Session]:
    zone = pytz.timezone(zone_name)
    moments = []
    for transition in _transitions(zone, first_year, last_year):
        for hours in (-25, -1, 0, 1, 25):
            moments.append(transition.utc.replace(tzinfo=UTC) + timedelta(hours=hours, minutes=30))
    moments += [
        datetime(year, month, 15, 12, tzinfo=UTC)
        for year in range(first_year, last_year + 1)
        for month in (1, 7)
    ]
    return [
        Session(uid=f"s{number}", source="x.txt", line=number, conference="c", kind="Talk", track=None, title="Talk",
                day=start.astimezone(zone).date(), start=zone.normalize(start.astimezone(zone)),
                end=zone.normalize((start + timedelta(minutes=45)).astimezone(zone)), end_inferred=False,
                timezone=zone_name, location=None, items=())
        for number, start in enumerate(moments)
    ]  # fmt: skip


ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Sao_Paulo", "Asia/Kolkata",
         "Africa/Casablanca", "Pacific/Chatham", "Europe/London"]  # fmt: skip


@pytest.mark.interop
@pytest.mark.parametrize("zone", ZONES)
def test_vtimezone_read_alike_by_four_parsers_around_dst_changes(zone: str, tmp_path: Path) -> None:
    sessions = _sessions_around_transitions(zone, 2018, 2024)
    conference = Conference(slug="c", name="C", timezone=zone, source="x.txt")
    revision = Revision(0, STAMP, STAMP)
    body = b"".join([
        calendar_head(name="Zones", description="test", zones=zones_of(sessions), ttl=timedelta(hours=1)),
        *(event_bytes(s, conference, revision, url=f"https://x/{s.uid}") for s in sessions),
        CALENDAR_TAIL,
    ])  # fmt: skip
    (tmp_path / "zone.ics").write_bytes(body)
    expected = {s.uid: (moment(s.start), moment(s.end)) for s in sessions}  # type: ignore[arg-type]

    readings = {name: parse(body) for name, parse in PYTHON_PARSERS.items()}
    readings["ical.js"] = with_icaljs([tmp_path / "zone.ics"])[str(tmp_path / "zone.ics")]

    assert (lint(body), readings) == ([], dict.fromkeys(readings, expected))
