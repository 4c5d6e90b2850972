"""`calsvc init` then `calsvc add`: the data file written from what was read, comments and
order kept, nothing written that would not load, and the service serving what it says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from calsvc.cli import main
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.sources.conferences import load_data_file

from ..conftest import ROOT, SEEDS, Clock

WRITTEN = """\
# conferences.toml: one [[source]] entry for each programme file in this folder.
# Written by calsvc from what it read; check the lines marked "guessed".
# Keys: file (or url = "https://…" and refresh = minutes, for a page by its address), slug,
# name, year, timezone (IANA, e.g. "Europe/Paris"), venue, homepage, and [source.durations]
# (minutes by kind of session, for sessions with no end).

[[source]]
# 4 sessions read; kinds found: Poster (2), Invited Talk (1), Oral (1)
file = "forum.html"
slug = "forum"
name = "forum" # guessed from the file name: give the conference's name
year = 2025 # guessed from the dates
timezone = "America/Los_Angeles" # guessed from the zone its times are written in

[[source]]
# 6 sessions read; kinds found: Poster (4), Registration Desk (1), Invited Talk (1)
file = "mlsys-2023.txt"
slug = "mlsys-2023"
name = "mlsys-2023" # guessed from the file name: give the conference's name
year = 2023 # guessed from the dates
timezone = "UTC" # guessed the text names no zone: set it
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "programmes"
    folder.mkdir()
    shutil.copy(SEEDS / "mlsys-2023.txt", folder)
    shutil.copy(ROOT / "tests" / "corpus" / "html-virtual-site.html", folder / "forum.html")
    return folder


def _run(*argv: str) -> int:
    with pytest.raises(SystemExit) as done:
        main([*argv])
    return int(done.value.code or 0)


def test_init_writes_what_it_read(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", str(folder)])

    assert (folder / "conferences.toml").read_text("utf-8") == WRITTEN
    assert capsys.readouterr().out == (
        f"added forum.html\nadded mlsys-2023.txt\n{folder / 'conferences.toml'}: 2 entries "
        "added; check the lines marked 'guessed'\n"
    )


def test_add_keeps_comments_and_order_and_the_service_serves_it(
    folder: Path, tmp_path: Path, clock: Clock
) -> None:
    main(["init", str(folder)])
    path = folder / "conferences.toml"
    path.write_text(path.read_text("utf-8").replace("[[source]]\n# 6", "# ours\n[[source]]\n# 6"))
    main(["add", str(folder / "mlsys-2023.txt"), "--name", "MLSys 2023", "--tz",
          "America/Los_Angeles", "--venue", "Miami Beach"])  # fmt: skip

    expected = WRITTEN.replace("[[source]]\n# 6", "# ours\n[[source]]\n# 6").replace(
        'name = "mlsys-2023" # guessed from the file name: give the conference\'s name\n'
        "year = 2023 # guessed from the dates\n"
        'timezone = "UTC" # guessed the text names no zone: set it\n',
        'name = "MLSys 2023"\nyear = 2023 # guessed from the dates\n'
        'timezone = "America/Los_Angeles"\nvenue = "Miami Beach"\n',
    )
    assert path.read_text("utf-8") == expected
    service = Service(Settings(sources=folder, db=tmp_path / "db.sqlite3"), clock=clock)
    try:
        conference = service.catalogue().conferences["mlsys-2023"]
        starts = [
            e.session.start.isoformat()
            for e in service.catalogue().entries
            if e.session.conference == "mlsys-2023" and e.session.start
        ][:1]
    finally:
        service.close()
    assert (conference.name, conference.timezone, conference.venue, starts) == (
        "MLSys 2023", "America/Los_Angeles", "Miami Beach", ["2023-06-06T07:30:00-07:00"]
    )  # fmt: skip


def test_add_a_file_to_a_folder_without_a_data_file(folder: Path) -> None:
    main(["add", str(folder / "forum.html"), "--slug", "forum-2025"])

    data = load_data_file(folder / "conferences.toml")
    assert [(c.source, c.slug, c.year, c.timezone) for c in data.by_file.values()] == [
        ("forum.html", "forum-2025", 2025, "America/Los_Angeles")
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["--slug", "api"], "conferences.toml:18: not written: slug 'api' is taken by "
                     "the service's own pages; avoid api, builder, embed, events, healthz, my, static, "
                     "status", id="reserved-slug"),
        pytest.param(["--tz", "Mars/Base"], "--tz: unknown time zone 'Mars/Base'; use an IANA name such as "
                     "'Europe/Paris'",
                     id="unknown-zone"),
    ],
)  # fmt: skip
def test_add_refuses_to_write_what_would_not_load(
    folder: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", str(folder)])
    before = (folder / "conferences.toml").read_text("utf-8")
    capsys.readouterr()

    code = _run("add", str(folder / "mlsys-2023.txt"), *argv)

    shown = capsys.readouterr().err.replace(f"{folder}/", "")
    assert (code, shown, (folder / "conferences.toml").read_text("utf-8")) == (
        2, f"calsvc: {message}\n", before
    )  # fmt: skip
    assert sorted(p.name for p in folder.iterdir()) == [
        "conferences.toml",
        "forum.html",
        "mlsys-2023.txt",
    ]
