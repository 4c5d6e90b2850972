"""How often one client may do a costly thing: at most `limit` times in a sliding window, per
key (a client's address, a name). Kept in this worker's memory: with N workers a client may
do it up to N times as often, which the operator's settings say."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable


class Throttle:
    """At most `limit` events per `window` seconds for each key."""

    MAX_KEYS = 10_000  # beyond this, the keys idle longest are forgotten first

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self._clock = limit, window, clock
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, key: str) -> float:
        """0 when the key may go on now (which counts), else the seconds until it may."""
        return self._seen_now(key, count=True)

    def blocked(self, key: str) -> float:
        """The seconds until the key may go on, 0 if it may now (which does not count)."""
        return self._seen_now(key, count=False)

    def count(self, key: str) -> None:
        """Counts an event of the key (a wrong secret), whether or not it was let through."""
        with self._lock:
            self._seen.setdefault(key, deque()).append(self._clock())

    def _seen_now(self, key: str, *, count: bool) -> float:
        now = self._clock()
        with self._lock:
            seen = self._seen.pop(key, None) or deque()
            while seen and seen[0] <= now - self.window:
                seen.popleft()
            self._seen[key] = seen  # (last: the most recently seen)
            if len(seen) >= self.limit:
                return seen[0] + self.window - now
            if count:
                seen.append(now)
            while len(self._seen) > self.MAX_KEYS:
                self._seen.popitem(last=False)
            return 0.0


def client_key(address: str | None) -> str:
    """The key a client is throttled by: its IPv4 address, or its IPv6 /64 network (one
    household or host holds a whole /64, and can pick any address in it)."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # (an IPv4 client of a dual-stack socket)
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
