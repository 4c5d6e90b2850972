"""Where revisions are kept: an SQLite file (the default, for one machine), or PostgreSQL
(CALSVC_DB=postgresql://…, for replicas on several machines)."""

from __future__ import annotations

from pathlib import Path

from .queries import Store


def open_store(db: Path | str, *, create: bool = True) -> Store:
    """The revision store `db` names; ConfigError when it cannot be opened (or, unless
    `create`, when an SQLite store is not there)."""
    from .postgres import PostgresStore, is_postgres  # psycopg only where it is used
    from .revisions import RevisionStore

    return PostgresStore(str(db)) if is_postgres(db) else RevisionStore(db, create=create)
