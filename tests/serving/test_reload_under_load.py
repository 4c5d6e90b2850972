"""The sources rewritten 50 times (broken, emptied and deleted among them) while clients read:
no 5xx, every response a whole calendar of one version, and the final state right."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from ..conftest import SEEDS
from ..reloading import REWRITES, rewrite, rooms


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, bytes(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.slow
def test_reload_under_load_serves_whole_versions_and_ends_right(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "sources")
    port = _free_port()
    env = {**os.environ, "CALSVC_SOURCES": str(tmp_path / "sources"), "CALSVC_DB": str(tmp_path / "db.sqlite3"),
           "CALSVC_RELOAD_SECONDS": "0.05"}  # fmt: skip
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "calsvc", "serve", "--port", str(port), "--workers", "2"],
                                  env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}/mlsys-2023/calendar.ics"
    statuses: Counter[int] = Counter()
    versions_seen: Counter[str] = Counter()
    problems: list[str] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            status, body = _get(url)
            statuses[status] += 1
            try:
                seen = rooms(body)
            except ValueError as error:
                problems.append(f"{status}: {error}: {body[:80]!r}")
                continue
            if len(seen) != 1:
                problems.append(f"a mix of versions: {sorted(seen)}")
            versions_seen.update(seen)

    try:
        for _ in range(100):
            try:
                if _get(f"http://127.0.0.1:{port}/healthz")[0] == 200:
                    break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                time.sleep(0.1)
        readers = [threading.Thread(target=read) for _ in range(6)]
        for reader in readers:
            reader.start()

        rewrite(tmp_path / "sources")
        time.sleep(0.5)
        done.set()
        for reader in readers:
            reader.join()
        final = rooms(_get(url)[1])
        status = _get(f"http://127.0.0.1:{port}/status")
    finally:
        server.terminate()
        server.wait(timeout=20)

    assert (problems, set(statuses), final) == ([], {200}, {f"Room {REWRITES}"})
    # The readers overlapped the rewrites: two responses a rewrite, and many versions seen.
    assert sum(statuses.values()) >= 2 * REWRITES, f"only {statuses} for {REWRITES} rewrites"
    assert len(versions_seen) > 10, f"only versions {sorted(versions_seen)} seen"
    assert b'"error":null' in status[1].replace(b" ", b"")
