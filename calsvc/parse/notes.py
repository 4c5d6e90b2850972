"""Diagnostics as the reader collects them: one source, many lines, a bounded list."""

from __future__ import annotations

from collections import Counter

from ..model import Diagnostic, Level

# A file of a million unreadable lines must not become a million warnings (in memory, in
# the log, on the page): past this many of one kind, the rest are counted in one line.
MAX_PER_CODE = 100


class Notes:
    """The diagnostics of one source, in the order they were found."""

    def __init__(self, source: str, diagnostics: list[Diagnostic]) -> None:
        self.source, self.items = source, diagnostics
        self._counts: Counter[str] = Counter(d.code for d in diagnostics)
        self._first_left_out: dict[str, tuple[int, Level]] = {}

    def add(self, line: int, level: Level, code: str, message: str) -> None:
        self._counts[code] += 1
        if self._counts[code] <= MAX_PER_CODE:
            self.items.append(Diagnostic(self.source, line, level, code, message))
        else:
            self._first_left_out.setdefault(code, (line, level))

    def close(self) -> None:
        """Adds one line for each kind of diagnostic that went past the limit."""
        for code, (line, level) in self._first_left_out.items():
            more = self._counts[code] - MAX_PER_CODE
            message = f"{more:,} more {code} {level}s like the ones above, from this line on"
            self.items.append(Diagnostic(self.source, line, level, code, message))


def nothing_found(
    lines: list[str], timed_lines: int, notes: Notes, first_unread: int | None
) -> None:
    """Says why a text gave no sessions: it had no dates, or none of its dates was read."""
    text_lines = sum(1 for line in lines if line)
    if not timed_lines:
        notes.add(
            1,
            "info",
            "no-sessions",
            f"no session headers found in {text_lines} lines of text; nothing to schedule",
        )
        return
    first = first_unread or 1
    notes.add(
        first,
        "error",
        "no-sessions",
        f"{timed_lines} lines hold dates or times but none was read as a session; calsvc "
        "reads session headers with their own date ('Poster: Federated Learning Tue 6 Jun "
        "09:00 a.m.'), or a day heading ('Monday 14 October 2024') followed by time rows "
        "('09:15–10:30 Keynote: Title'); see the warnings for each line",
    )
