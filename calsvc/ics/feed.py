"""Feeds as the pieces they are joined from: every event rendered once, when its catalogue is
built (`Rendered`); a feed assembled from them under a calendar head (`assemble`); assembled
feeds kept by what they follow from (`FeedCache`).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any, NamedTuple

from .. import __version__
from ..catalogue.catalogue import Catalogue
from ..catalogue.spans import zones_of
from ..model import Entry, Revision, Session
from .render import CALENDAR_TAIL, EVENT_TAIL, calendar_head, event_body, session_page, url_line

# A feed kept is a list of references to the catalogue's rendered pieces, two per event, so
# many are kept in little memory; a document of another format (jCal, frab, CSV) holds its own
# bytes. The bound holds however many selections are asked for: about the whole programme in
# every format at 10,000 sessions.
FEED_CACHE_BYTES = 64 * 1024 * 1024
REFERENCE_BYTES = 8


RenderingKey = tuple[Session, Revision, str, str | None]


def _rendering_key(entry: Entry) -> RenderingKey:
    """What an event body follows from: equal keys, equal bytes (see event_body)."""
    conference = entry.conference
    return (entry.session, entry.revision, conference.name, conference.venue)


class Rendered:
    """Every entry's VEVENT, rendered when its catalogue is built, so requests only join bytes.

    The body of each event is made once (or taken from the previous catalogue when nothing it
    shows changed); its URL line, the part that depends on the host a feed is served for, is
    made the first time a feed with that event is asked for on that host, for at most a few
    hosts.
    """

    MAX_BASE_URLS = 4  # behind proxies a service answers to a few names; more would be abuse

    def __init__(self, entries: Sequence[Entry], previous: Rendered | None = None) -> None:
        reuse = dict(zip(previous._keys, previous._bodies, strict=True)) if previous else {}
        self._keys: list[RenderingKey] = [_rendering_key(e) for e in entries]
        self._uids = [e.session.uid for e in entries]
        bodies: list[bytes] = []
        self.made = 0  # how many were rendered now, not reused
        for key, entry in zip(self._keys, entries, strict=True):
            body = reuse.get(key)
            if body is None:
                body = event_body(entry.session, entry.conference, entry.revision)
                self.made += 1
            bodies.append(body)
        self._bodies: list[bytes] = bodies
        self._tails: dict[str, list[bytes | None]] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        """What a snapshot keeps: the bodies, not the per-host URL lines or the lock."""
        return {"_keys": self._keys, "_uids": self._uids, "_bodies": self._bodies, "made": 0}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._tails = {}
        self._lock = threading.Lock()

    def events(self, positions: Sequence[int], *, base_url: str) -> list[bytes]:
        """The VEVENTs at these positions, as pieces to join: two for each event."""
        tails = self._tails_for(base_url)
        bodies, uids = self._bodies, self._uids
        pieces: list[bytes] = []
        for position in positions:
            tail = tails[position]
            if tail is None:
                tail = tails[position] = (
                    url_line(session_page(base_url, uids[position])) + EVENT_TAIL
                )
            pieces += (bodies[position], tail)
        return pieces

    def size(self, positions: Sequence[int]) -> int:
        """The bytes of these events in a feed, but for their URL lines (those depend on the
        host): how large a feed is at least, without assembling it."""
        bodies = self._bodies
        return sum(len(bodies[position]) for position in positions)

    def _tails_for(self, base_url: str) -> list[bytes | None]:
        with self._lock:
            tails = self._tails.get(base_url)
            if tails is None:
                if len(self._tails) >= self.MAX_BASE_URLS:
                    del self._tails[next(iter(self._tails))]
                tails = self._tails[base_url] = [None] * len(self._bodies)
            return tails


class Served(NamedTuple):
    """A catalogue and its events rendered: built together, put in service together, so no
    request ever joins the events of one version under the index of another."""

    catalogue: Catalogue
    rendered: Rendered


def render_all(catalogue: Catalogue, previous: Served | None = None) -> Served:
    """The catalogue with every event rendered, or reused from `previous` where it holds."""
    return Served(catalogue, Rendered(catalogue.entries, previous.rendered if previous else None))


@dataclass(frozen=True)
class Feed:
    """A calendar as the pieces it is joined from (rendered once, shared with the catalogue):
    its `version`, a digest of all its bytes follow from, and when its sessions last changed.
    Joining is left to whoever needs the bytes: `body` for all of them at once, `blocks()` to
    send them without a copy of the whole."""

    pieces: Sequence[bytes]
    name: str
    version: str
    last_modified: datetime
    events: int
    shared: bool = True  # the pieces are the catalogue's own (else bytes made for this feed)

    BLOCK = 256 * 1024

    @cached_property
    def size(self) -> int:
        return sum(map(len, self.pieces))

    @cached_property
    def body(self) -> bytes:
        return b"".join(self.pieces)

    def blocks(self) -> Iterator[bytes]:
        """The bytes in blocks of about BLOCK octets."""
        block: list[bytes] = []
        length = 0
        for piece in self.pieces:
            block.append(piece)
            length += len(piece)
            if length >= self.BLOCK:
                yield b"".join(block)
                block, length = [], 0
        if block:
            yield b"".join(block)


def assemble(
    served: Served,
    name: str,
    positions: list[int],
    *,
    base_url: str,
    ttl: timedelta,
    key: str,
) -> Feed:
    """The events at `positions` under a calendar head named `name`; `key` says which
    selection they are, for the feed's version."""
    catalogue = served.catalogue
    head = feed_head(catalogue, name, positions, ttl=ttl)
    events = served.rendered.events(positions, base_url=base_url)
    version = feed_version(catalogue, base_url=base_url, ttl=ttl, key=key)
    pieces = [head, *events, CALENDAR_TAIL]
    return Feed(pieces, name, version, catalogue.last_modified(positions), len(positions))


def unpublished_calendar(entries: Sequence[Entry], name: str, *, ttl: timedelta) -> bytes:
    """A calendar of entries no catalogue serves (a programme tried before it is published):
    the VEVENTs a feed would carry, but without URLs, since their sessions have no pages."""
    head = calendar_head(
        name=name,
        description=f"{name}: sessions read from a programme not yet published.",
        zones=zones_of(e.session for e in entries),
        ttl=ttl,
    )
    events = [event_body(e.session, e.conference, e.revision) + EVENT_TAIL for e in entries]
    return b"".join([head, *events, CALENDAR_TAIL])


def feed_head(catalogue: Catalogue, name: str, positions: list[int], *, ttl: timedelta) -> bytes:
    """The calendar head of a feed named `name`: its properties and the VTIMEZONEs the
    events at `positions` need."""
    return calendar_head(
        name=name,
        description=f"{name}: sessions from the published programme.",
        zones=catalogue.zones_for(positions),
        ttl=ttl,
    )


def feed_version(catalogue: Catalogue, *, base_url: str, ttl: timedelta, key: str) -> str:
    """A feed's bytes follow from these alone, so their digest names them (an ETag, a cache
    key) without the body being made."""
    identity = "\0".join([__version__, catalogue.version, base_url, str(ttl), key])
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def _weight(feed: Feed) -> int:
    return REFERENCE_BYTES * len(feed.pieces) if feed.shared else feed.size


class FeedCache:
    """Assembled feeds by (catalogue version, base URL, selection); least recently used go first."""

    def __init__(self, max_bytes: int = FEED_CACHE_BYTES) -> None:
        self._feeds: OrderedDict[tuple[Any, ...], Feed] = OrderedDict()
        self._bytes, self._max_bytes = 0, max_bytes
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Feed | None:
        with self._lock:
            feed = self._feeds.get(key)
            if feed is not None:
                self._feeds.move_to_end(key)
            return feed

    def put(self, key: tuple[Any, ...], feed: Feed) -> None:
        with self._lock:
            if key in self._feeds or _weight(feed) > self._max_bytes:
                return
            self._feeds[key] = feed
            self._bytes += _weight(feed)
            while self._bytes > self._max_bytes:
                _, old = self._feeds.popitem(last=False)
                self._bytes -= _weight(old)

    def clear(self) -> None:
        with self._lock:
            self._feeds.clear()
            self._bytes = 0

    def __len__(self) -> int:
        """How many assembled feeds are kept."""
        with self._lock:
            return len(self._feeds)
