"""The filter index of a catalogue: where the sessions of each conference, track, kind and day
are, and the tracks and kinds (groups) each conference has."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Entry, Session


@dataclass(frozen=True, slots=True)
class Group:
    """A track or a kind within a conference: what per-track and per-kind feeds are made of."""

    conference: str
    slug: str
    name: str
    kinds: tuple[str, ...]
    sessions: int


Key = tuple[str, object]  # ('track', 'systems'), ('day', date(2023, 6, 6)), …


@dataclass(frozen=True)
class Index:
    """Positions by conference, track, kind and day; groups by (conference, slug)."""

    positions: dict[Key, frozenset[int]]
    tracks: dict[tuple[str, str], Group]
    kinds: dict[tuple[str, str], Group]
    track_slugs: frozenset[str]  # of any conference
    kind_slugs: frozenset[str]

    def holding(self, name: str, values: Iterable[object]) -> set[int]:
        """The positions of sessions with any of these values: ('kind', ['poster', 'oral'])."""
        return set().union(*(self.positions.get((name, v), ()) for v in values))

    def slugs(self, name: str) -> frozenset[str]:
        """Every track (name='track') or kind slug of any conference."""
        return self.track_slugs if name == "track" else self.kind_slugs


def _keys(session: Session) -> list[Key]:
    keys: list[Key] = [
        ("conference", session.conference),
        ("kind", session.kind_slug),
        ("day", session.day),
    ]
    return keys + [("track", session.track_slug)] if session.track_slug else keys


def index_of(entries: Sequence[Entry]) -> Index:
    """The index of entries in this order."""
    positions: dict[Key, set[int]] = {}
    tracks: dict[tuple[str, str], list[Session]] = {}
    kinds: dict[tuple[str, str], list[Session]] = {}
    for position, entry in enumerate(entries):
        session = entry.session
        for key in _keys(session):
            positions.setdefault(key, set()).add(position)
        if session.track_slug:
            tracks.setdefault((session.conference, session.track_slug), []).append(session)
        kinds.setdefault((session.conference, session.kind_slug), []).append(session)
    return Index(
        {key: frozenset(found) for key, found in positions.items()},
        {key: _track(key, sessions) for key, sessions in sorted(tracks.items())},
        {key: _kind(key, sessions) for key, sessions in sorted(kinds.items())},
        frozenset(slug for _, slug in tracks),
        frozenset(slug for _, slug in kinds),
    )


def _track(key: tuple[str, str], sessions: list[Session]) -> Group:
    kinds = tuple(sorted({s.kind_slug for s in sessions}))
    return Group(key[0], key[1], sessions[0].track or key[1], kinds, len(sessions))


def _kind(key: tuple[str, str], sessions: list[Session]) -> Group:
    return Group(key[0], key[1], sessions[0].kind, (key[1],), len(sessions))
