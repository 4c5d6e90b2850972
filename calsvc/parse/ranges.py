"""Ranges and lengths of time: the grammar's `range` and `open` (see when.py), a start, maybe
an end (or one left open) and a zone ('9-10am', 'von 9 bis 12 Uhr', '17:00 - ...') read
into a Span with the a.m. or p.m. its ends share; and its `length` ('(45 min)', '2 hours').
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..errors import HeaderProblem
from . import lexicon as lx
from .clock import Clock, Time, clock_of, read_time
from .dates import Day, read_day
from .terminals import at, in_words, is_dash, means, skip_from
from .tokenkinds import T
from .tokens import Tokens

_HOURS_GLUED = re.compile(r"(\d{1,2})[hH](\d{2})?")  # a length written as a clock: '1h', '1h50'
MAX_BACKWARDS = 60  # minutes an end may stand before its start in a range written wrong


class Span(NamedTuple):
    """The times of a session as written: a start, maybe an end (on a later day), a zone, and
    a remark on how an odd time was read ('13:00 pm' is 13:00)."""

    start: Clock
    end: Clock | None = None
    end_day: Day | None = None
    zone: str | None = None
    remark: str | None = None
    clock: str = ""  # '12': written with a.m./p.m.; '24': past 12, or '06:30' (a 0 before an


def _zone(tokens: Tokens, i: int) -> tuple[str | None, int]:
    """An optional zone, bare or in brackets: 'CST', '(PST)'."""
    if at(tokens, i, T.ZONE):
        return tokens[i].text, i + 1
    if at(tokens, i, T.OPEN) and at(tokens, i + 1, T.ZONE) and at(tokens, i + 2, T.CLOSE):
        return tokens[i + 1].text, i + 3
    return None, i


def read_range(tokens: Tokens, i: int, *, hhmm: bool = False) -> tuple[Span, int] | None:
    """A start time and an optional end: '9:00-10:30am', '8:30 a.m.–Noon', '12:00 -- 06:00 PM',
    'von 9 bis 12 Uhr', '10:00～12:00', '15.30 – 19 horas'.

    The start takes the end's a.m./p.m. when it has none of its own, unless that would put it
    after the end ('11-1 pm' starts at 11 a.m.; '12:00 -- 06:00 PM' at noon); a bare start
    takes the end's hour mark ('9 bis 12 Uhr').
    """
    i = skip_from(tokens, i)
    first = read_time(tokens, i, bare=hhmm or _dash_then_time(tokens, i + 1))
    if first is None:
        return None
    start, i = first
    if start.hour == 24 and start.text[:2].isdigit() and ":" not in start.text:
        return None  # 'abierta 24 horas': open round the clock, no start at midnight
    zone, i = _zone(tokens, i)
    end: Time | None = None
    end_day: Day | None = None
    if is_dash(tokens, i) or at(tokens, i, T.CLOCK):  # '07:30   08:30': no dash between
        j = i + 1 if is_dash(tokens, i) else i
        if (day := read_day(tokens, j)) is not None:
            if start.text.isdigit() and not start.meridiem:
                return None  # '24 a 27 de agosto': days, not a time and a day
            end_day, j = day
            if at(tokens, j, T.SEP) and tokens[j].text == ",":
                j += 1
        if in_words(tokens, j, lx.lexicon().abouts) and at(tokens, j + 1, T.CLOCK):
            j += 1  # '20:00 - ca. 20:45'
        if _no_hour(tokens, j) or _article_then_number(tokens, i, j):
            return _span(start, None, None, zone), i  # '9:00 hod. – 90 let od založení'
        if (second := read_time(tokens, j, bare=True)) is not None:
            end, i = second
            end_zone, i = _zone(tokens, i)
            zone = zone or end_zone
        elif (open_end := _open_end(tokens, j)) > j:
            i = open_end  # '19:00 – …', '06:30 PM - ??:?? PM': no end written
    return _span(start, end, end_day, zone), i


def _article_then_number(tokens: Tokens, i: int, j: int) -> bool:
    """'17.00 A 15 éves kör': a capitalised word that is also a range sign ('a', 'to'), then
    a bare number, opens the title (a Hungarian article); '10 a 12' is a range."""
    return (
        at(tokens, i, T.WORD)
        and tokens[i].text[:1].isupper()
        and at(tokens, j, T.NUMBER)
        and not at(tokens, j + 1, T.MERIDIEM)
    )


@functools.cache
def _open_end_phrases() -> tuple[tuple[str, ...], ...]:
    """The words that leave an end open, each in its words, longest first ('open end')."""
    phrases = (tuple(phrase.split()) for phrase in lx.lexicon().open_ends)
    return tuple(sorted(phrases, key=len, reverse=True))


def _open_end(tokens: Tokens, i: int) -> int:
    """Past an end left open: '…', '...', '??:??', '?' (and a.m./p.m. after it), or a word
    that says so ('18.00-selesai', '22:00 – late')."""
    for parts in _open_end_phrases() if at(tokens, i, T.WORD) else ():
        if all(at(tokens, i + k, T.WORD) and tokens[i + k].lower == w for k, w in enumerate(parts)):
            return i + len(parts)  # ('18:00 – open end', '22:00 - till late')
    j = i
    while (
        j < len(tokens)
        and tokens[j].kind in (T.WORD, T.COLON)
        and set(tokens[j].text) <= set("?.…:")
    ):
        j += 1
    if j > i and at(tokens, j, T.MERIDIEM):
        j += 1
    return j


def _span(start: Time, end: Time | None, end_day: Day | None, zone: str | None) -> Span:
    remark = None
    odd = [t for t in (start, end) if t is not None and t.meridiem and t.hour > 12]
    if odd:
        remark = f"{odd[0].text!r} is a 24-hour time with a.m./p.m.; read as {odd[0].hour}:" + (
            f"{odd[0].minute:02}"
        )
    hint = start.meridiem
    if hint is None and not start.named and end is not None and end_day is None:
        hint = end.meridiem
    start_clock = clock_of(start, hint)
    end_clock = clock_of(end, end.meridiem) if end else None
    if (
        end is not None
        and end.meridiem == "a"
        and end.hour == 12
        and start.meridiem != "p"
        and (start_clock.hour, start_clock.minute) > (0, end.minute)
    ):
        end_clock = Clock(12, end.minute)  # '11:30 - 12:30 am': the slip of a noon end
    if (
        start.meridiem is None
        and hint == "p"
        and end_clock is not None
        and start.hour != 12
        and (start_clock.hour, start_clock.minute) > (end_clock.hour, end_clock.minute)
    ):
        start_clock = clock_of(start, "a")
    if end is not None and (start.hour == 24 or end.hour == 24 and end.meridiem):
        raise HeaderProblem(f"{start.text!r} is not a time: hour 24 is past 23")
    if end is not None and end_clock and not end_day and _backwards(start_clock, end_clock):
        remark = f"{end.text!r} is before the start {start.text!r}; the end is left out"
        end_clock = None  # ('17h30-17h00': a slip; not a session that ends the next day)
    return Span(start_clock, end_clock, end_day, zone, remark, _which_clock(start, end))


def _backwards(start: Clock, end: Clock) -> bool:
    """Whether a range ends a little before it starts ('17h30-17h00', '11:25 - 11:10' as a
    page written right to left may be copied), not overnight ('22:00 - 02:00')."""
    minutes = (start.hour - end.hour) * 60 + start.minute - end.minute
    return 0 < minutes <= MAX_BACKWARDS


def _which_clock(*times: Time | None) -> str:
    """Which clock a range is written on, if it says: '12', '24' or ''."""
    written = [t for t in times if t is not None and not t.named]
    if any(t.meridiem for t in written):
        return "12"
    if any(t.hour > 12 or t.text[:1] == "0" and 1 <= t.hour <= 7 for t in written):
        return "24"
    return ""


def _no_hour(tokens: Tokens, j: int) -> bool:
    """Whether a bare number after a range's dash can be no hour ('– 90 let'): a title's."""
    return (
        j < len(tokens)
        and tokens[j].kind == T.NUMBER
        and len(tokens[j].text) <= 2
        and tokens[j].value > 24
    )


def _dash_then_time(tokens: Tokens, i: int) -> bool:
    return is_dash(tokens, i) and i + 1 < len(tokens) and tokens[i + 1].kind in (T.CLOCK, T.NUMBER)


MAX_LENGTH = 7 * 24 * 60  # minutes: a stated length longer than a week is no session's


def read_length(tokens: Tokens, i: int) -> tuple[int, int] | None:
    """A length of time and the position after it: '(45 min)', '2 hours', '(1 h 30 min)'."""
    opened = at(tokens, i, T.OPEN)
    j = i + 1 if opened else i
    minutes = 0
    while True:
        if at(tokens, j, T.NUMBER) and (unit := means(tokens, j + 1, T.LENGTH)) is not None:
            minutes, j = minutes + tokens[j].value * unit, j + 2
        elif at(tokens, j, T.CLOCK) and (hours := _HOURS_GLUED.fullmatch(tokens[j].text)):
            minutes += 60 * int(hours[1]) + int(hours[2] or 0)  # '(1h)', '(1h50min)'
            j += 2 if hours[2] and means(tokens, j + 1, T.LENGTH) == 1 else 1
        else:
            break
    if not minutes or minutes > MAX_LENGTH:
        return None  # ('(1000000000 hours)': no session's length)
    if opened:
        if not at(tokens, j, T.CLOSE):
            return None
        j += 1
    return minutes, j


def past_noon(span: Span) -> Span:
    """The span in the afternoon, its times written on a 12-hour clock without p.m. under
    a heading that says the afternoon ('下午' / '2:00~2:30'): 1 to 11 o'clock are p.m."""

    def later(clock: Clock) -> Clock:
        return Clock(clock.hour + 12, clock.minute) if 1 <= clock.hour <= 11 else clock

    return span._replace(start=later(span.start), end=span.end and later(span.end))
