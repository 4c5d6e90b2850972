"""A throw-away PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder,
listening only on a Unix socket there, stopped and removed afterwards. The server refuses
to run as root, so as root it runs as the `postgres` user Debian's package creates."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

_names = itertools.count()


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/N/bin."""
    if found := shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(folders[-1]) if folders else None


class Cluster:
    """One server: its URL, a new empty database on demand, and stop and start."""

    def __init__(self, folder: Path) -> None:
        bin_dir = binaries()
        assert bin_dir is not None, "PostgreSQL is not installed (make test installs it)"
        self.bin_dir, self.folder, self.data = bin_dir, folder, folder / "data"
        self.url = f"postgresql://postgres@/calsvc?host={folder}"

    def run(self, program: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:  # the server will not run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=check, capture_output=True)

    def start(self) -> None:
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -p 5432"
        log = str(self.folder / "log")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self, *, check: bool = True) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=check)

    def database(self) -> str:
        """The URL of a new, empty database."""
        name = f"test_{next(_names)}"
        with psycopg.connect(self.url, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
        return self.url.replace("/calsvc?", f"/{name}?")


@contextmanager
def server() -> Iterator[Cluster]:
    """A running server with an empty `calsvc` database, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="calsvc-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    cluster = Cluster(folder)
    try:
        cluster.run("initdb", "-D", str(cluster.data), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8")  # fmt: skip
        cluster.start()
        cluster.run("createdb", "-h", str(folder), "-U", "postgres", "calsvc")
        yield cluster
    finally:
        cluster.stop(check=False)
        shutil.rmtree(folder, ignore_errors=True)
