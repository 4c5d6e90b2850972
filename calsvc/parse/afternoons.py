"""Programmes on a 12-hour clock that leave out 'p.m.': '12:00 - 1:00 Lunch', then '1:30 -
3:00 Workshops'. Read as written, lunch would end at 1 a.m. the next day and the workshops
would start at 1:30 a.m.

On a day where no time is past 12:59 and none is written with a.m. or p.m. (so the day is
on neither a 24-hour clock nor a marked 12-hour one), a start from 1 to 7 o'clock after a
start at 8 or later that day is in the afternoon, and so is an end that would come before
its start. Other days of the programme may be written otherwise. On any day, a start from
1 to 7 o'clock written without a.m. or p.m. right after an afternoon start ('13:30', then
'3:45 5:30') is in the afternoon too: no page goes from the afternoon to before dawn (from
the late evening it may: '23:00', then '01:00' is the night). A day whose every start is
from 1 to 6 o'clock, none marked, is an afternoon ('1.00-1.20 Welcome' … '4.10-5.45').
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block
from .clock import Clock
from .dates import Day
from .notes import Notes
from .ranges import Span


def read_afternoons(blocks: Sequence[Block], notes: Notes) -> None:
    """Moves the afternoon times of 12-hour days past noon, saying so once."""
    marked = {
        _key(b.day) for b in blocks if b.span is not None and b.day is not None and b.span.clock
    }
    morning = _small_hours(blocks) - marked  # days with a start at 8 or later so far, and
    # days whose every start is 1 to 6 o'clock, unmarked: no programme runs before dawn
    last: dict[tuple[int, int, int | None], int] = {}  # the hour of each day's latest start
    moved: list[Block] = []
    for block in blocks:
        if block.span is None or block.day is None or block.span.end_day is not None:
            continue
        day = _key(block.day)
        after_noon = (  # ('23:00 Night walk', then '01:00 Stargazing', is the night)
            12 <= last.get(day, 0) <= block.span.start.hour + 12 < 20 and not block.span.clock
        )
        if day in marked and not after_noon:
            last[day] = block.span.start.hour
            continue
        span = _afternoon(block.span, after_morning=day in morning or after_noon)
        if span != block.span:
            block.span = span
            moved.append(block)
        if span.start.hour >= 8:
            morning.add(day)
        last[day] = span.start.hour
    if moved:
        notes.add(
            moved[0].line,
            "info",
            "twelve-hour",
            f"on days where no time is past 12:59 and none is a.m. or p.m., {len(moved)} "
            "sessions whose times would run backwards are read in the afternoon (1:30 after "
            "11:00 is 13:30), and so are days of only 1 to 6 o'clock; write p.m. or 24-hour "
            "times to say otherwise",
        )


def _small_hours(blocks: Sequence[Block]) -> set[tuple[int, int, int | None]]:
    """The days whose every start is from 1 to 6 o'clock, written without a.m. or p.m.
    ('1.00-1.20 Welcome', '4.10-5.45 Postcards'): an afternoon's programme."""
    hours: dict[tuple[int, int, int | None], list[int]] = {}
    for block in blocks:
        if block.span is not None and block.day is not None and not block.span.clock:
            hours.setdefault(_key(block.day), []).append(block.span.start.hour)
    return {day for day, starts in hours.items() if all(1 <= h <= 6 for h in starts)}


def _key(day: Day) -> tuple[int, int, int | None]:
    return day.month, day.day, day.year


def _afternoon(span: Span, *, after_morning: bool) -> Span:
    start, end = span.start, span.end
    if after_morning and 1 <= start.hour <= 7:
        start = Clock(start.hour + 12, start.minute)
    if end is not None and end <= start and end.hour < 12 and (end.hour + 12, end.minute) > start:
        end = Clock(end.hour + 12, end.minute)  # '12:00 - 1:00' ends at 1 p.m.
    return span._replace(start=start, end=end)
