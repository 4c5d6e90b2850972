"""A session as JSON, and back: the one shape that `calsvc parse --format json`, the revision
store, the API and its OpenAPI description share. The TypedDicts name every key once."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict

import pytz

from .model import Item, Session


class ItemJson(TypedDict):
    """A paper or talk in a session."""

    title: str | None
    authors: str | None
    abstract: str | None
    bio: str | None


class SessionJson(TypedDict):
    """A session; `date` is an ISO date, `start` and `end` ISO date-times with their offset."""

    uid: str
    source: str
    line: int
    conference: str
    kind: str
    kind_slug: str
    track: str | None
    track_slug: str | None
    title: str
    date: str | None
    start: str | None
    end: str | None
    end_inferred: bool
    all_day: bool
    timezone: str
    location: str | None
    items: list[ItemJson]


# What the JSON strings hold, for schemas: ISO 8601 dates and date-times.
FORMATS = {"date": "date", "start": "date-time", "end": "date-time"}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def item_json(item: Item) -> ItemJson:
    title, authors, abstract, bio = item.title, item.authors, item.abstract, item.bio
    return ItemJson(title=title, authors=authors, abstract=abstract, bio=bio)


def session_json(session: Session) -> SessionJson:
    """One session as JSON; a stable shape."""
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


def session_from_json(data: SessionJson) -> Session:
    """The inverse of session_json: a session as the revision store kept it."""
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
