"""Lines → tokens: the words of dates and times, told apart from everything else.

A small scanner cuts a line into chunks (a date in numbers, a number or clock time,
a.m./p.m., a run of letters, a dash, any other single character); a table lookup then says
what each chunk can be: a weekday, a month, a number, a clock time, a.m./p.m., noon,
midnight, a zone, a dash, a separator, `@`, a bracket, a colon, or a plain word. The
grammar in `when.py` reads these tokens; nothing here decides what a line means.
"""

from __future__ import annotations

import re
from typing import NamedTuple

WEEKDAY, MONTH, NUMBER, CLOCK, MERIDIEM, NOON, MIDNIGHT = (
    "weekday",
    "month",
    "number",
    "clock",
    "meridiem",
    "noon",
    "midnight",
)
ZONE, DASH, SEP, AT, OPEN, CLOSE, COLON, DATE, WORD = (
    "zone",
    "dash",
    "sep",
    "at",
    "open",
    "close",
    "colon",
    "date",  # a date in numbers: '2024-09-12', '12.09.2024', '9/12/2024', '12.9.24'
    "word",
)

# Each month's names: English (with abbreviations), French, German, Spanish, Italian.
_MONTH_NAMES = [
    "jan january janvier januar enero gennaio",
    "feb february février fevrier februar febrero febbraio",
    "mar march mars märz marz marzo",
    "apr april avril abril aprile",
    "may mai mayo maggio",
    "jun june juin juni junio giugno",
    "jul july juillet juli julio luglio",
    "aug august août aout agosto",
    "sep sept september septembre septiembre setiembre settembre",
    "oct october octobre oktober octubre ottobre",
    "nov november novembre noviembre",
    "dec december décembre decembre dezember diciembre dicembre",
]
_WEEKDAY_NAMES = [  # each weekday's names, in the same languages (no two-letter forms: 'Do', 'So')
    "mon monday lundi montag lunes lunedì lunedi",
    "tue tues tuesday mardi dienstag martes martedì martedi",
    "wed wednesday mercredi mittwoch miércoles miercoles mercoledì mercoledi",
    "thu thur thurs thursday jeudi donnerstag jueves giovedì giovedi",
    "fri friday vendredi freitag viernes venerdì venerdi",
    "sat saturday samedi samstag sonnabend sábado sabado",
    "sun sunday dimanche sonntag domingo domenica",
]
_MONTH_WORDS = {name: n for n, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
_WEEKDAY_WORDS = {name: n for n, names in enumerate(_WEEKDAY_NAMES) for name in names.split()}

# Abbreviations people write after a time. Two-letter US forms ('PT') name a zone without
# its half of the year. Anything else in capitals is a word, so 'ML' or 'AI' never is a zone.
ZONES = frozenset(
    {
        *("UTC", "GMT", "Z", "WET", "WEST", "BST", "IST", "CET", "CEST", "EET", "EEST", "MSK"),
        *("TRT", "GST", "PKT", "ICT", "WIB", "SGT", "HKT", "CST", "AWST", "JST", "KST", "ACST"),
        *("ACDT", "AEST", "AEDT", "NZST", "NZDT", "HST", "AKST", "AKDT", "PST", "PDT", "MST"),
        *("MDT", "CDT", "EST", "EDT", "AST", "ADT", "NST", "NDT", "BRT", "ART", "CLT", "CLST"),
        *("COT", "PET", "SAST", "CAT", "EAT", "WAT", "PT", "MT", "CT", "ET", "AoE"),
    }
)
_WORD_KINDS = {"noon": NOON, "midnight": MIDNIGHT, "to": DASH, "until": DASH, "till": DASH}
_SINGLE = {
    "|": SEP,
    "·": SEP,
    "⋅": SEP,
    "•": SEP,
    ",": SEP,
    ";": SEP,
    "/": SEP,
    "\t": SEP,
    "@": AT,
    "(": OPEN,
    "[": OPEN,
    ")": CLOSE,
    "]": CLOSE,
    ":": COLON,
}
_SCANNER = re.compile(
    r"""
    (?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}(?P<sep>[./])\d{1,2}(?P=sep)(?:\d{4}|\d{2})
      |\d{1,2}-\d{1,2}-\d{4})(?!\d)
  | (?P<clock>\d{1,2}(?:[:.]\d{2}|h\d{2}|h(?![a-z])))(?!\d|:\d)
  | (?P<number>\d+)(?P<ordinal>st|nd|rd|th|er)?(?![a-z])
  | (?P<meridiem>[ap]\.m\b\.?|[ap]m\b)
  | (?P<offset>(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)
  | (?P<letters>[^\W\d_]+\.?)
  | (?P<dash>-{1,3}|[\u2010-\u2015\u2212])
  | (?P<other>[^\s\t]|\t)
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Each word that is more than a word, with its kind and value: 'tue' → (WEEKDAY, 1).
_KNOWN_WORDS = {
    **{word: (WEEKDAY, value) for word, value in _WEEKDAY_WORDS.items()},
    **{word: (MONTH, value) for word, value in _MONTH_WORDS.items()},
    **{word: (kind, 0) for word, kind in _WORD_KINDS.items()},
}


class Token(NamedTuple):
    """One token: its kind, the text it covers (start, end in the line), and its value."""

    kind: str
    text: str
    start: int
    end: int
    value: int = 0

    @property
    def lower(self) -> str:
        return self.text.lower()


def _letters(text: str, start: int, end: int) -> Token:
    word = text.rstrip(".")
    if (known := _KNOWN_WORDS.get(word.lower())) is not None:
        return Token(known[0], text, start, end, known[1])
    if word in ZONES:
        return Token(ZONE, word, start, start + len(word))
    return Token(WORD, text, start, end)


def tokenize(line: str) -> list[Token]:
    """The tokens of a line, spaces dropped; every other character is in one token."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _SCANNER.finditer(line):
        kind = match.lastgroup
        text = match.group()
        start, end = match.span()
        if kind == "letters":
            append(_letters(text, start, end))
        elif kind == "number" or kind == "ordinal":  # 'ordinal': a number with 'th' after it
            append(Token(NUMBER, text, start, end, int(match["number"])))
        elif kind == "other":
            append(Token(_SINGLE.get(text, WORD), text, start, end))
        elif kind == "offset":
            append(Token(ZONE, text, start, end))
        else:
            append(Token(kind or WORD, text, start, end))
    return tokens
