"""What the layout reader builds as it goes: blocks (one session each, as found) and the state
of the reading (the day heading in force, the table's columns, the lines already read)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import HeaderProblem
from ..model import UNREAD
from .dates import Day
from .forms import Form, Mention
from .labels import Vocabulary
from .lines import read_line
from .notes import Notes
from .ranges import Span, past_noon
from .roles import QUOTE

MAX_REMEMBERED = 200_000  # lines whose form is kept at once while a programme is read
Columns = tuple[str | Day | None, ...]  # each column's room or day; None for the time column


@dataclass
class Block:
    """One session as the layout found it: its label, its date and times, and its body."""

    line: int
    label: str | None  # None: a header whose date or time was wrong; it only ends a body
    day: Day | None = None
    span: Span | None = None
    room: str | None = None
    date_text: str = ""
    layout: str = "header"
    body: list[str] = field(default_factory=list)
    day_room: str | None = None  # the room of its day heading, for a session that names none
    after_midnight: bool = False  # a row after a late-evening one: on the day after its heading
    last_day: Day | None = None  # the last day of a run its heading gives: held on each day


@dataclass
class State:
    vocabulary: Vocabulary
    notes: Notes
    blocks: list[Block] = field(default_factory=list)
    day: Day | None = None  # from the last day heading
    day_room: str | None = None  # the room that heading names, if any
    bands: bool = False  # a table's band rows have named rooms ('⇥ ⇥ Raum H1 ⇥')
    heading_room: bool = False  # that room is a Markdown heading's ('## 主会场：…'), until the next
    place_line: bool = False  # that room is a line's of its own, under the day heading
    last_day: Day | None = None  # the last day of the run that heading gives, if any
    heading_at: int = -1  # how many blocks there were when the last day heading came
    heading_line: int = 0  # the line of that heading
    owner: Block | None = None  # a dated header whose sub-schedule the next rows are
    used: set[int] = field(default_factory=set)  # lines taken as a label or room
    first_unread: int | None = None  # the first line with a date or time not read
    columns: Columns | None = None  # the rooms or days a table's header row names
    header_at: int = -1  # the line of that header row (or its last line, wrapped)
    place_column: int | None = None  # the column a table's header row gives to places
    flat_places: bool = False  # that table's cells run together ('Time Venue Event')
    flat_place: str | None = None  # and the place its rows above named (a merged cell)
    aside_column: int | None = None  # and to people or notes: no titles, no rooms
    grid: tuple[int, list[Block]] = (0, [])  # the last table row's line and its sessions
    column_blocks: dict[int, Block] = field(default_factory=dict)  # each column's last session
    forms: dict[str, Form | str | None] = field(default_factory=dict)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (line, what it names)
    numbers: list[int] = field(default_factory=list)  # each piece's line (a line may hold several)
    venues: frozenset[str] | None = None  # lines put under its times again and again (once asked)
    titles_above: bool | None = None  # cards of title, time, room: each title over its time
    speakers_first: bool | None = None  # cards of time, speakers, title: each title under them
    afternoon: bool = False  # under a heading for the afternoon ('下午', 'Afternoon'), that day

    def number(self, index: int) -> int:
        """The line number (from 1) of the piece at this index."""
        return self.numbers[index] if index < len(self.numbers) else index + 1

    def under_heading(self, block: Block) -> Block:
        """A row under the day heading in force: on its day, in its room unless the row names
        one, and on each day of its run."""
        block.day, block.day_room, block.last_day = self.day, self.day_room, self.last_day
        if self.afternoon and block.span is not None and not block.span.clock:
            block.span = past_noon(block.span)  # '下午' / '2:00~2:30 报到': 14:00
        return block

    def unread(self, index: int, line: str, reason: str) -> None:
        """A line with a date or time that was not read as a session, and why."""
        self.first_unread = self.first_unread or self.number(index)
        message = f"{line[:QUOTE]!r}: {reason}; not read"
        self.notes.add(self.number(index), "warning", UNREAD, message)

    def read(self, line: str) -> Form | None:
        """read_line, remembered per distinct line: programmes repeat lines ('10:30 Coffee
        break' every day), and a line is looked at again as a neighbour of its date line."""
        if line in self.forms:
            found = self.forms[line]
        else:
            try:
                found = read_line(line, self.vocabulary)
            except HeaderProblem as problem:
                found = str(problem)  # the message: a new error is raised for every line
            if len(self.forms) >= MAX_REMEMBERED:
                self.forms.clear()  # memory stays bounded, and the lines near this one return
            self.forms[line] = found
        if isinstance(found, str):
            raise HeaderProblem(found)
        return found
