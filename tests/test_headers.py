"""The header grammar, one parametrized case per form the issue names."""

from __future__ import annotations

import pytest

from calsvc.parse.headers import Clock, DatedHeader, HeaderProblem, UndatedHeader, read_header


def _when(header: DatedHeader | UndatedHeader | None) -> tuple[object, ...] | None:
    if not isinstance(header, DatedHeader):
        return None
    end = (header.end.hour, header.end.minute) if header.end else None
    return (header.weekday, header.month, header.day, header.year,
            (header.start.hour, header.start.minute), end)  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Poster: X Tue 6 Jun 09:00 a.m.", (1, 6, 6, None, (9, 0), None)),
        ("Poster: X Tue Jun 6 09:00 a.m.", (1, 6, 6, None, (9, 0), None)),
        ("Workshop Sat Dec 10th 9 AM", (5, 12, 10, None, (9, 0), None)),
        ("Keynote Tuesday, June 6, 2023 1:30pm", (1, 6, 6, 2023, (13, 30), None)),
        ("Keynote Wednesday 31 August 2022 13:30", (2, 8, 31, 2022, (13, 30), None)),
        ("Keynote 6 Jun 13:30", (None, 6, 6, None, (13, 30), None)),
        ("Keynote 2023-06-06 13:30", (None, 6, 6, 2023, (13, 30), None)),
        ("Lunch Tue 6 Jun noon", (1, 6, 6, None, (12, 0), None)),
        ("Lunch Tue 6 Jun 12 noon", (1, 6, 6, None, (12, 0), None)),
        ("Party Tue 6 Jun midnight", (1, 6, 6, None, (0, 0), None)),
        ("Talk Tue 6 Jun 12:15 a.m.", (1, 6, 6, None, (0, 15), None)),
        ("Talk Tue 6 Jun 12:15 p.m.", (1, 6, 6, None, (12, 15), None)),
        ("Oral: X Tue 6 Jun 11:30 a.m. — 01:30 p.m.", (1, 6, 6, None, (11, 30), (13, 30))),
        ("Registration Tue 6 Jun 08:00 AM -- 06:30 PM", (1, 6, 6, None, (8, 0), (18, 30))),
        ("Oral Tue 6 Jun 9:00-10:30", (1, 6, 6, None, (9, 0), (10, 30))),
        ("Oral Tue 6 Jun 9:00 – 10:30", (1, 6, 6, None, (9, 0), (10, 30))),
        ("Oral Tue 6 Jun 9:00 to 10:30", (1, 6, 6, None, (9, 0), (10, 30))),
        ("Oral Tue 6 Jun 9:00-10:30 am", (1, 6, 6, None, (9, 0), (10, 30))),
        ("Oral Tue 6 Jun 11-1 pm", (1, 6, 6, None, (11, 0), (13, 0))),
        ("Oral Tue 6 Jun 1-3 pm", (1, 6, 6, None, (13, 0), (15, 0))),
        ("Oral Tue 6 Jun 11 p.m. - 1 a.m.", (1, 6, 6, None, (23, 0), (1, 0))),
    ],
    ids=[
        "weekday-day-month",
        "weekday-month-day",
        "ordinal-day",
        "full-names-commas-year",
        "full-names-24h",
        "no-weekday",
        "iso-date",
        "noon",
        "12-noon",
        "midnight",
        "12am",
        "12pm",
        "range-em-dash",
        "range-double-hyphen",
        "range-24h",
        "range-en-dash",
        "range-to",
        "range-shared-meridiem",
        "range-bare-start-crossing-noon",
        "range-bare-start",
        "range-past-midnight",
    ],
)
def test_read_header_dates_and_times(line: str, expected: tuple[object, ...]) -> None:
    header = read_header(line)

    assert _when(header) == expected


@pytest.mark.parametrize(
    ("line", "kind", "track"),
    [
        ("Poster: Parallel and Distributed Systems 2: Communication Tue 6 Jun 01:30 p.m.",
         "Poster", "Parallel and Distributed Systems 2: Communication"),
        ("Registration Desk Tue 6 Jun 07:30 a.m.", "Registration Desk", None),
        ("Opening Remarks Tue 6 Apr 08:00 a.m.", "Opening Remarks", None),
        ("Registration Desk: Registration Check-in Desk Wed 31 Aug 06:30 a.m.",
         "Registration Desk", "Registration Check-in Desk"),
        ("Oral: Session 1: Search and Devices Tue 6 Apr 09:30 a.m.", "Oral",
         "Session 1: Search and Devices"),
        ("INVITED TALK: Jane Doe Tue 6 Apr 09:30 a.m.", "Invited Talk", "Jane Doe"),
        ("Coffee Social: Hall B Tue 6 Apr 09:30 a.m.", "Coffee Social", "Hall B"),
    ],
    ids=["track-with-colon", "label-only", "opening-remarks", "registration-track",
         "oral-session", "kind-canonical-case", "unknown-kind-kept"],
)  # fmt: skip
def test_read_header_kind_and_track(line: str, kind: str, track: str | None) -> None:
    header = read_header(line)

    assert isinstance(header, DatedHeader)
    assert (header.kind, header.track) == (kind, track)


@pytest.mark.parametrize(
    ("line", "zone", "room"),
    [
        ("Keynote Tue 6 Jun 1:30pm PDT", "PDT", None),
        ("Keynote Tue 6 Jun 1:30pm - 2:30pm CAT", "CAT", None),
        ("Keynote Tue 6 Jun 1:30pm (UTC)", "UTC", None),
        ("Keynote Tue 6 Jun 1:30pm @ Room 116", None, "Room 116"),
        ("Keynote Tue 6 Jun 1:30pm PDT @ Ballroom A", "PDT", "Ballroom A"),
    ],
    ids=["zone", "zone-after-range", "zone-in-parentheses", "room", "zone-and-room"],
)
def test_read_header_zone_and_room(line: str, zone: str | None, room: str | None) -> None:
    header = read_header(line)

    assert isinstance(header, DatedHeader)
    assert (header.zone, header.room) == (zone, room)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Invited Talk: Alexander Rush", UndatedHeader("Invited Talk", "Alexander Rush")),
        ("Tutorial: Radu Marculescu · Ming Lin · Atlas Wang",
         UndatedHeader("Tutorial", "Radu Marculescu · Ming Lin · Atlas Wang")),
        ("Bio :Tutorial: Tushar Krishna", UndatedHeader("Tutorial", "Tushar Krishna")),
        ("Keynote: Grace Hopper", UndatedHeader("Keynote", "Grace Hopper")),
    ],
    ids=["invited-talk", "tutorial-many-speakers", "glued-after-bio", "keynote"],
)  # fmt: skip
def test_read_header_undated(line: str, expected: UndatedHeader) -> None:
    assert read_header(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Cortex: A Compiler for Recursive Deep Learning Models",
        "Schedule Mon Tue Wed Thu Fri",
        "The deadline is Tue 6 Jun 09:00 a.m.",
        "We met on Tue 6 Jun 09:00 a.m.",
        "Results improved. We ran it Tue 6 Jun 09:00 a.m.",
        "Registration 08:00 AM -- 06:30 PM",
        "Social hour Tue 6 Jun",
        "Tutorial: we will cover the basics of training.",
        "Session X " + "Tue 6 Jun 09:00 " * 30,
        "Abstract",
    ],
    ids=["paper-title-with-colon", "navigation", "sentence-is", "sentence-on",
         "sentence-with-period", "no-date", "no-time", "sentence-after-kind",
         "too-long", "marker"],
)  # fmt: skip
def test_read_header_traps_are_not_headers(line: str) -> None:
    assert read_header(line) is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Talk Tue 6 Jun 25:00", "'25:00' is not a time: hour 25 is past 23"),
        ("Talk Tue 6 Jun 13:00 p.m.", "'13:00 p.m.' is not a time: 13 o'clock has no p.m."),
        ("Talk Tue 6 Jun 09:75", "'09:75' is not a time: minute 75 is past 59"),
        ("Talk Tue 45 Jun 09:00", "day 45 is not a day of the month"),
        ("Talk 2023-13-01 09:00", "'2023-13-01' is not a date: there is no month 13"),
    ],
    ids=["hour-25", "13-pm", "minute-75", "day-45", "month-13"],
)
def test_read_header_impossible_values_raise(line: str, message: str) -> None:
    with pytest.raises(HeaderProblem) as problem:
        read_header(line)

    assert str(problem.value) == message


def test_read_header_keeps_written_text_of_date() -> None:
    header = read_header("Oral: X Tue 6 Jun 11:30 a.m. — 01:30 p.m. PDT")

    assert isinstance(header, DatedHeader)
    assert (header.date_text, header.start, header.end) == (
        "Tue 6 Jun 11:30 a.m. — 01:30 p.m.", Clock(11, 30), Clock(13, 30)
    )  # fmt: skip
