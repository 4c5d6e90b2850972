"""Lines under a day heading: the heading itself ('Monday 14 October 2024', 'Day 2 — Tue 15
Oct'), and time rows with their titles, as text ('09:15–10:30  Keynote: X', 'Lunch
12:00-13:00', 'Coffee break (10:30 – 11:00)') or table cells (one session, or parallel
sessions each in a cell)."""

from __future__ import annotations

import re

from .forms import DayHeading, Form, TimeLine, TimeRow, TimeRows
from .labels import Vocabulary
from .roles import looks_like_label, looks_like_title, room_cell
from .rooms import room_of, split_cells, tail_room, title_and_room
from .tokens import (
    CLOCK,
    CLOSE,
    COLON,
    DASH,
    DATE,
    MERIDIEM,
    MIDNIGHT,
    MONTH,
    NOON,
    NUMBER,
    OPEN,
    SEP,
    WEEKDAY,
    WORD,
    Token,
    tokenize,
)
from .when import Span, read_day, read_range

_LETTER = re.compile(r"[^\W\d_]")
_DURATION_WORDS = frozenset({"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "h"})
_HEADING_WORDS = frozenset(
    {"day", "schedule", "programme", "program", "agenda", "timetable", "the", "for", "of", "on"}
)


def label_text(text: str) -> str:
    return text.strip(" \t,;-–—|·⋅:@").strip()


def span_text(text: str, tokens: list[Token], first: int, end: int) -> str:
    return text[tokens[first].start : tokens[end - 1].end]


def read_heading(text: str, tokens: list[Token]) -> DayHeading | None:
    """A date standing alone, maybe after 'Day 2' or before a short name for the day."""
    for first, token in enumerate(tokens[:9]):
        if token.kind in (WEEKDAY, MONTH, NUMBER, DATE) and (found := read_day(tokens, first)):
            day, end = found
            before = tokens[:first]
            # 'Day 2 — Tue 15 Oct', 'Talks · Day 1 · Wednesday, June 4'; not 'Social hour Tue 6 Jun'
            set_apart = first > 0 and before[-1].kind in (SEP, DASH, COLON)
            if any(
                t.kind == WORD
                and t.lower not in _HEADING_WORDS
                and not set_apart
                or t.kind in (CLOCK, MERIDIEM)
                for t in before
            ):
                return None
            after = tokens[end:]
            if after and (after[0].kind not in (DASH, SEP, COLON, OPEN) or len(after) > 6):
                return None
            return DayHeading(day)
        if token.kind not in (WORD, NUMBER, SEP, DASH, COLON):
            return None
    return None


def read_row(text: str, tokens: list[Token]) -> TimeRow | TimeLine | None:
    """A time at the start of the line and a title after it: '09:15–10:30  Keynote: X',
    'from 14:00 to 15:30: Panel'."""
    first = 1 if tokens and tokens[0].kind == WORD and tokens[0].lower == "from" else 0
    found = read_range(tokens, first, hhmm=hhmm_range(tokens, first))
    if found is None:
        return None
    span, end = found
    written = span_text(text, tokens, first, end)
    while end < len(tokens) and tokens[end].kind in (SEP, COLON, DASH):
        end += 1
    end = _after_duration(tokens, end)
    if end >= len(tokens):
        return TimeLine(span, written)
    title, room = title_and_room(text[tokens[end].start :])
    if not looks_like_title(title):
        return None
    return TimeRow(title, span, room, written)


def _after_duration(tokens: list[Token], i: int) -> int:
    """Past a length written after the times ('(45 min)', '· 30 min'), which is no title."""
    opened = _kind_at(tokens, i) == OPEN
    j = i + 1 if opened else i
    if _kind_at(tokens, j) != NUMBER or _kind_at(tokens, j + 1) != WORD:
        return i
    if tokens[j + 1].lower.rstrip(".") not in _DURATION_WORDS:
        return i
    j += 2
    if opened and _kind_at(tokens, j) == CLOSE:
        j += 1
    while _kind_at(tokens, j) in (SEP, COLON, DASH):
        j += 1
    return j


def _kind_at(tokens: list[Token], i: int) -> str | None:
    return tokens[i].kind if i < len(tokens) else None


def read_trailing_row(text: str, tokens: list[Token]) -> TimeRow | None:
    """A title and then its time: 'Invited Talk Jane Roe 8:15-9:10am', 'Lunch | 12:00 - 13:00'."""
    for first in range(1, len(tokens)):
        if tokens[first].kind not in (CLOCK, NUMBER, NOON, MIDNIGHT):
            continue
        if tokens[first - 1].kind == NUMBER:
            continue
        found = read_range(tokens, first, hhmm=hhmm_range(tokens, first))
        if found is None:
            continue
        span, end = found
        if span.end is None and tokens[first].kind == NUMBER:
            continue  # 'Room 2 pm'-like noise: a bare hour needs an end to be a time row
        written = span_text(text, tokens, first, end)
        before = tokens[first].start
        if tokens[first - 1].kind == OPEN and end < len(tokens) and tokens[end].kind == CLOSE:
            before, end = tokens[first - 1].start, end + 1  # 'Coffee break (10:30 – 11:00)'
        fits, room = tail_room(tokens, end, text)
        label = label_text(text[:before])
        if first > 0 and tokens[first - 1].kind == WORD and tokens[first - 1].lower == "at":
            return None  # 'The talk starts at 9:00': a sentence
        if not fits or not looks_like_label(label) or not _LETTER.search(label):
            return None  # ('09:00 - 09:45 (45 min)': no title before the second time)
        title, own_room = title_and_room(label)
        return TimeRow(title, span, room or own_room, written)
    return None


def hhmm_range(tokens: list[Token], i: int) -> bool:
    """'0800 – 0830': four-digit times, only as both ends of a range."""
    return (
        i + 2 < len(tokens)
        and tokens[i].kind == NUMBER
        and len(tokens[i].text) == 4
        and tokens[i + 1].kind == DASH
        and tokens[i + 2].kind == NUMBER
        and len(tokens[i + 2].text) == 4
        and tokens[i].value < 2400
        and tokens[i + 2].value <= 2400
    )


def read_table_row(text: str, vocabulary: Vocabulary) -> Form | None:
    """A row of cells ('11:00 - 12:30 | Paper session 1 | Room 101'): a time cell anywhere."""
    cells = split_cells(text)
    if len(cells) < 2:
        return None
    for index, cell in enumerate(cells):
        if not (cell[0].isdigit() or cell[:1] in "nNmM"):  # a time cell starts '9', 'noon', …
            continue
        tokens = tokenize(cell)
        found = read_range(tokens, 0, hhmm=hhmm_range(tokens, 0))
        if found is None:
            continue
        span, end = found
        fits, room = tail_room(tokens, end, cell)
        if not fits:
            continue
        others = [c for i, c in enumerate(cells) if i != index]
        titles = [c for c in others if _LETTER.search(c)]
        written = span_text(cell, tokens, 0, end)
        if not titles:
            return TimeLine(span, written)
        if len(titles) > 1 and (parallel := _parallel(titles, span, written, vocabulary)):
            return parallel
        title, own_room = title_and_room(label_text(titles[0]))
        for extra in titles[1:]:
            if room is None and room_cell(extra):
                room = room_of(extra)
        if not looks_like_title(title):
            return None
        return TimeRow(title, span, room or own_room, written)
    if len(cells) <= 2 and (day := read_heading(cells[0], tokenize(cells[0]))):
        return day
    return None


def _parallel(
    cells: list[str], span: Span, written: str, vocabulary: Vocabulary
) -> TimeRows | None:
    """Title cells that are each a session, parallel in one row: after the first, each names
    its own room ('Fluids Room: P1') or a session ('Session 2: Vision', 'Workshop: Robots');
    else they are the first one's room or speaker."""
    rows = []
    for position, cell in enumerate(cells):
        title, room = title_and_room(label_text(cell))
        if not looks_like_title(title):
            return None
        if position > 0 and room is None and not vocabulary.names_a_session(title):
            return None
        rows.append(TimeRow(title, span, room, written))
    return TimeRows(tuple(rows))
