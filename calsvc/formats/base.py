"""What every output format is: a name, a media type, an extension, and how it renders."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Generic, Literal, TypeVar

from ..catalogue.selection import Selection
from ..ics.feed import Feed, Served, feed_version

# Where a format is served: at every feed path (`/<conference>/calendar.ics`, a track's, a
# kind's, a personal one's), or once per conference as a frab schedule (`schedule.xml`).
Shape = Literal["feed", "schedule"]
# A document's bytes for a checked selection: (served, selection, base_url, ttl) → bytes.
Body = Callable[[Served, Selection, str, timedelta], bytes]
# Characters XML 1.0 cannot hold (sources are copied text: a stray control character must not
# make a document no parser reads).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Format:
    """One output format: its name, title, what it is, media type and extension, then
    whether it is a calendar feed, where it is served, and the `body` of its document for a
    checked selection. `render` is called once per catalogue version, host and
    selection (the service keeps what it made)."""

    name: str  # in cache keys and the API: 'ics', 'jcal', 'frab-xml'
    title: str  # for people: 'iCalendar', 'frab XML'
    about: str  # what it is, in a few words: 'iCalendar as JSON (RFC 7265)'
    media_type: str
    extension: str  # of its URLs and downloaded files, without the dot
    calendar: bool  # a calendar feed a client subscribes to (vs a document apps read)
    shape: Shape
    body: Body

    def key(self, selection: Selection) -> str:
        """What names a selection's document among all formats' (for its version)."""
        return f"{self.name} {selection!r}"

    def version(self, served: Served, selection: Selection, base_url: str, ttl: timedelta) -> str:
        """The version of this format's document for a selection, known without making it."""
        key = self.key(selection)
        return feed_version(served.catalogue, base_url=base_url, ttl=ttl, key=key)

    def render(self, served: Served, selection: Selection, base_url: str, ttl: timedelta) -> Feed:
        """The document for a checked selection, named, versioned and dated as its feed is."""
        catalogue = served.catalogue
        positions = catalogue.positions(selection)
        return Feed(
            [self.body(served, selection, base_url, ttl)],
            catalogue.name(selection),
            self.version(served, selection, base_url, ttl),
            catalogue.last_modified(positions),
            len(positions),
            shared=False,
        )


Piece = TypeVar("Piece")


class Pieces(Generic[Piece]):
    """Each session's piece of a format (its jCal, its frab event), made the first time a
    document holds it and kept for the catalogue version and host it was made for: a
    document is then joined from pieces, as a feed is from rendered VEVENTs, and costs a
    selection only what its sessions new to it cost."""

    KEPT = 4  # (catalogue version, host) pairs: the one in service, the one before, hosts

    def __init__(self, make: Callable[[Served, int, str], Piece]) -> None:
        self._make = make  # (served, position, base_url) → the piece
        self._tables: OrderedDict[tuple[str, str], list[Piece | None]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, served: Served, positions: Sequence[int], base_url: str) -> list[Piece]:
        """The pieces of the sessions at these positions, in order."""
        key = (served.catalogue.version, base_url)
        with self._lock:
            table = self._tables.get(key)
            if table is None:
                table = self._tables[key] = [None] * len(served.catalogue.entries)
                while len(self._tables) > self.KEPT:
                    self._tables.popitem(last=False)
        found = []
        for position in positions:
            piece = table[position]
            if piece is None:  # two threads may both make one: the same piece, kept once
                piece = table[position] = self._make(served, position, base_url)
            found.append(piece)
        return found


def xml_text(text: str) -> str:
    """Text an XML 1.0 document can hold: characters it cannot are left out."""
    return NOT_XML.sub("", text)
