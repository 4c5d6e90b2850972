"""Programmes as grids: a table's header row naming a room or a day per column, rows of
parallel sessions in those columns, and cells that span several time rows.

    | Time        | Main hall          | Room 101             |
    | 11:00-12:30 | Session 1: Vision  | Session 2: Language  |   → Main hall, Room 101
    | 12:30-14:00 | 〃                 | Lunch                |   → Session 1 ends at 14:00

    |             | Mon 26 June        | Tue 27 June          |
    | 09:00       | Opening            | Keynote              |   → on 26 and 27 June

Only rows of cells split by pipes or tabs keep their columns (empty cells too); a header row
counts when its first cell is empty or names the time and every other cell names a room, or
every other cell is a date. A ditto mark ('〃', as a saved page's rowspan is written) is the
cell above going on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeGuard

from ..errors import HeaderProblem
from .blocks import Block, Columns, State
from .dates import Day, read_day
from .forms import TimeLine, TimeRow, TimeRows
from .items import names_people
from .places import room_code, room_line, room_word
from .ranges import Span
from .roles import (
    DITTO,
    clean,
    is_dash_cell,
    is_ditto,
    is_end_marker,
    parts_of_day,
    row_title,
    words,
)
from .rooms import title_and_room
from .rows import label_text
from .tokenkinds import T
from .tokens import tokenize

TIME_HEADINGS = frozenset(
    {"", "time", "times", "hour", "hours", "when", "slot", "zeit", "uhrzeit", "heure", "horaire",
     "start", "begin", "beginn", "début", "inicio", "inizio", "start time",
     "hora", "horario", "ora", "orario", "tijd", "время", "czas", "godzina", "tid", "aika", "čas",
     "idő", "ώρα", "saat", "時間", "时间", "시간", "waktu", "jam", "開始時間", "开始时间", "时段",
     "時段", "时间段", "schedule", "turno"}
)  # fmt: skip
# Over a column of days before the time's: a day's date on its first row only.
_DATE_HEADINGS = frozenset({"date", "day", "datum", "tag", "fecha", "día", "data", "jour", "日期"})


def cells_in_columns(line: str) -> list[str] | None:
    """A table row's cells in their columns, empty ones kept; None for a line of no table.
    Markdown rows have a border at each end ('| 09:00 | Talk |'); a saved page's rows do not,
    so a pipe at one end only separates an empty cell ('09:00 | Talk |')."""
    text = line.strip()
    if "|" in text:
        if text.startswith("|") and text.endswith("|") and len(text) > 1:
            text = text[1:-1]
        return [cell.strip() for cell in text.split("|")]
    if "\t" in line:
        return [cell.strip() for cell in line.strip(" ").split("\t")]
    return None


def header_columns(line: str) -> Columns | None:
    """The rooms or days a header row names ('| Time | Main hall | Room 101 |',
    '| | April 7th | April 8th |'), else None. A row of days alone ('Monday May 8th ⇥
    Tuesday May 9th') names the last columns of the rows below it."""
    cells = cells_in_columns(line)
    if cells and len(cells) >= 2 and (alone := _days(cells)):
        return alone
    lead = next((i for i, cell in enumerate(cells or []) if cell), 0)
    if cells and lead and len(cells) - lead >= 2 and (led := _days(cells[lead:])):
        return (None,) * lead + led  # '⇥ ⇥ ⇥ 08/07/2024 ⇥ 09/07/2024': over the times' cells
    if not _timed_header(cells):
        return None
    days = [_day_cell(cell) for cell in cells[1:]]
    if all(days):  # ('Wednesday 9.5' is a day, though '9.5' could number a room)
        return (None, *days)
    rooms = [room_line(cell) for cell in cells[1:]]
    if all(rooms):
        return (None, *rooms)
    return None


def _timed_header(cells: list[str] | None) -> TypeGuard[list[str]]:
    """Whether cells are a header row of three or more that opens with the time's cell."""
    if cells is None or len(cells) < 3:
        return False
    word = _header_word(cells[0])  # ('TARDE ⇥ SALA A ⇥ SALA B': the afternoon's columns)
    return word in TIME_HEADINGS or word in parts_of_day()


def _header_word(cell: str) -> str:
    """A header cell's word, as the lists of words.toml write it: lower case, no colon, its
    letters together where the page spaced them out ('시  간', '주  제': '시간', '주제')."""
    letters = cell.split()
    word = "".join(letters) if len(letters) > 1 and all(len(x) == 1 for x in letters) else cell
    return word.lower().rstrip(":")


def _days(cells: list[str]) -> tuple[Day, ...]:
    """The day each cell names, when every one names a day; else none (read no further
    than the first cell that does not: most rows of a table open with a time)."""
    days = []
    for cell in cells:
        if (day := _day_cell(cell)) is None:
            return ()
        days.append(day)
    return tuple(days)


def _around_times(cells: list[str], columns: Columns) -> tuple[list[str], Columns]:
    """A row under a header of days alone, and its columns: the row's first cells that
    hold times ('9:00 ⇥ 10:00 ⇥ …'), then the days, then any cells after them ('… | 11:00');
    a row that stops early ('11:00 | Welcome') has empty cells for the days it leaves out."""
    lead = 0
    while lead < len(cells) and (_time_cell(cells[lead]) or lead and is_dash_cell(cells[lead])):
        lead += 1  # ('9:00 ⇥ - ⇥ 10:30 ⇥ …': a dash's cell between the times)
    if not lead:
        return cells, columns
    cells = cells + [""] * (lead + len(columns) - len(cells))
    return cells, (None,) * lead + columns + (None,) * (len(cells) - lead - len(columns))


def _time_cell(cell: str) -> bool:
    """A cell that holds a time or a range of times and nothing else: '9:00', '11.30 – 13.00'."""
    kinds = {token.kind for token in tokenize(cell)}
    return T.CLOCK in kinds and kinds <= {T.CLOCK, T.DASH, T.MERIDIEM}


def more_days(state: State, line: str, index: int) -> bool:
    """A header row of days wrapped onto the lines under it ('Monday May 8th ⇥ Tuesday May
    9th' / 'Wednesday May 10th ⇥ Thursday May 11th' / 'Friday May 12th'): its days join it."""
    if state.header_at != index - 1 or not state.columns or state.columns[0] is None:
        return False
    days = _days(cells_in_columns(line) or [line])
    if not days:
        return False
    state.columns += days
    state.header_at = index
    return True


def place_column(line: str) -> int | None:
    """The column a table's header row gives to places ('Time | Event | Location', 'Время
    ⇥ Мероприятие ⇥ Локация'): its cells are the rows' rooms, whatever words they use."""
    return _named_column(line, words()["location_fields"])


MAX_FLAT_HEADER = 4  # words of a header row run together: 'Time Venue Event', 'Zeit Ort Thema'


def flat_place_header(line: str) -> bool:
    """'Time Venue Event': the header row of a table with a column of places, copied with
    its cells run together into words; its rows run the place and the title together too."""
    names = clean(line).lower().rstrip(":").split()
    return (
        3 <= len(names) <= MAX_FLAT_HEADER
        and names[0] in TIME_HEADINGS
        and names[1] in words()["location_fields"]
        and all(name in words()["column_titles"] for name in names[2:])
    )


MAX_PLACE_WORDS = 6  # words of a place that opens a row of such a table


def leading_place(title: str) -> tuple[str, str] | None:
    """'Auditorium Hall Opening Remarks' → ('Auditorium Hall', 'Opening Remarks'): the place
    a flattened row opens with, up to its first place word and the place words, codes and
    brackets right after it ('Seminar Room 2', 'Ground Floor Hall (Beside Room 2)')."""
    parts = title.split()
    first = next((k for k, part in enumerate(parts[:MAX_PLACE_WORDS]) if room_word(part)), None)
    if first is None or not parts[0][:1].isupper():
        return None
    end = first + 1
    while end < len(parts) - 1:
        part = parts[end]
        if part.startswith("("):  # a bracket after the place, to its end
            close = next((k for k in range(end, len(parts)) if parts[k].endswith(")")), None)
            if close is None or close >= len(parts) - 1:
                break
            end = close + 1
        elif room_word(part) and part.lower() != parts[end - 1].lower() or room_code(part):
            end += 1  # ('Riverside Campus Campus / Lab Visit': the title repeats its word)
        else:
            break
    place, rest = " ".join(parts[:end]), " ".join(parts[end:])
    return (place, rest) if rest and room_line(place) else None


def aside_column(line: str) -> int | None:
    """The column a table's header row gives to people ('Tijd | Spreker | Onderwerp', '開始時間
    | … | セッション | 登壇者') or to notes ('Date | Schedule | Sessions | Note'): its cells are
    neither titles nor rooms."""
    cells = cells_in_columns(line)
    if cells and _header_word(cells[0]) in _DATE_HEADINGS:  # 'Date | Schedule | … | Note'
        line = "\t".join(cells[1:])  # (counted from the time's column, as rows are)
    return _named_column(line, words()["people_columns"] | words()["note_columns"])


def _named_column(line: str, names: frozenset[str]) -> int | None:
    """The first column after the time's whose header cell is one of these names, in a
    header row of three cells or more that opens with the time's ('Time', 'Zeit', ''); or
    the first, when it is one and the time's comes second ('Lugar ⇥ Horario ⇥ Actividad')."""
    cells = cells_in_columns(line)
    if _timed_header(cells):
        return next((i for i, c in enumerate(cells) if i > 0 and _header_word(c) in names), None)
    if cells and len(cells) >= 3 and _header_word(cells[0]) in names:
        time = _header_word(cells[1])
        return 0 if time and time in TIME_HEADINGS else None  # 'Lugar ⇥ Horario ⇥ Actividad'
    return None


def _day_cell(cell: str) -> Day | None:
    """A cell that holds a date and nothing else: 'April 7th', 'Mon 26 June'."""
    tokens = tokenize(cell)
    try:
        found = read_day(tokens, 0) if tokens else None
    except HeaderProblem:
        return None
    return found[0] if found and found[1] == len(tokens) else None


def grid_row(state: State, line: str, index: int, span: Span, written: str) -> bool:
    """A row of a grid whose header names each column's day: each cell is a session on its
    day, a ditto mark the session above going on; in a grid of rooms, a row of ditto marks
    only (a room's cell may be another's room or speaker: add_row_sessions reads those).
    False for a row that does not fit the header's columns (a cell spans several)."""
    cells, columns = cells_in_columns(line), state.columns
    if columns and cells and columns[0] is not None:  # a header of days alone
        cells, columns = _around_times(cells, columns)
    if not columns or cells is None or len(cells) != len(columns):
        return False
    days = any(isinstance(column, Day) for column in columns)
    pairs = list(zip(cells, columns, strict=True))
    if not days and any(cell and not is_ditto(cell) for cell, column in pairs if column):
        return False
    blocks = []
    for position, (cell, column) in enumerate(pairs):
        if column is None:
            continue
        if is_ditto(cell):
            _goes_on(state.column_blocks.get(position), span)
            continue
        state.column_blocks.pop(position, None)
        if not cell or is_end_marker(cell):
            continue
        title, room = title_and_room(cell)
        named = column if isinstance(column, str) else None
        block = Block(state.number(index), title, None, span, room or named, written, "table")
        state.under_heading(block)
        if isinstance(column, Day):  # a column of its own day
            block.day, block.last_day = column, None
        blocks.append(block)
        state.column_blocks[position] = block
    state.blocks += blocks
    if blocks:
        state.grid = (index, blocks)
    return True


def timed_cells(state: State, line: str, index: int) -> bool:
    """A row of a grid of days whose cells hold their own times ('Morning ⇥ ⇥ 9.00 Pupils'
    ⇥ 'Visiting the museum.' ⇥ …), the first cell naming no time: each timed sentence of a
    cell is a session on its column's day; a cell without a time is a plan, no session."""
    cells = cells_in_columns(line)
    columns = state.columns
    if not columns or cells is None or len(cells) != len(columns) or _timed(state, cells[0]):
        return False
    found = [
        (form, day)
        for cell, day in zip(cells, columns, strict=True)
        if isinstance(day, Day)
        for form in map(lambda part: _timed(state, part), _CELL_TIMES.split(cell))
        if form is not None
    ]
    for form, day in found:
        title, room = title_and_room(form.title)
        number, room = state.number(index), room or form.room
        block = state.under_heading(Block(number, title, None, form.span, room, form.text, "table"))
        block.day, block.last_day = day, None  # a column of its own day
        state.blocks.append(block)
    return bool(found)


# 'Introduction to Finnish sauna. 19.00. Dinner together.': a time opens a sentence.
_CELL_TIMES = re.compile(r"(?<=[.!?])\s+(?=\d{1,2}[.:h]\d\d)")


def _timed(state: State, text: str) -> TimeRow | None:
    try:
        form = state.read(text) if text else None
    except HeaderProblem:
        return None
    return form if isinstance(form, TimeRow) else None


def _goes_on(block: Block | None, span: Span) -> None:
    """A session covering the next row's slot ends with it (when the slots say their ends)."""
    if block is None or block.span is None or span.end is None:
        return
    if block.span.end == span.start and block.span.end_day is None:
        block.span = block.span._replace(end=span.end)


def _room_is_a_cell(line: str, form: TimeRow, columns: Columns | None) -> bool:
    """Whether the room a row was read with is the whole cell of a column the header names
    a room for, and names no place of its own ('Demos'; not 'Foyer'): then it is that
    room's session."""
    cells = cells_in_columns(line) or []
    if not columns or not form.room or len(cells) != len(columns) or room_line(form.room):
        return False
    shown = [clean(cell) for cell in cells]
    return any(isinstance(c, str) and s == form.room for s, c in zip(shown, columns, strict=True))


def column_rooms(line: str, titles: Sequence[str], columns: Columns) -> list[str | None]:
    """The room of the column each title stands in, in this row of the table (a day column
    names none)."""
    cells = _trimmed(cells_in_columns(line) or [], len(columns))
    if len(cells) != len(columns):  # a cell spans columns: which is whose cannot be told
        return [None] * len(titles)
    rooms: list[str | None] = []
    start = 0
    for title in titles:
        found = next(
            (i for i in range(start, len(cells)) if cells[i].lstrip(" -–—·:@").startswith(title)),
            None,
        )
        column = None if found is None else columns[found]
        rooms.append(column if isinstance(column, str) else None)
        start = start if found is None else found + 1
    return rooms


def empty_slot(line: str) -> bool:
    """A table row of a time and empty cells ('| 09:00 - 09:30 | | |'): nothing held then. A
    time with one pipe after it ('09.30 – 09.50 |') is a copied cell over its title below."""
    cells = cells_in_columns(line)
    if cells is None or line.strip().count("|") == 1 and not line.strip().startswith("|"):
        return False
    return len(cells) > 1 and not any(c and c != DITTO for c in cells[1:])


def add_row_sessions(state: State, line: str, index: int, form: TimeRow | TimeRows) -> None:
    """The sessions of a time row under a day heading (text, or table cells), each in its
    column's room when the table's header row names them."""
    layout = "table" if "|" in line or "\t" in line else "agenda"
    rows = form.rows if isinstance(form, TimeRows) else (form,)
    if isinstance(form, TimeRow) and form.room and _room_is_a_cell(line, form, state.columns):
        rows = (replace(form, room=None), replace(form, title=form.room, room=None))
        form = TimeRows(rows)  # '| 10:00 | Posters | Demos |' under 'Hall A | Hall B': two
    if isinstance(form, TimeRow) and not form.room and (cells := _room_cells(line, state.columns)):
        titles = [row_title(label_text(cell)) or label_text(cell) for cell in cells]
        rows = tuple(TimeRow(title, form.span, None, form.text) for title in titles)
        form = TimeRows(rows)  # 'time ⇥ A ⇥ B ⇥ C' under 'TARDE ⇥ SALA A ⇥ SALA B ⇥ SALA C'
    rooms: list[str | None] = [None] * len(rows)
    if isinstance(form, TimeRows) and state.columns:  # parallel: each in its column's room
        rooms = column_rooms(line, [row.title for row in rows], state.columns)
    elif state.aside_column is not None and state.place_column is None:
        rows = _without_asides(rows, cells_in_columns(line) or [], state.aside_column)
        rooms = [None] * len(rows)
    elif state.flat_places and len(rows) == 1 and cells_in_columns(line) is None:
        rows, rooms = _flat_place(state, rows[0])
    elif _place_column(state, line) is not None and len(rows) <= 2:  # a column of places
        rows = rows[:1]  # ('| 10:30 AM | … | Lounge | Break · Coffee |' read as two: one)
        assert state.place_column is not None
        cells = cells_in_columns(line) or []
        place = cells[state.place_column] if state.place_column < len(cells) else ""
        timed = rows[0].text  # (past the time's cell: 'Lugar ⇥ Horario ⇥ Actividad')
        later = (clean(c) for c in cells[state.place_column + 1 :])
        after = next((c for c in later if c and not (timed and c.startswith(timed))), "")
        after = after.split(" · ")[0]  # ('Morning Session · Topic: … · Lead: …': its details)
        read_place = rows[0].title.startswith(place) and bool(place)  # (the place's cell)
        if read_place and not after:
            place = ""  # ('| 12:00 | Lunch (arrange your own) | |': a title in the place's cell)
        elif read_place:
            rows = (replace(rows[0], title=after),)  # '| 10:00 | WB courtyard | Registration |'
        rooms = [place or None]
        rows = (replace(rows[0], room=None),) if place else rows
    number = state.number(index)
    blocks = [
        state.under_heading(
            Block(number, row.title, None, row.span, row.room or room, row.text, layout)
        )
        for row, room in zip(rows, rooms, strict=True)
    ]
    state.blocks += blocks
    state.grid = (index, blocks if layout == "table" else [])
    if layout == "table" and state.columns:  # each in its column, for the rows below
        cells = cells_in_columns(line) or []
        for block in blocks:
            found = next((i for i, c in enumerate(cells) if c.startswith(block.label or "\0")), -1)
            if found > 0:
                state.column_blocks[found] = block


def _flat_place(state: State, row: TimeRow) -> tuple[tuple[TimeRow], list[str | None]]:
    """A row of a table whose cells run together ('09:00AM-09:10AM Auditorium Hall Opening
    Remarks'): the place it opens with, else the one the rows above named (a merged cell)."""
    if row.room is None and (found := leading_place(row.title)) is not None:
        state.flat_place, title = found
        row = replace(row, title=title)
    return (row,), [row.room or state.flat_place]


def _trimmed(cells: list[str], width: int) -> list[str]:
    """A row's cells without the empty ones at its end beyond `width` ('… ⇥ Crisis
    febriles ⇥': the row's last tab)."""
    while len(cells) > width and not cells[-1]:
        cells.pop()
    return cells


def _room_cells(line: str, columns: Columns | None) -> list[str]:
    """The title cells of a row under a header of rooms, one in each room's column, when
    it fills two or more of them; else none (a cell that spans the rooms is one session)."""
    cells = _trimmed(cells_in_columns(line) or [], 0)
    if not columns or len(cells) != len(columns) or columns[0] is not None:
        return []
    if not all(isinstance(column, str) for column in columns[1:]):
        return []
    titles = [cell for cell in cells[1:] if cell]
    if any(room_line(cell) or names_people(cell) for cell in titles[1:]):
        return []  # ('Keynote ⇥ Dana Whitfield, Lakeside University': its speaker)
    return titles if len(titles) >= 2 else []


def _without_asides(rows: tuple[TimeRow, ...], cells: list[str], aside: int) -> tuple[TimeRow, ...]:
    """A table's rows whose header names a column of people or notes (counted from the
    time's) and none of places: a cell is no room, and a title read from the aside's cell is
    the next cell's ('| 11:00 | Ruben Terpstra | De bouwdoos |': 'De bouwdoos')."""
    shown = [clean(cell) for cell in cells]
    aside += next((i for i, cell in enumerate(shown) if _time_cell(cell)), 0)  # (after a date)
    noted = shown[aside] if aside < len(shown) else None
    after = next((cell for cell in shown[aside + 1 :] if cell), None)
    kept = []
    for row in rows:
        if row.room in shown:
            row = replace(row, room=None)
        if row.title == noted:
            if after is None or after in (r.title for r in rows):
                continue  # (parallel rows: the aside's cell was read as one of them)
            row = replace(row, title=after)
        kept.append(row)
    return tuple(kept) or rows[:1]


def _place_column(state: State, line: str) -> int | None:
    """The column of places of the table a row is in: the one its header row names, or, in
    a table with no header, the cell between the time and the title when it names a place
    and the title's does not ('| 10:45 | KL3-14 | Welcome |'); then for the rows after it."""
    if state.place_column is None and not state.columns:
        cells = cells_in_columns(line) or []
        if len(cells) == 3 and cells[2] and room_line(cells[1]) and not room_line(cells[2]):
            state.place_column = 1
    return state.place_column


def spanned(state: State, lines: list[str], index: int, form: TimeLine) -> bool:
    """A time row below a table row whose cells are taller: '08:30 - 09:00 | Fluids |
    Solids', then '09:00 - 09:30' (a saved page's rowspan). Those sessions end with it.

    The covered row lacks the covered cells: it is a time alone, or, under a header row, has
    fewer cells than the header (the others empty). A full row of empty cells is a free slot.
    """
    last, blocks = state.grid
    end, cells = form.span.end, cells_in_columns(lines[index]) or [lines[index]]
    if (
        end is None
        or not blocks
        or any(c and c != DITTO for c in cells[1:])
        or not _text_only(state, lines[last + 1 : index])
    ):
        return False
    if len(cells) > 1 and (not state.columns or len(cells) >= len(state.columns)):
        return False
    if any(b.span is None or b.span.end != form.span.start or b.span.end_day for b in blocks):
        return False
    for block in blocks:
        assert block.span is not None
        block.span = block.span._replace(end=end)
    state.grid = (index, blocks)
    return True


def _text_only(state: State, lines: list[str]) -> bool:
    """Whether these lines hold no date or time (a cell's further lines: a speaker, a room)."""
    try:
        return all(state.read(line) is None for line in lines if line)
    except HeaderProblem:
        return False
