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

Each rule here is a `read_<rule>` function (day, core, time, range, when, days, weekdays,
length; `of` and `open` are steps of those) in the module of its part: dates.py (day, days,
weekdays), datecore.py (core), clock.py (time), ranges.py (range, length) and this one
(when). tests/parse/test_dates.py holds this list to them.

`weekday`, `month`, `period` (a.m./p.m.), `hours` ('Uhr', 'h', '時'), `minutes`, `from` and
`dash` ('to', 'bis', '～') are words of the lexicon (CLDR, and words.toml), tested for in
terminals.py: a word counts as one where the rule wants it, so 'mar' is March in 'Mar 4' and
Tuesday in 'mar. 4 oct.'.
Each rule takes the tokens and a position and gives back what it read with the position
after it, or None; none of them looks further than a few tokens, so reading a line is linear.
Here too are the cheap tests of whether a date or time may begin at a token, or a line
plainly holds one.
"""

from __future__ import annotations

from . import lexicon as lx
from .dates import Day, read_day
from .ranges import Span, read_range
from .terminals import at, day_number, hours_word, in_a_code, means
from .tokenkinds import T
from .tokens import Tokens

# The kinds of token a date or a time may begin with: where the rules below are tried.
_FIRST = frozenset(
    {T.WEEKDAY, T.MONTH, T.NUMBER, T.CLOCK, T.DATE, T.DAYMONTH, T.NOON, T.MIDNIGHT, T.MERIDIEM}
)


def may_begin(tokens: Tokens, i: int) -> bool:
    """Whether a date or a time may begin at token i (a cheap test before the rules run)."""
    token = tokens[i]
    if token.kind in _FIRST:
        return not in_a_code(tokens, i)
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
        if token.kind == T.MONTH and i + 1 < len(tokens) and day_number(tokens[i + 1]):
            return True
    return False


def read_when(tokens: Tokens, i: int) -> tuple[Day, Span, int] | None:
    """A date and the times after it: 'Tue 6 Jun 09:00 a.m.', 'Dec 6, 2023 · 12:45 PM – 1:45 PM'."""
    day = read_day(tokens, i) or _weekday_before_time(tokens, i)
    if day is None:
        return None
    date, i = day
    if i < len(tokens) and tokens[i].kind in (T.SEP, T.COLON, T.DASH) and tokens[i].text != "/":
        i += 1
    if at(tokens, i, T.WORD) and tokens[i].lower in lx.lexicon().before_times:
        i += 1  # 'Tue 6 Jun at 09:00', 'Onsdag kl. 13.00 - 17.30', 'Samstag um 10:00'
    found = read_range(tokens, i)
    if found is None:
        return None
    span, i = found
    return date, span, i


def _weekday_before_time(tokens: Tokens, i: int) -> tuple[Day, int] | None:
    """A weekday's name, capitalised, right before a clock time ('Fri 6:05 a.m. - 6:35
    a.m.', as a virtual conference lists each talk): a day that the page's dates tell."""
    weekday = means(tokens, i, T.WEEKDAY)
    said = at(tokens, i + 1, T.WORD) and tokens[i + 1].lower in lx.lexicon().before_times
    if weekday is None or weekday == lx.UNKNOWN or not at(tokens, i + 1 + said, T.CLOCK):
        return None
    if len(tokens[i].text) < 3 or not tokens[i].text[:1].isupper():
        return None
    return Day(0, 0, weekday, None, tokens[i].text), i + 1
