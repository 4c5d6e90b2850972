"""Days: the grammar's `day` (see when.py), a date with the weekday and the year written
around its core ('Tue 6 Jun', 'Wednesday, December 6, 2023', '26/06 (qui)', 'Dienstag,
3.9.'); and runs of days and of weekdays ('September 14-17, 2025', 'Monday to Thursday').
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import HeaderProblem
from . import lexicon as lx
from .datecore import by_weekday, read_core, weekday_in_brackets
from .terminals import OF, at, day_number, in_words, is_dash, is_year, means, written
from .tokenkinds import T
from .tokens import Tokens

_SHORT_ARTICLES = frozenset({"d."})  # 'Freitag, d. 07. September' ('den' cut short)


class Day(NamedTuple):
    """A date as written: month and day, maybe a weekday and a year. A weekday alone
    ('Monday', over a week's rows) has month and day 0, and so has a day by its number in
    the event ('Day 2'), a weekday and its day of the month
    ('Friday 25') month 0. A date in numbers with a slash keeps
    the order it showed: 'dm' ('25/09'), 'md' ('9/25'), or '?' when it reads both ways
    ('7/04', read month first until the page's other dates and language decide)."""

    month: int
    day: int
    weekday: int | None
    year: int | None
    text: str
    order: str = ""
    ordinal: int = 0  # 'Day 2', '2 일 차': the second of the days the page gives once

    @property
    def partial(self) -> bool:
        """A heading without its month: 'Monday', 'Viernes, día 25' (the page's dates tell
        which day it is)."""
        return self.month == 0

    def day_first(self) -> Day:
        """This '?' date read day first: '7/04' as 7 April."""
        return self._replace(month=self.day, day=self.month, order="dm")


def _weekday(tokens: Tokens, i: int) -> tuple[int | None, int]:
    """A weekday at i and where the date after it starts (past ',', '.' or '('), or (None, i).
    A short or everyday word ('Di', 'ma', 'to') is a weekday only when capitalised."""
    value = means(tokens, i, T.WEEKDAY)
    if value is None or tokens[i].kind == T.WORD and not tokens[i].text[:1].isupper():
        return None, i
    j = i + 1
    if j < len(tokens) and tokens[j].text in (",", ".", ":", "(") or at(tokens, j, T.DASH):
        j += 1
    if in_words(tokens, j, lx.lexicon().articles):  # 'torsdag den 12. september'
        j += 1
    elif at(tokens, j, T.WORD) and tokens[j].text.lower() in _SHORT_ARTICLES:
        j += 1  # 'Freitag, d. 07. September 2018'
    return (value if value != lx.UNKNOWN else None), j


def read_day(tokens: Tokens, i: int) -> tuple[Day, int] | None:
    """A date starting at token i: 'Tue 6 Jun', 'Sat Dec 9th', 'Wednesday, December 6, 2023',
    'Thursday, 12.09.2024', 'Dienstag, 3.9.', '6月26日（木）'."""
    first = i
    weekday, after = _weekday(tokens, i)
    found = read_core(tokens, after if after > i else i, weekday is not None or after > i)
    if found is None:
        return None
    (month, day, year, order), i = found
    if after > first and tokens[after - 1].text == "(":  # 'Saturday (Feb 8, 2025)'
        if at(tokens, i, T.SEP) and i + 1 < len(tokens) and is_year(tokens[i + 1]):
            year, i = tokens[i + 1].value, i + 2
        if not at(tokens, i, T.CLOSE):
            return None
        i += 1
    if weekday is None and after == first and weekday_in_brackets(tokens, i):
        value = means(tokens, i + 1, T.WEEKDAY)  # '26/06 (qui)', '6月26日（木）': the weekday after
        weekday, i = (value if value != lx.UNKNOWN else None), i + 3
    if not 1 <= day <= 31:
        raise HeaderProblem(f"day {day} is not a day of the month")
    if year is None:
        joined = at(tokens, i, T.SEP) and tokens[i].text == "," or in_words(tokens, i, OF)
        after_year = i + 1 if joined else i  # 'June 6, 2024', '12 de septiembre de 2024'
        if after_year < len(tokens) and is_year(tokens[after_year]):
            year, i = tokens[after_year].value, after_year + 1
    if year is None and in_words(tokens, i, lx.lexicon().day_suffixes):
        i += 1  # 'antradienį (balandžio 21 d.)'
    elif year is not None and in_words(tokens, i, lx.lexicon().year_words):
        i += 1  # '26.08.2019 r.', '14 мая 2025 г.'
    elif year is not None and _stop_then(tokens, i, lx.lexicon().year_words):
        i += 2  # '18.08.2023. godine'
    if weekday is None and after == first and weekday_in_brackets(tokens, i):
        value = means(tokens, i + 1, T.WEEKDAY)  # 'May 22, 2026 (Friday)': after the year
        weekday, i = (value if value != lx.UNKNOWN else None), i + 3
    if weekday is None and (after_date := _weekday_after(tokens, i)) is not None:
        weekday, i = after_date  # '2024. szeptember 12., csütörtök', '12 Eylül 2024 Perşembe'
    if order == "?" and weekday is not None and year is not None:
        month, day, order = by_weekday(month, day, year, weekday)
    return Day(month, day, weekday, year, written(tokens, first, i), order), i


def _stop_then(tokens: Tokens, i: int, words: frozenset[str]) -> bool:
    """Whether a full stop stands at token i, and one of these words after it."""
    return at(tokens, i, T.WORD) and tokens[i].text == "." and in_words(tokens, i + 1, words)


def _weekday_after(tokens: Tokens, i: int) -> tuple[int | None, int] | None:
    """A weekday written after its date, past a comma or a dash: a weekday's own word, or
    an everyday one capitalised ('25.01- SEGUNDA')."""
    j = i + 1 if at(tokens, i, T.SEP) and tokens[i].text == "," or at(tokens, i, T.DASH) else i
    if (
        weekday_word(tokens, j) is None
        or j + 1 < len(tokens)
        and tokens[j + 1].kind
        not in (
            T.SEP,
            T.CLOSE,
            T.COLON,
            T.DASH,
        )
    ):
        return None
    value = weekday_word(tokens, j)
    return (value if value != lx.UNKNOWN else None), j + 1


def weekday_word(tokens: Tokens, j: int) -> int | None:
    """The weekday at j: its own token, or a word that may be one, capitalised."""
    if at(tokens, j, T.WEEKDAY):
        return tokens[j].value
    if at(tokens, j, T.WORD) and tokens[j].text[:1].isupper() and len(tokens[j].text) > 2:
        return means(tokens, j, T.WEEKDAY)
    return None


def read_days(tokens: Tokens, i: int) -> tuple[Day, Day, int] | None:
    """A run of days: 'July 4th - July 8th 2022', 'September 14-17, 2025', '4–8 July 2022'.
    A year written once belongs to both ends."""
    k = i + 2 if at(tokens, i + 1, T.WORD) and tokens[i + 1].text == "." else i + 1  # '21. –'
    if day_number(tokens[i]) and is_dash(tokens, k) and (found := read_day(tokens, k + 1)):
        last, end = found
        first = last._replace(day=tokens[i].value, weekday=None, text=tokens[i].text)
        return first, last, end
    found = read_day(tokens, i)
    if found is None or not is_dash(tokens, found[1]):
        return None
    first, j = found
    if (again := read_day(tokens, j + 1)) is not None:
        last, end = again
    elif j + 1 < len(tokens) and day_number(tokens[j + 1]) and not _counts(tokens, j + 2):
        last, end = first._replace(day=tokens[j + 1].value, weekday=None), j + 2
        if at(tokens, end, T.SEP) and end + 1 < len(tokens) and is_year(tokens[end + 1]):
            last, end = last._replace(year=tokens[end + 1].value), end + 2
        elif end < len(tokens) and is_year(tokens[end]):
            last, end = last._replace(year=tokens[end].value), end + 1
    else:
        return None
    if first.year is None and last.year is not None:
        first = first._replace(year=last.year)
    if not 1 <= last.day <= 31:
        return None
    return first, last, end


def _counts(tokens: Tokens, i: int) -> bool:
    """Whether the number before tokens[i] counts what a lower-case word after it names
    ('03/01 Saturday - 2nd section', 'May 4 - 3 talks'): no day ending a run."""
    return at(tokens, i, T.WORD) and tokens[i].text[:1].islower()


def read_weekdays(tokens: Tokens, i: int) -> tuple[Day, Day, int] | None:
    """A run of weekdays: 'Monday to Thursday', 'Mon–Fri', 'lunes a jueves' (days without
    their month, as a weekday heading is)."""
    first, last = means(tokens, i, T.WEEKDAY), means(tokens, i + 2, T.WEEKDAY)
    if first is None or last is None or first < 0 or last < 0 or not is_dash(tokens, i + 1):
        return None
    text = written(tokens, i, i + 3)
    return Day(0, 0, first, None, text), Day(0, 0, last, None, text), i + 3
