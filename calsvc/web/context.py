"""What every route needs from the request: the service and the absolute base URL."""

from __future__ import annotations

from flask import current_app, g, request

from ..catalogue.catalogue import Catalogue
from ..catalogue.selection import Selection, selection_from_query
from ..ics.feed import Served
from ..serving.service import Service
from .compression import Compressed


def service() -> Service:
    return current_app.config["SERVICE"]  # type: ignore[no-any-return]


def served() -> Served:
    """The catalogue (and its rendered events) this request is answered from: asked of the
    service once, so every part of a response (a page and each star on it) comes from one
    version of the programme."""
    if "served" not in g:
        g.served = service().served()
    return g.served  # type: ignore[no-any-return]


def catalogue() -> Catalogue:
    return served().catalogue


def compressed() -> Compressed:
    """The app's gzip copies of feeds."""
    return current_app.extensions["calsvc.compressed"]  # type: ignore[no-any-return]


def base_url() -> str:
    """CALSVC_BASE_URL, else the URL this request came to (honouring X-Forwarded-*)."""
    configured: str = current_app.config["BASE_URL"]
    return configured or request.host_url.rstrip("/")


def selection(*, feed: bool = False, **fixed: str) -> Selection:
    """The request's filters, with any conference, track or kind the path fixes.

    A path's own conference, track or kind must exist there (404 otherwise), and so must
    every one the query names: this is the one check of a request's selection. Feeds also
    take download=.
    """
    chosen = selection_from_query(
        request.args.items(multi=True), also_allowed=("download",) if feed else ()
    )
    if "conference" in fixed:
        catalogue().require(fixed["conference"], track=fixed.get("track"), kind=fixed.get("kind"))
    return catalogue().check(chosen.narrowed(**fixed))
