"""Rooms named by a table's header row, for the parallel sessions in the rows below it.

    | Time        | Main hall          | Room 101             |
    | 11:00-12:30 | Session 1: Vision  | Session 2: Language  |   → Main hall, Room 101

Only rows of cells split by pipes or tabs keep their columns (empty cells too); a header row
counts when its first cell is empty or names the time and every other cell names a room.
"""

from __future__ import annotations

from collections.abc import Sequence

from .rooms import room_line

Columns = tuple[str | None, ...]  # the room of each column; None for the time column
_TIME_HEADINGS = frozenset(
    {"", "time", "times", "hour", "hours", "when", "slot", "zeit", "heure", "horaire", "hora",
     "horario", "ora", "orario", "tijd"}
)  # fmt: skip


def cells_in_columns(line: str) -> list[str] | None:
    """A table row's cells in their columns, empty ones kept; None for a line of no table."""
    text = line.strip()
    if "|" in text:
        return [cell.strip() for cell in text.strip("|").split("|")]
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
    rooms: list[str | None] = []
    start = 0
    for title in titles:
        found = next(
            (i for i in range(start, len(cells)) if cells[i].lstrip(" -–—·:@").startswith(title)),
            None,
        )
        if found is None or len(cells) != len(columns):
            rooms.append(None)
            continue
        rooms.append(columns[found])
        start = found + 1
    return rooms
