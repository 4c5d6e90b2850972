"""The grammar of dates, times and ranges, read from tokens.

    day    := [weekday [sep | "("]] core ["(" weekday ")" | ")"] [sep | of] [year]
    core   := date | daymonth | number [of] month | month number
            | [year 年] number 月 number 日                       ('6月26日', '2025년 6월 26일')
    of     := "of" | "de" | "del" | "."                  ('6th of June', '12 de mayo', '12. Mai')
    time   := [period] (clock | number | hhmm) [period | hours [number [minutes]]]
            | ["12"] noon | midnight                    ('9:30', '9 a.m.', '17 h 30', '午後3時')
    range  := {from} time [zone] [dash ([day] time [zone] | open)]
                                        ('9-10am', 'von 9 bis 12 Uhr', '17:00 - ...')
    open   := ("?" | "." | "…" | ":")+ [period]                       (an end left open)
    when   := day [sep] {from} range [zone]             ('Thu, Jun 20 ⋅ 1:15 PM - 2:05 PM PDT')
    days   := day dash (day | number [sep] [year]) | number dash day
                                        ('July 4th - July 8th 2022', 'September 14-17, 2025')
    weekdays := weekday dash weekday                   ('Monday to Thursday', 'lunes a jueves')
    length := ["("] (number length-word | "1h" | "1h50")+ [")"]        ('(45 min)', '2 hours')

Each rule here is a `read_<rule>` function below (day, range, when, days, weekdays, length;
the others are steps of those), and tests/parse/test_dates.py holds this list to them.

`weekday`, `month`, `period` (a.m./p.m.), `hours` ('Uhr', 'h', '時'), `minutes`, `from` and
`dash` ('to', 'bis', '～') are words of the lexicon (CLDR, and words.toml): a word counts as
one where the rule wants it, so 'mar' is March in 'Mar 4' and Tuesday in 'mar. 4 oct.'.
Each rule takes the tokens and a position and gives back what it read with the position
after it, or None; none of them looks further than a few tokens, so reading a line is linear.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from ..errors import HeaderProblem
from ..model import FIRST_YEAR, LAST_YEAR
from . import lexicon as lx
from .tokenkinds import T
from .tokens import Token, Tokens

OF = frozenset({"of", "de", "del", "."})  # between a day and its month or year
_HOURS_GLUED = re.compile(r"(\d{1,2})[hH](\d{2})?")  # a length written as a clock: '1h', '1h50'
_SHORT_ARTICLES = frozenset({"d."})  # 'Freitag, d. 07. September' ('den' cut short)
CENTURY_PIVOT = 69  # a two-digit year below this is this century's, as strptime has it


class Clock(NamedTuple):
    """A wall-clock time as written, already checked."""

    hour: int
    minute: int


class Day(NamedTuple):
    """A date as written: month and day, maybe a weekday and a year. A weekday alone
    ('Monday', over a week's rows) has month and day 0, a weekday and its day of the month
    ('Friday 25') month 0. A date in numbers with a slash keeps
    the order it showed: 'dm' ('25/09'), 'md' ('9/25'), or '?' when it reads both ways
    ('7/04', read month first until the page's other dates and language decide)."""

    month: int
    day: int
    weekday: int | None
    year: int | None
    text: str
    order: str = ""

    @property
    def partial(self) -> bool:
        """A heading without its month: 'Monday', 'Viernes, día 25' (the page's dates tell
        which day it is)."""
        return self.month == 0

    def day_first(self) -> Day:
        """This '?' date read day first: '7/04' as 7 April."""
        return self._replace(month=self.day, day=self.month, order="dm")


class Span(NamedTuple):
    """The times of a session as written: a start, maybe an end (on a later day), a zone, and
    a remark on how an odd time was read ('13:00 pm' is 13:00)."""

    start: Clock
    end: Clock | None = None
    end_day: Day | None = None
    zone: str | None = None
    remark: str | None = None
    clock: str = ""  # '12': written with a.m./p.m.; '24': past 12, or '06:30' (a 0 before an
    # early hour); '': it does not say which clock it is on


class _Time(NamedTuple):
    hour: int
    minute: int
    meridiem: str | None  # 'a', 'p' or None
    named: bool  # noon or midnight: no meridiem to share
    text: str


# The kinds of token a date or a time may begin with: where the rules below are tried.
_FIRST = frozenset(
    {T.WEEKDAY, T.MONTH, T.NUMBER, T.CLOCK, T.DATE, T.DAYMONTH, T.NOON, T.MIDNIGHT, T.MERIDIEM}
)


def may_begin(tokens: Tokens, i: int) -> bool:
    """Whether a date or a time may begin at token i (a cheap test before the rules run)."""
    token = tokens[i]
    if token.kind in _FIRST:
        return True
    if token.kind != T.WORD or not token.text[:1].isupper():
        return False  # (a short or everyday word is a weekday or month only capitalised)
    meanings = lx.lexicon().meanings.get(token.lower, ())
    return any(m.kind in (T.WEEKDAY, T.MONTH) for m in meanings)


_TIMED = frozenset({T.CLOCK, T.DATE, T.DAYMONTH, T.MERIDIEM, T.NOON, T.MIDNIGHT})


def looks_timed(tokens: Tokens) -> bool:
    """Whether a line plainly holds a date or time, read or not: a clock time, a date in
    numbers, a.m./p.m., noon, a month next to a number, an hour mark after one."""
    for i, token in enumerate(tokens):
        if token.kind in _TIMED:
            return True
        if token.kind == T.NUMBER and i + 1 < len(tokens):
            after = tokens[i + 1]
            if after.kind == T.MONTH or hours_word(tokens, i + 1) and len(token.text) <= 4:
                return True
        if token.kind == T.MONTH and i + 1 < len(tokens) and _day_number(tokens[i + 1]):
            return True
    return False


def _at(tokens: Tokens, i: int, kind: str) -> bool:
    return i < len(tokens) and tokens[i].kind == kind


def means(tokens: Tokens, i: int, kind: str) -> int | None:
    """The value of token i as a word of this kind ('Tue' as a weekday: 1), or None."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == kind:
        return token.value
    if token.kind == T.WORD:
        return lx.lexicon().means(token.lower, kind)
    return None


def in_words(tokens: Tokens, i: int, words: frozenset[str]) -> bool:
    return i < len(tokens) and tokens[i].kind == T.WORD and tokens[i].lower in words


def is_year(token: Token) -> bool:
    return (
        token.kind == T.NUMBER and len(token.text) == 4 and FIRST_YEAR <= token.value <= LAST_YEAR
    )


def _day_number(token: Token) -> bool:
    return token.kind == T.NUMBER and len(token.text.rstrip("stndrheSTNDRHEº°ª")) <= 2


def written(tokens: Tokens, first: int, end: int) -> str:
    """The text of tokens[first:end] as the line spaced it."""
    parts: list[str] = []
    previous = None
    for token in tokens[first:end]:
        if previous is not None and token.start > previous:
            parts.append(" ")
        parts.append(token.text)
        previous = token.end
    return "".join(parts)


def _weekday(tokens: Tokens, i: int) -> tuple[int | None, int]:
    """A weekday at i and where the date after it starts (past ',', '.' or '('), or (None, i).
    A short or everyday word ('Di', 'ma', 'to') is a weekday only when capitalised."""
    value = means(tokens, i, T.WEEKDAY)
    if value is None or tokens[i].kind == T.WORD and not tokens[i].text[:1].isupper():
        return None, i
    j = i + 1
    if j < len(tokens) and tokens[j].text in (",", ".", ":", "(") or _at(tokens, j, T.DASH):
        j += 1
    if in_words(tokens, j, lx.lexicon().articles):  # 'torsdag den 12. september'
        j += 1
    elif _at(tokens, j, T.WORD) and tokens[j].text.lower() in _SHORT_ARTICLES:
        j += 1  # 'Freitag, d. 07. September 2018'
    return (value if value != lx.UNKNOWN else None), j


def read_day(tokens: Tokens, i: int) -> tuple[Day, int] | None:
    """A date starting at token i: 'Tue 6 Jun', 'Sat Dec 9th', 'Wednesday, December 6, 2023',
    'Thursday, 12.09.2024', 'Dienstag, 3.9.', '6月26日（木）'."""
    first = i
    weekday, after = _weekday(tokens, i)
    found = _core(tokens, after if after > i else i, weekday is not None or after > i)
    if found is None:
        return None
    (month, day, year, order), i = found
    if after > first and tokens[after - 1].text == "(":  # 'Saturday (Feb 8, 2025)'
        if _at(tokens, i, T.SEP) and i + 1 < len(tokens) and is_year(tokens[i + 1]):
            year, i = tokens[i + 1].value, i + 2
        if not _at(tokens, i, T.CLOSE):
            return None
        i += 1
    if weekday is None and after == first and _weekday_in_brackets(tokens, i):
        value = means(tokens, i + 1, T.WEEKDAY)  # '26/06 (qui)', '6月26日（木）': the weekday after
        weekday, i = (value if value != lx.UNKNOWN else None), i + 3
    if not 1 <= day <= 31:
        raise HeaderProblem(f"day {day} is not a day of the month")
    if year is None:
        joined = _at(tokens, i, T.SEP) and tokens[i].text == "," or in_words(tokens, i, OF)
        after_year = i + 1 if joined else i  # 'June 6, 2024', '12 de septiembre de 2024'
        if after_year < len(tokens) and is_year(tokens[after_year]):
            year, i = tokens[after_year].value, after_year + 1
    if year is not None and in_words(tokens, i, lx.lexicon().year_words):
        i += 1  # '26.08.2019 r.', '14 мая 2025 г.'
    if weekday is None and after == first and _weekday_in_brackets(tokens, i):
        value = means(tokens, i + 1, T.WEEKDAY)  # 'May 22, 2026 (Friday)': after the year
        weekday, i = (value if value != lx.UNKNOWN else None), i + 3
    if weekday is None and (after_date := _weekday_after(tokens, i)) is not None:
        weekday, i = after_date  # '2024. szeptember 12., csütörtök', '12 Eylül 2024 Perşembe'
    if order == "?" and weekday is not None and year is not None:
        month, day, order = _by_weekday(month, day, year, weekday)
    return Day(month, day, weekday, year, written(tokens, first, i), order), i


def _weekday_after(tokens: Tokens, i: int) -> tuple[int | None, int] | None:
    """A weekday written after its date, past a comma: only a weekday's own word."""
    j = i + 1 if _at(tokens, i, T.SEP) and tokens[i].text == "," else i
    if (
        not _at(tokens, j, T.WEEKDAY)
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
    value = tokens[j].value
    return (value if value != lx.UNKNOWN else None), j + 1


_Core = tuple[tuple[int, int, int | None, str], int]


def _core(tokens: Tokens, i: int, weekday: bool) -> _Core | None:
    """Month, day, year (or None) and the order of a date in numbers, and the position after."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == T.DATE:
        month, day, year, order = _numeric_date(token.text)
        return (month, day, year, order), i + 1
    alone = len(tokens) == 1  # ('14.09.' alone: a table's column of days)
    if token.kind == T.DAYMONTH and (weekday or alone or _weekday_in_brackets(tokens, i + 1)):
        numeric, numeric_day, _, order = _numeric_date(token.text)
        return (numeric, numeric_day, None, order), i + 1
    if (found := _cjk(tokens, i)) is not None:
        return found
    if weekday and (found := _dotted_day(tokens, i)) is not None:
        return found
    if is_year(token) and (found := _core(tokens, i + 1 + _stop(tokens, i + 1), weekday)):
        (month, day, _, order), end = found  # '2024. szeptember 12.', '2024 September 12'
        if order == "" and not _at(tokens, i + 1, T.DATE):
            return (month, day, token.value, order), end + _stop(tokens, end)
    if _day_number(token):
        j = i + 1
        if in_words(tokens, j, OF) or _at(tokens, j, T.WORD) and tokens[j].text == ".":
            j += 1  # '6th of June', '12 de septiembre', '12. September'
        elif _elided_of(tokens, j):
            j += 2  # "2 d'octubre", '15 d’abril'
        named = means(tokens, j, T.MONTH)
        return None if named is None else ((named, token.value, None, ""), j + 1)
    if (named := means(tokens, i, T.MONTH)) is not None and _strong_or_capital(tokens[i]):
        j = i + 1
        if _at(tokens, j, T.WORD) and tokens[j].text == ".":
            j += 1
        if j < len(tokens) and _day_number(tokens[j]):
            return (named, tokens[j].value, None, ""), j + 1
    return None


def _elided_of(tokens: Tokens, i: int) -> bool:
    """ "d'" before a month that begins with a vowel: "2 d'octubre", "15 d’abril" (Catalan)."""
    return (
        _at(tokens, i, T.WORD)
        and tokens[i].lower == "d"
        and _at(tokens, i + 1, T.WORD)
        and tokens[i + 1].text in ("'", "’")
        and tokens[i].end == tokens[i + 1].start
    )


def _dotted_day(tokens: Tokens, i: int) -> _Core | None:
    """'Четверг 27.07', 'Fredagen den 26.9': a day and a month after a weekday, written as a
    time would be ('27.07') or with a one-digit month; day first, as dotted dates are."""
    if tokens[i].kind == T.CLOCK and re.fullmatch(r"\d{1,2}\.\d{2}", tokens[i].text):
        day, month = (int(part) for part in tokens[i].text.split("."))
        end = i + 1
    elif (
        tokens[i].kind == T.NUMBER
        and _at(tokens, i + 1, T.WORD)
        and tokens[i + 1].text == "."
        and _at(tokens, i + 2, T.NUMBER)
        and tokens[i].end == tokens[i + 1].start == tokens[i + 2].start - 1
    ):
        day, month, end = tokens[i].value, tokens[i + 2].value, i + 3
    else:
        return None
    if not (1 <= day <= 31 and 1 <= month <= 12) or any(
        t.kind in (T.CLOCK,) for t in tokens[end : end + 1]
    ):
        return None
    return (month, day, None, ""), end


def _stop(tokens: Tokens, i: int) -> int:
    """1 past a full stop written as a token of its own ('2024. szeptember'), else 0."""
    return 1 if _at(tokens, i, T.WORD) and tokens[i].text == "." else 0


def _strong_or_capital(token: Token) -> bool:
    """A month that stands first: its own token, or a short or everyday word capitalised
    ('Des 17', not 'des 17. Jahrhunderts')."""
    return token.kind != T.WORD or token.text[:1].isupper()


def _weekday_in_brackets(tokens: Tokens, i: int) -> bool:
    return (
        _at(tokens, i, T.OPEN)
        and means(tokens, i + 1, T.WEEKDAY) is not None
        and _at(tokens, i + 2, T.CLOSE)
    )


def _cjk(tokens: Tokens, i: int) -> _Core | None:
    """'6月26日', '2025年6月26日', '6월 26일'."""
    words = lx.lexicon()
    year = None
    if is_year(tokens[i]) and i + 1 < len(tokens) and tokens[i + 1].text in words.year_marks:
        year, i = tokens[i].value, i + 2
    if not (
        i + 3 < len(tokens)
        and tokens[i].kind == T.NUMBER
        and tokens[i + 1].text in words.month_marks
        and tokens[i + 2].kind == T.NUMBER
        and tokens[i + 3].text in words.day_marks
    ):
        return None
    return (tokens[i].value, tokens[i + 2].value, year, ""), i + 4


def _numeric_date(text: str) -> tuple[int, int, int | None, str]:
    """Month, day, year (None if not written) and the order shown (see Day). '2024-09-12' is
    ISO; dots and dashes put the day first ('12.09.2024', '3.9.'); a slash reads both ways
    ('9/12/2024'): the month first unless that cannot be, and the order says which it was."""
    parts = [int(part) for part in re.split(r"[./\-\s]+", text.rstrip(".")) if part]
    if re.match(r"\d{4}\D", text):  # year first: ISO, '2024/09/12', '2024. 9. 12.'
        year, month, day = parts
        return (*_checked(text, month, day), year, "")
    first, second, *rest = parts
    written_year = _full_year(rest[0]) if rest else None
    if "/" not in text:  # '12.09.2024', '12-09-2024', '12. 9. 2024': the day first
        return (*_checked(text, second, first), written_year, "")
    if first > 12 or second > 12:  # only one order can be
        month, day = (second, first) if first > 12 else (first, second)
        return (*_checked(text, month, day), written_year, "dm" if first > 12 else "md")
    return (*_checked(text, first, second), written_year, "?" if first != second else "")


def _full_year(year: int) -> int:
    """'24' is 2024 and '96' is 1996, as POSIX strptime's %y reads them (69 and up: 19xx)."""
    if year >= 100:
        return year
    return 2000 + year if year < CENTURY_PIVOT else 1900 + year


def _checked(text: str, month: int, day: int) -> tuple[int, int]:
    if not 1 <= month <= 12:
        raise HeaderProblem(f"{text!r} is not a date: there is no month {month}")
    if not 1 <= day <= 31:
        raise HeaderProblem(f"day {day} is not a day of the month")
    return month, day  # (a day past the month's end is said with the year, later)


def _by_weekday(month: int, day: int, year: int, weekday: int) -> tuple[int, int, str]:
    """The order of '9/12/2024' that its weekday fits, if only one does."""
    fits = [(m, d) for m, d in ((month, day), (day, month)) if _weekday_of(year, m, d) == weekday]
    if len(fits) == 1:
        return fits[0][0], fits[0][1], "md" if fits[0] == (month, day) else "dm"
    return month, day, "?"


def _weekday_of(year: int, month: int, day: int) -> int | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return calendar.weekday(year, month, day)
    return None


def hours_word(tokens: Tokens, i: int) -> bool:
    """'Uhr', 'h', 'hrs', '時', 'horas', 'uur' after a time."""
    return means(tokens, i, T.HOURS) is not None


def _period(tokens: Tokens, i: int) -> str | None:
    """'a' or 'p' for a.m. or p.m. at token i."""
    if _at(tokens, i, T.MERIDIEM):
        value = lx.lexicon().means(tokens[i].lower, T.MERIDIEM)
        return "p" if value == 1 or tokens[i].lower.startswith("p") else "a"
    return None


def _read_time(tokens: Tokens, i: int, *, bare: bool) -> tuple[_Time, int] | None:
    """One time; a bare hour ('11' in '11-1 pm') only when `bare` says a range follows."""
    if i >= len(tokens):
        return None
    first = i
    before = None
    if tokens[i].kind == T.MERIDIEM and tokens[i].lower in lx.lexicon().meridiem_first:
        before, i = _period(tokens, i), i + 1  # '午後3時'
    token = tokens[i] if i < len(tokens) else None
    if token is None:
        return None
    if token.kind == T.NUMBER and token.value == 12 and _at(tokens, i + 1, T.NOON):
        return _Time(12, 0, None, True, written(tokens, i, i + 2)), i + 2
    if token.kind == T.NOON:
        return _Time(12, 0, None, True, token.text), i + 1
    if token.kind == T.MIDNIGHT:
        return _Time(0, 0, None, True, token.text), i + 1
    if token.kind == T.CLOCK:  # ('15:00:00': the seconds say nothing)
        digits = re.findall(r"\d+", token.text)
        hour, minute = int(digits[0]), int(digits[1]) if len(digits) > 1 else 0
    elif (comma := _comma_clock(tokens, i, first)) is not None:
        hour, minute = comma  # 'Ore 17,00': a comma for the colon, after a word that says when
        i += 2
    elif token.kind == T.NUMBER and len(token.text) <= 2:
        hour, minute = token.value, 0
        marked = _at(tokens, i + 1, T.MERIDIEM) or hours_word(tokens, i + 1)
        if not (marked or bare or before or i == 1 and hours_word(tokens, 0)):
            return None  # (a line that opens with an hour's word: 'Ore 9 – Registrazione')
    elif token.kind == T.NUMBER and len(token.text) == 4 and (bare or hours_word(tokens, i + 1)):
        hour, minute = divmod(token.value, 100)  # '0800 – 0830', '0900 hrs'
    else:
        return None
    i += 1
    if token.kind == T.CLOCK and means(tokens, i, T.MINUTES) is not None:
        i += 1  # '8h30min'
    elif (hour, minute) == (12, 0) and _at(tokens, i, T.NOON):
        i += 1  # '12:00noon'
    meridiem = before or _period(tokens, i)
    if meridiem and not before:
        i += 1
    elif hours_word(tokens, i):  # '17.30 h', '0900 hrs', '9:00 Uhr', '17 h 30', '午後3時30分'
        i += 1
        if token.kind == T.NUMBER and _at(tokens, i, T.NUMBER) and len(tokens[i].text) == 2:
            minute, i = tokens[i].value, i + 1
            if means(tokens, i, T.MINUTES) is not None:
                i += 1
    text = written(tokens, first, i)
    if minute > 59:
        raise HeaderProblem(f"{text!r} is not a time: minute {minute} is past 59")
    if hour > 24:
        raise HeaderProblem(f"{text!r} is not a time: hour {hour} is past 23")
    return _Time(hour, minute, meridiem, False, text), i


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


def _clock(time: _Time, meridiem: str | None) -> Clock:
    hour = time.hour
    if hour > 12:  # '13:00 pm': a 24-hour time; the period says nothing more
        return Clock(hour % 24, time.minute)
    if meridiem == "a" and hour == 12:
        hour = 0
    elif meridiem == "p" and hour != 12:
        hour += 12
    return Clock(hour % 24, time.minute)


def _zone(tokens: Tokens, i: int) -> tuple[str | None, int]:
    """An optional zone, bare or in brackets: 'CST', '(PST)'."""
    if _at(tokens, i, T.ZONE):
        return tokens[i].text, i + 1
    if _at(tokens, i, T.OPEN) and _at(tokens, i + 1, T.ZONE) and _at(tokens, i + 2, T.CLOSE):
        return tokens[i + 1].text, i + 3
    return None, i


def is_dash(tokens: Tokens, i: int) -> bool:
    """'-', '–', '～', 'to', 'bis', 'à': what stands between the two ends of a range; a lone
    '?' too, where an en dash was lost on the way ('12:30?13:30')."""
    if _at(tokens, i, T.WORD) and tokens[i].text == "?":
        return i > 0 and tokens[i - 1].end == tokens[i].start
    return _at(tokens, i, T.DASH) or in_words(tokens, i, lx.lexicon().ranges)


def skip_from(tokens: Tokens, i: int) -> int:
    """Past the words that may stand before a time: 'from', 'ab', 'à partir de', 'alle ore'."""
    froms = lx.lexicon().froms
    j = i
    while j < len(tokens) and j - i < 3 and in_words(tokens, j, froms):
        j += 1
    return j


def read_range(tokens: Tokens, i: int, *, hhmm: bool = False) -> tuple[Span, int] | None:
    """A start time and an optional end: '9:00-10:30am', '8:30 a.m.–Noon', '12:00 -- 06:00 PM',
    'von 9 bis 12 Uhr', '10:00～12:00', '15.30 – 19 horas'.

    The start takes the end's a.m./p.m. when it has none of its own, unless that would put it
    after the end ('11-1 pm' starts at 11 a.m.; '12:00 -- 06:00 PM' at noon); a bare start
    takes the end's hour mark ('9 bis 12 Uhr').
    """
    i = skip_from(tokens, i)
    first = _read_time(tokens, i, bare=hhmm or _dash_then_time(tokens, i + 1))
    if first is None:
        return None
    start, i = first
    if start.hour == 24 and start.text[:2].isdigit() and ":" not in start.text:
        return None  # 'abierta 24 horas': open round the clock, no start at midnight
    zone, i = _zone(tokens, i)
    end: _Time | None = None
    end_day: Day | None = None
    if is_dash(tokens, i) or _at(tokens, i, T.CLOCK):  # '07:30   08:30': no dash between
        j = i + 1 if is_dash(tokens, i) else i
        if (day := read_day(tokens, j)) is not None:
            if start.text.isdigit() and not start.meridiem:
                return None  # '24 a 27 de agosto': days, not a time and a day
            end_day, j = day
            if _at(tokens, j, T.SEP) and tokens[j].text == ",":
                j += 1
        if (second := _read_time(tokens, j, bare=True)) is not None:
            end, i = second
            end_zone, i = _zone(tokens, i)
            zone = zone or end_zone
        elif (open_end := _open_end(tokens, j)) > j:
            i = open_end  # '19:00 – …', '06:30 PM - ??:?? PM': no end written
    return _span(start, end, end_day, zone), i


def _open_end(tokens: Tokens, i: int) -> int:
    """Past an end left open: '…', '...', '??:??', '?' (and a.m./p.m. after it)."""
    j = i
    while (
        j < len(tokens)
        and tokens[j].kind in (T.WORD, T.COLON)
        and set(tokens[j].text) <= set("?.…:")
    ):
        j += 1
    if j > i and _at(tokens, j, T.MERIDIEM):
        j += 1
    return j


def _span(start: _Time, end: _Time | None, end_day: Day | None, zone: str | None) -> Span:
    remark = None
    odd = [t for t in (start, end) if t is not None and t.meridiem and t.hour > 12]
    if odd:
        remark = f"{odd[0].text!r} is a 24-hour time with a.m./p.m.; read as {odd[0].hour}:" + (
            f"{odd[0].minute:02}"
        )
    hint = start.meridiem
    if hint is None and not start.named and end is not None and end_day is None:
        hint = end.meridiem
    start_clock = _clock(start, hint)
    end_clock = _clock(end, end.meridiem) if end else None
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
        start_clock = _clock(start, "a")
    if end is not None and (start.hour == 24 or end.hour == 24 and end.meridiem):
        raise HeaderProblem(f"{start.text!r} is not a time: hour 24 is past 23")
    return Span(start_clock, end_clock, end_day, zone, remark, _which_clock(start, end))


def _which_clock(*times: _Time | None) -> str:
    """Which clock a range is written on, if it says: '12', '24' or ''."""
    written = [t for t in times if t is not None and not t.named]
    if any(t.meridiem for t in written):
        return "12"
    if any(t.hour > 12 or t.text[:1] == "0" and 1 <= t.hour <= 7 for t in written):
        return "24"
    return ""


def _dash_then_time(tokens: Tokens, i: int) -> bool:
    return is_dash(tokens, i) and i + 1 < len(tokens) and tokens[i + 1].kind in (T.CLOCK, T.NUMBER)


def read_days(tokens: Tokens, i: int) -> tuple[Day, Day, int] | None:
    """A run of days: 'July 4th - July 8th 2022', 'September 14-17, 2025', '4–8 July 2022'.
    A year written once belongs to both ends."""
    if _day_number(tokens[i]) and is_dash(tokens, i + 1) and (found := read_day(tokens, i + 2)):
        last, end = found
        first = last._replace(day=tokens[i].value, weekday=None, text=tokens[i].text)
        return first, last, end
    found = read_day(tokens, i)
    if found is None or not is_dash(tokens, found[1]):
        return None
    first, j = found
    if (again := read_day(tokens, j + 1)) is not None:
        last, end = again
    elif j + 1 < len(tokens) and _day_number(tokens[j + 1]):
        last, end = first._replace(day=tokens[j + 1].value, weekday=None), j + 2
        if _at(tokens, end, T.SEP) and end + 1 < len(tokens) and is_year(tokens[end + 1]):
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


def read_weekdays(tokens: Tokens, i: int) -> tuple[Day, Day, int] | None:
    """A run of weekdays: 'Monday to Thursday', 'Mon–Fri', 'lunes a jueves' (days without
    their month, as a weekday heading is)."""
    first, last = means(tokens, i, T.WEEKDAY), means(tokens, i + 2, T.WEEKDAY)
    if first is None or last is None or first < 0 or last < 0 or not is_dash(tokens, i + 1):
        return None
    text = written(tokens, i, i + 3)
    return Day(0, 0, first, None, text), Day(0, 0, last, None, text), i + 3


def read_length(tokens: Tokens, i: int) -> tuple[int, int] | None:
    """A length of time and the position after it: '(45 min)', '2 hours', '(1 h 30 min)'."""
    opened = _at(tokens, i, T.OPEN)
    j = i + 1 if opened else i
    minutes = 0
    while True:
        if _at(tokens, j, T.NUMBER) and (unit := means(tokens, j + 1, T.LENGTH)) is not None:
            minutes, j = minutes + tokens[j].value * unit, j + 2
        elif _at(tokens, j, T.CLOCK) and (hours := _HOURS_GLUED.fullmatch(tokens[j].text)):
            minutes += 60 * int(hours[1]) + int(hours[2] or 0)  # '(1h)', '(1h50min)'
            j += 2 if hours[2] and means(tokens, j + 1, T.LENGTH) == 1 else 1
        else:
            break
    if not minutes:
        return None
    if opened:
        if not _at(tokens, j, T.CLOSE):
            return None
        j += 1
    return minutes, j


def read_when(tokens: Tokens, i: int) -> tuple[Day, Span, int] | None:
    """A date and the times after it: 'Tue 6 Jun 09:00 a.m.', 'Dec 6, 2023 · 12:45 PM – 1:45 PM'."""
    day = read_day(tokens, i)
    if day is None:
        return None
    date, i = day
    if i < len(tokens) and tokens[i].kind in (T.SEP, T.COLON, T.DASH) and tokens[i].text != "/":
        i += 1
    if _at(tokens, i, T.WORD) and tokens[i].lower in ("at", "from"):
        i += 1
    found = read_range(tokens, i)
    if found is None:
        return None
    span, i = found
    return date, span, i
