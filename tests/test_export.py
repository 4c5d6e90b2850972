"""The static export: its tree, feeds equal to the server's, and links that resolve."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask

from calsvc.errors import ConfigError
from calsvc.export import MARKER, export_site
from calsvc.settings import Settings

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
    }
    assert counts == {"pages": 25, "session pages": 20, "session feeds": 20, "track feeds": 11,
                      "kind feeds": 10, "feeds": 46}  # fmt: skip
    assert [f for f in files if "/" not in f or f.startswith("static/")] == [
        MARKER, "calendar.ics", "index.html", "static/calsvc.js", "static/style.css"
    ]  # fmt: skip


def test_export_feeds_equal_the_servers(site: Path, app: Flask) -> None:
    app.config["BASE_URL"] = BASE
    client = app.test_client()

    different = [
        f
        for f in _files(site)
        if f.endswith(".ics") and (site / f).read_bytes() != client.get("/" + f).data
    ]

    assert different == []


def test_export_links_resolve_inside_the_tree(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        for element in elements(page.read_bytes()):
            for attribute in ("href", "src"):
                link = element.attrs.get(attribute)
                if not link or link.startswith("#"):
                    continue
                parts = urlsplit(link)
                if link.startswith((BASE + "/", "webcal://" + BASE.split("://")[1] + "/")):
                    inside = parts.path.removeprefix(urlsplit(BASE).path).lstrip("/")
                    target = site / (
                        inside + "index.html" if inside.endswith("/") or not inside else inside
                    )
                    if parts.query or not target.is_file():
                        broken.append((str(page.relative_to(site)), link))
                elif parts.hostname not in EXTERNAL:
                    broken.append((str(page.relative_to(site)), link))

    assert broken == []


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


def test_export_command(tmp_path: Path, sources: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "calsvc", "export", str(tmp_path / "out"), "--base-url", BASE, "--sources", str(sources)],
        capture_output=True, text=True, check=False, env={"CALSVC_DB": str(tmp_path / "db.sqlite3"), "PATH": "/usr/bin"},
    )  # fmt: skip

    assert (result.returncode, result.stdout) == (0, f"wrote 73 files to {tmp_path / 'out'}\n")
