"""The date a page states once: for time rows under no day heading, and weekday headings.

A workshop page says 'The workshop will be held on June 8, 2023' (or gives its hours on a
line: '08:00 AM – 06:00 PM (Central Time), Dec 2, 2022') and then lists time rows with no
day heading: those rows are on that date, and an info note names the line it came from. A
`date` in the data file says the same where the page does not. When the page names several
dates and no heading, nothing is guessed: an error names them.

A summer school gives its days once ('July 4th - July 8th 2022') and then heads each day
with its weekday alone ('Monday', 'Tuesday'): each weekday is the next day of that name in
those days. Deadlines ('Submission deadline: May 1') are never the day of the programme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from ..errors import HeaderProblem
from .blocks import Block
from .dates import Day, read_day
from .forms import Mention
from .notes import Notes
from .roles import MAX_ROW_LENGTH, QUOTE, is_deadline, is_metadata
from .tokenkinds import T
from .tokens import Token, Tokens, tokenize
from .when import may_begin
from .years import infer_year, years_for

MAX_WEEK = 14  # days: a page's dates further apart than this hold no one week of weekdays
MONTH_AROUND = 31  # days either side of the page's dates where 'Friday the 25th' may fall
MAX_PROSE_LINES = 200  # lines above undated rows searched for the page's date in its prose
WEEKDAY_LINES = 2  # lines right above the rows whose weekday moves the page's date to it
_DIGIT = re.compile(r"\d")


class Dated(NamedTuple):
    blocks: list[Block]  # with their days; those that have none left out
    first_left_out: int | None  # the first line of a row left out for want of a day


def date_rows(
    blocks: list[Block],
    mentions: list[tuple[int, Mention]],
    lines: list[str],
    *,
    year: int | None,
    given: date | None,
    reference: date,
    notes: Notes,
) -> Dated:
    """The blocks, with rows under no heading dated and weekday headings made dates; rows
    that cannot be dated are left out, and a note says why."""
    undated = [b for b in blocks if b.day is None and b.span is not None]
    said = [(line, m) for line, m in mentions if not m.deadline]
    if not said and undated:  # a date inside a paragraph too long to be read line by line,
        said = list(_prose_dates(lines[: undated[0].line - 1]))  # above the rows, or above
        said = said or list(_prose_dates(lines[: undated[-1].line - 1]))  # their last one
    base = year or _year(said, reference)
    named = _named(said, base)
    if undated:
        day = _page_day(undated, _in_year(named, year), given, lines, notes)
        for block in undated:
            block.day = day
    weekly = [b for b in blocks if b.day is not None and b.day.partial]
    if weekly:
        _date_weekdays(weekly, sorted(named), notes)
    kept = [b for b in blocks if b.span is None or b.day is not None and not b.day.partial]
    left_out = [b.line for b in blocks if b.span is not None and b.day is None]
    return Dated(_each_day(kept, base, notes), min(left_out, default=None))


def _each_day(blocks: list[Block], base: int, notes: Notes) -> list[Block]:
    """The rows under a run of days ('From Monday to Thursday (5th till 8th of July)'), once
    on each day of it, a day's rows together."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        run = [block]
        while index + len(run) < len(blocks) and _same_run(blocks[index + len(run)], block):
            run.append(blocks[index + len(run)])
        index += len(run)
        if block.day is None or block.last_day is None:
            out += run
            continue
        for when in _days_of_run(block.day, block.last_day, base, block.line, notes):
            day = _day(when, block.day.text)
            out += [replace(b, day=day, last_day=None, body=list(b.body)) for b in run]
    return out


def _days_of_run(first: Day, last: Day, base: int, line: int, notes: Notes) -> list[date]:
    """The days from the first to the last of a run ('Monday to Thursday' after the first is
    dated); the first alone, with a warning, for a run longer than two weeks."""
    start = _on(first, base)
    if start is None:
        return []
    end = _on(last, start.year) if not last.partial else None
    if last.partial and last.weekday is not None:
        days = (last.weekday - start.weekday()) % 7
    elif end is not None:
        days = (end - start).days  # ('30 December – 2 January': into the next year)
        days += (date(start.year + 1, 1, 1) - date(start.year, 1, 1)).days if days < 0 else 0
    else:
        days = MAX_WEEK + 1
    if days > MAX_WEEK:
        message = (
            f"{first.text!r} is no run of days within two weeks; its rows are read on "
            f"{start:%d %B} only"
        )
        notes.add(line, "warning", "run-of-days", message)
        days = 0
    return [start + timedelta(days=offset) for offset in range(days + 1)]


def _same_run(block: Block, first: Block) -> bool:
    return (
        block.last_day is not None and block.last_day == first.last_day and block.day == first.day
    )


def _in_year(named: dict[date, tuple[int, str]], year: int | None) -> dict[date, tuple[int, str]]:
    """The named days in the programme's year, when the data file gives it and some are: a
    page that recalls another year's date ('El 27 de julio de 2012, el Congreso…') names no
    day of this programme with it."""
    kept = {day: said for day, said in named.items() if day.year == year}
    return kept if year is not None and kept else named


def dates_named(text: str) -> Iterator[Day]:
    """Every date a piece of prose names, read from each place one may begin, in order."""
    tokens = tokenize(text)
    for first in range(len(tokens)):
        try:
            found = read_day(tokens, first) if may_begin(tokens, first) else None
        except HeaderProblem:
            found = None
        if found is not None:
            yield found[0]


def _prose_dates(lines: list[str]) -> Iterator[tuple[int, Mention]]:
    """The dates named in the text above the rows, in paragraphs of any length."""
    for number, line in enumerate(lines[:MAX_PROSE_LINES], start=1):
        if not _DIGIT.search(line) or is_deadline(line) or is_metadata(line):
            continue
        for day in dates_named(line[:MAX_ROW_LENGTH]):
            if not day.partial:
                yield number, Mention(day)


def _year(said: list[tuple[int, Mention]], reference: date) -> int:
    """The year the page's own dates are in: written, or fitting their weekdays."""
    days = [m.first for _, m in said]
    written = [d.year for d in days if d.year is not None]
    return written[0] if written else infer_year(days, reference).year


def _named(said: list[tuple[int, Mention]], base: int) -> dict[date, tuple[int, str]]:
    """Each day the page's text names, with the line and words that first name it."""
    found: dict[date, tuple[int, str]] = {}
    for line, mention in said:
        for day in (mention.first, mention.last):
            if day is not None and not day.partial and (when := _on(day, base)):
                found.setdefault(when, (line, day.text))
    return found


def _on(day: Day, base: int) -> date | None:
    try:
        return date(day.year or years_for([day], base)[0], day.month, day.day)
    except ValueError:
        return None


def _page_day(
    undated: list[Block],
    named: dict[date, tuple[int, str]],
    given: date | None,
    lines: list[str],
    notes: Notes,
) -> Day | None:
    first = undated[0].line
    if given is not None:
        message = f"rows with no day heading are on {given:%a %d %B %Y}, the data file's date"
        notes.add(first, "info", "page-date", message)
        return _day(given, f"{given:%Y-%m-%d}")
    if len(named) == 1:
        when, (line, text) = next(iter(named.items()))
        if (moved := _weekday_above(lines, first, when)) is not None:
            when, line, text = moved
        message = (
            f"rows with no day heading are on {when:%a %d %B %Y}, the one date the page gives "
            f"({text!r}, line {line})"
        )
        notes.add(first, "info", "page-date", message)
        return _day(when, text)
    if named:
        listed = ", ".join(f"{text!r} (line {line})" for line, text in named.values())
        message = (
            f"{len(undated)} rows have no day heading, and the page names several dates: "
            f"{listed}; add a day heading above the rows, or set date for this source in the "
            "data file; they are left out"
        )
        notes.add(first, "error", "no-day-heading", message)
        return None
    for block in undated:
        message = (
            f"{lines[block.line - 1][:QUOTE]!r}: a time with no day heading above it; not read"
        )
        notes.add(block.line, "warning", "unread-header", message)
    return None


def _weekday_above(lines: list[str], first: int, when: date) -> tuple[date, int, str] | None:
    """The page's date moved to the weekday that the text right above the rows names, in the
    week after it: a cruise that gathers 'torsdag kväll 5.2.2026' and whose 'Fredagen
    startar med frukost …' stands over the rows holds them on Friday 6 February."""
    above = [n for n in range(first - 1, 0, -1) if lines[n - 1].strip()][:WEEKDAY_LINES]
    named: list[tuple[int, Token]] = []
    for number in above:  # the nearest line that names a weekday
        tokens = tokenize(lines[number - 1][:MAX_ROW_LENGTH])
        if any(t.kind in (T.DATE, T.DAYMONTH) for t in tokens):
            return None
        named = [
            (number, t)
            for i, t in enumerate(tokens)
            if t.kind == T.WEEKDAY and len(t.text) > 3 and not _dated(tokens, i)
        ]
        if named:
            break
    if len({token.value for _, token in named}) != 1 or named[0][1].value < 0:
        return None  # no weekday, or several
    number, token = named[0]
    ahead = (token.value - when.weekday()) % 7
    return (when + timedelta(days=ahead), number, token.text) if ahead else None


def _dated(tokens: Tokens, i: int) -> bool:
    """Whether the weekday at i begins a date ('miércoles 2 de agosto'): the date's own."""
    try:
        return read_day(tokens, i) is not None
    except HeaderProblem:
        return False


def _day(when: date, text: str) -> Day:
    return Day(when.month, when.day, when.weekday(), when.year, text)


def _date_weekdays(weekly: list[Block], named: list[date], notes: Notes) -> None:
    """Each heading without its month on the next day that fits it within the page's days:
    'Monday' the next Monday, 'Viernes, día 25' the next Friday the 25th (a month either
    side of them), 'Day 2' the second of them. Rows under one heading share its Day; a
    heading met again after others is the next week's."""
    days_of_month = all(b.day is not None and b.day.day for b in weekly)
    if not named or (named[-1] - named[0]).days > MAX_WEEK and not days_of_month:
        shown = ", ".join(sorted({b.day.text for b in weekly if b.day}))
        message = (
            f"weekday headings ({shown}) need the page's days, given once ('July 4th - July "
            "8th 2022'); the page gives none, or more than two weeks of them; their rows are "
            "left out"
        )
        notes.add(weekly[0].line, "warning", "weekday-heading", message)
        for block in weekly:
            block.day = None
        return
    cursor, heading, when = named[0] - timedelta(days=MONTH_AROUND * days_of_month), None, None
    last = named[-1] + timedelta(days=MONTH_AROUND * days_of_month)
    for block in weekly:
        assert block.day is not None
        if block.day is not heading:
            heading = block.day
            when = _numbered(heading, named) if heading.ordinal else _next(cursor, heading, last)
            if when is None:
                message = (
                    f"{heading.text!r} is no day between {named[0]:%d %B} and "
                    f"{named[-1]:%d %B %Y}, the days the page gives; its rows are left out"
                )
                notes.add(block.line, "warning", "weekday-heading", message)
            cursor = when + timedelta(days=1) if when else cursor
        block.day = None if when is None else _day(when, heading.text)


def _numbered(heading: Day, named: list[date]) -> date | None:
    """'Day 2': the second of the page's days, when it has that many."""
    when = named[0] + timedelta(days=heading.ordinal - 1)
    return when if when <= named[-1] else None


def _next(start: date, heading: Day, last: date) -> date | None:
    """The first day from `start` to `last` with the heading's weekday and day of the month."""
    if heading.weekday is None and not heading.day:
        return None
    day = start
    while day <= last:
        if heading.weekday in (None, day.weekday()) and heading.day in (0, day.day):
            return day
        day += timedelta(days=1)
    return None
