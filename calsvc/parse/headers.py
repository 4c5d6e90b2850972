"""The grammar of session header lines: a label, a date, a start time, and optional extras.

`read_header(line)` says whether a line is a dated header, an undated one, or neither.
It looks at short lines only, so its work per line is bounded whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kinds import canonical_kind, kind_pattern

MAX_HEADER_LENGTH = 300

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?"
    rf"(?:(?P<day1>{_DAY})\s+(?P<month1>{_MONTH})|(?P<month2>{_MONTH})\s+(?P<day2>{_DAY}))"
    r"(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
)


def _time(name: str, bare_before_dash: bool = False) -> str:
    # A bare hour ('1' in '1-3 pm') is a time only at the start of a range.
    bare = r"|\d{1,2}(?=\s*[-\u2010-\u2015\u2212]+\s*\d)" if bare_before_dash else ""
    return (
        rf"(?P<{name}>(?:12\s*)?noon|midnight"
        rf"|\d{{1,2}}(?:[:.]\d{{2}})?\s*[ap]\.?\s*m\b\.?"
        rf"|\d{{1,2}}[:.h]\d{{2}}{bare})"
    )


_DASH = r"\s*(?:[-\u2010-\u2015\u2212]+|to|until)\s*"
_ZONE = r"(?-i:(?P<zone>[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?))"
_TAIL = re.compile(
    rf"[\s,]+(?:{_DATE}),?\s+(?:at\s+|from\s+)?{_time('start', bare_before_dash=True)}"
    rf"(?:{_DASH}{_time('end')})?"
    rf"(?:\s*\(?{_ZONE}\)?)?"
    r"(?:\s*@\s*(?P<room>[^@]{1,120}?))?\s*$",
    re.IGNORECASE,
)
_UNDATED = re.compile(
    rf"^(?:(?:bio|abstract|speakers?|presenters?)\s*:\s*)?(?P<kind>{kind_pattern()})"
    r"\s*:\s*(?P<name>\S.{0,200}?)\s*$",
    re.IGNORECASE,
)
_TIME_PARTS = re.compile(
    r"(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?:(?P<ampm>[ap])\.?\s*m\b\.?)?", re.IGNORECASE
)
# A label ending in one of these words is a sentence running into a date, not a header.
_SENTENCE_ENDINGS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "on",
        "at",
        "by",
        "in",
        "to",
        "from",
        "until",
        "till",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "held",
        "starts",
        "start",
        "begins",
        "begin",
        "ends",
        "scheduled",
        "due",
        "deadline",
        "before",
        "after",
        "since",
    }
)


class HeaderProblem(ValueError):
    """A line shaped like a header whose date or time cannot be right."""


@dataclass(frozen=True, slots=True)
class Clock:
    """A wall-clock time as written, already checked."""

    hour: int
    minute: int


@dataclass(frozen=True, slots=True)
class DatedHeader:
    kind: str
    track: str | None
    weekday: int | None
    month: int
    day: int
    year: int | None
    start: Clock
    end: Clock | None
    zone: str | None
    room: str | None
    date_text: str


@dataclass(frozen=True, slots=True)
class UndatedHeader:
    kind: str
    track: str


def split_label(label: str) -> tuple[str, str | None]:
    """'Poster: Systems 2: Comms' → ('Poster', 'Systems 2: Comms'); 'Lunch' → ('Lunch', None)."""
    kind, sep, track = label.partition(": ")
    if not sep:
        kind, sep, track = label.partition(":")
    kind, track = kind.strip(), track.strip()
    return canonical_kind(kind), (track or None)


def _label_is_title(label: str) -> bool:
    if not label or len(label) > 200 or not (label[0].isupper() or label[0].isdigit()):
        return False
    if ". " in label or label.endswith((".", ",", ";")):
        return False
    last = label.rsplit(None, 1)[-1]
    return last not in _SENTENCE_ENDINGS


def parse_clock(text: str, meridiem_hint: str | None = None) -> Clock:
    """'01:30 p.m.' -> 13:30; 'noon' -> 12:00. Raises HeaderProblem for '25:00' or '13:00 p.m.'."""
    lowered = text.lower().strip()
    if lowered.endswith("noon"):
        return Clock(12, 0)
    if lowered == "midnight":
        return Clock(0, 0)
    match = _TIME_PARTS.fullmatch(lowered)
    if not match:
        raise HeaderProblem(f"{text!r} is not a time")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = match["ampm"] or meridiem_hint
    if minute > 59:
        raise HeaderProblem(f"{text!r} is not a time: minute {minute} is past 59")
    if ampm:
        if not 0 <= hour <= 12 or (hour == 0 and ampm == "p"):
            raise HeaderProblem(f"{text!r} is not a time: {hour} o'clock has no {ampm}.m.")
        if hour == 12:
            hour = 0 if ampm == "a" else 12
        elif ampm == "p":
            hour += 12
    elif hour > 23:
        raise HeaderProblem(f"{text!r} is not a time: hour {hour} is past 23")
    return Clock(hour, minute)


def _meridiem(text: str | None) -> str | None:
    match = _TIME_PARTS.fullmatch(text.lower().strip()) if text else None
    return match["ampm"] if match else None


def _dated(line: str, match: re.Match[str]) -> DatedHeader | None:
    label = line[: match.start()].strip(" \t,-–—|·")
    if not _label_is_title(label):
        return None
    if match["iso"]:
        year_text, month_text, day_text = match["iso"].split("-")
        year: int | None = int(year_text)
        month, day = int(month_text), int(day_text)
        if not 1 <= month <= 12:
            raise HeaderProblem(f"{match['iso']!r} is not a date: there is no month {month}")
    else:
        month = MONTHS[(match["month1"] or match["month2"])[:3].lower()]
        day = int(re.match(r"\d+", match["day1"] or match["day2"])[0])  # type: ignore[index]
        year = int(match["year"]) if match["year"] else None
    if not 1 <= day <= 31:
        raise HeaderProblem(f"day {day} is not a day of the month")
    weekday = WEEKDAYS[match["weekday"][:3].lower()] if match["weekday"] else None
    end_text = match["end"]
    # '9:00-10:30 am': the start takes the end's a.m./p.m. when it has none of its own.
    end = parse_clock(end_text) if end_text else None
    # '9:00-10:30 am': a start with no a.m./p.m. of its own takes the end's, unless
    # that would put it after the end ('11-1 pm' starts at 11 a.m.).
    hint = None if _meridiem(match["start"]) else _meridiem(end_text)
    start = parse_clock(match["start"], hint)
    if hint and end and (start.hour, start.minute) > (end.hour, end.minute) and start.hour >= 12:
        start = Clock(start.hour - 12, start.minute)
    kind, track = split_label(label)
    date_text = line[match.start() : match.end("start") if not end_text else match.end("end")]
    return DatedHeader(
        kind=kind,
        track=track,
        weekday=weekday,
        month=month,
        day=day,
        year=year,
        start=start,
        end=end,
        zone=match["zone"],
        room=(match["room"] or "").strip() or None,
        date_text=date_text.strip(" ,"),
    )


def read_header(line: str) -> DatedHeader | UndatedHeader | None:
    """Classify one stripped line; raises HeaderProblem for a header whose date or time is wrong."""
    if len(line) > MAX_HEADER_LENGTH:
        return None
    if any(c.isdigit() for c in line) or "noon" in line.lower() or "midnight" in line.lower():
        match = _TAIL.search(line)
        if match:
            return _dated(line, match)
    if ":" in line:
        undated = _UNDATED.match(line)
        if undated and not undated["name"].endswith("."):
            return UndatedHeader(canonical_kind(" ".join(undated["kind"].split())), undated["name"])
    return None
