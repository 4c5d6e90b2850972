"""The whole of calsvc, in order: source text → parse → schedule → select → render.

Every front end (web app, CLI, static export) calls these functions and none
chains the steps its own way.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from .conferences import DATA_FILE, DataFile, conference_for, fallback_conference, load_data_file
from .errors import ConfigError, SourceError
from .model import Diagnostic, Schedule
from .parse import parse_programme

MAX_SOURCE_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """A source's bytes, or a SourceError that says why they cannot be had."""
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise SourceError(str(path), None, f"larger than {MAX_SOURCE_BYTES // 2**20} MB")
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise SourceError(str(path), None, "is a folder, not a file") from exc
    except OSError as exc:
        raise SourceError(str(path), None, f"cannot read: {exc.strerror}") from exc


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
    known = conference_for(path, data)
    conference = known or fallback_conference(path)
    conference = dataclasses.replace(conference, source=str(path))
    if timezone:
        conference = dataclasses.replace(conference, timezone=_checked_zone(timezone))
    schedule = parse_programme(read_bytes(path), conference, reference=reference, year=year)
    if known is None and timezone is None:
        note = Diagnostic(
            str(path),
            1,
            "warning",
            "no-data-file-entry",
            f"no entry for {path.name} in a {DATA_FILE}; times read as UTC "
            "(pass --tz or describe the file in the data file)",
        )
        schedule = dataclasses.replace(schedule, diagnostics=(note, *schedule.diagnostics))
    return schedule


def _checked_zone(name: str) -> str:
    import pytz

    if name not in pytz.all_timezones_set:
        raise ConfigError(
            "--tz", None, f"unknown time zone {name!r}; use an IANA name such as 'Europe/Paris'"
        )
    return name
