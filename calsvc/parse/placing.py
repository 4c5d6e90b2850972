"""Sessions placed in time: each dated block given its year (written, set, or inferred from
the weekdays), its day, and its start and end in the conference's zone, with a note for
each that cannot be (a date that does not exist, a range that ends before it starts) and
for a zone the header names that the conference's zone is not then.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytz

from ..model import FIRST_YEAR, LAST_YEAR, Conference
from .blocks import Block
from .dates import Day
from .labels import Label
from .notes import Notes
from .years import infer_year, localize, weekday_name, years_for


@dataclass
class Placed:
    """A block with its label read and its times placed in the conference's zone."""

    block: Block
    label: Label
    day: date | None = None
    start: datetime | None = None
    end: datetime | None = None
    end_inferred: bool = False


def place_dated(
    dated: list[Placed],
    conference: Conference,
    zone: pytz.BaseTzInfo,
    notes: Notes,
    *,
    year: int | None,
    reference: date,
) -> set[int]:
    """Places each dated block in time; the ids of those left out, whose date or range
    cannot be."""
    years = _resolve_years(dated, conference, year, reference, notes)
    if (stated := year or conference.year) is not None:
        years = [_stated_year(p, y, stated, notes) for p, y in zip(dated, years, strict=True)]
    warned: set[Day] = set()
    return {
        id(p) for p, y in zip(dated, years, strict=True) if not _place(p, y, zone, notes, warned)
    }


def _weekday_fits(written: Day, year: int) -> bool:
    try:
        return date(year, written.month, written.day).weekday() == written.weekday
    except ValueError:
        return False


def _stated_year(placed: Placed, year: int, stated: int, notes: Notes) -> int:
    """The year the data file states, for a heading that writes another year (copied from
    an earlier edition) with a weekday that fits the stated year and not its own: 'PONDELOK
    – 16. 11. 2025' on the page of a 2026 forum, where 16 November 2026 is the Monday."""
    written = placed.block.day
    if (
        written is None
        or written.year is None
        or year == stated
        or written.weekday is None
        or _weekday_fits(written, year)
        or not _weekday_fits(written, stated)
    ):
        return year
    message = (
        f"{written.text!r}: the year written is {year}, but the weekday fits {stated}, the "
        f"year this programme is set in; using {stated}"
    )
    notes.add(placed.block.line, "warning", "stale-year", message)
    return stated


def _resolve_years(
    dated: list[Placed], conference: Conference, year: int | None, reference: date, notes: Notes
) -> list[int]:
    parts = [p.block.day for p in dated if p.block.day is not None]
    base = year or conference.year
    if base is None:
        guess = infer_year(parts, reference)
        base = guess.year
        if guess.from_weekdays:
            also = (
                f" (also fits {', '.join(map(str, guess.alternatives))})"
                if guess.alternatives
                else ""
            )
            message = (
                f"no year given; the weekdays fit {base}{also}; set year for it in conferences.toml"
            )
        else:
            message = f"no year given and no weekday to infer it from; assuming {base}"
        if any(p.year is None for p in parts):
            notes.add(dated[0].block.line, "warning", "year-inferred", message)
    return years_for(parts, base)


def _date(placed: Placed, written: Day, year: int, notes: Notes, warned: set[Day]) -> date | None:
    block = placed.block
    if not FIRST_YEAR <= year <= LAST_YEAR:
        notes.add(
            block.line,
            "error",
            "bad-date",
            f"year {year} is out of range; this session is left out",
        )
        return None
    try:
        day = date(year, written.month, written.day)
    except ValueError:
        month = calendar.month_name[written.month]
        days = calendar.monthrange(year, written.month)[1]
        notes.add(
            block.line,
            "error",
            "bad-date",
            f"{written.text!r} is not a date: {month} {year} has {days} days; "
            "this session is left out",
        )
        return None
    if written.weekday is not None and written.weekday != day.weekday() and written not in warned:
        warned.add(written)  # once per heading, not once per row under it
        notes.add(
            block.line,
            "warning",
            "weekday-mismatch",
            f"{written.text!r}: {day:%d %B %Y} is a {weekday_name(day.weekday())}, "
            f"not a {weekday_name(written.weekday)}; using the date",
        )
    return day


def _place(
    placed: Placed, year: int, zone: pytz.BaseTzInfo, notes: Notes, warned: set[Day]
) -> bool:
    """Sets the day, start and end (when written); False when a date is impossible."""
    block, span = placed.block, placed.block.span
    assert block.day is not None and span is not None
    day = _date(placed, block.day, year, notes, warned)
    if day is None:
        return False
    if block.after_midnight:
        day += timedelta(days=1)
    placed.day = day
    if span.remark:
        notes.add(block.line, "warning", "odd-time", span.remark)
    placed.start = _at(block, day, span.start.hour, span.start.minute, zone, notes)
    if span.end is not None:
        end_day = day
        if span.end_day is not None:
            end_year = year + (1 if span.end_day.month < block.day.month else 0)
            found = _date(placed, span.end_day, span.end_day.year or end_year, notes, warned)
            if found is None:
                return False
            end_day = found
        elif (span.end.hour, span.end.minute) <= (span.start.hour, span.start.minute):
            end_day += timedelta(days=1)  # '11 p.m. – 1 a.m.' ends the next day
        placed.end = _at(block, end_day, span.end.hour, span.end.minute, zone, notes)
        if placed.end <= placed.start:
            notes.add(
                block.line,
                "error",
                "bad-range",
                f"{block.date_text!r} ends before it starts; this session is left out",
            )
            return False
    if span.zone and not _zone_agrees(span.zone, placed.start):
        notes.add(
            block.line,
            "warning",
            "zone-mismatch",
            f"the header says {span.zone} but {zone.zone} is {placed.start.tzname()} then; "
            f"times are read in {zone.zone}",
        )
    return True


def _at(
    block: Block, day: date, hour: int, minute: int, zone: pytz.BaseTzInfo, notes: Notes
) -> datetime:
    aware, problem = localize(datetime.combine(day, time(hour, minute)), zone)
    if problem:
        notes.add(block.line, "warning", "dst", problem)
    return aware


def _zone_agrees(abbreviation: str, moment: datetime) -> bool:
    name = moment.tzname() or ""
    if abbreviation == name or (
        abbreviation in {"UTC", "GMT", "Z"} and moment.utcoffset() == timedelta(0)
    ):
        return True
    # 'PT' or 'ET' names the zone without saying which half of the year.
    return (
        len(abbreviation) == 2
        and abbreviation[1] == "T"
        and name[:1] == abbreviation[0]
        and len(name) == 3
    )
