"""The core of a date (the grammar's `core`, see when.py): its month, day and maybe year,
written in numbers ('12.09.2024', '9/12/2024', '3.9.'), in words ('6th of June', 'Dec 9',
'2024. szeptember 12.') or with CJK marks ('6月26日'); and which order a date in numbers
shows ('25/09' day first, '9/25' month first, '7/04' either).
"""

from __future__ import annotations

import calendar
import re

from ..errors import HeaderProblem
from . import lexicon as lx
from .terminals import OF, at, day_number, in_words, is_year, means
from .tokenkinds import T
from .tokens import CJK, Token, Tokens

_CJK_WORD = re.compile(f"[{CJK}]")
CENTURY_PIVOT = 69  # a two-digit year below this is this century's, as strptime has it
Core = tuple[tuple[int, int, int | None, str], int]  # (month, day, year, order), the end


def read_core(tokens: Tokens, i: int, weekday: bool) -> Core | None:
    """Month, day, year (or None) and the order of a date in numbers, and the position after."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == T.DATE:
        month, day, year, order = _numeric_date(token.text)
        return (month, day, year, order), i + 1
    alone = len(tokens) == 1  # ('14.09.' alone: a table's column of days)
    year_next = i + 1 < len(tokens) and is_year(tokens[i + 1])  # '23.10. 2022'
    if token.kind == T.DAYMONTH and (
        weekday
        or alone
        or year_next
        or weekday_in_brackets(tokens, i + 1)
        or _weekday_next(tokens, i + 1)
        or _cjk_after(tokens, i)
    ):
        numeric, numeric_day, _, order = _numeric_date(token.text)
        return (numeric, numeric_day, None, order), i + 1
    if (found := _cjk(tokens, i)) is not None:
        return found
    if weekday and (found := _dotted_day(tokens, i)) is not None:
        return found
    if is_year(token) and (found := read_core(tokens, _past_year(tokens, i + 1), weekday)):
        (month, day, _, order), end = found  # '2024. szeptember 12.', '2024 September 12'
        if order == "" and not at(tokens, i + 1, T.DATE):
            end += _stop(tokens, end)
            return (month, day, token.value, order), _past_year_words(tokens, end)
    if day_number(token):
        j = i + 1 + _ordinal_ending(tokens, i + 1)
        if in_words(tokens, j, OF) or at(tokens, j, T.WORD) and tokens[j].text == ".":
            j += 1  # '6th of June', '12 de septiembre', '12. September'
        elif _elided_of(tokens, j):
            j += 2  # "2 d'octubre", '15 d’abril'
        named = means(tokens, j, T.MONTH)
        return None if named is None else ((named, token.value, None, ""), j + 1)
    if (named := means(tokens, i, T.MONTH)) is not None and _strong_or_capital(tokens[i]):
        j = i + 1
        if at(tokens, j, T.WORD) and tokens[j].text == ".":
            j += 1
        if j < len(tokens) and day_number(tokens[j]):
            return (named, tokens[j].value, None, ""), j + 1
    return None


def _cjk_after(tokens: Tokens, i: int) -> bool:
    """Whether a day and month in numbers opens a line of CJK words ('12/3 飞书会议直播'): as
    Chinese and Japanese posts head a day, where a fraction or a score stands among words."""
    return i == 0 and i + 1 < len(tokens) and bool(_CJK_WORD.match(tokens[i + 1].text))


def _elided_of(tokens: Tokens, i: int) -> bool:
    """ "d'" before a month that begins with a vowel: "2 d'octubre", "15 d’abril" (Catalan)."""
    return (
        at(tokens, i, T.WORD)
        and tokens[i].lower == "d"
        and at(tokens, i + 1, T.WORD)
        and tokens[i + 1].text in ("'", "’")
        and tokens[i].end == tokens[i + 1].start
    )


def _dotted_day(tokens: Tokens, i: int) -> Core | None:
    """'Четверг 27.07', 'Fredagen den 26.9': a day and a month after a weekday, written as a
    time would be ('27.07') or with a one-digit month; day first, as dotted dates are."""
    if tokens[i].kind == T.CLOCK and re.fullmatch(r"\d{1,2}\.\d{2}", tokens[i].text):
        day, month = (int(part) for part in tokens[i].text.split("."))
        end = i + 1
    elif (
        tokens[i].kind == T.NUMBER
        and at(tokens, i + 1, T.WORD)
        and tokens[i + 1].text == "."
        and at(tokens, i + 2, T.NUMBER)
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


def _past_year(tokens: Tokens, i: int) -> int:
    """Past the stop and the word after a year that comes first: '2024. gada', '2024 m.'."""
    return _past_year_words(tokens, i + _stop(tokens, i))


def _past_year_words(tokens: Tokens, i: int) -> int:
    return i + 1 if in_words(tokens, i, lx.lexicon().year_words) else i


def _ordinal_ending(tokens: Tokens, i: int) -> int:
    """2 for an ordinal ending after a hyphen ('la 12-a de septembro', Esperanto), else 0."""
    glued = at(tokens, i, T.DASH) and at(tokens, i + 1, T.WORD)
    if glued and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start:
        return 2 if tokens[i + 1].text in ("a", "an") else 0
    return 0


def _stop(tokens: Tokens, i: int) -> int:
    """1 past a full stop written as a token of its own ('2024. szeptember'), else 0."""
    return 1 if at(tokens, i, T.WORD) and tokens[i].text == "." else 0


def _strong_or_capital(token: Token) -> bool:
    """A month that stands first: its own token, or a short or everyday word capitalised
    ('Des 17', not 'des 17. Jahrhunderts'); a month of two letters with its full stop ('ag.
    3', not 'AG 3: Wohnen', a working group)."""
    if token.kind == T.WORD and len(token.text.rstrip(".")) <= 2 and not token.text.endswith("."):
        return False
    return token.kind != T.WORD or token.text[:1].isupper()


def _weekday_next(tokens: Tokens, i: int) -> bool:
    """Whether a weekday follows, past a comma or a dash ('25.01- SEGUNDA', '26/06, qui')."""
    j = i + 1 if at(tokens, i, T.DASH) or at(tokens, i, T.SEP) and tokens[i].text == "," else i
    word = tokens[j] if j < len(tokens) else None
    return word is not None and len(word.text) > 2 and means(tokens, j, T.WEEKDAY) is not None


def weekday_in_brackets(tokens: Tokens, i: int) -> bool:
    return (
        at(tokens, i, T.OPEN)
        and means(tokens, i + 1, T.WEEKDAY) is not None
        and at(tokens, i + 2, T.CLOSE)
    )


def _cjk(tokens: Tokens, i: int) -> Core | None:
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


def by_weekday(month: int, day: int, year: int, weekday: int) -> tuple[int, int, str]:
    """The order of '9/12/2024' that its weekday fits, if only one does."""
    fits = [(m, d) for m, d in ((month, day), (day, month)) if weekday_of(year, m, d) == weekday]
    if len(fits) == 1:
        return fits[0][0], fits[0][1], "md" if fits[0] == (month, day) else "dm"
    return month, day, "?"


def weekday_of(year: int, month: int, day: int) -> int | None:
    """The weekday of a date (Monday 0), or None when there is no such date."""
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return calendar.weekday(year, month, day)
    return None
