"""What changed: a page and an Atom feed per conference, for any filter a feed takes
(tracks, kinds, days, words, or a person's picks), newest first."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, request

from ..catalogue.selection import Selection
from .atom import atom_feed
from .context import base_url, selection, service
from .context import catalogue as current_catalogue
from .pages import page

blueprint = Blueprint("changes", __name__)
ATOM = "application/atom+xml; charset=utf-8"


def changes_path(chosen: Selection, conference: str, *, atom: bool = False) -> str:
    """Where the changes of a selection of one conference are: its page or its feed."""
    others = [(k, v) for k, v in chosen.query_pairs() if k != "conference"]
    query = f"?{urlencode(others)}" if others else ""
    return f"/{conference}/changes{'.atom' if atom else '/'}{query}"


@blueprint.get("/<conference>/changes/")
def changes_page(conference: str) -> Response:
    chosen = selection(conference=conference)
    catalogue = current_catalogue()
    return page(
        "changes.html",
        conference=catalogue.conferences[conference],
        name=catalogue.name(chosen),
        changes=service().changes(chosen),
        publishes=service().store.desk_publishes(conference, limit=20),
        atom=base_url() + changes_path(chosen, conference, atom=True),
    )


@blueprint.get("/<conference>/changes.atom")
def changes_feed(conference: str) -> Response:
    chosen = selection(conference=conference)
    catalogue = current_catalogue()
    body = atom_feed(
        service().changes(chosen),
        title=f"Changes · {catalogue.name(chosen)}",
        self_url=base_url() + request.full_path.rstrip("?"),
        page_url=base_url() + changes_path(chosen, conference),
        base_url=base_url(),
        empty_since=catalogue.last_modified([]),
    )
    response = Response(body, mimetype="application/atom+xml")
    response.headers["Content-Type"] = ATOM
    response.headers["Cache-Control"] = "public, max-age=300"
    return response
