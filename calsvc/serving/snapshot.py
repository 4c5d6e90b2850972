"""A server's loaded state saved beside its revision store, so a restart answers at once.

Reading 100,000 sessions takes minutes of parsing; loading what the last run had built (the
sources as read, the catalogue with every event rendered and its search index) takes
seconds. The snapshot is only a head start: the first reload after it compares the sources
and the store with what it holds, exactly as every reload does, and reads what changed.

It is a pickle, written by the service into its own state folder (beside `CALSVC_DB`) and
read only from there: the same trust as the SQLite file beside it. A snapshot made by
another calsvc version or other settings is ignored, as is one that fails to load.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import threading
from pathlib import Path
from typing import NamedTuple

import platformdirs

from .. import __version__
from ..ics.feed import Served
from ..settings import Settings
from ..sources.folder import Loaded

log = logging.getLogger("calsvc.snapshot")


class Snapshot(NamedTuple):
    key: str  # the calsvc version and the settings the state was built with
    generation: str  # the revision store's version when it was built (Store.generation)
    loaded: Loaded
    served: Served


def state_path(db: Path | str, kind: str) -> Path:
    """Where a server keeps state of a kind for this store ('snapshot', 'published'): beside
    an SQLite file; for a database, in the user's data folder, one per database."""
    if isinstance(db, Path):
        return db.with_name(f"{db.name}.{kind}")
    digest = hashlib.sha256(db.encode("utf-8")).hexdigest()[:16]
    return platformdirs.user_data_path("calsvc") / f"database-{digest}.{kind}"


def snapshot_path(db: Path | str) -> Path:
    return state_path(db, "snapshot")


# Raised whenever what a snapshot holds changes shape, so an older one is set aside.
FORMAT = 6
PACKAGE = Path(__file__).resolve().parent.parent


def code_digest(package: Path) -> str:
    """A digest of the code and word lists that built a state: pickled objects take their
    shape from the code that reads them (a field added to a class breaks an older pickle),
    and events rendered by other code are not what this code renders. A version number does
    not change between commits of one release; this does."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml", ".html", ".css", ".js") and path.is_file():
            digest.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def _this_code() -> str:
    return code_digest(PACKAGE)


def _store_named(db: Path | str) -> str:
    """The store a snapshot belongs to: its file, or a digest of the database's URL (which
    may hold a password, and the key is written into the snapshot)."""
    if isinstance(db, Path):
        return str(db.resolve())
    return hashlib.sha256(db.encode("utf-8")).hexdigest()


def snapshot_key(settings: Settings) -> str:
    """What a state was built with: a snapshot made with anything else is not used."""
    return repr(
        (
            __version__,
            FORMAT,
            _this_code(),
            settings.sources.resolve(),
            _store_named(settings.db),
            settings.untimed,
            settings.keep_cancelled_days,
            settings.links_outside,
            settings.max_source_mb,
            settings.timezone,
        )
    )


def save(path: Path, snapshot: Snapshot) -> None:
    """Writes the snapshot whole (a temporary file renamed over the old one), or logs why not."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as out:
            temporary = Path(out.name)
            pickle.dump(snapshot, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError) as error:
        log.warning("snapshot not saved (%s); a restart will read the sources again", error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def save_aside(path: Path, snapshot: Snapshot) -> threading.Thread | None:
    """save() in a forked child where the system can fork: pickling 100,000 sessions takes
    seconds and its bookkeeping hundreds of MB, which then stay in the server's process; the
    child has the same objects for free (copy on write) and exits when done. Returns the
    thread that waits for the child, to join before the process ends."""
    if sys.platform == "win32":  # no fork()
        save(path, snapshot)
        return None
    child = os.fork()
    if child == 0:  # the child: only this thread runs here; write, then leave at once
        try:
            save(path, snapshot)
        except BaseException:
            os._exit(1)
        os._exit(0)
    waiter = threading.Thread(target=os.waitpid, args=(child, 0), name="calsvc-snapshot")
    waiter.daemon = True
    waiter.start()
    return waiter


def load(path: Path, key: str) -> Snapshot | None:
    """The snapshot at `path` if it was made with this key; None when there is none."""
    try:
        with path.open("rb") as stream:
            snapshot = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: start as if there were none
        log.warning("snapshot %s not used: %s", path, error)
        return None
    if (
        not isinstance(snapshot, Snapshot)
        or snapshot.key != key
        or not isinstance(snapshot.served, Served)
    ):
        log.info("snapshot %s was made by another version or other settings; not used", path)
        return None
    return snapshot


class Keeper:
    """One server's snapshot: loaded when it starts, saved after each change, one write at a
    time and only when the state differs from the one on disk."""

    def __init__(self, path: Path, key: str) -> None:
        self.path, self.key = path, key
        self._saved: tuple[str, str] | None = None  # (catalogue version, store generation)
        self._saving: threading.Thread | None = None  # waits for the child writing it

    def load(self) -> Snapshot | None:
        found = load(self.path, self.key)
        if found is not None:
            self._saved = (found.served.catalogue.version, found.generation)
        return found

    def save(self, generation: str, loaded: Loaded, served: Served) -> None:
        state = (served.catalogue.version, generation)
        if state != self._saved:
            self.wait()  # in order: a newer state is never overwritten by an older one
            self._saving = save_aside(self.path, Snapshot(self.key, generation, loaded, served))
            self._saved = state

    def wait(self, timeout: float | None = None) -> None:
        """Until the snapshot being written is written (or `timeout` seconds)."""
        if self._saving is not None:
            self._saving.join(timeout)
