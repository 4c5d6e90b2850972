"""The long-lived state of a server process: the catalogue in service, its caches, and reloads.

A reload builds a new catalogue and swaps it in whole, so every response is made from one
version of the programme, never a mix.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from .. import pipeline
from ..catalogue.catalogue import Catalogue
from ..catalogue.selection import Selection
from ..changes import Told
from ..errors import StoreError
from ..formats.base import Format
from ..ics.feed import Feed, FeedCache, Served
from ..model import utc_now
from ..settings import Settings
from ..sources import problems
from ..sources.fetch import Pages
from ..sources.folder import Loaded, SourceRules, folder_signature
from ..sources.published import Published
from ..sources.reading import SourceReading, source_reading
from ..store import leases
from ..store.guard import HeldVersion
from . import snapshot, startup
from .health import StoreHealth
from .reloader import Reloader
from .snapshot import snapshot_key, snapshot_path, state_path

log = logging.getLogger("calsvc.service")
MAIN_PID_VARIABLE = "CALSVC_SERVER_PID"  # the server's main process, set for its workers


class Service:
    """Serves feeds from the newest good catalogue, checking the sources every few seconds."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        background: bool = False,
        worker: bool = False,
        after_change: Callable[[], None] | None = None,
    ) -> None:
        """Loads the sources once; then reloads in a background thread (`background`, as
        servers run: no request waits for a reload) or, for tests and one-off commands, when
        a request finds a check due. A server whose store holds the programme starts with the
        stored catalogue and reads the sources meanwhile. `after_change` is called after each
        new catalogue goes into service (a server hands back the memory the reload used). A
        server's `worker` never makes a store and never stops on one that fails."""
        self.settings = settings
        self.clock = clock
        self.health = StoreHealth(clock)
        self.store = startup.store_for(settings.db, worker=worker, health=self.health)
        # What `calsvc publish` put into the database, once anything was: else the folder.
        self._published = Published(self.store, state_path(settings.db, "published"))
        self.sources = self._published_or_folder()
        self.feeds = FeedCache()
        self.pages = Pages()  # programme pages by address, fetched when due
        self._readings: dict[str, tuple[str, SourceReading]] = {}  # read pages' marks, kept
        self._lock = threading.Lock()
        self._loaded: Loaded | None = None
        self._served: Served | None = None  # the catalogue in service, with its events
        self._checked = float("-inf")
        self._generation: str | None = None
        self._reloader: Reloader | None = None
        self._background, self._worker = background, worker
        self._after_change = after_change
        self._rules = SourceRules(settings.links_outside, settings.max_source_mb, settings.timezone)
        # Which server's workers these are: diagnostics are logged once per server.
        self._server = os.environ.get(MAIN_PID_VARIABLE) or str(os.getpid())
        self._snapshots = snapshot.Keeper(snapshot_path(settings.db), snapshot_key(settings))
        started = background and self._start()
        if not (started or (worker and self.health.problem)):  # else the thread tries
            self.reload()
        if background:
            lease = f"{leases.this_host()}:{self._server}"
            self._reloader = Reloader(
                self.reload,
                self.store,
                interval=settings.reload_seconds,
                lease_id=lease,
                first_read=lambda: self._loaded is None,
                store_works=lambda: self.health.problem is None,
            )

    def _start(self) -> bool:
        """Puts the last run's snapshot in service, else the stored catalogue; True when
        either was there."""
        if (saved := startup.from_snapshot(self._snapshots)) is not None:
            self._loaded, self._served = saved.loaded, saved.served
            self._generation = saved.generation
            return True
        if stored := startup.from_store(self.sources, self.store, self.settings, self.clock()):
            self._served, self._generation = stored
            return True
        return False

    def _published_or_folder(self) -> Path:
        try:
            return self._published.current() or self.settings.sources
        except StoreError:
            return self.settings.sources  # the reload reports the store

    def close(self) -> None:
        """Stops the reload thread and closes the revision store."""
        if self._reloader is not None:
            self._reloader.close()
        self._snapshots.wait(timeout=60)
        self.store.close()

    @property
    def ttl(self) -> timedelta:
        return timedelta(minutes=self.settings.refresh_minutes)

    def catalogue(self) -> Catalogue:
        """The catalogue in service (without a reload thread: reloaded first when one is due)."""
        return self.served().catalogue

    def served(self) -> Served:
        """The catalogue in service with its rendered events, one version read at once
        (without a reload thread: reloaded first when one is due)."""
        if (
            self._reloader is None
            and time.monotonic() - self._checked >= self.settings.reload_seconds
        ):
            self.reload()
        served = self._served
        if served is None:  # a worker whose store failed before it had anything to serve
            problem = self.health.problem[0] if self.health.problem else "the sources are read"
            raise StoreError(str(self.settings.db), None, f"nothing to serve yet: {problem}")
        return served

    def reload(self) -> bool:
        """Reloads if any source or the revision store changed; True when a new catalogue went
        into service. A store that fails leaves the catalogue in service and is reported."""
        # Only one thread reloads; the others keep serving the catalogue they have.
        if not self._lock.acquire(blocking=self._served is None):
            return False
        try:
            self._checked = time.monotonic()
            changed = self._reload()
        except StoreError as error:
            if self._served is None and not self._worker:
                raise  # nothing to serve: the command fails (a server's worker waits)
            self.health.failed(error)
            return False
        finally:
            self._lock.release()
        self.health.works()
        return changed

    def _sources_changed(self) -> bool:
        """Whether a source may have changed (or a page is due) since it was read."""
        loaded = self._loaded
        return not (
            loaded
            and loaded.settled
            and folder_signature(self.sources, loaded) == loaded.signatures
            and not self.pages.due(loaded.page_refreshes(), self.clock())
        )

    def _reload(self) -> bool:
        self.sources = self._published.current() or self.settings.sources
        served = self._served
        expired = served is not None and served.catalogue.expired(self.clock())
        # Another process wrote to the store: its revisions must be served here too.
        moved = self.store.generation() != self._generation
        if not (self._sources_changed() or expired or moved):
            return False
        started = time.perf_counter()
        loaded, served = pipeline.load(
            self.sources,
            self._loaded,
            self.store,
            now=self.clock(),
            keep_cancelled=timedelta(days=self.settings.keep_cancelled_days),
            untimed=self.settings.untimed,
            served=self._served,
            rebuild=moved,
            rules=self._rules,
            pages=self.pages,
        )
        self._generation = self.store.generation()
        problems.tell(self._loaded, loaded, self.store.first_to_tell, server=self._server)
        catalogue = served.catalogue
        changed = self._served is None or catalogue.version != self._served.catalogue.version
        if not changed and self._loaded is None:
            log.info(
                "sources read in %.0f ms: the stored catalogue %s was up to date",
                (time.perf_counter() - started) * 1000,
                catalogue.version,
            )
        self._loaded, self._served = loaded, served
        if self._background and self._generation is not None:
            self._snapshots.save(self._generation, loaded, served)
        if changed and self._after_change is not None:
            self._after_change()
        if changed:
            self.feeds.clear()
            log.info(
                "catalogue %s in service: %d sources, %d sessions (%d events rendered now), "
                "%d source problems, took %.0f ms",
                catalogue.version,
                len(loaded.sources),
                len(catalogue.entries),
                served.rendered.made,
                len(self.source_problems()),
                (time.perf_counter() - started) * 1000,
            )
        return changed

    def feed(
        self, selection: Selection, fmt: Format, *, base_url: str, served: Served | None = None
    ) -> Feed:
        """A checked selection in a format, made once per catalogue version: of the catalogue
        `served` (the one the selection was checked against), else the newest."""
        served = served or self.served()
        key = (served.catalogue.version, base_url, fmt.name, selection)
        feed = self.feeds.get(key)
        if feed is None:
            feed = pipeline.render(served, selection, fmt, base_url=base_url, ttl=self.ttl)
            self.feeds.put(key, feed)
        return feed

    def version(
        self, selection: Selection, fmt: Format, *, base_url: str, served: Served | None = None
    ) -> tuple[str, datetime]:
        """The version and Last-Modified of a document, without making it (for revalidation):
        those of the one kept from an earlier request, else worked out from the selection."""
        served = served or self.served()
        kept = self.feeds.get((served.catalogue.version, base_url, fmt.name, selection))
        if kept is not None:
            return kept.version, kept.last_modified
        return pipeline.version(served, selection, fmt, base_url=base_url, ttl=self.ttl)

    def changes(self, selection: Selection) -> list[Told]:
        """What changed in the selected sessions, newest first."""
        return pipeline.changes(self.store, self.catalogue(), selection)

    def single(self, uid: str, *, base_url: str) -> Feed:
        """The one-session calendar for an event download."""
        return pipeline.single(self.served(), uid, base_url=base_url, ttl=self.ttl)

    def problems(
        self, conference: str, limit: int = 10
    ) -> tuple[list[problems.SourceProblem], int]:
        """What went wrong reading a conference's source, as 'file:line: message' with the
        line, a version held for cancelling too much first."""
        held = [
            problems.SourceProblem(f"{conference}: {h}")
            for h in self.held()
            if h.conference == conference
        ]
        found, count = problems.problems(self._loaded, conference, limit)
        return (held + found)[:limit], len(held) + count

    def held(self) -> list[HeldVersion]:
        """Versions held for cancelling too much (none when the store cannot say)."""
        try:
            return self.store.held()
        except StoreError:
            return []

    def source_problems(self) -> list[str]:
        """Every source that failed, has errors, or yields no sessions."""
        return problems.source_problems(self._loaded)

    def reading(self, conference: str) -> SourceReading | None:
        """A conference's source marked line by line with what was read from it, unless the
        operator or the data file hides it (or the sources are still being read)."""
        loaded = self._loaded
        if loaded is None or not self.shows_reading(conference):
            return None
        limit, today = self.settings.max_source_mb, self.clock().date()
        return source_reading(loaded, conference, pages=self.pages, limit_mb=limit,
                              reference=today, kept=self._readings)  # fmt: skip

    def shows_reading(self, conference: str) -> bool:
        """Whether a conference's read page is shown (CALSVC_READ_PAGES, read_page)."""
        described = self.catalogue().conferences.get(conference)
        return self.settings.read_pages and described is not None and described.read_page

    def guesses(self, conference: str) -> list[str]:
        """What the reader had to guess for a conference, for the organiser to check."""
        return problems.guesses(self._loaded, conference)

    @property
    def loaded(self) -> Loaded | None:
        """The sources as last read (None while a restart serves the stored catalogue)."""
        return self._loaded
