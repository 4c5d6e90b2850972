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
