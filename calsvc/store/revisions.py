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
from urllib.parse import quote

from ..errors import ConfigError, StoreError
from .queries import MIGRATIONS, TYPES, Store
from .recording import Connection

_HEADER = b"SQLite format 3\x00"


class RevisionStore(Store):
    """Remembers each session's revision across restarts and processes."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        """Opens the store at `path`; one that is not there is made only when `create` (a
        server's workers never make one: a store deleted under them is a fault to report,
        not a fresh start)."""
        self.path = str(path)
        self._lock = threading.Lock()  # one connection, shared by a process's threads
        try:
            if self.path != ":memory:" and create:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            target = self.path if create else f"file:{quote(self.path)}?mode=rw"
            self._db = sqlite3.connect(
                target, timeout=30, isolation_level=None, check_same_thread=False, uri=not create
            )
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._migrate()
            self._identity = self._file_identity()
            self._descriptor = self._own_descriptor()
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

    def _own_descriptor(self) -> int | None:
        """SQLite's own descriptor of the database file, found once in /proc/self/fd (None
        where there is no /proc): its first bytes are read through it, because opening and
        closing the file ourselves would drop every POSIX lock this process holds on it,
        SQLite's included, and another connection would then take the WAL away from us."""
        if self._identity is None:
            return None
        try:
            descriptors = os.listdir("/proc/self/fd")
        except OSError:
            return None
        for name in descriptors:
            try:
                stat = os.fstat(int(name))
            except OSError:
                continue
            if (stat.st_dev, stat.st_ino) == self._identity:
                return int(name)
        return None

    def _header(self) -> bytes:
        """The file's first bytes, read through SQLite's descriptor (found again when the
        one found before now names another file: another connection closed it)."""
        for _ in range(2):
            descriptor = self._descriptor
            try:
                if descriptor is not None:
                    stat = os.fstat(descriptor)
                    if (stat.st_dev, stat.st_ino) == self._identity:
                        return os.pread(descriptor, len(_HEADER), 0)
            except OSError:
                pass
            self._descriptor = self._own_descriptor()
        return _HEADER  # no descriptor to read through: the identity check alone

    def _check_file(self) -> None:
        """Refuses to go on with a store file that was deleted, replaced or written over since
        it was opened: writes would go to a file nobody will ever open again, or be mixed into
        another program's bytes (SQLite in WAL mode trusts its own index and would not see).
        Never opens the file itself (see _own_descriptor)."""
        if self.path == ":memory:":
            return
        try:
            same = self._file_identity() == self._identity
        except FileNotFoundError:
            same = False
        header = self._header() if same else _HEADER
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
