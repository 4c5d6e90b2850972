"""Load, reload under load, and memory; prints its figures.

1. calsvc serve (granian), 2 workers, bundled seeds: wrk at 64 connections for 30 s against
   /calendar.ics, a filtered feed, /api/events and a 304 revalidation (target: zero errors).
2. The same while the sources are rewritten 50 times (an emptied, a binary and a deleted
   file among them): wrk's figures, and a reader checking every response is a whole calendar
   of one version, and the final state (target: zero 5xx, zero mixed or broken responses).
3. Resident memory of one worker with a 10,000-session programme loaded and its feeds
   served (target ≤ 150 MB).
4. /healthz and a feed under wrk while 200 connections sit with unfinished headers and 20
   clients never read the 2 MB feed they asked for (target: zero errors, p99 well under 1 s);
   then, with 2,000 silent sockets from one address open, the time /healthz and a feed take
   (target < 100 ms) and how many of them the server has closed after its header timeout.

Run: make bench  (needs wrk: apt-get install wrk). BENCH_SECONDS=5 for a quick run;
BENCH_ONLY=load,reload,memory,slow picks parts.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from feeds import DATA_FILE, SESSIONS, wrk  # noqa: E402
from programme import programme  # noqa: E402

from calsvc.web.server import HEADER_READ_TIMEOUT_MS  # noqa: E402
from tests.reloading import REWRITES, rewrite, rooms  # noqa: E402
from tests.servers import closed_by_peer  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """calsvc serve (granian, 2 workers unless told) on a sources folder, for a with block."""

    def __init__(self, sources: Path, folder: Path, workers: int = 2, **env: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {
            **os.environ,
            "CALSVC_SOURCES": str(sources),
            "CALSVC_DB": str(folder / "db.sqlite3"),
            **env,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "calsvc", "serve", "--port", str(self.port),
             "--workers", str(workers)],
            env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def __enter__(self) -> Server:
        for _ in range(1200):
            try:
                self.get("/healthz")
                return self
            except OSError:
                time.sleep(0.25)
        raise RuntimeError("the server did not start")

    def __exit__(self, *_: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def get(self, path: str, timeout: float = 120) -> tuple[int, bytes, Message]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, bytes(response.read()), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers

    def workers(self) -> list[int]:
        children = (
            Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        )
        return [int(pid) for pid in children]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def header(title: str) -> None:
    print(f"\n{title}\n{'route':<44} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7}")


def load(folder: Path) -> None:
    header(f"1. load: granian 2 workers, wrk -t2 -c64 -d{SECONDS}s, bundled seeds")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    with Server(folder / "seeds", folder) as server:
        etag = server.get("/calendar.ics")[2]["ETag"]
        for label, path, extra in [
            ("/calendar.ics", "/calendar.ics", []),
            ("/calendar.ics?kind=poster&q=graph", "/calendar.ics?kind=poster&q=graph", []),
            ("/api/events?conference=mlsys-2021", "/api/events?conference=mlsys-2021", []),
            (
                "/calendar.ics, If-None-Match (304)",
                "/calendar.ics",
                ["-H", f"If-None-Match: {etag}"],
            ),
        ]:
            rate, p50, p99, errors = wrk(server.base + path, SECONDS, extra=extra)
            print(f"{label:<44} {rate:>8.0f} {p50:>9} {p99:>9} {errors:>7}")


def reload_under_load(folder: Path) -> None:
    header(f"2. reload under load: {REWRITES} rewrites while wrk runs {SECONDS}s")
    shutil.copytree(ROOT / "seeds", folder / "reload")
    with Server(folder / "reload", folder, CALSVC_RELOAD_SECONDS="0.2") as server:
        checked: Counter[str] = Counter()
        done = threading.Event()

        def verify() -> None:
            while not done.is_set():
                status, body, _ = server.get("/mlsys-2023/calendar.ics", timeout=10)
                try:
                    seen = rooms(body)
                    checked[
                        "whole, one version"
                        if len(seen) == 1 and status == 200
                        else f"mixed or {status}"
                    ] += 1
                except ValueError:
                    checked[f"broken ({status})"] += 1

        reader = threading.Thread(target=verify)
        reader.start()
        writer = threading.Thread(
            target=rewrite, args=(folder / "reload",), kwargs={"pause": SECONDS * 0.8 / REWRITES}
        )
        writer.start()
        rate, p50, p99, errors = wrk(server.base + "/mlsys-2023/calendar.ics", SECONDS)
        writer.join()
        time.sleep(1)
        done.set()
        reader.join()
        final = rooms(server.get("/mlsys-2023/calendar.ics")[1])
    print(f"{'/mlsys-2023/calendar.ics':<44} {rate:>8.0f} {p50:>9} {p99:>9} {errors:>7}")
    print(f"responses checked by a second client: {dict(checked)}")
    print(f"final state: {sorted(final)} (expected ['Room {REWRITES}'])")


def memory(folder: Path) -> None:
    print(f"\n3. memory: one worker, {SESSIONS} sessions loaded and served")
    (folder / "big").mkdir()
    (folder / "big" / "bench.txt").write_text(programme(SESSIONS, papers=2), encoding="utf-8")
    (folder / "big" / "conferences.toml").write_text(DATA_FILE, encoding="utf-8")
    with Server(folder / "big", folder) as server:
        for path in [
            "/calendar.ics",
            "/calendar.ics?kind=poster",
            "/calendar.ics?q=graph",
            "/api/events?kind=oral",
        ]:
            for _ in range(4):  # reach both workers
                server.get(path)
        sizes = [rss_mb(pid) for pid in server.workers()]
    size = (folder / "big" / "bench.txt").stat().st_size / 1e6
    print(f"programme text {size:.1f} MB; worker resident memory: "
          + ", ".join(f"{mb:.0f} MB" for mb in sizes) + " (target ≤ 150 MB)")  # fmt: skip


def slow_clients(folder: Path) -> None:
    header(
        f"4. slow clients: 200 idle connections and 20 stalled readers of a 2 MB feed open, "
        f"wrk -c16 {SECONDS}s"
    )
    (folder / "slow").mkdir()
    shutil.copytree(ROOT / "seeds", folder / "slow", dirs_exist_ok=True)
    (folder / "slow" / "large.txt").write_text(programme(2000), encoding="utf-8")
    with Server(folder / "slow", folder) as server:
        for _ in range(4):
            server.get("/calendar.ics")
        bad: list[socket.socket] = []
        for _ in range(200):
            connection = socket.create_connection(("127.0.0.1", server.port))
            connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            bad.append(connection)
        for _ in range(20):
            connection = socket.create_connection(("127.0.0.1", server.port))
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            connection.sendall(b"GET /calendar.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            bad.append(connection)
        time.sleep(3)
        for path in ["/healthz", "/mlsys-2023/calendar.ics"]:
            rate, p50, p99, errors = wrk(server.base + path, SECONDS, connections=16)
            print(f"{path:<44} {rate:>8.0f} {p50:>9} {p99:>9} {errors:>7}")
        for connection in bad:
            connection.close()
        silent_sockets(server)


SILENT = 2000


def silent_sockets(server: Server) -> None:
    """2,000 connections from one address that never send a byte: what a client waits for
    meanwhile, and how many are closed once the header timeout has passed."""
    print(f"   and {SILENT:,} silent sockets from one address (they send nothing):")
    silent = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(SILENT)]
    time.sleep(1)
    for path in ["/healthz", "/mlsys-2023/calendar.ics"]:
        took = []
        for _ in range(20):
            started = time.perf_counter()
            server.get(path)
            took.append((time.perf_counter() - started) * 1000)
        took.sort()
        print(f"   {path:<41} median {took[10]:6.1f} ms, slowest {took[-1]:6.1f} ms (target < 100)")
    time.sleep(HEADER_READ_TIMEOUT_MS / 1000 + 2)
    closed = sum(closed_by_peer(connection) for connection in silent)
    for connection in silent:
        connection.close()
    waited = HEADER_READ_TIMEOUT_MS / 1000 + 2
    print(f"   closed by the server after {waited:.0f} s: {closed:,} of {SILENT:,}")


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("bench/load.py needs wrk: apt-get install wrk")
    folder = Path(tempfile.mkdtemp(prefix="calsvc-load-"))
    parts = {
        "load": load,
        "reload": reload_under_load,
        "memory": memory,
        "slow": slow_clients,
    }
    chosen = os.environ.get("BENCH_ONLY", ",".join(parts)).split(",")
    try:
        for name in chosen:
            parts[name](folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
