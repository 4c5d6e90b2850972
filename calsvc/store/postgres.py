"""The revision store on PostgreSQL, for several replicas on several machines: one truth for
every session's SEQUENCE, whichever replica reads a change first.

Selected by CALSVC_DB=postgresql://…. The schema is created and migrated by the service:
each migration runs once, in order, recorded in `calsvc_schema`, under an advisory lock so
that replicas starting together do not race, and in a transaction, so that one that fails
leaves the schema as it was. A sync takes an advisory transaction lock on its conference
(`pg_advisory_xact_lock`): replicas reloading the same source at the same moment take
turns, and the second finds the first one's rows and writes nothing. Row locks would not
do, since the first sync of a conference has no rows yet to lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg_pool import ConnectionPool

from ..errors import ConfigError, StoreError
from .queries import MIGRATIONS, TYPES, Store
from .recording import Connection, Cursor

CHANNEL = "calsvc_published"  # NOTIFY'd with each new version of the published sources
_MIGRATING = 0x63616C73  # the advisory lock replicas take turns on to migrate


class _Adapted:
    """A psycopg connection that takes the queries' `?` placeholders."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        return self._connection.execute(sql.replace("?", "%s"), parameters)


def is_postgres(db: object) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


def _shown(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", "@", 1)))


class PostgresStore(Store):
    """Remembers each session's revision in PostgreSQL, shared by every replica."""

    def __init__(self, url: str, *, timeout: float = 5.0) -> None:
        """A pool of a few connections; one that the server dropped is noticed before use, and
        a server that cannot be reached in `timeout` seconds is a StoreError."""
        self.path, self._url = _shown(url), url
        self._pool = ConnectionPool(
            url, min_size=1, max_size=4, timeout=timeout, open=False,
            check=ConnectionPool.check_connection,
        )  # fmt: skip
        try:
            self._pool.open(wait=True, timeout=timeout)
            migrate(self._pool)
        except (psycopg.Error, OSError) as error:
            self._pool.close()  # after a failed migration its threads would go on connecting
            raise ConfigError(
                self.path, None, f"cannot open the revision store: {error}"
            ) from error

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._failing(), self._pool.connection() as connection:
            yield _Adapted(connection)

    @contextmanager
    def _transaction(self, lock: str | None = None) -> Iterator[Connection]:
        with self._failing(), self._pool.connection() as connection, connection.transaction():
            if lock is not None:
                connection.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (lock,))
            yield _Adapted(connection)

    @contextmanager
    def _failing(self) -> Iterator[None]:
        """Any database error (the server unreachable among them) as a StoreError."""
        try:
            yield
        except psycopg.Error as error:  # PoolTimeout is one too
            raise StoreError(self.path, None, f"the revision store failed: {error}") from error

    def _announce(self, db: Connection, version: int) -> None:
        db.execute("SELECT pg_notify(?, ?)", (CHANNEL, str(version)))

    def listen(self, woken: Callable[[], None], stop: threading.Event) -> None:
        def run() -> None:
            while not stop.is_set():
                try:
                    with psycopg.connect(self._url, autocommit=True, connect_timeout=5) as db:
                        db.execute(f"LISTEN {CHANNEL}")
                        while not stop.is_set():
                            for _ in db.notifies(timeout=1.0):
                                woken()
                except psycopg.Error:  # unreachable: reloads report it; try again shortly
                    stop.wait(5)

        threading.Thread(target=run, name="calsvc-listen", daemon=True).start()

    def close(self) -> None:
        self._pool.close()


def schema_version(connection: psycopg.Connection[Any]) -> int:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS calsvc_schema "
        "(version INTEGER PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    row = connection.execute("SELECT max(version) FROM calsvc_schema").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(pool: ConnectionPool[Any]) -> None:
    """Brings the schema up to the newest migration, each in a transaction of its own."""
    with pool.connection() as connection:
        for version, statements in MIGRATIONS:
            with connection.transaction():
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATING,))
                if schema_version(connection) >= version:
                    continue
                script = statements.format(**TYPES["postgres"])
                connection.execute(script)  # several statements, no parameters
                connection.execute("INSERT INTO calsvc_schema (version) VALUES (%s)", (version,))
