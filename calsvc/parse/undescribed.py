"""A programme no data file describes: read in the zone its own text names, if it names one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model import DATA_FILE, Conference, Diagnostic, Schedule
from .programme import parse_programme
from .zones import zone_named_by


def parse_undescribed(
    data: bytes, conference: Conference, *, reference: date, year: int | None = None
) -> Schedule:
    """Reads the text in the conference's zone, unless its headers' zone abbreviations all
    name another one ('09:00 a.m. PDT': America/Los_Angeles); says which it used, and warns
    when the text names none, since the times may then be hours off."""
    schedule = parse_programme(data, conference, reference=reference, year=year)
    zone = zone_named_by(schedule.zones)
    source, written = conference.source, ", ".join(schedule.zones)
    if zone is not None:
        if zone != conference.timezone:
            conference = replace(conference, timezone=zone)
            schedule = parse_programme(data, conference, reference=reference, year=year)
        message = (
            f"no entry in {DATA_FILE}; times read in {zone}, the zone its text writes ({written})"
        )
        note = Diagnostic(source, 1, "info", "zone-inferred", message)
    else:
        named = f"writes {written}, which name no one zone" if written else "names no zone"
        message = (
            f"no entry in {DATA_FILE} and the text {named}; times read as {conference.timezone}. "
            f"Set timezone for {source} in {DATA_FILE}"
        )
        note = Diagnostic(source, 1, "warning", "no-data-file-entry", message)
    return replace(schedule, diagnostics=(note, *schedule.diagnostics))


def read_programme(
    data: bytes,
    conference: Conference,
    *,
    zone_known: bool,
    reference: date,
    year: int | None = None,
) -> Schedule:
    """A programme read in its conference's zone when that is known (a data-file entry or a
    setting gives it), else in the zone its text names (parse_undescribed)."""
    read = parse_programme if zone_known else parse_undescribed
    return read(data, conference, reference=reference, year=year)
