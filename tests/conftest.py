"""Shared fixtures: the repository's seeds, a fixed reference date, golden-file comparison."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.store import open_store
from calsvc.web import create_app

from . import postgres

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
REFERENCE = date(2026, 11, 22)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


# What each kind of test needs beyond Python and the packages, and how to tell it is there.
# `make test` installs all of it; elsewhere a test whose tool is missing is skipped with the
# reason, except under CI (CI=true), where a missing tool is a failure, never a skip.
NEEDS: dict[str, tuple[Callable[[], bool], str]] = {
    "interop": (
        lambda: bool(shutil.which("node")) and (ROOT / "tests/interop/node_modules").is_dir(),
        "needs Node and tests/interop/node_modules (make test installs them)",
    ),
    "browser": (
        lambda: Path("/usr/bin/chromium").exists(),
        "needs Chromium at /usr/bin/chromium (make test installs it)",
    ),
    "postgres": (
        lambda: postgres.binaries() is not None,
        "needs PostgreSQL's initdb and pg_ctl (make test installs Debian's postgresql)",
    ),
    "container": (
        lambda: bool(shutil.which("nginx")) or Path("/usr/sbin/nginx").exists(),
        "needs nginx (make test installs it)",
    ),
}
# Modules all of whose tests are of one kind; single tests carry their marker themselves.
MODULE_KINDS = {
    "test_interop": "interop",
    "test_browser": "browser",
    "test_proxy": "container",
    "test_dockerfile": "container",
    "test_compose": "container",
    "test_server": "slow",
    "test_reload_under_load": "slow",
    "test_fuzz": "slow",
    # In-process, but each test starts a local web server, background threads or a fork, or
    # writes a whole site: a second or so apiece, too long for the unit run.
    "test_pages_by_address": "integration",
    "test_snapshot": "integration",
    "test_export": "integration",
    "test_store_faults": "integration",
}
KINDS = ("interop", "browser", "container", "postgres", "integration", "slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Marks each test with its kind; a test of none of them is a `unit` test (`pytest -m
    unit` runs those: seconds, on any machine with Python)."""
    in_ci = os.environ.get("CI", "").lower() == "true"
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in MODULE_KINDS:
            item.add_marker(MODULE_KINDS[module])
        kinds = [kind for kind in KINDS if item.get_closest_marker(kind)]
        if not kinds:
            item.add_marker("unit")
        for kind in kinds:
            present, reason = NEEDS.get(kind, (lambda: True, ""))
            if not in_ci and not present():
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compares text with tests/golden/NAME byte for byte (or rewrites it with --update-golden)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
        assert actual == path.read_bytes().decode("utf-8")

    return check


# ---------------------------------------------------------------- the web app on a copy of the seeds


FIRST_LOAD = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand, so revision times are known."""

    def __init__(self, now: datetime = FIRST_LOAD) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def move_and_drop(sources: Path) -> None:
    """The organiser's edit to the copy of the seeds: the Federated Learning posters move to
    5 p.m. the same day, and the ML for Systems posters lose their header (dropped)."""
    programme = sources / "mlsys-2023.txt"
    text = programme.read_text("utf-8")
    text = text.replace(
        "Federated Learning Tue 6 Jun 03:20 p.m.", "Federated Learning Tue 6 Jun 05:00 p.m."
    )
    text = text.replace("Poster: ML for Systems Tue 6 Jun 04:40 p.m.", "ML for Systems (withdrawn)")
    programme.write_text(text, "utf-8")


def write_abstracts(sources: Path, text: str) -> None:
    """Writes `text` over the seeds' abstracts file and serves that file as its conference,
    MLSys abstracts (the seeds' data file marks it as notes: read, not served)."""
    data = sources / "conferences.toml"
    data.write_text(data.read_text("utf-8").replace("notes = true\n", ""), "utf-8")
    (sources / "mlsys-abstracts.txt").write_text(text, "utf-8")


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of the seeds that a test may edit."""
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(sources: Path, tmp_path: Path) -> Settings:
    """Settings of a server whose store was made, as `calsvc serve` makes it before starting
    its workers (which never make one)."""
    db = tmp_path / "revisions.sqlite3"
    open_store(db).close()
    return Settings(sources=sources, db=db, reload_seconds=0)


@pytest.fixture
def app(settings: Settings, clock: Clock) -> Iterator[Flask]:
    service = Service(settings, clock=clock)
    yield create_app(settings, service=service)
    service.store.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    """A client of one app on an untouched copy of the seeds, shared by the tests of a module
    that only read (GET requests, nothing edited, no clock moved): one app built per module
    instead of one per test."""
    folder = tmp_path_factory.mktemp("reader")
    shutil.copytree(SEEDS, folder / "sources")
    settings = Settings(sources=folder / "sources", db=folder / "revisions.sqlite3")
    service = Service(settings, clock=Clock())
    yield create_app(settings, service=service).test_client()
    service.close()
