"""The queries of a revision store, the same on SQLite and PostgreSQL: each store gives them a
connection for one read (`_reading`) or one transaction (`_transaction`), and they write
their SQL with `?` placeholders (the PostgreSQL store turns them into `%s`)."""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..codec import SessionJson
from ..model import Revision
from . import guard
from .guard import Held, HeldVersion
from .leases import Leases
from .moves import recorded_uids, under_recorded
from .organisers import Organisers
from .publications import Publications
from .recording import Change, Connection, Current, read_changes, record

# The schema, as migrations (version, statements) both stores apply once each, in order:
# appended to, never edited once released. `{identity}` is each database's own
# auto-numbered key, `{binary}` its type for bytes, `{random_mark}` a random positive int4.
MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
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
        INSERT INTO meta VALUES ('generation', 0) ON CONFLICT DO NOTHING;
        CREATE TABLE IF NOT EXISTS told (key TEXT PRIMARY KEY, digest TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS changes (
            id {identity},
            conference TEXT NOT NULL,
            uid TEXT NOT NULL,
            seen TEXT NOT NULL,
            change TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX IF NOT EXISTS changes_conference ON changes (conference, id);
        """,
    ),
    (
        2,
        """
        CREATE TABLE IF NOT EXISTS published (
            version INTEGER NOT NULL,
            file TEXT NOT NULL,
            body {binary} NOT NULL,
            published TEXT NOT NULL,
            PRIMARY KEY (version, file)
        );
        """,
    ),
    (
        3,
        """
        CREATE TABLE IF NOT EXISTS aliases (
            uid TEXT PRIMARY KEY,
            recorded TEXT NOT NULL,
            conference TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS aliases_conference ON aliases (conference);
        """,
    ),
    (
        4,
        """
        INSERT INTO meta VALUES ('mark', {random_mark}) ON CONFLICT DO NOTHING;
        CREATE TABLE IF NOT EXISTS servers (
            id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            sources TEXT NOT NULL,
            digest TEXT NOT NULL,
            heartbeat TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS held (
            conference TEXT PRIMARY KEY,
            digest TEXT NOT NULL,
            cancelling TEXT NOT NULL,
            live INTEGER NOT NULL,
            seen TEXT NOT NULL,
            confirmed INTEGER NOT NULL
        );
        """,
    ),
    (
        5,
        """
        CREATE TABLE IF NOT EXISTS organisers (
            name TEXT PRIMARY KEY,
            secret TEXT NOT NULL,
            conferences TEXT NOT NULL,
            added TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS desk_publishes (
            id {identity},
            conference TEXT NOT NULL,
            organiser TEXT NOT NULL,
            published TEXT NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS desk_publishes_conference ON desk_publishes (conference, id);
        CREATE TABLE IF NOT EXISTS site_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
]
TYPES = {
    "sqlite": {
        "identity": "INTEGER PRIMARY KEY",
        "binary": "BLOB",
        "random_mark": "abs(random() % 2147483647) + 1",
    },
    "postgres": {
        "identity": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "binary": "BYTEA",
        "random_mark": "floor(random() * 2147483646)::int + 1",
    },
}


def moved(db: Connection) -> None:
    """Marks the store as written: its counter one higher, a new random mark."""
    db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
    db.execute("UPDATE meta SET value = ? WHERE key = 'mark'", (secrets.randbelow(2**31 - 1) + 1,))


@dataclass(frozen=True, slots=True)
class Stored:
    """A row: the revision, and the session's JSON where it is needed (cancelled sessions, or
    every session of a source that cannot be read). `read_as` is the UID the source gives a
    session recorded under another, its first (it moved to another day; see moves.py)."""

    uid: str
    revision: Revision
    session: SessionJson | None
    read_as: str | None = None

    @property
    def kept(self) -> SessionJson:
        """The session's JSON, which served() gives for every row and sync() for every
        session not in the source."""
        assert self.session is not None, f"the store kept no JSON for {self.uid}"
        return self.session


class Store(Leases, Publications, Organisers):
    """What a revision store does; subclasses say how to reach the database."""

    def close(self) -> None:
        raise NotImplementedError

    def listen(self, woken: Callable[[], None], stop: threading.Event) -> None:
        """Calls `woken` whenever another replica publishes, until `stop` is set (PostgreSQL:
        LISTEN in a thread of its own); other stores are polled at each reload instead."""

    def first_to_tell(self, key: str, digest: str) -> bool:
        """True for the first process to ask about this version (digest) of this thing (key):
        the workers of one server read each source, and only one should log what it found."""
        with self._transaction() as db:
            written = db.execute(
                "INSERT INTO told VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET digest = "
                "excluded.digest WHERE told.digest != excluded.digest",
                (key, digest),
            )
            return written.rowcount > 0

    def generation(self) -> str:
        """The store's version: a counter every write raises, and a random mark every write
        (and a restore) sets. Another process moved the store when it changed; a store
        restored from a backup never passes for the one a snapshot was made from."""
        with self._reading() as db:
            rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
            return f"{rows['generation']}.{rows['mark']}"

    def sync(
        self,
        conference: str,
        sessions: Iterable[Current],
        now: datetime,
        *,
        keep_cancelled: timedelta,
        guarded: bool = True,
    ) -> list[Stored]:
        """Records the conference's sessions as they are now; returns every row still to be served.

        New sessions start at SEQUENCE 0; changed ones (or ones back from cancellation) go up
        by one with LAST-MODIFIED now; missing ones become CANCELLED, one higher, and are
        served until keep_cancelled has passed. A session moved to another day keeps its UID.
        A version that would cancel more than half of the live sessions is not recorded
        unless confirmed (`guarded`; see guard.py): Held is raised with the rows as kept.
        """
        read = {s.uid: s for s in sessions}
        held: HeldVersion | None = None
        with self._transaction(lock=conference) as db:
            rows = {
                row[0]: row
                for row in db.execute(
                    "SELECT uid, fingerprint, sequence, cancelled FROM revisions "
                    "WHERE conference = ?",
                    (conference,),
                )
            }
            renamed = recorded_uids(db, conference, read, rows)
            current = under_recorded(read, renamed)
            held = guard.check(db, conference, current, rows, now) if guarded else None
            if held is None and record(
                db, conference, current, rows, now.isoformat(), history=bool(rows)
            ):
                moved(db)
            served = self._served(db, conference, now, keep_cancelled, all_sessions=bool(held))
        if held is not None:
            raise Held(held, served)
        read_as = {first: uid for uid, first in renamed.items()}
        return [replace(r, read_as=read_as[r.uid]) if r.uid in read_as else r for r in served]

    def held(self) -> list[HeldVersion]:
        """The versions held for cancelling too much, not yet confirmed."""
        with self._reading() as db:
            return guard.held(db)

    def confirm(self, conference: str) -> int:
        """Lets the conference's held version be recorded (`calsvc confirm`): how many
        sessions it cancels (0: nothing was held). Every server rebuilds at its next check."""
        with self._transaction(lock=conference) as db:
            cancelling = guard.confirm(db, conference)
            if cancelling:
                moved(db)
            return cancelling

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
        db: Connection,
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
