"""conferences.toml written for the organiser: `calsvc init` and `calsvc add`.

An entry is worked out by reading the programme file (slug and name from the file name, the
year from its dates, the zone from the abbreviations its headers write) and written with
comments saying what was guessed, for the organiser to check. An existing data file keeps
its comments, order and values: tomlkit reads and writes TOML without losing them. Nothing
is written that would not load: the new text is checked as the service would read it, then
renamed over the old file.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from ..errors import ConfigError
from ..kinds import slugify
from ..model import DATA_FILE, Conference, Schedule
from ..parse import parse_undescribed, read_bytes
from .conferences import check_zone, load_data_file
from .fetch import Pages
from .guessed import (
    RESERVED_SLUGS,
    free_slug,
    page_slug,
    programme_files,
    undescribed_conference,
)

HEADER = f"""\
{DATA_FILE}: one [[source]] entry for each programme file in this folder.
Written by calsvc from what it read; check the lines marked "guessed".
Keys: file (or url = "https://…" and refresh = minutes, for a page by its address), slug,
name, year, timezone (IANA, e.g. "Europe/Paris"), venue, homepage, and [source.durations]
(minutes by kind of session, for sessions with no end)."""


@dataclass(frozen=True)
class Facts:
    """What reading a programme file tells of its conference."""

    file: str
    slug: str
    name: str
    year: int | None
    timezone: str
    zone_from_text: bool
    kinds: list[tuple[str, int]]  # the kinds of session found, most frequent first
    sessions: int
    zone_given: bool = False  # the organiser gave the zone and the year: not guessed
    year_given: bool = False


def infer(path: Path, *, reference: date, taken: set[str]) -> Facts:
    """Reads the file as an undescribed programme and says what it found."""
    conference = undescribed_conference(path, "UTC", taken)
    return _facts(read_bytes(path), conference, reference)


def infer_page(url: str, *, reference: date, taken: set[str]) -> Facts:
    """Fetches the page once and reads it as an undescribed programme."""
    slug = free_slug(page_slug(url), taken)
    conference = Conference(slug, slug, "UTC", url, described=False, url=url)
    data = Pages().read(url, refresh_minutes=0, now=datetime.now(UTC), limit_mb=64)
    return _facts(data, conference, reference)


def _facts(data: bytes, conference: Conference, reference: date) -> Facts:
    return facts_of(parse_undescribed(data, conference, reference=reference))


def facts_of(schedule: Schedule, *, zone_given: bool = False, year_given: bool = False) -> Facts:
    """What a programme's reading tells of its conference; `zone_given` and `year_given` say
    the organiser gave them, so the entry does not call them guessed."""
    conference = schedule.conference
    years = Counter(s.day.year for s in schedule.sessions if s.day)
    return Facts(
        file=conference.source,
        slug=conference.slug,
        name=conference.name,
        year=years.most_common(1)[0][0] if years else None,
        timezone=conference.timezone,
        zone_from_text=any(d.code == "zone-inferred" for d in schedule.diagnostics),
        kinds=Counter(s.kind for s in schedule.sessions).most_common(),
        sessions=len(schedule.sessions),
        zone_given=zone_given,
        year_given=year_given,
    )


def entry_text(facts: Facts) -> str:
    """One [[source]] entry of conferences.toml, with the header that says what its keys
    are, as `calsvc init` would write it for the file alone."""
    document = _read(None)
    _sources(document).append(_entry(facts))
    return tomlkit.dumps(document)


def init(folder: Path, *, reference: date) -> list[str]:
    """Adds an entry for every programme file the folder's data file does not list (writing
    the file if there is none); returns the files added."""
    path = folder / DATA_FILE
    document = _read(path)
    sources = _sources(document)
    listed = {str(table.get("file")) for table in sources}
    taken = _slugs(sources)
    added = []
    for name in programme_files(folder):
        if name not in listed:
            facts = infer(folder / name, reference=reference, taken=taken)
            taken.add(facts.slug)
            sources.append(_entry(facts))
            added.append(name)
    _write(path, document)
    return added


def add(file: Path | str, *, reference: date, folder: Path | None = None, **given: Any) -> str:
    """Adds an entry for the file (or page, by its address) to the data file beside it (in
    `folder`, for a page), or updates the keys given of the entry it has; returns 'added' or
    'updated'. `given`: slug, name, year, timezone, venue, homepage (None: not given)."""
    given = {key: value for key, value in given.items() if value is not None}
    if "timezone" in given:
        check_zone(given["timezone"], "timezone")
    page = isinstance(file, str)
    if isinstance(file, str):
        if folder is None:
            raise ConfigError(file, None, "give the sources folder whose data file it goes in")
        key, name = "url", file
    else:
        if not file.is_file():
            raise ConfigError(str(file), None, "no such programme file")
        key, name, folder = "file", file.name, file.parent
    path = folder / DATA_FILE
    document = _read(path)
    sources = _sources(document)
    entry = next((t for t in sources if t.get(key) == name), None)
    if entry is None:
        taken = _slugs(sources)
        if isinstance(file, str):
            facts = infer_page(file, reference=reference, taken=taken)
        else:
            facts = infer(file, reference=reference, taken=taken)
        entry = _entry(facts, page=page)
        sources.append(entry)
        done = "added"
    else:
        done = "updated"
    for key, value in given.items():
        entry[key] = value
        entry[key].trivia.comment = entry[key].trivia.comment_ws = ""  # given: not guessed
    _write(path, document)
    return done


def _read(path: Path | None) -> tomlkit.TOMLDocument:
    """The data file, or a new one holding only its header (None: no file)."""
    if path is None or not path.exists():
        document = tomlkit.document()
        for line in HEADER.splitlines():
            document.add(tomlkit.comment(line))
        document.add(tomlkit.nl())
        return document
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as error:
        raise ConfigError(str(path), None, f"cannot be read to add to it: {error}") from error


def _sources(document: tomlkit.TOMLDocument) -> AoT:
    sources = document.get("source")
    if sources is None:
        sources = tomlkit.aot()
        document.append("source", sources)
    if not isinstance(sources, AoT):
        raise ConfigError(DATA_FILE, None, "'source' must be a list of [[source]] tables")
    return sources


def _slugs(sources: AoT) -> set[str]:
    return {
        str(t.get("slug") or slugify(Path(str(t.get("file", ""))).stem)) for t in sources
    } | RESERVED_SLUGS


def _entry(facts: Facts, *, page: bool = False) -> Table:
    entry = tomlkit.table()
    found = ", ".join(f"{kind} ({count})" for kind, count in facts.kinds[:8]) or "none"
    entry.add(tomlkit.comment(f"{facts.sessions} sessions read; kinds found: {found}"))
    entry.add("url" if page else "file", facts.file)
    entry.add("slug", facts.slug)
    entry.add("name", _guessed(facts.name, "from the file name: give the conference's name"))
    if facts.year is not None:
        entry.add(
            "year", facts.year if facts.year_given else _guessed(facts.year, "from the dates")
        )
    if facts.zone_given:
        entry.add("timezone", facts.timezone)
    elif facts.zone_from_text:
        entry.add("timezone", _guessed(facts.timezone, "from the zone its times are written in"))
    else:
        entry.add("timezone", _guessed(facts.timezone, "the text names no zone: set it"))
    return entry


def _guessed(value: object, why: str) -> Any:
    item = tomlkit.item(value)
    item.comment(f"guessed {why}")
    return item


def _write(path: Path, document: tomlkit.TOMLDocument) -> None:
    """Writes the document if it loads as the service would read it, else raises why not."""
    text = tomlkit.dumps(document)
    trial = path.with_name(f".{path.name}.new")
    trial.write_text(text, encoding="utf-8")
    try:
        problems = load_data_file(trial).problems
    except ConfigError as error:
        trial.unlink()
        raise ConfigError(str(path), error.line, error.message) from error
    if problems:
        trial.unlink()
        first = problems[0].error
        raise ConfigError(str(path), first.line, f"not written: {first.message}")
    os.replace(trial, path)
