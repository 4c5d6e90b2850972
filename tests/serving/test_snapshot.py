"""The snapshot a server leaves beside its store: a restart answers from it without reading a
source, and a snapshot that does not fit (truncated, other settings) is set aside."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from calsvc.serving.service import Service
from calsvc.serving.snapshot import PACKAGE, code_digest, snapshot_path
from calsvc.settings import Settings
from calsvc.sources import folder as sources_module
from calsvc.store import open_store
from calsvc.web import create_app
from calsvc.web.status import READING, health

from ..conftest import Clock


def _served(service: Service) -> tuple[bytes, Any]:
    client = create_app(service.settings, service=service).test_client()
    return client.get("/calendar.ics").data, client.get("/healthz").json


def _first_run(settings: Settings, clock: Clock) -> tuple[bytes, str]:
    """A server's first run: reads the sources, serves, leaves its snapshot, stops."""
    service = Service(settings, clock=clock, background=True)
    try:
        return _served(service)[0], service.catalogue().version
    finally:
        service.close()


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a source was parsed")

    monkeypatch.setattr(sources_module, "read_programme", refuse)


@pytest.fixture
def background(settings: Settings) -> Settings:
    return replace(settings, reload_seconds=0.05)


def test_a_restart_answers_from_the_snapshot_without_reading_a_source(
    background: Settings, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed, version = _first_run(background, clock)
    _refuse_parsing(monkeypatch)

    service = Service(background, clock=clock, background=True)
    try:
        first = (*_served(service), service.catalogue().version)
        time.sleep(0.3)  # several reload rounds: the sources are unchanged, nothing is read
        later = (*_served(service), service.catalogue().version)
    finally:
        service.close()

    assert first == later == (feed, {"status": "ok"}, version)


def test_a_source_changed_while_stopped_is_read_after_the_snapshot(
    background: Settings, sources: Path, clock: Clock
) -> None:
    _, version = _first_run(background, clock)
    path = sources / "mlsys-2023.txt"
    path.write_text(path.read_text("utf-8").replace("Jun 03:20 p.m.", "Jun 03:40 p.m."), "utf-8")

    service = Service(background, clock=clock, background=True)
    try:
        deadline = time.monotonic() + 30
        while service.catalogue().version == version and time.monotonic() < deadline:
            time.sleep(0.02)
        moved = [
            e.revision.sequence for e in service.catalogue().entries if "federated" in e.session.uid
        ]
    finally:
        service.close()

    assert moved == [1]


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:1000]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b"not a pickle"), id="foreign"),
    ],
)
def test_a_snapshot_that_fails_to_load_is_set_aside(
    background: Settings,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    spoil: Any,
) -> None:
    feed, version = _first_run(background, clock)
    spoil(snapshot_path(background.db))
    held = {"parsed": 0}
    parse = sources_module.read_programme

    def counting(*args: Any, **kwargs: Any) -> Any:
        held["parsed"] += 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(sources_module, "read_programme", counting)
    service = Service(background, clock=clock, background=True)
    try:
        started = _served(service)
        deadline = time.monotonic() + 30
        while health(service) != {"status": "ok"} and time.monotonic() < deadline:
            time.sleep(0.02)
        result = (*_served(service), service.catalogue().version)
    finally:
        service.close()

    assert started == (feed, {"status": "ok", "sources": READING})  # from the store meanwhile
    assert (result, held["parsed"]) == ((feed, {"status": "ok"}, version), 4)  # 4 sources
    assert [r.message.split(":")[0] for r in caplog.records if r.name == "calsvc.snapshot"] == [
        f"snapshot {snapshot_path(background.db)} not used"
    ]


def test_a_snapshot_made_with_other_settings_is_not_used(
    background: Settings, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    _first_run(background, clock)
    other = replace(background, untimed=False)

    service = Service(other, clock=clock, background=True)
    try:
        untimed = [e for e in service.catalogue().entries if not e.session.timed]
    finally:
        service.close()

    assert (untimed, [r.name for r in caplog.records if "another version" in r.message]) == (
        [],
        ["calsvc.snapshot"],
    )


def test_a_snapshot_made_with_another_zone_setting_is_not_used(
    tmp_path: Path, clock: Clock
) -> None:
    """A folder no data file describes is read in CALSVC_TIMEZONE: changing it between runs
    must read the files again, not serve the times the last run read in the old zone."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "summit.txt").write_text("Keynote: Opening Tue 6 Jun 2023 09:00\n", "utf-8")
    settings = Settings(sources=folder, db=tmp_path / "db.sqlite3", reload_seconds=0.05)
    open_store(settings.db).close()
    _first_run(replace(settings, timezone="Europe/Paris"), clock)

    service = Service(replace(settings, timezone="Asia/Tokyo"), clock=clock, background=True)
    try:
        deadline = time.monotonic() + 10
        while health(service) != {"status": "ok"} and time.monotonic() < deadline:
            time.sleep(0.05)
        [entry] = service.catalogue().entries
    finally:
        service.close()

    assert (entry.session.timezone, entry.session.start.isoformat()) == (
        "Asia/Tokyo",
        "2023-06-06T09:00:00+09:00",
    )


def test_a_snapshot_made_by_other_code_is_not_used(tmp_path: Path) -> None:
    """A field added to a class breaks an older pickle of it, with the same version number:
    the key holds a digest of the code and word lists, and of nothing else in the package."""
    package = tmp_path / "calsvc"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest(package)
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "model.cpython-311.pyc").write_bytes(b"compiled")
    unchanged = code_digest(package)
    with (package / "model.py").open("a", encoding="utf-8") as model:
        model.write("\n# a field added\n")
    changed = code_digest(package)

    assert (unchanged, len({before, changed}), len(changed)) == (before, 2, 16)
