"""Which form a programme line takes (see forms.py), read from its tokens.

`read_line(line, vocabulary)` gives a form, or None for plain text. It looks at short
lines only and at a bounded number of token positions, so its work per line is bounded.
Lines with their own date are read here; day headings and time rows in rows.py.
"""

from __future__ import annotations

import re

from ..errors import HeaderProblem
from .forms import (
    Form,
    Header,
    Undated,
    Unread,
    WhenLine,
)
from .labels import Vocabulary
from .roles import (
    LONG_TAIL,
    MAX_HEADER_LENGTH,
    MAX_UNREAD_WORDS,
    clean,
    looks_like_label,
    strip_field,
)
from .rooms import tail_room
from .rows import (
    hhmm_range,
    label_text,
    read_heading,
    read_row,
    read_table_row,
    read_trailing_row,
    span_text,
)
from .tokens import (
    CLOCK,
    DATE,
    MERIDIEM,
    MIDNIGHT,
    MONTH,
    NOON,
    NUMBER,
    OPEN,
    WEEKDAY,
    Token,
    tokenize,
)
from .when import OF, hours_word, read_when

_TIME_HINT = re.compile(r"\d|noon|midnight", re.IGNORECASE)


def _has_time_words(tokens: list[Token]) -> bool:
    for index, token in enumerate(tokens):
        if token.kind in (CLOCK, DATE, NOON, MIDNIGHT):
            return True
        if token.kind == NUMBER and (hhmm_range(tokens, index) or hours_word(tokens, index + 1)):
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
        label = strip_field(label_text(text[: token.start]))
        if label and not looks_like_label(label) or first > 0 and tokens[first - 1].kind == OPEN:
            return PROSE  # 'Uploads close Fri 17 May 11:59 p.m.', '(due Tue 6 Jun 09:00)'
        fits, room = tail_room(tokens, end, text)
        written = span_text(text, tokens, first, end)
        if not fits:
            rest = text[tokens[end].start :]
            if rest.rstrip().endswith("."):
                return PROSE
            return Unread(f"{written!r} is followed by {rest[:40]!r}, which is not a room")
        if not label:
            return WhenLine(day, span, room, written)
        return Header(label, day, span, room, written)
    return None


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
    tail = line[-LONG_TAIL:]
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
        row := read_table_row(text, vocabulary)
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
    for reader in (read_heading, read_row, read_trailing_row):
        if (form := reader(text, tokens)) is not None:
            return form
    if looks_like_label(text) and len(text.split()) <= MAX_UNREAD_WORDS:
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
