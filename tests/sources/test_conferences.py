"""The conference data file and the errors that point into it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from calsvc.errors import ConfigError
from calsvc.parse import parse_programme
from calsvc.sources.conferences import load_data_file

from ..conftest import REFERENCE, SEEDS


def test_load_data_file_seeds() -> None:
    data = load_data_file(SEEDS / "conferences.toml")

    facts = {
        name: (c.slug, c.name, c.year, c.timezone, c.duration_minutes("poster"),
               c.duration_minutes("tutorial"), c.duration_minutes("panel"))
        for name, c in data.by_file.items()
    }  # fmt: skip
    assert facts == {
        "mlsys-2021.txt": ("mlsys-2021", "MLSys 2021", 2021, "America/Los_Angeles", 90, 180, 60),
        "mlsys-2022.txt": ("mlsys-2022", "MLSys 2022", 2022, "America/Los_Angeles", 90, 180, 60),
        "mlsys-2023.txt": ("mlsys-2023", "MLSys 2023", 2023, "America/New_York", 90, 180, 60),
        "mlsys-abstracts.txt": ("mlsys-abstracts", "MLSys abstracts", None,
                                "UTC", 90, 180, 60),
    }  # fmt: skip


def test_load_data_file_bad_default_duration_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text("[defaults.durations]\nposter = -5\n", encoding="utf-8")

    with pytest.raises(ConfigError) as error:
        load_data_file(path)

    assert (error.value.line, error.value.message) == (
        2,
        "duration of 'poster' must be whole minutes from 1 to 1440, not -5",
    )


def test_load_data_file_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text('[[source]]\nfile = "a.txt"\nyear = 2023\nyear = 2024\n', encoding="utf-8")

    with pytest.raises(ConfigError) as error:
        load_data_file(path)

    assert (error.value.line, error.value.message) == (
        4,
        "not valid TOML: Cannot overwrite a value",
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[[source]]\nfile = "a.txt"\ntimezone = "Mars/Olympus"\n', 3,
         "unknown time zone 'Mars/Olympus' for a.txt; use an IANA name such as 'America/New_York'"),
        ('[[source]]\nfile = "a.txt"\nslug = "x"\n[[source]]\nfile = "b.txt"\nslug = "x"\n', 6,
         "slug 'x' is used by both a.txt and b.txt; each conference needs its own"),
        ('[[source]]\nfile = "a.txt"\ncolour = "red"\n', 3,
         "unknown key 'colour' for a.txt; allowed: cancel_freely, date, durations, file, "
         "homepage, name, notes, read_page, refresh, slug, timezone, url, venue, year"),
        ('[[source]]\nfile = "a.txt"\nslug = "Big Conf"\n', 3,
         "slug 'Big Conf' must be lowercase ASCII words joined by dashes, e.g. 'big-conf'"),
        ('[[source]]\nfile = "a.txt"\nslug = "api"\n', 3,
         "slug 'api' is taken by the service's own pages; avoid api, builder, embed, events, healthz, my, static, status"),
        ('[[source]]\nfile = "a.txt"\ndate = "June 8"\n', 3,
         "date must be a day such as 2023-06-08, not 'June 8'"),
    ],
    ids=["unknown-zone", "duplicate-slug", "unknown-key", "bad-slug", "reserved-slug", "bad-date"],
)  # fmt: skip
def test_load_data_file_bad_entry_is_left_out_and_named(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text(text + '[[source]]\nfile = "good.txt"\n', encoding="utf-8")

    data = load_data_file(path)

    problems = [(p.error.file, p.error.line, p.error.message) for p in data.problems]
    assert (problems, data.by_file["good.txt"].slug) == ([(str(path), line, message)], "good")


@pytest.mark.parametrize("written", ["2023-06-08", '"2023-06-08"'], ids=["toml-date", "string"])
def test_data_file_date_is_the_one_day_of_a_programme(tmp_path: Path, written: str) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text(f'[[source]]\nfile = "a.txt"\ndate = {written}\n', encoding="utf-8")

    assert load_data_file(path).by_file["a.txt"].date == date(2023, 6, 8)


def test_data_file_kinds_reach_the_reader(tmp_path: Path) -> None:
    (tmp_path / "conferences.toml").write_text(
        '[kinds]\n"Fireside chat" = "Keynote"\n"Hackathon" = "Hackathon"\n\n'
        '[[source]]\nfile = "p.txt"\nyear = 2024\ntimezone = "Europe/Oslo"\n',
        encoding="utf-8",
    )
    conference = load_data_file(tmp_path / "conferences.toml").by_file["p.txt"]
    text = (
        "Monday 14 October 2024\n09:00 Fireside chat: Building the kernel\n"
        "13:00 Hackathon kick-off\n"
    )

    schedule = parse_programme(text.encode("utf-8"), conference, reference=REFERENCE)

    assert [(s.kind, s.title) for s in schedule.sessions] == [
        ("Keynote", "Fireside chat: Building the kernel"),
        ("Hackathon", "Hackathon kick-off"),
    ]


def test_data_file_kinds_must_be_a_table_of_names(tmp_path: Path) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text('title = "x"\n\n[kinds]\n"Fireside chat" = 3\n', encoding="utf-8")

    with pytest.raises(ConfigError) as error:
        load_data_file(path)

    assert (error.value.line, error.value.message) == (
        3,
        'kinds must be a table of labels and kinds, e.g. "Fireside chat" = "Keynote"',
    )


@pytest.mark.parametrize("file", ["../notes.txt", "/etc/passwd", "sub/p.txt", ".."],
                         ids=["parent", "absolute", "subfolder", "dot-dot"])  # fmt: skip
def test_data_file_names_only_files_in_the_sources_folder(tmp_path: Path, file: str) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text(f'[[source]]\nfile = "{file}"\n', encoding="utf-8")

    problems = load_data_file(path).problems

    assert [(p.error.line, p.error.message) for p in problems] == [
        (2, f"file {file!r} must be the name of a file in the "
            "sources folder, not a path to somewhere else")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("entry", "facts"),
    [
        pytest.param('url = "https://forum.example.org/2025/programme.html"',
                     ("https://forum.example.org/2025/programme.html", "programme", 15), id="slug-from-path"),
        pytest.param('url = "https://forum.example.org/"\nrefresh = 5',
                     ("https://forum.example.org/", "forum-example-org", 5), id="slug-from-host"),
        pytest.param('url = "https://x.example/p"\nslug = "x-2025"',
                     ("https://x.example/p", "x-2025", 15), id="slug-given"),
    ],
)  # fmt: skip
def test_a_page_by_its_address(tmp_path: Path, entry: str, facts: tuple[str, str, int]) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text(f"[[source]]\n{entry}\n", encoding="utf-8")

    [conference] = load_data_file(path).by_file.values()
    assert (conference.url, conference.slug, conference.refresh_minutes) == facts


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        pytest.param('url = "ftp://x.example/p"', "url 'ftp://x.example/p' must be an http:// or https:// address", id="scheme"),
        pytest.param('url = "https://x.example/p"\nrefresh = 0', "refresh must be minutes from 1 to 1440, not 0", id="refresh"),
    ],
)  # fmt: skip
def test_a_page_address_that_cannot_be_used(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "conferences.toml"
    path.write_text(f"[[source]]\n{entry}\n", encoding="utf-8")

    [problem] = load_data_file(path).problems
    assert (problem.error.line, problem.error.message) == (2, message)
