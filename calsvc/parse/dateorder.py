"""Which way a page writes its dates in numbers: '07/05/2013' is 7 May on a Portuguese page
and July 5 on an American one.

A slashed date whose two numbers could each be the month ('7/04') is read once the page has
spoken, in this order of evidence:

1. the page's own dates that can only be one way ('25/09/2024' is day first), or the
   weekdays they are written with, in the conference's year ('03/01 Saturday' in 2008 is
   1 March);
2. its language, when that is not English: the language of the month and weekday names it
   writes, or of its most common words CLDR knows, and that language's order (CLDR);
3. the country of the conference's time zone and the order its people write (en_GB: day
   first, en_US: month first);
4. otherwise month first, as the grammar read it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

import pytz
from babel import Locale, UnknownLocaleError

from . import lexicon as lx
from .blocks import Block
from .datecore import weekday_of
from .dates import Day
from .notes import Notes

SAMPLE_LINES = 400  # lines of a page read to tell its language
_WORD = re.compile(r"[^\W\d_]{3,}")


def order_dates(
    blocks: list[Block], lines: list[str], zone: str, notes: Notes, year: int | None = None
) -> None:
    """Reads the page's open dates ('?') day first when the evidence says so, saying why."""
    open_days = [b for b in blocks if b.day is not None and b.day.order == "?"]
    if not open_days:
        return
    days = [b.day for b in open_days if b.day is not None]
    day_first, why = _weekday_order(days, year) or _page_order(blocks, lines, zone)
    if day_first:
        for block in open_days:
            assert block.day is not None
            block.day = block.day.day_first()
    first = open_days[0]
    assert first.day is not None
    notes.add(
        first.line,
        "info",
        "date-order",
        f"dates such as {first.day.text!r} read {'day' if day_first else 'month'} first: {why}",
    )


def _page_order(blocks: Iterable[Block], lines: list[str], zone: str) -> tuple[bool, str]:
    shown = Counter(b.day.order for b in blocks if b.day is not None and b.day.order in "dm md")
    if shown:
        order, _ = shown.most_common(1)[0]
        return order == "dm", "other dates on the page can only be read that way"
    language = page_language(lines)
    if language and language != "en":
        return lx.lexicon().day_first.get(language, True), f"the page is in {language!r}"
    if (territory := _territory(zone)) is not None:
        return territory
    return False, "nothing on the page or in its time zone says otherwise"


def _weekday_order(days: list[Day], year: int | None) -> tuple[bool, str] | None:
    """The order in which every open date's weekday fits the year, when only one does."""
    fits = Counter[bool]()
    weekdays = 0
    for day in days:
        in_year = day.year or year
        if day.weekday is None or in_year is None:
            continue
        weekdays += 1
        for day_first, (month, number) in (
            (False, (day.month, day.day)),
            (True, (day.day, day.month)),
        ):
            fits[day_first] += weekday_of(in_year, month, number) == day.weekday
    fitting = [day_first for day_first in (False, True) if weekdays and fits[day_first] == weekdays]
    if len(fitting) != 1:
        return None
    return fitting[0], "their weekdays fit only that way"


def page_language(lines: list[str]) -> str | None:
    """The language whose calendar words the page writes most."""
    words = lx.lexicon().languages
    votes: Counter[str] = Counter()
    for line in lines[:SAMPLE_LINES]:
        for word in _WORD.findall(line):
            for language in words.get(word.casefold(), ()):
                votes[language.split("_")[0]] += 1
    return votes.most_common(1)[0][0] if votes else None


@functools.cache
def _territory(zone: str) -> tuple[bool, str] | None:
    """The order written in the country of a time zone, from CLDR's most likely locale."""
    country = _countries().get(zone)
    if country is None:
        return None
    try:
        locale = Locale.parse(f"und_{country}")
    except (UnknownLocaleError, ValueError):
        return None
    return lx.day_first_in(locale), f"{zone} is in {country}, where {locale} is written"


@functools.cache
def _countries() -> dict[str, str]:
    return {zone: code for code, zones in pytz.country_timezones.items() for zone in zones}
