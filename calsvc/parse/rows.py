"""Time rows under a day heading: a time and a title, as text ('09:15–10:30  Keynote: X',
'11 horas: acto de apertura', 'Lunch 12:00-13:00', 'Coffee break (10:30 – 11:00)') or table
cells (one session, or parallel sessions each in a cell).

A row's title is the text after its time, to the end of its first sentence (the rest is the
session's description); a stated length ('(45 min)', '(2 hours)') gives the end when no end
is written; a row that only marks the end of the day ('17:30 End') is no session.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..errors import HeaderProblem
from .clock import Clock, is_hhmm
from .dates import Day, read_day
from .forms import EndMark, TimeLine, TimeRow, TimeRows, WhenLine
from .places import has_place_word, names_a_place, room_line
from .ranges import Span, read_length, read_range
from .roles import (
    field_place,
    is_end_marker,
    looks_like_label,
    row_title,
    words,
)
from .rooms import rooms_first, tail_room, title_and_room
from .terminals import at, hours_word, in_a_code, is_dash, skip_from
from .tokenkinds import T
from .tokens import Tokens, tokenize

LETTER = re.compile(r"[^\W\d_]")
YEARS = (1900, 2099)  # what four digits before a title may be instead of a time
MAX_PLACE_WORDS = 4  # of a place written in lower case before its time: 'kino dvorana – 11 sati'
_CASE_ENDING = 3  # letters of an ending glued to a time: '’de', '’dan'
_DATE_AFTER = 6  # tokens after a row's times in which a date makes it the event's hours


_LEADERS = re.compile(r"(?:\s*[.…·_]){3,}\s*$|\s*…\s*$")  # 'Coffee break ........ 10:30'


def label_text(text: str) -> str:
    if text.rstrip()[-1:] in (".", "…", "·", "_"):
        text = _LEADERS.sub("", text)
    return text.strip(" \t\u3000,;-–—|·⋅:：@").strip()


def span_text(text: str, tokens: Tokens, first: int, end: int) -> str:
    return text[tokens[first].start : tokens[end - 1].end]


RowForm = TimeRow | TimeRows | TimeLine | WhenLine | EndMark


def _bracketed_place(rest: str) -> str | None:
    """The place a row names in brackets in place of its title: '(Aula 2)', '(Kultúrne
    centrum Pod Hradom)', a place word anywhere in it; its title is on the next line."""
    rest = rest.strip()
    if not (rest.startswith("(") and rest.endswith(")")) or rest.count("(") != 1:
        return None
    inner = rest[1:-1].strip()
    return inner if inner and (names_a_place(inner) or has_place_word(inner)) else None


MAX_NAMES_WORDS = 8  # words of the speakers a row names in brackets in place of its title


def _bracketed_names(rest: str) -> bool:
    """Whether a row names in brackets, in place of its title, its speakers: '(Marco
    Bettoni)', '(dott.ssa Chiara Mondini e Piero Salvalai)'; two capitalised words or more,
    no digit and no place."""
    rest = rest.strip()
    if not (rest.startswith("(") and rest.endswith(")")) or rest.count("(") != 1:
        return False
    names = rest[1:-1].split()
    return (
        len(names) <= MAX_NAMES_WORDS
        and sum(name[:1].isupper() for name in names) >= 2
        and not any(c.isdigit() for c in rest)
        and not has_place_word(rest[1:-1])
    )


def read_row(text: str, tokens: Tokens) -> RowForm | None:
    """A time at the start of the line and a title after it: '09:15–10:30  Keynote: X',
    'from 14:00 to 15:30: Panel', 'Ore 10.30 – Tavola rotonda'. A date right after the times
    makes the line the event's hours ('08:00 AM – 06:00 PM (Central Time), Dec 2, 2022')."""
    first = skip_from(tokens, 0)
    found = read_range(tokens, 0, hhmm=hhmm_range(tokens, first))
    if found is None:
        return None
    span, end = found
    written = span_text(text, tokens, first, end)
    if (day := _date_after(tokens, end)) is not None:
        return WhenLine(day, span, None, written)
    after_times = end
    while end < len(tokens) and (
        tokens[end].kind in (T.SEP, T.COLON, T.DASH) or tokens[end].text == "."
    ):
        end += 1  # ('20:45. Cena', '19:00 –')
    end = _past_case_ending(tokens, after_times, end)
    dashed = any(t.kind == T.DASH for t in tokens[after_times:end])
    span, end = with_length(span, tokens, end)
    if end >= len(tokens):
        return TimeLine(span, written)
    rest = text[tokens[end].start :]
    if dashed and rest.rstrip().endswith(("-", "–", "—")):
        rest = rest.rstrip(" -–—")  # '10.30 Uhr - Kaffeepause -': a title between dashes
    if is_end_marker(rest):
        return EndMark(span)
    if (room := _bracketed_place(rest)) is not None:
        return TimeLine(span, written, room)
    if _bracketed_names(rest):
        return TimeLine(span, written)  # 'h.10:05 (dott.ssa Chiara Mondini)' / its title
    found_title = row_title(rest)
    if found_title is None:
        return None
    return sessions(found_title, field_place(rest), span, written)


def _past_case_ending(tokens: Tokens, after_times: int, end: int) -> int:
    """Past a case ending glued to the time by an apostrophe: Turkish '18.00’de Konser'."""
    if (
        end == after_times
        and end + 1 < len(tokens)
        and tokens[end].text in ("’", "'")
        and tokens[end].start == tokens[end - 1].end
        and tokens[end + 1].start == tokens[end].end
        and len(tokens[end + 1].text) <= _CASE_ENDING
        and tokens[end + 1].text.islower()
    ):
        return end + 2
    return end


def sessions(text: str, room: str | None, span: Span, written: str) -> TimeRow | TimeRows:
    """The session a title names, in its room; or the sessions held at once in several rooms
    ('F106: Hands-on tutorial or F107: Hack time')."""
    title, span = _stated_length(text, span)
    title, own_room = title_and_room(title)
    title, span = _until(title, span)
    if room is None and own_room is None and (each := rooms_first(title)):
        rows = tuple(TimeRow(t, span, r, written) for t, r in each)
        return rows[0] if len(rows) == 1 else TimeRows(rows)
    return TimeRow(title, span, room or own_room, written)


def _stated_length(title: str, span: Span) -> tuple[str, Span]:
    """A length in brackets after a title is no part of it: 'Poster session (2 hours)' ends
    two hours after it starts; '(30 minutes each)' tells its parts' length. After the title's
    first sentence, what follows the length describes the session ('Apresentação. (50min),
    (pode ser feita em cada grupo)')."""
    for found in _BRACKETED.finditer(title):
        head, after = title[: found.start()].rstrip(), title[found.end() :].strip(" .,;")
        if not head.strip(" .") or after and not head.endswith("."):
            continue
        tokens = tokenize(found[1])
        each = bool(tokens) and tokens[-1].kind == T.WORD and tokens[-1].lower in words()["each"]
        times = len(tokens) > 2 and tokens[1].lower in ("x", "×") and tokens[0].kind == T.NUMBER
        length = read_length(tokens, 2 if times else 0)
        if length is None or length[1] != len(tokens) - (1 if each else 0):
            continue
        if span.end is None and not (each or times):
            span = span._replace(end=add_minutes(span.start, length[0]))
        return head.rstrip(" .,;"), span
    return title, _length_first(title, span)


def _length_first(title: str, span: Span) -> Span:
    """'10 minute break', '45 minute lunch break': a title that opens with its length (which
    stays in it) ends that long after it starts."""
    if span.end is not None or not title[:1].isdigit():
        return span
    tokens = tokenize(title)
    length = read_length(tokens, 0)
    if length is None or length[1] >= len(tokens) or tokens[length[1]].kind != T.WORD:
        return span
    return span._replace(end=add_minutes(span.start, length[0]))


_BRACKETED = re.compile(r"\(([^()]{1,40})\)")


def _until(title: str, span: Span) -> tuple[str, Span]:
    """A title that ends with when the session ends: 'Tempo libero in città fino alle Ore
    16,30', 'Free time until 16:30', 'Freizeit bis 18 Uhr'."""
    if span.end is not None or not title[-1:].isdigit() and not title[-1:].isalpha():
        return title, span
    tokens = tokenize(title)
    for k in range(len(tokens) - 1, 0, -1):
        if not (is_dash(tokens, k) and tokens[k].kind == T.WORD) or is_dash(tokens, k - 1):
            continue
        j = k
        while is_dash(tokens, j):
            j += 1  # 'fino alle'
        found = read_range(tokens, j)
        if found is None or found[1] != len(tokens) or found[0].end is not None:
            return title, span
        end = found[0].start
        if (end.hour, end.minute) <= (span.start.hour, span.start.minute):
            return title, span
        return title[: tokens[k].start].rstrip(" ,;-–—"), span._replace(end=end)
    return title, span


def _date_after(tokens: Tokens, end: int) -> Day | None:
    for j in range(end, min(end + _DATE_AFTER, len(tokens))):
        if tokens[j].kind not in (T.SEP, T.OPEN, T.CLOSE, T.ZONE, T.WORD, T.DASH, T.COLON):
            found = read_day(tokens, j)
            return found[0] if found else None
    return None


def with_length(span: Span, tokens: Tokens, i: int) -> tuple[Span, int]:
    """Past a length written after the times ('(45 min)', '· 30 min'), which is no title; it
    gives the end when none is written."""
    found = read_length(tokens, i)
    if found is None:
        return span, i
    minutes, j = found
    if not at(tokens, i, T.OPEN) and at(tokens, j, T.WORD) and tokens[j].text[:1].islower():
        return span, i  # '10 minute break': the length opens the title (_length_first)
    while j < len(tokens) and tokens[j].kind in (T.SEP, T.COLON, T.DASH):
        j += 1
    if span.end is None:
        span = span._replace(end=add_minutes(span.start, minutes))
    return span, j


def add_minutes(clock: Clock, minutes: int) -> Clock:
    later = datetime(2000, 1, 1, clock.hour, clock.minute) + timedelta(minutes=minutes)
    return Clock(later.hour, later.minute)


_ABOUT = ("~", "～", "〜", "±", "ca.", "c.")  # before a time, in its brackets: about


def _glued_period(tokens: Tokens, i: int) -> bool:
    """Whether a bare hour has its a.m./p.m. glued on ('8pm'; not 'Room 2 pm')."""
    return at(tokens, i + 1, T.MERIDIEM) and tokens[i].end == tokens[i + 1].start


def read_trailing_row(text: str, tokens: Tokens) -> TimeRow | EndMark | None:
    """A title and then its time: 'Invited Talk Jane Roe 8:15-9:10am', 'Lunch | 12:00 - 13:00'."""
    for first in range(1, len(tokens)):
        if tokens[first].kind not in (T.CLOCK, T.NUMBER, T.NOON, T.MIDNIGHT):
            continue
        if (
            tokens[first - 1].kind in (T.NUMBER, T.MONTH)
            or tokens[first - 1].lower in words()["day_words"]
            or _decimals(tokens, first)
            or in_a_code(tokens, first)
        ):
            continue  # ('September 14-17', 'Days 2 - 3': days, not hours; '8,00': no hour 00)
        try:
            found = read_range(tokens, first, hhmm=hhmm_range(tokens, first))
        except HeaderProblem:
            continue  # ('Четверг 27.07': a day and a month, not hour 27)
        if found is None:
            continue
        span, end = found
        if span.end is None and end + 1 == len(tokens) and is_dash(tokens, end):
            end += 1  # ('■挨拶：9:15～': an end left open at the end of the line)
        if (
            span.end is None
            and tokens[first].kind == T.NUMBER
            and not hours_word(tokens, first + 1)
            and not _glued_period(tokens, first)  # ('End (~8pm)')
        ):
            continue  # 'Room 2 pm'-like noise: a bare hour needs an end (or '時') to be a row
        written = span_text(text, tokens, first, end)
        before, place = tokens[first].start, None
        opens = first - 1 - (first > 1 and tokens[first - 1].text in _ABOUT)  # '(~6:15pm)'
        if tokens[opens].kind == T.OPEN and end < len(tokens) and tokens[end].kind == T.CLOSE:
            before, end = tokens[opens].start, end + 1  # 'Coffee break (10:30 – 11:00)'
        elif (bracket := _place_in_bracket(text, tokens, first, end)) is not None:
            (before, place), end = bracket, end + 1  # 'Açılış Paneli (Salon Zümrüt :10.30 - 12.00)'
        fits, room = tail_room(tokens, end, text)
        if first > 0 and tokens[first - 1].kind == T.WORD and tokens[first - 1].lower == "at":
            return None  # 'The talk starts at 9:00': a sentence
        if room and any(t.kind in (T.MONTH, T.DATE) for t in tokens[end:]):
            return None  # '… vào lúc 18 giờ 30 phút, ngày 14 tháng 3 năm 2016 tại …': a date
            # after the time is no room; the line tells the day in a sentence
        about = first > 1 and skip_from(tokens, first - 1) == first  # 'Pause café vers 10h45'
        label = label_text(text[: tokens[first - 1].start if about else before])
        if not fits or not LETTER.search(label):
            return None  # ('09:00 - 09:45 (45 min)': no title before the second time)
        if not (looks_like_label(label) or _place_then_time(label, tokens, first)):
            return None
        if label.rstrip(" :：").lower() in words()["when_fields"]:
            return None  # 'Time: 9:00-18:30', 'שעות: 9:00-18:30': the event's hours, no session
        if is_end_marker(label):
            return EndMark(span)  # 'Kết thúc chương trình (21 giờ)': the end, no session
        title, own_room = title_and_room(label)
        return TimeRow(title, span, room or place or own_room, written)
    return None


def _place_in_bracket(text: str, tokens: Tokens, first: int, end: int) -> tuple[int, str] | None:
    """Where a bracket opens that holds a place and then the row's time, and the place:
    'Protokol Konuşmaları (Salon Zümrüt:09.30)', 'Opening (Main Hall, 09:30)'."""
    if end >= len(tokens) or tokens[end].kind != T.CLOSE or tokens[first - 1].kind == T.OPEN:
        return None
    opens = [k for k in range(first) if tokens[k].kind in (T.OPEN, T.CLOSE)]
    if not opens or tokens[opens[-1]].kind != T.OPEN:
        return None
    place = text[tokens[opens[-1]].end : tokens[first].start].strip(" :,-–—")
    room = room_line(place) if place else None
    return (tokens[opens[-1]].start, room) if room else None


def _place_then_time(label: str, tokens: Tokens, first: int) -> bool:
    """'kino dvorana – 11 sati': a few words in lower case, a dash and the time, as pages
    write a session's place and time under its title (timeblocks finds the title above)."""
    return (
        label[:1].islower()
        and len(label.split()) <= MAX_PLACE_WORDS
        and tokens[first - 1].kind == T.DASH
    )


def _hhmm_start(tokens: Tokens, i: int) -> bool:
    """A start in four digits alone, where no year of a programme's ('1900'-'2099') could be."""
    token = tokens[i] if i < len(tokens) else None
    if token is None or not is_hhmm(token) or len(token.text) != 4 or token.value >= 2400:
        return False
    title = (
        i + 1 < len(tokens) and tokens[i + 1].kind == T.WORD and tokens[i + 1].text[:1].isupper()
    )
    return title and not YEARS[0] <= token.value <= YEARS[1]


def _decimals(tokens: Tokens, i: int) -> bool:
    """Whether the number at i is the decimals of the one before it: '8,00', '1,50'."""
    return (
        i >= 2
        and tokens[i - 1].text == ","
        and tokens[i - 2].kind == T.NUMBER
        and tokens[i - 2].end == tokens[i - 1].start
        and tokens[i - 1].end == tokens[i].start
    )


def hhmm_range(tokens: Tokens, i: int) -> bool:
    """'0800 – 0830', '730 - 830': times in digits alone, as both ends of a range (one in
    three digits rising to the other); or a start alone that no year could be, before its
    title ('0900 Call to Order', '1430 Refreshment Break'; not '2018 Annual Report')."""
    return _hhmm_start(tokens, i) or (
        i + 2 < len(tokens)
        and is_hhmm(tokens[i])
        and tokens[i + 1].kind == T.DASH
        and is_hhmm(tokens[i + 2])
        and tokens[i].value < 2400
        and (len(tokens[i].text) == 4 or tokens[i].value < tokens[i + 2].value)
    )
