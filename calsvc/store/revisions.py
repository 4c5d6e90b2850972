"""The revision store: per session, what subscribers saw, its SEQUENCE and when it changed.

SQLite, one row per UID. Several server processes share one file: every sync runs in one
IMMEDIATE transaction, and a sync that finds nothing new writes nothing, so the second
process to see a change reads the revision the first one wrote.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ConfigError, StoreError
from .queries import MIGRATIONS, TYPES, Store
from .recording import Connection

_HEADER = b"SQLite format 3\x00"


class RevisionStore(Store):
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
            self._migrate()
            self._identity = self._file_identity()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(self.path, None, f"cannot open the revision store: {exc}") from exc

    def _migrate(self) -> None:
        """Applies each migration not yet recorded, each in an IMMEDIATE transaction (a file
        made before migrations were recorded gets what it lacks: they only create)."""
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS calsvc_schema (version INTEGER PRIMARY KEY, applied TEXT)"
        )
        for version, statements in MIGRATIONS:
            done = self._db.execute("SELECT max(version) FROM calsvc_schema").fetchone()[0]
            if done is not None and done >= version:
                continue
            self._db.executescript(
                f"BEGIN IMMEDIATE; {statements.format(**TYPES['sqlite'])}"
                f"INSERT INTO calsvc_schema VALUES ({version}, datetime('now')); COMMIT;"
            )

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
    def _reading(self) -> Iterator[Connection]:
        """The connection, for one read; any database error becomes a StoreError."""
        with self._lock:
            self._check_file()
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise StoreError(self.path, None, f"the revision store failed: {exc}") from exc

    @contextmanager
    def _transaction(self, lock: str | None = None) -> Iterator[Connection]:
        """One IMMEDIATE transaction (which locks the whole file, so `lock`, the name of what
        the transaction writes, needs no lock of its own); the error that broke it is the one
        reported."""
        with self._reading() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if self._db.in_transaction:  # SQLite may have rolled back already (disk full)
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()
