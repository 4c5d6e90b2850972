"""A programme page by its address: fetched, followed when it changes, kept when the site is
down, and cut off when it is too large. A real HTTP server on a local port serves it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from calsvc.cli import main
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.sources.conferences import load_data_file
from calsvc.web.status import status

from ..conftest import ROOT, Clock

PAGE = (ROOT / "tests" / "corpus" / "html-virtual-site.html").read_bytes()
UID = "forum-20250506-oral-compilers-and-runtimes"


class Site:
    """What the local site serves, and what it was asked."""

    def __init__(self) -> None:
        self.page = PAGE
        self.requests: list[tuple[str, str | None]] = []  # (path, If-None-Match)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            site.requests.append((self.path, self.headers.get("If-None-Match")))
            etag = f'"{hash(site.page)}"'
            if self.path == "/programme.html":
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(site.page)))
                self.end_headers()
                self.wfile.write(site.page)
            elif self.path == "/endless.html":  # no length, and no end
                self.send_response(200)
                self.end_headers()
                try:
                    while True:
                        self.wfile.write(b"<p>Poster: More Tue 6 May 09:00 a.m.</p>\n" * 1000)
                except OSError:
                    pass
            else:
                self.send_response(404)
                self.end_headers()

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, ThreadingHTTPServer]]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, server
    server.shutdown()
    server.server_close()


@contextmanager
def _service(
    tmp_path: Path, server: ThreadingHTTPServer, clock: Clock, path: str = "/programme.html"
) -> Iterator[Service]:
    """A service (reloads on request) on a data file with one url entry, closed afterwards."""
    sources = tmp_path / "sources"
    sources.mkdir()
    port = server.server_address[1]
    (sources / "conferences.toml").write_text(
        f'[[source]]\nurl = "http://127.0.0.1:{port}{path}"\nslug = "forum"\nname = "Forum"\n'
        'year = 2025\ntimezone = "America/Los_Angeles"\n',
        encoding="utf-8",
    )
    settings = Settings(sources=sources, db=tmp_path / "db.sqlite3", reload_seconds=0)
    service = Service(replace(settings, max_source_mb=1), clock=clock)
    try:
        yield service
    finally:
        service.close()


def _moved(service: Service) -> list[tuple[str, int, str]]:
    return [
        (e.session.uid, e.revision.sequence, e.session.start.isoformat() if e.session.start else "")
        for e in service.catalogue().entries
        if e.session.uid == UID
    ]


def test_the_feed_follows_the_page_within_one_refresh(
    tmp_path: Path, site: tuple[Site, ThreadingHTTPServer], clock: Clock
) -> None:
    state, server = site
    with _service(tmp_path, server, clock) as service:
        first = (service.catalogue().count("forum"), _moved(service))
        state.page = PAGE.replace(b"Tue 6 May 01:30 p.m.", b"Tue 6 May 03:30 p.m.")
        clock.advance(minutes=5)  # not due yet: no request
        early = _moved(service)
        clock.advance(minutes=10)
        later = _moved(service)
        clock.advance(minutes=15)  # unchanged since: answered 304
        again = _moved(service)

    assert first == (4, [(UID, 0, "2025-05-06T13:30:00-07:00")])
    assert (early, later, again) == (
        [(UID, 0, "2025-05-06T13:30:00-07:00")],
        [(UID, 1, "2025-05-06T15:30:00-07:00")],
        [(UID, 1, "2025-05-06T15:30:00-07:00")],
    )
    etag = f'"{hash(state.page)}"'
    assert [r[1] for r in state.requests] == [None, f'"{hash(PAGE)}"', etag]


def test_a_site_that_is_down_leaves_the_last_good_copy_served(
    tmp_path: Path, site: tuple[Site, ThreadingHTTPServer], clock: Clock
) -> None:
    _, server = site
    with _service(tmp_path, server, clock) as service:
        server.shutdown()
        server.server_close()
        clock.advance(minutes=15)
        served = service.catalogue().count("forum")
        [source] = status(service)["sources"]

    port = server.server_address[1]
    assert (served, source["error"]) == (
        4,
        f"http://127.0.0.1:{port}/programme.html: cannot fetch: Failed to establish a new "
        "connection: Connection refused "
        "(failing since 2026-11-01T09:15:00+00:00); the last good copy stays in service",
    )


def test_a_page_without_end_is_cut_off_at_the_size_limit(
    tmp_path: Path, site: tuple[Site, ThreadingHTTPServer], clock: Clock
) -> None:
    _, server = site
    with _service(tmp_path, server, clock, path="/endless.html") as service:
        [source] = status(service)["sources"]

    port = server.server_address[1]
    assert (source["sessions"], source["error"]) == (
        0,
        f"http://127.0.0.1:{port}/endless.html: the page is larger than the 1 MB a source may "
        "be; not read (CALSVC_MAX_SOURCE_MB sets it) (failing since 2026-11-01T09:00:00+00:00); "
        "nothing to serve yet",
    )


def test_parse_and_add_take_a_page_by_its_address(
    tmp_path: Path, site: tuple[Site, ThreadingHTTPServer], capsys: pytest.CaptureFixture[str]
) -> None:
    _, server = site
    url = f"http://127.0.0.1:{server.server_address[1]}/programme.html"
    folder = tmp_path / "sources"
    folder.mkdir()

    main(["parse", url, "--format", "json", "--ref-date", "2026-11-22"])
    parsed = json.loads(capsys.readouterr().out)
    main(["add", url, "--sources", str(folder), "--name", "Forum 2025"])
    said = capsys.readouterr().out

    [conference] = load_data_file(folder / "conferences.toml").by_file.values()
    assert ([e["start"] for e in parsed["events"]], said) == (
        ["2025-05-06T09:00:00-07:00", "2025-05-06T10:30:00-07:00", "2025-05-06T13:30:00-07:00",
         "2025-05-07T09:00:00-07:00"],
        f"added {url} in {folder / 'conferences.toml'}\n",
    )  # fmt: skip
    assert (conference.url, conference.slug, conference.name, conference.year, conference.timezone) == (
        url, "programme", "Forum 2025", 2025, "America/Los_Angeles"
    )  # fmt: skip
