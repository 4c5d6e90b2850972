"""Shared fixtures: the repository's seeds, a fixed reference date, golden-file comparison."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from calsvc.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
REFERENCE = date(2026, 11, 22)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


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
    return Settings(sources=sources, db=tmp_path / "revisions.sqlite3", reload_seconds=0)


@pytest.fixture
def app(settings: Settings, clock: Clock) -> Iterator[Flask]:
    service = Service(settings, clock=clock)
    yield create_app(settings, service=service)
    service.store.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
