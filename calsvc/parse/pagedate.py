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
from ..model import UNREAD
from .blocks import Block
from .dates import Day, read_day, read_days
from .forms import Mention
from .notes import Notes
from .ranges import read_range
from .roles import MAX_ROW_LENGTH, QUOTE, is_deadline, is_metadata
from .terminals import skip_from
from .tokenkinds import T
from .tokens import tokenize
from .weekdays import MAX_WEEK, date_weekdays, day_on, weekday_above
from .when import may_begin
from .years import infer_year, years_for

MAX_PROSE_LINES = 200  # lines above undated rows searched for the page's date in its prose
HOURS_AFTER = 4  # tokens after a date in which its hours may begin ('de 9:30', ', orele 8')
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
    prose = list(_prose_dates(lines[: undated[0].line - 1])) if undated else []
    if undated:
        said = _said_above(said, prose, lines, undated[0].line, undated[-1].line)
    base = year or _year(said, reference)
    named = _named(said, base)
    if undated:
        sayings = list(dict.fromkeys(said + prose))  # (said may be that prose already)
        hours = {when for when in _said_with_hours(sayings, lines, base) if when in named}
        weekdays = {
            when
            for _, mention in sayings
            if mention.first.weekday is not None and (when := _on(mention.first, base)) in named
        }
        marked = [(hours, "with its hours"), (weekdays, "with its weekday")]
        day = _page_day(undated, _in_year(named, year), marked, given, lines, notes)
        for block in undated:
            block.day = day
    weekly = [b for b in blocks if b.day is not None and b.day.partial]
    if weekly:
        days = _in_year(named, year)
        if not days:  # ('… se uskuteční 9.-11. února v Olomouci.': a run in a paragraph)
            paragraphs = _prose_dates(lines[: weekly[0].line - 1], runs=True)
            days = _in_year(_named(list(paragraphs), base), year)
        date_weekdays(weekly, sorted(days), notes)
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
            day = day_on(when, block.day.text)
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


def dates_named(text: str, *, runs: bool = False) -> Iterator[Day]:
    """Every date a piece of prose names, read from each place one may begin, in order; with
    `runs`, a run of days ('9.-11. února') names its first and last."""
    tokens = tokenize(text)
    past = 0
    for first in range(len(tokens)):
        if first < past or not may_begin(tokens, first):
            continue
        try:
            run = read_days(tokens, first) if runs else None
            found = None if run else read_day(tokens, first)
        except HeaderProblem:
            run = found = None
        if run is not None:
            yield from run[:2]
            past = run[2]
        elif found is not None:
            yield found[0]


def _said_above(
    said: list[tuple[int, Mention]],
    prose: list[tuple[int, Mention]],
    lines: list[str],
    first: int,
    last: int,
) -> list[tuple[int, Mention]]:
    """The dates that may be the rows' day, as a page states it before them: the lines above
    the first row, then its paragraphs too long to be read line by line (`prose`); else the
    lines anywhere, then the paragraphs above the last row (a blog title '09.11: …' read as a
    time stands above the sentence that names the day)."""
    above = [(line, mention) for line, mention in said if line < first]
    return above or prose or said or list(_prose_dates(lines[: last - 1]))


def _prose_dates(lines: list[str], *, runs: bool = False) -> Iterator[tuple[int, Mention]]:
    """The dates named in the text above the rows, in paragraphs of any length (with `runs`,
    the ends of a run of days too)."""
    for number, line in enumerate(lines[:MAX_PROSE_LINES], start=1):
        if not _DIGIT.search(line) or is_deadline(line) or is_metadata(line):
            continue
        for day in dates_named(line[:MAX_ROW_LENGTH], runs=runs):
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
    marked: list[tuple[set[date], str]],
    given: date | None,
    lines: list[str],
    notes: Notes,
) -> Day | None:
    first = undated[0].line
    if given is not None:
        message = f"rows with no day heading are on {given:%a %d %B %Y}, the data file's date"
        notes.add(first, "info", "page-date", message)
        return day_on(given, f"{given:%Y-%m-%d}")
    if len(named) == 1:
        when, (line, text) = next(iter(named.items()))
        if (moved := weekday_above(lines, first, when)) is not None:
            when, line, text = moved
        message = (
            f"rows with no day heading are on {when:%a %d %B %Y}, the one date the page gives "
            f"({text!r}, line {line})"
        )
        notes.add(first, "info", "page-date", message)
        return day_on(when, text)
    for dates, how in marked:  # of several dates, the one written with its hours, else
        if len(dates) == 1 and (when := next(iter(dates))) in named:  # with its weekday
            line, text = named[when]
            others = ", ".join(f"{t!r} (line {n})" for d, (n, t) in named.items() if d != when)
            message = (
                f"rows with no day heading are on {when:%a %d %B %Y}, the one date the page "
                f"gives {how} (first {text!r}, line {line}); it names {others} too"
            )
            notes.add(first, "info", "page-date", message)
            return day_on(when, text)
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
        notes.add(block.line, "warning", UNREAD, message)
    return None


def _said_with_hours(
    said: list[tuple[int, Mention]], lines: list[str], base: int
) -> Iterator[date]:
    for line, mention in said:
        if _with_hours(lines[line - 1], mention.first.text) and (when := _on(mention.first, base)):
            yield when


def _with_hours(line: str, text: str) -> bool:
    """Whether a date is written with the hours of its day right after it ('el 4 de febrer
    de 9:30 a 14:00h', 'Ve čtvrtek 21. 03. 2024 od 09.30 hodin'): the event's own day, where
    a page names others (the day it was posted, a deadline)."""
    at = line.find(text)
    if at < 0:
        return False
    tokens = tokenize(line[at + len(text) : at + len(text) + MAX_ROW_LENGTH])
    for first in range(min(len(tokens), HOURS_AFTER)):
        if tokens[first].kind not in (T.CLOCK, T.NUMBER):
            continue
        try:
            return read_range(tokens, first) is not None and first == skip_from(tokens, first - 1)
        except HeaderProblem:
            return False
    return False
