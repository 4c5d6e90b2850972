"""Which form a programme line takes (see forms.py): the one place that decides, line by line,
whether a line is a session header, a date line, a day heading, a time row, a mention of a
date, or text. The rules for each form live beside it (headers here, headings and rows in
rows.py, tables in grids.py); the judgements of titles, rooms and prose in roles.py.

`read_line(line, vocabulary)` tries, in order:

    an over-long line           text, or Unread when it ends like a header
    the page's own metadata     text ('Posted Sat, March 1, 2025 10:00am · Updated …')
    a line with nothing the grammar can begin with (no digit, no weekday, no 'noon'): an
                                undated header ('Invited Talk: Jane Roe') or text
    a table row                 read cell by cell (tablerows.read_table_row)
    a date, then a time         Header (a label before it) or WhenLine; a sentence is a Mention
    a date alone                DayHeading, or a Mention in a sentence
    a time first                TimeRow or TimeLine; a time then a date is a WhenLine
    a title, then its time      TimeRow ('Invited Talk Jane Roe 8:15-9:10am')
    a run of days or a date     Mention ('July 4th - July 8th 2022', 'held on June 8, 2023')
    a short label with a time   Unread, with what was not read

Work per line is bounded: long lines are cut before they are read, and each rule looks at a
few tokens from each place a date or time may begin.
"""

from __future__ import annotations

import re

from ..errors import HeaderProblem
from . import lexicon as lx
from .dates import Day, read_day, read_days
from .forms import Form, Header, Mention, Undated, Unread, WhenLine
from .headings import read_heading
from .labels import Vocabulary
from .ranges import read_range
from .roles import (
    LONG_TAIL,
    MAX_HEADER_LENGTH,
    MAX_LABEL,
    MAX_ROW_LENGTH,
    MAX_UNREAD_WORDS,
    clean,
    field_name,
    is_deadline,
    is_metadata,
    looks_like_label,
    looks_like_title,
    row_title,
    says_when,
    strip_field,
    words,
)
from .rooms import tail_room, title_and_room
from .rows import label_text, read_row, read_trailing_row, span_text
from .tablerows import read_table_row
from .tokenkinds import T
from .tokens import Tokens, tokenize
from .when import looks_timed, may_begin, read_when

_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]+")


def read_line(line: str, vocabulary: Vocabulary) -> Form | None:
    """The form of one stripped line, or None for text. Raises HeaderProblem for a header
    whose date or time cannot be right ('25:00', '31 Feb' is found later, with the year)."""
    if len(line) > MAX_HEADER_LENGTH and not _long_row(line):
        return _too_long(line)
    form = _read(line, vocabulary)
    if (form is None or isinstance(form, Mention)) and len(line) > MAX_LABEL:
        return _too_long(line) or form  # a header's date and time after too long a label
    return form


def _read(line: str, vocabulary: Vocabulary) -> Form | None:
    text = clean(line)
    if not text or is_metadata(text):
        return None
    if _DIGIT.search(text):
        return _timed(text, vocabulary)
    if _timeless_word(text):  # 'Monday' over a week's rows, 'Noon – Lunch'
        tokens = tokenize(text)
        for reader in (read_heading, read_row):
            if (form := reader(text, tokens)) is not None:
                return form
    return _undated(text, vocabulary)


def _long_row(line: str) -> bool:
    """Whether a line too long for a header starts with a time: a talk and its authors."""
    if len(line) > MAX_ROW_LENGTH:
        return False
    try:
        return read_range(tokenize(clean(line[:LONG_TAIL])), 0) is not None
    except HeaderProblem:
        return False


def _timeless_word(text: str) -> bool:
    """Whether a line without digits holds a word that tells a day or time ('Monday', 'noon')
    or counts the event's days ('Day one', 'اليوم الأول')."""
    words = lx.lexicon()
    found = {word.casefold() for word in _WORDS.findall(text)}
    return not found.isdisjoint(words.timeless) or (
        not found.isdisjoint(words.event_day_ordinals) and not found.isdisjoint(words.event_days)
    )


def _too_long(line: str) -> Unread | None:
    """A line longer than any header that still ends like one is said so; prose is not."""
    sentence = line.endswith((".", "!", "?", '"', "”")) and not line.lower().endswith(
        ("a.m.", "p.m.")
    )
    if sentence or len(line) > 4 * MAX_HEADER_LENGTH:
        return None
    tail = line[-LONG_TAIL:]
    tokens = tokenize(tail)
    for first in range(len(tokens)):
        if not may_begin(tokens, first):
            continue
        try:
            found = read_when(tokens, first)
        except HeaderProblem:
            continue
        if found is None or not tail_room(tokens, found[2], tail)[0]:
            continue
        return Unread(
            f"it is {len(line)} characters long, ending like a session header, but a "
            f"session's label may have at most {MAX_LABEL} characters and its line "
            f"{MAX_HEADER_LENGTH}; shorten its label",
            ends_body=True,
        )
    return None


def _timed(text: str, vocabulary: Vocabulary) -> Form | None:
    # A table row is read cell by cell, and only a cell that may hold a time is tokenized.
    if ("|" in text or "\t" in text or "   " in text) and (
        row := read_table_row(text, vocabulary)
    ) is not None:
        return row
    tokens = tokenize(text)
    starts = [i for i in range(len(tokens)) if may_begin(tokens, i)]
    if not starts:
        return _undated(text, vocabulary)
    dated = _dated(text, tokens, starts)
    if isinstance(dated, Mention | Header | WhenLine | Unread):
        return dated
    for reader in (read_heading, read_row, read_trailing_row):
        if (form := reader(text, tokens)) is not None:
            return form
    if field_name(text) in words()["when_fields"]:
        return None  # 'Time: 9:00-18:30', 'שעות: 9:00-18:30': the event's hours, no session
    if (mention := _mention(text, tokens, starts)) is not None:
        before = label_text(text[: tokens[starts[0]].start])
        if before and looks_like_label(before) and len(text.split()) <= MAX_UNREAD_WORDS:
            return Unread("it has a date but no time", mention)  # 'Social hour Tue 6 Jun'
        return mention
    if looks_like_label(text) and len(text.split()) <= MAX_UNREAD_WORDS and looks_timed(tokens):
        return Unread("its date or time is not in a form calsvc reads")
    return _undated(text, vocabulary)


def _dated(text: str, tokens: Tokens, starts: list[int]) -> Form | None:
    """A date followed by a time somewhere in the line; what stands before it is the label."""
    for first in starts:
        found = read_when(tokens, first)
        if found is None:
            continue
        day, span, end = found
        token = tokens[first]
        before = _without_article(text[: token.start])
        label = strip_field(label_text(before))
        if (
            label
            and before.rstrip().endswith((":", "："))
            and says_when(f"{label}:")
            and not is_deadline(label)  # ('Fecha límite de admisión: 14 de octubre …')
        ):
            label = ""  # 'A továbbképzés időpontja: 2024. október 12. 9:00-15:00': its hours
        if (
            label
            and (not looks_like_label(label) or is_deadline(label))
            or first > 0
            and tokens[first - 1].kind == T.OPEN
        ):  # 'Uploads close Fri 17 May 11:59 p.m.', '(due Tue 6 Jun 09:00)', 'Deadline: …'
            return _mention(text, tokens, starts) or Mention(day, deadline=is_deadline(text))
        fits, room = tail_room(tokens, end, text)
        written = span_text(text, tokens, first, end)
        if not fits and not label and (after := _title_after(text, tokens, end)) is not None:
            title, room = after  # '26.08.2019 r. 9:00 - 11:00 - rejestracja uczestników.'
            return Header(title, day, span, room, written, opens_day=True)
        rest = text[tokens[end].start :] if end < len(tokens) else ""
        sentence = rest.rstrip().endswith(".") and (not fits or len(rest.split()) > 2)
        if sentence:  # (', il convegno sulle scuole.': the rest of a sentence, no room)
            return _mention(text, tokens, starts) or Mention(day, deadline=is_deadline(text))
        if not fits:  # (its date is still the page's: '12/4 下午 13:00 开始 (预估)' over rows)
            reason = f"{written!r} is followed by {rest[:40]!r}, which is not a room"
            return Unread(reason, Mention(day, deadline=is_deadline(text)))
        if not label:
            return WhenLine(day, span, room, written)
        return Header(label, day, span, room, written)
    return None


def _title_after(text: str, tokens: Tokens, end: int) -> tuple[str, str | None] | None:
    """The title after a line's own date and times, past a dash or colon ('26.08.2019 r.
    9:00 - 11:00 - rejestracja', 'Tue 6 Jun 09:00: Opening') or capitalised right after them
    ('May 22, 2026 (Friday) 10:00-17:00 Registration'), with the room it names."""
    separated = tokens[end].kind in (T.DASH, T.COLON)
    start = tokens[end].end if separated else tokens[end].start
    title = row_title(text[start:].strip(" -–—:"))
    if title is None or not separated and not title[:1].isupper():
        return None  # ('Tue 6 Jun 09:00 a.m. and again later': words, no title)
    if not looks_like_title(title[:1].upper() + title[1:]):
        return None  # (a list's title may begin in lower case: 'kolacja powitalna')
    return title_and_room(title)


def _without_article(label: str) -> str:
    """'Bloco I – dia' → 'Bloco I –': the article a date takes ('dia 16', 'le 12') is no label."""
    head, _, last = label.rstrip().rpartition(" ")
    return head if last.casefold() in lx.lexicon().articles else label


def _mention(text: str, tokens: Tokens, starts: list[int]) -> Mention | None:
    """The days a line of text names: a run ('July 4th - July 8th 2022'), or its first and
    last date ('… on Tuesday, December 7 and end … on Saturday, December 11')."""
    named: list[Day] = []
    end = 0
    for first in starts:
        if first < end:
            continue
        if (days := read_days(tokens, first)) is not None:
            named += days[:2]
            end = days[2]
        elif (day := read_day(tokens, first)) is not None and not day[0].partial:
            named.append(day[0])
            end = day[1]
    if not named:
        return None
    return Mention(named[0], named[-1] if len(named) > 1 else None, is_deadline(text))


def _undated(text: str, vocabulary: Vocabulary) -> Undated | None:
    """'Invited Talk: Alexander Rush': a known kind and a name, with no date or time."""
    label = strip_field(text)
    kind, colon, name = label.partition(":")
    if not colon or not name.strip() or name.rstrip().endswith("."):
        return None
    if len(kind.split()) > 4 or vocabulary.lookup(kind) is None or len(name) > MAX_HEADER_LENGTH:
        return None
    return Undated(label)
