"""Feed routes: the whole programme, a conference, a track, a kind, or one session."""

from __future__ import annotations

from flask import Blueprint, Response

from ..catalogue.selection import Selection
from .context import base_url, selection, served, service
from .responses import calendar_response, not_modified, wants_download

blueprint = Blueprint("feeds", __name__)


def _feed(chosen: Selection) -> Response:
    """A 304 from the validators when the client's copy is current; else the assembled feed."""
    download = wants_download()
    etag, last_modified = service().version(chosen, base_url=base_url(), served=served())
    if (unchanged := not_modified(etag, last_modified)) is not None:
        return unchanged
    feed = service().feed(chosen, base_url=base_url(), served=served())
    return calendar_response(feed, download=download)


@blueprint.get("/calendar.ics")
def everything() -> Response:
    return _feed(selection(feed=True))


@blueprint.get("/<conference>/calendar.ics")
def conference(conference: str) -> Response:
    return _feed(selection(feed=True, conference=conference))


@blueprint.get("/<conference>/tracks/<track>.ics")
def track(conference: str, track: str) -> Response:
    return _feed(selection(feed=True, conference=conference, track=track))


@blueprint.get("/<conference>/kinds/<kind>.ics")
def kind(conference: str, kind: str) -> Response:
    return _feed(selection(feed=True, conference=conference, kind=kind))


@blueprint.get("/my/<conference>.ics")
def picked(conference: str) -> Response:
    """A person's own schedule: the sessions whose short ids `s=` carries."""
    return _feed(selection(feed=True, conference=conference))


@blueprint.get("/events/<uid>.ics")
def event(uid: str) -> Response:
    return calendar_response(service().single(uid, base_url=base_url()), download=True)
