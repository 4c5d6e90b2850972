"""`calsvc parse`: golden output for every seed, exit codes, and one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from calsvc.codec import SessionJson

from .commands import calsvc as run
from .conftest import SEEDS

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("output", ["json", "text"])
@pytest.mark.parametrize("name", SEED_NAMES, ids=SEED_NAMES)
def test_parse_seed_matches_golden(
    name: str, output: str, golden: Callable[[str, str], None]
) -> None:
    result = run("parse", f"seeds/{name}", "--format", output, "--ref-date", "2026-11-22")

    assert (result.returncode, result.stderr) == (0, "")
    golden(f"{Path(name).stem}.{'json' if output == 'json' else 'txt'}", result.stdout)


def test_parse_json_has_the_documented_keys() -> None:
    result = run("parse", "seeds/mlsys-2022.txt", "--format", "json")

    document = json.loads(result.stdout)
    assert (sorted(document), sorted(document["events"][0]), sorted(document["undated"][0])) == (
        ["diagnostics", "events", "undated"],
        sorted(SessionJson.__annotations__),
        ["date", "kind", "line", "source", "title", "track", "uid"],
    )  # fmt: skip


def test_parse_file_without_data_file_entry_uses_utc_and_infers_year(tmp_path: Path) -> None:
    source = tmp_path / "programme.txt"
    source.write_text("Poster: A Tue 6 Jun 09:00 a.m.\n", encoding="utf-8")

    result = run("parse", str(source), "--format", "json", "--ref-date", "2026-11-22",
                 cwd=tmp_path)  # fmt: skip

    document = json.loads(result.stdout)
    assert (document["events"][0]["start"], [d["code"] for d in document["diagnostics"]]) == (
        "2023-06-06T09:00:00+00:00", ["no-data-file-entry", "year-inferred"]
    )  # fmt: skip


def test_parse_options_override_data_file(tmp_path: Path) -> None:
    result = run("parse", "seeds/mlsys-2023.txt", "--format", "json", "--tz", "Europe/Paris",
                 "--year", "2017")  # fmt: skip

    assert json.loads(result.stdout)["events"][0]["start"] == "2017-06-06T07:30:00+02:00"


def test_parse_errors_in_lines_exit_one_and_still_report(tmp_path: Path) -> None:
    source = tmp_path / "programme.txt"
    source.write_text(
        "Poster: A Tue 6 Jun 09:00 a.m.\nPoster: B Tue 6 Jun 25:00\n", encoding="utf-8"
    )

    result = run("parse", str(source), "--tz", "UTC", "--year", "2023")

    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        1, f"{source}:2: error: '25:00' is not a time: hour 25 is past 23; this session is left out"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "missing.txt"], "calsvc: missing.txt: cannot read: No such file or directory\n"),
        (["parse", "seeds"], "calsvc: seeds: is a folder, not a file\n"),
        (["parse", "--tz", "Mars/Base", "seeds/mlsys-2023.txt"],
         "calsvc: --tz: unknown time zone 'Mars/Base'; use an IANA name such as 'Europe/Paris'\n"),
        (["parse", "--year", "twenty", "seeds/mlsys-2023.txt"],
         "calsvc: Invalid value for '--year': 'twenty' is not a valid integer range.\n"),
        (["parse", "--ref-date", "yesterday", "seeds/mlsys-2023.txt"],
         "calsvc: Invalid value for '--ref-date': 'yesterday' is not a date; use YYYY-MM-DD\n"),
        (["parse", "--format", "xml", "seeds/mlsys-2023.txt"],
         "calsvc: Invalid value for '--format': 'xml' is not one of 'text', 'json'.\n"),
        (["parse"], "calsvc: Missing argument 'FILE_OR_URL...'.\n"),
    ],
    ids=["missing-file", "folder", "bad-zone", "bad-year", "bad-ref-date", "bad-format", "no-file"],
)  # fmt: skip
def test_parse_bad_usage_is_one_line_exit_two(args: list[str], message: str) -> None:
    result = run(*args)

    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)


def test_parse_binary_file_is_one_line_exit_two(tmp_path: Path) -> None:
    source = tmp_path / "image.png"
    source.write_bytes(bytes(range(256)) * 10)

    result = run("parse", str(source))

    assert (result.returncode, result.stderr) == (
        2, f"calsvc: {source}:1: this is not a text file (it holds binary data)\n"
    )  # fmt: skip


def test_serve_with_a_corrupt_store_is_one_line_exit_two(tmp_path: Path) -> None:
    store = tmp_path / "db.sqlite3"
    store.write_bytes(b"not a database" * 100)

    result = run("serve", "--port", "1", env={"CALSVC_DB": str(store)})

    assert (result.returncode, result.stderr, result.stdout) == (
        2, f"calsvc: {store}: cannot open the revision store: file is not a database\n", ""
    )  # fmt: skip


def test_commands_leave_the_working_folder_as_it_was(tmp_path: Path) -> None:
    """The installed command, in a process of its own with a HOME of its own: the one test
    that runs `python -m calsvc` rather than main() in this process."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "CALSVC_DB")}
    result = subprocess.run(
        [sys.executable, "-m", "calsvc", "get", "/healthz"],
        cwd=work, env={**env, "HOME": str(home)}, capture_output=True, text=True, check=False,
    )  # fmt: skip

    stored = sorted(p.name for p in (home / ".local" / "share" / "calsvc").iterdir())
    assert (result.returncode, result.stdout, list(work.iterdir()), stored) == (
        0, '{"status":"ok"}\n', [], ["revisions.sqlite3"]
    )  # fmt: skip


def test_publish_keeps_versions_lists_them_and_rolls_back(tmp_path: Path) -> None:
    folder = tmp_path / "programme"
    shutil.copytree(SEEDS, folder)
    db = str(tmp_path / "db.sqlite3")
    changed = tmp_path / "mlsys-2023.txt"
    changed.write_text("Poster: Only This Tue 6 Jun 09:00 a.m.\n", "utf-8")

    first = run("publish", str(folder), "--db", db)
    second = run("publish", str(changed), "--db", db)
    back = run("publish", "--rollback", "1", "--db", db)
    listed = run("publish", "--list", "--db", db)
    missing = run("publish", "--rollback", "9", "--db", db)

    files = "conferences.toml, mlsys-2021.txt, mlsys-2022.txt, mlsys-2023.txt, mlsys-abstracts.txt"
    assert [r.stdout for r in (first, second, back)] == [
        f"published version 1: {files}\n", f"published version 2: {files}\n",
        f"published version 3: {files}\n"]  # fmt: skip
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["3", "2", "1"]
    assert (missing.returncode, missing.stderr) == (
        2,
        f"calsvc: {db}: has no published version 9\n",
    )
