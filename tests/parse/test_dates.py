"""Years inferred from weekdays, months that wrap, and DST-aware localization."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from calsvc.parse import clock, datecore, dates, ranges, when
from calsvc.parse.dates import Day
from calsvc.parse.years import YearGuess, infer_year, localize, years_for

TUE_6_JUN = Day(6, 6, 1, None, "")


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (date(2026, 11, 22), YearGuess(2023, (2017,), True)),
        (date(2020, 1, 1), YearGuess(2017, (), True)),
        (date(2027, 6, 1), YearGuess(2028, (2017, 2023), True)),
    ],
    ids=["today", "long-ago", "next-year-in-range"],
)
def test_infer_year_nearest_fitting_weekday(reference: date, expected: YearGuess) -> None:
    assert infer_year([TUE_6_JUN], reference) == expected


def test_infer_year_without_weekdays_assumes_reference_year() -> None:
    guess = infer_year([Day(6, 6, None, None, "")], date(2026, 11, 22))

    assert guess == YearGuess(2026, (), False)


def test_years_for_wraps_from_december_into_january() -> None:
    parts = [
        Day(12, 31, None, None, ""),
        Day(1, 1, None, None, ""),
        Day(1, 2, None, None, ""),
    ]

    assert years_for(parts, 2022) == [2022, 2023, 2023]


def test_infer_year_across_new_year_uses_both_dates() -> None:
    parts = [Day(12, 31, 5, None, ""), Day(1, 1, 6, None, "")]  # Sat 31 Dec, Sun 1 Jan

    assert infer_year(parts, date(2026, 11, 22)).year == 2022


@pytest.mark.parametrize(
    ("naive", "expected", "warned"),
    [
        (datetime(2023, 6, 6, 9, 0), "2023-06-06T09:00:00-04:00", False),
        (datetime(2023, 3, 12, 2, 30), "2023-03-12T03:30:00-04:00", True),
        (datetime(2023, 11, 5, 1, 30), "2023-11-05T01:30:00-04:00", True),
    ],
    ids=["summer", "skipped-by-dst", "repeated-by-dst"],
)
def test_localize_new_york(naive: datetime, expected: str, warned: bool) -> None:
    aware, problem = localize(naive, pytz.timezone("America/New_York"))

    assert (aware.isoformat(), problem is not None) == (expected, warned)


ZONES = ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Africa/Casablanca", "UTC",
         "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham"]  # fmt: skip


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(
    naive=st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2040, 12, 31)),
    zone_name=st.sampled_from(ZONES),
)
def test_localize_agrees_with_pytz_everywhere(naive: datetime, zone_name: str) -> None:
    """The fast path for wall times far from a transition gives pytz's own answer."""
    zone = pytz.timezone(zone_name)
    try:
        expected = zone.localize(naive, is_dst=None)
    except (pytz.NonExistentTimeError, pytz.AmbiguousTimeError):
        return
    aware, problem = localize(naive, zone)

    assert (aware.isoformat(), aware.tzname(), problem) == (
        expected.isoformat(), expected.tzname(), None
    )  # fmt: skip


def test_the_grammar_in_the_docstring_names_every_rule_the_code_has() -> None:
    """when.py's docstring is the grammar: each public `read_<rule>` of the modules that hold
    its parts has a line `<rule> :=` there, and each such line a `read_<rule>` or a step of one."""
    documented = set(re.findall(r"^\s{4}(\w+)\s*:=", when.__doc__ or "", flags=re.M))
    rules = {
        name.removeprefix("read_")
        for module in (when, dates, datecore, clock, ranges)
        for name in dir(module)
        if name.startswith("read_")
    }
    steps = {"of", "open"}  # read inside day and range

    assert (rules - documented, documented - rules - steps) == (set(), set())
