"""The published sources a store keeps (`calsvc publish`): every version, each exactly the
files it was given, for replicas on machines that share no folder (mixed into Store)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .recording import Connected, Connection


class Publications(Connected):
    def _announce(self, db: Connection, version: int) -> None:
        """Tells other replicas at once that a version was published (PostgreSQL: NOTIFY);
        without it they notice at their next reload."""

    def publish(self, files: Mapping[str, bytes], now: datetime) -> int:
        """Records a new version of the published sources, exactly these files; its number."""
        with self._transaction(lock="published") as db:
            row = db.execute("SELECT max(version) FROM published").fetchone()
            version = int(row[0] or 0) + 1
            for name, body in sorted(files.items()):
                db.execute(
                    "INSERT INTO published VALUES (?, ?, ?, ?)",
                    (version, name, body, now.isoformat()),
                )
            self._announce(db, version)
            return version

    def published_version(self) -> int | None:
        """The newest version of the published sources; None when nothing was published."""
        with self._reading() as db:
            row = db.execute("SELECT max(version) FROM published").fetchone()
            return None if row[0] is None else int(row[0])

    def published_files(self, version: int) -> dict[str, bytes]:
        with self._reading() as db:
            rows = db.execute(
                "SELECT file, body FROM published WHERE version = ? ORDER BY file", (version,)
            ).fetchall()
        return {name: bytes(body) for name, body in rows}

    def published_versions(self) -> list[tuple[int, str, list[str]]]:
        """Every version: its number, when it was published, and its files, newest first."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT version, published, file FROM published ORDER BY version DESC, file"
            ).fetchall()
        versions: dict[int, tuple[str, list[str]]] = {}
        for version, when, name in rows:
            versions.setdefault(version, (when, []))[1].append(name)
        return [(version, when, names) for version, (when, names) in versions.items()]
