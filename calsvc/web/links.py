"""Feed, document and read-page URLs, and the subscribe links calendar clients understand."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

from ..catalogue.selection import Selection
from ..formats.base import Format
from ..formats.registry import FORMATS
from ..model import Session


def feed_path(selection: Selection, extension: str = "ics") -> str:
    """The shortest path serving a selection: a conference, track or kind feed where one fits."""
    conferences, tracks, kinds = selection.conferences, selection.tracks, selection.kinds
    rest = Selection(days=selection.days, queries=selection.queries)
    if len(conferences) == 1 and selection.sessions and not (tracks or kinds or not rest.empty):
        return f"/my/{conferences[0]}.{extension}?s={'.'.join(selection.sessions)}"
    if len(conferences) == 1 and rest.empty:
        conference = conferences[0]
        if tracks and len(tracks) == 1 and not kinds:
            return f"/{conference}/tracks/{tracks[0]}.{extension}"
        if kinds and len(kinds) == 1 and not tracks:
            return f"/{conference}/kinds/{kinds[0]}.{extension}"
        if not tracks and not kinds:
            return f"/{conference}/calendar.{extension}"
    query = urlencode(selection.query_pairs())
    return f"/calendar.{extension}" + (f"?{query}" if query else "")


def document_paths(selection: Selection) -> list[tuple[Format, str]]:
    """The selection in every registered format that serves it, with its path."""
    found = ((fmt, document_path(selection, fmt)) for fmt in FORMATS)
    return [(fmt, path) for fmt, path in found if path is not None]


def document_path(selection: Selection, fmt: Format) -> str | None:
    """Where a format serves a selection: at its feed paths, or (a frab schedule) at its one
    conference's schedule with the other filters as the query; None when it does not."""
    if fmt.shape == "feed":
        return feed_path(selection, fmt.extension)
    if len(selection.conferences) != 1:
        return None
    query = urlencode(replace(selection, conferences=()).query_pairs())
    return f"/{selection.conferences[0]}/schedule.{fmt.extension}" + (f"?{query}" if query else "")


def subscribe_links(feed_url: str, name: str) -> dict[str, str]:
    """The https feed URL and a link to subscribe to it from each client."""
    webcal = "webcal://" + feed_url.split("://", 1)[-1]
    separator = "&" if "?" in feed_url else "?"
    add_from_web = (
        f"/calendar/0/addfromweb?url={quote(feed_url, safe='')}&name={quote(name, safe='')}"
    )
    return {
        "https": feed_url,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=""),
        "outlook": "https://outlook.live.com" + add_from_web,
        "office365": "https://outlook.office.com" + add_from_web,
        "download": f"{feed_url}{separator}download=1",
    }


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def add_event_links(
    session: Session, *, details: str, location: str | None, ics_url: str
) -> dict[str, str]:
    """Links that add one session to a calendar once (no subscription)."""
    if session.start is not None and session.end is not None:
        dates = f"{_utc_stamp(session.start)}/{_utc_stamp(session.end)}"
        start, end, all_day = session.start.isoformat(), session.end.isoformat(), "false"
    else:
        assert session.day is not None
        following = session.day + timedelta(days=1)
        dates = f"{session.day:%Y%m%d}/{following:%Y%m%d}"
        start, end, all_day = session.day.isoformat(), following.isoformat(), "true"
    google = {"action": "TEMPLATE", "text": session.title, "dates": dates, "details": details,
              "location": location or "", "ctz": session.timezone}  # fmt: skip
    outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": session.title,
               "startdt": start, "enddt": end, "allday": all_day, "location": location or "",
               "body": details}  # fmt: skip
    return {
        "ics": ics_url,
        "google": "https://calendar.google.com/calendar/render?"
        + urlencode(google, quote_via=quote),
        "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?"
        + urlencode(outlook, quote_via=quote),
        "office365": "https://outlook.office.com/calendar/0/deeplink/compose?"
        + urlencode(outlook, quote_via=quote),
    }


LINES_PER_PAGE = 2000  # a read page of a long source stays small; the rest follow by ?from=


def read_path(conference: str, line: int | None = None) -> str:
    """The read page of a conference, at a line (on the part of the page that holds it)."""
    if line is None:
        return f"/{conference}/read/"
    first = (line - 1) // LINES_PER_PAGE * LINES_PER_PAGE + 1
    return f"/{conference}/read/" + (f"?from={first}" if first > 1 else "") + f"#line-{line}"
