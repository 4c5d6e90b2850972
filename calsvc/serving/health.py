"""Whether the revision store works, as a server reports it: what failed and since when.

Each distinct problem is logged once, and its end once; /healthz and /status show it (the
catalogue in service stays while the store fails)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

log = logging.getLogger("calsvc.service")


class StoreHealth:
    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self.problem: tuple[str, datetime] | None = None  # what failed, and since when

    def failed(self, error: BaseException, *, what: str = "the catalogue in service stays") -> None:
        if self.problem is None or self.problem[0] != str(error):
            log.error("%s; %s", error, what, exc_info=error.__cause__)
            self.problem = (str(error), self.clock())

    def works(self) -> None:
        if self.problem is not None:
            log.info("the revision store works again (failing since %s)", self.problem[1])
            self.problem = None
