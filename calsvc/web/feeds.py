"""Feed routes: the whole programme, a conference, a track, a kind, or one session."""

from __future__ import annotations

from flask import Blueprint, Response

from .context import base_url, selection, service
from .responses import calendar_response, wants_download

blueprint = Blueprint("feeds", __name__)


@blueprint.get("/calendar.ics")
def everything() -> Response:
    return calendar_response(
        service().feed(selection(feed=True), base_url=base_url()), download=wants_download()
    )


@blueprint.get("/<conference>/calendar.ics")
def conference(conference: str) -> Response:
    chosen = selection(feed=True, conference=conference)
    return calendar_response(service().feed(chosen, base_url=base_url()), download=wants_download())


@blueprint.get("/<conference>/tracks/<track>.ics")
def track(conference: str, track: str) -> Response:
    chosen = selection(feed=True, conference=conference, track=track)
    return calendar_response(service().feed(chosen, base_url=base_url()), download=wants_download())


@blueprint.get("/<conference>/kinds/<kind>.ics")
def kind(conference: str, kind: str) -> Response:
    chosen = selection(feed=True, conference=conference, kind=kind)
    return calendar_response(service().feed(chosen, base_url=base_url()), download=wants_download())


@blueprint.get("/events/<uid>.ics")
def event(uid: str) -> Response:
    return calendar_response(service().single(uid, base_url=base_url()), download=True)
