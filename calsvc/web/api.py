"""JSON routes: conferences, tracks (with their feed links), events, health and status."""

from __future__ import annotations

from typing import Any, Literal

from flask import Blueprint, Response, request

from ..catalogue.catalogue import Catalogue
from ..catalogue.index import Group
from ..catalogue.selection import Selection, selection_from_query
from ..codec import session_json
from ..ics.render import session_calendar, session_page
from ..model import Entry
from .context import base_url, selection, service
from .context import catalogue as current_catalogue
from .links import document_paths, feed_path, subscribe_links
from .memory import release_memory
from .openapi import EventJson, openapi
from .responses import json_response
from .status import health
from .status import status as status_of

blueprint = Blueprint("api", __name__)
LARGE_ANSWER = 500  # events


def _links(catalogue: Catalogue, chosen: Selection) -> dict[str, str]:
    return subscribe_links(base_url() + feed_path(chosen), catalogue.name(chosen))


def _formats(chosen: Selection) -> dict[str, str]:
    """The selection's URL in every format that serves it, by format name."""
    return {fmt.name: base_url() + path for fmt, path in document_paths(chosen)}


def _group_json(catalogue: Catalogue, group: Group, chosen: Selection) -> dict[str, Any]:
    return {
        "slug": group.slug,
        "name": group.name,
        "conference": group.conference,
        "kind": group.kinds[0] if len(group.kinds) == 1 else None,
        "kinds": list(group.kinds),
        "sessions": group.sessions,
        "feeds": _links(catalogue, chosen),
        "formats": _formats(chosen),
    }


def _entry_json(catalogue: Catalogue, entry: Entry) -> EventJson:
    revision = entry.revision
    return {
        **session_json(entry.session),
        "short_id": catalogue.short_ids[catalogue.position(entry.session.uid)],
        "status": "cancelled" if revision.cancelled else "confirmed",
        "sequence": revision.sequence,
        "last_modified": revision.modified.isoformat(),
        "url": session_page(base_url(), entry.session.uid),
        "ics": session_calendar(base_url(), entry.session.uid),
    }


@blueprint.get("/api/conferences")
def conferences() -> Response:
    catalogue = current_catalogue()
    selection_from_query(request.args.items(multi=True), also_allowed=())  # no parameters taken
    return json_response(
        {
            "conferences": [
                {
                    "slug": c.slug,
                    "name": c.name,
                    "year": c.year,
                    "timezone": c.timezone,
                    "venue": c.venue,
                    "homepage": c.homepage,
                    "sessions": catalogue.count(c.slug),
                    "days": [d.isoformat() for d in catalogue.days(c.slug)],
                    "feeds": _links(catalogue, Selection(conferences=(c.slug,))),
                    "formats": _formats(Selection(conferences=(c.slug,))),
                }
                for c in catalogue.conferences.values()
            ]
        }
    )


@blueprint.get("/api/tracks")
def tracks() -> Response:
    return _groups("tracks")


@blueprint.get("/api/kinds")
def kinds() -> Response:
    return _groups("kinds")


def _only(conference: str, name: str, slug: str) -> Selection:
    track, kind = (slug, None) if name == "tracks" else (None, slug)
    return Selection().narrowed(conference=conference, track=track, kind=kind)


def _groups(name: Literal["tracks", "kinds"]) -> Response:
    """The tracks or the kinds of the conferences asked for (tracks: with the kinds asked)."""
    catalogue = current_catalogue()
    chosen = selection()
    groups = catalogue.tracks if name == "tracks" else catalogue.kinds
    found = [
        _group_json(catalogue, group, _only(conf, name, slug))
        for (conf, slug), group in groups.items()
        if not chosen.conferences or conf in chosen.conferences
        if name == "kinds" or not chosen.kinds or set(group.kinds) & set(chosen.kinds)
    ]
    return json_response({name: found})


@blueprint.get("/api/events")
def events() -> Response:
    catalogue = current_catalogue()
    chosen = selection()
    entries = catalogue.select(chosen)
    response = json_response(
        {
            "name": catalogue.name(chosen),
            "feeds": _links(catalogue, chosen),
            "formats": _formats(chosen),
            "events": [_entry_json(catalogue, e) for e in entries],
        }
    )
    if len(entries) >= LARGE_ANSWER:
        release_memory()  # the answer was built from many small objects, freed by now
    return response


@blueprint.get("/api/openapi.json")
def openapi_json() -> Response:
    return json_response(openapi(current_catalogue(), server=base_url()))


@blueprint.get("/healthz")
def healthz() -> Response:
    current_catalogue()
    response = json_response(health(service()))
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.get("/status")
def status() -> Response:
    response = json_response(status_of(service()))
    response.headers["Cache-Control"] = "no-store"
    return response
