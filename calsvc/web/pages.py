"""Pages for people: conferences, programmes by day, sessions, the feed builder, a widget."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any, NamedTuple
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup

from ..catalogue.catalogue import Catalogue
from ..catalogue.index import Group
from ..catalogue.selection import Selection
from ..errors import CalsvcError
from ..formats.base import Format
from ..formats.frab_json import FRAB_JSON
from ..ics.description import count_of_items, describe, paper_label
from ..ics.render import colour, colour_of, session_calendar
from ..model import Conference, Entry, shown_location
from .context import base_url, selection, served, service
from .context import catalogue as current_catalogue
from .errors import status_of
from .links import (
    add_event_links,
    document_paths,
    feed_path,
    read_path,
    subscribe_links,
)
from .qr import qr_svg

blueprint = Blueprint("pages", __name__)
REFRESH_NOTE = (
    "Subscribed calendars update by themselves: Google Calendar every 8 to 24 hours (up to a "
    "day), Outlook.com about every 3 hours, Apple Calendar and Thunderbird as often as you set."
)
# Google Calendar drops the events of a subscribed calendar larger than about this, silently.
GOOGLE_MAX_BYTES = 1_000_000
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


class Document(NamedTuple):
    """A selection in one format, as a page links it."""

    fmt: Format
    url: str


@dataclass(frozen=True, slots=True)
class SubscribeBlock:
    """A feed as a page offers it: its name, URL, subscribe links, embeddable snippet, the
    same sessions in every other format, and QR codes of the links a phone needs."""

    name: str
    links: dict[str, str]
    count: int
    size: int  # bytes, at least
    documents: tuple[Document, ...]

    @property
    def qr(self) -> Markup:
        """The webcal:// link, for a phone's calendar app."""
        return qr_svg(self.links["webcal"], f"QR code: subscribe to {self.name}")

    @property
    def schedule(self) -> Document | None:
        """The frab schedule.json, for schedule apps (None unless one conference)."""
        return next((d for d in self.documents if d.fmt is FRAB_JSON), None)

    @property
    def schedule_qr(self) -> Markup | None:
        schedule = self.schedule
        title = f"QR code: {self.name} in a schedule app"
        return qr_svg(schedule.url, title) if schedule else None

    @property
    def too_large_for_google(self) -> bool:
        return self.size > GOOGLE_MAX_BYTES

    @property
    def snippet(self) -> str:
        return render_template("_snippet.html", feed=self).strip()


def static_export() -> bool:
    """Whether pages are being written for a static host (no server behind them)."""
    return bool(current_app.config.get("STATIC_EXPORT"))


def documents(chosen: Selection) -> tuple[Document, ...]:
    """The selection in every format that serves it, with its URL (in a static export, only
    those written as files: no filtered frab schedules)."""
    found = document_paths(chosen)
    served = [(fmt, path) for fmt, path in found if not (static_export() and "?" in path)]
    return tuple(Document(fmt, base_url() + path) for fmt, path in served)


def feed_for(catalogue: Catalogue, chosen: Selection) -> SubscribeBlock:
    name = catalogue.name(chosen)
    links = subscribe_links(base_url() + feed_path(chosen), name)
    if static_export():
        links["download"] = links[
            "https"
        ]  # no server to add Content-Disposition: the link says download
    positions = catalogue.positions(chosen)
    assert served().catalogue is catalogue, "a page's blocks come from the request's catalogue"
    size = served().rendered.size(positions)
    return SubscribeBlock(name, links, len(positions), size, documents(chosen))


def by_day(entries: Iterable[Entry]) -> list[tuple[date | None, list[Entry]]]:
    """Entries grouped by day, each day's timed sessions first, then those with no time yet."""
    return [
        (day, sorted(group, key=lambda e: e.session.start is None))
        for day, group in groupby(entries, key=lambda e: e.session.day)
    ]


def page(template: str, status: int = 200, *, frameable: bool = False, **context: Any) -> Response:
    response = Response(render_template(template, **context), status=status, mimetype="text/html")
    response.headers.update(PAGE_HEADERS)
    if frameable:
        response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors *"
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def kind_choices(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Every kind of session, once, for the builder."""
    return sorted(
        {(group.slug, group.name) for group in catalogue.kinds.values()}, key=lambda k: k[1]
    )


def track_choices(catalogue: Catalogue) -> list[tuple[Conference, list[Group]]]:
    """The tracks of each conference that has any, for the builder."""
    choices = [(c, [g for (conf, _), g in catalogue.tracks.items() if conf == c.slug])
               for c in catalogue.conferences.values()]  # fmt: skip
    return [(conference, groups) for conference, groups in choices if groups]


def link(path: str) -> str:
    """A link to one of the site's own pages: absolute on the base URL; in a static export
    relative to the page (folders as their index.html), so the exported folder can be browsed
    as files. Feeds keep absolute links: calendar clients fetch them from the base URL."""
    if not static_export() or path.endswith(".ics") or "?" in path:
        return base_url() + path
    here = request.path if request.path.endswith("/") else request.path.rsplit("/", 1)[0] + "/"
    return posixpath.relpath(path + "index.html" if path.endswith("/") else path, here)


@blueprint.app_context_processor
def helpers() -> dict[str, Any]:
    return {
        "url": link,
        "colour": colour,
        "colour_of": lambda group: colour_of(group.conference, group.slug),
        "label": paper_label,
        "count_of_items": count_of_items,
        "kind_choices": kind_choices,
        "track_choices": track_choices,
        "query_string": lambda chosen: urlencode(chosen.query_pairs()),
        "static_export": static_export(),
        "try_page": service().settings.try_page and not static_export(),
        "refresh_note": REFRESH_NOTE,
        "pick_id": lambda uid: (catalogue := current_catalogue()).short_ids[
            catalogue.position(uid)
        ],
    }


@blueprint.get("/")
def index() -> Response:
    catalogue = current_catalogue()
    conferences = [
        (
            c,
            feed_for(catalogue, Selection(conferences=(c.slug,))),
            catalogue.days(c.slug),
            service().problems(c.slug)[1],
        )
        for c in catalogue.conferences.values()
    ]
    return page("index.html", conferences=conferences, everything=feed_for(catalogue, Selection()))


@blueprint.get("/<conference>/")
def conference(conference: str) -> Response:
    catalogue = current_catalogue()
    catalogue.require(conference)
    chosen = Selection(conferences=(conference,))
    tracks = [
        (group, feed_for(catalogue, chosen.narrowed(track=group.slug)))
        for (conf, _), group in catalogue.tracks.items()
        if conf == conference
    ]
    kinds = [
        (group, feed_for(catalogue, chosen.narrowed(kind=group.slug)))
        for (conf, _), group in catalogue.kinds.items()
        if conf == conference
    ]
    problems, problem_count = service().problems(conference)
    shown = service().shows_reading(conference)
    return page("conference.html", conference=catalogue.conferences[conference],
                read_page=read_path(conference) if shown else None,
                days=by_day(catalogue.select(chosen)), feed=feed_for(catalogue, chosen),
                tracks=tracks, kinds=kinds,
                problems=[(p.text, read_path(conference, p.line) if shown and p.line else None)
                          for p in problems],
                problem_count=problem_count,
                guesses=service().guesses(conference))  # fmt: skip


@blueprint.get("/events/<uid>/")
def event(uid: str) -> Response:
    catalogue = current_catalogue()
    entry = catalogue.entry(uid)
    session, conference = entry.session, entry.conference
    location = shown_location(session, conference)
    links = add_event_links(session, details=describe(session, conference), location=location,
                            ics_url=session_calendar(base_url(), uid))  # fmt: skip
    related = []
    if session.track_slug:
        related.append(
            feed_for(
                catalogue, Selection(conferences=(conference.slug,), tracks=(session.track_slug,))
            )
        )
    related.append(
        feed_for(catalogue, Selection(conferences=(conference.slug,), kinds=(session.kind_slug,)))
    )
    return page(
        "event.html", entry=entry, session=session, conference=conference, location=location,
        add=links, related=related,
    )  # fmt: skip


@blueprint.get("/builder")
def builder() -> Response:
    catalogue = current_catalogue()
    status, error, feed, entries = 200, None, None, []
    try:
        chosen = selection()
        entries = catalogue.select(chosen)
        feed = feed_for(catalogue, chosen)
    except CalsvcError as problem:  # shown on the page, with the builder to fix it
        status, error, chosen = status_of(problem), str(problem), Selection()
    return page(
        "builder.html", status, catalogue=catalogue, chosen=chosen, feed=feed, error=error,
        days=by_day(entries), shown=len(entries), query=request.args.get("q", ""),
    )  # fmt: skip


@blueprint.get("/embed")
def embed() -> Response:
    catalogue = current_catalogue()
    return page("embed.html", frameable=True, feed=feed_for(catalogue, selection()))
