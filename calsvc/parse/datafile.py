"""Programmes kept as data: a conference site's YAML data file (Jekyll's `_data/program.yml`),
or the YAML or TOML front matter of a page (`schedule: items: - date: … activities: - time:
… title: …`, Hugo's `program_elements = [{ title = …, start = 2019-10-19T08:00:00 }]`).

Such a text is turned into lines the reader already knows, each at its record's own line
(so problems and the read page still point into the file): a day's date as a heading, and
under it each session's times, title and place (`16:00–16:30 Coffee Break @ Polo di Scienze,
Terrazza Nord`); a session that writes its own date ('2019-10-19T08:00') under a heading
of that date.
What a record's keys mean comes from the key lists in words.toml [data], in many languages;
a day's record is a heading over the records it holds, and a record stands in the place
of the records around it (a parallel session's papers). The rest of the data region reads
as blank lines.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import yaml

from .places import room_line
from .roles import words

MIN_RECORDS = 3  # timed records a text needs to be read as a programme kept as data
_YAML_START = re.compile(r"^(?:-\s+[\w-]+\s*:|[\w-]+\s*:(?:\s|$))")
_YAML_LINE = re.compile(r"^\s*(?:-\s+)?[\w-]+\s*:(?:\s|$)|^\s*-\s")
YAML_HEAD = 5  # first lines of a YAML data file that must all look like YAML
_ISO = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{1,2}\s*h")


@dataclass
class _Record:
    """A mapping of the data: its line (from 0), its fields, the day it gives itself, and
    the places it stands in (its own, else those of the records around it)."""

    line: int
    fields: dict[str, object] = field(default_factory=dict)
    day: str | None = None
    places: tuple[str, ...] = ()


def _record(line: int, fields: dict[str, object], around: tuple[str, ...]) -> _Record:
    dates = words()["date_keys"]
    day = next((v for k, v in fields.items() if k in dates and isinstance(v, str)
                and any(c.isdigit() for c in v)), None)  # fmt: skip
    return _Record(line, fields, day, _places(fields) or around)


def data_lines(lines: list[str]) -> list[str] | None:
    """The lines of a programme kept as data, as the reader reads them; None for any other
    text (fewer than MIN_RECORDS records with a time and a title)."""
    region = _region(lines)
    if region is None:
        return None
    first, last, kind = region
    body = "\n".join(lines[first:last])
    try:
        found = (
            list(_toml_records(body, lines, first)) if kind == "toml" else list(_yaml_records(body))
        )
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        return None
    rows = [(record.line + (first if kind != "toml" else 0), row) for record in found
            if (row := _row(record)) is not None]  # fmt: skip
    if sum(1 for _, row in rows if row.times) < MIN_RECORDS:
        return None
    read = list(lines)
    for index in range(first - (kind != "data"), min(last + 1, len(lines))):
        read[index] = ""
    heading, free = None, first - (kind != "data")
    for index, row in rows:
        day = row.day
        if day is not None and row.times and day != heading:
            spare = next((i for i in range(index - 1, free - 1, -1) if not read[i]), None)
            if spare is None:  # ('2019-10-19 08:00–08:50 Credenciamento': the reader's own)
                row = _Row(row.text, f"{day} {row.times}", None, row.where)
            else:  # (a date of its own, '2019-10-19T08:00': a heading over its rows)
                read[spare], heading = day, day
        read[index] = row.line if not read[index] else f"{read[index]} {row.line}"
        free = index + 1
    return read


@dataclass(frozen=True)
class _Row:
    """What a record says: a session (its title, times and place, and its own date if it
    writes one) or a day (its date, as text, with no times)."""

    text: str
    times: str = ""
    day: str | None = None
    where: str = ""

    @property
    def line(self) -> str:
        """A time row ('16:00–16:30 Coffee Break @ Polo di Scienze, Terrazza Nord'), or the
        day's heading."""
        return f"{self.times} {self.text}{self.where}" if self.times else self.text


def _region(lines: list[str]) -> tuple[int, int, str] | None:
    """Where the data is: (first line, line after the last, 'yaml' or 'toml'), front matter
    between '---' or '+++' lines, or a whole YAML file."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return None
    opening = lines[start].strip()
    if opening in ("---", "+++"):
        end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == opening), None)
        if end is None:
            return None
        return start + 1, end, "yaml" if opening == "---" else "toml"
    heads = [line for line in lines[start : start + 2 * YAML_HEAD] if line.strip()][:YAML_HEAD]
    if _YAML_START.match(opening) and sum(bool(_YAML_LINE.match(h)) for h in heads) == len(heads):
        return start, len(lines), "data"  # (every one of its first lines a key or list item)
    return None


def _yaml_records(text: str) -> Iterator[_Record]:
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if root is not None:
        yield from _walk(root, ())


def _scalar(node: yaml.Node) -> object:
    """A node's plain value: a scalar's text, the first value of a mapping of languages
    ('en: Registration, it: Registrazione'), else None."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    if isinstance(node, yaml.MappingNode) and node.value:
        values = [v for _, v in node.value]
        if all(isinstance(v, yaml.ScalarNode) for v in values) and all(
            len(str(k.value)) <= 3 for k, _ in node.value
        ):
            return str(values[0].value).strip()
    return None


def _walk(node: yaml.Node, around: tuple[str, ...]) -> Iterator[_Record]:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, around)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    fields = {str(k.value).strip().lower(): _scalar(v) for k, v in node.value}
    record = _record(node.start_mark.line, {k: v for k, v in fields.items() if v}, around)
    yield record
    for _, value in node.value:
        if isinstance(value, yaml.SequenceNode | yaml.MappingNode) and _scalar(value) is None:
            yield from _walk(value, record.places)


def _toml_records(text: str, lines: list[str], first: int) -> Iterator[_Record]:
    """TOML has no line numbers: each record's is the first line from the last one's on
    that holds its title."""
    at = first

    def walk(value: object, around: tuple[str, ...]) -> Iterator[_Record]:
        nonlocal at
        if isinstance(value, list):
            for item in value:
                yield from walk(item, around)
        elif isinstance(value, dict):
            fields = {str(k).lower(): _plain(v) for k, v in value.items() if _plain(v)}
            title = str(_field(fields, "title_keys") or "")
            at = next((i for i in range(at, len(lines)) if title and title in lines[i]), at)
            record = _record(at, fields, around)
            yield record
            for item in value.values():
                if isinstance(item, list | dict):
                    yield from walk(item, record.places)

    yield from walk(tomllib.loads(text), ())


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="minutes")
    return value.strip() if isinstance(value, str) else value if isinstance(value, int) else None


def _field(fields: dict[str, object], keys: str) -> object:
    """The first of a record's fields, in its own order, whose key is one of these."""
    names = words()[keys]
    return next((value for key, value in fields.items() if key in names and value), None)


def _places(fields: dict[str, object]) -> tuple[str, ...]:
    """The places a mapping's fields name: its room fields, else a note that names one."""
    rooms = words()["room_keys"]
    places = tuple(v for k, v in fields.items() if k in rooms and isinstance(v, str))
    if not places:  # ('comments = "Auditorio Savassi"', and not '"Intervalo"': a note)
        noted = (v for k, v in fields.items() if k in words()["note_keys"] and isinstance(v, str))
        places = tuple(v for v in noted if room_line(v))[:1]
    return places


def _row(record: _Record) -> _Row | None:
    """What a record says, or None: a session's title, time and place; a day's date, over
    the sessions it holds (as written: '08/05', '13.2.2026')."""
    fields = record.fields
    title = _field(fields, "title_keys") or _field(fields, "type_keys")
    start = _field(fields, "time_keys")
    if start is None:
        return _Row(record.day) if record.day is not None else None
    if not isinstance(title, str):
        return None
    when, day = str(start), None
    if (iso := _ISO.match(when)) is not None:
        day, when = iso[1], iso[2]
    elif not _CLOCK.search(when):
        return None
    end = _field(fields, "end_keys")
    if end is not None and (iso_end := _ISO.match(str(end))) is not None:
        end = iso_end[2]
    minutes = _field(fields, "duration_keys")
    clock = re.fullmatch(r"(\d{1,2})[:.](\d{2})", when)
    if end is None and clock and str(minutes or "").isdigit():
        moment = datetime(2000, 1, 1, int(clock[1]), int(clock[2]))
        end = f"{moment + timedelta(minutes=int(str(minutes))):%H:%M}"
    where = f" @ {', '.join(record.places)}" if record.places else ""
    return _Row(" ".join(title.split()), f"{when}–{end}" if end else when, day, where)
