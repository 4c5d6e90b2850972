"""Day headings: a date over the time rows of its day, with the words pages put around it.

    Monday 14 October 2024                         the date alone
    DAY 1 Sunday, September 14                     a label before it ('Day 2:', 'PREP DAY')
    Main Hall Monday, March 25, 2024               a room before it: the day's room
    Day 2: Tuesday, 18 July (Room 3.01)            a room after it, in brackets
    Tuesday 3 September    Time    Location        column titles after it
    Monday, 3.12.2018 Tutorials                    a short name after a full date (a link's text)
    May 1: All day at the convention centre        a colon and a description
    Saturday (Feb 8, 2025)                         the date in brackets
    9月21日（日） 場所：駿河文化会館                 a location field after it
    Monday                                         a weekday alone, in a week the page gives once
    From Monday to Thursday (5th till 8th of July) a run of days, each holding the rows below
    Day 2    1st day    Hari ke-2    2 일 차      a day by its number in the days given once

A sentence that holds a date ('The workshop will be held on June 8, 2023') is no heading:
what stands before the date must be short and not run on into it.
"""

from __future__ import annotations

import re

from ..errors import HeaderProblem
from . import lexicon as lx
from .datecore import read_core
from .dates import Day, read_day, read_days, read_weekdays
from .forms import DayHeading
from .labels import Vocabulary
from .places import names_a_place, room_line
from .ranges import read_range
from .roles import MAX_HEADING_WORDS, MAX_ROOM, field_name, is_field, words
from .rooms import room_of
from .terminals import at, means, skip_from, written
from .tokenkinds import T
from .tokens import Tokens
from .when import may_begin

_SEPARATORS = (T.SEP, T.DASH, T.COLON)
MAX_EVENT_DAYS = 31  # 'Day 40' is no day of one event's programme
MAX_EVENT_DAY_LEAD = 2  # words before 'Day 1' on its line: 'Agenda Day 1', 'جدول الأعمال'


def read_heading(text: str, tokens: Tokens) -> DayHeading | None:
    """A day heading, or None. Raises HeaderProblem for a date that cannot be."""
    if (numbered := _event_day(text, tokens)) is not None:
        return numbered
    if (alone := _weekday_alone(text, tokens)) is not None:
        return alone
    if (run := _run_of_days(tokens)) is not None:
        return run
    for first in range(min(len(tokens), 2 * MAX_HEADING_WORDS)):
        if not may_begin(tokens, first) or _counts_days(tokens, first):
            continue
        found = read_day(tokens, first) or _labelled_day_month(text, tokens, first)
        if found is None:
            continue
        if _run(tokens, first) or _range_ends(tokens, first, found[0]):
            return None  # 'July 4th - July 8th 2022', '13-14 Eylül': the event's days, no one day
        day, end = found
        before = text[: tokens[first].start].strip(" \t,;-–—|·⋅:@(<〈【《")
        prefix_room = _prefix(before, tokens[:first])
        if prefix_room is None:
            return None
        end = _same_day_again(tokens, end, day)
        after = text[tokens[end].start :] if end < len(tokens) else ""
        suffix_room = _suffix(after, tokens, end, _strong(day) and first == 0)
        if suffix_room is None or _time_after(tokens, end):
            return None
        if not (prefix_room or suffix_room) and tokens[first].kind == T.DATE:
            suffix_room = _town(tokens, end)  # '18.08.2023. godine – Knjaževac'
        return DayHeading(day, prefix_room or suffix_room or None)
    return None


def _labelled_day_month(text: str, tokens: Tokens, first: int) -> tuple[Day, int] | None:
    """'Day 1 (17/06)', 'Jour 2 – 18/06': a day and month in numbers after a day's label
    (alone, '17/06' may be a score or a fraction; after 'Day 1' it is a date)."""
    before = text[: tokens[first].start].strip(" \t,;-–—|·⋅:(")
    if tokens[first].kind != T.DAYMONTH or not before or _prefix(before, tokens[:first]) != "":
        return None
    if not all(map(_day_label_word, before.split())):
        return None
    found = read_core(tokens, first, True)
    if found is None:
        return None
    (month, day, _, order), end = found
    return Day(month, day, None, None, tokens[first].text, order), end


def _run(tokens: Tokens, first: int) -> bool:
    """Whether a run of days starts at `first` (not one day written twice)."""
    days = read_days(tokens, first)
    return days is not None and (days[0].month, days[0].day) != (days[1].month, days[1].day)


def _same_day_again(tokens: Tokens, end: int, day: Day) -> int:
    """Past the same date written again in another language, after a dash or a slash or
    straight on ('Πέμπτη 12 Απριλίου 2018 – Thursday, April 12th 2018', '9月16日 (星期二) Sep
    16th, Tuesday'), else `end`."""
    if end >= len(tokens):
        return end
    start = end + 1 if tokens[end].kind in (T.DASH, T.SEP) else end
    try:
        again = read_day(tokens, start)
    except HeaderProblem:
        return end
    if again is None or (again[0].month, again[0].day) != (day.month, day.day):
        return end
    return again[1]


def _counts_days(tokens: Tokens, first: int) -> bool:
    """Whether the number at `first` counts the event's days ('Day 1 - June 17': day one,
    not the 1st to the 17th), not the day of a month ('Dia 3 de junho')."""
    if not (
        first > 0
        and tokens[first].kind == T.NUMBER
        and tokens[first - 1].lower in words()["day_words"]
    ):
        return False
    try:
        return read_day(tokens, first) is None
    except HeaderProblem:
        return True


def _range_ends(tokens: Tokens, first: int, day: Day) -> bool:
    """Whether the date at `first` ends a range of days begun before it ('13-14 Eylül 2025');
    a date with its weekday stands on its own ('Day 1 – Thursday 9/11/2025')."""
    if day.weekday is not None or first < 2 or tokens[first - 1].kind != T.DASH:
        return False
    start = first - 3 if tokens[first - 2].text == "." and first >= 3 else first - 2  # '21. –'
    return not _counts_days(tokens, start) and read_days(tokens, start) is not None


def _event_day(text: str, tokens: Tokens) -> DayHeading | None:
    """'Day 2', 'DÍA 1:', '1st day', 'Hari ke-2', '2 일 차', '第2日', '2日目', 'Day one', 'اليوم
    الأول' on a line, maybe after a heading's word or two ('Agenda Day 1', 'جدول الأعمال
    اليوم الاول'): the second (first, …) of the days the page gives once."""
    words = lx.lexicon()
    kept = [t for t in tokens if t.kind not in (T.SEP, T.COLON, T.DASH) and t.text != "|"]
    kept = [t for t in kept if t.lower not in words.event_day_marks]
    lead = kept[:-2]
    if not 2 <= len(kept) <= 2 + MAX_EVENT_DAY_LEAD or not all(
        _day_label_word(t.text) for t in lead
    ):
        return None  # ('Consortium Meeting Day 1' under its date: the day's title)
    named, count = sorted(kept[-2:], key=lambda t: t.lower not in words.event_days)
    number = count.value if count.kind == T.NUMBER else words.event_day_ordinals.get(count.lower)
    if number is None or not 1 <= number <= MAX_EVENT_DAYS or named.lower not in words.event_days:
        return None
    name = text.strip(" \t|:–—-")
    return DayHeading(Day(0, 0, None, None, name, ordinal=number))


def _weekday_alone(text: str, tokens: Tokens) -> DayHeading | None:
    """'Monday', 'TUESDAY:', 'Lunes', 'Viernes, día 25:', 'Divendres, 14 tarda', 'pátek /
    Friday': a weekday standing alone (maybe in two languages), maybe with its day of the
    month (the page's dates give the month) and a part of the day."""
    weekday = means(tokens, 0, "weekday") if tokens else None
    if weekday is None or len(tokens[0].text) < 3:
        return None
    articles, parts = lx.lexicon().articles, lx.lexicon().day_parts
    rest = [t for t in tokens[1:] if t.text not in ":,.-–—" and t.lower not in articles]
    if len(rest) == 2 and rest[0].text == "/" and means(tuple(rest), 1, "weekday") == weekday:
        rest = []  # 'pátek / Friday': the weekday in two languages
    if len(rest) == 2 and rest[1].lower in parts:  # 'Divendres, 14 tarda'
        rest = rest[:1]
    day = rest[0].value if len(rest) == 1 and rest[0].kind == T.NUMBER else 0
    if len(rest) > 1 or rest and not 1 <= day <= 31:
        return None
    name = text.rstrip(":,.-–— ")
    return DayHeading(Day(0, day, weekday if weekday >= 0 else None, None, name))


def _run_of_days(tokens: Tokens) -> DayHeading | None:
    """'From Monday to Thursday (5th till 8th of July)', 'Monday – Thursday, 5–8 July',
    'Mon–Fri:': a run of weekdays alone on a line, maybe with its dates; the rows under it
    are held on each of those days."""
    found = read_weekdays(tokens, skip_from(tokens, 0)) if tokens else None
    if found is None:
        return None
    first, last, i = found
    if i < len(tokens) and tokens[i].kind in (T.SEP, T.OPEN, T.DASH):
        i += 1
    if (dates := read_days(tokens, i) if i < len(tokens) else None) is not None:
        on, to, i = dates
        first, last = on._replace(weekday=first.weekday), to._replace(weekday=last.weekday)
        i += 1 if i < len(tokens) and tokens[i].kind == T.CLOSE else 0
    if any(t.kind not in (T.SEP, T.COLON) for t in tokens[i:]):
        return None
    text = written(tokens, 0, i)
    return DayHeading(first._replace(text=text), None, last._replace(text=text))


def _strong(day: Day) -> bool:
    """A date with a weekday or a year: a heading even with a few words after it."""
    return day.weekday is not None or day.year is not None


def _prefix(before: str, tokens: Tokens) -> str | None:
    """What may stand before a heading's date: nothing, a label ('Day 2', 'CONFERENCE DAY 1'),
    a room ('Tilden Room'), or anything set apart by a separator ('Talks · Day 1 ·'). The
    room it names, '' for none, or None when it makes the line no heading."""
    parts = before.split()
    if not parts:  # (nothing, or only spaces of kinds the strip above does not know)
        return ""
    if len(parts) > MAX_HEADING_WORDS or any(_a_time(tokens, k) for k in range(len(tokens))):
        return None
    if all(map(_day_label_word, parts)):
        return ""  # 'Day 2', 'Le', 'Am', 'Journée du', 'Ngày'
    if parts[-1].lower() in words()["sentence_endings"] and not parts[-1].isupper():
        return None  # 'The workshop will be held on June 8, 2023'
    if names_a_place(before) and (room := room_line(before)):
        return room
    set_apart = tokens and tokens[-1].kind in _SEPARATORS
    if set_apart or before.isupper():
        return ""
    return None


def _a_time(tokens: Tokens, k: int) -> bool:
    """Whether token k is part of a time: a clock, or a.m./p.m. after a number ('Am 3. Juni'
    is no time)."""
    return tokens[k].kind == T.CLOCK or (
        tokens[k].kind == T.MERIDIEM and k > 0 and tokens[k - 1].kind in (T.NUMBER, T.CLOCK)
    )


_ORDINAL = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th|º|°|ª|\.)?|[IVX]{1,4}[º°.]?|[°º.:#-])$", re.IGNORECASE
)


def _day_label_word(word: str) -> bool:
    """A word of a day's label: 'Day', '2', 'I', '°', 'Giorno', '1st', 'PREP'."""
    return word.lower().strip(":") in words()["heading_words"] or bool(_ORDINAL.match(word))


def _suffix(after: str, tokens: Tokens, end: int, full_date_first: bool) -> str | None:
    """What may follow a heading's date: nothing, a room in brackets or after a separator,
    column titles, a location field, a short name, or a colon and a description. The room it
    names, '' for none, or None when it makes the line no heading."""
    after = after.strip()
    if not after:
        return ""
    kind = tokens[end].kind
    inner = after.strip("()[]（）<>〈〉【】《》 ").strip()
    if kind == T.CLOSE and len(after) <= 2:
        return ""  # '<11월 7일>', '【9月21日】': the date in brackets of its own
    if kind == T.CLOSE and end + 1 < len(tokens) and tokens[end + 1].kind in _SEPARATORS:
        return _suffix(after[1:], tokens, end + 1, full_date_first)  # 'Dzień 2 (…) - wykłady'
    if kind == T.OPEN and after.endswith((")", "]", "）")):
        inner = _without_place_word(inner)  # '(alla Torre della Provincia)'
        return room_of(inner) if names_a_place(inner) else ""
    if kind == T.COLON:
        return ""  # 'May 1: All day at the convention centre, then the party'
    if is_field(after) or field_name(after) in words()["location_fields"]:
        name, _, value = after.replace("：", ":").partition(":")
        return _location(value) if name.strip().lower() in words()["location_fields"] else ""
    parts = after.split()
    if all(p.lower() in words()["column_titles"] for p in parts):
        return ""  # 'Tuesday 3 September    Time    Location'
    if kind in _SEPARATORS:
        text = after.lstrip(" \t,;-–—|·⋅:")
        if len(parts) <= MAX_HEADING_WORDS:
            return room_line(text) or ""
        # 'Teatro Municipal del Sur, Centro Cultural de la Costa (Av. Colón 1450)': a venue
        # and its address, longer than a heading's words, whose first part is a place
        first = text.split(",")[0]
        return text if len(text) <= 2 * MAX_ROOM and room_line(first) else None
    if len(parts) <= MAX_HEADING_WORDS and kind == T.WORD and full_date_first:
        return _named_place(after)  # 'Monday, 3.12.2018 Invited Talks' (a link's text), or
    return None  # 'Czwartek (8.09) Krasnopol – Dworek „Pod Lipami”', the day's place


KINDS = Vocabulary()  # the built-in kinds of session: 'Excursion' names one, no town


def _town(tokens: Tokens, end: int) -> str:
    """The town a date in numbers names after a dash, last on its line, where a programme
    moves from town to town ('18.08.2023. godine – Knjaževac'): one capitalised word that
    names no kind of session, no day and says nothing of the day ('– Lunch', '– Monday',
    '– Excursion'); else ''."""
    if len(tokens) != end + 2 or not at(tokens, end, T.DASH) or not at(tokens, end + 1, T.WORD):
        return ""
    name = tokens[end + 1].text
    plain = name.isalpha() and name[:1].isupper() and not name.isupper()
    known = KINDS.lookup(name) is not None or lx.fold(name) in lx.lexicon().meanings
    known = known or name.lower() in words()["day_subtitles"]
    return name if plain and not known else ""


def _without_place_word(text: str) -> str:
    """'alla Torre della Provincia' → 'Torre della Provincia': a place without the word
    that says it is where ('at the', 'alla', 'im')."""
    parts = text.split()
    if len(parts) > 1 and parts[0].lower() in words()["bracket_places"]:
        parts = parts[1:]
        if len(parts) > 1 and parts[0].lower() in words()["place_articles"]:
            parts = parts[1:]
    return " ".join(parts)


def _named_place(text: str) -> str:
    """A place a heading names after its date, '' for words that name none: a room line
    ('Krasnopol – Dworek „Pod Lipami”') or a town and its venue in brackets ('Suwałki
    (Ośrodek Kraina Jezior)')."""
    if room_line(text):
        return text
    inner = text[text.find("(") + 1 : -1] if text.endswith(")") and "(" in text else ""
    return text if inner and names_a_place(inner) else ""


def _location(value: str) -> str:
    """A location field's room, up to a time that may follow it on the line."""
    room = value.strip().split("\u3000")[0].strip()
    return room_of(room) or ""


def _time_after(tokens: Tokens, end: int) -> bool:
    """Whether a time follows the date (then the line is a header or a date line)."""
    j = end
    while j < len(tokens) and tokens[j].kind in (*_SEPARATORS, T.OPEN, T.CLOSE):
        j += 1
    return j < len(tokens) and j - end <= 2 and read_range(tokens, j) is not None
