"""The errors calsvc raises, each carrying what a person needs to fix the input.

    CalsvcError(ValueError)
    ├── LocatedError      about a file (file, line)
    │   ├── SourceError   a programme text that cannot be read
    │   ├── ConfigError   a data file or setting that is wrong
    │   ├── StoreError    the revision store cannot be used (gone, corrupt, full)
    │   └── ExportError   a page of a static export that could not be made
    ├── HeaderProblem     a line shaped like a header whose date or time cannot be right
    ├── SelectionError    a filter parameter with a bad value (parameter, allowed values)
    └── NotFound          an unknown conference, track, kind or session (what, allowed values)

Domain code raises these and never prints; each front end turns them into a
message in one place (HTTP 400/404, or one line on stderr and a non-zero exit). A
HeaderProblem never reaches one: the reader makes it a diagnostic naming the line.
"""

from __future__ import annotations

from collections.abc import Iterable


class CalsvcError(ValueError):
    """Base of every error calsvc reports to a person."""


def _location(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line else file


class LocatedError(CalsvcError):
    """An error about a place in a file (a line of it, or the whole file)."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{_location(file, line)}: {message}")


class SourceError(LocatedError):
    """A programme text that cannot be read at all."""


class ConfigError(LocatedError):
    """A data file or setting that is wrong."""


class StoreError(LocatedError):
    """The revision store cannot be used: gone, replaced, corrupt, full, or failing."""


class ExportError(LocatedError):
    """A page of a static export that the app could not make (file: its path)."""


class HeaderProblem(CalsvcError):
    """A line shaped like a header whose date or time cannot be right ('25:00', '13:00 p.m.',
    '2023-13-01')."""


def _allowed(values: Iterable[str], limit: int = 30) -> str:
    values = sorted(values)
    shown = ", ".join(values[:limit])
    if len(values) > limit:
        shown += f", … ({len(values) - limit} more)"
    return shown or "(none)"


class SelectionError(CalsvcError):
    """A filter parameter with a value that cannot be used."""

    def __init__(self, parameter: str, value: str, allowed: str | Iterable[str]) -> None:
        self.parameter, self.value = parameter, value
        self.allowed = allowed if isinstance(allowed, str) else _allowed(allowed)
        super().__init__(f"{parameter}={value!r} is not valid; allowed: {self.allowed}")


class NotFound(CalsvcError):
    """An unknown conference, track, kind or session."""

    def __init__(self, what: str, value: str, allowed: Iterable[str]) -> None:
        self.what, self.value, self.allowed = what, value, _allowed(allowed)
        super().__init__(f"no {what} {value!r}; known: {self.allowed}")
