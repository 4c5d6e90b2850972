"""How each line of a source was read: a session, a day heading, a session's details (its
room, papers, people, abstract), a problem, or text left out. What a conference's read page
shows an organiser, beside the source, so that a line not understood is found at once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..errors import HeaderProblem
from ..model import UNREAD, Schedule
from .forms import DayHeading, EndMark, Mention, TimeLine, TimeRow, TimeRows
from .grids import aside_column, header_columns, place_column
from .labels import Vocabulary
from .lines import read_line
from .roles import clean, is_deadline
from .text import decode

# What each mark says, as the read page writes it in its key.
ROLES = {
    "session": "a session",
    "day": "a day heading",
    "columns": "a table's header row: what its columns hold",
    "details": "details of the session above: its room, papers, people or abstract",
    "problem": "not understood (the note says why)",
    "date": "a date or time in text: no session",
    "text": "text left out",
    "blank": "",
}


@dataclass(frozen=True, slots=True)
class Marked:
    """One line of a source and what the reader made of it."""

    number: int  # from 1, as diagnostics count them (a web page: the lines of its text)
    text: str
    role: str  # a key of ROLES
    notes: tuple[str, ...] = ()  # what went wrong or was guessed on this line
    sessions: tuple[str, ...] = ()  # the UIDs of the sessions read from it


def marked_lines(data: bytes, schedule: Schedule) -> list[Marked]:
    """Every line of a source's text, marked with what `schedule` (its reading) made of it."""
    lines, _ = decode(data, schedule.conference.source)
    sessions: dict[int, list[str]] = defaultdict(list)
    for session in schedule.sessions:
        sessions[session.line].append(session.uid)
    notes: dict[int, list[str]] = defaultdict(list)
    problems = set()
    for diagnostic in schedule.diagnostics:
        notes[diagnostic.line].append(f"{diagnostic.level}: {diagnostic.message}")
        unread = diagnostic.level == "error" or diagnostic.code == UNREAD
        if unread and diagnostic.line not in sessions:
            problems.add(diagnostic.line)  # (a guess, 'zone-inferred', is a note of its line)
    vocabulary = Vocabulary(schedule.conference.kinds)
    marked, in_session = [], False
    for number, text in enumerate(lines, start=1):
        if number in sessions:
            role, in_session = "session", True
        elif number in problems:
            role = "problem"
        elif not text.strip():
            role = "blank"
        else:
            role = _role(text, vocabulary, in_session)
            in_session = in_session and role == "details"
        marked.append(
            Marked(number, text, role, tuple(notes.get(number, ())), tuple(sessions[number]))
        )
    return marked


def _role(text: str, vocabulary: Vocabulary, in_session: bool) -> str:
    """The mark of a line that gave no session and no problem: a heading, a date or time in
    text, a line of the session above it, or text left out."""
    try:
        form = read_line(text, vocabulary)
    except HeaderProblem:
        return "problem"
    if isinstance(form, DayHeading) and not is_deadline(text):
        return "day"
    if any(named(text) is not None for named in (header_columns, place_column, aside_column)):
        return "columns"
    if isinstance(form, DayHeading | Mention | TimeRow | TimeRows | TimeLine | EndMark):
        return "date"
    return "details" if in_session and clean(text) else "text"
