"""No cancellation by accident: a version of a source that would cancel more than half of
its live sessions at once is held, not recorded.

A calendar removes an event sent as CANCELLED, for good; a truncated paste, a page that
came back half-empty or the wrong file copied in would do that to a whole programme. Such a
version is kept in the `held` table (what it would cancel, a digest of the sessions it has)
while the last good one stays in service, until it changes or an operator confirms it
(`calsvc confirm SLUG`): then the next reload records it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..errors import CalsvcError
from .recording import Connection

if TYPE_CHECKING:
    from .queries import Stored


def too_many(cancelling: int, live: int) -> bool:
    """More than half of the live sessions (all of them, for one or two)."""
    return cancelling > 0 and 2 * cancelling > live


def digest(uids: list[str]) -> str:
    """Which version is held: its sessions' UIDs."""
    return hashlib.sha256("\n".join(sorted(uids)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class HeldVersion:
    conference: str
    cancelling: tuple[str, ...]  # the UIDs it would cancel
    live: int  # the live sessions before it
    seen: datetime

    def __str__(self) -> str:
        return (
            f"this version would cancel {len(self.cancelling)} of the {self.live} sessions "
            f"in service at once, so it is held and the last good version stays in service. "
            f"If the programme really lost them, confirm with: calsvc confirm {self.conference}"
        )


class Held(CalsvcError):
    """Raised by a sync that held its version; `rows` are what is served meanwhile."""

    def __init__(self, held: HeldVersion, rows: list[Stored]) -> None:
        super().__init__(str(held))
        self.held, self.rows = held, rows


def check(
    db: Connection, conference: str, current: Mapping[str, object],
    rows: Mapping[str, tuple[Any, ...]], now: datetime,
) -> HeldVersion | None:  # fmt: skip
    """The version to hold, when it would cancel too many sessions and nobody confirmed it
    (`current`: the sessions read, by UID; `rows`: the stored ones, cancelled 4th)."""
    cancelling = [uid for uid, row in rows.items() if uid not in current and not row[3]]
    live = sum(not row[3] for row in rows.values())
    version = digest(list(current))
    if not too_many(len(cancelling), live) or confirmed(db, conference, version):
        release(db, conference)
        return None
    held = HeldVersion(conference, tuple(sorted(cancelling)), live, now)
    hold(db, held, version)
    return held


def confirmed(db: Connection, conference: str, version: str) -> bool:
    row = db.execute(
        "SELECT confirmed FROM held WHERE conference = ? AND digest = ?", (conference, version)
    ).fetchone()
    return bool(row and row[0])


def hold(db: Connection, held: HeldVersion, version: str) -> None:
    """Notes the held version (a confirmation of another version no longer counts)."""
    db.execute(
        "INSERT INTO held VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (conference) DO UPDATE SET "
        "digest = excluded.digest, cancelling = excluded.cancelling, live = excluded.live, "
        "seen = excluded.seen, confirmed = CASE WHEN held.digest = excluded.digest "
        "THEN held.confirmed ELSE 0 END",
        (held.conference, version, "\n".join(held.cancelling), held.live, held.seen.isoformat()),
    )


def release(db: Connection, conference: str) -> None:
    db.execute("DELETE FROM held WHERE conference = ?", (conference,))


def confirm(db: Connection, conference: str) -> int:
    """Marks the conference's held version confirmed; how many sessions it will cancel."""
    row = db.execute("SELECT cancelling FROM held WHERE conference = ?", (conference,)).fetchone()
    if row is None:
        return 0
    db.execute("UPDATE held SET confirmed = 1 WHERE conference = ?", (conference,))
    return len(str(row[0]).split("\n"))


def held(db: Connection) -> list[HeldVersion]:
    """The versions held and not yet confirmed."""
    rows = db.execute(
        "SELECT conference, cancelling, live, seen FROM held WHERE confirmed = 0 ORDER BY 1"
    ).fetchall()
    return [
        HeldVersion(
            conference, tuple(str(uids).split("\n")), int(live), datetime.fromisoformat(seen)
        )
        for conference, uids, live, seen in rows
    ]
