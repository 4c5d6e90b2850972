"""Layouts: how the lines of a programme group into sessions.

A programme may mix these, and the reader follows whichever a line shows:

- header lines that carry their own date ('Poster: X Tue 6 Jun 09:00 a.m.'); a label line
  above (or below) a line holding only the date, as event pages print them;
- day headings ('Monday 14 October 2024') that date the time rows below them, until the
  next heading; rows as text, table cells, or a time line with its title (and room) below;
- time rows under a dated header rather than a heading are that header's own sub-schedule
  (a workshop's talks) and stay in its body.

What follows a session up to the next one is its body (papers, abstracts, rooms).

Here each line goes to the reader of its form: dated headers are read here, date lines
by datelines.py, time rows by timeblocks.py (and grids.py, rows.py), text by textlines.py;
neighbours.py finds the lines around a date or time that name its session.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import HeaderProblem
from .blocks import Block, State
from .datelines import read_when_line
from .forms import (
    DayHeading,
    EndMark,
    Form,
    Header,
    Mention,
    TimeLine,
    TimeRow,
    TimeRows,
    Undated,
    Unread,
    WhenLine,
)
from .grids import (
    TIME_HEADINGS,
    aside_column,
    flat_place_header,
    header_columns,
    more_days,
    place_column,
    timed_cells,
)
from .inline import split_items
from .labels import Vocabulary
from .notes import Notes
from .roles import MAX_HEADER_LENGTH, is_deadline
from .textlines import append_to_body, heading_by_place, later_in_prose, read_text
from .timeblocks import read_row
from .venues import read_venues

MAX_HEADER_LINES = 8  # lines a header row of days may break over (a line break in each cell)


class Reading(NamedTuple):
    """What the layouts found: the blocks, the dates the text mentions, how many lines held
    a date or time, and the first of those that was not read."""

    blocks: list[Block]
    mentions: list[tuple[int, Mention]]
    timed: int
    first_unread: int | None


def read_blocks(lines: list[str], vocabulary: Vocabulary, notes: Notes) -> Reading:
    """The blocks of a programme, as the lines' forms group them (a line that holds several
    sessions is read as one piece each)."""
    lines, numbers = split_items(lines)
    state = State(vocabulary, notes, numbers=numbers)
    timed = 0
    for index, line in enumerate(lines):
        if (
            index in state.used
            or more_days(state, line, index)
            or _table_head(state, line, index)
            or _broken_head(state, lines, index)
        ):
            continue
        if state.columns and (joined := _broken_row(state, lines, index)) is not None:
            lines[index] = line = joined  # a row whose cells break their lines, put together
        if state.columns and timed_cells(state, line, index):
            timed += 1
            continue
        number = state.number(index)
        try:
            form = state.read(line) if line else None
        except HeaderProblem as problem:
            notes.add(number, "error", "bad-header", f"{problem}; this session is left out")
            state.blocks.append(Block(number, None))
            timed += 1
            continue
        if (day := heading_by_place(state, lines, index, form)) is not None:
            form = DayHeading(day)  # a date among words, over time rows: their day
        if form is None or isinstance(form, Undated | Mention):
            if isinstance(form, Mention):
                _mentioned(state, line, number, form)
            elif form is None and len(line) > MAX_HEADER_LENGTH:  # a paragraph of prose
                later_in_prose(state, line, number, is_deadline(line))
            read_text(state, lines, index, form if isinstance(form, Undated) else None)
            continue
        timed += 1
        _timed(state, lines, index, form)
    last = state.day
    if last and last.weekday is not None and state.heading_at == len(state.blocks):
        # a day heading with its weekday and no row under it, last on the page: a footer's
        # date ('ALBIX - Samstag, 24. Juni 2017'), the page's one date for the rows above
        state.mentions.append((state.heading_line, Mention(last)))
    return Reading(read_venues(state.blocks), state.mentions, timed, state.first_unread)


def _table_head(state: State, line: str, index: int) -> bool:
    """Whether a line heads a table, naming the rooms of its columns or its column of places;
    the rows below take them."""
    if (columns := header_columns(line)) is not None:
        state.columns, state.column_blocks, state.header_at = columns, {}, index
        if state.bands:  # ('MAÑANA ⇥ Salas A, B, C' / … / 'TARDE ⇥ SALA A ⇥ SALA B')
            state.day_room, state.bands = None, False
        return True
    place, aside = place_column(line), aside_column(line)
    if place is not None or aside is not None:
        state.place_column, state.aside_column = place, aside
        return True
    if flat_place_header(line):  # 'Time Venue Event'
        state.flat_places, state.flat_place = True, None
        return True
    return False


def _broken_head(state: State, lines: list[str], index: int) -> bool:
    """A header row of days whose cells break their lines ('Horario ⇥ Lunes' / '20 de
    octubre ⇥ Martes' / … / '24 de octubre'), copied from cells with line breaks inside:
    its lines read as one, when that names a day in each column after the time's."""
    line = lines[index]
    if "\t" not in line or line.split("\t")[0].strip().lower() not in TIME_HEADINGS:
        return False
    for end in range(index + 2, min(index + MAX_HEADER_LINES, len(lines)) + 1):
        columns = header_columns(" ".join(lines[index:end]))
        if columns is not None and sum(column is not None for column in columns) >= 2:
            state.columns, state.column_blocks, state.header_at = columns, {}, end - 1
            state.used.update(range(index + 1, end))
            return True
    return False


def _broken_row(state: State, lines: list[str], index: int) -> str | None:
    """A time row of a table whose cells break their lines, each cell's last line and the
    next cell's first on one line ('09:15 ⇥ Otras aplicaciones…' / 'Dra. Zoila Chumpitaz ⇥
    Temblor esencial…' / 'Dr. Ciro Galdós ⇥ Síndrome de West…' / 'Dr. Julián Moriano'), as
    a copied HTML table gives them: the row of each cell's first line (its title), with
    the further lines (its speakers) left after it, as celllines.py leaves them."""
    assert state.columns is not None
    line, wanted = lines[index], len(state.columns)
    cells = line.split("\t")
    if not line[:1].isdigit() or not 1 < len(cells) < wanted:
        return None
    end, further = index + 1, []
    while (
        end < len(lines)
        and "\t" in lines[end]
        and not lines[end][:1].isdigit()  # (the next row)
        and len(cells) < wanted
    ):
        first, *rest = lines[end].split("\t")
        further.append(first.strip())
        cells += rest
        end += 1
    if len(cells) != wanted or end == index + 1:
        return None
    for position, text in enumerate(further, start=index + 1):
        lines[position] = text  # (each cell's further lines, in the body after the row)
    return "\t".join(cells)


def _timed(state: State, lines: list[str], index: int, form: Form) -> None:
    """A line that holds a date or time, read as its form says."""
    if isinstance(form, Header):
        _header(state, index, form)
    elif isinstance(form, WhenLine):
        read_when_line(state, lines, index, form)
    elif isinstance(form, DayHeading):
        state.day, state.day_room, state.owner = form.day, form.room, None
        state.place_line, state.flat_place = False, None
        state.heading_line = state.number(index)
        state.afternoon = False
        state.last_day = form.last
        state.heading_at = len(state.blocks)
    elif isinstance(form, EndMark):
        block = Block(state.number(index), None, None, form.span, layout="end")
        state.blocks.append(state.under_heading(block))
    elif isinstance(form, TimeRow | TimeRows | TimeLine):
        read_row(state, lines, index, form)
    elif isinstance(form, Unread):
        _unread(state, lines[index], index, form)


def _header(state: State, index: int, form: Header) -> None:
    """A session with its own date; the time rows below it are its own programme, unless its
    date opens the line: then they are the rest of that day."""
    number = state.number(index)
    block = Block(number, form.label, form.day, form.span, form.room, form.text, "header")
    state.blocks.append(block)
    if form.opens_day:
        state.owner, state.day, state.day_room, state.last_day = None, form.day, None, None
        state.heading_at = len(state.blocks) - 1
    else:
        state.owner = block


def _unread(state: State, line: str, index: int, form: Unread) -> None:
    """A line with a date or time that is no session: noted, and left in the body above it
    unless it was a header of its own (then its papers are not the last session's)."""
    number = state.number(index)
    state.unread(index, line, form.reason)
    if form.mention is not None:
        _mentioned(state, line, number, form.mention)
    if form.ends_body:
        state.blocks.append(Block(number, None))
    else:
        append_to_body(state, line)


def _mentioned(state: State, line: str, number: int, mention: Mention) -> None:
    """A date the text names: kept for dating the rows, and the day of the rows below when a
    sentence under a heading moves it."""
    state.mentions.append((number, mention))
    later_in_prose(state, line, number, mention.deadline)
