"""The reload thread of a server's worker: checks the sources every reload interval (at once
when a publish is announced), off the request path, and renews the server's lease."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextlib import suppress

from ..errors import StoreError
from ..model import utc_now
from ..store import leases
from ..store.queries import Store

log = logging.getLogger("calsvc.service")


class Reloader:
    def __init__(
        self,
        reload: Callable[[], object],
        store: Store,
        *,
        interval: float,
        lease_id: str,
        first_read: Callable[[], bool],
        store_works: Callable[[], bool],
    ) -> None:
        """`reload` is called each round; the first at once while `first_read()` is true
        (the sources were not read yet). The lease is renewed after a reload, while
        `store_works()`: a store that is down is reported by the reload at once, not after
        the heartbeat has waited for it too."""
        self.reload, self.store, self.lease_id = reload, store, lease_id
        self.interval, self.first_read, self.store_works = (
            max(interval, 0.05),
            first_read,
            store_works,
        )
        self._stop, self._wake = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, name="calsvc-reload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self.store.listen(self._wake.set, self._stop)  # a publish wakes it at once
        beaten = float("-inf")
        while not self._stop.is_set():
            self._wake.wait(0 if self.first_read() else self.interval)
            self._wake.clear()
            try:
                self.reload()
            except Exception:  # the last good catalogue stays; the next round tries again
                log.exception("reload failed; the catalogue in service stays")
                self._stop.wait(self.interval)
            if time.monotonic() - beaten >= leases.BEAT_SECONDS and self.store_works():
                beaten = time.monotonic()
                with suppress(StoreError):  # a failing store is reported by the reload
                    self.store.beat(self.lease_id, utc_now())

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=30)
