"""Programmes as grids: a table's header row naming a room per column, rows of parallel
sessions in those columns, and cells that span several time rows.

    | Time        | Main hall          | Room 101             |
    | 11:00-12:30 | Session 1: Vision  | Session 2: Language  |   → Main hall, Room 101

Only rows of cells split by pipes or tabs keep their columns (empty cells too); a header row
counts when its first cell is empty or names the time and every other cell names a room.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import HeaderProblem
from .blocks import Block, Columns, State
from .forms import TimeLine, TimeRow, TimeRows
from .roles import room_line

_TIME_HEADINGS = frozenset(
    {"", "time", "times", "hour", "hours", "when", "slot", "zeit", "heure", "horaire", "hora",
     "horario", "ora", "orario", "tijd"}
)  # fmt: skip


def cells_in_columns(line: str) -> list[str] | None:
    """A table row's cells in their columns, empty ones kept; None for a line of no table.
    Markdown rows have a border at each end ('| 09:00 | Talk |'); a saved page's rows do not,
    so a pipe at one end only separates an empty cell ('09:00 | Talk |')."""
    text = line.strip()
    if "|" in text:
        if text.startswith("|") and text.endswith("|") and len(text) > 1:
            text = text[1:-1]
        return [cell.strip() for cell in text.split("|")]
    if "\t" in text:
        return [cell.strip() for cell in text.split("\t")]
    return None


def header_columns(line: str) -> Columns | None:
    """The rooms a header row names ('| Time | Main hall | Room 101 |'), else None."""
    cells = cells_in_columns(line)
    if cells is None or len(cells) < 3 or cells[0].lower().rstrip(":") not in _TIME_HEADINGS:
        return None
    rooms = [room_line(cell) for cell in cells[1:]]
    if not all(rooms):
        return None
    return (None, *rooms)


def column_rooms(line: str, titles: Sequence[str], columns: Columns) -> list[str | None]:
    """The room of the column each title stands in, in this row of the table."""
    cells = cells_in_columns(line) or []
    if len(cells) != len(columns):  # a cell spans columns: which is whose cannot be told
        return [None] * len(titles)
    rooms: list[str | None] = []
    start = 0
    for title in titles:
        found = next(
            (i for i in range(start, len(cells)) if cells[i].lstrip(" -–—·:@").startswith(title)),
            None,
        )
        rooms.append(None if found is None else columns[found])
        start = start if found is None else found + 1
    return rooms


def empty_slot(line: str) -> bool:
    """A table row of a time and empty cells ('| 09:00 - 09:30 | | |'): nothing held then."""
    cells = cells_in_columns(line)
    return cells is not None and len(cells) > 1 and not any(cells[1:])


def add_row_sessions(state: State, line: str, index: int, form: TimeRow | TimeRows) -> None:
    """The sessions of a time row under a day heading (text, or table cells), each in its
    column's room when the table's header row names them."""
    layout = "table" if "|" in line or "\t" in line else "agenda"
    rows = form.rows if isinstance(form, TimeRows) else (form,)
    rooms: list[str | None] = [None] * len(rows)
    if isinstance(form, TimeRows) and state.columns:  # parallel: each in its column's room
        rooms = column_rooms(line, [row.title for row in rows], state.columns)
    blocks = [
        Block(index + 1, row.title, state.day, row.span, row.room or room, row.text, layout)
        for row, room in zip(rows, rooms, strict=True)
    ]
    for block in blocks:
        block.day_room = state.day_room
    state.blocks += blocks
    state.grid = (index, blocks if layout == "table" else [])


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
        or any(cells[1:])
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
