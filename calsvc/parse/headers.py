"""Which form a programme line takes (see forms.py), read from its tokens.

`read_line(line, vocabulary)` gives a form, or None for plain text. It looks at short
lines only and at a bounded number of token positions, so its work per line is bounded.
"""

from __future__ import annotations

import re

from ..errors import HeaderProblem
from .forms import (
    DayHeading,
    Form,
    Header,
    TimeLine,
    TimeRow,
    TimeRows,
    Undated,
    Unread,
    WhenLine,
)
from .labels import Vocabulary, looks_like_label, looks_like_title, strip_field
from .rooms import room_cell, room_of, split_cells, tail_room, title_and_room
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
from .when import OF, Span, hours_word, read_day, read_range, read_when

MAX_HEADER_LENGTH = 300
_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d{1,2}[.)]\s+(?=\D))+")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_LETTER = re.compile(r"[^\W\d_]")
_DURATION_WORDS = frozenset({"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "h"})
_TIME_HINT = re.compile(r"\d|noon|midnight", re.IGNORECASE)
_HEADING_WORDS = frozenset(
    {"day", "schedule", "programme", "program", "agenda", "timetable", "the", "for", "of", "on"}
)


def clean(line: str) -> str:
    """The line without Markdown: bullets, heading marks, emphasis, outer table pipes."""
    text = _MARKUP.sub("", line)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return text.strip().strip("|").strip()


def _label_text(text: str) -> str:
    return text.strip(" \t,;-–—|·⋅:@").strip()


def _span_text(text: str, tokens: list[Token], first: int, end: int) -> str:
    return text[tokens[first].start : tokens[end - 1].end]


def _has_time_words(tokens: list[Token]) -> bool:
    for index, token in enumerate(tokens):
        if token.kind in (CLOCK, DATE, NOON, MIDNIGHT):
            return True
        if token.kind == NUMBER and (_hhmm_range(tokens, index) or hours_word(tokens, index + 1)):
            return True
        if token.kind == NUMBER and index + 1 < len(tokens):
            following = tokens[index + 1].kind
            if following == MERIDIEM or following == MONTH and len(token.text) <= 4:
                return True
        if token.kind == MONTH and index + 1 < len(tokens) and tokens[index + 1].kind == NUMBER:
            return len(tokens[index + 1].text) <= 4
        if token.kind == MONTH and index > 1 and tokens[index - 1].lower in OF:
            return tokens[index - 2].kind == NUMBER  # '12 de septiembre', '12. September'
    return False


class _Prose:
    """A sentence that runs into a date and time: 'Camera-ready uploads close Fri 17 May 11:59'."""


PROSE = _Prose()


def _dated(text: str, tokens: list[Token]) -> Header | WhenLine | Unread | _Prose | None:
    """A date followed by a time somewhere in the line; what stands before it is the label."""
    for first, token in enumerate(tokens):
        if token.kind not in (WEEKDAY, MONTH, NUMBER, DATE):
            continue
        found = read_when(tokens, first)
        if found is None:
            continue
        day, span, end = found
        label = strip_field(_label_text(text[: token.start]))
        if label and not looks_like_label(label) or first > 0 and tokens[first - 1].kind == OPEN:
            return PROSE  # 'Uploads close Fri 17 May 11:59 p.m.', '(due Tue 6 Jun 09:00)'
        fits, room = tail_room(tokens, end, text)
        written = _span_text(text, tokens, first, end)
        if not fits:
            rest = text[tokens[end].start :]
            if rest.rstrip().endswith("."):
                return PROSE
            return Unread(f"{written!r} is followed by {rest[:40]!r}, which is not a room")
        if not label:
            return WhenLine(day, span, room, written)
        return Header(label, day, span, room, written)
    return None


def _heading(text: str, tokens: list[Token]) -> DayHeading | None:
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


def _row(text: str, tokens: list[Token]) -> TimeRow | TimeLine | None:
    """A time at the start of the line and a title after it: '09:15–10:30  Keynote: X',
    'from 14:00 to 15:30: Panel'."""
    first = 1 if tokens and tokens[0].kind == WORD and tokens[0].lower == "from" else 0
    found = read_range(tokens, first, hhmm=_hhmm_range(tokens, first))
    if found is None:
        return None
    span, end = found
    written = _span_text(text, tokens, first, end)
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


def _trailing_row(text: str, tokens: list[Token]) -> TimeRow | None:
    """A title and then its time: 'Invited Talk Jane Roe 8:15-9:10am', 'Lunch | 12:00 - 13:00'."""
    for first in range(1, len(tokens)):
        if tokens[first].kind not in (CLOCK, NUMBER, NOON, MIDNIGHT):
            continue
        if tokens[first - 1].kind == NUMBER:
            continue
        found = read_range(tokens, first, hhmm=_hhmm_range(tokens, first))
        if found is None:
            continue
        span, end = found
        if span.end is None and tokens[first].kind == NUMBER:
            continue  # 'Room 2 pm'-like noise: a bare hour needs an end to be a time row
        written = _span_text(text, tokens, first, end)
        before = tokens[first].start
        if tokens[first - 1].kind == OPEN and end < len(tokens) and tokens[end].kind == CLOSE:
            before, end = tokens[first - 1].start, end + 1  # 'Coffee break (10:30 – 11:00)'
        fits, room = tail_room(tokens, end, text)
        label = _label_text(text[:before])
        if first > 0 and tokens[first - 1].kind == WORD and tokens[first - 1].lower == "at":
            return None  # 'The talk starts at 9:00': a sentence
        if not fits or not looks_like_label(label) or not _LETTER.search(label):
            return None  # ('09:00 - 09:45 (45 min)': no title before the second time)
        title, own_room = title_and_room(label)
        return TimeRow(title, span, room or own_room, written)
    return None


def _hhmm_range(tokens: list[Token], i: int) -> bool:
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


def _table_row(text: str, vocabulary: Vocabulary) -> Form | None:
    """A row of cells ('11:00 - 12:30 | Paper session 1 | Room 101'): a time cell anywhere."""
    cells = split_cells(text)
    if len(cells) < 2:
        return None
    for index, cell in enumerate(cells):
        if not (cell[0].isdigit() or cell[:1] in "nNmM"):  # a time cell starts '9', 'noon', …
            continue
        tokens = tokenize(cell)
        found = read_range(tokens, 0, hhmm=_hhmm_range(tokens, 0))
        if found is None:
            continue
        span, end = found
        fits, room = tail_room(tokens, end, cell)
        if not fits:
            continue
        others = [c for i, c in enumerate(cells) if i != index]
        titles = [c for c in others if _LETTER.search(c)]
        written = _span_text(cell, tokens, 0, end)
        if not titles:
            return TimeLine(span, written)
        if len(titles) > 1 and (parallel := _parallel(titles, span, written, vocabulary)):
            return parallel
        title, own_room = title_and_room(_label_text(titles[0]))
        for extra in titles[1:]:
            if room is None and room_cell(extra):
                room = room_of(extra)
        if not looks_like_title(title):
            return None
        return TimeRow(title, span, room or own_room, written)
    if len(cells) <= 2 and (heading := _heading(cells[0], tokenize(cells[0]))):
        return heading
    return None


def _parallel(
    cells: list[str], span: Span, written: str, vocabulary: Vocabulary
) -> TimeRows | None:
    """Title cells that are each a session, parallel in one row: after the first, each names
    its own room ('Fluids Room: P1') or a session ('Session 2: Vision', 'Workshop: Robots');
    else they are the first one's room or speaker."""
    rows = []
    for position, cell in enumerate(cells):
        title, room = title_and_room(_label_text(cell))
        if not looks_like_title(title):
            return None
        if position > 0 and room is None and not vocabulary.names_a_session(title):
            return None
        rows.append(TimeRow(title, span, room, written))
    return TimeRows(tuple(rows))


def read_line(line: str, vocabulary: Vocabulary) -> Form | None:
    """The form of one stripped line, or None for text. Raises HeaderProblem for a header
    whose date or time cannot be right ('25:00', '31 Feb' is found later, with the year)."""
    if len(line) > MAX_HEADER_LENGTH:
        return _too_long(line)
    text = clean(line)
    if not text:
        return None
    if not _TIME_HINT.search(text):
        return _undated(text, vocabulary)
    return _timed(text, vocabulary)


def _too_long(line: str) -> Unread | None:
    """A line longer than any header that still ends like one is said so; prose is not."""
    sentence = line.endswith((".", "!", "?", '"', "”")) and not line.lower().endswith(
        ("a.m.", "p.m.")
    )
    if sentence or len(line) > 4 * MAX_HEADER_LENGTH:
        return None
    tail = line[-120:]
    tokens = tokenize(tail)
    for first, token in enumerate(tokens):
        if token.kind not in (WEEKDAY, MONTH, NUMBER, DATE):
            continue
        try:
            found = read_when(tokens, first)
        except HeaderProblem:
            continue
        if found is None or not tail_room(tokens, found[2], tail)[0]:
            continue
        return Unread(
            f"it is {len(line)} characters long, more than the {MAX_HEADER_LENGTH} a session "
            "header may have; shorten its label"
        )
    return None


def _timed(text: str, vocabulary: Vocabulary) -> Form | None:
    # A table row is read cell by cell, and only a cell that may hold a time is tokenized.
    if ("|" in text or "\t" in text or "   " in text) and (
        row := _table_row(text, vocabulary)
    ) is not None:
        return row
    tokens = tokenize(text)
    if not _has_time_words(tokens):
        return _undated(text, vocabulary)
    dated = _dated(text, tokens)
    if isinstance(dated, _Prose):
        return None
    if dated is not None:
        return dated
    for reader in (_heading, _row, _trailing_row):
        if (form := reader(text, tokens)) is not None:
            return form
    if looks_like_label(text) and len(text.split()) <= 14:
        return Unread("its date or time is not in a form calsvc reads")
    return _undated(text, vocabulary)


def _undated(text: str, vocabulary: Vocabulary) -> Undated | None:
    """'Invited Talk: Alexander Rush': a known kind and a name, with no date or time."""
    label = strip_field(text)
    kind, colon, name = label.partition(":")
    if not colon or not name.strip() or name.rstrip().endswith("."):
        return None
    if len(kind.split()) > 4 or vocabulary.lookup(kind) is None or len(name) > MAX_HEADER_LENGTH:
        return None
    return Undated(label)
