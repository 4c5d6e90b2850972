"""The static export: its tree, feeds equal to the server's, and links that resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask

from calsvc.errors import ConfigError
from calsvc.export import MARKER, export_site
from calsvc.settings import Settings

from .commands import Ran, calsvc
from .html import elements

BASE = "https://cal.example.org/mlsys"
# Places pages link to on purpose: calendar services and the conferences' own websites.
EXTERNAL = {"calendar.google.com", "outlook.live.com", "outlook.office.com", "mlsys.org"}


@pytest.fixture
def site(app: Flask, settings: Settings, tmp_path: Path) -> Path:
    app.config["SERVICE"].catalogue()  # the server has recorded its revisions first
    export_site(tmp_path / "site", settings=settings, base_url=BASE)
    return tmp_path / "site"


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_export_tree(site: Path) -> None:
    files = _files(site)

    counts = {
        "pages": sum(f.endswith("index.html") for f in files),
        "session pages": sum(f.startswith("events/") and f.endswith("/index.html") for f in files),
        "session feeds": sum(f.startswith("events/") and f.endswith(".ics") for f in files),
        "track feeds": sum("/tracks/" in f for f in files),
        "kind feeds": sum("/kinds/" in f for f in files),
        "feeds": sum(f.endswith(".ics") for f in files),
        "in other formats": {
            extension: sum(f.endswith(f".{extension}") for f in files)
            for extension in ("jcal", "xcs", "csv", "xml", "json")
        },
    }
    assert counts == {"pages": 27, "session pages": 20, "session feeds": 20, "track feeds": 44,
                      "kind feeds": 40, "feeds": 45,
                      "in other formats": {"jcal": 25, "xcs": 25, "csv": 25, "xml": 3,
                                           "json": 3}}  # fmt: skip
    assert [f for f in files if "/" not in f or f.startswith("static/")] == [
        MARKER, "calendar.csv", "calendar.ics", "calendar.jcal", "calendar.xcs", "index.html",
        "static/calsvc.js", "static/style.css"
    ]  # fmt: skip
    assert [f for f in files if f.startswith("mlsys-2023/") and f.count("/") == 1] == [
        "mlsys-2023/calendar.csv", "mlsys-2023/calendar.ics", "mlsys-2023/calendar.jcal",
        "mlsys-2023/calendar.xcs", "mlsys-2023/index.html", "mlsys-2023/schedule.json",
        "mlsys-2023/schedule.xml",
    ]  # fmt: skip


def test_export_feeds_equal_the_servers(site: Path, app: Flask) -> None:
    app.config["BASE_URL"] = BASE
    client = app.test_client()

    compared = [f for f in _files(site) if not f.endswith((".html", ".css", ".js", MARKER))]
    different = [f for f in compared if (site / f).read_bytes() != client.get("/" + f).data]

    assert (different, len(compared)) == ([], 126)


def test_export_links_resolve_inside_the_tree(site: Path) -> None:
    """Pages link to pages relatively (the folder can be browsed as files); feeds and the
    subscribe links stay absolute on the base URL."""
    broken, relative, absolute = [], 0, 0
    for page in site.rglob("*.html"):
        for element in elements(page.read_bytes()):
            for attribute in ("href", "src"):
                link = element.attrs.get(attribute)
                if not link or link.startswith("#"):
                    continue
                parts = urlsplit(link)
                if not parts.scheme:
                    relative += 1
                    if parts.query or not (page.parent / parts.path).resolve().is_file():
                        broken.append((str(page.relative_to(site)), link))
                elif link.startswith((BASE + "/", "webcal://" + BASE.split("://")[1] + "/")):
                    absolute += 1
                    inside = parts.path.removeprefix(urlsplit(BASE).path).lstrip("/")
                    if parts.query or not (site / inside).is_file():
                        broken.append((str(page.relative_to(site)), link))
                elif parts.hostname not in EXTERNAL:
                    broken.append((str(page.relative_to(site)), link))

    assert (broken, relative, absolute) == ([], 183, 554)


def test_export_replaces_its_previous_export(site: Path, settings: Settings) -> None:
    (site / "stale.html").write_text("old", encoding="utf-8")

    export_site(site, settings=settings, base_url=BASE)

    assert (site / "stale.html").exists() is False and (site / "index.html").is_file()


def test_export_refuses_a_folder_it_did_not_write(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.tex").write_text("precious", encoding="utf-8")

    with pytest.raises(ConfigError) as error:
        export_site(folder, settings=settings, base_url=BASE)

    assert (str(error.value), _files(folder)) == (
        f"{folder}: is a folder with other files in it; export to a new or empty folder", ["thesis.tex"]
    )  # fmt: skip


def _export(tmp_path: Path, sources: Path, *extra: str) -> Ran:
    return calsvc("export", str(tmp_path / "out"), "--base-url", BASE, "--sources", str(sources),
                  *extra, env={"CALSVC_DB": str(tmp_path / "db.sqlite3")})  # fmt: skip


def test_export_of_the_seeds_is_clean(tmp_path: Path, sources: Path) -> None:
    """The bundled example has no false problem: its abstracts file is marked as notes."""
    ran = _export(tmp_path, sources)

    assert (ran.returncode, ran.stdout, ran.stderr) == (
        0, f"wrote 155 files to {tmp_path / 'out'}\n", "Exporting\n"
    )  # fmt: skip


def test_export_command_names_the_sources_with_problems(tmp_path: Path, sources: Path) -> None:
    (sources / "minutes.txt").write_text("Minutes of the meeting.\nAll agreed.\n", "utf-8")
    strict = _export(tmp_path, sources)
    allowed = _export(tmp_path, sources, "--allow-problems")

    wrote = f"wrote 163 files to {tmp_path / 'out'}\n"
    named = "calsvc: minutes.txt: no sessions found in it\n"
    assert (strict.returncode, strict.stdout, strict.stderr.split("\n")[-3:]) == (
        1, wrote, [named.rstrip(), "calsvc: 1 source problem(s); the site holds what each source "
                   "last gave (--allow-problems to exit 0)", ""]
    )  # fmt: skip
    assert (allowed.returncode, allowed.stdout, allowed.stderr.split("\n")[-2:]) == (
        0, wrote, [named.rstrip(), ""]
    )  # fmt: skip


def test_export_of_a_folder_whose_sources_all_fail_exits_non_zero(tmp_path: Path) -> None:
    sources = tmp_path / "broken"
    sources.mkdir()
    (sources / "programme.txt").write_bytes(b"\x00\x01\x02" * 400)

    result = _export(tmp_path, sources)

    assert (result.returncode, result.stderr.split("\n")[-3:], _files(tmp_path / "out")[:2]) == (
        1,
        ["calsvc: programme.txt:1: this is not a text file (it holds binary data)",
         "calsvc: 1 source problem(s); the site holds what each source last gave "
         "(--allow-problems to exit 0)", ""],
        [".calsvc-export", "calendar.csv"],
    )  # fmt: skip
