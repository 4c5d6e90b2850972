"""What a token is: one name, `T`, for every kind the scanner (tokens.py) and the lexicon
(lexicon.py) give a chunk of a line. The rules compare `token.kind` with these.

A plain namespace of strings, not an Enum: the grammar compares kinds millions of times a
second, and an Enum member's lookup costs eight times a class attribute's (165 ns against
20-40 ns here, Python 3.11).
"""

from __future__ import annotations

from typing import Final


class T:
    # Words, as the lexicon knows them (from CLDR):
    WEEKDAY: Final = "weekday"
    MONTH: Final = "month"
    MERIDIEM: Final = "meridiem"  # a.m. or p.m.
    NOON: Final = "noon"
    MIDNIGHT: Final = "midnight"
    HOURS: Final = "hours"  # a mark after a clock's hour: '18 Uhr', '10時'
    MINUTES: Final = "minutes"  # a mark after its minute: '30分'
    LENGTH: Final = (
        "length"  # a unit of a length of time: 'hours', 'Stunden', 'min' (value: minutes)
    )
    # Chunks the scanner cuts:
    NUMBER: Final = "number"
    CLOCK: Final = "clock"
    ZONE: Final = "zone"
    DASH: Final = "dash"
    SEP: Final = "sep"
    AT: Final = "at"
    OPEN: Final = "open"
    CLOSE: Final = "close"
    COLON: Final = "colon"
    WORD: Final = "word"
    DATE: Final = "date"  # a date in numbers with its year: '2024-09-12', '12.09.2024', '9/12/2024'
    DAYMONTH: Final = "daymonth"  # a day and month in numbers, no year: '3.9.', '26/06', '7/04'
