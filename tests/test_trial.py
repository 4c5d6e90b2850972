"""The child process that reads tried programmes: replaced when it dies between readings or
during one, and gone with the worker that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest

from calsvc.trial import Reader, TrialError

PROGRAMME = b"Tuesday 9 June 2026\n09:00 - 09:30 Registration\n09:30 Keynote (Room 2.04)\n"
SLOW = b"Monday 3 June 2024\n" + b"09:00 - 10:00 Talk about the tides (Room 1)\n" * 40_000
READ = {"reference": date(2026, 12, 8), "year": None, "timezone": "Europe/Lisbon"}


@pytest.fixture
def reader() -> Iterator[Reader]:
    reader = Reader()
    yield reader
    reader.stop()


def _uids(reader: Reader) -> list[str]:
    trial = reader.read(PROGRAMME, "programme.txt", seconds=10, **READ)  # type: ignore[arg-type]
    return [s.uid for s in trial.schedule.sessions]


def _child(reader: Reader) -> int:
    assert reader._child is not None
    return reader._child.pid


UIDS = ["programme-20260609-registration", "programme-20260609-keynote"]


def test_a_child_killed_between_readings_is_replaced(reader: Reader) -> None:
    before = _uids(reader)
    first = _child(reader)
    os.kill(first, signal.SIGKILL)
    time.sleep(0.2)  # (the child reaped by no one yet: the reader sees it has exited)

    assert (before, _uids(reader), _child(reader) != first) == (UIDS, UIDS, True)


def test_a_child_killed_during_a_reading_is_said_and_replaced(reader: Reader) -> None:
    _uids(reader)
    first = _child(reader)
    failure: list[str] = []

    def read_slowly() -> None:
        try:
            reader.read(SLOW, "slow.txt", seconds=30, **READ)  # type: ignore[arg-type]
        except TrialError as error:
            failure.append(str(error))

    reading = threading.Thread(target=read_slowly)
    reading.start()
    while not reader._lock.locked():
        time.sleep(0.001)
    time.sleep(0.1)
    os.kill(first, signal.SIGKILL)
    reading.join()

    assert (failure, _uids(reader)) == (
        ["the reader stopped without an answer; try again"], UIDS
    )  # fmt: skip


def test_the_child_ends_with_the_process_that_started_it() -> None:
    script = (
        "from datetime import date\n"
        "from calsvc.trial import Reader\n"
        "reader = Reader()\n"
        "reader.read(b'Tuesday 9 June 2026\\n09:00 Opening\\n', 'p.txt', reference=date(2026, 1, 1),"
        " year=None, timezone=None, seconds=10)\n"
        "print(reader._child.pid, flush=True)\n"
        "import os; os._exit(0)\n"  # (no clean-up at all: as a worker killed would leave it)
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60)  # fmt: skip
    child = int(ran.stdout)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.05)

    assert _alive(child) is False


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False
