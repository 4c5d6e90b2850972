"""Lines that hold several sessions at once, cut into one piece each before they are read.

    Ore 8.30: accoglienza. Ore 9.00: avvio delle attività Ore 11.00: quiz     (a news release)
    08h00 – 08h15 Abertura 08h15 – 09h15 Insônia 09h15 – 10h15 Apneia         (a PDF's text)
    13 сентября 08:00-10:00 | Заезд | 10:00-11:00 | Экскурсия |              (a day's table row)
    <11월 7일> ▲개회식(9시) ▲특별강연(9시30분)                     (bullets in prose)

A line is cut only where it is plainly a list: two or more times that each begin an item,
the first at the line's start or after one word ('Mattino Ore 8.30: …'), or four or more
after sentences ('Supper on your own. 8:00 am Check-in 9:00 am Welcome …'); or one bullet mark
repeated three times or more (then a date in angle brackets, '<11월 7일>', is cut off too).
Each piece keeps its line's number. A range cut in two by a line break ('17:30' / '- 19:00.
Llegada') is put back together first.
"""

from __future__ import annotations

import re

from ..errors import HeaderProblem
from . import lexicon as lx
from .ranges import read_range
from .roles import clean
from .terminals import hours_word, is_dash, skip_from
from .tokenkinds import T
from .tokens import Tokens, tokenize

MIN_ITEMS = 2  # times that begin items before a line is cut at them
MIN_BULLETS = 3  # repeats of one bullet mark before a line is cut at them
FIRST_WITHIN = 1  # words before the line's first item ('Mattino Ore 8.30: …')
MIN_RUN = 4  # items of a run-on paragraph of rows after its sentences ('… own. 8:00 am …')
_BULLETS = "▲►■◆•▪◦★→"
_DIGITS = re.compile(r"\d.*\d", re.DOTALL)


def split_items(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines cut into pieces, and each piece's line number (from 1)."""
    pieces: list[str] = []
    numbers: list[int] = []
    joined = False
    for number, line in enumerate(lines, start=1):
        if joined:  # (the end of a range, put back on its start's line)
            joined = False
            continue
        if _LONE_START.match(line) and number < len(lines) and _END_FIRST.match(lines[number]):
            line, joined = f"{line.strip()} {lines[number].strip()}", True  # '17:30' / '- 19:00.'
        for piece in items(line):
            pieces.append(piece)
            numbers.append(number)
    return pieces, numbers


_LONE_START = re.compile(r"^\s*\d{1,2}[:.h]\d{2}\s*$")
_END_FIRST = re.compile(r"^\s*[-–—]\s*\d{1,2}[:.h]\d{2}(?!\d)")


def items(line: str) -> list[str]:
    """One line's pieces: the line itself, unless it lists several sessions."""
    if not _DIGITS.search(line):
        return [line]
    for mark in _BULLETS:
        if line.count(mark) >= MIN_BULLETS:
            return _cut(line, [i for i, c in enumerate(line) if c == mark or c in "<〈【"])
    if "|" in line:
        return _cells(line)
    if line.count("\t") > 1:
        return [line]  # a row of a tab-separated table: its cells are its columns
    text = clean(line)
    try:
        tokens = tokenize(text)
        starts = _starts(tokens)
    except HeaderProblem:
        return [line]
    if len(starts) == 1 and _weekday_first(tokens, starts[0]):
        return _cut(text, starts)  # 'Pátek : 18:00 hod. – večeře': the day, then its first row
    return _cut(text, starts) if len(starts) >= MIN_ITEMS else [line]


def _weekday_first(tokens: Tokens, start: int) -> bool:
    """Whether a weekday's name alone, and a colon, stand before the line's one item."""
    before = [t for t in tokens if t.end <= start]
    return (
        len(before) == 2
        and before[1].kind == T.COLON
        and len(before[0].text) > 2
        and before[0].text[:1].isupper()
        and lx.lexicon().means(before[0].lower, T.WEEKDAY) is not None
    )


def _cut(line: str, at: list[int]) -> list[str]:
    cuts = [0, *[i for i in at if i > 0], len(line)]
    pieces = [line[a:b].strip(" ;,.|") for a, b in zip(cuts, cuts[1:], strict=False)]
    return [piece for piece in pieces if piece]


def _starts(tokens: Tokens) -> list[int]:
    """Where in the line each item begins (at its from-word, if any), when the first item
    begins within the line's first words."""
    froms = lx.lexicon().froms
    found: list[int] = []
    covered = 0  # the tokens the last item's times took ('07:30   08:30' is one range)
    after_prose = False  # the first item follows sentences ('Supper on your own. 8:00 am …')
    depth = 0  # open brackets: a time inside them is an aside ('(8:30入场,9:00准时开会)')
    for k, token in enumerate(tokens):
        depth += (token.kind == T.OPEN) - (token.kind == T.CLOSE and depth > 0)
        if k < covered or depth or token.kind not in (T.CLOCK, T.NUMBER):
            continue
        if (end := _begins(tokens, k)) is None:
            continue
        covered = end
        first = k
        while first > 0 and tokens[first - 1].kind == T.WORD and tokens[first - 1].lower in froms:
            first -= 1
        if not found and first > FIRST_WITHIN and not _weekday_first(tokens, tokens[first].start):
            if not tokens[first - 1].text.endswith("."):
                return []
            after_prose = True
        found.append(tokens[first].start)
    return found if not after_prose or len(found) >= MIN_RUN else []


def _begins(tokens: Tokens, k: int) -> int | None:
    """Where the times end, when the time at token k begins an item: a clock time or a marked
    hour, and after it a colon, a dash or a title (not a comma: 'a las 23 horas, hacia…')."""
    if k > 0 and (is_dash(tokens, k - 1) or tokens[k - 1].kind == T.NUMBER):
        return None
    try:
        found = read_range(tokens, skip_from(tokens, k))
    except HeaderProblem:
        return None
    marked = hours_word(tokens, k + 1) or k + 1 < len(tokens) and tokens[k + 1].kind == T.MERIDIEM
    if found is None or tokens[k].kind == T.NUMBER and not marked:
        return None  # ('Teams 1-4 reports': a count, not a time)
    end = found[1]
    if end < len(tokens) and (
        tokens[end].kind in (T.COLON, T.DASH)
        or tokens[end].kind == T.WORD
        and not tokens[end].text[:1].islower()
    ):
        return end
    return None


def _cells(line: str) -> list[str]:
    """A table row of times and titles one after another, cut into one row per time: a day's
    sessions ('08:00-10:00 | Arrival | 10:00-11:00 | Tour |'), or a whole grid flattened into
    one line ('| 09:00 | Talk A | Talk B |  | 09:15 |  | 09:30 | Lunch |'), its empty slots
    dropped. What stands before the first time (the day: '13 сентября') is a piece of its own;
    a row whose times stand side by side ('| 09:00 | 10:00 | Talk |') is left whole."""
    cells = [c.strip() for c in clean(line).split("|")]
    if sum(1 for cell in cells if cell[:1].isdigit()) < MIN_ITEMS:
        return [line]  # (a time cell starts with a digit: quick to tell)
    if (day := _day_cell(cells)) is not None:
        return [day, " | ".join(cells[1:])]
    timed = {i: at for i, cell in enumerate(cells) if (at := _time_at(cell)) is not None}
    order = sorted(timed)
    if len(order) < MIN_ITEMS or any(b - a < 2 for a, b in zip(order, order[1:], strict=False)):
        return [line]
    first, at = order[0], timed[order[0]]
    pieces = [" ".join(cells[:first]), cells[first][:at]]
    cells[first] = cells[first][at:]
    rows = [
        (cells[i], _trimmed(cells[i + 1 : after]))
        for i, after in zip(order, [*order[1:], len(cells)], strict=False)
    ]
    raster = any(not row for _, row in rows)  # empty slots: a slot's end is not its session's
    for time, row in rows:
        if row:
            pieces.append(" | ".join([_start_of(time) if raster else time, *row]))
    return [piece.strip() for piece in pieces if piece.strip(" |")]


_DAY_CELL = re.compile(r"^(\d{1,2})([./])(\d{1,2})\.?$")


def _day_cell(cells: list[str]) -> str | None:
    """A first cell that is a day and a month ('14.09', '14/9') beside a time that is plainly
    a time ('18:00 - 20:00', or '9.30' where the day is '14/9'): the row's day, as a piece of
    its own ('14.09.') that is read as a day heading."""
    found = _DAY_CELL.match(cells[0])
    if found is None or not 1 <= int(found[3]) <= 12 or not 1 <= int(found[1]) <= 31:
        return None
    tokens = tokenize(cells[1])
    timed = bool(tokens) and tokens[0].kind == T.CLOCK
    try:
        span = read_range(tokens, 0) if timed else None
    except HeaderProblem:
        return None
    if span is None or span[1] != len(tokens):
        return None
    if span[0].end is None and found[2] in tokens[0].text:
        return None  # ('| 09.00 | 10.30 | Talk |': a start and an end)
    return cells[0].rstrip(".") + "." if found[2] == "." else cells[0]


def _trimmed(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row.pop()
    return row


def _start_of(cell: str) -> str:
    """A slot's start alone ('13:45 - 14:00' → '13:45'): in a grid of equal slots a session
    runs on through the empty slots after its own, to an end the grid does not write."""
    found = read_range(tokenize(cell), 0)
    if found is None:
        return cell
    start = found[0].start
    return f"{start.hour:02d}:{start.minute:02d}"


def _time_at(cell: str) -> int | None:
    """Where the time alone that ends a cell begins: '10:00-11:00' at 0, '13 сентября
    08:00-10:00' after the day; None for a cell that does not end in a time."""
    tokens = tokenize(cell)
    for k, token in enumerate(tokens):
        if token.kind not in (T.CLOCK, T.NUMBER):
            continue
        try:
            found = read_range(tokens, k)
        except HeaderProblem:
            return None
        if found is not None and found[1] == len(tokens):
            return token.start
    return None
