"""The whole of calsvc, in order: source text → parse → schedule → revisions → select → render.

Every front end (web app, CLI, static export) calls these functions; none chains the steps
its own way. `parse_file` serves `calsvc parse`; `load` and `feed` serve the feeds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property, partial
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .catalogue import Catalogue
from .errors import CalsvcError, ConfigError, StoreError
from .ics.render import CALENDAR_TAIL, Rendered, calendar_head, fingerprint
from .model import Conference, Entry, Schedule
from .parse import parse_programme, parse_undescribed, read_bytes
from .report import event_json, session_from_json
from .selection import Selection
from .sources.conferences import (
    DATA_FILE,
    PROGRAMME_SUFFIXES,
    DataFile,
    check_zone,
    conference_for,
    fallback_conference,
    load_data_file,
    page_slug,
    programme_files,
)
from .sources.fetch import Pages
from .sources.folder import DEFAULT_RULES, Loaded, SourceRules, load_folder
from .store.revisions import Current, RevisionStore

log = logging.getLogger("calsvc.sources")
_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING}
MAIN_PID_VARIABLE = "CALSVC_SERVER_PID"  # the server's main process, set for its workers


class Served(NamedTuple):
    """A catalogue and its events rendered: built together, put in service together, so no
    request ever joins the events of one version under the index of another."""

    catalogue: Catalogue
    rendered: Rendered


def _served(catalogue: Catalogue, previous: Served | None) -> Served:
    """The catalogue with every event rendered, or reused from `previous` where it holds."""
    return Served(catalogue, Rendered(catalogue.entries, previous.rendered if previous else None))


def find_data_file(source: Path, sources_dir: Path | None) -> DataFile | None:
    """The data file beside a source, else the one in the sources folder, else none."""
    for folder in (source.parent, sources_dir):
        if folder is not None and (folder / DATA_FILE).is_file():
            return load_data_file(folder / DATA_FILE)
    return None


def parse_file(
    path: Path,
    *,
    reference: date,
    sources_dir: Path | None = None,
    year: int | None = None,
    timezone: str | None = None,
) -> Schedule:
    """Parse one source file as `calsvc parse` does: data file entry, else inference and UTC."""
    data = find_data_file(path, sources_dir)
    if data and (problem := data.problem_with(path.name)):
        raise problem
    known = conference_for(path, data)
    conference = dataclasses.replace(known or fallback_conference(path), source=str(path))
    if timezone:
        check_zone(timezone, "--tz")
        conference = dataclasses.replace(conference, timezone=timezone)
    if known is None and timezone is None:
        return parse_undescribed(read_bytes(path), conference, reference=reference, year=year)
    return parse_programme(read_bytes(path), conference, reference=reference, year=year)


def parse_page(
    url: str,
    *,
    reference: date,
    year: int | None = None,
    timezone: str | None = None,
    limit_mb: int = 64,
) -> Schedule:
    """`calsvc parse URL`: the page fetched once and read as a saved page no data file
    describes (its zone from the text unless given)."""
    if timezone:
        check_zone(timezone, "--tz")
    slug = page_slug(url)
    conference = Conference(slug, slug, timezone or "UTC", url, described=False, url=url)
    data = Pages().read(url, refresh_minutes=0, now=datetime.now(UTC), limit_mb=limit_mb)
    if timezone:
        return parse_programme(data, conference, reference=reference, year=year)
    return parse_undescribed(data, conference, reference=reference, year=year)


def check_sources(folder: Path) -> None:
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


def check_store(path: Path) -> None:
    """Raises ConfigError unless the revision store opens (before any server worker starts)."""
    RevisionStore(path).close()


def load(
    folder: Path,
    previous: Loaded | None,
    store: RevisionStore,
    *,
    now: datetime,
    keep_cancelled: timedelta,
    untimed: bool = True,
    served: Served | None = None,
    rebuild: bool = False,
    rules: SourceRules = DEFAULT_RULES,
    pages: Pages | None = None,
) -> tuple[Loaded, Served]:
    """Parse the folder's sources (reusing unchanged ones), record revisions, index the result.

    A source that cannot be loaded is not synced, so its sessions are neither cancelled nor
    lost: the last good version comes from memory, or after a restart from the store. When
    no schedule changed and nothing expired (and no `rebuild` is asked for), what is served
    (given) stays; otherwise its rendered events are reused where they still hold.
    """
    loaded = load_folder(folder, previous, now=now, reference=now.date(), rules=rules, pages=pages)
    _tell_diagnostics(previous, loaded, store)
    unchanged = previous is not None and _same_schedules(previous, loaded)
    if served is not None and unchanged and not rebuild and not served.catalogue.expired(now):
        return loaded, served
    entries: list[Entry] = []
    for source in loaded.sources:
        conference = source.served
        assert conference is not None
        sessions = source.schedule.sessions if source.schedule else ()
        live = {s.uid: s for s in sessions if s.day and (untimed or s.timed)}
        if source.schedule is not None:
            stored = store.sync(
                conference.slug,
                [
                    Current(uid, fingerprint(s, conference), partial(event_json, s))
                    for uid, s in live.items()
                ],
                now,
                keep_cancelled=keep_cancelled,
            )
        else:
            stored = store.served(conference.slug, now, keep_cancelled=keep_cancelled)
        for row in stored:
            session = live.get(row.uid)
            if session is None:
                assert row.session is not None, (
                    "the store gives the JSON of every session not in the source"
                )
                session = session_from_json(row.session)
            entries.append(Entry(session, conference, row.revision))
    catalogue = Catalogue.build(
        [s.served for s in loaded.sources if s.served is not None],
        entries,
        _version(entries),
        keep_cancelled=keep_cancelled,
    )
    return loaded, _served(catalogue, served)


def stored(
    folder: Path,
    store: RevisionStore,
    *,
    now: datetime,
    keep_cancelled: timedelta,
    untimed: bool = True,
) -> Served | None:
    """The catalogue the store recorded for the data file's conferences, made without reading
    a single source: what a restart serves while its sources are read. The same sessions and
    revisions give the same version, so if nothing changed meanwhile, reading them changes
    nothing a client sees. None when the data file does not load or the store has no rows."""
    try:
        conferences = list(load_data_file(folder / DATA_FILE).by_file.values())
    except CalsvcError:
        return None
    entries: list[Entry] = []
    for conference in conferences:
        for row in store.served(conference.slug, now, keep_cancelled=keep_cancelled):
            assert row.session is not None, "served() gives every session's JSON"
            session = session_from_json(row.session)
            if untimed or session.timed:
                entries.append(Entry(session, conference, row.revision))
    if not entries:
        return None
    catalogue = Catalogue.build(
        conferences, entries, _version(entries), keep_cancelled=keep_cancelled
    )
    return _served(catalogue, None)


def _version(entries: Sequence[Entry]) -> str:
    """A catalogue's version: a digest of every session's revision."""
    revisions = sorted(
        (e.session.uid, e.revision.sequence, e.revision.modified.isoformat(), e.revision.cancelled)
        for e in entries
    )
    return hashlib.sha256(repr(revisions).encode()).hexdigest()[:16]


def _tell_diagnostics(before: Loaded | None, after: Loaded, store: RevisionStore) -> None:
    """Logs what reading each new version of a source found, once per server: every worker
    reads it, and the store says which one is first. (A failing store: each one logs.)"""
    earlier = {s.file: s.schedule for s in before.sources} if before else {}
    server = os.environ.get(MAIN_PID_VARIABLE) or str(os.getpid())
    for source in after.sources:
        if source.schedule is None or earlier.get(source.file) is source.schedule:
            continue
        try:
            first = store.first_to_tell(f"{server} {source.file}", source.digest or "")
        except StoreError:
            first = True
        if first:
            for diagnostic in source.schedule.diagnostics:
                log.log(_LEVELS.get(diagnostic.level, logging.INFO), "%s", diagnostic)


def _same_schedules(before: Loaded, after: Loaded) -> bool:
    """Whether every source kept the very schedule it had: nothing to record or index again."""
    return len(before.sources) == len(after.sources) and all(
        old.conference == new.conference and old.schedule is new.schedule
        for old, new in zip(before.sources, after.sources, strict=True)
    )


@dataclass(frozen=True)
class Feed:
    """A calendar as the pieces it is joined from (rendered once, shared with the catalogue),
    and what HTTP needs to serve it. Joining is left to whoever needs the bytes: `body` for
    all of them at once, `blocks()` to send them without a copy of the whole."""

    pieces: Sequence[bytes]
    name: str
    etag: str
    last_modified: datetime
    events: int
    size: int = field(init=False)

    BLOCK = 256 * 1024

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", sum(map(len, self.pieces)))

    @cached_property
    def body(self) -> bytes:
        return b"".join(self.pieces)

    def blocks(self) -> Iterator[bytes]:
        """The bytes in blocks of about BLOCK octets."""
        block: list[bytes] = []
        length = 0
        for piece in self.pieces:
            block.append(piece)
            length += len(piece)
            if length >= self.BLOCK:
                yield b"".join(block)
                block, length = [], 0
        if block:
            yield b"".join(block)


def _assemble(
    served: Served,
    name: str,
    positions: list[int],
    *,
    base_url: str,
    ttl: timedelta,
    key: str,
) -> Feed:
    catalogue = served.catalogue
    head = calendar_head(
        name=name,
        description=f"{name}: sessions from the published programme.",
        zones=catalogue.zones_for(positions),
        ttl=ttl,
    )
    events = served.rendered.events(positions, base_url=base_url)
    etag = _etag(catalogue, base_url=base_url, ttl=ttl, key=key)
    pieces = [head, *events, CALENDAR_TAIL]
    return Feed(pieces, name, etag, catalogue.last_modified(positions), len(positions))


def _etag(catalogue: Catalogue, *, base_url: str, ttl: timedelta, key: str) -> str:
    """The bytes follow from these alone, so they make a strong ETag without the body."""
    identity = "\0".join([__version__, catalogue.version, base_url, str(ttl), key])
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def validators(
    catalogue: Catalogue, selection: Selection, *, base_url: str, ttl: timedelta
) -> tuple[str, datetime]:
    """A feed's ETag and Last-Modified, known before (and without) assembling it; NotFound
    for the same unknown names as feed()."""
    positions = catalogue.positions(selection)
    catalogue.name(selection)
    etag = _etag(catalogue, base_url=base_url, ttl=ttl, key=repr(selection))
    return etag, catalogue.last_modified(positions)


def feed(
    served: Served,
    selection: Selection,
    *,
    base_url: str,
    ttl: timedelta,
) -> Feed:
    """Select the sessions, then assemble their rendered VEVENTs under a calendar head."""
    catalogue = served.catalogue
    positions = catalogue.positions(selection)
    return _assemble(
        served,
        catalogue.name(selection),
        positions,
        base_url=base_url,
        ttl=ttl,
        key=repr(selection),
    )


def single(served: Served, uid: str, *, base_url: str, ttl: timedelta) -> Feed:
    """A calendar holding one session, for its download: the same VEVENT as in every feed."""
    catalogue = served.catalogue
    entry = catalogue.entry(uid)
    return _assemble(
        served,
        f"{entry.conference.name} · {entry.session.title}",
        [catalogue.position(uid)],
        base_url=base_url,
        ttl=ttl,
        key=f"uid {uid}",
    )
