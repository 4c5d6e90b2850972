"""Publishing from the desk where the service reads: the sources folder, or a new version in
the revision store when it serves published sources; an address put in the data file."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from calsvc.desk import publish_text, set_address
from calsvc.errors import ConfigError
from calsvc.model import DATA_FILE, Conference
from calsvc.sources.conferences import described_conferences
from calsvc.sources.published import files_to_publish
from calsvc.store import open_store

from .conftest import SEEDS

NOW = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)


def _conference(folder: Path, slug: str) -> Conference:
    return next(c for c in described_conferences(folder) if c.slug == slug)


def test_a_version_is_written_whole_into_the_sources_folder(sources: Path, tmp_path: Path) -> None:
    with closing(open_store(tmp_path / "r.sqlite3")) as store:
        said = publish_text(
            store, sources, _conference(sources, "mlsys-2021"), b"new text\n", now=NOW
        )
        published = store.published_version()

    assert (said, published) == ("wrote mlsys-2021.txt in the sources folder", None)
    assert (sources / "mlsys-2021.txt").read_bytes() == b"new text\n"
    assert sorted(p.name for p in sources.iterdir() if p.name.startswith(".")) == []


def test_a_version_is_published_into_the_store_that_serves_published_sources(
    sources: Path, tmp_path: Path
) -> None:
    with closing(open_store(tmp_path / "r.sqlite3")) as store:
        store.publish(files_to_publish([sources], {}), NOW)
        conference = _conference(sources, "mlsys-2021")
        said = publish_text(store, sources, conference, b"new text\n", now=NOW)
        files = store.published_files(2)
        first = store.published_files(1)

    assert said == "published version 2 to the revision store"
    assert files["mlsys-2021.txt"] == b"new text\n"
    assert {k: v for k, v in files.items() if k != "mlsys-2021.txt"} == {
        k: v for k, v in first.items() if k != "mlsys-2021.txt"
    }
    assert (sources / "mlsys-2021.txt").read_bytes() == (SEEDS / "mlsys-2021.txt").read_bytes()


def test_an_address_becomes_the_entry_s_url(sources: Path, tmp_path: Path) -> None:
    conference = _conference(sources, "mlsys-2022")
    with closing(open_store(tmp_path / "r.sqlite3")) as store:
        said = set_address(store, sources, conference, "https://example.org/programme", now=NOW)
    again = _conference(sources, "mlsys-2022")

    assert said == f"wrote {DATA_FILE} in the sources folder"
    assert (again.url, again.source, again.name) == (
        "https://example.org/programme", "https://example.org/programme", conference.name
    )  # fmt: skip


def test_a_page_s_conference_takes_no_text(sources: Path, tmp_path: Path) -> None:
    conference = replace(_conference(sources, "mlsys-2022"), url="https://example.org/p")
    with closing(open_store(tmp_path / "r.sqlite3")) as store, pytest.raises(ConfigError) as raised:
        publish_text(store, sources, conference, b"text\n", now=NOW)

    assert raised.value.message == "is read from its address: change the address"
