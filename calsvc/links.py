"""Feed URLs and the subscribe links calendar clients understand."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from .select import Selection


def feed_path(selection: Selection) -> str:
    """The shortest path serving a selection: a conference, track or kind feed where one fits."""
    conferences, tracks, kinds = selection.conferences, selection.tracks, selection.kinds
    rest = Selection(days=selection.days, queries=selection.queries)
    if len(conferences) == 1 and rest.empty:
        conference = conferences[0]
        if tracks and len(tracks) == 1 and not kinds:
            return f"/{conference}/tracks/{tracks[0]}.ics"
        if kinds and len(kinds) == 1 and not tracks:
            return f"/{conference}/kinds/{kinds[0]}.ics"
        if not tracks and not kinds:
            return f"/{conference}/calendar.ics"
    query = urlencode(selection.query_pairs())
    return "/calendar.ics" + (f"?{query}" if query else "")


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
