"""The catalogue: every session served, with its conference and revision, indexed for selection.

It is built whole by `Catalogue.build` and never changed, so threads share it freely. The
jobs it answers for are each done by the module that holds them: the filter index
(`index`), keyword search (`search`), feed names (`naming`) and zones (`spans`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..errors import NotFound, SelectionError
from ..model import Conference, Entry
from .index import Group, Index, index_of
from .naming import feed_name
from .search import Search, search_of
from .selection import Selection
from .shortids import every_id, short_ids
from .spans import Zone, Zones, zones_of_entries


@dataclass(frozen=True)
class Catalogue:
    """One version of every conference, its entries in time order, and their indexes."""

    conferences: dict[str, Conference]
    entries: tuple[Entry, ...]
    version: str  # a digest of every session's revision
    expires: datetime | None  # when the first CANCELLED entry is due to leave the feeds
    index: Index
    search: Search
    zones: Zones
    uids: dict[str, int]  # each session's position in `entries`
    short_ids: list[str]  # each entry's short id (shortids.py), by position
    picks: dict[str, int]  # the position of each short id
    retired: frozenset[str]  # ids of sessions removed so long ago that they are served no more

    @classmethod
    def build(
        cls,
        conferences: Iterable[Conference],
        entries: Iterable[Entry],
        *,
        keep_cancelled: timedelta,
        retired: Sequence[str] = (),
    ) -> Catalogue:
        """The catalogue of these entries; `retired` are the UIDs of sessions the store keeps
        but no longer serves, whose ids a personal link may still carry."""
        ordered = tuple(sorted(entries, key=time_order))
        ids = short_ids([e.session.uid for e in ordered])
        ends = [e.revision.modified + keep_cancelled for e in ordered if e.revision.cancelled]
        return cls(
            conferences={c.slug: c for c in conferences},
            entries=ordered,
            version=catalogue_version(ordered),
            expires=min(ends, default=None),
            index=index_of(ordered),
            search=search_of(e.session for e in ordered),
            zones=zones_of_entries(ordered),
            uids={e.session.uid: position for position, e in enumerate(ordered)},
            short_ids=ids,
            picks={short: position for position, short in enumerate(ids)},
            retired=every_id(retired),
        )

    @property
    def tracks(self) -> dict[tuple[str, str], Group]:
        return self.index.tracks

    @property
    def kinds(self) -> dict[tuple[str, str], Group]:
        return self.index.kinds

    def expired(self, now: datetime) -> bool:
        """Whether a CANCELLED entry is due to leave the feeds by now."""
        return self.expires is not None and now >= self.expires

    def check(self, selection: Selection) -> Selection:
        """The selection, once it is known to name only what the catalogue has: NotFound for
        a conference, track or kind that no conference has, SelectionError for a session id
        it never had. The one check of a request's selection; what selects and names
        (positions, select, name) takes a checked one.

        Filters combine with AND, so a kind that exists, asked of a conference without it,
        is an empty selection rather than an error.
        """
        for slug in selection.conferences:
            if slug not in self.conferences:
                raise NotFound("conference", slug, self.conferences)
        for what, slugs in (("track", selection.tracks), ("kind", selection.kinds)):
            known = self.index.slugs(what)
            for slug in slugs:
                if slug not in known:
                    raise NotFound(what, slug, known)
        for short in selection.sessions:
            if short not in self.picks and short not in self.retired:
                raise SelectionError("s", short, "ids of sessions this programme has or had")
        return selection

    def require(
        self, conference: str, *, track: str | None = None, kind: str | None = None
    ) -> None:
        """Raises NotFound unless the conference has this track or kind (a feed's own path)."""
        if conference not in self.conferences:
            raise NotFound("conference", conference, self.conferences)
        for what, slug, groups in (("track", track, self.tracks), ("kind", kind, self.kinds)):
            if slug is not None and (conference, slug) not in groups:
                raise NotFound(what, slug, {s for (c, s) in groups if c == conference})

    def select(self, selection: Selection) -> list[Entry]:
        """The entries a checked selection holds, in time order."""
        return [self.entries[p] for p in self.positions(selection)]

    def positions(self, selection: Selection) -> list[int]:
        """Where in `entries` the sessions of a checked selection are, in time order."""
        chosen: set[int] | None = None
        for name, values in (
            ("conference", selection.conferences),
            ("track", selection.tracks),
            ("kind", selection.kinds),
            ("day", selection.days),
        ):
            if values:
                matching = self.index.holding(name, values)
                chosen = matching if chosen is None else chosen & matching
        if selection.sessions:
            picked = {self.picks[s] for s in selection.sessions if s in self.picks}
            chosen = picked if chosen is None else chosen & picked
        if selection.queries:
            found = set().union(*(self.search.containing_all(w) for w in selection.queries))
            chosen = found if chosen is None else chosen & found
        return list(range(len(self.entries))) if chosen is None else sorted(chosen)

    def short_id(self, uid: str) -> str | None:
        """The short id of a session served, for personal links; None for one not served."""
        position = self.uids.get(uid)
        return None if position is None else self.short_ids[position]

    def entry(self, uid: str) -> Entry:
        return self.entries[self.position(uid)]

    def position(self, uid: str) -> int:
        try:
            return self.uids[uid]
        except KeyError:
            raise NotFound("session", uid, ()) from None

    def name(self, selection: Selection) -> str:
        """A feed's name from what a checked selection holds: 'MLSys 2023 · Posters'."""
        return feed_name(selection, self.conferences, self.index)

    def last_modified(self, positions: Sequence[int]) -> datetime:
        """When the newest of these entries changed (or any entry, for an empty feed)."""
        pool = [self.entries[p] for p in positions] or self.entries
        return max((e.revision.modified for e in pool), default=datetime(2000, 1, 1, tzinfo=UTC))

    def zones_for(self, positions: Iterable[int]) -> list[Zone]:
        """The VTIMEZONEs these entries need, each spanning the years of the whole catalogue."""
        return self.zones.needed_by(positions)

    def count(self, conference: str) -> int:
        """How many sessions a conference has in service."""
        return len(self.index.positions.get(("conference", conference), ()))

    def days(self, conference: str | None = None) -> list[date]:
        """The days that have sessions, in one conference or in all."""
        found = {e.session.day for e in self.entries if conference in (None, e.session.conference)}
        return sorted(day for day in found if day is not None)


def time_order(entry: Entry) -> tuple[str, str]:
    """The order of a catalogue's entries, and of every feed: by their start, then UID."""
    session = entry.session
    when = session.start.astimezone(UTC).isoformat() if session.start else f"{session.day}T00"
    return (when, session.uid)


def catalogue_version(entries: Sequence[Entry]) -> str:
    """A catalogue's version: a digest of every session's revision."""
    revisions = sorted(
        (e.session.uid, e.revision.sequence, e.revision.modified.isoformat(), e.revision.cancelled)
        for e in entries
    )
    return hashlib.sha256(repr(revisions).encode()).hexdigest()[:16]
