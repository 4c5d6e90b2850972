"""Schedules as plain data (the JSON shape other tools read) and as a readable text report."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from .codec import session_json
from .model import Diagnostic, Schedule, Session


def undated_json(session: Session) -> dict[str, Any]:
    return {
        "uid": session.uid,
        "source": session.source,
        "line": session.line,
        "kind": session.kind,
        "track": session.track,
        "title": session.title,
        "date": session.day.isoformat() if session.day else None,
    }


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    """source, line, level, code and message."""
    return dataclasses.asdict(diagnostic)


def schedules_json(schedules: Iterable[Schedule]) -> dict[str, list[Any]]:
    schedules = list(schedules)
    return {
        "events": [session_json(s) for schedule in schedules for s in schedule.timed],
        "undated": [undated_json(s) for schedule in schedules for s in schedule.untimed],
        "diagnostics": [diagnostic_json(d) for schedule in schedules for d in schedule.diagnostics],
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _session_line(session: Session) -> str:
    assert session.start is not None and session.end is not None
    mark = "~" if session.end_inferred else " "
    fields = [
        session.kind,
        session.track or (session.title if session.title != session.kind else ""),
        _count(len(session.items), "item"),
        session.location or "",
    ]
    # A session that ends on a later day (an exhibit, a social past midnight) says which.
    end = (
        f"{session.end:%a %Y-%m-%d %H:%M}"
        if session.end.date() != session.start.date()
        else (f"{session.end:%H:%M}")
    )
    when = f"{session.start:%Y-%m-%d %a}  {session.start:%H:%M}–{end}{mark}"
    return f"  {when}  " + " · ".join(f for f in fields if f)


def text_report(schedules: Iterable[Schedule]) -> str:
    """One line per session, then the untimed headers, then every diagnostic as file:line."""
    out: list[str] = []
    diagnostics: list[Diagnostic] = []
    for schedule in schedules:
        conference = schedule.conference
        out.append(
            f"{conference.source} · {conference.name} · {conference.timezone} · "
            f"{_count(len(schedule.timed), 'session')}, {len(schedule.untimed)} untimed"
        )
        out.extend(_session_line(s) for s in schedule.timed)
        for session in schedule.untimed:
            day = f"{session.day:%Y-%m-%d %a}" if session.day else "date unknown  "
            out.append(f"  {day}  time not announced  {session.title} (line {session.line})")
        diagnostics.extend(schedule.diagnostics)
    if any(s.end_inferred for schedule in schedules for s in schedule.timed):
        out.append("~ end inferred from the next session or the kind's default length")
    out.extend(str(d) for d in diagnostics)
    return "\n".join(out) + "\n"
