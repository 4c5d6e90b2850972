"""The rows under one day heading, checked to run forward in time.

    Monday 3 June          12:00 Lunch      11:00 Talk      06:30 Run      ← a heading missed?

Rows under a heading rise through the day, or start again with the day's first start (one
room's rows, then the next room's), or at any time under a new place over the rows (a
table's band row, 'Raum H2'). A row that goes back before the day's first start, hours
before the row above it, is no row of that day: a heading above it was probably not read.
Such rows are not filed under the day above: they are left out until the next heading, and a
warning names the lines; when the rows before the jump are the fewer (a row put first out of
order, a block before the day's own), those are the ones left out. A row after a late-evening
one in the small hours ('23:00 Night walk', then '01:00 Stargazing') is the night going on: it
is on the next day.
"""

from __future__ import annotations

from itertools import groupby

from .blocks import Block
from .clock import Clock
from .notes import Notes

BACK = 120  # minutes a row may start before the row above it and still be the same day's
NIGHT_FROM, NIGHT_UNTIL = 20, 5  # a start from 20:00, then one before 05:00: the night
_ROWS = ("agenda", "table", "block")


def check_days(blocks: list[Block], notes: Notes) -> list[Block]:
    """The blocks without rows that run back before their day began (each run said once);
    rows after midnight marked to be on the next day."""
    dropped: set[int] = set()
    for _, run in groupby(blocks, key=lambda b: id(b.day) if b.layout in _ROWS else None):
        rows = [b for b in run if b.layout in _ROWS and b.span is not None and b.day is not None]
        if len(rows) > 1:
            dropped |= _check(rows, notes)
    return [b for b in blocks if id(b) not in dropped]


def _minutes(clock: Clock) -> int:
    return clock.hour * 60 + clock.minute


def _check(rows: list[Block], notes: Notes) -> set[int]:
    assert rows[0].span is not None and rows[0].day is not None
    first = previous = _minutes(rows[0].span.start)
    night = False
    for position, row in enumerate(rows[1:], start=1):
        assert row.span is not None
        start = _minutes(row.span.start)
        night = start < NIGHT_UNTIL * 60 and (night or previous >= NIGHT_FROM * 60)
        if row.day_room and row.day_room != rows[position - 1].day_room:
            first = min(first, start)  # the next room's rows, from its own first start
        if night:
            row.after_midnight = True
        elif start < first and previous - start > BACK:
            if len(rows) - position > position:  # the fewer rows are the ones out of place
                _said_before(rows, position, notes)
                return {id(b) for b in rows[:position]}
            _said(rows, position, previous, notes)
            return {id(b) for b in rows[position:]}
        previous = start
    return set()


def _said_before(rows: list[Block], position: int, notes: Notes) -> None:
    """The first rows of a day run later than the many after them: they are left out."""
    row, day = rows[0], rows[0].day
    after = rows[position]
    assert row.span is not None and after.span is not None and day is not None
    lines = ", ".join(str(b.line) for b in rows[:position])
    message = (
        f"under {day.text!r}, {position} rows (lines {lines}) start later than the "
        f"{len(rows) - position} rows after them, from {after.span.start.hour:02}:"
        f"{after.span.start.minute:02} on line {after.line}: they are left out rather than "
        "put on the wrong day; write their own day heading above them, or put them in order"
    )
    notes.add(row.line, "warning", "time-goes-back", message)


def _said(rows: list[Block], position: int, previous: int, notes: Notes) -> None:
    row, day = rows[position], rows[0].day
    assert row.span is not None and day is not None
    message = (
        f"{row.span.start.hour:02}:{row.span.start.minute:02} comes after "
        f"{previous // 60:02}:{previous % 60:02} under {day.text!r}: a day heading above line "
        f"{row.line} was probably not read, so its {len(rows) - position} rows up to the next "
        "heading are left out rather than put on the wrong day; write that day's heading "
        "(such as 'Tuesday 4 June 2024') above them"
    )
    notes.add(row.line, "warning", "time-goes-back", message)
