"""Programme pages by their address: fetched politely, kept, and re-fetched when due.

A data-file entry may give `url` instead of `file`. The page is fetched with a conditional
GET (ETag, Last-Modified), a timeout, a size limit and at most 5 redirects, under a
User-Agent that says who asks, every `refresh` minutes. The last good copy is kept, so a
fetch that fails leaves it in service, and the error says since when fetches fail.

urllib3 does the HTTP: it is what requests is built on, well kept, and gives timeouts,
bounded redirects and reading a body in pieces (to stop at the limit) directly.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

import urllib3

from .. import __version__
from ..errors import SourceError

USER_AGENT = f"calsvc/{__version__} (conference programme feeds; fetches a page every few minutes)"
TIMEOUT_SECONDS = 20.0
REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass
class _Page:
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched: datetime | None = None  # when the last fetch was tried
    failing_since: datetime | None = None
    error: str | None = None


class Pages:
    """The pages of a service's url entries, each fetched when due; safe across threads."""

    def __init__(self, *, timeout: float = TIMEOUT_SECONDS) -> None:
        self._http = urllib3.PoolManager(
            headers={"User-Agent": USER_AGENT},
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=urllib3.Retry(total=None, connect=0, read=0, redirect=REDIRECTS, status=0),
        )
        self._pages: dict[str, _Page] = {}
        self._lock = threading.Lock()

    def due(self, urls: dict[str, int], now: datetime) -> bool:
        """Whether any of these pages (url → refresh minutes) is due to be fetched."""
        with self._lock:
            return any(_due(self._pages.get(url), minutes, now) for url, minutes in urls.items())

    def kept(self, url: str) -> bytes | None:
        """The last good copy of a page, as its sessions were read from it (no fetch)."""
        with self._lock:
            page = self._pages.get(url)
        return page.body if page else None

    def read(self, url: str, *, refresh_minutes: int, now: datetime, limit_mb: int) -> bytes:
        """The page's bytes, fetched anew when due; raises SourceError when there is no good
        copy, or when the fetch failed (naming since when) so the caller keeps what it has."""
        with self._lock:
            page = self._pages.setdefault(url, _Page())
        if _due(page, refresh_minutes, now):
            page.fetched = now
            try:
                self._fetch(url, page, limit_mb)
                page.failing_since = page.error = None
            except SourceError as error:
                page.failing_since = page.failing_since or now
                page.error = error.message
        if page.error is not None:
            since = page.failing_since.isoformat() if page.failing_since else "?"
            kept = "the last good copy stays in service" if page.body else "nothing to serve yet"
            raise SourceError(url, None, f"{page.error} (failing since {since}); {kept}")
        assert page.body is not None
        return page.body

    def _fetch(self, url: str, page: _Page, limit_mb: int) -> None:
        headers = {}
        if page.body is not None and page.etag:
            headers["If-None-Match"] = page.etag
        if page.body is not None and page.last_modified:
            headers["If-Modified-Since"] = page.last_modified
        try:
            response = self._http.request("GET", url, headers=headers, preload_content=False)
        except urllib3.exceptions.HTTPError as error:
            raise SourceError(url, None, f"cannot fetch: {reason(error)}") from error
        try:
            if response.status == 304 and page.body is not None:
                return
            if response.status != 200:
                raise SourceError(url, None, f"the server answered {response.status}")
            body = read_limited(url, response, limit_mb)
        except urllib3.exceptions.HTTPError as error:
            raise SourceError(url, None, f"cannot fetch: {reason(error)}") from error
        finally:
            response.release_conn()
        page.body = body
        page.etag = response.headers.get("ETag")
        page.last_modified = response.headers.get("Last-Modified")


def _due(page: _Page | None, minutes: int, now: datetime) -> bool:
    return page is None or page.fetched is None or now - page.fetched >= timedelta(minutes=minutes)


def read_limited(url: str, response: urllib3.BaseHTTPResponse, limit_mb: int) -> bytes:
    """The body, read in pieces; a page larger than the limit (or one that never ends) is cut
    off there with an error naming the setting."""
    limit = limit_mb * 2**20
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise SourceError(url, None, _too_large(limit_mb))
    pieces, size = [], 0
    for piece in response.stream(CHUNK):
        size += len(piece)
        if size > limit:
            raise SourceError(url, None, _too_large(limit_mb))
        pieces.append(piece)
    return b"".join(pieces)


def _too_large(limit_mb: int) -> str:
    return (
        f"the page is larger than the {limit_mb} MB a source may be; not read "
        "(CALSVC_MAX_SOURCE_MB sets it)"
    )


def reason(error: Exception) -> str:
    """urllib3's reason, without the object reprs and errno numbers it wraps it in."""
    reason = str(getattr(error, "reason", None) or error)
    reason = re.sub(r"^(<[^>]*>|\w+\([^)]*\)): ", "", reason)
    return re.sub(r"\[Errno -?\d+\] ", "", reason)
