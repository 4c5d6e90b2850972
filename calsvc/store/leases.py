"""Which servers use a store: one lease row each, naming its host, process and sources.

Two servers reading different sources into one store would rewrite each other's sessions
on every reload (SEQUENCE climbing with no change by anyone): the second one is refused,
naming the first. Servers of the same sources are replicas and welcome. A lease is live
while its heartbeat is fresh; one of this host whose process is gone is stale at once.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from .recording import Connected, Connection

BEAT_SECONDS = 10  # how often a running server renews its lease
STALE_AFTER = timedelta(seconds=3 * BEAT_SECONDS)  # a lease not renewed this long is dropped


@dataclass(frozen=True, slots=True)
class Lease:
    """A server on a store: where it runs and what it reads (`sources`: the folder, or
    'published'; `digest`: of that folder's files, so copies of one folder agree)."""

    host: str
    pid: int
    sources: str
    digest: str

    @property
    def id(self) -> str:
        return f"{self.host}:{self.pid}"

    def same_sources(self, other: Lease) -> bool:
        same_folder = (self.host, self.sources) == (other.host, other.sources)
        return same_folder or self.digest == other.digest

    def __str__(self) -> str:
        return f"the server with process {self.pid} on {self.host}, reading {self.sources}"


def this_host() -> str:
    return socket.gethostname()


def _alive(lease: Lease) -> bool:
    """False only for a lease of this host whose process is gone (kill -9, a crash)."""
    if lease.host != this_host():
        return True
    try:
        os.kill(lease.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def live(db: Connection, now: datetime) -> list[Lease]:
    """The leases still held, after dropping the stale ones."""
    db.execute("DELETE FROM servers WHERE heartbeat < ?", ((now - STALE_AFTER).isoformat(),))
    leases = [
        Lease(host, int(pid), sources, digest)
        for host, pid, sources, digest in db.execute(
            "SELECT host, pid, sources, digest FROM servers ORDER BY id"
        ).fetchall()
    ]
    for lease in leases:
        if not _alive(lease):
            db.execute("DELETE FROM servers WHERE id = ?", (lease.id,))
    return [lease for lease in leases if _alive(lease)]


def claim(db: Connection, lease: Lease, now: datetime) -> Lease | None:
    """Takes the lease, unless a live server reads other sources: that one is returned."""
    for other in live(db, now):
        if other.id != lease.id and not other.same_sources(lease):
            return other
    db.execute("DELETE FROM servers WHERE id = ?", (lease.id,))
    db.execute(
        "INSERT INTO servers VALUES (?, ?, ?, ?, ?, ?)",
        (lease.id, lease.host, lease.pid, lease.sources, lease.digest, now.isoformat()),
    )
    return None


def beat(db: Connection, lease_id: str, now: datetime) -> None:
    db.execute("UPDATE servers SET heartbeat = ? WHERE id = ?", (now.isoformat(), lease_id))


def release(db: Connection, lease_id: str) -> None:
    db.execute("DELETE FROM servers WHERE id = ?", (lease_id,))


class Leases(Connected):
    """The lease queries of a store (mixed into Store)."""

    def claim(self, lease: Lease, now: datetime) -> Lease | None:
        """Takes `lease`; the live server of other sources that forbids it, if there is one."""
        with self._transaction(lock="servers") as db:
            return claim(db, lease, now)

    def beat(self, lease_id: str, now: datetime) -> None:
        with self._transaction(lock="servers") as db:
            beat(db, lease_id, now)

    def release(self, lease_id: str) -> None:
        with self._transaction(lock="servers") as db:
            release(db, lease_id)

    def servers(self, now: datetime) -> list[Lease]:
        """The servers using the store now."""
        with self._transaction(lock="servers") as db:
            return live(db, now)
