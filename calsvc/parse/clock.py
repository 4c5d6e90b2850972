"""Times of day: the grammar's `time` (see when.py), as written ('9:30', '9 a.m.', '17 h 30',
'午後3時', 'noon', 'Ore 17,00'), and the wall-clock time it is once its a.m. or p.m. is
known.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import HeaderProblem
from . import lexicon as lx
from .terminals import at, hours_word, in_words, means, written
from .tokenkinds import T
from .tokens import Token, Tokens


class Clock(NamedTuple):
    """A wall-clock time as written, already checked."""

    hour: int
    minute: int


class Time(NamedTuple):
    """A time as written, before a range says which clock it is on."""

    hour: int
    minute: int
    meridiem: str | None  # 'a', 'p' or None
    named: bool  # noon or midnight: no meridiem to share
    text: str


def _period(tokens: Tokens, i: int) -> str | None:
    """'a' or 'p' for a.m. or p.m. at token i."""
    if at(tokens, i, T.MERIDIEM):
        value = lx.lexicon().means(tokens[i].lower, T.MERIDIEM)
        return "p" if value == 1 or tokens[i].lower.startswith("p") else "a"
    return None


def read_time(tokens: Tokens, i: int, *, bare: bool) -> tuple[Time, int] | None:
    """One time; a bare hour ('11' in '11-1 pm') only when `bare` says a range follows."""
    first = i
    before = None
    if at(tokens, i, T.MERIDIEM) and tokens[i].lower in lx.lexicon().meridiem_first:
        before, i = _period(tokens, i), i + 1  # '午後3時'
    if i >= len(tokens):
        return None
    if (named := _named(tokens, i)) is not None:
        return named
    digits = tokens[i]
    if (found := _hour_minute(tokens, i, first, bare=bare, before=before)) is None:
        return None
    hour, minute, i = found
    meridiem, minute, i = _marks_after(tokens, i, digits, (hour, minute), before)
    text = written(tokens, first, i)
    if minute > 59:
        raise HeaderProblem(f"{text!r} is not a time: minute {minute} is past 59")
    if hour > 24:
        raise HeaderProblem(f"{text!r} is not a time: hour {hour} is past 23")
    return Time(hour, minute, meridiem, False, text), i


def _named(tokens: Tokens, i: int) -> tuple[Time, int] | None:
    """Noon or midnight by its name: 'noon', '12 noon', 'midnight'."""
    token = tokens[i]
    if token.kind == T.NUMBER and token.value == 12 and at(tokens, i + 1, T.NOON):
        return Time(12, 0, None, True, written(tokens, i, i + 2)), i + 2
    if token.kind == T.NOON:
        return Time(12, 0, None, True, token.text), i + 1
    if token.kind == T.MIDNIGHT:
        return Time(0, 0, None, True, token.text), i + 1
    return None


def _hour_minute(
    tokens: Tokens, i: int, first: int, *, bare: bool, before: str | None
) -> tuple[int, int, int] | None:
    """The hour and minute a time's digits give, and the position after them: '9:30',
    'Ore 17,00', '9' (marked as an hour, or where a range or a period says so), '0800'."""
    token = tokens[i]
    if token.kind == T.CLOCK:  # ('15:00:00': the seconds say nothing)
        digits = re.findall(r"\d+", token.text)
        minute = int(digits[1]) if len(digits) > 1 else 0
        return int(digits[0]), minute, i + 1
    if (comma := _comma_clock(tokens, i, first)) is not None:
        return comma[0], comma[1], i + 3  # 'Ore 17,00': a comma for the colon
    if token.kind == T.NUMBER and len(token.text) <= 2:
        dotted = _ordinal_stop(tokens, i) and hours_word(tokens, i + 2)  # 'ob 10. uri'
        marked = at(tokens, i + 1, T.MERIDIEM) or hours_word(tokens, i + 1) or dotted
        if not (marked or bare or before or _after_hours_word(tokens, i)):
            return None  # (after an hour's word: 'Ore 9 – Registrazione', 'giugno, ore 10')
        return token.value, 0, i + 1 + dotted
    if token.kind == T.NUMBER and len(token.text) == 4 and (bare or hours_word(tokens, i + 1)):
        hour, minute = divmod(token.value, 100)  # '0800 – 0830', '0900 hrs'
        return hour, minute, i + 1
    if token.kind == T.NUMBER and bare and is_hhmm(token) and len(token.text) == 3:
        hour, minute = divmod(token.value, 100)  # '730 - 830': superscript minutes flattened
        return hour, minute, i + 1
    return None


def _ordinal_stop(tokens: Tokens, i: int) -> bool:
    """Whether a number has a full stop glued after it, as an ordinal does ('10.')."""
    return (
        at(tokens, i + 1, T.WORD)
        and tokens[i + 1].text == "."
        and tokens[i].end == tokens[i + 1].start
    )


def _after_hours_word(tokens: Tokens, i: int) -> bool:
    """Whether a bare hour follows a word for the hour: first on the line ('Ore 9 –'), or
    a word, not a letter, anywhere ('8 giugno, ore 10'; not 'Room: H1')."""
    if i < 1 or not hours_word(tokens, i - 1):
        return False
    return i == 1 or len(tokens[i - 1].text.rstrip(".")) > 1


EARLIEST_HHMM = 6  # the first hour a programme writes in three digits ('730 - 830')


def is_hhmm(token: Token) -> bool:
    """A time in four digits ('0800', '2400'), or in three from 6 a.m. on the five minutes
    ('730'; '100 - 200' is a count)."""
    hour, minute = divmod(token.value, 100)
    if token.kind != T.NUMBER or minute > 59:
        return False
    if len(token.text) == 3:
        return hour >= EARLIEST_HHMM and minute % 5 == 0
    return len(token.text) == 4 and (hour < 24 or token.value == 2400)


def _marks_after(
    tokens: Tokens, i: int, digits: Token, clock: tuple[int, int], before: str | None
) -> tuple[str | None, int, int]:
    """What follows a time's digits ('min', 'noon', a.m. or p.m., an hour's word and the
    minutes after it: '17 h 30'): the period, the minute and the position after them."""
    hour, minute = clock
    title = i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end  # '分组讨论'
    if digits.kind == T.CLOCK and not title and means(tokens, i, T.MINUTES) is not None:
        i += 1  # '8h30min', '12:30 m.' (not '2:30 分组讨论', a title opening with the sign)
    elif hour == 12 and at(tokens, i, T.NOON):
        i += 1  # '12:00noon', '12:15 Noon'
    elif digits.text[-1:] in "hH" and at(tokens, i, T.NUMBER) and _minutes(tokens[i]):
        minute, i = tokens[i].value, i + 1  # '09h 15 – 10h 00': the minutes spaced off
    meridiem = before or _period(tokens, i) or _part_of_day(tokens, i, hour)
    if meridiem and not before:
        i += 1
    elif hours_word(tokens, i):  # '17.30 h', '0900 hrs', '9:00 Uhr', '17 h 30', '午後3時30分'
        i += 1
        if digits.kind == T.NUMBER and at(tokens, i, T.NUMBER) and len(tokens[i].text) == 2:
            minute, i = tokens[i].value, i + 1
            if means(tokens, i, T.MINUTES) is not None:
                i += 1
    return meridiem, minute, i


def _part_of_day(tokens: Tokens, i: int, hour: int) -> str | None:
    """'a' or 'p' for a word of a part of the day that ends a time ('4.30 ptg |', '7.00 mlm',
    '10.30 malam'), by the hours it covers: '1.00 tgh' (midday) is 13:00. Only at the end of
    a time's cell or line: 'em' is Swedish p.m. and Portuguese 'in' ('9:00 em Lisboa')."""
    if not (at(tokens, i, T.WORD) and 1 <= hour <= 12):
        return None
    hours = lx.lexicon().period_hours.get(tokens[i].lower)
    after = tokens[i + 1].kind if i + 1 < len(tokens) else None
    if hours is None or after not in (None, T.SEP, T.DASH, T.CLOSE):
        return None
    morning, afternoon = hour % 12 in hours, hour % 12 + 12 in hours
    if hour == 12:  # noon, not midnight ('10:00 - 12:00 pagi': the morning up to noon)
        return "p" if afternoon or morning else None
    return None if morning == afternoon else "a" if morning else "p"


def _minutes(token: Token) -> bool:
    return len(token.text) == 2 and token.value < 60


def _comma_clock(tokens: Tokens, i: int, first: int) -> tuple[int, int] | None:
    """'17,00' after a from-word ('Ore 17,00', 'alle 18,00'), written without spaces."""
    if not (
        first > 0
        and in_words(tokens, first - 1, lx.lexicon().froms)
        and i + 2 < len(tokens)
        and tokens[i].kind == T.NUMBER
        and tokens[i + 1].text == ","
        and tokens[i + 2].kind == T.NUMBER
        and len(tokens[i + 2].text) == 2
        and tokens[i].end == tokens[i + 1].start
        and tokens[i + 1].end == tokens[i + 2].start
    ):
        return None
    return tokens[i].value, tokens[i + 2].value


def clock_of(time: Time, meridiem: str | None) -> Clock:
    """The wall-clock time a time is, read with this period ('a', 'p' or None)."""
    hour = time.hour
    if hour > 12:  # '13:00 pm': a 24-hour time; the period says nothing more
        return Clock(hour % 24, time.minute)
    if meridiem == "a" and hour == 12:
        hour = 0
    elif meridiem == "p" and hour != 12:
        hour += 12
    return Clock(hour % 24, time.minute)
