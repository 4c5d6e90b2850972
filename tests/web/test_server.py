"""`calsvc serve` as an operator meets it: slow and idle clients, a dead main process, logs."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from calsvc.web.server import HEADER_READ_TIMEOUT_MS

from .. import servers
from ..conftest import SEEDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))
from programme import programme  # noqa: E402


def _sources(folder: Path, sessions: int = 0) -> Path:
    shutil.copytree(SEEDS, folder / "sources")
    if sessions:  # a programme large enough for a multi-megabyte feed
        (folder / "sources" / "large.txt").write_text(programme(sessions), "utf-8")
    return folder / "sources"


def _timed_get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        return response.status, time.perf_counter() - started


def test_idle_and_stalled_clients_do_not_starve_the_server(tmp_path: Path) -> None:
    sources = _sources(tmp_path, sessions=2000)
    with servers.calsvc(tmp_path, sources, workers=2) as base:
        port = int(base.rsplit(":", 1)[1])
        _timed_get(f"{base}/calendar.ics")  # both workers may render it first; not measured
        _timed_get(f"{base}/calendar.ics")
        idle, stalled = [], []
        for _ in range(200):  # headers begun and never finished
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            idle.append(connection)
        for _ in range(20):  # a 2 MB feed asked for and never read
            connection = socket.create_connection(("127.0.0.1", port))
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            connection.sendall(
                b"GET /calendar.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\n\r\n"
            )
            stalled.append(connection)
        time.sleep(3)  # the 20 feeds are made and handed to the server's I/O loop
        answers = [_timed_get(f"{base}/healthz") for _ in range(10)]
        answers += [_timed_get(f"{base}/mlsys-2023/calendar.ics") for _ in range(10)]
        for connection in idle + stalled:
            connection.close()

    assert [status for status, _ in answers] == [200] * 20
    slowest = max(seconds for _, seconds in answers)
    assert slowest < 1.0, f"the slowest answer took {slowest:.2f} s with 220 bad clients open"


def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    with servers.calsvc(tmp_path, sources, workers=2) as base:
        main = servers.last_pid
        children = subprocess.run(["pgrep", "-P", str(main)], capture_output=True, text=True)
        workers = [int(pid) for pid in children.stdout.split()]
        os.kill(main, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        left = [pid for pid in workers if _alive(pid)]
        rebound = _bind_within(int(base.rsplit(":", 1)[1]), seconds=10)

    assert (len(workers), left, rebound) == (2, [], None)
    log = (tmp_path / "server.log").read_text()
    assert log.count(f"ERROR calsvc.server: the main server process {main} is gone") == 2


def _bind_within(port: int, *, seconds: float) -> str | None:
    """Why a new server could not listen on the port again (as a restarted one must), or None."""
    deadline = time.monotonic() + seconds
    while True:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
                probe.listen()
                return None
            except OSError as error:
                if time.monotonic() > deadline:
                    return str(error)
        time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


def test_log_lines_have_time_level_and_one_line_per_catalogue(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    with servers.calsvc(tmp_path, sources, workers=1):
        time.sleep(0.5)
    lines = (tmp_path / "server.log").read_text().splitlines()

    in_service = [line for line in lines if "calsvc.service: catalogue" in line]
    assert len(in_service) == 1
    stamp, level, logger, message = in_service[0].split(" ", 3)
    assert (len(stamp), stamp[10], level, logger) == (24, "T", "INFO", "calsvc.service:")
    shape = re.sub(r"[0-9a-f]{16}", "VERSION", re.sub(r"took \d+ ms", "took N ms", message))
    assert shape == (
        "catalogue VERSION in service: 4 sources, 20 sessions (20 events rendered now), "
        "0 source problems, took N ms"
    )


def test_silent_sockets_are_closed_and_do_not_lock_others_out(tmp_path: Path) -> None:
    """2,000 connections from one address that never send a byte: the service keeps answering,
    and each is closed once the header timeout has passed (10 s)."""
    sources = _sources(tmp_path)
    with servers.calsvc(tmp_path, sources, workers=2) as base:
        port = int(base.rsplit(":", 1)[1])
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(2000)]
        time.sleep(1)
        answers = [_timed_get(f"{base}/healthz")[0] for _ in range(5)]
        answers += [_timed_get(f"{base}/mlsys-2023/calendar.ics")[0] for _ in range(5)]
        time.sleep(HEADER_READ_TIMEOUT_MS / 1000 + 2)
        closed = sum(servers.closed_by_peer(connection) for connection in silent)
        for connection in silent:
            connection.close()

    assert (answers, closed) == ([200] * 10, 2000)


def _serve(env: dict[str, str], port: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "calsvc", "serve", "--port", port]
    return subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=60)  # fmt: skip


def test_a_second_server_on_a_port_in_use_is_refused_naming_the_first(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    with servers.calsvc(tmp_path, sources) as base:
        port = base.rsplit(":", 1)[1]
        env = {"CALSVC_SOURCES": str(sources), "CALSVC_DB": str(tmp_path / "other.sqlite3")}
        second = _serve(env, port)
        named = re.sub(r"process \d+ \([^)]*\)", "process N (…)", second.stderr)

    assert (second.returncode, named) == (
        2,
        f"calsvc: 127.0.0.1:{port}: the port is already in use by process N (…); stop that "
        "server or choose another port (--port)\n",
    )


def test_a_server_of_other_sources_is_refused_one_of_the_same_sources_is_a_replica(
    tmp_path: Path,
) -> None:
    sources = _sources(tmp_path)
    db = tmp_path / "db.sqlite3"
    other = tmp_path / "other"
    shutil.copytree(sources, other)
    (other / "mlsys-2023.txt").write_text("Poster: Federated Le\n", "utf-8")
    with servers.calsvc(tmp_path, sources) as base:
        first = servers.last_pid
        refused = _serve(
            {"CALSVC_SOURCES": str(other), "CALSVC_DB": str(db)}, str(servers.free_port())
        )
        copy = tmp_path / "copy"
        shutil.copytree(sources, copy)
        replica = tmp_path / "replica"
        replica.mkdir()
        env = {"CALSVC_DB": str(db), "CALSVC_RELOAD_SECONDS": "0.2"}
        with servers.calsvc(replica, copy, env) as second:
            answers = [_timed_get(f"{url}/healthz")[0] for url in (base, second)]

    assert (refused.returncode, refused.stderr) == (
        2,
        f"calsvc: {db}: the server with process {first} on {socket.gethostname()}, reading "
        f"{sources.resolve()} already serves from this revision store; a server of other "
        f"sources ({other.resolve()}) would rewrite its sessions on every reload. Stop it, or "
        "give this server a store of its own (CALSVC_DB)\n",
    )
    assert answers == [200, 200]
