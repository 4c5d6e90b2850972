"""Each line of a source marked with what the reader made of it (the read page's marks)."""

from __future__ import annotations

from datetime import date

from calsvc.model import Conference
from calsvc.parse import parse_programme
from calsvc.parse.marks import marked_lines

TEXT = (
    "Programme of the day\n"
    "\n"
    "Monday 3 June 2024\n"
    "09:00 Opening: Ana Lee\n"
    "Room B\n"
    "| Time | Hall A | Hall B |\n"
    "| 10:00 | Poster session | Live demos |\n"
    "Deadline for posters: 1 May 2024\n"
    "Tue 31 Jun 09:00 Social\n"
)


def test_each_line_is_marked_with_what_was_read_from_it() -> None:
    conference = Conference("day", "Day", "Europe/Paris", "day.txt", year=2024)
    data = TEXT.encode()

    marks = marked_lines(data, parse_programme(data, conference, reference=date(2024, 1, 1)))

    assert [(m.number, m.role, len(m.sessions), len(m.notes)) for m in marks] == [
        (1, "text", 0, 0),
        (2, "blank", 0, 0),
        (3, "day", 0, 0),
        (4, "session", 1, 0),
        (5, "details", 0, 0),
        (6, "columns", 0, 0),
        (7, "session", 2, 0),
        (8, "date", 0, 0),
        (9, "problem", 0, 1),
        (10, "blank", 0, 0),
    ]
