"""A folder holding nothing but a programme serves: `calsvc serve --sources DIR`, with the
slug and name from the file name, the year and zone from the text, and what was guessed
shown on the conference page and in /status."""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import pytest

from calsvc.errors import ConfigError
from calsvc.parse.zones import zone_named_by
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.sources.folder import check_folder
from calsvc.sources.problems import GUESSES

from ..conftest import Clock
from ..html import find, text
from ..servers import calsvc

ROOT = Path(__file__).resolve().parent.parent.parent


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return bytes(response.read())


CASES = [
    pytest.param(
        ROOT / "seeds" / "mlsys-2023.txt",
        "mlsys-2023",
        [
            "mlsys-2023.txt:1: warning: no entry in conferences.toml and the text names no zone; "
            "times read as UTC. Set timezone for mlsys-2023.txt in conferences.toml",
            "mlsys-2023.txt:1: warning: no year given; the weekdays fit 2023 (also fits 2017); "
            "set year for it in conferences.toml",
        ],
        ["Registration Desk", "Measurement and Analysis",
         "Parallel and Distributed Systems 2: Communication", "Federated Learning",
         "ML for Systems", "Invited Talk: Alexander Rush"],  # the talk has no time: last
        id="text",
    ),
    pytest.param(
        ROOT / "tests" / "corpus" / "html-virtual-site.html",
        "html-virtual-site",
        [
            "html-virtual-site.html:1: info: no entry in conferences.toml; times read in "
            "America/Los_Angeles, the zone its text writes (PDT)",
            "html-virtual-site.html:3: warning: no year given; the weekdays fit 2025; set year "
            "for it in conferences.toml",
        ],
        ["Invited Talk: Mara Lindqvist", "Efficient Training", "Compilers and Runtimes",
         "Serving Systems"],
        id="saved-page",
    ),
]  # fmt: skip


@pytest.mark.slow  # `calsvc serve` in a process of its own
@pytest.mark.parametrize(("programme", "slug", "guesses", "titles"), CASES)
def test_a_folder_with_only_a_programme_serves(
    tmp_path: Path, programme: Path, slug: str, guesses: list[str], titles: list[str]
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(programme, sources)

    with calsvc(tmp_path, sources) as base:
        page = _get(f"{base}/{slug}/")
        status = json.loads(_get(f"{base}/status"))

    shown = [text(e) for e in find(page, "code") if "guesses" in e.classes_above]
    listed = [text(e) for e in find(page, "a", **{"class": "title"})]
    [source] = status["sources"]
    noted = [f"{source['file']}:{d['line']}: {d['level']}: {d['message']}"
             for d in source["diagnostics"] if d["code"] in GUESSES]  # fmt: skip
    assert (source["file"], source["conference"], source["error"]) == (programme.name, slug, None)
    assert (shown, noted, listed) == (guesses, guesses, titles)


def test_a_file_the_data_file_does_not_list_is_served_beside_those_it_does(
    sources: Path, settings: Settings, clock: Clock
) -> None:
    service = Service(settings, clock=clock)
    try:
        before = sorted(service.catalogue().conferences)
        shutil.copy(ROOT / "tests" / "corpus" / "html-table-cp1252.html", sources / "status.html")
        clock.advance(minutes=1)
        service.reload()
        catalogue = service.catalogue()
        added = catalogue.conferences["status-2"]
    finally:
        service.close()

    assert before == ["mlsys-2021", "mlsys-2022", "mlsys-2023"]
    assert (added.name, added.timezone, added.described, catalogue.count("status-2")) == (
        "status", "UTC", False, 7  # "status" is a page of the service: a suffix; no zone in rows
    )  # fmt: skip


def test_an_empty_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        check_folder(tmp_path)

    assert str(error.value) == (
        f"{tmp_path}: holds no conferences.toml and no programme files "
        "(.txt, .text, .md, .html, .htm)"
    )


@pytest.mark.parametrize(
    ("written", "zone"),
    [
        pytest.param(["PDT"], "America/Los_Angeles", id="one"),
        pytest.param(["PST", "PDT"], "America/Los_Angeles", id="both-halves-of-a-year"),
        pytest.param(["CET", "CEST"], "Europe/Paris", id="central-europe"),
        pytest.param(["AoE"], "Etc/GMT+12", id="anywhere-on-earth"),
        pytest.param(["PDT", "EDT"], None, id="two-zones"),
        pytest.param(["CST"], None, id="ambiguous"),
        pytest.param(["UTC+2"], None, id="offset-only"),
        pytest.param([], None, id="none"),
    ],
)
def test_zone_named_by(written: list[str], zone: str | None) -> None:
    assert zone_named_by(written) == zone
