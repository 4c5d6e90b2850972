"""The schedule model: frozen values that every later step reads and none changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

from .kinds import slugify

DATA_FILE = "conferences.toml"  # the file that describes a folder's conferences

Level = Literal["error", "warning", "info"]


UNREAD = "unread-header"  # a diagnostic's code for a line with a date or time not understood


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something a person should know about one line of a source."""

    source: str
    line: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.level}: {self.message}"


@dataclass(frozen=True, slots=True)
class Item:
    """One paper or talk inside a session; any part may be missing."""

    title: str | None = None
    authors: str | None = None
    abstract: str | None = None
    bio: str | None = None


FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a programme may be in


@dataclass(frozen=True, slots=True)
class Conference:
    """The facts about one source, from the data file (or inferred)."""

    slug: str
    name: str
    timezone: str
    source: str
    year: int | None = None
    date: date | None = None  # the one day of a programme whose page gives no day headings
    venue: str | None = None
    homepage: str | None = None
    durations: Mapping[str, int] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)  # label → kind, added to the vocabulary
    described: bool = True  # False: no data-file entry; slug, name and zone were inferred
    url: str | None = None  # a page fetched by its address (source is then the address)
    refresh_minutes: int = 15  # how often that page is fetched again
    cancel_freely: bool = False  # the data file says: record a version however much it cancels
    notes: bool = False  # the data file says: notes (abstracts, minutes), read but not served
    read_page: bool = True  # the read page may show its source (false: a text not public)

    def duration_minutes(self, kind_slug: str) -> int:
        """The default length of a session of this kind, in minutes."""
        return self.durations.get(kind_slug, self.durations.get("other", 60))


@dataclass(frozen=True, slots=True)
class Session:
    """One session: timed (start and end) or untimed (a date at most)."""

    uid: str
    source: str
    line: int
    conference: str
    kind: str
    track: str | None
    title: str  # the label as the page wrote it: 'Oral Session 5: Generative Models'
    day: date | None
    start: datetime | None
    end: datetime | None
    end_inferred: bool
    timezone: str
    location: str | None
    items: tuple[Item, ...]

    @property
    def timed(self) -> bool:
        return self.start is not None

    @property
    def kind_slug(self) -> str:
        return slugify(self.kind)

    @property
    def track_slug(self) -> str | None:
        return slugify(self.track) if self.track else None


@dataclass(frozen=True, slots=True)
class Schedule:
    """Everything read from one source: its conference, sessions and diagnostics."""

    conference: Conference
    sessions: tuple[Session, ...]
    diagnostics: tuple[Diagnostic, ...]
    zones: tuple[str, ...] = ()  # the zone abbreviations its headers write ('PDT', 'CET')

    @property
    def timed(self) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.timed)

    @property
    def untimed(self) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if not s.timed)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "error")


@dataclass(frozen=True, slots=True)
class Revision:
    """What the revision store knows of a session: its version and when it last changed."""

    sequence: int
    created: datetime
    modified: datetime
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """A session as feeds serve it: with its conference and its revision."""

    session: Session
    conference: Conference
    revision: Revision


def shown_location(session: Session, conference: Conference) -> str | None:
    """Where a session is, as every feed and page shows it: its room, else the venue."""
    return session.location or conference.venue


def utc_now() -> datetime:
    """The current time in UTC, to the second: the one reading of the clock, made by callers."""
    return datetime.now(UTC).replace(microsecond=0)
