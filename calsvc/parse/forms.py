"""The forms a programme line can take (what `lines.read_line` gives for a line).

Header      label + when [+ room]        'Poster: Federated Learning Tue 6 Jun 09:00 a.m.'
WhenLine    when [+ room], no label      'Thu, Jun 20, 2024 ⋅ 1:15 PM - 2:05 PM PDT'
DayHeading  a date alone [+ room]        'Monday 14 October 2024', 'Main Hall Monday, March 25',
            or a run of days              'From Monday to Thursday (5th till 8th of July)'
TimeRow     time + title [+ room]        '09:15–10:30  Keynote: Scaling laws', 'Lunch 12-1pm'
TimeRows    a time + a cell per session   '| 10:30 | Fluids Room: P1 | Solids Room: P2 |' (parallel)
TimeLine    a time alone                 '10:30 - 11:00' (the title is on the next line)
EndMark     a time and the end of a day  '17:30 End', '16時 終了予定'
Undated     known kind + ':' + name      'Invited Talk: Alexander Rush'
Mention     a date in a line of text     'The workshop will be held on June 8, 2023'
Unread      dates or times not understood, with what was not read
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import Day
from .ranges import Span


@dataclass(frozen=True, slots=True)
class Header:
    """A session header: a label, then its date and times, maybe a room: 'Poster: Measurement
    and Analysis Tue 6 Jun 09:00 a.m.'."""

    label: str
    day: Day
    span: Span
    room: str | None
    text: str  # the date and time as written
    opens_day: bool = False  # its date first, its title after: a day's first row ('6月8日(土)
    # 9:30- 受付開始'), whose date heads the time rows below it


@dataclass(frozen=True, slots=True)
class WhenLine:
    """A date and times with no label: the title is on a line next to it."""

    day: Day
    span: Span
    room: str | None
    text: str


@dataclass(frozen=True, slots=True)
class DayHeading:
    """A date standing alone, over the time rows of that day: 'Tuesday, June 6', 'Day 2:
    Tuesday, 18 July (Room 3.01)', 'Monday' (in a week the page gives once). A room it names
    is the room of the day's rows that name none."""

    day: Day
    room: str | None = None
    last: Day | None = None  # the last of a run of days the rows repeat on ('Monday to Thursday')


@dataclass(frozen=True, slots=True)
class TimeRow:
    """A time row under a day heading: a time and a title ('09:15–10:30  Keynote: Jane Roe'),
    or a title and a time, or table cells holding both."""

    title: str
    span: Span
    room: str | None
    text: str


@dataclass(frozen=True, slots=True)
class TimeRows:
    """Parallel sessions in one table row: a time cell, then a cell per session, each naming
    its own room ('| 10:30 – 12:00 | Fluids Room: P1 | Solids Room: P2 |')."""

    rows: tuple[TimeRow, ...]


@dataclass(frozen=True, slots=True)
class TimeLine:
    """Times alone on a line, their title on the next one; maybe the room in brackets after
    the times ('13.00 – 14.30 (Zrkadlová sieň – Stará radnica)')."""

    span: Span
    text: str
    room: str | None = None


@dataclass(frozen=True, slots=True)
class EndMark:
    """A row that marks the end of the day or of the session before it: '17:30 End'."""

    span: Span


@dataclass(frozen=True, slots=True)
class Undated:
    """A known kind and a name with no date or time: 'Invited Talk: Jane Roe'."""

    label: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A date (or a run of days) in a line that is neither a heading nor a session: a sentence
    ('The workshop will be held on June 8, 2023'), a page's title, its overall hours. Rows with
    no day heading take the page's one date from it; weekday headings, its week."""

    first: Day
    last: Day | None = None
    deadline: bool = False  # 'Submission deadline: May 1': never the day of the programme


@dataclass(frozen=True, slots=True)
class Unread:
    """A line that looks like a header but is not read, and why (a warning names it); the
    date it names, if any, may still be the page's ('27. Tagung am 26. April')."""

    reason: str
    mention: Mention | None = None
    ends_body: bool = False  # a header left out: what follows is not the last session's


Form = (
    Header | WhenLine | DayHeading | TimeRow | TimeRows | TimeLine | EndMark | Undated | Mention
) | Unread
