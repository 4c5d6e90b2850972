"""What a sync writes: each session's new revision, and a note of each change (kept for the
Changes page and feed). Called inside the revision store's transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ..codec import SessionJson


class Cursor(Protocol):
    """What the stores' queries use of a DB-API cursor."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the stores' queries use of a connection (sqlite3's, or the PostgreSQL adapter)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...


class Connected:
    """How a store's queries reach its database; each store says how (Store and the query
    families mixed into it share these)."""

    def _reading(self) -> AbstractContextManager[Connection]:
        """The connection, for one read."""
        raise NotImplementedError

    def _transaction(self, lock: str | None = None) -> AbstractContextManager[Connection]:
        """One transaction; `lock` names what it writes, for stores shared by several
        servers to take turns on."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Current:
    """A session as it is now: its UID, the digest of what subscribers see, and its JSON.

    The JSON is made only for rows that are written (new or changed sessions).
    """

    uid: str
    fingerprint: str
    session: Callable[[], SessionJson]


@dataclass(frozen=True, slots=True)
class Change:
    """A session added, changed or cancelled, as a reload saw it: when, its SEQUENCE after
    the change, and its JSON before and after (None where there is no such side)."""

    uid: str
    seen: datetime
    change: str  # 'added', 'changed' or 'cancelled'
    sequence: int
    before: SessionJson | None
    after: SessionJson | None


def _json(text: str | None) -> SessionJson | None:
    return json.loads(text) if text is not None else None


def record(
    db: Connection,
    conference: str,
    current: dict[str, Current],
    rows: dict[str, tuple[Any, ...]],
    stamp: str,
    *,
    history: bool,
) -> int:
    """Writes what changed since `rows`: new sessions at SEQUENCE 0, changed ones (or ones
    back from cancellation) one higher, and the missing ones CANCELLED, one higher. Each
    change is kept in `changes` too, unless this is the conference's first recording
    (`history` false: everything would be 'added'). Returns how many sessions it wrote."""
    written = 0
    for uid, session in current.items():
        row = rows.get(uid)
        if row is not None and row[1] == session.fingerprint and not row[3]:
            continue  # unchanged: nothing to write
        payload = json.dumps(session.session(), ensure_ascii=False, sort_keys=True)
        before = kept_json(db, uid) if history and row is not None else None
        if row is None:
            db.execute(
                "INSERT INTO revisions VALUES (?, ?, ?, 0, ?, ?, 0, ?)",
                (uid, conference, session.fingerprint, stamp, stamp, payload),
            )
        else:
            db.execute(
                "UPDATE revisions SET fingerprint = ?, sequence = sequence + 1, "
                "modified = ?, cancelled = 0, session = ?, conference = ? WHERE uid = ?",
                (session.fingerprint, stamp, payload, conference, uid),
            )
        written += 1
        if history:
            change = "added" if row is None or row[3] else "changed"
            _note(db, (conference, uid, stamp, change), before, payload)
    for uid, row in rows.items():
        if uid not in current and not row[3]:
            before = kept_json(db, uid) if history else None
            db.execute(
                "UPDATE revisions SET sequence = sequence + 1, modified = ?, cancelled = 1 "
                "WHERE uid = ?",
                (stamp, uid),
            )
            written += 1
            if history:
                _note(db, (conference, uid, stamp, "cancelled"), before, None)
    return written


def kept_json(db: Connection, uid: str) -> str:
    """A session's JSON as the store keeps it now."""
    return str(db.execute("SELECT session FROM revisions WHERE uid = ?", (uid,)).fetchone()[0])


def _note(
    db: Connection, what: tuple[str, str, str, str], before: str | None, after: str | None
) -> None:
    """Keeps one change: (conference, uid, when, which), the JSON before and after it."""
    conference, uid, stamp, change = what
    db.execute(
        "INSERT INTO changes (conference, uid, seen, change, sequence, before, after) "
        "VALUES (?, ?, ?, ?, (SELECT sequence FROM revisions WHERE uid = ?), ?, ?)",
        (conference, uid, stamp, change, uid, before, after),
    )


def read_changes(db: Connection, conference: str, limit: int) -> list[Change]:
    rows = db.execute(
        "SELECT uid, seen, change, sequence, before, after FROM changes "
        "WHERE conference = ? ORDER BY id DESC LIMIT ?",
        (conference, limit),
    ).fetchall()
    return [
        Change(uid, datetime.fromisoformat(seen), change, sequence, _json(before), _json(after))
        for uid, seen, change, sequence, before, after in rows
    ]
