"""One programme read on its own, as `calsvc parse` reads it: described by its entry in the data
file beside it (or in the sources folder), else a conference named after it whose zone its
own text names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..model import DATA_FILE, Conference, Schedule, utc_now
from ..parse import read_bytes, read_programme
from .conferences import (
    DataFile,
    conference_for,
    load_data_file,
)
from .fetch import Pages
from .guessed import (
    fallback_conference,
    page_slug,
)


def find_data_file(source: Path, sources_dir: Path | None) -> DataFile | None:
    """The data file beside a source, else the one in the sources folder, else none."""
    for folder in (source.parent, sources_dir):
        if folder is not None and (folder / DATA_FILE).is_file():
            return load_data_file(folder / DATA_FILE)
    return None


def file_conference(
    path: Path, *, sources_dir: Path | None, timezone: str | None
) -> tuple[Conference, bool]:
    """The conference of a file, and whether its zone is known (from its data-file entry or
    given) rather than to be read from its text."""
    data = find_data_file(path, sources_dir)
    if data and (problem := data.problem_with(path.name)):
        raise problem
    known = conference_for(path, data)
    if known is None:
        return unlisted_conference(str(path), timezone)
    return replace(known, source=str(path), timezone=timezone or known.timezone), True


def unlisted_conference(name: str, timezone: str | None) -> tuple[Conference, bool]:
    """The conference of a programme no data file lists, named after its file (read in the
    zone given, else in the one its text names)."""
    conference = replace(fallback_conference(Path(name)), source=name)
    if timezone:
        conference = replace(conference, timezone=timezone)
    return conference, timezone is not None


def page_conference(url: str, *, timezone: str | None) -> tuple[Conference, bool]:
    """The conference of a page by its address, named after it; its zone as for a file."""
    slug = page_slug(url)
    conference = Conference(slug, slug, timezone or "UTC", url, described=False, url=url)
    return conference, timezone is not None


def parse_file(
    path: Path,
    *,
    reference: date,
    sources_dir: Path | None = None,
    year: int | None = None,
    timezone: str | None = None,
) -> Schedule:
    """One file read as its data-file entry describes it, else in the zone its text names."""
    conference, zone_known = file_conference(path, sources_dir=sources_dir, timezone=timezone)
    data = read_bytes(path)
    return read_programme(data, conference, zone_known=zone_known, reference=reference, year=year)


def parse_text(
    data: bytes, name: str, *, reference: date, year: int | None = None, timezone: str | None = None
) -> Schedule:
    """A programme's bytes (pasted, or a file dropped on a page) read as `calsvc parse` reads
    a file of that name that no data file lists."""
    conference, zone_known = unlisted_conference(name, timezone)
    return read_programme(data, conference, zone_known=zone_known, reference=reference, year=year)


def parse_page(
    url: str,
    *,
    reference: date,
    year: int | None = None,
    timezone: str | None = None,
    limit_mb: int = 64,
) -> Schedule:
    """A page fetched once and read as a file no data file describes."""
    conference, zone_known = page_conference(url, timezone=timezone)
    data = Pages().read(url, refresh_minutes=0, now=utc_now(), limit_mb=limit_mb)
    return read_programme(data, conference, zone_known=zone_known, reference=reference, year=year)
