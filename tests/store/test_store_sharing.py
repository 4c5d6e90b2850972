"""The revision store shared with other processes: the real `sqlite3` tool, a second calsvc
command, a backup and a restore. Whatever else opens the file, the server keeps writing
where the next start will read, and SEQUENCE never goes down."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from .. import servers
from ..calendars import revisions
from ..conftest import SEEDS

SQLITE3 = shutil.which("sqlite3") or "/usr/bin/sqlite3"
FEDERATED = "Poster: Federated Learning Tue 6 Jun 03:20 p.m."
UID = "mlsys-2023-20230606-poster-federated-learning"
pytestmark = pytest.mark.integration


def _move_federated(sources: Path, time: str) -> None:
    """Gives the Federated Learning poster this start time instead of the seeds' 03:20 p.m."""
    path, seeded = sources / "mlsys-2023.txt", SEEDS / "mlsys-2023.txt"
    text = seeded.read_text("utf-8")
    path.write_text(text.replace(FEDERATED, FEDERATED.replace("03:20 p.m.", time)), "utf-8")


def _feed(base: str) -> dict[str, tuple[int, str]]:
    with urllib.request.urlopen(f"{base}/mlsys-2023/calendar.ics", timeout=30) as response:
        return {uid: revision[:2] for uid, revision in revisions(response.read()).items()}


def _until(check: Callable[[], object], expected: object) -> object:
    for _ in range(100):
        if (found := check()) == expected:
            return found
        time.sleep(0.1)
    return check()


def _served(base: str) -> tuple[int, str]:
    """The Federated Learning poster's (SEQUENCE, STATUS) as the server serves it."""
    return _feed(base)[UID]


def _stored(db: Path) -> int:
    """The SEQUENCE the file itself holds, as the real sqlite3 tool reads it."""
    query = f"SELECT sequence FROM revisions WHERE uid = '{UID}'"
    out = subprocess.run([SQLITE3, str(db), query], capture_output=True, text=True, check=True)
    return int(out.stdout)


def _until_served(base: str, sequence: int) -> tuple[int, str]:
    """The poster's (SEQUENCE, STATUS) once six answers in a row carry SEQUENCE `sequence` (or
    after 10 s): with two workers, each reloads on its own, so one answer shows only one."""
    _until(lambda: {_served(base)[0] for _ in range(6)}, {sequence})
    return _served(base)


def _calsvc(db: Path, sources: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CALSVC_DB": str(db), "CALSVC_SOURCES": str(sources)}
    command = [sys.executable, "-m", "calsvc", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_other_processes_opening_the_store_leave_the_server_writing_to_it(
    tmp_path: Path,
    sources: Path,
) -> None:
    db = tmp_path / "db.sqlite3"
    env = {"CALSVC_RELOAD_SECONDS": "0.2"}
    with servers.calsvc(tmp_path, sources, env) as base:
        assert _served(base) == (0, "CONFIRMED")
        # A backup as an operator takes one, an integrity check, and a second calsvc command:
        # each opens and closes the file while the server holds it.
        backup = subprocess.run(
            [SQLITE3, str(db), f".backup '{tmp_path / 'backup.sqlite3'}'"], capture_output=True
        )
        assert backup.returncode == 0
        check = subprocess.run([SQLITE3, str(db), "PRAGMA integrity_check"], capture_output=True)
        assert check.stdout == b"ok\n"
        assert _calsvc(db, sources, "get", "/healthz").returncode == 0
        _move_federated(sources, "04:00 p.m.")
        assert _until_served(base, 1) == (1, "CONFIRMED")
        assert _stored(db) == 1  # the server wrote into the file, not into a detached WAL
        _move_federated(sources, "04:30 p.m.")
        assert _until_served(base, 2) == (2, "CONFIRMED")
        assert _stored(db) == 2
    with servers.calsvc(tmp_path, sources, env) as base:
        assert _served(base) == (2, "CONFIRMED")


def _workers(main: int) -> list[int]:
    children = Path(f"/proc/{main}/task/{main}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def _crash_a_worker(main: int) -> None:
    """kill -9 of one worker; returns once granian has started another in its place."""
    before = _workers(main)
    os.kill(before[0], 9)
    for _ in range(100):
        after = _workers(main)
        if len(after) == len(before) and before[0] not in after:
            time.sleep(1)  # the new worker builds its app
            return
        time.sleep(0.1)
    raise AssertionError(f"no worker replaced {before[0]}: {_workers(main)}")


def _answers(base: str, path: str, times: int = 8) -> list[tuple[int, bytes]]:
    """Several requests, so that each worker answers some."""
    found = []
    for _ in range(times):
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:
                found.append((response.status, response.read()))
        except urllib.error.HTTPError as error:
            found.append((error.code, error.read()))
    return found


def _snapshot_written(db: Path) -> None:
    written = _until(db.with_name(f"{db.name}.snapshot").exists, True)
    assert written is True, "no snapshot was written"


@pytest.mark.parametrize("fault", ["deleted", "corrupt"])
def test_a_worker_crash_on_a_broken_store_serves_the_last_catalogue(
    tmp_path: Path, sources: Path, fault: str
) -> None:
    """A store deleted or written over, then a worker crash: the new worker makes no store and
    does not crash (granian would stop the whole server); every feed keeps its SEQUENCE."""
    db = tmp_path / "db.sqlite3"
    env = {"CALSVC_RELOAD_SECONDS": "0.2"}
    with servers.calsvc(tmp_path, sources, env, workers=2) as base:
        _move_federated(sources, "04:00 p.m.")
        assert _until_served(base, 1) == (1, "CONFIRMED")
        _snapshot_written(db)
        time.sleep(1)  # both workers have served SEQUENCE 1
        main = servers.last_pid
        if fault == "deleted":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        else:
            with db.open("r+b") as file:
                file.write(b"not a database any more" * 200)
        _crash_a_worker(main)
        feeds = _answers(base, "/mlsys-2023/calendar.ics")
        health = _answers(base, "/healthz")

        assert sorted({(status, revisions(body)[UID][:2]) for status, body in feeds}) == [
            (200, (1, "CONFIRMED"))
        ]
        assert sorted({(s, json.loads(b)["status"]) for s, b in health}) == [(200, "degraded")]
        kept = {
            "deleted": ["db.sqlite3.snapshot"],
            "corrupt": ["db.sqlite3", "db.sqlite3.snapshot"],
        }
        assert (
            sorted(p.name for p in tmp_path.glob("db.sqlite3*") if "-" not in p.name) == kept[fault]
        )


def _held(base: str) -> list[tuple[str, int, int]]:
    with urllib.request.urlopen(f"{base}/status", timeout=30) as response:
        held = json.loads(response.read())["held"]
    return [(h["conference"], len(h["would_cancel"]), h["live"]) for h in held]


AFTER = [(0, "CONFIRMED"), (1, "CANCELLED"), (1, "CANCELLED"), (1, "CANCELLED"),
         (1, "CANCELLED"), (1, "CONFIRMED")]  # fmt: skip
TWO_LEFT = "Registration Desk Tue 6 Jun 07:30 a.m.\n" + FEDERATED + "\n"


def test_a_version_cancelling_most_sessions_is_held_until_confirmed(
    tmp_path: Path, sources: Path
) -> None:
    db = tmp_path / "db.sqlite3"
    with servers.calsvc(tmp_path, sources, {"CALSVC_RELOAD_SECONDS": "0.2"}) as base:
        before = _feed(base)
        (sources / "mlsys-2023.txt").write_text(TWO_LEFT, "utf-8")
        held = _until(lambda: _held(base), [("mlsys-2023", 4, 6)])
        kept = _feed(base)
        confirmed = _calsvc(db, sources, "confirm", "mlsys-2023")
        # Registration unchanged; Federated Learning lost its papers; four cancelled.
        after = _until(lambda: sorted(_feed(base).values()), AFTER)
        held_after = _held(base)

    assert (held, kept, confirmed.returncode, confirmed.stdout) == (
        [("mlsys-2023", 4, 6)],
        before,
        0,
        "confirmed: the next reload cancels 4 session(s) of mlsys-2023\n",
    )
    assert sorted(set(before.values())) == [(0, "CONFIRMED")]
    assert (len(before), after, held_after) == (6, AFTER, [])


def test_a_paste_cut_after_its_first_header_cancels_nothing(tmp_path: Path, sources: Path) -> None:
    """'Poster: Federated Le', a header without its date, replaces the programme: while the
    server runs, across a restart, and across one without a snapshot (when only the store
    knows what was served)."""
    env = {"CALSVC_RELOAD_SECONDS": "0.2"}
    with servers.calsvc(tmp_path, sources, env) as base:
        before = _feed(base)
        (sources / "mlsys-2023.txt").write_text("Poster: Federated Le", "utf-8")
        time.sleep(2)
        running = _feed(base)
    with servers.calsvc(tmp_path, sources, env) as base:
        error = _until(lambda: _error(base, "mlsys-2023.txt"), CUT)
        restarted = _feed(base)
    (tmp_path / "db.sqlite3.snapshot").unlink()
    with servers.calsvc(tmp_path, sources, env) as base:
        from_store, held = _feed(base), _until(lambda: _held(base), [("mlsys-2023", 6, 6)])

    assert (running, restarted, from_store, held) == (
        before, before, before, [("mlsys-2023", 6, 6)]
    )  # fmt: skip
    assert error == CUT


CUT = (
    "mlsys-2023.txt:1: no sessions found; the last good version (6 sessions) stays in "
    "service until the file has sessions again"
)


def _error(base: str, file: str) -> str | None:
    with urllib.request.urlopen(f"{base}/status", timeout=30) as response:
        sources = json.loads(response.read())["sources"]
    return next(source["error"] for source in sources if source["file"] == file)


REGISTRATION = "mlsys-2023-20230606-registration-desk"


def test_backup_while_serving_and_restore_never_lower_a_sequence(
    tmp_path: Path, sources: Path
) -> None:
    db, saved = tmp_path / "db.sqlite3", tmp_path / "backup.sqlite3"
    env = {"CALSVC_RELOAD_SECONDS": "0.2"}
    with servers.calsvc(tmp_path, sources, env) as base:
        backed_up = _calsvc(db, sources, "backup", str(saved))
        _move_federated(sources, "04:00 p.m.")
        moved = _until_served(base, 1)
        refused = _calsvc(db, sources, "restore", str(saved))
        main = servers.last_pid
    restored = _calsvc(db, sources, "restore", str(saved))
    after_restore = _stored(db)
    path = sources / "mlsys-2023.txt"  # the programme drops the registration desk meanwhile
    path.write_text(path.read_text("utf-8").replace("Registration Desk Tue 6 Jun 07:30 a.m.\n", ""))
    with servers.calsvc(tmp_path, sources, env) as base:
        feed = _until(lambda: _feed(base)[REGISTRATION], (1, "CANCELLED"))
        federated = _feed(base)[UID]

    assert (backed_up.returncode, backed_up.stdout) == (0, f"backed up 20 session(s) to {saved}\n")
    assert (moved, refused.returncode, after_restore) == ((1, "CONFIRMED"), 2, 2)
    assert refused.stderr == (
        f"calsvc: {db}: stop the servers using the store first: the server with process {main} "
        f"on {socket.gethostname()}, reading {sources.resolve()}\n"
    )
    assert (restored.returncode, restored.stdout, restored.stderr) == (
        0,
        f"restored 20 session(s) from {saved}\n1 raised above the SEQUENCE calendars saw and 0 "
        "newer than the backup carried over (from the store)\n",
        "",
    )
    # The backup had it at 0 with the old time; raised to 2, then 3 for the time read now.
    assert (feed, federated) == ((1, "CANCELLED"), (3, "CONFIRMED"))


def test_a_lost_store_is_not_remade_and_is_restored_above_its_snapshot(
    tmp_path: Path, sources: Path
) -> None:
    db, saved = tmp_path / "db.sqlite3", tmp_path / "backup.sqlite3"
    env = {"CALSVC_RELOAD_SECONDS": "0.2"}
    with servers.calsvc(tmp_path, sources, env) as base:
        _calsvc(db, sources, "backup", str(saved))
        _move_federated(sources, "04:00 p.m.")
        _until_served(base, 1)
        _snapshot_written(db)
        time.sleep(1)  # the snapshot of SEQUENCE 1 is written
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    refused = _calsvc(db, sources, "serve", "--port", str(servers.free_port()))
    restored = _calsvc(db, sources, "restore", str(saved))
    with servers.calsvc(tmp_path, sources, env) as base:
        federated = _until_served(base, 3)

    assert (refused.returncode, refused.stderr) == (
        2,
        f"calsvc: {db}: the revision store is missing, but the snapshot of a store is beside "
        "it: restore the store (calsvc restore BACKUP), or, to start afresh with every "
        "SEQUENCE at 0 (calendars that saw higher ones will ignore updates), remove "
        f"{db}.snapshot\n",
    )
    assert (restored.returncode, restored.stdout) == (
        0,
        f"restored 20 session(s) from {saved}\n1 raised above the SEQUENCE calendars saw and 0 "
        "newer than the backup carried over (from the snapshot)\n",
    )
    assert federated == (3, "CONFIRMED")
