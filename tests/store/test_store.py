"""The revision store on its own: versions, cancellations, retention, several processes; the
same tests on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calsvc.errors import ConfigError
from calsvc.model import Revision
from calsvc.store import guard
from calsvc.store.postgres import PostgresStore
from calsvc.store.queries import MIGRATIONS, TYPES, Store
from calsvc.store.recording import Current
from calsvc.store.revisions import RevisionStore

from .. import postgres

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
KEEP = timedelta(days=30)


Opener = Callable[[], Store]  # opens the test's store (again: another process, a restart)


@pytest.fixture(scope="module")
def server() -> Iterator[postgres.Cluster]:
    with postgres.server() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def opened(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """A function that opens the test's own, empty store: a file, or a new database."""
    stores: list[Store] = []
    if request.param == "postgres":
        database = request.getfixturevalue("server").database()

    def opener() -> Store:
        store: Store
        if request.param == "postgres":
            store = PostgresStore(database)
        else:
            store = RevisionStore(tmp_path / "r.sqlite3")
        stores.append(store)
        return store

    yield opener
    for store in stores:
        store.close()


def _current(uid: str, fingerprint: str, title: str | None = None) -> Current:
    shown = {"uid": uid, "fingerprint": fingerprint} | ({"title": title} if title else {})
    return Current(uid, fingerprint, lambda: shown)


def _revisions(rows: list) -> dict[str, Revision]:  # type: ignore[type-arg]
    return {row.uid: row.revision for row in rows}


def test_store_new_sessions_start_at_sequence_zero(opened: Opener) -> None:
    store = opened()

    rows = store.sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)

    assert _revisions(rows) == {"a": Revision(0, T0, T0), "b": Revision(0, T0, T0)}


def test_store_change_goes_up_one_and_unchanged_keeps_its_revision(opened: Opener) -> None:
    store = opened()
    store.sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)
    later = T0 + timedelta(hours=1)

    rows = store.sync("c", [_current("a", "2"), _current("b", "1")], later, keep_cancelled=KEEP)

    assert _revisions(rows) == {"a": Revision(1, T0, later), "b": Revision(0, T0, T0)}


def test_store_missing_session_is_cancelled_then_dropped_after_the_kept_time(
    opened: Opener,
) -> None:
    store = opened()
    store.sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)
    later = T0 + timedelta(hours=1)

    cancelled = store.sync("c", [_current("a", "1")], later, keep_cancelled=KEEP)
    gone = store.sync(
        "c", [_current("a", "1")], later + KEEP + timedelta(seconds=1), keep_cancelled=KEEP
    )

    assert (_revisions(cancelled)["b"], [row.uid for row in gone], cancelled[1].session) == (
        Revision(1, T0, later, cancelled=True), ["a"], {"uid": "b", "fingerprint": "1"}
    )  # fmt: skip


def test_store_conferences_are_kept_apart(opened: Opener) -> None:
    store = opened()
    store.sync("c", [_current("a", "1")], T0, keep_cancelled=KEEP)

    rows = store.sync("d", [_current("x", "1")], T0, keep_cancelled=KEEP)

    assert (
        [row.uid for row in rows],
        [row.uid for row in store.served("c", T0, keep_cancelled=KEEP)],
    ) == (["x"], ["a"])


def test_store_second_process_reads_what_the_first_wrote(opened: Opener) -> None:
    first, second = opened(), opened()
    first.sync("c", [_current("a", "1")], T0, keep_cancelled=KEEP)
    first.sync("c", [_current("a", "2")], T0 + timedelta(hours=1), keep_cancelled=KEEP)

    rows = second.sync("c", [_current("a", "2")], T0 + timedelta(hours=2), keep_cancelled=KEEP)

    assert _revisions(rows) == {"a": Revision(1, T0, T0 + timedelta(hours=1))}


def test_store_survives_a_restart(opened: Opener) -> None:
    store = opened()
    store.sync("c", [_current("a", "1")], T0, keep_cancelled=KEEP)
    store.close()

    reopened = opened()

    assert _revisions(reopened.served("c", T0, keep_cancelled=KEEP)) == {"a": Revision(0, T0, T0)}


def test_replicas_syncing_one_change_at_once_write_one_revision(opened: Opener) -> None:
    """Four replicas read the same new version of a source at the same moment: each change
    is recorded once, and every replica serves the same SEQUENCE."""
    replicas = [opened() for _ in range(4)]
    replicas[0].sync("c", [_current("a", "1"), _current("b", "1")], T0, keep_cancelled=KEEP)
    later, start = T0 + timedelta(hours=1), threading.Barrier(4)
    seen: list[dict[str, Revision]] = []

    def reload(store: Store) -> None:
        start.wait()
        rows = store.sync("c", [_current("a", "2")], later, keep_cancelled=KEEP)
        seen.append(_revisions(rows))

    threads = [threading.Thread(target=reload, args=(store,)) for store in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    expected = {"a": Revision(1, T0, later), "b": Revision(1, T0, later, cancelled=True)}
    assert (seen, replicas[1].generation().split(".")[0]) == ([expected] * 4, "2")


OLD_SQLITE_SCHEMA = """
CREATE TABLE revisions (uid TEXT PRIMARY KEY, conference TEXT NOT NULL, fingerprint TEXT NOT NULL,
    sequence INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0, session TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE told (key TEXT PRIMARY KEY, digest TEXT NOT NULL);
INSERT INTO meta VALUES ('generation', 7);
INSERT INTO revisions VALUES ('a', 'c', '1', 3, '2026-10-01T09:00:00+00:00',
    '2026-10-02T09:00:00+00:00', 0, '{"uid": "a"}');
"""


def test_a_store_file_of_the_previous_version_is_migrated_in_place(tmp_path: Path) -> None:
    """Files written before migrations were recorded (and before changes were kept) open
    with their revisions as they were, and keep changes from then on."""
    path = tmp_path / "r.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(OLD_SQLITE_SCHEMA)
    store = RevisionStore(path)
    kept = _revisions(store.served("c", T0, keep_cancelled=KEEP))
    store.sync("c", [_current("a", "2")], T0, keep_cancelled=KEEP)
    versions = store._db.execute("SELECT version FROM calsvc_schema").fetchall()

    counter = store.generation().split(".")[0]
    assert (kept["a"].sequence, counter, versions) == (3, "8", [(1,), (2,), (3,), (4,), (5,)])
    assert [(c.uid, c.change, c.sequence) for c in store.changes("c")] == [("a", "changed", 4)]


def _moved(store: Store, *uids: str, hours: int) -> list[tuple[str, int, bool, str | None]]:
    """Syncs the sessions titled as their UID's last letter, one hour apart: a day moved."""
    current = [_current(uid, uid, title=uid[-1]) for uid in uids]
    rows = store.sync("c", current, T0 + timedelta(hours=hours), keep_cancelled=KEEP, guarded=False)
    return [(r.uid, r.revision.sequence, r.revision.cancelled, r.read_as) for r in rows]


def test_a_session_moved_to_another_day_keeps_its_first_uid(opened: Opener) -> None:
    store = opened()
    _moved(store, "tue-a", "tue-b", hours=0)

    assert [
        _moved(store, "wed-a", "tue-b", hours=1),  # 'a' moves to Wednesday
        _moved(store, "thu-a", "tue-b", hours=2),  # then to Thursday
        _moved(store, "tue-a", "tue-b", hours=3),  # then back to Tuesday
    ] == [
        [("tue-a", 1, False, "wed-a"), ("tue-b", 0, False, None)],
        [("tue-a", 2, False, "thu-a"), ("tue-b", 0, False, None)],
        [("tue-a", 3, False, None), ("tue-b", 0, False, None)],
    ]
    assert [
        (c.uid, c.change, c.sequence, c.after and c.after["uid"]) for c in store.changes("c")
    ] == [
        ("tue-a", "changed", 3, "tue-a"),
        ("tue-a", "changed", 2, "tue-a"),
        ("tue-a", "changed", 1, "tue-a"),
    ]
    assert _revisions(opened().served("c", T0, keep_cancelled=KEEP)) == _revisions(
        store.served("c", T0, keep_cancelled=KEEP)
    )


def test_a_title_gone_twice_is_cancelled_and_added_not_moved(opened: Opener) -> None:
    """Two 'a' sessions leave Tuesday and two arrive on Wednesday: which went where is unknown."""
    store = opened()
    _moved(store, "tue1-a", "tue2-a", hours=0)

    assert _moved(store, "wed1-a", "wed2-a", hours=1) == [
        ("tue1-a", 1, True, None),
        ("tue2-a", 1, True, None),
        ("wed1-a", 0, False, None),
        ("wed2-a", 0, False, None),
    ]


# A programme's edits: each version a set of (day, title) sessions, read as UID 'day-title'.
EDITS = st.lists(
    st.frozensets(st.tuples(st.sampled_from("123"), st.sampled_from("abc")), max_size=5),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(EDITS)
def test_any_edits_serve_each_session_once_and_no_sequence_goes_back(
    edits: list[frozenset[tuple[str, str]]],
) -> None:
    served: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = RevisionStore(Path(folder) / "r.sqlite3")
        for hour, version in enumerate(edits):
            read = {f"{day}-{title}" for day, title in version}
            current = [_current(uid, uid, title=uid[-1]) for uid in sorted(read)]
            rows = store.sync(
                "c", current, T0 + timedelta(hours=hour), keep_cancelled=KEEP, guarded=False
            )
            live = sorted(r.read_as or r.uid for r in rows if not r.revision.cancelled)
            went_back = [r.uid for r in rows if r.revision.sequence < served.get(r.uid, 0)]
            served.update({r.uid: r.revision.sequence for r in rows})

            assert (len({r.uid for r in rows}), live, went_back) == (len(rows), sorted(read), [])
        store.close()


@pytest.mark.postgres
def test_replicas_starting_together_migrate_the_database_once(server: postgres.Cluster) -> None:
    database, start = server.database(), threading.Barrier(3)
    stores: list[Store] = []

    def open_one() -> None:
        start.wait()
        stores.append(PostgresStore(database))

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with psycopg.connect(database) as connection:
        versions = connection.execute("SELECT version FROM calsvc_schema").fetchall()
    for store in stores:
        store.close()

    assert (len(stores), versions) == (3, [(1,), (2,), (3,), (4,), (5,)])


def test_published_versions_are_kept_whole_newest_last(opened: Opener) -> None:
    store = opened()
    before = store.published_version()
    first = store.publish({"conferences.toml": b"[x]", "a.txt": b"A"}, T0)
    second = store.publish({"conferences.toml": b"[x]", "a.txt": b"A2", "b.html": b"<p>"}, T0)

    assert (before, first, second, store.published_version()) == (None, 1, 2, 2)
    assert (store.published_files(1), store.published_versions()) == (
        {"a.txt": b"A", "conferences.toml": b"[x]"},
        [(2, T0.isoformat(), ["a.txt", "b.html", "conferences.toml"]),
         (1, T0.isoformat(), ["a.txt", "conferences.toml"])],
    )  # fmt: skip


@pytest.mark.postgres
def test_a_database_of_the_previous_schema_version_is_migrated_in_place(
    server: postgres.Cluster,
) -> None:
    """A database a replica of the version before made (schema 1, a revision in it) gets
    schema 2 when a newer replica starts, with its revisions as they were."""
    database = server.database()
    [(_, first)] = [m for m in MIGRATIONS if m[0] == 1]
    with psycopg.connect(database) as old:
        old.execute("CREATE TABLE calsvc_schema (version INTEGER PRIMARY KEY, applied TIMESTAMPTZ)")
        old.execute(first.format(**TYPES["postgres"]))  # type: ignore[arg-type]
        old.execute("INSERT INTO calsvc_schema VALUES (1, now())")
        old.execute("INSERT INTO revisions VALUES ('a', 'c', '1', 2, ?, ?, 0, '{}')".replace("?", "%s"),
                    (T0.isoformat(), T0.isoformat()))  # fmt: skip
    store = PostgresStore(database)
    kept = _revisions(store.served("c", T0, keep_cancelled=KEEP))
    published = store.publish({"a.txt": b"A"}, T0)
    store.close()
    with psycopg.connect(database) as connection:
        versions = connection.execute("SELECT version FROM calsvc_schema ORDER BY 1").fetchall()

    assert (kept, published, versions) == (
        {"a": Revision(2, T0, T0)},
        1,
        [(1,), (2,), (3,), (4,), (5,)],
    )


@pytest.mark.postgres
def test_a_database_that_cannot_be_reached_is_a_clear_error_and_leaves_no_threads(
    tmp_path: Path,
) -> None:
    before = threading.active_count()
    url = f"postgresql://calsvc:secret@/calsvc?host={tmp_path}"

    with pytest.raises(ConfigError) as error:
        PostgresStore(url, timeout=0.5)

    assert (str(error.value).split(": cannot")[0], threading.active_count()) == (
        f"postgresql://calsvc@/calsvc?host={tmp_path}", before)  # fmt: skip


@pytest.mark.parametrize(
    ("cancelling", "live", "held"),
    [(0, 0, False), (0, 5, False), (1, 1, True), (1, 2, False), (2, 2, True), (2, 4, False),
     (3, 5, True), (30, 60, False), (31, 60, True), (60, 60, True)],
    ids=["nothing", "none cancelled", "the only one", "one of two", "both", "half",
         "three of five", "exactly half", "one more than half", "all"],
)  # fmt: skip
def test_more_than_half_of_the_live_sessions_is_held(
    cancelling: int, live: int, held: bool
) -> None:
    assert guard.too_many(cancelling, live) == held


def test_a_held_version_is_recorded_once_confirmed_and_only_that_version(opened: Opener) -> None:
    store = opened()
    sessions = [_current(uid, "1") for uid in "abcd"]
    store.sync("c", sessions, T0, keep_cancelled=KEEP)
    with pytest.raises(guard.Held) as first:
        store.sync("c", sessions[:1], T0, keep_cancelled=KEEP)
    confirmed = store.confirm("c")
    with pytest.raises(guard.Held):  # another version than the one confirmed
        store.sync("c", sessions[1:2], T0, keep_cancelled=KEEP)
    store.confirm("c")
    rows = store.sync("c", sessions[1:2], T0, keep_cancelled=KEEP)

    assert (first.value.held.cancelling, first.value.held.live, confirmed) == (
        ("b", "c", "d"),
        4,
        3,
    )
    assert [(r.uid, r.revision.sequence, r.revision.cancelled) for r in rows] == [
        ("a", 1, True), ("b", 0, False), ("c", 1, True), ("d", 1, True)
    ]  # fmt: skip
    assert (store.held(), store.confirm("c")) == ([], 0)
