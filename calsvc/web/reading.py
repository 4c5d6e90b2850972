"""A conference's read page: its source line by line, each line marked with what the reader
made of it, each session linked to its page and each problem anchored to its line."""

from __future__ import annotations

from collections import Counter

from flask import Blueprint, Response, request

from ..errors import NotFound, SourceError
from ..parse.marks import ROLES
from .context import catalogue as current_catalogue
from .context import service
from .links import LINES_PER_PAGE
from .pages import link, page

blueprint = Blueprint("reading", __name__)


@blueprint.get("/<conference>/read/")
def read_page(conference: str) -> Response:
    catalogue = current_catalogue()
    catalogue.require(conference)
    if not service().shows_reading(conference):
        raise NotFound("read page", conference, [c for c in catalogue.conferences if
                                                 service().shows_reading(c)])  # fmt: skip
    first = request.args.get("from", "1")
    start = int(first) if first.isdigit() and int(first) >= 1 else 1
    try:
        reading, failure = service().reading(conference), None
    except SourceError as error:
        reading, failure = None, str(error)
    lines = reading.lines if reading else []
    shown = lines[start - 1 : start - 1 + LINES_PER_PAGE]
    after = start + LINES_PER_PAGE if start - 1 + LINES_PER_PAGE < len(lines) else None
    return page(
        "read.html",
        conference=catalogue.conferences[conference],
        reading=reading,
        failure=failure,
        lines=shown,
        counts=Counter(line.role for line in lines),
        roles=ROLES,
        session_link=lambda uid: link(f"/events/{uid}/"),
        earlier=max(1, start - LINES_PER_PAGE) if start > 1 else None,
        later=after,
    )
