"""Programme text → Schedule: blocks found, dated, placed in their zone, given ends and items.

The steps are modules of their own (layouts.py finds the blocks, pagedate.py and
dateorder.py date them, placing.py places them in time); here they run in order, and the
sessions get what comes last: an end where none is written, a day where no date is, one
entry where a page lists a session twice, and a uid.
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date, datetime, timedelta

import pytz

from ..kinds import TALK_KINDS, slugify
from ..model import Conference, Schedule, Session
from .afternoons import read_afternoons
from .dateorder import order_dates
from .items import read_body
from .labels import Vocabulary
from .layouts import read_blocks
from .notes import Notes, nothing_found
from .pagedate import date_rows
from .placing import Placed, place_dated
from .text import decode
from .timeline import check_days

MAX_UID_WORDS = 12


def _infer_ends(timed: list[Placed], conference: Conference, zone: pytz.BaseTzInfo) -> None:
    starts_by_day: dict[date | None, list[datetime]] = {}
    for placed in timed:
        assert placed.start is not None
        starts_by_day.setdefault(placed.day, []).append(placed.start)
    for starts in starts_by_day.values():
        starts.sort()
    for placed in timed:
        if placed.end is not None:
            continue
        assert placed.start is not None
        length = timedelta(minutes=conference.duration_minutes(slugify(placed.label.kind)))
        cap = zone.normalize(placed.start + length)  # the length may cross a DST change
        starts = starts_by_day[placed.day]
        following = bisect.bisect_right(starts, placed.start)  # the next start that day
        placed.end = min(cap, starts[following]) if following < len(starts) else cap
        placed.end_inferred = True


def _once(placed: list[Placed], notes: Notes) -> list[Placed]:
    """Each session once: a page that lists a session twice (at a glance, then in detail)
    gives it once; an info note names the second line."""
    seen: dict[tuple[object, ...], int] = {}
    kept = []
    for entry in placed:
        key = (entry.start, entry.end, entry.label.title, entry.block.room or entry.block.day_room)
        if entry.start is None or key not in seen:
            seen.setdefault(key, entry.block.line)
            kept.append(entry)
            continue
        message = f"{entry.label.title!r} is listed again (first at line {seen[key]}); read once"
        notes.add(entry.block.line, "info", "listed-twice", message)
    return kept


def _date_undated(placed: list[Placed], notes: Notes) -> None:
    for index, entry in enumerate(placed):
        if entry.block.span is not None:
            continue
        before = next((p.day for p in reversed(placed[:index]) if p.start), None)
        after = next((p.day for p in placed[index + 1 :] if p.start), None)
        if before and after and before != after:
            notes.add(
                entry.block.line,
                "warning",
                "undated",
                f"{entry.label.title} has no date or time, and lies between "
                f"{before} and {after}; listed without a date",
            )
        else:
            entry.day = before or after
            if entry.day is None:
                notes.add(
                    entry.block.line,
                    "warning",
                    "undated",
                    f"{entry.label.title} has no date or time; listed without a date",
                )


def _uid(conference: str, placed: Placed, counts: Counter[str], issued: set[str]) -> str:
    """Conference, day and the label's words: stable while the session keeps its name.
    A uid is never given twice: a title whose words are a number ('令和5年' → '…-5') could
    be the fifth uid of a day whose titles have no Latin words."""
    day = f"{placed.day:%Y%m%d}" if placed.day else "undated"
    words = "-".join(slugify(placed.label.title).split("-")[:MAX_UID_WORDS])
    key = "-".join(p for p in (conference, day, words) if p)
    while True:
        counts[key] += 1
        uid = key if counts[key] == 1 else f"{key}-{counts[key]}"
        if uid not in issued:
            issued.add(uid)
            return uid


def _session(placed: Placed, conference: Conference, uid: str) -> Session:
    block, label = placed.block, placed.label
    body = read_body(block.body, talk=block.span is None or slugify(label.kind) in TALK_KINDS)
    rooms = (block.room,) if block.room else body.rooms
    if not rooms and block.day_room:
        rooms = (block.day_room,)
    return Session(
        uid=uid,
        source=conference.source,
        line=block.line,
        conference=conference.slug,
        kind=label.kind,
        track=label.track,
        title=label.title,
        day=placed.day,
        start=placed.start,
        end=placed.end,
        end_inferred=placed.end_inferred,
        timezone=conference.timezone,
        location=", ".join(rooms) or None,
        items=body.items,
    )


def parse_programme(
    data: bytes, conference: Conference, *, reference: date, year: int | None = None
) -> Schedule:
    """Reads a programme text; problems with single lines become diagnostics, not exceptions.

    Raises SourceError only for a source that cannot be read as text at all.
    """
    lines, diagnostics = decode(data, conference.source)
    notes = Notes(conference.source, diagnostics)
    vocabulary = Vocabulary(conference.kinds)
    reading = read_blocks(lines, vocabulary, notes)
    blocks, left_out = date_rows(
        reading.blocks,
        reading.mentions,
        lines,
        year=year or conference.year,
        given=conference.date,
        reference=reference,
        notes=notes,
    )
    order_dates(blocks, lines, conference.timezone, notes, year=year or conference.year)
    read_afternoons(blocks, notes)
    blocks = check_days(blocks, notes)
    placed = [
        Placed(b, vocabulary.read(b.label, short_is_kind=b.layout == "header"))
        for b in blocks
        if b.label is not None
    ]
    zone = pytz.timezone(conference.timezone)
    dated = [p for p in placed if p.block.span is not None]
    if dated:
        failed = place_dated(dated, conference, zone, notes, year=year, reference=reference)
        placed = _once([p for p in placed if id(p) not in failed], notes)
    _infer_ends([p for p in placed if p.start is not None], conference, zone)
    _date_undated(placed, notes)
    counts: Counter[str] = Counter()
    issued: set[str] = set()
    sessions = tuple(
        _session(p, conference, _uid(conference.slug, p, counts, issued)) for p in placed
    )
    if not sessions:
        unread = [n for n in (reading.first_unread, left_out) if n is not None]
        nothing_found(lines, reading.timed, notes, min(unread, default=None))
    notes.close()
    diagnostics.sort(key=lambda d: d.line)
    zones = sorted({p.block.span.zone for p in dated if p.block.span and p.block.span.zone})
    return Schedule(conference, sessions, tuple(diagnostics), tuple(zones))
