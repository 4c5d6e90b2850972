"""Lines of text among the sessions: a title wrapped onto the next line, a room's name over
its rows or under a session, a date among words over time rows (their day), a sentence
that moves the day of the heading above it, and the body text that goes with a session.
"""

from __future__ import annotations

import re

from ..errors import HeaderProblem
from .blocks import Block, State
from .dates import Day
from .forms import DayHeading, EndMark, Form, Mention, TimeLine, TimeRow, TimeRows, Undated, Unread
from .grids import cells_in_columns
from .items import names_people
from .neighbours import line_above, neighbour_line
from .pagedate import dates_named
from .places import has_place_word, room_line, room_word
from .roles import (
    MAX_HEADER_LENGTH,
    MAX_LABEL_WORDS,
    MAX_ROOM,
    MAX_ROOM_WORDS,
    clean,
    field_name,
    goes_on,
    parts_of_day,
    without_stop,
    words,
)
from .rooms import in_place, title_and_room
from .tokens import tokenize
from .when import looks_timed

MIN_PROSE_WORDS = 8  # words of a sentence whose date may correct the heading above it
MAX_PROSE_CHARS = 2000  # of a paragraph searched for the day it names
MAX_LINES_TO_ROWS = 3  # lines of text between a date among words and the rows it heads
MAX_HEAD_LINES = 5  # lines of a table's header cells' words under its header row
_ADDRESS = re.compile(r"\s*\([^()]*\d[^()]*\)\s*$")  # '(R. Marechal Deodoro, 415 – Centro)'
MIN_MENU_ITEMS = 3  # items of a page's menu line ('Home | Programme | Venue')
MAX_MENU_WORDS = 3  # words of each
MAX_DAY_PLACE = 80  # characters of a place line under a day heading
MAX_DAY_ADDRESS = 200  # or of a place and its address there
MAX_PLACE_NAME_WORDS = 12  # words of that place's name ('Aula Magna de la Facultad de …')
MAX_PART_WORDS = 4  # words of a part of the day before the dash and its place


def append_to_body(state: State, line: str) -> None:
    """A line into the body of the last session (before the first, it is dropped)."""
    if state.blocks:
        state.blocks[-1].body.append(line)


def _in_cells(line: str) -> bool:
    return "|" in line or "\t" in line


def _within_table(lines: list[str], index: int) -> bool:
    """Whether a line of text stands between two rows of a table: a cell's second line, as
    a saved page shows a line break inside a cell ('14:00 | Invited talk' / 'Ana Lee
    (CNRS)' / '14:50 | Break')."""
    inside = 0 < index < len(lines) - 1
    return inside and _in_cells(lines[index - 1]) and _in_cells(lines[index + 1])


def read_text(state: State, lines: list[str], index: int, form: Undated | None) -> None:
    """A line with no date or time: a session without one, the end of a wrapped title, a
    room's name, or the body of the session above."""
    line = lines[index]
    if not line:
        append_to_body(state, line)  # (a blank line parts the paragraphs of a body)
        return
    last = state.blocks[-1] if state.blocks else None
    part = clean(line).lower().rstrip(":：")
    if part in parts_of_day():
        state.afternoon = part in words()["afternoon_headings"]  # '下午' over its rows
        return
    if isinstance(form, Undated):
        state.blocks.append(Block(state.number(index), form.label, layout="undated"))
        return
    if not _in_cells(line) and not _within_table(lines, index):
        if state.columns and 0 < index - state.header_at <= MAX_HEAD_LINES:
            return  # the words of the header's cells, each on its line ('TARDE ⇥ SALA A' / '')
        state.columns = state.place_column = state.aside_column = None  # out of the table
        if len(line) > MAX_HEADER_LENGTH and "→" not in line:  # a paragraph: no title, no place
            if state.heading_at == len(state.blocks) and state.day_room and _page_text(line):
                state.day_room = None  # (prose before the rows: the heading was the page's)
            append_to_body(state, line)
            return
        if (room := _place_over_restart(state, lines, index, last)) is not None:
            state.day_room = room  # '16.00 - Biesiada' / 'SCENA LETNIA' / '15.00 - Zabawy':
            return  # a place over rows whose times start again, not the row above's room
        if _goes_on(last, line):  # a title wrapped onto this line
            assert last is not None and last.label is not None
            last.label = f"{last.label} {without_stop(clean(line))}"
            if last.room is None:  # ('Panel I:' / 'Komu ještě věříme? (sál Refektář)')
                last.label, last.room = title_and_room(last.label)
            return
    if _day_closing_place(state, lines, index):
        return
    if _in_cells(line) and (place := _band_place(line, state.bands)) is not None:
        state.day_room = place  # '⇥ ⇥ Raum H1 ⇥': a table's band row over that room's rows
        state.bands = True
        return
    if line.lstrip().startswith("#"):  # a Markdown heading: a place over its rows, or none
        place = _heading_place(clean(line))
        if place or state.heading_room:
            state.day_room, state.heading_room = place, place is not None
        if place:
            return
    if (
        state.heading_at == len(state.blocks)
        and state.day_room
        and _page_text(line, sentences=not state.place_line)
    ):  # prose or a menu before the rows: the heading was the page's (and a menu after a
        # place line under it: a sentence there is the day's, 'Actuar: "Cómo llevamos …".')
        state.day_room = None
    under_heading = state.heading_at == len(state.blocks) and state.day_room is None
    if under_heading and _page_venue(lines, index):
        append_to_body(state, line)
        return
    if (place := _meeting_place(state, lines, index)) is not None:
        state.day_room = place  # 'Riunione in Sala Ginestra' / 'Ore 17,00 Apertura dei lavori'
        return
    if (
        (under_heading or _over_rows(state, lines, index))
        and not _in_cells(line)
        and (
            room := room_line(clean(line))
            or _part_place(clean(line))
            or (_day_place(state, lines, index) if under_heading else None)
        )
    ):
        state.day_room = room  # 'LUNEDÌ 3 OTTOBRE' / 'Palazzo La Marmora, Sala delle Colonne'
        state.place_line = under_heading
        return
    if line.lstrip().startswith("→") and _over_a_row(state, lines, index):
        state.day_room = _after_arrow(line)  # 'ZIELONY STÓŁ' / '→ przy stawie CKO' / '/ 10.00'
        return
    if (
        last is not None
        and last.layout in ("agenda", "block", "page", "table")
        and last.room is None
        and sum(1 for above in last.body if above) <= 1  # a speaker's name may come first
        and (room := _after_slash(line) or room_line(clean(line)) or _after_arrow(line))
        and not _numbers_a_paper(state, lines, index, room)
        and not _over_next_card(state, lines, index)
    ):
        last.room = room
        if "→" in line:  # ('Opowieści … → mediateka CKO': the description stays)
            append_to_body(state, line.rsplit("→", 1)[0].rstrip())
        return
    if last is not None and last.room is None and (place := _bracketed_place(line)) is not None:
        last.room = place  # '– Drugi dan stručnog skupa' / '(Hotel Vrbas)': the row's place
        return
    append_to_body(state, line)


_BRACKETED = re.compile(r"\(([^()]+)\)")


def _bracketed_place(line: str) -> str | None:
    """The place a line names alone in round brackets under a row ('(Hotel Vrbas)', '(Dom
    kulture, velika sala)'): a name of a few capitalised words, no sentence."""
    found = _BRACKETED.fullmatch(clean(line))
    if found is None:
        return None
    text = found[1].strip()
    if len(text) > MAX_ROOM or len(text.split()) > MAX_ROOM_WORDS or text.endswith("."):
        return None
    if (names_people(text) or "," in text) and not has_place_word(text):
        return None  # ('(Moderation Annelie Vortmann)': who; '(Spopolamento, Servizi)': what
    if {w.strip("&,").lower() for w in text.split()} & words()["audiences"]:
        return None  # ('(NYSCHSA Staff & Hotel Staff)': who attends
    return text if text[:1].isupper() and not any(map(str.isdigit, text)) else None


def later_in_prose(state: State, line: str, number: int, deadline: bool) -> None:
    """A heading's date that a sentence under it, before any row, moves to a later day: a
    news or blog post is headed by the day it was posted ('22 Giugno 2018') and tells the
    event's day below ('Si svolgerà sabato 23 giugno, …'); the rows are on that day."""
    day = state.day
    if (
        day is None
        or day.partial
        or state.heading_at != len(state.blocks)
        or deadline
        or len(line.split()) < MIN_PROSE_WORDS
    ):
        return
    later = [
        said
        for said in dates_named(line[:MAX_PROSE_CHARS])
        if not said.partial
        and said.year in (None, day.year)
        and (said.month, said.day) > (day.month, day.day)
    ]
    if not later:
        return
    # ('…el pasado 2 de agosto, el sábado 25 de octubre…': the day with its weekday first)
    said = next((d for d in later if d.weekday is not None), later[0])
    state.day = said._replace(year=said.year or day.year)
    message = (
        f"the rows below are on {said.text!r}, which this sentence names, not on "
        f"{day.text!r} above it"
    )
    state.notes.add(number, "info", "day-in-prose", message)


def heading_by_place(state: State, lines: list[str], index: int, form: Form | None) -> Day | None:
    """The one day a line names among other words ('Jornada del 3 de junio en Madrid',
    'Freitag den 7. (Anreise)'), when time rows follow it: the grammar of headings does not
    know every way of writing one, but a date standing over rows is their day. Deadlines
    and runs of days are no headings. Lines of text may stand between the date and its
    rows ('Oturum Başkanları: Ana Lee ve Bo Chen', the session's chairs; a meeting's link
    and a table's header row)."""
    mention = form.mention if isinstance(form, Unread) else form
    if not isinstance(mention, Mention) or mention.deadline or mention.last is not None:
        return None
    besides = lines[index].replace(mention.first.text, " ")  # ('… 22 tháng 7 năm 2023': 5 words)
    if lines[index].rstrip().endswith(".") or len(besides.split()) >= MIN_PROSE_WORDS:
        return None  # a sentence: the page's date, which rows under no heading take (pagedate)
    if mention.first.partial or (below := neighbour_line(lines, index)) is None:
        return None
    try:
        if index and isinstance(state.read(lines[index - 1]), TimeLine):
            return None  # '09.40' / 'Terugblik op de middag op 19 mei': a title, not a day
        for _ in range(MAX_LINES_TO_ROWS):  # (the chairs, a link, a table's header row)
            if below is None or state.read(lines[below]) is not None:
                break
            below = neighbour_line(lines, below)
        return mention.first if below is not None and _row(state, lines[below]) else None
    except HeaderProblem:
        return None


def _row(state: State, line: str) -> bool:
    """Whether a line is a time row (or rows, or a time alone over its title)."""
    return isinstance(state.read(line), _ROWS)


_ROWS = (TimeRow, TimeRows, TimeLine)


def _over_rows(state: State, lines: list[str], index: int) -> bool:
    """Whether a line stands apart over time rows, as a room's name does over the rows held
    there: set off by a blank line from a time row above (or from no session at all), and
    a time row below ('• Ore 20.30: proiezione' / '' / 'Cinema Teatro Aurora' / '' / '• Ore
    8.30: accoglienza'). Under a title or a time alone it is that session's room."""
    below = neighbour_line(lines, index)
    if (
        below is not None
        and len(lines[below].split()) <= 2
        and not any(map(str.isdigit, lines[below]))
    ):
        below = neighbour_line(lines, below)  # ('Mattino': a part of the day over its rows)
    text = clean(lines[index])
    field = field_name(text) in words()["location_fields"]  # 'SEDE: Museo …'
    field = field or text.endswith(":") and room_line(text) is not None  # 'Pajta udvar:'
    if below is None or index == 0 or lines[index - 1].strip() and not field:
        return False
    if field and below > index + 1 and lines[index - 1].strip():
        return False  # 'Helyszín: …' right under its row, a blank line before the next
    if field and _under_roomless_row(state, lines, index):
        return False  # '9:00 AM - 11:30 AM: Committee Session 2' / 'LOCATION: Committee Rooms'
    above = line_above(lines, index)
    try:
        if not isinstance(state.read(lines[below]), TimeRow | TimeRows):
            return False
        return (
            field
            or not state.blocks
            or above is not None
            and isinstance(state.read(lines[above]), TimeRow | TimeRows | EndMark)
            and not _first_rows_place(state)
        )
    except HeaderProblem:
        return False


def _first_rows_place(state: State) -> bool:
    """Whether a place line stands under the first row of the programme, which names none
    ('09:00 Uhr Ankommen und Kaffee' / '' / 'Foyer Haus C' / '' / '09:30 Uhr …'): that
    row's place, not one over the rows below (which would have stood over the first too)."""
    first = state.blocks[0] if len(state.blocks) == 1 else None
    return first is not None and first.room is None and first.day_room is None


def _under_roomless_row(state: State, lines: list[str], index: int) -> bool:
    """Whether a line stands right under a time row that names no room, in a programme
    that gave no place over its rows so far ('SEDE: …' over each part): the row's place."""
    last = state.blocks[-1] if state.blocks else None
    if index == 0 or last is None or last.room or last.day_room:
        return False
    if last.line != state.number(index - 1):
        return False
    try:
        return isinstance(state.read(lines[index - 1]), TimeRow)
    except HeaderProblem:
        return False


def _band_place(line: str, bands: bool) -> str | None:
    """The room a table row names in its one cell that is not empty, after empty ones ('⇥ ⇥
    Raum H1 ⇥'), as a table of several rooms heads each room's rows; once a band has named
    a room, each band after it names the next place, whatever its words ('⇥ ⇥ Sternwarte')."""
    cells = cells_in_columns(line) or []
    if cells and cells[0].lower() in parts_of_day():
        cells = ["", *cells[1:]]  # ('MAÑANA ⇥ Salas Amazonas A, B, C': the morning's place)
    filled = [cell for cell in cells if cell]
    if len(filled) != 1 or cells[0]:
        return None  # ('Foyer |': a cell's second line, under the row it belongs to)
    place = clean(filled[0])
    return room_line(place) or (place if bands and not looks_timed(tokenize(place)) else None)


def _heading_place(text: str) -> str | None:
    """The place a Markdown heading names over the rows under it, alone or before a colon:
    '## Main Hall', '## 主会场：主题演讲' (the main hall: keynotes)."""
    head = re.split(r"[:：]", text, maxsplit=1)[0].strip()
    return room_line(head) if head else None


def _meeting_place(state: State, lines: list[str], index: int) -> str | None:
    """'Riunione in Sala Ginestra' over time rows: a gathering (a few words) and the
    place it is held in, where the rows below are held."""
    text = clean(lines[index])
    if len(text.split()) > MAX_PART_WORDS + 1 + MAX_ROOM_WORDS or any(map(str.isdigit, text)):
        return None  # (a sentence or a description: no gathering and its place)
    if (found := in_place(text)) is None or len(found[0].split()) > MAX_PART_WORDS:
        return None
    place, below = found[1], neighbour_line(lines, index)
    if below is None:
        return None
    try:  # (a blank line between them or none)
        return place if isinstance(state.read(lines[below]), TimeRow | TimeRows) else None
    except HeaderProblem:
        return None


def _day_place(state: State, lines: list[str], index: int) -> str | None:
    """A short line right under a day heading and over its first row that names a place
    anywhere in it ('Голямата зала на Централния дом на учените, София'), or a line there
    that opens with a place and may give its address ('Salón de Plenos de la Casa de la
    Comunidad.', 'Centro Cultural Los Arcos, Plaza de la Judería, 2, 44001 Teruel.'): the
    day's room."""
    text = clean(lines[index]).removesuffix(":").rstrip()  # ('Sportpálya és környéke:')
    if _place_first(text):
        return text.removesuffix(".")
    below = neighbour_line(lines, index)
    if (
        len(text) > MAX_DAY_PLACE
        or text.endswith(".")
        or not has_place_word(text)
        or below is None
        or not _row(state, lines[below])
    ):
        return None
    return text


def _place_first(text: str) -> bool:
    """Whether a line opens with a place word, in a name of a few words, then maybe its
    address after commas; a full stop may end it ('Aula Magna de la Facultad, Campus del
    Ensanche, Calle Ciudad Escolar, 8, 44003 Teruel.')."""
    name = text.split(",", 1)[0].removesuffix(".").split()
    return (
        len(text) <= MAX_DAY_ADDRESS
        and 0 < len(name) <= MAX_PLACE_NAME_WORDS
        and room_word(name[0], leading=True)
        and ". " not in text  # (one sentence, not a paragraph)
        and ":" not in text
        and not _LINK.search(text)
    )


_PART_DASH = re.compile(r"\s[–—-]\s")


def _part_place(text: str) -> str | None:
    """'Veřejná část – přednáškový sál Přádelna (Tkalcovská 7, Brno)': a part of the day
    and, after a dash, the place its rows are held in (a place word anywhere in it)."""
    parts = _PART_DASH.split(text, maxsplit=1)
    if len(parts) < 2 or len(parts[0].split()) > MAX_PART_WORDS or len(parts[1]) > MAX_DAY_PLACE:
        return None
    return parts[1] if has_place_word(parts[1]) and not parts[1].endswith(".") else None


_PAPER_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,3}$")  # 'O1', 'IN1', 'P-12'


def _over_a_row(state: State, lines: list[str], index: int) -> bool:
    below = neighbour_line(lines, index)
    try:
        return below is not None and _row(state, lines[below])
    except HeaderProblem:
        return False


def _over_next_card(state: State, lines: list[str], index: int) -> bool:
    """Whether a place line stands right over a time alone on a page of cards that give the
    time, the speakers, then the title ('報到' / '星河演講廳' / '09:00 ~ 09:50' / 'kuohsin'):
    the next card's place, as each of the others has it over its time."""
    if not state.speakers_first or index + 1 >= len(lines):
        return False
    try:
        return isinstance(state.read(lines[index + 1]), TimeLine)
    except HeaderProblem:
        return False


def _after_arrow(line: str) -> str | None:
    """'Gry i wyzwania dla najmłodszych → Strefa Malucha': a place after an arrow at the end
    of the line under a title."""
    if "→" not in line:
        return None
    place = line.rsplit("→", 1)[1].strip()
    return place if 0 < len(place) <= MAX_ROOM and not place.endswith(".") else None


def _after_slash(line: str) -> str | None:
    """'Mesa de presentación de ponencias / Salón 204 - Edificio Anexo': the session's kind
    and its place, on the line under its title."""
    kind, slash, place = clean(line).rpartition(" / ")
    apart = slash and kind.strip() and kind.count("(") == kind.count(")")  # ('(HUM / VID)')
    return room_line(place.strip()) if apart else None


def _numbers_a_paper(state: State, lines: list[str], index: int, code: str) -> bool:
    """Whether a code alone on its line ('O1', 'IN1') numbers the paper whose title follows
    it, not a room: no place word, and a line of text right below it."""
    if not _PAPER_CODE.match(code):
        return False
    below = neighbour_line(lines, index)
    try:
        return below == index + 1 and state.read(lines[below]) is None
    except HeaderProblem:
        return False


def _place_over_restart(
    state: State, lines: list[str], index: int, last: Block | None
) -> str | None:
    """The place a line names when the time row right under it starts before the row above
    it: the line heads another place's rows."""
    below = neighbour_line(lines, index)
    if last is None or last.span is None or below is None:
        return None
    try:
        form = state.read(lines[below])
    except HeaderProblem:
        return None
    first = form.rows[0] if isinstance(form, TimeRows) else form
    if not isinstance(first, TimeRow) or first.span.start >= last.span.start:
        return None
    if index and room_line(clean(lines[index - 1])):
        return None  # ('Ort:' / 'Rosensaal' / 'Kongresshaus …': a place in two lines)
    return room_line(clean(lines[index]))


def _page_venue(lines: list[str], index: int) -> bool:
    """Whether a line is a place field under a date field ('Data: 06 de Outubro 2023' /
    'Local: Câmara Municipal'): the page's venue, as its top says it, not a day's room."""
    above = line_above(lines, index)
    return (
        above is not None
        and field_name(clean(lines[index])) in words()["location_fields"]
        and field_name(clean(lines[above])) in words()["when_fields"]
    )


def _day_closing_place(state: State, lines: list[str], index: int) -> bool:
    """'Local: Hall do Bloco C' after a day's rows, right before the next day heading (or
    the end), where none of them names a room: the place of the whole day."""
    text = clean(lines[index])
    if field_name(text) not in words()["location_fields"] or state.heading_at < 0:
        return False
    rows = state.blocks[state.heading_at :]
    if len(rows) < 2 or any(b.room or b.day_room for b in rows):
        return False
    after = neighbour_line(lines, index)
    try:
        closes = after is None or isinstance(state.read(lines[after]), DayHeading)
    except HeaderProblem:
        return False
    if not closes or (room := room_line(_ADDRESS.sub("", text))) is None:
        return False
    for block in rows:
        block.room = room
    return True


_LIST_MARKS = ("- ", "– ", "— ", "• ", "◦ ", "▪ ", "* ", "· ")
_LINK = re.compile(r"\bhttps?://|\bwww\.", re.IGNORECASE)


_STOPS = (".", "!", "?")


def _page_text(line: str, *, sentences: bool = True) -> bool:
    """The page's own text between a heading and its rows: a sentence or more (at least
    MIN_PROSE_WORDS words, ending with a full stop), a menu ('Home | Programme | Venue'),
    or a link."""
    if sentences and len(line.split()) >= MIN_PROSE_WORDS and line.rstrip().endswith(_STOPS):
        return True
    if _LINK.search(line):
        return True  # a link ('1. http://tv.example.pl/'), as pages list them
    items = [item.strip() for item in line.split("|")]
    return len(items) >= MIN_MENU_ITEMS and all(
        0 < len(item.split()) <= MAX_MENU_WORDS and not any(map(str.isdigit, item))
        for item in items
    )


def _goes_on(last: Block | None, line: str) -> bool:
    """Whether a line of text ends the title of the time row above it, wrapped there."""
    return (
        last is not None
        and last.layout in ("agenda", "block")
        and last.label is not None
        and not any(last.body)
        and not line.lstrip().startswith(_LIST_MARKS)  # ('Escursioni:' / '- frazione Sasso')
        and goes_on(last.label, clean(line))
        and len(clean(line).split()) <= MAX_LABEL_WORDS
    )
