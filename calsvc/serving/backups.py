"""Restoring a server's store: store/backup.py's restore, with the snapshot beside the store
read when the store is lost (what it served is what calendars saw) and removed after, so
every server rebuilds from the restored store."""

from __future__ import annotations

import json
import pickle
from datetime import datetime
from pathlib import Path
from typing import Any

from ..codec import session_json
from ..model import Entry
from ..store.backup import Restored, Rows, restore
from .snapshot import snapshot_path


def _row(entry: Entry) -> tuple[Any, ...]:
    """A served session as a store row, with no fingerprint: the next reload records it anew."""
    revision, session = entry.revision, entry.session
    return (
        session.uid, entry.conference.slug, "", revision.sequence, revision.created.isoformat(),
        revision.modified.isoformat(), int(revision.cancelled),
        json.dumps(session_json(session), ensure_ascii=False, sort_keys=True),
    )  # fmt: skip


def served_rows(db: Path | str) -> Rows:
    """What the last snapshot beside the store served (nothing when there is none, or one of
    another version)."""
    try:
        with snapshot_path(db).open("rb") as stream:
            entries = pickle.load(stream).served.catalogue.entries
    except Exception:  # nothing more is known
        return {}
    return {entry.session.uid: _row(entry) for entry in entries}


def restore_store(db: Path | str, source: Path, now: datetime) -> Restored:
    done = restore(db, source, now, served=lambda: served_rows(db))
    snapshot_path(db).unlink(missing_ok=True)
    return done
