"""The grammar of dates, times and ranges, read from tokens.

    day    := [weekday [","]] (date | number [of] month | month number) ["," | of] [year]
    of     := "of" | "de" | "del" | "."                ('6th of June', '12 de mayo', '12. Mai')
    time   := clock [meridiem | hours] | number meridiem | hhmm hours | ["12"] noon | midnight
    range  := time [zone] [dash [day] time [zone]]        ('9-10am', '11 p.m. — 1 a.m.')
    when   := day [sep] ["at" | "from"] range [zone]       ('Thu, Jun 20 ⋅ 1:15 PM - 2:05 PM PDT')

Each rule takes the tokens and a position and gives back what it read with the position after
it, or None; none of them looks further than a few tokens, so reading a line is linear.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from ..errors import HeaderProblem
from .tokens import (
    CLOCK,
    CLOSE,
    COLON,
    DASH,
    DATE,
    MERIDIEM,
    MIDNIGHT,
    MONTH,
    NOON,
    NUMBER,
    OPEN,
    SEP,
    WEEKDAY,
    WORD,
    ZONE,
    Token,
)

OF = frozenset({"of", "de", "del", "."})  # between a day and its month or year
_HOURS_WORDS = frozenset({"h", "hr", "hrs", "uhr"})  # written after a time: '0900 hrs'


class Clock(NamedTuple):
    """A wall-clock time as written, already checked."""

    hour: int
    minute: int


class Day(NamedTuple):
    """A date as written: month and day, maybe a weekday and a year."""

    month: int
    day: int
    weekday: int | None
    year: int | None
    text: str


class Span(NamedTuple):
    """The times of a session as written: a start, maybe an end (on a later day), a zone."""

    start: Clock
    end: Clock | None = None
    end_day: Day | None = None
    zone: str | None = None


class _Time(NamedTuple):
    hour: int
    minute: int
    meridiem: str | None  # 'a', 'p' or None
    named: bool  # noon or midnight: no meridiem to share
    text: str


def _at(tokens: list[Token], i: int, kind: str) -> bool:
    return i < len(tokens) and tokens[i].kind == kind


def _is_year(token: Token) -> bool:
    return token.kind == NUMBER and len(token.text) == 4 and 1900 <= token.value <= 2200


def _day_number(token: Token) -> bool:
    return len(token.text.rstrip("stndrheSTNDRHE")) <= 2


def written(tokens: list[Token], first: int, end: int) -> str:
    """The text of tokens[first:end] as the line spaced it."""
    parts: list[str] = []
    previous = None
    for token in tokens[first:end]:
        if previous is not None and token.start > previous:
            parts.append(" ")
        parts.append(token.text)
        previous = token.end
    return "".join(parts)


def read_day(tokens: list[Token], i: int) -> tuple[Day, int] | None:
    """A date starting at token i: 'Tue 6 Jun', 'Sat Dec 9th', 'Wednesday, December 6, 2023',
    'Thursday, 12.09.2024'."""
    first, weekday = i, None
    if _at(tokens, i, WEEKDAY):
        weekday = tokens[i].value
        i += 1
        if _at(tokens, i, SEP) and tokens[i].text == ",":
            i += 1
    if _at(tokens, i, DATE):
        month, day, numbered = _numeric_date(tokens[i].text, weekday)
        return Day(month, day, weekday, numbered, written(tokens, first, i + 1)), i + 1
    if _at(tokens, i, NUMBER) and _at(tokens, i + 1, MONTH) and _day_number(tokens[i]):
        day, month = tokens[i].value, tokens[i + 1].value
        i += 2
    elif _at(tokens, i + 1, WORD) and tokens[i + 1].lower in OF and _at(tokens, i + 2, MONTH):
        if not _at(tokens, i, NUMBER):  # '6th of June', '12 de septiembre', '12. September'
            return None
        day, month = tokens[i].value, tokens[i + 2].value
        i += 3
    elif _at(tokens, i, MONTH) and _at(tokens, i + 1, NUMBER) and _day_number(tokens[i + 1]):
        month, day = tokens[i].value, tokens[i + 1].value
        i += 2
    else:
        return None
    if not 1 <= day <= 31:
        raise HeaderProblem(f"day {day} is not a day of the month")
    year: int | None = None
    joined = (
        _at(tokens, i, SEP)
        and tokens[i].text == ","
        or _at(tokens, i, WORD)
        and (tokens[i].lower in OF)
    )  # 'June 6, 2024', '12 de septiembre de 2024'
    after = i + 1 if joined else i
    if after < len(tokens) and _is_year(tokens[after]):
        year, i = tokens[after].value, after + 1
    return Day(month, day, weekday, year, written(tokens, first, i)), i


def _numeric_date(text: str, weekday: int | None) -> tuple[int, int, int]:
    """Month, day and year of a date in numbers. '2024-09-12' is ISO; dots and dashes put the
    day first ('12.09.2024'); a slash is the US order ('9/12/2024') unless that cannot be,
    or the weekday written with it fits only the day first."""
    parts = [int(part) for part in re.split(r"[./-]", text)]
    if len(text.split("-")[0]) == 4:
        year, month, day = parts
        readings = [(month, day)]
    else:
        first, second, year = parts
        year += 2000 if year < 100 else 0
        readings = [(first, second), (second, first)] if "/" in text else [(second, first)]
    possible = [(m, d) for m, d in readings if _exists(year, m, d)]
    fitting = [(m, d) for m, d in possible if weekday is None or _weekday(year, m, d) == weekday]
    month, day = (fitting or possible or readings)[0]
    if not 1 <= month <= 12:
        raise HeaderProblem(f"{text!r} is not a date: there is no month {month}")
    if not 1 <= day <= 31:
        raise HeaderProblem(f"day {day} is not a day of the month")
    return month, day, year  # (a day past the month's end is said with the year, later)


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _weekday(year: int, month: int, day: int) -> int:
    return calendar.weekday(year, month, day)


def _read_time(tokens: list[Token], i: int, *, bare: bool) -> tuple[_Time, int] | None:
    """One time; a bare hour ('11' in '11-1 pm') only when `bare` says a range follows."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == NUMBER and token.value == 12 and _at(tokens, i + 1, NOON):
        return _Time(12, 0, None, True, f"{token.text} {tokens[i + 1].text}"), i + 2
    if token.kind == NOON:
        return _Time(12, 0, None, True, token.text), i + 1
    if token.kind == MIDNIGHT:
        return _Time(0, 0, None, True, token.text), i + 1
    if token.kind == CLOCK:
        hour_text, _, minute_text = token.lower.replace(".", ":").replace("h", ":").partition(":")
        hour, minute = int(hour_text), int(minute_text or 0)
    elif token.kind == NUMBER and len(token.text) <= 2 and not token.text[-1:].isalpha():
        hour, minute = token.value, 0
        if not (_at(tokens, i + 1, MERIDIEM) or bare):
            return None
    elif token.kind == NUMBER and len(token.text) == 4 and (bare or hours_word(tokens, i + 1)):
        hour, minute = divmod(token.value, 100)  # '0800 – 0830', '0900 hrs'
    else:
        return None
    meridiem = None
    if _at(tokens, i + 1, MERIDIEM):
        meridiem = tokens[i + 1].lower[0]
        text = f"{token.text} {tokens[i + 1].text}"
        i += 1
    elif hours_word(tokens, i + 1):  # '17.30 h', '0900 hrs', '9:00 Uhr'
        text = f"{token.text} {tokens[i + 1].text}"
        i += 1
    else:
        text = token.text
    if minute > 59:
        raise HeaderProblem(f"{text!r} is not a time: minute {minute} is past 59")
    if meridiem and not 1 <= hour <= 12:
        raise HeaderProblem(f"{text!r} is not a time: {hour} o'clock has no {meridiem}.m.")
    if not meridiem and hour > 24:
        raise HeaderProblem(f"{text!r} is not a time: hour {hour} is past 23")
    return _Time(hour, minute, meridiem, False, text), i + 1


def hours_word(tokens: list[Token], i: int) -> bool:
    return _at(tokens, i, WORD) and tokens[i].lower in _HOURS_WORDS


def _clock(time: _Time, meridiem: str | None) -> Clock:
    hour = time.hour
    if meridiem == "a" and hour == 12:
        hour = 0
    elif meridiem == "p" and hour != 12:
        hour += 12
    return Clock(hour % 24, time.minute)


def _zone(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """An optional zone, bare or in brackets: 'CST', '(PST)'."""
    if _at(tokens, i, ZONE):
        return tokens[i].text, i + 1
    if _at(tokens, i, OPEN) and _at(tokens, i + 1, ZONE) and _at(tokens, i + 2, CLOSE):
        return tokens[i + 1].text, i + 3
    return None, i


def read_range(tokens: list[Token], i: int, *, hhmm: bool = False) -> tuple[Span, int] | None:
    """A start time and an optional end: '9:00-10:30am', '8:30 a.m.–Noon', '12:00 -- 06:00 PM'.

    The start takes the end's a.m./p.m. when it has none of its own, unless that would put it
    after the end ('11-1 pm' starts at 11 a.m.; '12:00 -- 06:00 PM' at noon).
    """
    first = _read_time(tokens, i, bare=hhmm or _dash_then_time(tokens, i + 1))
    if first is None:
        return None
    start, i = first
    zone, i = _zone(tokens, i)
    end: _Time | None = None
    end_day: Day | None = None
    if _at(tokens, i, DASH):
        j = i + 1
        if (day := read_day(tokens, j)) is not None:
            end_day, j = day
            if _at(tokens, j, SEP) and tokens[j].text == ",":
                j += 1
        if (second := _read_time(tokens, j, bare=hhmm)) is not None:
            end, i = second
            end_zone, i = _zone(tokens, i)
            zone = zone or end_zone
    if start.meridiem is None and not start.named and start.hour > 12 and end and end.meridiem:
        raise HeaderProblem(f"{start.text!r} is not a time: {start.hour} o'clock has no a.m./p.m.")
    hint = start.meridiem
    if hint is None and not start.named and end is not None and end_day is None:
        hint = end.meridiem
    start_clock = _clock(start, hint)
    end_clock = _clock(end, end.meridiem) if end else None
    if (
        start.meridiem is None
        and hint == "p"
        and end_clock is not None
        and start.hour != 12
        and (start_clock.hour, start_clock.minute) > (end_clock.hour, end_clock.minute)
    ):
        start_clock = _clock(start, "a")
    if (
        end is not None
        and start.hour == 24
        or (end is not None and end.hour == 24 and end.meridiem)
    ):
        raise HeaderProblem(f"{start.text!r} is not a time: hour 24 is past 23")
    return Span(start_clock, end_clock, end_day, zone), i


def _dash_then_time(tokens: list[Token], i: int) -> bool:
    return _at(tokens, i, DASH) and i + 1 < len(tokens) and tokens[i + 1].kind in (CLOCK, NUMBER)


def read_when(tokens: list[Token], i: int) -> tuple[Day, Span, int] | None:
    """A date and the times after it: 'Tue 6 Jun 09:00 a.m.', 'Dec 6, 2023 · 12:45 PM – 1:45 PM'."""
    day = read_day(tokens, i)
    if day is None:
        return None
    date, i = day
    if i < len(tokens) and tokens[i].kind in (SEP, COLON, DASH) and tokens[i].text != "/":
        i += 1
    if _at(tokens, i, WORD) and tokens[i].lower in ("at", "from"):
        i += 1
    found = read_range(tokens, i)
    if found is None:
        return None
    span, i = found
    return date, span, i
