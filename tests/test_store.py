"""The revision store on its own: versions, cancellations, retention, several processes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from calsvc.model import Revision
from calsvc.store.recording import Current
from calsvc.store.revisions import RevisionStore

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
KEEP = timedelta(days=30)


def _current(uid: str, fingerprint: str) -> Current:
    return Current(uid, fingerprint, lambda: {"uid": uid, "fingerprint": fingerprint})


def _revisions(rows: list) -> dict[str, Revision]:  # type: ignore[type-arg]
    return {row.uid: row.revision for row in rows}


def test_store_new_sessions_start_at_sequence_zero(tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite3")

    rows = store.sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)

    assert _revisions(rows) == {"a": Revision(0, T0, T0), "b": Revision(0, T0, T0)}


def test_store_change_goes_up_one_and_unchanged_keeps_its_revision(tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite3")
    store.sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)
    later = T0 + timedelta(hours=1)

    rows = store.sync("c", [_current("a", "2"), _current("b", "1")], later, keep_cancelled=KEEP)

    assert _revisions(rows) == {"a": Revision(1, T0, later), "b": Revision(0, T0, T0)}


def test_store_missing_session_is_cancelled_then_dropped_after_the_kept_time(
    tmp_path: Path,
) -> None:
    store = RevisionStore(tmp_path / "r.sqlite3")
    store.sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)
    later = T0 + timedelta(hours=1)

    cancelled = store.sync("c", [_current("a", "1")], later, keep_cancelled=KEEP)
    gone = store.sync(
        "c", [_current("a", "1")], later + KEEP + timedelta(seconds=1), keep_cancelled=KEEP
    )

    assert (_revisions(cancelled)["b"], [row.uid for row in gone], cancelled[1].session) == (
        Revision(1, T0, later, cancelled=True), ["a"], {"uid": "b", "fingerprint": "1"}
    )  # fmt: skip


def test_store_conferences_are_kept_apart(tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite3")
    store.sync("c", [_current("a", "1")], T0, keep_cancelled=KEEP)

    rows = store.sync("d", [_current("x", "1")], T0, keep_cancelled=KEEP)

    assert (
        [row.uid for row in rows],
        [row.uid for row in store.served("c", T0, keep_cancelled=KEEP)],
    ) == (["x"], ["a"])


def test_store_second_process_reads_what_the_first_wrote(tmp_path: Path) -> None:
    first, second = RevisionStore(tmp_path / "r.sqlite3"), RevisionStore(tmp_path / "r.sqlite3")
    first.sync("c", [_current("a", "1")], T0, keep_cancelled=KEEP)
    first.sync("c", [_current("a", "2")], T0 + timedelta(hours=1), keep_cancelled=KEEP)

    rows = second.sync("c", [_current("a", "2")], T0 + timedelta(hours=2), keep_cancelled=KEEP)

    assert _revisions(rows) == {"a": Revision(1, T0, T0 + timedelta(hours=1))}


def test_store_survives_a_restart(tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite3")
    store.sync("c", [_current("a", "1")], T0, keep_cancelled=KEEP)
    store.close()

    reopened = RevisionStore(tmp_path / "r.sqlite3")

    assert _revisions(reopened.served("c", T0, keep_cancelled=KEEP)) == {"a": Revision(0, T0, T0)}
