"""Sessions moved to another day keep their UID.

The parser's UIDs name a session's day (`mlsys-2023-20230606-poster-federated-learning`), so
that a title held on several days ('Coffee break') is one event per day. A session moved to
another day therefore comes back under a new UID. When a sync finds one session of a title
gone and one of the same title new, it takes that for a move: the new UID is recorded as an
alias of the first one, and the session stays under its first UID with a higher SEQUENCE.
Subscribers see the event move, a personal feed that picked it keeps it, and the Changes
page says "Moved". A title gone or new more than once is left alone: which went where
cannot be told, so those are cancelled and added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .recording import Connection, Current, kept_json


def recorded_uids(
    db: Connection, conference: str, current: Mapping[str, Current], rows: Mapping[str, Any]
) -> dict[str, str]:
    """The first UID of each session read under another (read UID → recorded UID): the
    aliases recorded before, and the moves this sync finds, which it records."""
    renamed: dict[str, str] = {}
    for uid, first in db.execute(
        "SELECT uid, recorded FROM aliases WHERE conference = ?", (conference,)
    ):
        # An alias holds while its first UID is not read itself (the session back on its day).
        if uid in current and first not in current and first not in renamed.values():
            renamed[uid] = first
    recorded = {renamed.get(uid, uid) for uid in current}
    gone = [uid for uid, row in rows.items() if uid not in recorded and not row[3]]
    new = [uid for uid in current if renamed.get(uid, uid) not in rows]
    for uid, first in _moves(db, gone, new, current):
        db.execute("DELETE FROM aliases WHERE uid = ? OR recorded = ?", (uid, first))
        db.execute("INSERT INTO aliases VALUES (?, ?, ?)", (uid, first, conference))
        renamed[uid] = first
    return renamed


def _moves(
    db: Connection, gone: list[str], new: list[str], current: Mapping[str, Current]
) -> list[tuple[str, str]]:
    """(new UID, gone UID) for each title gone once and new once."""
    if not gone or not new:
        return []
    titles: dict[str, tuple[list[str], list[str]]] = {}
    for uid in gone:
        title = json.loads(kept_json(db, uid)).get("title")
        titles.setdefault(title, ([], []))[0].append(uid)
    for uid in new:
        titles.setdefault(current[uid].session().get("title"), ([], []))[1].append(uid)
    return [
        (arrived[0], left[0])
        for title, (left, arrived) in titles.items()
        if title and len(left) == len(arrived) == 1
    ]


def under_recorded(
    current: Mapping[str, Current], renamed: Mapping[str, str]
) -> dict[str, Current]:
    """The sessions by the UID they are recorded under, their JSON saying it too."""
    return {
        renamed.get(uid, uid): _renamed(session, renamed[uid]) if uid in renamed else session
        for uid, session in current.items()
    }


def _renamed(session: Current, uid: str) -> Current:
    return Current(uid, session.fingerprint, lambda: {**session.session(), "uid": uid})
