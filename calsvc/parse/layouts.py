"""Layouts: how the lines of a programme group into sessions.

A programme may mix these, and the reader follows whichever a line shows:

- header lines that carry their own date ('Poster: X Tue 6 Jun 09:00 a.m.'); a label line
  above (or below) a line holding only the date, as event pages print them;
- day headings ('Monday 14 October 2024') that date the time rows below them, until the
  next heading; rows as text, table cells, or a time line with its title (and room) below;
- time rows under a dated header rather than a heading are that header's own sub-schedule
  (a workshop's talks) and stay in its body.

What follows a session up to the next one is its body (papers, abstracts, rooms).
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ..errors import HeaderProblem
from .blocks import Block, State
from .dates import Day
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
    add_row_sessions,
    empty_slot,
    grid_row,
    header_columns,
    place_column,
    spanned,
)
from .inline import split_items
from .items import is_author_line
from .labels import GENERIC_KIND, Vocabulary
from .lines import read_line
from .notes import Notes
from .roles import (
    LOOK,
    MAX_LABEL_WORDS,
    ROWS_GAP,
    clean,
    field_name,
    goes_on,
    is_field,
    looks_like_label,
    looks_like_title,
    room_line,
    row_title,
    words,
)
from .rooms import is_rule, title_and_room
from .venues import read_venues


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
        if index in state.used:
            continue
        if (columns := header_columns(line)) is not None:
            state.columns, state.column_blocks = columns, {}
            continue
        if (place := place_column(line)) is not None:
            state.place_column = place
            continue
        number = state.number(index)
        try:
            form = state.read(line) if line else None
        except HeaderProblem as problem:
            notes.add(number, "error", "bad-header", f"{problem}; this session is left out")
            state.blocks.append(Block(number, None))
            timed += 1
            continue
        if (day := _heading_by_place(state, lines, index, form)) is not None:
            form = DayHeading(day)  # a date among words, over time rows: their day
        if form is None or isinstance(form, Undated | Mention):
            if isinstance(form, Mention):
                state.mentions.append((number, form))
                _later_in_prose(state, line, number, form)
            _text(state, lines, index, form if isinstance(form, Undated) else None)
            continue
        timed += 1
        if isinstance(form, Header):
            _header(state, index, form)
        elif isinstance(form, WhenLine) and _opens_rows(state, lines, index):
            state.mentions.append((number, Mention(form.day)))  # the event's day and hours
            state.day, state.day_room, state.owner, state.last_day = form.day, None, None, None
        elif isinstance(form, WhenLine):
            _when_line(state, lines, index, form)
        elif isinstance(form, DayHeading):
            state.day, state.day_room, state.owner = form.day, form.room, None
            state.last_day = form.last
            state.heading_at = len(state.blocks)
        elif isinstance(form, EndMark):
            state.blocks.append(
                state.under_heading(Block(number, None, None, form.span, layout="end"))
            )
        elif isinstance(form, TimeRow | TimeRows | TimeLine):
            _row(state, lines, index, form)
        elif isinstance(form, Unread):
            state.unread(index, line, form.reason)
            if form.mention is not None:
                state.mentions.append((number, form.mention))
                _later_in_prose(state, line, number, form.mention)
            if form.ends_body:  # a header left out: its papers are not the last session's
                state.blocks.append(Block(number, None))
            else:
                _append(state, line)
    return Reading(read_venues(state.blocks), state.mentions, timed, state.first_unread)


def _append(state: State, line: str) -> None:
    if state.blocks:
        state.blocks[-1].body.append(line)


def _text(state: State, lines: list[str], index: int, form: Undated | None) -> None:
    line = lines[index]
    last = state.blocks[-1] if state.blocks else None
    if isinstance(form, Undated):
        state.blocks.append(Block(state.number(index), form.label, layout="undated"))
        return
    if line and "|" not in line and "\t" not in line:
        state.columns = state.place_column = None  # text out of the table (a heading, a row)
        if _goes_on(last, line):  # a title wrapped onto this line
            assert last is not None and last.label is not None
            last.label = f"{last.label} {clean(line)}"
            return
    if (
        (
            state.heading_at == len(state.blocks)
            and state.day_room is None
            or _over_rows(state, lines, index)
        )
        and "|" not in line
        and "\t" not in line
        and (room := room_line(clean(line)))
    ):
        state.day_room = room  # 'LUNEDÌ 3 OTTOBRE' / 'Palazzo La Marmora, Sala delle Colonne'
        return
    if (
        last is not None
        and last.layout in ("agenda", "block", "page")
        and last.room is None
        and sum(1 for above in last.body if above) <= 1  # a speaker's name may come first
        and (room := room_line(clean(line)))
    ):
        last.room = room
        return
    _append(state, line)


MIN_PROSE_WORDS = 8  # words of a sentence whose date may correct the heading above it


def _later_in_prose(state: State, line: str, number: int, mention: Mention) -> None:
    """A heading's date that a sentence under it, before any row, moves to a later day: a
    news or blog post is headed by the day it was posted ('22 Giugno 2018') and tells the
    event's day below ('Si svolgerà sabato 23 giugno, …'); the rows are on that day."""
    day, said = state.day, mention.first
    if (
        day is None
        or day.partial
        or state.heading_at != len(state.blocks)
        or mention.deadline
        or mention.last is not None
        or said.partial
        or len(line.split()) < MIN_PROSE_WORDS
        or said.year not in (None, day.year)
        or (said.month, said.day) <= (day.month, day.day)
    ):
        return
    state.day = said._replace(year=said.year or day.year)
    message = (
        f"the rows below are on {said.text!r}, which this sentence names, not on "
        f"{day.text!r} above it"
    )
    state.notes.add(number, "info", "day-in-prose", message)


def _heading_by_place(state: State, lines: list[str], index: int, form: Form | None) -> Day | None:
    """The one day a line names among other words ('Jornada del 3 de junio en Madrid',
    'Freitag den 7. (Anreise)'), when time rows follow it: the grammar of headings does not
    know every way of writing one, but a date standing over rows is their day. Deadlines
    and runs of days are no headings."""
    mention = form.mention if isinstance(form, Unread) else form
    if not isinstance(mention, Mention) or mention.deadline or mention.last is not None:
        return None
    if lines[index].rstrip().endswith(".") or len(lines[index].split()) >= MIN_PROSE_WORDS:
        return None  # a sentence: the page's date, which rows under no heading take (pagedate)
    if mention.first.partial or (below := _neighbour_line(lines, index)) is None:
        return None
    try:
        return mention.first if isinstance(state.read(lines[below]), _ROWS) else None
    except HeaderProblem:
        return None


_ROWS = (TimeRow, TimeRows, TimeLine)


def _over_rows(state: State, lines: list[str], index: int) -> bool:
    """Whether a line stands apart over time rows, as a room's name does over the rows held
    there: set off by a blank line from a time row above (or from no session at all), and
    a time row below ('• Ore 20.30: proiezione' / '' / 'Cinema Teatro Aurora' / '' / '• Ore
    8.30: accoglienza'). Under a title or a time alone it is that session's room."""
    below = _neighbour_line(lines, index)
    if (
        below is not None
        and len(lines[below].split()) <= 2
        and not any(map(str.isdigit, lines[below]))
    ):
        below = _neighbour_line(lines, below)  # ('Mattino': a part of the day over its rows)
    field = field_name(clean(lines[index])) in words()["location_fields"]  # 'SEDE: Museo …'
    if below is None or index == 0 or lines[index - 1].strip() and not field:
        return False
    # The line above, within as many lines as a neighbour below may be (a bounded look:
    # scanning back to the start from every line was quadratic in a page of blank lines).
    first = max(index - LOOK, -1)
    above = next((i for i in range(index - 1, first, -1) if lines[i].strip()), None)
    try:
        if not isinstance(state.read(lines[below]), TimeRow | TimeRows):
            return False
        return (
            field
            or not state.blocks
            or above is not None
            and isinstance(state.read(lines[above]), TimeRow | TimeRows | EndMark)
        )
    except HeaderProblem:
        return False


def _goes_on(last: Block | None, line: str) -> bool:
    """Whether a line of text ends the title of the time row above it, wrapped there."""
    return (
        last is not None
        and last.layout in ("agenda", "block")
        and last.label is not None
        and not any(last.body)
        and goes_on(last.label, clean(line))
        and len(clean(line).split()) <= MAX_LABEL_WORDS
    )


def _header(state: State, index: int, form: Header) -> None:
    number = state.number(index)
    block = Block(number, form.label, form.day, form.span, form.room, form.text, "header")
    state.blocks.append(block)
    state.owner = block


def _neighbour(lines: list[str], index: int, step: int, state: State) -> int | None:
    """The nearest non-blank plain-text line within reach above (-1) or below (+1); reach
    is counted in lines, not counting one already read with this one. Table furniture ('|',
    '|---|') counts as blank."""
    position, reach = index + step, LOOK
    while 0 <= position < len(lines) and abs(position - index) <= reach:
        if lines[position] and not is_rule(lines[position]):
            if position in state.used:
                if step > 0:  # the second half of a range read with the line above
                    position, reach = position + step, reach + abs(position - index)
                    continue
                return None
            try:
                form = state.read(lines[position])
            except HeaderProblem:  # a header of its own, with a wrong date: no label
                return None
            return position if form is None or isinstance(form, Undated) else None
        position += step
    return None


def _neighbour_line(lines: list[str], index: int) -> int | None:
    """The next non-blank line, whatever it holds (table furniture counts as blank)."""
    for position in range(index + 1, min(index + 1 + LOOK, len(lines))):
        if lines[position] and not is_rule(lines[position]):
            return position
    return None


def _label_line(line: str, *, below_time: bool = False) -> bool:
    """Whether a line next to a date or time names its session: a label, not a field
    ('Chair: Ana Lee') nor a list of people. Below a time alone it is the title whatever its
    last word, and may read like names if it has no comma ('Workshops and Interest Groups')."""
    text = clean(line)
    if is_field(text):
        return False
    if below_time:  # its first sentence is the title, the rest describes the session
        title = row_title(text)
        return (
            title is not None
            and len(title.split()) <= MAX_LABEL_WORDS
            and ("," not in title or not is_author_line(title))
        )
    return (
        len(text.split()) <= MAX_LABEL_WORDS and looks_like_label(text) and not is_author_line(text)
    )


def _names_kind(vocabulary: Vocabulary, label: str) -> bool:
    return vocabulary.read(label, short_is_kind=False).kind != GENERIC_KIND


def _take_from_body(state: State, line: str, number: int) -> None:
    """A line read as the next session's label leaves the body (or undated block) it was in."""
    if state.blocks and state.blocks[-1].line == number and state.blocks[-1].layout == "undated":
        state.blocks.pop()
    elif state.blocks:
        body = state.blocks[-1].body
        while body and not body[-1]:
            body.pop()
        if body and body[-1] == line:
            body.pop()


def _when_line(state: State, lines: list[str], index: int, form: WhenLine) -> None:
    if form.room is None and (card := _card(state, lines, index)) is not None:
        _card_block(state, lines, form, *card)
        return
    above = _neighbour(lines, index, -1, state)
    below = _neighbour(lines, index, 1, state)
    up = clean(lines[above]) if above is not None and _label_line(lines[above]) else None
    down = (  # (a title's place: 'Machine Learning and Computer Security' is no two names)
        clean(lines[below])
        if below is not None and _label_line(lines[below], below_time=True)
        else None
    )
    vocabulary = state.vocabulary
    label = None
    if up and down and vocabulary.lookup(up) and len(up.split()) <= 3:
        label = f"{up}: {down}"  # 'Symposium' / date / 'Machine Learning and the Law'
    elif down and _names_kind(vocabulary, down) and not (up and _names_kind(vocabulary, up)):
        label = down
    elif up:
        label = up
    elif down:
        label = down
    if label is None:
        state.unread(index, lines[index], "a date and time with no session name next to it")
        return
    if label.startswith(up or "\0") and above is not None:
        _take_from_body(state, lines[above], state.number(above))
        state.used.add(above)
    if label.endswith(down or "\0") and below is not None:
        state.used.add(below)
    line = state.number(min(i for i in (index, above, below) if i is not None))
    block = Block(line, label, form.day, form.span, form.room, form.text, "page")
    state.blocks.append(block)
    state.owner = block


def _card_block(
    state: State, lines: list[str], form: WhenLine, label: str, room: str, taken: list[int]
) -> None:
    """The session a card above its date line names ('Workshop' / title / people / 'Hyatt
    Hotel, Shoreline' / the date line); its lines leave the body they were put in."""
    for line in reversed(taken):
        _take_from_body(state, lines[line], state.number(line))
    state.used.update(taken)
    block = Block(state.number(taken[0]), label, form.day, form.span, room, form.text, "page")
    state.blocks.append(block)
    state.owner = block


def _card(state: State, lines: list[str], index: int) -> tuple[str, str, list[int]] | None:
    """A session's card above its date line, ending in its room: a title, maybe a kind over
    it and people under it ('Workshop' / 'Machine Learning and Computer Security' / 'Jacob
    Steinhardt · Nicolas Papernot' / 'Hyatt Hotel, Shoreline' / 'Fri 8 Dec, 8 a.m. PST'). The
    label, the room and the lines taken, top first."""
    place = _neighbour(lines, index, -1, state)
    room = room_line(clean(lines[place])) if place is not None else None
    if place is None or room is None or _names_kind(state.vocabulary, room):
        return None
    above = _neighbour(lines, place, -1, state)
    taken = [place]
    if above is not None and is_author_line(clean(lines[above])):
        taken.insert(0, above)
        above = _neighbour(lines, above, -1, state)
    if above is None or not _label_line(lines[above], below_time=True):
        return None
    taken.insert(0, above)
    label = clean(lines[above])
    kind = _neighbour(lines, above, -1, state)
    if (
        kind is not None
        and len(clean(lines[kind]).split()) <= 3
        and state.vocabulary.lookup(clean(lines[kind]))
    ):
        taken.insert(0, kind)
        label = f"{clean(lines[kind])}: {label}"  # 'Workshop' / 'Machine Learning and …'
    return label, room, taken


def _row(state: State, lines: list[str], index: int, form: TimeRow | TimeRows | TimeLine) -> None:
    if state.owner is not None and _within(state.owner, form):  # a header's own sub-schedule
        state.owner.body.append(lines[index])
        return
    state.owner = None
    first = form.rows[0] if isinstance(form, TimeRows) else form
    if grid_row(state, lines[index], index, first.span, first.text):
        return
    if isinstance(form, TimeRow | TimeRows):
        add_row_sessions(state, lines[index], index, form)
        return
    if form.span.end is not None and (
        spanned(state, lines, index, form) or empty_slot(lines[index])
    ):
        return  # ('4:00 pm - |' is half a range: its end is on the next line)
    below = _neighbour_line(lines, index)
    if form.span.end is None and below is not None:
        form = _end_below(state, lines, index, below, form)
    below = _neighbour(lines, index, 1, state)
    title = row_title(clean(lines[below])) if below is not None else None
    place = None
    if below is not None and title is not None and _only_a_room(state, lines, title):
        place, below = title, _neighbour(lines, below, 1, state)  # '19.00 h' / 'Aula' / title
        title = row_title(clean(lines[below])) if below is not None else None
        line = clean(lines[below]) if below is not None else ""
        if title is not None and (_only_a_room(state, lines, title) or not looks_like_title(line)):
            title = None  # '12:00 p.m. – 4:30 p.m.' / 'Marriott 📍' / …: the title lost
    if below is None or title is None or not _label_line(lines[below], below_time=True):
        state.unread(index, lines[index], "a time with no session name after it")
        return
    state.used.add(below)
    name, room = title_and_room(title)
    room = room or place
    block = state.under_heading(
        Block(state.number(index), name, None, form.span, room, form.text, "block")
    )
    if not clean(lines[below]).startswith(title):  # its first sentence; the rest describes it
        block.body.append(clean(lines[below])[len(title) :].lstrip(" .;,"))
    state.blocks.append(block)


def _end_below(state: State, lines: list[str], index: int, below: int, form: TimeLine) -> TimeLine:
    """A start whose end stands on the next line: '4:00 pm -' / '6:00 pm', or a time alone
    over a later time alone over the title ('09:30' / '09:45' / 'Opening'), as copied tables
    give them."""
    if clean(lines[index]).endswith("-"):
        joined = read_line(f"{clean(lines[index])} {clean(lines[below])}", state.vocabulary)
        if isinstance(joined, TimeLine):
            state.used.add(below)
            return joined
        return form
    try:
        second = state.read(lines[below])
        after = _neighbour_line(lines, below)
        title = state.read(lines[after]) if after is not None else False
    except HeaderProblem:
        return form
    if (
        isinstance(second, TimeLine)
        and second.span.end is None
        and second.span.start > form.span.start
        and (title is None or isinstance(title, Undated))
    ):
        state.used.add(below)
        return TimeLine(form.span._replace(end=second.span.start), f"{form.text} – {second.text}")
    return form


def _within(owner: Block, form: TimeRow | TimeRows | TimeLine) -> bool:
    """Whether a row's time lies inside a dated header's own times (the header has no end:
    any time), as the talks of a workshop do; a row after it is the next session."""
    span = form.rows[0].span if isinstance(form, TimeRows) else form.span
    if owner.span is None or owner.span.end is None or owner.span.end_day is not None:
        return True
    start, end = owner.span.start, owner.span.end
    return start <= span.start < end if start < end else True


def _only_a_room(state: State, lines: list[str], text: str) -> bool:
    """A line that names a room and no kind of session ('Marriott 📍', 'Sala Magna'; not
    'Exhibit Hall', a kind too), or one the programme puts under its times again and again
    ('Antiguo Pósito Municipal')."""
    if state.venues is None:
        state.venues = _venues(state, lines)
    return (room_line(text) is not None or text in state.venues) and not _names_kind(
        state.vocabulary, text
    )


def _venues(state: State, lines: list[str]) -> frozenset[str]:
    """The lines that stand between a time alone and a title more than once: the places a
    programme gives under each time ('19.00 h' / 'Antiguo Pósito Municipal' / the title)."""
    seen: Counter[str] = Counter()
    for index, line in enumerate(lines):
        below = _neighbour_line(lines, index) if line else None
        after = _neighbour_line(lines, below) if below is not None else None
        if below is None or after is None:
            continue
        try:
            if not isinstance(state.read(line), TimeLine) or state.read(lines[after]) is not None:
                continue  # (the next time follows: the line under this one is its title)
        except HeaderProblem:
            continue
        if room_line(clean(lines[after])) is None:  # (a room follows: this is a title)
            seen[row_title(clean(lines[below])) or ""] += 1
    return frozenset(text for text, count in seen.items() if count > 1 and text)


def _opens_rows(state: State, lines: list[str], index: int) -> bool:
    """Whether a date line with times and no label of its own stands over time rows: then it
    gives the event's day and hours ('Wednesday, December 13, 2023 9 AM to 3 PM'), and is
    no session."""
    for position in range(index + 1, min(index + 1 + ROWS_GAP, len(lines))):
        if not lines[position]:
            continue
        try:
            form = state.read(lines[position])
        except HeaderProblem:
            return False
        if form is None or isinstance(form, Mention | Undated):
            continue
        return isinstance(form, TimeRow | TimeRows | TimeLine | EndMark)
    return False
