"""The revision store: per session, what subscribers saw, its SEQUENCE and when it changed.

SQLite, one row per UID. Several server processes share one file: every sync runs in one
IMMEDIATE transaction, and a sync that finds nothing new writes nothing, so the second
process to see a change reads the revision the first one wrote.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..codec import SessionJson
from ..errors import ConfigError, StoreError
from ..model import Revision
from .recording import Change, Current, read_changes, record

_SCHEMA = """
CREATE TABLE IF NOT EXISTS revisions (
    uid TEXT PRIMARY KEY,
    conference TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    session TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS revisions_conference ON revisions (conference);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS told (key TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY,
    conference TEXT NOT NULL,
    uid TEXT NOT NULL,
    seen TEXT NOT NULL,
    change TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX IF NOT EXISTS changes_conference ON changes (conference, id);
INSERT OR IGNORE INTO meta VALUES ('generation', 0);
"""


_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Stored:
    """A row: the revision, and the session's JSON where it is needed (cancelled sessions, or
    every session of a source that cannot be read)."""

    uid: str
    revision: Revision
    session: SessionJson | None

    @property
    def kept(self) -> SessionJson:
        """The session's JSON, which served() gives for every row and sync() for every
        session not in the source."""
        assert self.session is not None, f"the store kept no JSON for {self.uid}"
        return self.session


class RevisionStore:
    """Remembers each session's revision across restarts and processes."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._lock = threading.Lock()  # one connection, shared by a process's threads
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._identity = self._file_identity()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(self.path, None, f"cannot open the revision store: {exc}") from exc

    def _file_identity(self) -> tuple[int, int] | None:
        if self.path == ":memory:":
            return None
        stat = os.stat(self.path)
        return stat.st_dev, stat.st_ino

    def _check_file(self) -> None:
        """Refuses to go on with a store file that was deleted, replaced or written over since
        it was opened: writes would go to a file nobody will ever open again, or be mixed into
        another program's bytes (SQLite in WAL mode trusts its own index and would not see)."""
        if self.path == ":memory:":
            return
        try:
            same = self._file_identity() == self._identity
            with open(self.path, "rb") as file:
                header = file.read(len(_HEADER))
        except FileNotFoundError:
            same, header = False, _HEADER
        if not same:
            problem = "deleted or replaced"
        elif header != _HEADER:
            problem = "written over by something else (it no longer starts as an SQLite file)"
        else:
            return
        raise StoreError(
            self.path,
            None,
            f"the revision store file was {problem} while the service ran; nothing more is "
            "written to it. Restore it from a backup (or remove it to start afresh) and "
            "restart the service",
        )

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for one read; any database error becomes a StoreError."""
        with self._lock:
            self._check_file()
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise StoreError(self.path, None, f"the revision store failed: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction; the error that broke it is the one reported."""
        with self._reading() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:  # SQLite may have rolled back already (disk full)
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def first_to_tell(self, key: str, digest: str) -> bool:
        """True for the first process to ask about this version (digest) of this thing (key):
        the workers of one server read each source, and only one should log what it found."""
        with self._transaction() as db:
            before = db.total_changes
            db.execute(
                "INSERT INTO told VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET digest = "
                "excluded.digest WHERE digest != excluded.digest",
                (key, digest),
            )
            return db.total_changes != before

    def generation(self) -> int:
        """A counter every write raises: another process moved the store when it changed."""
        with self._reading() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            return int(row[0])

    def sync(
        self,
        conference: str,
        sessions: Iterable[Current],
        now: datetime,
        *,
        keep_cancelled: timedelta,
    ) -> list[Stored]:
        """Records the conference's sessions as they are now; returns every row still to be served.

        New sessions start at SEQUENCE 0; changed ones (or ones back from cancellation) go up
        by one with LAST-MODIFIED now; missing ones become CANCELLED, one higher, and are
        served until keep_cancelled has passed.
        """
        current = {s.uid: s for s in sessions}
        with self._transaction() as db:
            rows = {
                row[0]: row
                for row in db.execute(
                    "SELECT uid, fingerprint, sequence, cancelled FROM revisions "
                    "WHERE conference = ?",
                    (conference,),
                )
            }
            writes = db.total_changes
            record(db, conference, current, rows, now.isoformat(), history=bool(rows))
            if db.total_changes != writes:
                db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
            return self._served(db, conference, now, keep_cancelled)

    def changes(self, conference: str, *, limit: int = 500) -> list[Change]:
        """What changed in a conference's sessions since it was first recorded, newest first."""
        with self._reading() as db:
            return read_changes(db, conference, limit)

    def retired(self, conference: str, now: datetime, *, keep_cancelled: timedelta) -> list[str]:
        """The UIDs of the conference's sessions cancelled long enough ago to be served no more."""
        cutoff = (now - keep_cancelled).isoformat()
        with self._reading() as db:
            rows = db.execute(
                "SELECT uid FROM revisions WHERE conference = ? AND cancelled = 1 AND modified < ?",
                (conference, cutoff),
            ).fetchall()
        return [uid for (uid,) in rows]

    def served(self, conference: str, now: datetime, *, keep_cancelled: timedelta) -> list[Stored]:
        """The rows a conference's feeds serve, with every session's JSON, recording nothing."""
        with self._reading() as db:
            return self._served(db, conference, now, keep_cancelled, all_sessions=True)

    def _served(
        self,
        db: sqlite3.Connection,
        conference: str,
        now: datetime,
        keep_cancelled: timedelta,
        *,
        all_sessions: bool = False,
    ) -> list[Stored]:
        # Decoding every session's JSON on each reload would cost far more than the rows.
        cutoff = (now - keep_cancelled).isoformat()
        served = db.execute(
            "SELECT uid, sequence, created, modified, cancelled, "
            "CASE WHEN cancelled = 1 OR ? THEN session END FROM revisions "
            "WHERE conference = ? AND (cancelled = 0 OR modified >= ?) ORDER BY uid",
            (all_sessions, conference, cutoff),
        ).fetchall()
        return [
            Stored(
                uid,
                Revision(
                    sequence,
                    datetime.fromisoformat(created),
                    datetime.fromisoformat(modified),
                    bool(cancelled),
                ),
                json.loads(session) if session is not None else None,
            )
            for uid, sequence, created, modified, cancelled, session in served
        ]

    def close(self) -> None:
        self._db.close()
