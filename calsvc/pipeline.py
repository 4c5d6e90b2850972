"""The whole of calsvc, in order: sources → parse → revisions → catalogue → render → feeds.

`load` reads a folder's sources, records their revisions and builds the catalogue with every
event rendered (a restart's `stored` builds it from the store alone); `render` (in any of the
formats), `single`, `version` and `changes` answer from it. Every front end goes through these
for the catalogue in service; none chains the steps its own way.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from .catalogue.catalogue import Catalogue
from .catalogue.selection import Selection
from .changes import Told, told_changes
from .codec import session_from_json, session_json
from .formats.base import Format
from .ics.feed import Feed, Served, assemble, render_all
from .ics.render import fingerprint
from .model import Conference, Entry, Session
from .sources.conferences import described_conferences
from .sources.fetch import Pages
from .sources.folder import (
    DEFAULT_RULES,
    Loaded,
    SourceRules,
    SourceState,
    load_folder,
)
from .store.guard import Held
from .store.queries import Store, Stored
from .store.recording import Current

log = logging.getLogger("calsvc.pipeline")


def load(
    folder: Path,
    previous: Loaded | None,
    store: Store,
    *,
    now: datetime,
    keep_cancelled: timedelta,
    untimed: bool = True,
    served: Served | None = None,
    rebuild: bool = False,
    rules: SourceRules = DEFAULT_RULES,
    pages: Pages | None = None,
) -> tuple[Loaded, Served]:
    """Read and parse the folder's sources (reusing unchanged ones), record their revisions,
    index them and render every event. What is `served` stays when no schedule changed and
    nothing expired (and no `rebuild` is asked for); otherwise its events are reused where
    they still hold. A source that cannot be read keeps its sessions from the store."""
    loaded = load_folder(folder, previous, now=now, reference=now.date(), rules=rules, pages=pages)
    if served and not rebuild and loaded.same_as(previous) and not served.catalogue.expired(now):
        return loaded, served
    record = partial(_recorded, store=store, now=now, keep=keep_cancelled, untimed=untimed)
    entries = [entry for source in loaded.sources if source.served for entry in record(source)]
    conferences = [s.served for s in loaded.sources if s.served is not None]
    catalogue = _catalogue(conferences, entries, store, now=now, keep=keep_cancelled)
    return loaded, render_all(catalogue, served)


def _recorded(
    source: SourceState, *, store: Store, now: datetime, keep: timedelta, untimed: bool
) -> list[Entry]:
    """A source's sessions with their revisions: those read, as recorded in the store; for a
    source that could not be read, the ones the store kept."""
    conference = source.served
    assert conference is not None, "every source loaded is served as a conference"
    if source.schedule is None:
        return _kept(store.served(conference.slug, now, keep_cancelled=keep), conference)
    live = {s.uid: s for s in source.schedule.sessions if s.day and (untimed or s.timed)}
    current = [
        Current(u, fingerprint(s, conference), partial(session_json, s)) for u, s in live.items()
    ]
    try:
        guarded = not conference.cancel_freely
        rows = store.sync(conference.slug, current, now, keep_cancelled=keep, guarded=guarded)
    except Held as held:  # the last good version stays: served as the store kept it
        if store.first_to_tell(f"held {conference.slug}", str(held.held.cancelling)):
            log.warning("%s: %s", source.file, held)
        return _kept(held.rows, conference)
    return [Entry(_session(r, live), conference, r.revision) for r in rows]


def _kept(rows: list[Stored], conference: Conference) -> list[Entry]:
    """Rows served as the store kept them (a source not read, or a version held)."""
    return [Entry(session_from_json(r.kept), conference, r.revision) for r in rows]


def _session(row: Stored, live: dict[str, Session]) -> Session:
    """A row's session as read, under the UID the store keeps it by; or as the store kept it."""
    read = live.get(row.read_as or row.uid)
    if read is None:
        return session_from_json(row.kept)
    return replace(read, uid=row.uid) if row.read_as else read


def _catalogue(
    conferences: list[Conference], entries: list[Entry], store: Store, *,
    now: datetime, keep: timedelta,
) -> Catalogue:  # fmt: skip
    """The catalogue of these entries, knowing the ids of sessions removed long ago."""
    retired = [u for c in conferences for u in store.retired(c.slug, now, keep_cancelled=keep)]
    return Catalogue.build(conferences, entries, keep_cancelled=keep, retired=retired)


def stored(
    folder: Path,
    store: Store,
    *,
    now: datetime,
    keep_cancelled: timedelta,
    untimed: bool = True,
) -> Served | None:
    """What the store recorded for the data file's conferences, read without a single source:
    what a restart serves while its sources are read (the same revisions make the same
    version). None when the data file does not load or the store has no rows."""
    conferences = described_conferences(folder)
    entries = [
        Entry(session_from_json(row.kept), conference, row.revision)
        for conference in conferences
        for row in store.served(conference.slug, now, keep_cancelled=keep_cancelled)
    ]
    entries = [e for e in entries if untimed or e.session.timed]
    if not entries:
        return None
    return render_all(_catalogue(conferences, entries, store, now=now, keep=keep_cancelled))


def render(
    served: Served, selection: Selection, fmt: Format, *, base_url: str, ttl: timedelta
) -> Feed:
    """Select the sessions and render them in a format (iCalendar: their rendered VEVENTs
    under a calendar head)."""
    return fmt.render(served, selection, base_url, ttl)


def single(served: Served, uid: str, *, base_url: str, ttl: timedelta) -> Feed:
    """A calendar holding one session, for its download: the same VEVENT as in every feed."""
    entry, position = served.catalogue.entry(uid), served.catalogue.position(uid)
    name = f"{entry.conference.name} · {entry.session.title}"
    return assemble(served, name, [position], base_url=base_url, ttl=ttl, key=f"uid {uid}")


def changes(
    store: Store, catalogue: Catalogue, selection: Selection, *, limit: int = 200
) -> list[Told]:
    """What changed in the sessions of a checked selection, newest first."""
    found = [
        change
        for conference in selection.conferences or tuple(catalogue.conferences)
        for change in store.changes(conference, limit=limit * 5)
    ]
    found.sort(key=lambda change: change.seen, reverse=True)
    return told_changes(found, selection, catalogue.short_id)[:limit]


def version(
    served: Served, selection: Selection, fmt: Format, *, base_url: str, ttl: timedelta
) -> tuple[str, datetime]:
    """A document's version and Last-Modified, known without making it."""
    catalogue = served.catalogue
    modified = catalogue.last_modified(catalogue.positions(selection))
    return fmt.version(served, selection, base_url, ttl), modified
