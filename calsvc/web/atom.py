"""Changes as an Atom feed (RFC 4287), built as XML elements, never as text templates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from ..changes import Told
from ..ics.render import session_page

NS = "http://www.w3.org/2005/Atom"
ET.register_namespace("", NS)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NS}}}{tag}", attributes)
    element.text = text
    return element


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def atom_feed(
    changes: Sequence[Told], *, title: str, self_url: str, page_url: str, base_url: str,
    empty_since: datetime,
) -> bytes:  # fmt: skip
    """The feed: its id is its own URL; each entry's id names the session and its SEQUENCE,
    so a change is one entry however often the feed is read. `empty_since` dates a feed
    with no entries (when its programme was last changed)."""
    feed = ET.Element(f"{{{NS}}}feed")
    _add(feed, "id", self_url)
    _add(feed, "title", title)
    _add(feed, "updated", _stamp(changes[0].seen if changes else empty_since))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(_add(feed, "author"), "name", "calsvc")
    for change in changes:
        entry = _add(feed, "entry")
        _add(entry, "id", f"{session_page(base_url, change.uid)}#sequence-{change.sequence}")
        _add(entry, "title", change.title)
        _add(entry, "updated", _stamp(change.seen))
        _add(entry, "summary", change.detail)
        if change.live:
            _add(entry, "link", rel="alternate", type="text/html",
                 href=session_page(base_url, change.uid))  # fmt: skip
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
