"""Dates and wall-clock times: which year a programme is in, and when its times really are."""

from __future__ import annotations

import bisect
import calendar
import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytz

from .dates import Day

YEARS_BACK, YEARS_AHEAD = 10, 1
_WEEKDAY_NAMES = list(calendar.day_name)


def years_for(parts: Sequence[Day], base_year: int) -> list[int]:
    """The year of each date: base_year, moving on when the months wrap (Dec → Jan)."""
    years: list[int] = []
    year, previous_month = base_year, None
    for part in parts:
        if part.year is not None:
            year = part.year
        elif previous_month is not None and previous_month - part.month >= 6:
            year += 1
        years.append(year)
        previous_month = part.month
    return years


def _fits(part: Day, year: int) -> bool:
    try:
        return date(year, part.month, part.day).weekday() == part.weekday
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class YearGuess:
    year: int
    alternatives: tuple[int, ...]
    from_weekdays: bool


def infer_year(parts: Sequence[Day], reference: date) -> YearGuess:
    """The year whose calendar fits the most weekdays, nearest the reference date.

    Candidates lie within the ten years before the reference and the one after it.
    """
    weekdayed = [p for p in parts if p.weekday is not None and p.year is None]
    candidates = range(reference.year - YEARS_BACK, reference.year + YEARS_AHEAD + 1)
    if not weekdayed:
        return YearGuess(reference.year, (), from_weekdays=False)
    # A day's sessions write its date alike: each run of one date is scored once, by its length.
    runs = []
    for _, same in itertools.groupby(parts, key=lambda p: (p.month, p.day, p.weekday, p.year)):
        run = list(same)
        runs.append((run[0], len(run)))
    dates = [part for part, _ in runs]
    scores = {}
    for candidate in candidates:
        years = years_for(dates, candidate)
        scores[candidate] = sum(
            count
            for (part, count), year in zip(runs, years, strict=True)
            if part.weekday is not None and part.year is None and _fits(part, year)
        )
    best = max(scores.values())
    if best == 0:
        return YearGuess(reference.year, (), from_weekdays=False)

    def distance(candidate: int) -> int:
        first = weekdayed[0]
        day = min(first.day, calendar.monthrange(candidate, first.month)[1])
        return abs((date(candidate, first.month, day) - reference).days)

    fitting = sorted((y for y, s in scores.items() if s == best), key=distance)
    return YearGuess(fitting[0], tuple(sorted(fitting[1:])), from_weekdays=True)


def weekday_name(weekday: int) -> str:
    return _WEEKDAY_NAMES[weekday]


_DAY = timedelta(days=1)


def _steady(naive: datetime, zone: pytz.BaseTzInfo) -> datetime | None:
    """The aware time when the zone's offset holds for a day either side of this wall time.

    pytz's localize looks at the offsets in force a day before and a day after and keeps those
    that reproduce the wall time; when no transition lies between, both are the same offset
    and that is the answer. This reads pytz's own tables (a zone with transitions keeps them
    in `_utc_transition_times`) and leaves every other case to localize itself.
    """
    times = getattr(zone, "_utc_transition_times", None)
    if not times:
        return None
    before = bisect.bisect_right(times, naive - _DAY)
    if before != bisect.bisect_right(times, naive + _DAY):
        return None
    info = zone._transition_info[max(0, before - 1)]  # type: ignore[attr-defined]
    steady: datetime = naive.replace(tzinfo=zone._tzinfos[info])  # type: ignore[attr-defined]
    return steady


@functools.lru_cache(maxsize=16384)
def localize(naive: datetime, zone: pytz.BaseTzInfo) -> tuple[datetime, str | None]:
    """The aware time for a wall-clock time, and a warning when a DST change skips or repeats it.

    Cached: parallel sessions share their times, and pytz's localize is the costliest step.
    """
    if (steady := _steady(naive, zone)) is not None:
        return steady, None
    try:
        return zone.localize(naive, is_dst=None), None
    except pytz.NonExistentTimeError:
        # Read with either offset, the later reading lands after the gap, as clocks do.
        readings = [zone.normalize(zone.localize(naive, is_dst=dst)) for dst in (False, True)]
        aware = max(readings)
        return aware, (
            f"{naive:%H:%M} does not exist on {naive:%Y-%m-%d} in {zone.zone} "
            f"(clocks go forward); read as {aware:%H:%M %Z}"
        )
    except pytz.AmbiguousTimeError:
        # The earlier instant is the first occurrence (pytz's is_dst flag is reversed
        # in zones with negative DST, such as Africa/Casablanca).
        aware = min(zone.localize(naive, is_dst=dst) for dst in (False, True))
        return aware, (
            f"{naive:%H:%M} happens twice on {naive:%Y-%m-%d} in {zone.zone} "
            f"(clocks go back); read as the first, {aware:%H:%M %Z}"
        )
