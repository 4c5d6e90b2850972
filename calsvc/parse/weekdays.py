"""Weekdays that date rows: headings dated within the days a page gives once ('Monday' is the
next Monday of a summer school's 'July 4th - July 8th 2022', 'Viernes, día 25' the next Friday
the 25th, 'Day 2' the second of them), and a weekday right above rows under no heading, which
moves the page's one date to it."""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import HeaderProblem
from .blocks import Block
from .dates import Day, read_day
from .notes import Notes
from .roles import MAX_ROW_LENGTH
from .tokenkinds import T
from .tokens import Token, Tokens, tokenize

MAX_WEEK = 14  # days: a page's dates further apart than this hold no one week of weekdays
MONTH_AROUND = 31  # days either side of the page's dates where 'Friday the 25th' may fall
WEEKDAY_LINES = 2  # lines right above the rows whose weekday moves the page's date to it


def day_on(when: date, text: str) -> Day:
    """The Day of a calendar date, written as the page wrote it."""
    return Day(when.month, when.day, when.weekday(), when.year, text)


def date_weekdays(weekly: list[Block], named: list[date], notes: Notes) -> None:
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
    dated: Day | None = None
    last = named[-1] + timedelta(days=MONTH_AROUND * days_of_month)
    for block in weekly:
        assert block.day is not None
        if block.day != heading:  # (rows that each write their weekday: one day)
            heading = block.day
            when = _numbered(heading, named) if heading.ordinal else _next(cursor, heading, last)
            if when is None:
                message = (
                    f"{heading.text!r} is no day between {named[0]:%d %B} and "
                    f"{named[-1]:%d %B %Y}, the days the page gives; its rows are left out"
                )
                notes.add(block.line, "warning", "weekday-heading", message)
            cursor = when + timedelta(days=1) if when else cursor
            dated = None if when is None else day_on(when, heading.text)
        block.day = dated  # (one Day for the heading's rows, which are checked as one day)


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


def weekday_above(lines: list[str], first: int, when: date) -> tuple[date, int, str] | None:
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
