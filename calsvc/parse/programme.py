"""Programme text → Schedule: blocks found, dated, placed in their zone, given ends and items."""

from __future__ import annotations

import bisect
import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytz

from ..kinds import TALK_KINDS, slugify
from ..model import FIRST_YEAR, LAST_YEAR, Conference, Schedule, Session
from .afternoons import read_afternoons
from .blocks import Block
from .dateorder import order_dates
from .dates import Day
from .items import read_body
from .labels import Label, Vocabulary
from .layouts import read_blocks
from .notes import Notes, nothing_found
from .pagedate import date_rows
from .text import decode
from .timeline import check_days
from .years import infer_year, localize, weekday_name, years_for

MAX_UID_WORDS = 12


@dataclass
class _Placed:
    """A block with its label read and its times placed in the conference's zone."""

    block: Block
    label: Label
    day: date | None = None
    start: datetime | None = None
    end: datetime | None = None
    end_inferred: bool = False


def _resolve_years(
    dated: list[_Placed], conference: Conference, year: int | None, reference: date, notes: Notes
) -> list[int]:
    parts = [p.block.day for p in dated if p.block.day is not None]
    base = year or conference.year
    if base is None:
        guess = infer_year(parts, reference)
        base = guess.year
        if guess.from_weekdays:
            also = (
                f" (also fits {', '.join(map(str, guess.alternatives))})"
                if guess.alternatives
                else ""
            )
            message = (
                f"no year given; the weekdays fit {base}{also}; set year for it in conferences.toml"
            )
        else:
            message = f"no year given and no weekday to infer it from; assuming {base}"
        if any(p.year is None for p in parts):
            notes.add(dated[0].block.line, "warning", "year-inferred", message)
    return years_for(parts, base)


def _date(placed: _Placed, written: Day, year: int, notes: Notes, warned: set[Day]) -> date | None:
    block = placed.block
    if not FIRST_YEAR <= year <= LAST_YEAR:
        notes.add(
            block.line,
            "error",
            "bad-date",
            f"year {year} is out of range; this session is left out",
        )
        return None
    try:
        day = date(year, written.month, written.day)
    except ValueError:
        month = calendar.month_name[written.month]
        days = calendar.monthrange(year, written.month)[1]
        notes.add(
            block.line,
            "error",
            "bad-date",
            f"{written.text!r} is not a date: {month} {year} has {days} days; "
            "this session is left out",
        )
        return None
    if written.weekday is not None and written.weekday != day.weekday() and written not in warned:
        warned.add(written)  # once per heading, not once per row under it
        notes.add(
            block.line,
            "warning",
            "weekday-mismatch",
            f"{written.text!r}: {day:%d %B %Y} is a {weekday_name(day.weekday())}, "
            f"not a {weekday_name(written.weekday)}; using the date",
        )
    return day


def _place(
    placed: _Placed, year: int, zone: pytz.BaseTzInfo, notes: Notes, warned: set[Day]
) -> bool:
    """Sets the day, start and end (when written); False when a date is impossible."""
    block, span = placed.block, placed.block.span
    assert block.day is not None and span is not None
    day = _date(placed, block.day, year, notes, warned)
    if day is None:
        return False
    if block.after_midnight:
        day += timedelta(days=1)
    placed.day = day
    if span.remark:
        notes.add(block.line, "warning", "odd-time", span.remark)
    placed.start = _at(block, day, span.start.hour, span.start.minute, zone, notes)
    if span.end is not None:
        end_day = day
        if span.end_day is not None:
            end_year = year + (1 if span.end_day.month < block.day.month else 0)
            found = _date(placed, span.end_day, span.end_day.year or end_year, notes, warned)
            if found is None:
                return False
            end_day = found
        elif (span.end.hour, span.end.minute) <= (span.start.hour, span.start.minute):
            end_day += timedelta(days=1)  # '11 p.m. – 1 a.m.' ends the next day
        placed.end = _at(block, end_day, span.end.hour, span.end.minute, zone, notes)
        if placed.end <= placed.start:
            notes.add(
                block.line,
                "error",
                "bad-range",
                f"{block.date_text!r} ends before it starts; this session is left out",
            )
            return False
    if span.zone and not _zone_agrees(span.zone, placed.start):
        notes.add(
            block.line,
            "warning",
            "zone-mismatch",
            f"the header says {span.zone} but {zone.zone} is {placed.start.tzname()} then; "
            f"times are read in {zone.zone}",
        )
    return True


def _at(
    block: Block, day: date, hour: int, minute: int, zone: pytz.BaseTzInfo, notes: Notes
) -> datetime:
    aware, problem = localize(datetime.combine(day, time(hour, minute)), zone)
    if problem:
        notes.add(block.line, "warning", "dst", problem)
    return aware


def _zone_agrees(abbreviation: str, moment: datetime) -> bool:
    name = moment.tzname() or ""
    if abbreviation == name or (
        abbreviation in {"UTC", "GMT", "Z"} and moment.utcoffset() == timedelta(0)
    ):
        return True
    # 'PT' or 'ET' names the zone without saying which half of the year.
    return (
        len(abbreviation) == 2
        and abbreviation[1] == "T"
        and name[:1] == abbreviation[0]
        and len(name) == 3
    )


def _infer_ends(timed: list[_Placed], conference: Conference, zone: pytz.BaseTzInfo) -> None:
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


def _once(placed: list[_Placed], notes: Notes) -> list[_Placed]:
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


def _date_undated(placed: list[_Placed], notes: Notes) -> None:
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


def _uid(conference: str, placed: _Placed, counts: Counter[str]) -> str:
    """Conference, day and the label's words: stable while the session keeps its name."""
    day = f"{placed.day:%Y%m%d}" if placed.day else "undated"
    words = "-".join(slugify(placed.label.title).split("-")[:MAX_UID_WORDS])
    key = "-".join(p for p in (conference, day, words) if p)
    counts[key] += 1
    return key if counts[key] == 1 else f"{key}-{counts[key]}"


def _session(placed: _Placed, conference: Conference, uid: str) -> Session:
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
    order_dates(blocks, lines, conference.timezone, notes)
    read_afternoons(blocks, notes)
    blocks = check_days(blocks, notes)
    placed = [
        _Placed(b, vocabulary.read(b.label, short_is_kind=b.layout == "header"))
        for b in blocks
        if b.label is not None
    ]
    zone = pytz.timezone(conference.timezone)
    dated = [p for p in placed if p.block.span is not None]
    if dated:
        years = _resolve_years(dated, conference, year, reference, notes)
        warned: set[Day] = set()
        failed = {
            id(p)
            for p, y in zip(dated, years, strict=True)
            if not _place(p, y, zone, notes, warned)
        }
        placed = _once([p for p in placed if id(p) not in failed], notes)
    _infer_ends([p for p in placed if p.start is not None], conference, zone)
    _date_undated(placed, notes)
    counts: Counter[str] = Counter()
    sessions = tuple(_session(p, conference, _uid(conference.slug, p, counts)) for p in placed)
    if not sessions:
        unread = [n for n in (reading.first_unread, left_out) if n is not None]
        nothing_found(lines, reading.timed, notes, min(unread, default=None))
    notes.close()
    diagnostics.sort(key=lambda d: d.line)
    zones = sorted({p.block.span.zone for p in dated if p.block.span and p.block.span.zone})
    return Schedule(conference, sessions, tuple(diagnostics), tuple(zones))
