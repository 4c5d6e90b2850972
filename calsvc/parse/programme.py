"""Programme text → Schedule: headers found, dated, placed in their zone, given ends and items."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytz

from ..kinds import TALK_KINDS, slugify
from ..model import Conference, Diagnostic, Level, Schedule, Session
from .headers import DatedHeader, HeaderProblem, UndatedHeader, read_header
from .items import read_body
from .text import decode
from .years import DateParts, infer_year, localize, weekday_name, years_for


@dataclass
class _Block:
    """A header line and the lines under it, up to the next header."""

    line: int
    header: DatedHeader | UndatedHeader | None  # None: a header that could not be read
    body: list[str] = field(default_factory=list)
    day: date | None = None
    start: datetime | None = None
    end: datetime | None = None
    end_inferred: bool = False


class _Notes:
    def __init__(self, source: str, diagnostics: list[Diagnostic]) -> None:
        self.source, self.items = source, diagnostics

    def add(self, line: int, level: Level, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.source, line, level, code, message))


def _blocks(lines: list[str], notes: _Notes) -> list[_Block]:
    blocks: list[_Block] = []
    for number, line in enumerate(lines, start=1):
        try:
            header = read_header(line) if line else None
        except HeaderProblem as problem:
            notes.add(number, "error", "bad-header", f"{problem}; this session is left out")
            blocks.append(_Block(number, None))
            continue
        if header is not None:
            blocks.append(_Block(number, header))
        elif blocks:
            blocks[-1].body.append(line)
    return blocks


def _resolve_years(
    dated: list[_Block], conference: Conference, year: int | None, reference: date, notes: _Notes
) -> list[int]:
    parts = [
        DateParts(b.header.month, b.header.day, b.header.weekday, b.header.year)  # type: ignore[union-attr]
        for b in dated
    ]
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
                f"no year given; the weekdays fit {base}{also}; "
                "set year in the data file or pass --year"
            )
        else:
            message = f"no year given and no weekday to infer it from; assuming {base}"
        if any(p.year is None for p in parts):
            notes.add(dated[0].line, "warning", "year-inferred", message)
    return years_for(parts, base)


def _place(block: _Block, year: int, zone: pytz.BaseTzInfo, notes: _Notes) -> bool:
    """Sets the block's day and start (and end, when written); False when its date is impossible."""
    header = block.header
    assert isinstance(header, DatedHeader)
    if not 1900 <= year <= 2200:
        notes.add(
            block.line,
            "error",
            "bad-date",
            f"year {year} is out of range; this session is left out",
        )
        return False
    try:
        block.day = date(year, header.month, header.day)
    except ValueError:
        month = calendar.month_name[header.month]
        days = calendar.monthrange(year, header.month)[1]
        notes.add(
            block.line,
            "error",
            "bad-date",
            f"{header.date_text!r} is not a date: {month} {year} has {days} days; "
            "this session is left out",
        )
        return False
    if header.weekday is not None and header.weekday != block.day.weekday():
        notes.add(
            block.line,
            "warning",
            "weekday-mismatch",
            f"{header.date_text!r}: {block.day:%d %B %Y} is a {weekday_name(block.day.weekday())}, "
            f"not a {weekday_name(header.weekday)}; using the date",
        )
    block.start = _at(block, block.day, header.start.hour, header.start.minute, zone, notes)
    if header.end is not None:
        end_day = block.day
        if (header.end.hour, header.end.minute) <= (header.start.hour, header.start.minute):
            end_day += timedelta(days=1)  # '11 p.m. – 1 a.m.' ends the next day
        block.end = _at(block, end_day, header.end.hour, header.end.minute, zone, notes)
    if header.zone and not _zone_agrees(header.zone, block.start):
        notes.add(
            block.line,
            "warning",
            "zone-mismatch",
            f"the header says {header.zone} but {zone.zone} is {block.start.tzname()} then; "
            f"times are read in {zone.zone}",
        )
    return True


def _at(
    block: _Block, day: date, hour: int, minute: int, zone: pytz.BaseTzInfo, notes: _Notes
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


def _infer_ends(timed: list[_Block], conference: Conference, zone: pytz.BaseTzInfo) -> None:
    starts_by_day: dict[date, list[datetime]] = {}
    for block in timed:
        starts_by_day.setdefault(block.day, []).append(block.start)  # type: ignore[arg-type]
    for block in timed:
        if block.end is not None:
            continue
        assert block.start is not None and block.header is not None and block.day is not None
        length = timedelta(minutes=conference.duration_minutes(slugify(block.header.kind)))
        cap = zone.normalize(block.start + length)  # the length may cross a DST change
        later = [s for s in starts_by_day[block.day] if s > block.start]
        block.end = min([cap, *later])
        block.end_inferred = True


def _date_undated(blocks: list[_Block], notes: _Notes) -> None:
    for index, block in enumerate(blocks):
        if not isinstance(block.header, UndatedHeader):
            continue
        before = next((b.day for b in reversed(blocks[:index]) if b.start), None)
        after = next((b.day for b in blocks[index + 1 :] if b.start), None)
        if before and after and before != after:
            notes.add(
                block.line,
                "warning",
                "undated",
                f"{block.header.kind}: {block.header.track} has no date or time, and lies between "
                f"{before} and {after}; listed without a date",
            )
        else:
            block.day = before or after
            if block.day is None:
                notes.add(
                    block.line,
                    "warning",
                    "undated",
                    f"{block.header.kind}: {block.header.track} has no date or time; "
                    "listed without a date",
                )


def _uid(conference: str, block: _Block, counts: Counter[str]) -> str:
    header = block.header
    assert header is not None
    day = f"{block.day:%Y%m%d}" if block.day else "undated"
    parts = [conference, day, slugify(header.kind)]
    if header.track:
        parts.append(slugify(header.track))
    key = "-".join(p for p in parts if p)
    counts[key] += 1
    return key if counts[key] == 1 else f"{key}-{counts[key]}"


def parse_programme(
    data: bytes, conference: Conference, *, reference: date, year: int | None = None
) -> Schedule:
    """Reads a programme text; problems with single lines become diagnostics, not exceptions.

    Raises SourceError only for a source that cannot be read as text at all.
    """
    lines, diagnostics = decode(data, conference.source)
    notes = _Notes(conference.source, diagnostics)
    blocks = _blocks(lines, notes)
    zone = pytz.timezone(conference.timezone)
    dated = [b for b in blocks if isinstance(b.header, DatedHeader)]
    if dated:
        for block, block_year in zip(
            dated, _resolve_years(dated, conference, year, reference, notes), strict=True
        ):
            if not _place(block, block_year, zone, notes):
                block.header = None
    timed = [b for b in blocks if b.start is not None]
    _infer_ends(timed, conference, zone)
    _date_undated(blocks, notes)
    counts: Counter[str] = Counter()
    sessions = []
    for block in blocks:
        if block.header is None:
            continue
        header = block.header
        body = read_body(
            block.body, talk=isinstance(header, UndatedHeader) or slugify(header.kind) in TALK_KINDS
        )
        room = header.room if isinstance(header, DatedHeader) else None
        rooms = (room,) if room else body.rooms
        sessions.append(
            Session(
                uid=_uid(conference.slug, block, counts),
                source=conference.source,
                line=block.line,
                conference=conference.slug,
                kind=header.kind,
                track=header.track,
                day=block.day,
                start=block.start,
                end=block.end,
                end_inferred=block.end_inferred,
                timezone=conference.timezone,
                location=", ".join(rooms) or None,
                items=body.items,
            )
        )
    if not blocks:
        text_lines = sum(1 for line in lines if line)
        notes.add(
            1,
            "info",
            "no-sessions",
            f"no session headers found in {text_lines} lines of text; nothing to schedule",
        )
    diagnostics.sort(key=lambda d: d.line)
    return Schedule(conference, tuple(sessions), tuple(diagnostics))
