"""Time rows, each where it belongs: in a dated header's own sub-schedule, in a grid or an
agenda row (grids.py, rows.py), or in the block layout read here, a time alone on its line
with its title (and maybe a room) on the lines below it.
"""

from __future__ import annotations

from collections import Counter

from ..errors import HeaderProblem
from .blocks import Block, State
from .forms import TimeLine, TimeRow, TimeRows, Undated
from .grids import add_row_sessions, empty_slot, grid_row, spanned
from .items import names_people
from .lines import read_line
from .neighbours import label_line, names_kind, neighbour, neighbour_line
from .places import proper_name, room_line
from .roles import clean, field_name, is_end_marker, looks_like_title, row_title, words
from .rooms import title_and_room
from .rows import label_text

MIN_CARDS = 3  # times alone on a page before it may be read as cards (_titles_above)
CARD_SHARE = 0.6  # of them that must stand right under a title with nothing under them


def read_row(
    state: State, lines: list[str], index: int, form: TimeRow | TimeRows | TimeLine
) -> None:
    """A time row: a talk of the dated header above, a row of a grid or an agenda, or a time
    alone over its title (and room)."""
    if state.owner is not None and _within(state.owner, form):  # a header's own sub-schedule
        state.owner.body.append(lines[index])
        return
    state.owner = None
    first = form.rows[0] if isinstance(form, TimeRows) else form
    if grid_row(state, lines[index], index, first.span, first.text):
        return
    if isinstance(form, TimeRow):
        form = _placed_row(state, lines, index, form)
    if isinstance(form, TimeRow | TimeRows):
        add_row_sessions(state, lines[index], index, form)
        return
    if form.span.end is not None and (
        spanned(state, lines, index, form) or empty_slot(lines[index])
    ):
        return  # ('4:00 pm - |' is half a range: its end is on the next line)
    below = neighbour_line(lines, index)
    if form.span.end is None and below is not None:
        form = _end_below(state, lines, index, below, form)
    if _card(state, lines, index, form):
        return
    below = neighbour(lines, index, 1, state)
    title = row_title(clean(lines[below])) if below is not None else None
    place = None
    if (
        below is not None
        and title is not None
        and _only_a_room(state, lines, title)
        and not _dated_next(state, lines, below)  # ('Workshop X GWZ Raum 103' / '13.00 Uhr')
    ):
        place, below = title, neighbour(lines, below, 1, state)  # '19.00 h' / 'Aula' / title
        title = row_title(clean(lines[below])) if below is not None else None
        line = clean(lines[below]) if below is not None else ""
        if title is not None and (_only_a_room(state, lines, title) or not looks_like_title(line)):
            title = None  # '12:00 p.m. – 4:30 p.m.' / 'Marriott 📍' / …: the title lost
    speakers = None
    after = _title_under_speakers(state, lines, below) if below is not None and not place else None
    if below is not None and after is not None:
        state.used.add(below)  # '09:40 - 10:40' / 'Lena Hartmann' / title
        speakers, below = clean(lines[below]), after
        title = row_title(clean(lines[below]))
    if below is None or title is None or not label_line(lines[below], below_time=True):
        state.unread(index, lines[index], "a time with no session name after it")
        return
    state.used.add(below)
    if is_end_marker(title):  # '15.45' / 'Einde': the day's end, no session
        block = Block(state.number(index), None, None, form.span, layout="end")
        state.blocks.append(state.under_heading(block))
        return
    name, room = title_and_room(title)
    room = room or place or form.room or _room_above(state, lines, index)
    block = state.under_heading(
        Block(state.number(index), name, None, form.span, room, form.text, "block")
    )
    if speakers is not None:
        block.body.append(speakers)
    if not clean(lines[below]).startswith(title):  # its first sentence; the rest describes it
        block.body.append(clean(lines[below])[len(title) :].lstrip(" .;,"))
    state.blocks.append(block)


def _room_above(state: State, lines: list[str], index: int) -> str | None:
    """A place right over a time alone, last in the body of the session before it (after
    its description): this time's room, as cards print it ('…' / '星河演講廳' / '10:00 ~
    10:50' / title)."""
    last = state.blocks[-1] if state.blocks else None
    if index == 0 or last is None or not last.body or last.body[-1] != lines[index - 1]:
        return None
    if len(last.body) < 2 and not state.speakers_first:
        return None  # (a title's place under it, on a page that gives no place over its cards)
    if (room := room_line(clean(lines[index - 1]))) is not None:
        last.body.pop()
    return room


def _title_under_speakers(state: State, lines: list[str], below: int) -> int | None:
    """The line of a talk's title under the line of its speakers, right under its time,
    where the page prints its talks so (see _speakers_first): else None."""
    if state.speakers_first is None:
        state.speakers_first = _speakers_first(state, lines)
    if not state.speakers_first:
        return None
    after = _speaker_card(state, lines, below)
    return after if after is not None and label_line(lines[after], below_time=True) else None


def _speaker_card(state: State, lines: list[str], below: int) -> int | None:
    """The line under a time's first line when that one names people and this one, a title,
    does not ('Lena Hartmann' / 'Designing for the second screen'); else None."""
    after = neighbour(lines, below, 1, state)
    first = clean(lines[below])
    if after is None or not names_people(first) or names_kind(state.vocabulary, first):
        return None  # ('Keynote' / 'On the future of …': a kind over its title, no speaker)
    text = clean(lines[after])
    if names_people(text) or room_line(text) is not None or text.startswith("("):
        return None  # (a note in brackets under a title: '– Lesung' / '(Moderation …)')
    return after


def _speakers_first(state: State, lines: list[str]) -> bool:
    """Whether the page prints its talks as a time, its speakers, then its title: so for
    most (CARD_SHARE) of its times alone with two lines of text under them, MIN_CARDS or
    more ('09:40 - 10:40' / 'Lena Hartmann' / 'Designing for the second screen')."""
    pairs = speakers = 0
    for index, line in enumerate(lines):
        if not line or not _time_alone(state, line):
            continue
        below = neighbour(lines, index, 1, state)
        if below is None or neighbour(lines, below, 1, state) is None:
            continue  # ('08:00 - 09:20' / 'Breakfast + registration': one line)
        pairs += 1
        speakers += _speaker_card(state, lines, below) is not None
    return speakers >= MIN_CARDS and speakers >= CARD_SHARE * pairs


def _card(state: State, lines: list[str], index: int, form: TimeLine) -> bool:
    """A card's time under its title, its place below ('تسجيل الحضور' / '09:00 - 10:00' /
    … / 'قاعة الندوات'), where the page prints its sessions so (see _titles_above)."""
    if state.titles_above is None:
        state.titles_above = _titles_above(state, lines)
    if not state.titles_above or not _title_right_above(state, lines, index):
        return False
    last = state.blocks[-1] if state.blocks else None
    if last is not None and last.body and last.body[-1] == lines[index - 1]:
        last.body.pop()  # (taken for the body of the session above)
    state.used.add(index - 1)
    name, room = title_and_room(label_text(clean(lines[index - 1])))
    below = neighbour(lines, index, 1, state)
    if below is not None and not room and _only_a_room(state, lines, clean(lines[below])):
        room = clean(lines[below])
        state.used.add(below)
    block = Block(state.number(index), name, None, form.span, room or form.room, form.text, "card")
    state.blocks.append(state.under_heading(block))
    return True


def _titles_above(state: State, lines: list[str]) -> bool:
    """Whether the page prints its sessions as cards, the title right over its time alone
    and nothing or a place under it: so for most of its times alone (MIN_CARDS or more)."""
    alone = [i for i, line in enumerate(lines) if line and _time_alone(state, line)]
    carded = [i for i in alone if _title_right_above(state, lines, i) and _closes_card(lines, i)]
    return len(alone) >= MIN_CARDS and len(carded) >= CARD_SHARE * len(alone)


def _time_alone(state: State, line: str) -> bool:
    try:
        form = state.read(line)
    except HeaderProblem:
        return False
    return isinstance(form, TimeLine) and form.room is None


def _title_right_above(state: State, lines: list[str], index: int) -> bool:
    """Whether the line right over a time (no blank between) may be its title."""
    if index == 0 or not lines[index - 1] or index - 1 in state.used:
        return False
    try:
        form = state.read(lines[index - 1])
    except HeaderProblem:
        return False
    return isinstance(form, Undated | None) and label_line(lines[index - 1])


def _closes_card(lines: list[str], index: int) -> bool:
    """Whether a time is the last line of its card's title and time: a blank line, a place
    or the end under it."""
    below = lines[index + 1] if index + 1 < len(lines) else ""
    return not below or room_line(clean(below)) is not None


def _dated_next(state: State, lines: list[str], index: int) -> bool:
    """Whether the line after this one tells a date or time: then this one, though it ends
    with a room, is the title of the time above it, not its place."""
    after = neighbour(lines, index, 1, state)
    try:
        return after is not None and not isinstance(state.read(lines[after]), Undated | None)
    except HeaderProblem:
        return True


def _room_over_title(state: State, lines: list[str], index: int, form: TimeRow) -> str | None:
    """The room a row names after its times where it names nothing else, its title on the
    line below ('12:00 to 5:00 p.m., Mississippi Hall B, Second Level' / 'Attendee Help Desk
    Open'); None for a row with a title."""
    line = clean(lines[index])
    place = line[line.find(form.text) + len(form.text) :].strip(" ,;:-–—|")
    if not place.startswith(form.title):  # ('Lunch  13:10  The Orchard Room': titled)
        return None
    if not (room_line(place) and all(map(proper_name, place.split(", ")))):
        return None
    if names_kind(state.vocabulary, place):
        return None  # ('09:00 Exhibit Hall': a kind of session too)
    below = neighbour_line(lines, index)
    if below is None or not label_line(lines[below], below_time=True):
        return None
    try:
        return place if isinstance(state.read(lines[below]), Undated | None) else None
    except HeaderProblem:
        return None


def _placed_row(state: State, lines: list[str], index: int, form: TimeRow) -> TimeRow | TimeLine:
    """A row whose words after its times are its place: its title below, or above it."""
    if place := _room_over_title(state, lines, index, form):
        return TimeLine(form.span, form.text, place)
    return _title_above(state, lines, index, form) or form


def _title_above(state: State, lines: list[str], index: int, form: TimeRow) -> TimeRow | None:
    """'SNW理事会' / '13:00~15:30 会場:鳥越町役場…': a row whose words after its times are
    its place, not its name; its title is the line of text right above it, which was taken
    for the body of the session before. So too a place in lower case before its time, under
    its title ('– Koncert' / 'kino dvorana – 21 sat')."""
    line = clean(lines[index])
    place_first = form.title[:1].islower() and line.startswith(form.title)
    if field_name(form.title) not in words()["location_fields"] and not place_first:
        return None
    above = neighbour(lines, index, -1, state)
    last = state.blocks[-1] if state.blocks else None
    if above is None or not label_line(lines[above]):
        return None
    if last is not None and last.body and last.body[-1] == lines[above]:
        last.body.pop()
    elif last is not None and last.line > state.number(above):
        return None
    state.used.add(above)
    room = form.title if place_first else room_line(form.title)
    return TimeRow(label_text(clean(lines[above])), form.span, room or form.room, form.text)


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
        after = neighbour_line(lines, below)
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
    return (room_line(text) is not None or text in state.venues) and not names_kind(
        state.vocabulary, text
    )


def _venues(state: State, lines: list[str]) -> frozenset[str]:
    """The lines that stand between a time alone and a title more than once: the places a
    programme gives under each time ('19.00 h' / 'Antiguo Pósito Municipal' / the title)."""
    seen: Counter[str] = Counter()
    for index, line in enumerate(lines):
        below = neighbour_line(lines, index) if line else None
        after = neighbour_line(lines, below) if below is not None else None
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
