"""The page layout: a line holding only a date and time, with its session's name on the line
above or below it, or on a card of lines above it (a kind, a title, people, a room), as event
pages print them; or the event's day and hours, when time rows follow.
"""

from __future__ import annotations

from ..errors import HeaderProblem
from .blocks import Block, State
from .dates import Day
from .forms import EndMark, Mention, TimeLine, TimeRow, TimeRows, Undated, WhenLine
from .items import is_author_line
from .neighbours import label_line, line_above, names_kind, neighbour
from .places import room_line
from .roles import ROWS_GAP, clean, field_name, says_when, words


def read_when_line(state: State, lines: list[str], index: int, form: WhenLine) -> None:
    """A date line: the event's day and hours over its time rows (or as the value of a field
    that names when: 'Date: …', '日　時：…'), or a session named by the lines next to it."""
    when_field = (  # ('日　時：…' under no session's name: '欢迎仪式' / '时 间：5月15日15:00')
        says_when(clean(lines[index])) and (index == 0 or not lines[index - 1])
    )
    if when_field or _opens_rows(state, lines, index, form.day) or _after_when_field(lines, index):
        state.mentions.append((state.number(index), Mention(form.day)))  # the day and hours
        state.day, state.day_room, state.owner, state.last_day = form.day, None, None, None
    else:
        _labelled(state, lines, index, form)


def _after_when_field(lines: list[str], index: int) -> bool:
    """Whether a date line is the value of a field that names when, on the line above it
    ('Date:' / '03/14/2024 12:30 - 03/14/2024 17:00', '## 日時' / '- 2021年4月24日（土）
    13:00～20:00'): the event's day and hours."""
    above = line_above(lines, index)
    text = clean(lines[above]) if above is not None else ""
    when = words()["when_fields"]
    return text.endswith((":", "：")) and field_name(text) in when or text.casefold() in when


def _opens_rows(state: State, lines: list[str], index: int, day: Day) -> bool:
    """Whether a date line with times and no label of its own stands over time rows: then it
    gives the event's day and hours ('Wednesday, December 13, 2023 9 AM to 3 PM'), and is
    no session; so does a date over rows that name only their weekday ('Fri 17 Jul, 6
    a.m.' over 'Fri 6:05 a.m. - 6:35 a.m.')."""
    read = 0
    for position in range(index + 1, min(index + 1 + 3 * ROWS_GAP, len(lines))):
        if not lines[position]:
            continue  # (blank lines part a page's paragraphs: they do not count)
        read += 1
        if read > ROWS_GAP:
            return False
        try:
            form = state.read(lines[position])
        except HeaderProblem:
            return False
        if form is None or isinstance(form, Mention | Undated):
            continue
        weekly = isinstance(form, WhenLine) and form.day.partial and not day.partial
        return weekly or isinstance(form, TimeRow | TimeRows | TimeLine | EndMark)
    return False


def _labelled(state: State, lines: list[str], index: int, form: WhenLine) -> None:
    """The session of a date line, named by the line above or below it or by a card."""
    if form.room is None and (card := _card(state, lines, index)) is not None:
        _card_block(state, lines, form, *card)
        return
    above = neighbour(lines, index, -1, state)
    below = neighbour(lines, index, 1, state)
    up = clean(lines[above]) if above is not None and label_line(lines[above]) else None
    down = (  # (a title's place: 'Machine Learning and Computer Security' is no two names)
        clean(lines[below])
        if below is not None and label_line(lines[below], below_time=True)
        else None
    )
    vocabulary = state.vocabulary
    label = None
    if up and down and vocabulary.lookup(up) and len(up.split()) <= 3:
        label = f"{up}: {down}"  # 'Symposium' / date / 'Machine Learning and the Law'
    elif down and names_kind(vocabulary, down) and not (up and names_kind(vocabulary, up)):
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
    place = neighbour(lines, index, -1, state)
    room = room_line(clean(lines[place])) if place is not None else None
    if place is None or room is None or names_kind(state.vocabulary, room):
        return None
    above = neighbour(lines, place, -1, state)
    taken = [place]
    if above is not None and is_author_line(clean(lines[above])):
        taken.insert(0, above)
        above = neighbour(lines, above, -1, state)
    if above is None or not label_line(lines[above], below_time=True):
        return None
    taken.insert(0, above)
    label = clean(lines[above])
    kind = neighbour(lines, above, -1, state)
    if (
        kind is not None
        and len(clean(lines[kind]).split()) <= 3
        and state.vocabulary.lookup(clean(lines[kind]))
    ):
        taken.insert(0, kind)
        label = f"{clean(lines[kind])}: {label}"  # 'Workshop' / 'Machine Learning and …'
    return label, room, taken


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
