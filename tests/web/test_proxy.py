"""calsvc behind a real nginx with proxy_cache, set up as the README says: a client that
spoofs its Host gets a 400, nothing it sent reaches the cache, and the next visitor gets
a feed whose links all name the real host."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .. import servers
from ..calendars import hosts_named
from ..conftest import SEEDS

pytestmark = pytest.mark.skipif(
    not Path(servers.NGINX).exists(), reason="nginx is not installed (make test installs it)"
)
FEED = "/mlsys-2023/calendar.ics"


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("proxy")
    shutil.copytree(SEEDS, folder / "sources")
    env = {"CALSVC_PROXY_HOPS": "1", "CALSVC_ALLOWED_HOSTS": "127.0.0.1"}
    with (
        servers.calsvc(folder, folder / "sources", env) as upstream,
        servers.nginx(folder, upstream, cache=True) as base,
    ):
        yield base


def _get(url: str, **headers: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("X-Cache-Status", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache-Status", ""), error.read()


def test_spoofed_host_is_refused_and_never_cached(proxy: str) -> None:
    spoofed = [_get(proxy + FEED, Host="evil.example")[0] for _ in range(3)]
    forwarded = _get(proxy + FEED, **{"X-Forwarded-Host": "evil.example"})
    first = _get(proxy + FEED)
    again = _get(proxy + FEED)
    later_spoof = _get(proxy + FEED, Host="evil.example")

    assert spoofed == [400, 400, 400]
    # Vary names the Host and forwarded headers, so nginx keeps a variant per value sent.
    assert [(r[0], r[1], b"evil.example" in r[2]) for r in (forwarded, first, again)] == [
        (200, "MISS", False),
        (200, "MISS", False),
        (200, "HIT", False),
    ]
    assert hosts_named(first[2]) == ["127.0.0.1"]
    assert forwarded[2] == first[2] == again[2]
    assert later_spoof[0] == 400
