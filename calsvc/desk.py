"""The organiser's desk, as the core sees it: what a new version of a conference's programme
would change in what is served, and publishing it the way the service reads its sources:
into the sources folder (each file written whole, then renamed in), or as a new version in
the revision store when the service serves published sources (`calsvc publish`)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import tomlkit

from .errors import ConfigError
from .model import DATA_FILE, Conference, Entry, Schedule, Session
from .sources.conferences import load_data_file
from .store.guard import too_many
from .store.queries import Store


@dataclass(frozen=True)
class Moved:
    """A session at another time or in another room: as it is served, and as it would be."""

    old: Session
    new: Session


@dataclass(frozen=True)
class Difference:
    """What publishing a version changes: sessions added, moved, cancelled, and how many stay."""

    added: list[Session] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    cancelled: list[Session] = field(default_factory=list)
    unchanged: int = 0

    @property
    def held(self) -> bool:
        """Whether it cancels more than half of what is served: the store holds such a
        version until it is confirmed (store/guard.py)."""
        live = len(self.cancelled) + len(self.moved) + self.unchanged
        return too_many(len(self.cancelled), live)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "moved": len(self.moved),
            "cancelled": len(self.cancelled),
            "unchanged": self.unchanged,
        }


def _where(session: Session) -> tuple[object, ...]:
    return (session.start, session.end, session.day, session.location)


def _in_time(session: Session) -> tuple[object, ...]:
    """Day by day, timed sessions by their start, then those with no time."""
    return (session.day, session.start is None, session.start)


def difference(served: Iterable[Entry], schedule: Schedule) -> Difference:
    """The change from the sessions served (cancelled ones aside) to a version's: by UID,
    and a session that moved to another day (a new UID) paired with the one it leaves by
    its title."""
    old = {e.session.uid: e.session for e in served if not e.revision.cancelled}
    new = {s.uid: s for s in schedule.sessions if s.day}
    gone = {uid: s for uid, s in old.items() if uid not in new}
    by_title = {(s.kind, s.title): s for s in gone.values()}
    moved = [
        Moved(old[uid], s) for uid, s in new.items() if uid in old and _where(old[uid]) != _where(s)
    ]
    unchanged = sum(1 for uid, s in new.items() if uid in old and _where(old[uid]) == _where(s))
    added = []
    for session in (s for uid, s in new.items() if uid not in old):
        was = by_title.pop((session.kind, session.title), None)
        if was is None:
            added.append(session)
        else:
            del gone[was.uid]
            moved.append(Moved(was, session))
    return Difference(
        sorted(added, key=_in_time),
        sorted(moved, key=lambda m: _in_time(m.new)),
        sorted(gone.values(), key=_in_time),
        unchanged,
    )


def publish_text(
    store: Store, folder: Path, conference: Conference, data: bytes, *, now: datetime
) -> str:
    """Puts a new version of a conference's programme file where the service reads it: a
    new published version in the store (the newest one with this file replaced) when the
    service serves published sources, else the file in the sources folder. Says where."""
    if conference.url is not None:
        raise ConfigError(conference.source, None, "is read from its address: change the address")
    return _put(store, folder, {Path(conference.source).name: data}, now=now)


def set_address(
    store: Store, folder: Path, conference: Conference, url: str, *, now: datetime
) -> str:
    """Makes a conference's programme the page at this address: its data-file entry gets
    `url` in place of `file` (kept, with the comments, as tomlkit writes it)."""
    current = _current_files(store, folder)
    data = current.get(DATA_FILE)
    if data is None:
        raise ConfigError(DATA_FILE, None, "there is no data file to give the address to")
    document = tomlkit.parse(data.decode("utf-8-sig"))
    entry = next(
        (t for t in document.get("source", []) if t.get("slug") == conference.slug),
        None,
    )
    if entry is None:
        raise ConfigError(DATA_FILE, None, f"no [[source]] entry has the slug {conference.slug}")
    if "file" in entry:
        del entry["file"]
    entry["url"] = url
    return _put(store, folder, {DATA_FILE: tomlkit.dumps(document).encode("utf-8")}, now=now)


def _current_files(store: Store, folder: Path) -> dict[str, bytes]:
    version = store.published_version()
    if version is not None:
        return store.published_files(version)
    data = folder / DATA_FILE
    return {DATA_FILE: data.read_bytes()} if data.is_file() else {}


def _put(store: Store, folder: Path, files: dict[str, bytes], *, now: datetime) -> str:
    version = store.published_version()
    if DATA_FILE in files:
        _check_data_file(files[DATA_FILE])
    if version is not None:
        number = store.publish({**store.published_files(version), **files}, now)
        return f"published version {number} to the revision store"
    for name, body in files.items():
        handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, folder / name)
    return f"wrote {', '.join(sorted(files))} in the sources folder"


def _check_data_file(body: bytes) -> None:
    """Refuses a data file the service would not load."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / DATA_FILE
        trial.write_bytes(body)
        problems = load_data_file(trial).problems
    if problems:
        first = problems[0].error
        raise ConfigError(DATA_FILE, first.line, f"not published: {first.message}")
