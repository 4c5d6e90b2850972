"""Who may serve: one set of sources per revision store, one server per port.

A server takes a lease in its store before it starts (store/leases.py) and refuses to start
when a live server of other sources holds one; it refuses a port anyone already listens on
(granian binds with SO_REUSEPORT, so without this check a second server would silently take
half the requests). Both refusals name the other party.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from ..errors import CalsvcError, ConfigError
from ..model import utc_now
from ..store import open_store
from ..store.leases import Lease, this_host
from ..store.queries import Store
from .snapshot import snapshot_path

log = logging.getLogger("calsvc.owners")


def folder_digest(folder: Path) -> str:
    """A digest of the folder's files (names and bytes), so that copies of one folder on
    several machines count as the same sources."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        digest.update(f"{relative}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def prepare_store(db: Path | str) -> None:
    """Opens the store before the workers start, making it where none is (and saying so):
    only here is a store made. Refuses to remake one where the snapshot beside it shows a
    store was: it was lost, and a new one would start every SEQUENCE at 0 again."""
    missing = isinstance(db, Path) and not db.exists()
    if missing and snapshot_path(db).exists():
        raise ConfigError(
            str(db),
            None,
            "the revision store is missing, but the snapshot of a store is beside it: restore "
            "the store (calsvc restore BACKUP), or, to start afresh with every SEQUENCE at 0 "
            f"(calendars that saw higher ones will ignore updates), remove {snapshot_path(db)}",
        )
    open_store(db).close()
    if missing:
        log.warning("made a new revision store at %s (none was there)", db)


def lease_for(sources: Path, *, published: bool) -> Lease:
    """This server's lease: its sources are the published ones or its folder."""
    if published:
        return Lease(this_host(), os.getpid(), "the published sources", "published")
    return Lease(this_host(), os.getpid(), str(sources.resolve()), folder_digest(sources))


def take_store(store: Store, lease: Lease, db: str) -> None:
    """Takes the lease, or raises ConfigError naming the server of other sources."""
    other = store.claim(lease, utc_now())
    if other is not None:
        raise ConfigError(
            db,
            None,
            f"{other} already serves from this revision store; a server of other sources "
            f"({lease.sources}) would rewrite its sessions on every reload. Stop it, or give "
            "this server a store of its own (CALSVC_DB)",
        )


def _listener(port: int) -> str:
    """Which process listens on a TCP port, as far as /proc tells ('' when it does not)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            links = {os.readlink(fd) for fd in (proc / "fd").iterdir()}
            if any(f"socket:[{inode}]" in links for inode in inodes):
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
                return f" by process {proc.name} ({command})"
        except OSError:
            continue
    return ""


def check_port(host: str, port: int) -> None:
    """Raises ConfigError when something already listens on the port: a plain bind (no
    SO_REUSEPORT) fails wherever any socket is bound there."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR: connections of a server just stopped (TIME_WAIT) do not count.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise ConfigError(f"{host}:{port}", None, f"cannot listen: {error}") from error
            raise ConfigError(
                f"{host}:{port}",
                None,
                f"the port is already in use{_listener(port)}; stop that server or choose "
                "another port (--port)",
            ) from error


@contextmanager
def owning(db: Path | str, sources: Path) -> Iterator[Lease]:
    """The store's lease held for as long as the block runs (a server's life), given back
    after. The store is closed meanwhile: the workers, forked from this process, open their
    own."""
    with closing(open_store(db)) as store:
        lease = lease_for(sources, published=store.published_version() is not None)
        take_store(store, lease, str(db))
    try:
        yield lease
    finally:
        try:
            with closing(open_store(db, create=False)) as store:
                store.release(lease.id)
        except CalsvcError as error:  # the lease goes stale by itself
            log.warning("lease not given back: %s", error)
