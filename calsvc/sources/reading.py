"""A conference's source as it stands, with the marks of how it is read: what the read page
shows. The marks come from the reading in service when the text is the one it was read from;
from a new reading of the text when it has changed since (the next reload serves that)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from ..parse import read_bytes, read_programme
from ..parse.marks import Marked, marked_lines
from .fetch import Pages
from .folder import Loaded


@dataclass(frozen=True, slots=True)
class SourceReading:
    file: str  # the file's name, or the page's address
    lines: list[Marked]
    current: bool  # the text the sessions in service were read from


def source_reading(
    loaded: Loaded,
    conference: str,
    *,
    pages: Pages,
    limit_mb: int,
    reference: date,
    kept: dict[str, tuple[str, SourceReading]] | None = None,
) -> SourceReading | None:
    """The marked text of a conference's source; None when it has none to show (a page by
    address not fetched yet, a source never read). Raises SourceError for a file that can
    no longer be read. Marking every line of a large source takes seconds: `kept` holds
    each conference's last marks, used again while its text and reading stay the same."""
    source = next((s for s in loaded.sources if s.served and s.served.slug == conference), None)
    if source is None or source.schedule is None or source.conference is None:
        return None
    url = source.conference.url
    if url:
        data = pages.kept(url)
        if data is None:
            return None
    else:
        data = read_bytes(loaded.folder / source.file, name=source.file, limit_mb=limit_mb)
    digest = hashlib.sha256(data).hexdigest()
    key = f"{digest} {source.digest} {id(source.schedule)}"  # (the text, and its reading)
    if kept is not None and (held := kept.get(conference)) and held[0] == key:
        return held[1]
    current, schedule = digest == source.digest, source.schedule
    if not current:
        schedule = read_programme(data, schedule.conference, zone_known=True, reference=reference)
    reading = SourceReading(source.file, marked_lines(data, schedule), current)
    if kept is not None:
        kept[conference] = (key, reading)  # (one a conference: the newest)
    return reading
