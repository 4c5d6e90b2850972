"""Real servers for tests: `calsvc serve` (granian) and nginx, each on a free local port."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
last_pid = 0  # the main process of the newest server started


def closed_by_peer(connection: socket.socket) -> bool:
    """Whether the other end closed a connection that sent nothing: it reads b"" at once (or
    fails), where an open one has nothing to read."""
    connection.setblocking(False)
    try:
        return connection.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            assert process.poll() is None, log.read_text()
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer; log:\n{log.read_text()}")


@contextmanager
def calsvc(
    folder: Path, sources: Path, env: Mapping[str, str] | None = None, workers: int = 1
) -> Iterator[str]:
    """`calsvc serve` on the sources folder; yields its base URL, stops it afterwards."""
    port = free_port()
    environment = {
        **os.environ,
        "CALSVC_SOURCES": str(sources),
        "CALSVC_DB": str(folder / "db.sqlite3"),
        **(env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "calsvc",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    with _running(command, folder / "server.log", port, environment) as base:
        yield base


@contextmanager
def nginx(folder: Path, upstream: str, *, cache: bool) -> Iterator[str]:
    """nginx as the README sets it up, in front of `upstream`, optionally with proxy_cache."""
    port = free_port()
    (folder / "cache").mkdir(exist_ok=True)
    cache_zone = f"proxy_cache_path {folder}/cache keys_zone=calsvc:1m;" if cache else ""
    cache_use = "proxy_cache calsvc; proxy_cache_valid 200 5m;" if cache else ""
    (folder / "nginx.conf").write_text(
        f"""
daemon off;
user {getpass.getuser()};
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    {cache_zone}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $host;
            proxy_buffering on;
            add_header X-Cache-Status $upstream_cache_status always;
            {cache_use}
        }}
    }}
}}
""",
        encoding="utf-8",
    )
    command = [NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)]
    with _running(command, folder / "nginx.log", port) as base:
        yield base


@contextmanager
def _running(
    command: list[str], log: Path, port: int, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Starts a server, waits until /healthz answers through it, and stops it afterwards."""
    global last_pid
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    last_pid = process.pid
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/healthz", process, log)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
