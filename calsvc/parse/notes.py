"""Diagnostics as the reader collects them: one source, many lines."""

from __future__ import annotations

from ..model import Diagnostic, Level


class Notes:
    """The diagnostics of one source, in the order they were found."""

    def __init__(self, source: str, diagnostics: list[Diagnostic]) -> None:
        self.source, self.items = source, diagnostics

    def add(self, line: int, level: Level, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.source, line, level, code, message))
