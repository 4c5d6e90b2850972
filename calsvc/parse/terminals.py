"""The terminals of the date grammar (see when.py): what one token is where a rule looks -
a word of a kind ('Tue' a weekday, 'Uhr' an hour's mark), a dash or a from-word, 'of', a
year, a day's number - and the text a run of tokens was written as.

The rules in dates.py, datecore.py, clock.py and ranges.py are made of these tests, and the
readers of lines use them to look around a date or time they found.
"""

from __future__ import annotations

import re

from ..model import FIRST_YEAR, LAST_YEAR
from . import lexicon as lx
from .tokenkinds import T
from .tokens import CJK, Token, Tokens

# Between a day and its month or year: '6th of June', '12 de septiembre de 2024', '14 tháng 3
# năm 2016' (Vietnamese: 'year').
OF = frozenset({"of", "de", "del", ".", "năm"})
_CJK_LETTER = re.compile(f"[{CJK}]")


def at(tokens: Tokens, i: int, kind: str) -> bool:
    """Whether there is a token i, of this kind."""
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
    """Whether token i is a word of these (as the lexicon folds them)."""
    return i < len(tokens) and tokens[i].kind == T.WORD and tokens[i].lower in words


ERA_YEARS = 1000  # the value of a short number at least this is a year of an era


def is_year(token: Token) -> bool:
    """A number of four digits within the years calsvc reads, or a year of a Japanese era
    (tokens.py gives '平成26年' the value 2014)."""
    return (
        token.kind == T.NUMBER
        and (len(token.text) == 4 or token.value >= ERA_YEARS)
        and FIRST_YEAR <= token.value <= LAST_YEAR
    )


def day_number(token: Token) -> bool:
    """A number that may be a day of the month: '6', '06', '6th', '1º'."""
    short = len(token.text.rstrip("stndrheSTNDRHEº°ª")) <= 2
    return token.kind == T.NUMBER and short and token.value < ERA_YEARS


def hours_word(tokens: Tokens, i: int) -> bool:
    """'Uhr', 'h', 'hrs', '時', 'horas', 'uur' after a time; in lower case, a word whose first
    meaning is another ('21 sat': Croatian hours, where 'Sat' is Saturday)."""
    if means(tokens, i, T.HOURS) is not None:
        return True
    token = tokens[i] if i < len(tokens) else None
    return (
        token is not None
        and token.text.islower()
        and lx.lexicon().means(token.lower, T.HOURS) is not None
    )


def in_a_code(tokens: Tokens, i: int) -> bool:
    """Whether the number at i is glued to the letters before it, as in a room's code ('Aula
    K2-1', 'P1-204'): no time nor day (a CJK word glued before it may be: '会期2日')."""
    if i == 0 or tokens[i].kind != T.NUMBER or tokens[i - 1].kind != T.WORD:
        return False
    last = tokens[i - 1].text[-1:]
    return tokens[i - 1].end == tokens[i].start and last.isalpha() and not _CJK_LETTER.match(last)


def is_dash(tokens: Tokens, i: int) -> bool:
    """'-', '–', '～', 'to', 'bis', 'à': what stands between the two ends of a range; a lone
    '?' too, where an en dash was lost on the way ('12:30?13:30')."""
    if at(tokens, i, T.WORD) and tokens[i].text == "?":
        return i > 0 and tokens[i - 1].end == tokens[i].start
    return at(tokens, i, T.DASH) or in_words(tokens, i, lx.lexicon().ranges)


def skip_from(tokens: Tokens, i: int) -> int:
    """Past the words that may stand before a time: 'from', 'ab', 'à partir de', 'alle ore',
    and a colon after them ('Saat: 18.00')."""
    froms = lx.lexicon().froms
    j = i
    while j < len(tokens) and j - i < 3 and in_words(tokens, j, froms):
        j += 1
    if i < j < len(tokens) and tokens[j].kind == T.COLON:
        j += 1
    return j


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
