"""The conference data file: which conference each source text belongs to, and its facts."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytz

from ..errors import ConfigError
from ..kinds import slugify
from ..model import DATA_FILE, FIRST_YEAR, LAST_YEAR, Conference
from .guessed import RESERVED_SLUGS, page_slug

# Paths the service serves itself; a conference with one of these slugs would hide them.
_SOURCE_KEYS = {
    *("file", "url", "refresh", "slug", "name", "year", "date", "timezone", "venue", "homepage"),
    "durations",
    "cancel_freely",
    "notes",
    "read_page",
}
_DECODE_LINE = re.compile(r"\(at line (\d+)")


@dataclass(frozen=True, slots=True)
class Problem:
    """A data file entry that cannot be used, and the source file it was about (if known)."""

    file: str | None
    error: ConfigError


@dataclass(frozen=True, slots=True)
class DataFile:
    """A parsed data file: the conference of each usable entry, and the entries that are not."""

    path: Path
    by_file: dict[str, Conference]
    problems: tuple[Problem, ...] = ()

    def problem_with(self, file: str) -> ConfigError | None:
        return next((p.error for p in self.problems if p.file == file), None)


def _line_of(text: str, key: str, value: object, *, last: bool = False) -> int | None:
    """The line where `key = value` is written (first or last), so errors can point at it."""
    wanted = re.compile(rf"^\s*{re.escape(key)}\s*=\s*[\"']?{re.escape(str(value))}")
    found = None
    for number, line in enumerate(text.splitlines(), start=1):
        if wanted.match(line):
            found = number
            if not last:
                break
    return found


def _durations(table: Any, where: str, text: str) -> dict[str, int]:
    if not isinstance(table, dict):
        raise ConfigError(where, _line_of(text, "durations", ""), "durations must be a table")
    durations: dict[str, int] = {}
    for kind, minutes in table.items():
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 1440:
            raise ConfigError(
                where,
                _line_of(text, kind, minutes),
                f"duration of {kind!r} must be whole minutes from 1 to 1440, not {minutes!r}",
            )
        durations[slugify(kind)] = minutes
    return durations


def _kinds(table: Any, where: str, text: str) -> dict[str, str]:
    """[kinds]: labels a programme uses for sessions, each with the kind it is filed under."""
    if not isinstance(table, dict) or not all(
        isinstance(kind, str) and kind.strip() and slugify(kind) for kind in table.values()
    ):
        raise ConfigError(
            where,
            next(
                (n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[kinds]"),
                None,
            ),
            'kinds must be a table of labels and kinds, e.g. "Fireside chat" = "Keynote"',
        )
    return {str(label): kind.strip() for label, kind in table.items()}


def _conference(
    entry: Any, defaults: dict[str, int], kinds: dict[str, str], where: str, text: str
) -> Conference:
    if isinstance(entry, dict) and isinstance(entry.get("url"), str) and "file" not in entry:
        return _page_conference(entry, defaults, kinds, where, text)
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        raise ConfigError(
            where, None, 'each [[source]] needs file = "NAME.txt" or url = "https://…"'
        )
    file = entry["file"]
    line = _line_of(text, "file", file)
    if file in ("", ".", "..") or "/" in file or "\\" in file:
        raise ConfigError(
            where,
            line,
            f"file {file!r} must be the name of a file in the sources folder, "
            "not a path to somewhere else",
        )
    if unknown := sorted(set(entry) - _SOURCE_KEYS):
        raise ConfigError(
            where,
            _line_of(text, unknown[0], "") or line,
            f"unknown key {unknown[0]!r} for {file}; allowed: {', '.join(sorted(_SOURCE_KEYS))}",
        )
    timezone, year = _timezone(entry, where, text, line), _year(entry, where, text, line)
    slug = _slug(entry, where, text, line)
    return Conference(
        slug=slug,
        name=str(entry.get("name") or slug),
        timezone=timezone,
        source=file,
        year=year,
        date=_date(entry, where, text, line),
        venue=entry.get("venue"),
        homepage=entry.get("homepage"),
        durations={**defaults, **_durations(entry.get("durations", {}), where, text)},
        kinds=kinds,
        cancel_freely=_flag(entry, "cancel_freely", where, text, line),
        notes=_flag(entry, "notes", where, text, line),
        read_page=_flag(entry, "read_page", where, text, line, default=True),
    )


def _flag(
    entry: dict[str, Any], key: str, where: str, text: str, line: int | None, default: bool = False
) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(
            where, _line_of(text, key, value) or line, f"{key} must be true or false, not {value!r}"
        )
    return value


def _timezone(entry: dict[str, Any], where: str, text: str, line: int | None) -> str:
    timezone = entry.get("timezone", "UTC")
    if timezone not in pytz.all_timezones_set:
        raise ConfigError(
            where,
            _line_of(text, "timezone", timezone) or line,
            f"unknown time zone {timezone!r} for {entry['file']}; "
            "use an IANA name such as 'America/New_York'",
        )
    return str(timezone)


def _year(entry: dict[str, Any], where: str, text: str, line: int | None) -> int | None:
    year = entry.get("year")
    if year is not None and (not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR):
        raise ConfigError(
            where, _line_of(text, "year", year) or line, f"year must be a number, not {year!r}"
        )
    return year


def _date(entry: dict[str, Any], where: str, text: str, line: int | None) -> date | None:
    """'date = 2023-06-08': the day of a one-day programme whose page gives no day heading."""
    value = entry.get("date")
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(
        where,
        _line_of(text, "date", value) or line,
        f"date must be a day such as 2023-06-08, not {value!r}",
    )


def _slug(entry: dict[str, Any], where: str, text: str, line: int | None) -> str:
    slug = str(entry.get("slug") or slugify(Path(entry["file"]).stem))
    if slug != slugify(slug):
        raise ConfigError(
            where,
            _line_of(text, "slug", slug) or line,
            f"slug {slug!r} must be lowercase ASCII words joined by dashes, e.g. {slugify(slug)!r}",
        )
    if slug in RESERVED_SLUGS:
        raise ConfigError(
            where,
            _line_of(text, "slug", slug) or line,
            f"slug {slug!r} is taken by the service's own pages; "
            f"avoid {', '.join(sorted(RESERVED_SLUGS))}",
        )
    return slug


def _page_conference(
    entry: dict[str, Any], defaults: dict[str, int], kinds: dict[str, str], where: str, text: str
) -> Conference:
    """An entry with url = "https://…": the page fetched by its address, every `refresh`
    minutes (15); its slug from the address unless given."""
    url: str = entry["url"]
    line = _line_of(text, "url", url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(where, line, f"url {url!r} must be an http:// or https:// address")
    refresh = entry.get("refresh", 15)
    if not isinstance(refresh, int) or not 1 <= refresh <= 24 * 60:
        raise ConfigError(where, line, f"refresh must be minutes from 1 to 1440, not {refresh!r}")
    page = {**entry, "file": "page", "slug": entry.get("slug") or page_slug(url)}
    del page["url"]
    page.pop("refresh", None)
    conference = _conference(page, defaults, kinds, where, text)
    return replace(conference, source=url, url=url, refresh_minutes=refresh)


def load_data_file(path: Path) -> DataFile:
    """Reads and checks a data file.

    A file that cannot be read as TOML raises ConfigError; an entry that is wrong (an unknown
    time zone, a slug used twice) becomes a Problem naming the line, and the others load.
    """
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        document = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(where, None, f"cannot read the data file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(where, None, "the data file is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        found = _DECODE_LINE.search(str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(
            where, int(found[1]) if found else None, f"not valid TOML: {message}"
        ) from exc
    defaults = _durations(document.get("defaults", {}).get("durations", {}), where, text)
    kinds = _kinds(document.get("kinds", {}), where, text)
    by_file: dict[str, Conference] = {}
    owners: dict[str, str] = {}
    problems: list[Problem] = []
    for entry in document.get("source", []):
        file = entry.get("file") if isinstance(entry, dict) else None
        try:
            conference = _conference(entry, defaults, kinds, where, text)
            if conference.source in by_file:
                line = _line_of(text, "file", conference.source, last=True)
                raise ConfigError(where, line, f"{conference.source} is listed twice")
            if conference.slug in owners:
                raise ConfigError(
                    where,
                    _line_of(text, "slug", conference.slug, last=True),
                    f"slug {conference.slug!r} is used by both {owners[conference.slug]} and "
                    f"{conference.source}; each conference needs its own",
                )
        except ConfigError as error:
            problems.append(Problem(file if isinstance(file, str) else None, error))
            continue
        owners[conference.slug] = conference.source
        by_file[conference.source] = conference
    return DataFile(path, by_file, tuple(problems))


def conference_for(source: Path, data: DataFile | None) -> Conference | None:
    """The data file's entry for a source file, if it has one."""
    return data.by_file.get(source.name) if data else None


def check_zone(name: str, where: str) -> None:
    """Raises ConfigError unless the name is an IANA time zone (one given as an option or a
    setting; the data file's own entries say their line instead)."""
    if name not in pytz.all_timezones_set:
        raise ConfigError(
            where, None, f"unknown time zone {name!r}; use an IANA name such as 'Europe/Paris'"
        )


def described_conferences(folder: Path) -> list[Conference]:
    """The conferences a folder's data file describes (not its notes); none when it does not
    load."""
    try:
        described = load_data_file(folder / DATA_FILE).by_file.values()
        return [conference for conference in described if not conference.notes]
    except ConfigError:
        return []
