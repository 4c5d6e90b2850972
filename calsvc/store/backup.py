"""Backing up and restoring an SQLite revision store (`calsvc backup`, `calsvc restore`).

A backup is SQLite's online backup of the store: a consistent copy taken while servers
write, never a half-written file. A restore puts a backup in place of the store, with the
servers stopped, and never lowers a SEQUENCE a calendar has seen: a session the store (or,
if the store is lost, the snapshot beside it) knew at a higher SEQUENCE than the backup is
restored one above that, and sessions the backup predates are carried over as they were.
The store's version changes, so no server mistakes it for the store a snapshot was made of
(serving/backups.py also removes the snapshot, and reads it when the store is lost).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import CalsvcError, ConfigError
from .queries import moved
from .revisions import RevisionStore

Rows = dict[str, tuple[Any, ...]]  # by UID, the columns _ROW names
_ROW = "uid, conference, fingerprint, sequence, created, modified, cancelled, session"


def _sqlite_only(db: Path | str, what: str) -> Path:
    if not isinstance(db, Path):
        tool = "pg_dump" if what == "backup" else "pg_restore (or psql)"
        raise ConfigError(
            "CALSVC_DB", None, f"a PostgreSQL store is {what}ed with PostgreSQL's own {tool}"
        )
    return db


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A temporary file beside `target`, renamed over it when the block ends well."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)


def _read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise ConfigError(str(path), None, "no such file")
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


def backup(db: Path | str, destination: Path) -> int:
    """Copies the store to `destination` whole; how many sessions it holds."""
    source = _sqlite_only(db, "backup")
    try:
        with (
            closing(_read_only(source)) as live,
            _replacing(destination) as copy,
            closing(sqlite3.connect(copy)) as out,
        ):
            live.backup(out)
            return int(out.execute("SELECT count(*) FROM revisions").fetchone()[0])
    except sqlite3.Error as error:
        raise ConfigError(str(source), None, f"cannot back up the store: {error}") from error


@dataclass(frozen=True, slots=True)
class Restored:
    sessions: int  # in the backup
    raised: int  # given a SEQUENCE above the backup's, because calendars saw a higher one
    carried: int  # sessions the backup predates, carried over from the store it replaced
    seen_from: str  # where the SEQUENCEs seen came from: 'the store', 'the snapshot' or ''


def _checked_backup(path: Path) -> None:
    try:
        with closing(_read_only(path)) as backup_db:
            [(verdict,)] = backup_db.execute("PRAGMA quick_check").fetchall()
            backup_db.execute("SELECT uid FROM revisions LIMIT 1").fetchall()
    except sqlite3.Error as error:
        raise ConfigError(str(path), None, f"not a calsvc revision store: {error}") from error
    if verdict != "ok":
        raise ConfigError(str(path), None, f"the backup is damaged: {verdict}")


def _seen(db: Path, now: datetime) -> Rows:
    """Every session's row as the store being replaced has it, if it opens (one that does
    not has no server on it); ConfigError while a server uses it."""
    rows: list[Any] = []
    try:
        with closing(RevisionStore(db, create=False)) as store:
            if not (servers := store.servers(now)):
                with store._reading() as current:
                    rows = current.execute(f"SELECT {_ROW} FROM revisions").fetchall()
    except CalsvcError:
        return {}
    if servers:
        names = "; ".join(str(server) for server in servers)
        raise ConfigError(str(db), None, f"stop the servers using the store first: {names}")
    return {row[0]: tuple(row) for row in rows}


def restore(
    db: Path | str, source: Path, now: datetime, *, served: Callable[[], Rows] = dict
) -> Restored:
    """Puts the backup at `source` in place of the store (servers stopped). The SEQUENCEs
    calendars saw are the replaced store's, or when it cannot be read, what `served` gives
    (rows as _ROW names them, by UID: what the last snapshot served)."""
    target = _sqlite_only(db, "restore")
    _checked_backup(source)
    seen, seen_from = _seen(target, now), "the store"
    if not seen:
        seen, seen_from = served(), "the snapshot"
    with _replacing(target) as temporary:
        with closing(_read_only(source)) as backup_db, closing(sqlite3.connect(temporary)) as out:
            backup_db.backup(out)
        store = RevisionStore(temporary)  # brings an older backup's schema up to date
        with closing(store), store._transaction() as restored:
            raised, carried = _merge(restored, seen, now)
            sessions = int(restored.execute("SELECT count(*) FROM revisions").fetchone()[0])
            restored.execute("DELETE FROM servers")
            restored.execute("DELETE FROM held")
            moved(restored)
        for stale in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            stale.unlink(missing_ok=True)
    return Restored(sessions, raised, carried, seen_from if seen else "")


def _merge(restored: Any, seen: Rows, now: datetime) -> tuple[int, int]:
    """Raises the SEQUENCE of each session calendars saw higher; carries over the rows of
    sessions the backup predates."""
    kept = dict(restored.execute("SELECT uid, sequence FROM revisions").fetchall())
    raised = carried = 0
    for uid, row in seen.items():
        sequence = row[3]
        if uid not in kept:
            restored.execute(f"INSERT INTO revisions ({_ROW}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
            carried += 1
        elif sequence > kept[uid]:
            restored.execute(
                "UPDATE revisions SET sequence = ?, modified = ? WHERE uid = ?",
                (sequence + 1, now.isoformat(), uid),
            )
            raised += 1
    return raised, carried
