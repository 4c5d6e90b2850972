"""What reading a folder's sources went wrong on or had to guess, told the way pages, /status
and `calsvc export` show it: 'file:line: message'."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, NamedTuple

from ..errors import StoreError
from ..model import UNREAD
from .folder import Loaded, SourceState

log = logging.getLogger("calsvc.sources")
_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING}
GUESSES = ("no-data-file-entry", "zone-inferred", "year-inferred")


def _sources_of(loaded: Loaded | None, conference: str) -> list[SourceState]:
    """The sources read for a conference (none while the sources are being read)."""
    if loaded is None:
        return []
    return [s for s in loaded.sources if s.conference and s.conference.slug == conference]


class SourceProblem(NamedTuple):
    """A problem as told ('file:line: level: message'), and the line it is about, if one."""

    text: str
    line: int | None = None


def problems(
    loaded: Loaded | None, conference: str, limit: int = 10
) -> tuple[list[SourceProblem], int]:
    """What went wrong reading a conference's source (errors, then lines not read), at most
    `limit` of them, and how many there are in all."""
    found: list[SourceProblem] = []
    for source in _sources_of(loaded, conference):
        if source.error and source.schedule is not None and source.loaded_at is not None:
            read = source.loaded_at.strftime("%Y-%m-%d %H:%M UTC")
            found.append(
                SourceProblem(f"{source.error}; the sessions shown are those read at {read}")
            )
        elif source.error:
            found.append(SourceProblem(source.error))
        found += [SourceProblem(str(d), d.line) for d in source.diagnostics if d.level == "error"]
        found += [SourceProblem(str(d), d.line) for d in source.diagnostics if d.code == UNREAD]
    return found[:limit], len(found)


def source_problems(loaded: Loaded | None) -> list[str]:
    """Every source that failed, has errors, or yields no sessions (what `calsvc export`
    refuses to pass over in silence)."""
    found: list[str] = []
    for source in loaded.sources if loaded else ():
        errors = [str(d) for d in source.diagnostics if d.level == "error"]
        found += [source.error] if source.error else []
        found += errors
        told = source.error or errors or source.notes
        if not told and source.schedule and not source.schedule.sessions:
            found.append(f"{source.file}: no sessions found in it")
    return found


def guesses(loaded: Loaded | None, conference: str) -> list[str]:
    """What the reader had to guess for a conference (its zone or year, with no data-file
    entry to say), for the organiser to check."""
    sources = _sources_of(loaded, conference)
    return [str(d) for source in sources for d in source.diagnostics if d.code in GUESSES]


def sources_status(loaded: Loaded) -> dict[str, Any]:
    """Each source, when it was loaded, what it gave and what went wrong (for /status)."""
    return {
        "sources_folder": str(loaded.folder),
        "data_file": {"errors": list(loaded.data_file_errors)},
        "sources": [
            {
                "file": source.file,
                "conference": source.conference.slug if source.conference else None,
                "notes": source.notes,
                "loaded_at": source.loaded_at.isoformat() if source.loaded_at else None,
                "sessions": len(source.schedule.sessions) if source.schedule else 0,
                "error": source.error,
                "diagnostics": [
                    {"line": d.line, "level": d.level, "code": d.code, "message": d.message}
                    for d in source.diagnostics
                ],
            }
            for source in loaded.sources
        ],
    }


def tell(
    before: Loaded | None,
    after: Loaded,
    first_to_tell: Callable[[str, str], bool],
    *,
    server: str,
) -> None:
    """Logs what reading each new version of a source found, once per server: every worker
    reads it, and `first_to_tell(key, digest)` says which one is first (the revision store
    knows). When that cannot be known, each one logs."""
    earlier = {s.file: s.schedule for s in before.sources} if before else {}
    for source in after.sources:
        if source.schedule is None or earlier.get(source.file) is source.schedule:
            continue
        try:
            first = first_to_tell(f"{server} {source.file}", source.digest or "")
        except StoreError:
            first = True
        if first:
            for diagnostic in source.schedule.diagnostics:
                log.log(_LEVELS.get(diagnostic.level, logging.INFO), "%s", diagnostic)
