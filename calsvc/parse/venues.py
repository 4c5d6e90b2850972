"""Rooms the whole programme tells, where one line alone does not: a place after a dash that
rows end with again and again, and tables of parallel sessions under one time.

    1300-1500 Document Authors' Training - Camellia B-1       a room after a dash, when most
    1500-1700 Routing Tutorial - Topaz 4                       rows' tails are rooms or recur

    12:00pm Opening ceremony JRC 214                           a building's code and a room,
    1:00pm Lunch JRC Commons                                   glued on, when the code recurs
    Empfang VDA GWZ Raum 105                                   ('Raum 105' in building GWZ)

    0900-1130 Morning Sessions                                 a time over a table: each row
    Topaz 1       APP   webcal    Web Calendaring WG           a session at that time, in the
    Pearl 1/2     INT   lowmob    Low-Power Mobility WG        room of its first column (a
                                  Networks WG                  wrapped title goes on)

A tail or a first column is taken as a room only when the programme bears it out: it names a
place ('Lobby', 'B-1') or it recurs (the same room in several rows or tables), for more than
half of the tails (half of a table's rows); a speaker after a dash ('Keynote – Ana Ruiz') is
no room.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .blocks import Block
from .places import proper_name, room_line, room_word
from .roles import MAX_ROOM_WORDS, clean

_TAIL = re.compile(r"^(?P<title>.+\S)\s+[-–—]\s+(?P<room>\S.*)$")  # after the last dash
_ROOM_AFTER_CODE = r"(?:[A-Z]?\d{1,4}[A-Za-z]?|[A-Z][a-z]+)$"  # '214', 'Commons'
# A building's code and a room after it ('JRC 214'), or a word and a room ('GWZ Raum 103').
_BUILDINGS = (
    re.compile(rf"(?<=\S)\s+(?P<room>(?P<code>[A-Z]{{2,4}})\s+{_ROOM_AFTER_CODE})"),
    re.compile(
        rf"(?<=\S)\s+(?P<room>(?P<code>[A-Z]{{2,4}})\s+(?:[A-Z][a-z]+|[A-Z]{{1,3}})\s+"
        rf"{_ROOM_AFTER_CODE})"
    ),
)
_DASH = re.compile(r"\s[-–—]\s+(?=\S)")
_COLUMNS = re.compile(r"\s{2,}|\t+")
_FOOTNOTE = re.compile(r"\s*[*†‡]+$")
_QUOTE_CLOSED = re.compile(r"^[^«„“]*[»“”]")  # a quotation closed in the tail, opened before
_BRACKETS = re.compile(r"\(([^()]*)\)")  # what a room's name holds in brackets is a name too
ROWS = ("agenda", "table", "block")  # the layouts of time rows
MIN_TAILS = 3  # rows ending in a dash and a place before tails are taken as rooms
MIN_TABLE = 2  # rows of a table of parallel sessions
MIN_CELLS = 3  # columns of such a row (a room, …, a title) unless its first names a place


def read_venues(blocks: list[Block]) -> list[Block]:
    """The blocks with rooms the programme tells as a whole: tails after a dash taken off
    their titles, and tables of parallel sessions made one session per row."""
    _dash_tails(blocks)
    _building_tails(blocks)
    return _parallel_tables(blocks)


def _dash_tails(blocks: list[Block]) -> None:
    tails = {id(b): found for b in blocks if (found := _tail(b)) is not None}
    if len(tails) < MIN_TAILS:
        return
    seen = Counter(room for _, room in tails.values())
    places = sum(1 for _, room in tails.values() if seen[room] > 1 or room_line(room))
    if 2 * places <= len(tails):
        return  # ('Keynote – Ana Ruiz': speakers, not rooms)
    for block in blocks:
        if (found := tails.get(id(block))) is not None:
            block.label, block.room = found


def _building_tails(blocks: list[Block]) -> None:
    """'Opening ceremony JRC 214', 'Lunch JRC Commons': a building's code in capitals and a
    room after it, glued to the end of titles, taken off when the code ends MIN_TAILS rows
    (of two readings, 'MLH JRC 119' or 'GWZ HS 401', the one whose code recurs most)."""
    tails = {
        id(b): found
        for b in blocks
        if b.layout in ROWS and b.label and b.room is None
        if (found := [m for pattern in _BUILDINGS if (m := pattern.search(b.label))])
    }
    codes = Counter(m["code"] for found in tails.values() for m in found)
    for block in blocks:
        readings = tails.get(id(block))
        best = max(readings or (), key=lambda m: codes[m["code"]], default=None)
        if best is not None and codes[best["code"]] >= MIN_TAILS:
            block.label, block.room = best.string[: best.start()], best["room"]


def _tail(block: Block) -> tuple[str, str] | None:
    if block.layout not in ROWS or block.label is None or block.room is not None:
        return None
    for dash in _DASH.finditer(block.label):  # 'Apertura - Sala "Bolla" - Località Darsena'
        room = block.label[dash.end() :].strip()
        first = room.split()[0]
        if room_word(first.lower(), leading=True) and proper_name(_BRACKETS.sub(r"\1", room)):
            return block.label[: dash.start()].rstrip(), room
    found = _TAIL.match(block.label)
    if found is None or len(found["room"].split()) > MAX_ROOM_WORDS:
        return None
    room = found["room"].strip()
    if _QUOTE_CLOSED.search(room) or not any(c.isalpha() for c in room):
        return None  # ('фестивалю «Степовий вітер - 2009»': the dash is inside a name)
    return (found["title"], room) if proper_name(_BRACKETS.sub(r"\1", room)) else None


def _parallel_tables(blocks: list[Block]) -> list[Block]:
    tables = {id(b): rows for b in blocks if (rows := _table(b)) is not None}
    if not tables:
        return blocks
    seen = Counter(room for rows in tables.values() for room in {r for r, _ in rows})
    out: list[Block] = []
    for block in blocks:
        rows = tables.get(id(block))
        places = [r for r, _ in rows or () if seen[r] > 1 or room_line(r)]
        if rows is None or 2 * len(places) < len(rows):
            out.append(block)
            continue
        out += [
            replace(block, label=title, room=room, body=[], layout="agenda") for room, title in rows
        ]
    return out


def _table(block: Block) -> list[tuple[str, str]] | None:
    """A time row's body as a table of (room, title) rows, or None: its first lines up to a
    blank one, each a row of columns or a title's wrapped end under the row above."""
    if block.layout not in ROWS or block.span is None or block.label is None:
        return None
    rows: list[list[str]] = []
    for line in block.body:
        if not line.strip():
            if rows:
                break
            continue
        cells = [c for c in _COLUMNS.split(line.strip()) if c]
        first = cells[0]
        if len(cells) >= MIN_CELLS or len(cells) == 2 and room_line(first):
            if len(first.split()) > MAX_ROOM_WORDS:
                return None
            rows.append([first, _FOOTNOTE.sub("", cells[-1])])
        elif rows and len(cells) == 1:
            rows[-1][1] = f"{rows[-1][1]} {_FOOTNOTE.sub('', first)}"  # a wrapped title
        else:
            return None
    if len(rows) < MIN_TABLE or len({room for room, _ in rows}) < len(rows):
        return None  # (rooms at once are different rooms)
    return [(room, clean(title)) for room, title in rows]
