"""Feed routes: the whole programme, a conference, a track, a kind, a person's picks or one
session, in every feed format (`.ics`, `.jcal`, `.xcs`, `.csv`); and each conference's frab
schedule (`schedule.xml`, `schedule.json`), filtered by the same query parameters."""

from __future__ import annotations

from flask import Blueprint, Response

from ..catalogue.selection import Selection
from ..formats.icalendar import ICALENDAR
from ..formats.registry import extensions, served_at
from .context import base_url, selection, served, service
from .responses import feed_response, not_modified, wants_download

blueprint = Blueprint("feeds", __name__)
FEED = f"<any({', '.join(extensions('feed'))}):extension>"
SCHEDULE = f"<any({', '.join(extensions('schedule'))}):extension>"


def _feed(chosen: Selection, extension: str, shape: str = "feed") -> Response:
    """A 304 from the validators when the client's copy is current; else the document."""
    fmt = served_at(shape, extension)
    download = wants_download()
    etag, last_modified = service().version(chosen, fmt, base_url=base_url(), served=served())
    if (unchanged := not_modified(etag, last_modified)) is not None:
        return unchanged
    feed = service().feed(chosen, fmt, base_url=base_url(), served=served())
    return feed_response(feed, fmt, download=download)


@blueprint.get(f"/calendar.{FEED}")
def everything(extension: str) -> Response:
    return _feed(selection(feed=True), extension)


@blueprint.get(f"/<conference>/calendar.{FEED}")
def conference(conference: str, extension: str) -> Response:
    return _feed(selection(feed=True, conference=conference), extension)


@blueprint.get(f"/<conference>/tracks/<track>.{FEED}")
def track(conference: str, track: str, extension: str) -> Response:
    return _feed(selection(feed=True, conference=conference, track=track), extension)


@blueprint.get(f"/<conference>/kinds/<kind>.{FEED}")
def kind(conference: str, kind: str, extension: str) -> Response:
    return _feed(selection(feed=True, conference=conference, kind=kind), extension)


@blueprint.get(f"/my/<conference>.{FEED}")
def picked(conference: str, extension: str) -> Response:
    """A person's own schedule: the sessions whose short ids `s=` carries."""
    return _feed(selection(feed=True, conference=conference), extension)


@blueprint.get(f"/<conference>/schedule.{SCHEDULE}")
def schedule(conference: str, extension: str) -> Response:
    """The conference's frab schedule, for schedule apps; `s=` loads only a person's picks."""
    return _feed(selection(feed=True, conference=conference), extension, "schedule")


@blueprint.get("/events/<uid>.ics")
def event(uid: str) -> Response:
    single = service().single(uid, base_url=base_url())
    return feed_response(single, ICALENDAR, download=True)
