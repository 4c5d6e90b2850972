"""How a server's worker starts: its store opened (never made), then, before the sources
are read, the last run's snapshot put in service, or else the catalogue the store holds."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from pathlib import Path

from .. import pipeline
from ..errors import ConfigError, StoreError
from ..ics.feed import Served
from ..settings import Settings
from ..store import open_store
from ..store.queries import Store
from ..store.unopened import Unopened
from .health import StoreHealth
from .snapshot import Keeper, Snapshot

log = logging.getLogger("calsvc.service")


def told(served: Served, whence: str, started: float) -> None:
    catalogue, took = served.catalogue, (time.perf_counter() - started) * 1000
    log.info("catalogue %s in service from %s: %d sessions, in %.0f ms", catalogue.version,
             whence, len(catalogue.entries), took)  # fmt: skip


def store_for(db: Path | str, *, worker: bool, health: StoreHealth) -> Store:
    """The revision store. A server's worker never makes one, and one that cannot open does
    not stop it: it serves the snapshot, reports the store, and tries it again."""
    if not worker:
        return open_store(db)
    try:
        return open_store(db, create=False)
    except ConfigError as error:
        health.failed(error, what="serving the last run's snapshot, if any, until it opens")
        return Unopened(db, error)


def from_snapshot(keeper: Keeper) -> Snapshot | None:
    """The last run's state, if it left one."""
    started = time.perf_counter()
    saved = keeper.load()
    if saved is not None:
        told(saved.served, "the last run's snapshot", started)
    return saved


def from_store(
    sources: Path, store: Store, settings: Settings, now: datetime
) -> tuple[Served, str] | None:
    """The catalogue the store holds for the sources' conferences, and the store's version."""
    started = time.perf_counter()
    try:
        served = pipeline.stored(
            sources,
            store,
            now=now,
            keep_cancelled=timedelta(days=settings.keep_cancelled_days),
            untimed=settings.untimed,
        )
    except StoreError:
        return None  # the first reload reports it, or fails the start
    if served is None:
        return None
    told(served, "the revision store (the sources are read meanwhile)", started)
    return served, store.generation()
