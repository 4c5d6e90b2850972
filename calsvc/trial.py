"""A programme tried before it is published (the "Try it" page): pasted or dropped bytes read
exactly as `calsvc parse` reads a file no data file lists, marked line by line, rendered as one
`.ics` and described as a conferences.toml entry. Nothing is stored and no address is fetched.

A text can be pathological (a reader's worst case, or a bomb of nested markup), so a `Reader`
reads it in a child process that is killed at its time limit: a request costs at most that
much of one core, and the worker it came to goes on serving.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import PurePath

from .catalogue.catalogue import time_order
from .errors import CalsvcError
from .ics.feed import unpublished_calendar
from .model import Conference, Entry, Revision, Schedule
from .parse import parse_programme
from .parse.marks import Marked, marked_lines
from .sources.conferences import check_zone
from .sources.entries import Facts, entry_text, facts_of
from .sources.guessed import PROGRAMME_SUFFIXES
from .sources.single import parse_text

PASTED = "programme.txt"  # the name a pasted text is read under
YEARS = range(1900, 2101)
READY = "ready"  # what a reader child says once it can read
START_SECONDS = 30.0  # how long a reader child may take to start
WARM_UP = b"Monday 1 June 2026\n09:00-10:00 Opening (Room 1)\n"


class TrialError(CalsvcError):
    """A programme that could not be tried: too slow, or the reader stopped."""


@dataclass(frozen=True)
class Trial:
    """What trying a programme shows: its reading, each line marked, its data-file entry."""

    schedule: Schedule
    lines: list[Marked]
    facts: Facts  # what its conferences.toml entry says

    @property
    def entry(self) -> str:
        """A conferences.toml holding one [[source]] entry for it."""
        return entry_text(self.facts)


def source_name(filename: str | None) -> str:
    """The name a dropped file is read under: its own base name if it is a programme file's
    (a saved page, Markdown or text), else a text's."""
    if not filename:
        return PASTED
    name = PurePath(filename.replace("\\", "/")).name.strip()
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    clean = "".join(c for c in stem if c.isalnum() or c in "-_. ")[:80].strip(" .")
    return f"{clean or 'programme'}{suffix if suffix in PROGRAMME_SUFFIXES else '.txt'}"


def check_given(timezone: str | None, year: int | None) -> None:
    """Refuses a zone that is not an IANA name or a year out of any programme's range."""
    if timezone:
        check_zone(timezone, "timezone")
    if year is not None and year not in YEARS:
        raise TrialError(f"year {year} is out of range ({YEARS.start}–{YEARS.stop - 1})")


def try_programme(
    data: bytes,
    name: str,
    *,
    reference: date,
    year: int | None,
    timezone: str | None,
    conference: Conference | None = None,
) -> Trial:
    """Reads a programme as `calsvc parse` would, in this process; or, for a `conference`
    the service serves, as the service reads its source (a new version of it)."""
    check_given(timezone, year)
    if conference is not None:
        schedule = parse_programme(data, conference, reference=reference)
    else:
        schedule = parse_text(data, name, reference=reference, year=year, timezone=timezone)
    facts = facts_of(schedule, zone_given=bool(timezone), year_given=year is not None)
    if year is not None:
        facts = replace(facts, year=year)
    return Trial(schedule, marked_lines(data, schedule), facts)


class Reader:
    """A child process that reads tried programmes one at a time, started on first use and
    killed (then started afresh) when a reading outlasts its time limit. A reading waits for
    the one before it at most as long as its own limit: a worker never reads two at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._pipes: tuple[Connection, Connection] | None = None

    def read(
        self,
        data: bytes,
        name: str,
        *,
        reference: date,
        year: int | None,
        timezone: str | None,
        seconds: float,
        conference: Conference | None = None,
    ) -> Trial:
        """`try_programme` in the child, stopped after `seconds` (a TrialError then)."""
        check_given(timezone, year)
        if not self._lock.acquire(timeout=seconds):
            raise TrialBusy("other programmes are being tried; try again in a moment")
        try:
            to_child, from_child = self._started()
            to_child.send((data, name, reference, year, timezone, conference))
            if not from_child.poll(seconds):
                self.stop()
                raise TrialError(
                    f"reading this text took longer than the {seconds:g} s a try may take: "
                    "try a shorter part of it, or read it with `calsvc parse`"
                )
            outcome: Trial | TrialError = from_child.recv()
        except (EOFError, OSError) as error:
            self.stop()
            raise TrialError("the reader stopped without an answer; try again") from error
        finally:
            self._lock.release()
        if isinstance(outcome, TrialError):
            raise outcome
        return outcome

    def _started(self) -> tuple[Connection, Connection]:
        """The child's pipes, once it is ready (a new child's start is not the reading's
        time: it says when it has imported the reader)."""
        if self._child is None or self._child.poll() is not None or self._pipes is None:
            self.stop()
            child = subprocess.Popen(
                [sys.executable, "-c", f"from {__name__} import serve; serve()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
            assert child.stdin is not None and child.stdout is not None
            self._child = child
            self._pipes = (Connection(os.dup(child.stdin.fileno())),
                           Connection(os.dup(child.stdout.fileno())))  # fmt: skip
            child.stdin.close()  # (the connections hold their own copies of the pipes)
            child.stdout.close()
            if not self._pipes[1].poll(START_SECONDS) or self._pipes[1].recv() != READY:
                self.stop()
                raise TrialError("the reader could not be started; try again in a moment")
        return self._pipes

    def stop(self) -> None:
        """Ends the child (and its pipes), if there is one."""
        child, pipes, self._child, self._pipes = self._child, self._pipes, None, None
        for pipe in pipes or ():
            pipe.close()
        if child is not None:
            child.kill()
            child.wait()


class TrialBusy(TrialError):
    """Every reader this worker has is busy."""


def serve() -> None:
    """The reader child's loop, on the pipes of its stdin and stdout: a request in, a Trial
    (or the TrialError that says why not) out."""
    requests, answers = Connection(os.dup(0)), Connection(os.dup(1))
    os.dup2(2, 1)  # (anything printed goes to the log, never into the answers)
    try_programme(WARM_UP, PASTED, reference=date(2026, 6, 1), year=None, timezone=None)
    answers.send(READY)  # (its word tables made: a first reading costs what any other does)
    while True:
        try:
            data, name, reference, year, timezone, conference = requests.recv()
        except EOFError:
            return
        try:
            outcome: Trial | TrialError = try_programme(
                data, name, reference=reference, year=year, timezone=timezone, conference=conference
            )
        except CalsvcError as error:  # (a source that is not text): said, not logged
            outcome = TrialError(str(error))
        answers.send(outcome)


def trial_calendar(trial: Trial, *, now: datetime, ttl: timedelta) -> bytes:
    """The sessions tried, as the calendar a first publish would serve (their first version)."""
    conference = trial.schedule.conference
    revision = Revision(sequence=0, created=now, modified=now)
    entries = [Entry(s, conference, revision) for s in trial.schedule.sessions if s.day]
    return unpublished_calendar(sorted(entries, key=time_order), conference.name, ttl=ttl)
