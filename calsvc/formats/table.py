"""CSV (RFC 4180): one row per session, for organisers' spreadsheets.

Times are local to the session's zone, written `YYYY-MM-DD HH:MM` so that spreadsheets read
them as dates; a text cell that a spreadsheet would take for a formula gets a leading `'`.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from ..catalogue.selection import Selection
from ..ics.feed import Served
from ..ics.render import session_page
from ..model import shown_location
from .base import Format

COLUMNS = ("date", "start", "end", "zone", "kind", "track", "title", "room", "url", "uid",
           "status")  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str | None) -> str:
    """Text as a cell no spreadsheet runs as a formula."""
    text = text or ""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _local(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # the byte order mark that tells spreadsheets the text is UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in served.catalogue.select(selection):
        session = entry.session
        writer.writerow(
            [
                session.day.isoformat() if session.day else "",
                _local(session.start),
                _local(session.end),
                session.timezone,
                cell(session.kind),
                cell(session.track),
                cell(session.title),
                cell(shown_location(session, entry.conference)),
                session_page(base_url, session.uid),
                session.uid,
                "cancelled" if entry.revision.cancelled else "confirmed",
            ]
        )
    return out.getvalue().encode("utf-8")


CSV = Format(
    "csv", "CSV", "one row per session, for spreadsheets",
    "text/csv; charset=utf-8; header=present", "csv",
    calendar=False, shape="feed", body=body,
)  # fmt: skip
