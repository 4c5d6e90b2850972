"""The sources folder: the data file and the texts it names, loaded, watched, and kept when broken.

A source that fails to load leaves its last good schedule in service; the failure is kept
beside it for /status and the log.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from ..errors import CalsvcError, ConfigError, SourceError
from ..model import DATA_FILE, Conference, Diagnostic, Schedule
from ..parse import read_bytes, read_programme
from .conferences import (
    DataFile,
    load_data_file,
)
from .fetch import Pages
from .guessed import (
    PROGRAMME_SUFFIXES,
    programme_files,
    undescribed_conference,
)
from .signatures import Signature, settled, signature

log = logging.getLogger("calsvc.sources")


@dataclass(frozen=True, slots=True)
class SourceState:
    """One source file as it stands: the schedule in service and what went wrong, if anything."""

    file: str
    conference: Conference | None
    schedule: Schedule | None  # the last good version, which may be older than the file
    signature: Signature
    loaded_at: datetime | None
    error: str | None = None
    digest: str | None = None

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.schedule.diagnostics if self.schedule else ()

    @property
    def notes(self) -> bool:
        """Whether the data file marks it as notes: read, never served."""
        return self.conference is not None and self.conference.notes

    @property
    def served(self) -> Conference | None:
        """The conference its sessions are served under: as read (with the zone the reader
        found for a file no data file describes), else as given; none for notes."""
        if self.notes:
            return None
        return self.schedule.conference if self.schedule else self.conference


@dataclass(frozen=True, slots=True)
class Loaded:
    """Every source of a folder at one moment, plus the data file's own state."""

    folder: Path
    conferences: tuple[Conference, ...]
    sources: tuple[SourceState, ...]
    data_file_signature: Signature
    data_file_errors: tuple[str, ...] = ()
    signatures: tuple[Signature, ...] = field(default=())

    @property
    def settled(self) -> bool:
        """Whether every file is old enough for its signature alone to show a change."""
        return all(sig is None or settled(sig) for sig in self.signatures)

    def page_refreshes(self) -> dict[str, int]:
        """How often each page by address is fetched, in minutes."""
        return {c.url: c.refresh_minutes for c in self.conferences if c.url}

    def same_as(self, before: Loaded | None) -> bool:
        """Whether every source kept the very schedule it had: nothing to record again."""
        return (
            before is not None
            and len(before.sources) == len(self.sources)
            and all(
                old.conference == new.conference and old.schedule is new.schedule
                for old, new in zip(before.sources, self.sources, strict=True)
            )
        )


def folder_signature(folder: Path, loaded: Loaded | None) -> tuple[Signature, ...]:
    """What to compare to notice any change: the folder itself (files added, removed or
    renamed), the data file and every source."""
    names = [s.file for s in loaded.sources] if loaded else []
    return (
        signature(folder),
        signature(folder / DATA_FILE),
        *(signature(folder / name) for name in names),
    )


class SourceRules(NamedTuple):
    """What an operator sets for sources (CALSVC_LINKS_OUTSIDE, CALSVC_MAX_SOURCE_MB, and
    CALSVC_TIMEZONE for files the data file does not describe: '' to find it in the text)."""

    links_outside: bool = False
    max_source_mb: int = 64
    timezone: str = ""


DEFAULT_RULES = SourceRules()
SLOW_SOURCE_SECONDS = 1.0  # a source that takes longer to read is logged, as startup progress


def _load_source(
    folder: Path,
    conference: Conference,
    previous: SourceState | None,
    *,
    now: datetime,
    reference: date,
    rules: SourceRules,
    pages: Pages | None,
) -> SourceState:
    path = folder / conference.source
    current = None if conference.url else signature(path)
    if error := _outside(folder, path, conference, rules):
        log.error("%s", error)
        last_good = previous.schedule if previous else None
        return SourceState(conference.source, conference, last_good, current, None, str(error))
    same = previous if previous is not None and previous.conference == conference else None
    if same and same.signature == current and settled(current):
        return same
    try:
        data = _source_bytes(path, conference, now=now, rules=rules, pages=pages)
        digest = hashlib.sha256(data).hexdigest()
        if same and same.digest == digest and not same.error:
            return replace(same, signature=current)
        schedule = _read(data, conference, previous, reference=reference, rules=rules)
    except CalsvcError as error:
        log.error("source %s failed to load, last good version kept: %s", conference.source, error)
        last_good, at = (previous.schedule, previous.loaded_at) if previous else (None, None)
        return SourceState(conference.source, conference, last_good, current, at, str(error))
    return SourceState(conference.source, conference, schedule, current, now, None, digest)


def _outside(
    folder: Path, path: Path, conference: Conference, rules: SourceRules
) -> SourceError | None:
    """The error for a file that links outside the sources folder, unless that is allowed."""
    if conference.url or rules.links_outside or path.resolve().is_relative_to(folder.resolve()):
        return None
    return SourceError(
        conference.source,
        None,
        f"is a link to {path.resolve()}, outside the sources folder; not read "
        "(set CALSVC_LINKS_OUTSIDE=true to allow it)",
    )


def _source_bytes(
    path: Path, conference: Conference, *, now: datetime, rules: SourceRules, pages: Pages | None
) -> bytes:
    """A file's bytes, or a page's (fetched when due, else as last fetched)."""
    if conference.url is None:
        return read_bytes(path, name=conference.source, limit_mb=rules.max_source_mb)
    if pages is None:
        raise SourceError(conference.url, None, "pages by address are fetched by a server")
    return pages.read(
        conference.url,
        refresh_minutes=conference.refresh_minutes,
        now=now,
        limit_mb=rules.max_source_mb,
    )


def _read(
    data: bytes,
    conference: Conference,
    previous: SourceState | None,
    *,
    reference: date,
    rules: SourceRules,
) -> Schedule:
    """The schedule of a source's text; a SourceError for one that lost every session."""
    started = time.perf_counter()
    zone_known = conference.described or bool(rules.timezone)
    schedule = read_programme(data, conference, zone_known=zone_known, reference=reference)
    if (seconds := time.perf_counter() - started) >= SLOW_SOURCE_SECONDS:
        sessions, megabytes = len(schedule.sessions), len(data) / 1e6
        log.info("read %s: %d sessions from %.0f MB in %.1f s", conference.source, sessions,
                 megabytes, seconds)  # fmt: skip
    if not _dated(schedule) and previous and previous.schedule and _dated(previous.schedule):
        # An emptied or truncated paste would cancel the whole programme: refuse it (a
        # header cut before its date, 'Poster: Federated Le', is no programme either).
        kept = _dated(previous.schedule)
        raise SourceError(
            conference.source,
            1,
            f"no sessions found; the last good version "
            f"({kept} sessions) stays in service until the file has sessions again",
        )
    if conference.notes and (dated := _dated(schedule)):
        said = Diagnostic(
            conference.source,
            min(s.line for s in schedule.sessions if s.day),
            "warning",
            "notes-with-sessions",
            f"{dated} session{'s' * (dated != 1)} read in a file the data file marks as "
            "notes; not served "
            "(remove notes = true from its entry to serve them)",
        )
        return replace(schedule, diagnostics=(*schedule.diagnostics, said))
    return schedule


def _dated(schedule: Schedule) -> int:
    """How many of a schedule's sessions have a day: those a feed can serve."""
    return sum(1 for session in schedule.sessions if session.day)


def _undescribed(
    folder: Path, data: DataFile, described: tuple[Conference, ...], timezone: str
) -> tuple[Conference, ...]:
    """Conferences for the programme files the data file does not list (nor lists wrongly)."""
    listed = {c.source for c in described} | {p.file for p in data.problems if p.file}
    taken = {c.slug for c in described}
    found = []
    for name in programme_files(folder):
        if name not in listed:
            conference = undescribed_conference(folder / name, timezone, taken)
            taken.add(conference.slug)
            found.append(conference)
    return tuple(found)


def load_folder(
    folder: Path,
    previous: Loaded | None,
    *,
    now: datetime,
    reference: date,
    rules: SourceRules = DEFAULT_RULES,
    pages: Pages | None = None,
) -> Loaded:
    """Loads (or reloads) a sources folder, reusing what has not changed and keeping what broke.

    A data file that cannot be read keeps every previous conference; an entry that went
    wrong keeps its own previous version, if it had one.
    """
    data_path = folder / DATA_FILE
    data_signature = signature(data_path)
    earlier = {c.source: c for c in previous.conferences} if previous else {}
    try:
        data = load_data_file(data_path) if data_signature else DataFile(data_path, {})
    except CalsvcError as error:
        log.error("data file failed to load, last good version kept: %s", error)
        conferences = tuple(earlier.values())
        errors: tuple[str, ...] = (str(error),)
    else:
        kept = {}
        for problem in data.problems:
            log.error("data file entry left out: %s", problem.error)
            if problem.file in earlier and problem.file not in data.by_file:
                kept[problem.file] = earlier[problem.file]
        conferences = tuple({**data.by_file, **kept}.values())
        conferences += _undescribed(folder, data, conferences, rules.timezone or "UTC")
        errors = tuple(str(problem.error) for problem in data.problems)
    before = {s.file: s for s in previous.sources} if previous else {}
    sources = tuple(
        _load_source(
            folder,
            c,
            before.get(c.source),
            now=now,
            reference=reference,
            rules=rules,
            pages=pages,
        )
        for c in conferences
    )
    loaded = Loaded(folder, conferences, sources, data_signature, errors)
    return Loaded(
        folder, conferences, sources, data_signature, errors, folder_signature(folder, loaded)
    )


def check_folder(folder: Path) -> None:
    """Raises ConfigError unless the folder holds a data file that loads, or programme files."""
    if not folder.is_dir():
        raise ConfigError(str(folder), None, "the sources folder does not exist")
    if (folder / DATA_FILE).exists():
        load_data_file(folder / DATA_FILE)
    elif not programme_files(folder):
        suffixes = ", ".join(PROGRAMME_SUFFIXES)
        raise ConfigError(
            str(folder), None, f"holds no {DATA_FILE} and no programme files ({suffixes})"
        )
