"""Lines → tokens: the words of dates and times, told apart from everything else.

One compiled scanner reads a line left to right; each match becomes a Token whose kind says
what it can be (a weekday, a month, a number, a clock time, a.m./p.m., a zone, a dash, a
separator, `@`, a bracket, or a plain word). The grammar in `when.py` reads these tokens;
nothing here decides what a line means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEEKDAY, MONTH, NUMBER, CLOCK, MERIDIEM, NOON, MIDNIGHT = (
    "weekday",
    "month",
    "number",
    "clock",
    "meridiem",
    "noon",
    "midnight",
)
ZONE, DASH, SEP, AT, OPEN, CLOSE, COLON, ISO, WORD = (
    "zone",
    "dash",
    "sep",
    "at",
    "open",
    "close",
    "colon",
    "iso",
    "word",
)

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

# Abbreviations people write after a time. Two-letter US forms ('PT') name a zone without
# its half of the year. Anything else in capitals is a word, so 'ML' or 'AI' never is a zone.
ZONES = frozenset(
    [
        "UTC",
        "GMT",
        "Z",
        "WET",
        "WEST",
        "BST",
        "IST",
        "CET",
        "CEST",
        "EET",
        "EEST",
        "MSK",
        "TRT",
        "GST",
        "PKT",
        "ICT",
        "WIB",
        "SGT",
        "HKT",
        "CST",
        "AWST",
        "JST",
        "KST",
        "ACST",
        "ACDT",
        "AEST",
        "AEDT",
        "NZST",
        "NZDT",
        "HST",
        "AKST",
        "AKDT",
        "PST",
        "PDT",
        "MST",
        "MDT",
        "CDT",
        "EST",
        "EDT",
        "AST",
        "ADT",
        "NST",
        "NDT",
        "BRT",
        "ART",
        "CLT",
        "CLST",
        "COT",
        "PET",
        "SAST",
        "CAT",
        "EAT",
        "WAT",
        "PT",
        "MT",
        "CT",
        "ET",
        "AoE",
    ]
)

_WEEKDAY_WORDS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
_MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_SCANNER = re.compile(
    rf"""
    (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?!\d)
  | (?P<clock>\d{{1,2}}(?:[:.]\d{{2}}|h\d{{2}}|h(?![a-z])))(?![\d:])
  | (?P<number>\d+)(?P<ordinal>st|nd|rd|th)?(?![\d:])
  | (?P<meridiem>[ap]\.?m\b\.?)
  | (?P<weekday>(?:{_WEEKDAY_WORDS})\b\.?)
  | (?P<month>(?:{_MONTH_WORDS})\b\.?)
  | (?P<noon>noon\b)
  | (?P<midnight>midnight\b)
  | (?P<dash>-{{1,3}}|[\u2010-\u2015\u2212]|\b(?:to|until|till)\b)
  | (?P<sep>[|·⋅•,;/\t])
  | (?P<at>@)
  | (?P<open>[(\[])
  | (?P<close>[)\]])
  | (?P<colon>:)
  | (?P<zone>(?-i:[A-Z]{{1,4}}T|UTC|GMT|Z|AoE)(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?\b)
  | (?P<word>[^\s|·⋅•,;/@()\[\]:\-\u2010-\u2015\u2212]+)
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, the text it covers (start, end in the line), and its value."""

    kind: str
    text: str
    start: int
    end: int
    value: int = 0

    @property
    def lower(self) -> str:
        return self.text.lower()


def _zone_or_word(text: str) -> str:
    base = re.split(r"[+-]", text, maxsplit=1)[0]
    return ZONE if base in ZONES else WORD


def tokenize(line: str) -> list[Token]:
    """The tokens of a line, spaces dropped; every character outside a space is covered."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _SCANNER.finditer(line):
        kind = match.lastgroup
        text = match[0]
        start, end = match.span()
        if kind == "ordinal":  # the number group matched with an ordinal ending
            kind = "number"
        if kind == "number":
            append(Token(NUMBER, text, start, end, int(match["number"])))
        elif kind == "weekday":
            append(Token(WEEKDAY, text, start, end, WEEKDAYS[text[:3].lower()]))
        elif kind == "month":
            append(Token(MONTH, text, start, end, MONTHS[text[:3].lower()]))
        elif kind == "zone":
            append(Token(_zone_or_word(text), text, start, end))
        else:
            append(Token(kind or WORD, text, start, end))
    return tokens
