"""The catalogue: every session served, with its conference and revision, indexed for selection."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from .errors import NotFound
from .kinds import plural
from .model import Conference, Entry, Session
from .search import Search
from .selection import Selection
from .spans import Zone, zones_of


@dataclass(frozen=True, slots=True)
class Group:
    """A track or a kind within a conference: what per-track and per-kind feeds are made of."""

    conference: str
    slug: str
    name: str
    kinds: tuple[str, ...]
    sessions: int


def _search_text(session: Session) -> str:
    parts = [session.title]
    for item in session.items:
        parts += [item.title or "", item.authors or "", item.abstract or ""]
    return "\n".join(parts).casefold()


def _sort_key(entry: Entry) -> tuple[str, str]:
    session = entry.session
    when = session.start.astimezone(UTC).isoformat() if session.start else f"{session.day}T00"
    return (when, session.uid)


@dataclass(frozen=True)
class Catalogue:
    """An immutable snapshot: one version of every conference, safe to share between threads."""

    conferences: dict[str, Conference]
    entries: tuple[Entry, ...]
    version: str
    expires: datetime | None = None  # when the first CANCELLED entry is due to leave the feeds
    tracks: dict[tuple[str, str], Group] = field(init=False)
    kinds: dict[tuple[str, str], Group] = field(init=False)
    zones: dict[str, Zone] = field(init=False)
    _track_slugs: frozenset[str] = field(init=False)
    _kind_slugs: frozenset[str] = field(init=False)
    _position: dict[str, int] = field(init=False)
    _zone_of: list[str | None] = field(init=False)
    _index: dict[tuple[str, object], set[int]] = field(init=False)
    _search: Search = field(init=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, object], set[int]] = {}
        tracks: dict[tuple[str, str], list[Session]] = {}
        kinds: dict[tuple[str, str], list[Session]] = {}
        for position, entry in enumerate(self.entries):
            session = entry.session
            keys: list[tuple[str, object]] = [
                ("conference", session.conference),
                ("kind", session.kind_slug),
                ("day", session.day),
            ]
            if session.track_slug:
                keys.append(("track", session.track_slug))
                tracks.setdefault((session.conference, session.track_slug), []).append(session)
            kinds.setdefault((session.conference, session.kind_slug), []).append(session)
            for key in keys:
                index.setdefault(key, set()).add(position)
        object.__setattr__(self, "_track_slugs", frozenset(slug for _, slug in tracks))
        object.__setattr__(self, "_kind_slugs", frozenset(slug for _, slug in kinds))
        object.__setattr__(
            self, "_position", {e.session.uid: p for p, e in enumerate(self.entries)}
        )
        zone_of = [e.session.timezone if e.session.timed else None for e in self.entries]
        object.__setattr__(self, "_zone_of", zone_of)
        # One VTIMEZONE per zone for every feed: clients that cache zones by TZID
        # (vobject does) would misread a feed whose VTIMEZONE covers other years.
        object.__setattr__(
            self, "zones", {z.name: z for z in zones_of(e.session for e in self.entries)}
        )
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_search", Search([_search_text(e.session) for e in self.entries]))
        object.__setattr__(
            self,
            "tracks",
            {
                key: Group(
                    key[0],
                    key[1],
                    sessions[0].track or key[1],
                    tuple(sorted({s.kind_slug for s in sessions})),
                    len(sessions),
                )
                for key, sessions in sorted(tracks.items())
            },
        )
        object.__setattr__(
            self,
            "kinds",
            {
                key: Group(key[0], key[1], sessions[0].kind, (key[1],), len(sessions))
                for key, sessions in sorted(kinds.items())
            },
        )

    @classmethod
    def build(
        cls,
        conferences: Iterable[Conference],
        entries: Iterable[Entry],
        *,
        keep_cancelled: timedelta,
    ) -> Catalogue:
        entries = tuple(sorted(entries, key=_sort_key))
        version = catalogue_version(entries)
        ends = [e.revision.modified + keep_cancelled for e in entries if e.revision.cancelled]
        return cls({c.slug: c for c in conferences}, entries, version, min(ends, default=None))

    def expired(self, now: datetime) -> bool:
        """Whether a CANCELLED entry is due to leave the feeds by now."""
        return self.expires is not None and now >= self.expires

    def check(self, selection: Selection) -> None:
        """Raises NotFound for a conference, track or kind that no conference has.

        Filters combine with AND, so a kind that exists, asked of a conference without it,
        is an empty selection rather than an error.
        """
        for slug in selection.conferences:
            if slug not in self.conferences:
                raise NotFound("conference", slug, self.conferences)
        for what, slugs, known in (
            ("track", selection.tracks, self._track_slugs),
            ("kind", selection.kinds, self._kind_slugs),
        ):
            for slug in slugs:
                if slug not in known:
                    raise NotFound(what, slug, known)

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
        """The entries a selection holds, in time order; raises NotFound for unknown slugs."""
        return [self.entries[p] for p in self.positions(selection)]

    def positions(self, selection: Selection) -> list[int]:
        """Where in `entries` the selected sessions are, in time order."""
        self.check(selection)
        chosen: set[int] | None = None
        for name, values in (
            ("conference", selection.conferences),
            ("track", selection.tracks),
            ("kind", selection.kinds),
            ("day", selection.days),
        ):
            if values:
                matching = set().union(*(self._index.get((name, v), set()) for v in values))
                chosen = matching if chosen is None else chosen & matching
        if selection.queries:
            found = set().union(*(self._search.containing_all(w) for w in selection.queries))
            chosen = found if chosen is None else chosen & found
        return list(range(len(self.entries))) if chosen is None else sorted(chosen)

    def entry(self, uid: str) -> Entry:
        return self.entries[self.position(uid)]

    def position(self, uid: str) -> int:
        try:
            return self._position[uid]
        except KeyError:
            raise NotFound("session", uid, ()) from None

    def name(self, selection: Selection) -> str:
        """A feed's name from what it holds: 'MLSys 2023 · Posters'; NotFound for unknown slugs."""
        self.check(selection)
        conferences = selection.conferences or (
            tuple(self.conferences) if len(self.conferences) == 1 else ()
        )
        parts = [" + ".join(self.conferences[c].name for c in conferences) or "All conferences"]
        scope = conferences or tuple(self.conferences)
        parts += _listed(_group_names(self.tracks, selection.tracks, scope))
        parts += _listed(plural(n) for n in _group_names(self.kinds, selection.kinds, scope))
        parts += _listed(f"{d:%a %-d %b}" for d in selection.days)
        parts += _listed(f"“{' '.join(words)}”" for words in selection.queries)
        return " · ".join(p for p in parts if p)

    def last_modified(self, positions: Sequence[int]) -> datetime:
        """When the newest of these entries changed (or any entry, for an empty feed)."""
        pool = [self.entries[p] for p in positions] or self.entries
        return max((e.revision.modified for e in pool), default=datetime(2000, 1, 1, tzinfo=UTC))

    def zones_for(self, positions: Iterable[int]) -> list[Zone]:
        """The VTIMEZONEs these entries need, each spanning the years of the whole catalogue."""
        names = {name for p in positions if (name := self._zone_of[p]) is not None}
        return [self.zones[name] for name in sorted(names)]

    def count(self, conference: str) -> int:
        """How many sessions a conference has in service."""
        return len(self._index.get(("conference", conference), ()))

    def days(self, conference: str | None = None) -> list[date]:
        """The days that have sessions, in one conference or in all."""
        found = {e.session.day for e in self.entries if conference in (None, e.session.conference)}
        return sorted(day for day in found if day is not None)


def _group_names(
    groups: dict[tuple[str, str], Group], slugs: Sequence[str], conferences: Sequence[str]
) -> list[str]:
    names = {
        groups[key].name: None
        for slug in slugs
        for c in conferences
        if (key := (c, slug)) in groups
    }
    return list(names)


def _listed(names: Iterable[str], limit: int = 3) -> list[str]:
    names = list(names)
    if len(names) > limit:
        return [" + ".join(names[:limit]) + f" + {len(names) - limit} more"]
    return [" + ".join(names)] if names else []


def catalogue_version(entries: Sequence[Entry]) -> str:
    """A catalogue's version: a digest of every session's revision."""
    revisions = sorted(
        (e.session.uid, e.revision.sequence, e.revision.modified.isoformat(), e.revision.cancelled)
        for e in entries
    )
    return hashlib.sha256(repr(revisions).encode()).hexdigest()[:16]
