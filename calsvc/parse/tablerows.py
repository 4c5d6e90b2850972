"""Table rows: a line of cells ('11:00 - 12:30 | Paper session 1 | Room 101'), read cell by
cell, with a time cell anywhere in it; parallel sessions in one row; a day heading in a
row of its own."""

from __future__ import annotations

from dataclasses import replace

from .dates import Day
from .forms import DayHeading, EndMark, Form, Header, TimeLine, TimeRow, TimeRows
from .headings import read_heading
from .labels import Vocabulary
from .places import room_cell, room_line
from .ranges import Span, read_range
from .roles import MAX_LABEL, is_dash_cell, is_end_marker, looks_like_title, row_title
from .rooms import room_of, split_cells, tail_room, title_and_room
from .rows import LETTER, hhmm_range, label_text, sessions, span_text, with_length
from .tokens import tokenize


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
        span, end = with_length(found[0], tokens, found[1])  # '14:00~14:10 (10분)': no room
        fits, room = tail_room(tokens, end, cell)
        if not fits:
            continue
        dated = _date_cells(cells, index)
        taken = {index, *range(index if dated else 0)}
        if span.end is None and index + 1 < len(cells):  # '| 09:00 | 10:00 | Title |'
            dash = index + 2 < len(cells) and is_dash_cell(cells[index + 1])  # '9:00 ⇥ - ⇥ 10:30'
            ends = index + 1 + dash
            span, taken = _end_cell(span, cells[ends], taken | set(range(index + 1, ends + 1)))
        others = [c for i, c in enumerate(cells) if i not in taken]
        titles = [c for c in others if LETTER.search(c)]
        written = span_text(cell, tokens, 0, end)
        if not titles:
            return TimeLine(span, written)
        if is_end_marker(titles[0]):
            return EndMark(span)
        rooms_beside = all(room_cell(extra) for extra in titles[1:])
        if (
            len(titles) > 1
            and not rooms_beside
            and dated is None  # (a day's first row: its title, then notes or speakers)
            and (parallel := _parallel(titles, span, written, vocabulary))
        ):
            return parallel
        for extra in titles[1:]:
            if room is None and room_cell(extra):
                room = room_of(extra)
        title = row_title(label_text(titles[0]))
        if title is None or len(title) > MAX_LABEL:
            return None
        found_rows = sessions(title, room, span, written)
        if dated is not None and isinstance(found_rows, TimeRow):
            return Header(found_rows.title, dated, found_rows.span, found_rows.room, written, True)
        return found_rows
    return _day_row(cells) if len(cells) <= 2 else None


def _date_cells(cells: list[str], index: int) -> Day | None:
    """The date the cells before a row's time cell give it, if they give one: 'Kamis | 2 Mei
    2019 | 10.00-14.00 | Registrasi': a table with columns of weekday and date, the first row
    of each day (whose date heads the rows below it)."""
    if index == 0:
        return None
    before = " ".join(cells[:index])
    heading = read_heading(before, tokenize(before))
    return heading.day if heading is not None and heading.day.month else None


def _day_row(cells: list[str]) -> DayHeading | None:
    """A table's row that heads a day: its date, and the day's place beside it."""
    if (day := read_heading(cells[0], tokenize(cells[0]))) is None:
        return None
    if (
        len(cells) == 2
        and day.day.ordinal
        and (dated := read_heading(cells[1], tokenize(cells[1])))
    ):
        return dated if dated.day.month else day  # 'DAY 2 | 20.06.2024': the date says more
    if len(cells) == 2 and day.room is None and (room := room_line(cells[1])):
        day = replace(day, room=room)  # 'Czwartek (8.09)    Krasnopol – Dworek': its place
    return day


def _end_cell(span: Span, cell: str, taken: set[int]) -> tuple[Span, set[int]]:
    """The cell after a start: its end ('10:00'), an open end ('??', '…'), or no time."""
    tokens = tokenize(cell)
    found = read_range(tokens, 0)
    later = found is not None and (
        found[0].start > span.start or span.start.hour >= 12 > found[0].start.hour
    )
    if found is not None and found[1] == len(tokens) and found[0].end is None and later:
        return span._replace(end=found[0].start), taken
    if cell and set(cell) <= set("?.… -–"):
        return span, taken
    return span, taken - {max(taken)}


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
