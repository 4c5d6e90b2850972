"""Schedules as plain data (the JSON shape other tools read) and as a readable text report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import pytz

from .model import Diagnostic, Item, Schedule, Session


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def item_json(item: Item) -> dict[str, str | None]:
    return {
        "title": item.title,
        "authors": item.authors,
        "abstract": item.abstract,
        "bio": item.bio,
    }


def event_json(session: Session) -> dict[str, Any]:
    """One session as `calsvc parse --format json` prints it; a stable shape."""
    return {
        "uid": session.uid,
        "source": session.source,
        "line": session.line,
        "conference": session.conference,
        "kind": session.kind,
        "kind_slug": session.kind_slug,
        "track": session.track,
        "track_slug": session.track_slug,
        "title": session.title,
        "date": session.day.isoformat() if session.day else None,
        "start": _iso(session.start),
        "end": _iso(session.end),
        "end_inferred": session.end_inferred,
        "all_day": not session.timed,
        "timezone": session.timezone,
        "location": session.location,
        "items": [item_json(item) for item in session.items],
    }


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
    return {
        "source": diagnostic.source,
        "line": diagnostic.line,
        "level": diagnostic.level,
        "code": diagnostic.code,
        "message": diagnostic.message,
    }


def schedules_json(schedules: Iterable[Schedule]) -> dict[str, list[dict[str, Any]]]:
    schedules = list(schedules)
    return {
        "events": [event_json(s) for schedule in schedules for s in schedule.timed],
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


def session_from_json(data: dict[str, Any]) -> Session:
    """The inverse of event_json: a session as the revision store kept it."""
    zone = pytz.timezone(data["timezone"])

    def moment(text: str | None) -> datetime | None:
        return zone.normalize(datetime.fromisoformat(text).astimezone(zone)) if text else None

    return Session(
        uid=data["uid"],
        source=data["source"],
        line=data["line"],
        conference=data["conference"],
        kind=data["kind"],
        track=data["track"],
        title=data["title"],
        day=date.fromisoformat(data["date"]) if data["date"] else None,
        start=moment(data["start"]),
        end=moment(data["end"]),
        end_inferred=data["end_inferred"],
        timezone=data["timezone"],
        location=data["location"],
        items=tuple(Item(**item) for item in data["items"]),
    )
