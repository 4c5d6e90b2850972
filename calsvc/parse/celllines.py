"""A table copied one cell to a line: each cell closed by a line holding only '|', each row
by one more (as browsers copy some board posts' tables). It becomes its rows, one line each
with the cells' first lines joined by ' | ' as a saved page's rows are read ('13:30~14:00 |
30’ | ◦ 접수'), the cells' further lines after the row; blank lines pad it so that every line
after it keeps its number.

The header row (the cells up to the first row's end) tells how many cells a row has, so an
empty cell ('17:30~' / '|' / '|') is told from a row's end.
"""

from __future__ import annotations

BAR = "|"
MAX_CELL_LINES = 6  # lines of one cell: a longer run without a bar is no table of this kind
MIN_ROWS = 2  # rows under the header

Cells = list[list[str]]


def join_cell_lines(lines: list[str]) -> list[str]:
    """The lines, with each table copied one cell to a line written as its rows."""
    index = 0
    while index + 1 < len(lines):
        if not (lines[index] and lines[index] != BAR and lines[index + 1] == BAR):
            index += 1
            continue
        found = _table(lines, index)
        if found is None:
            index += 1
            continue
        end, rows = found
        shown: list[str] = []
        for cells in rows:
            shown.append(" | ".join(cell[0] if cell else "" for cell in cells))
            shown += [line for cell in cells for line in cell[1:]]
        lines[index:end] = shown + [""] * (end - index - len(shown))
        index = end
    return lines


def _table(lines: list[str], start: int) -> tuple[int, list[Cells]] | None:
    """Where the table that starts at a line ends, and its rows (header first); None when
    the lines there are no such table."""
    header, position = _row(lines, start, None)
    if header is None or len(header) < 2:
        return None
    rows = [header]
    while True:
        row, after = _row(lines, position, len(header))
        if row is None:
            break
        rows.append(row)
        position = after
    return (position, rows) if len(rows) > MIN_ROWS else None


def _row(lines: list[str], position: int, width: int | None) -> tuple[Cells | None, int]:
    """The cells of the row at a line and the line after it: cells up to a second bar, or
    `width` cells and the bar after them."""
    cells: Cells = []
    while position < len(lines):
        cell, position = _cell(lines, position)
        if cell is None:
            return None, position
        cells.append(cell)
        full = width is not None and len(cells) == width
        if position < len(lines) and lines[position] == BAR and (full or width is None):
            return cells, position + 1  # the row's own closing bar
        if full:
            return cells, position
    return None, position


def _cell(lines: list[str], position: int) -> tuple[list[str] | None, int]:
    """A cell's lines (none when empty) up to its bar, and the line after the bar."""
    cell: list[str] = []
    while position < len(lines) and lines[position] != BAR:
        if lines[position].endswith(BAR):
            return None, position  # a cell closed on its own line: another kind of table
        if lines[position]:
            cell.append(lines[position])
        if len(cell) > MAX_CELL_LINES:
            return None, position
        position += 1
    if position >= len(lines):
        return None, position
    return cell, position + 1
