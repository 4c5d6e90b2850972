"""Who may publish from the organiser's desk, what each did, and the key that signs their
sessions: kept in the revision store, so that every worker and replica shares them (mixed
into Store). Only a secret's hash is kept (calsvc.credentials)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime

from .recording import Connected


@dataclass(frozen=True, slots=True)
class Organiser:
    """A person who may publish the programmes of these conferences."""

    name: str
    secret: str  # the hash of their secret (calsvc.credentials), never the secret
    conferences: tuple[str, ...]
    added: str


@dataclass(frozen=True, slots=True)
class DeskPublish:
    """One publish from the desk: who, when, and what it changed."""

    conference: str
    organiser: str
    published: str
    summary: dict[str, int]


class Organisers(Connected):
    def set_organiser(
        self, name: str, secret_hash: str, conferences: tuple[str, ...], now: datetime
    ) -> bool:
        """Adds an organiser, or gives one a new secret and these conferences; True when
        the name is new."""
        with self._transaction(lock="organisers") as db:
            known = db.execute("SELECT 1 FROM organisers WHERE name = ?", (name,)).fetchone()
            db.execute("DELETE FROM organisers WHERE name = ?", (name,))
            db.execute(
                "INSERT INTO organisers VALUES (?, ?, ?, ?)",
                (name, secret_hash, json.dumps(sorted(set(conferences))), now.isoformat()),
            )
            return known is None

    def remove_organiser(self, name: str) -> bool:
        """Removes an organiser; False when there was none of that name."""
        with self._transaction(lock="organisers") as db:
            known = db.execute("SELECT 1 FROM organisers WHERE name = ?", (name,)).fetchone()
            db.execute("DELETE FROM organisers WHERE name = ?", (name,))
            return known is not None

    def organiser(self, name: str) -> Organiser | None:
        with self._reading() as db:
            row = db.execute(
                "SELECT name, secret, conferences, added FROM organisers WHERE name = ?", (name,)
            ).fetchone()
        return _organiser(row) if row else None

    def organisers(self) -> list[Organiser]:
        with self._reading() as db:
            rows = db.execute(
                "SELECT name, secret, conferences, added FROM organisers ORDER BY name"
            ).fetchall()
        return [_organiser(row) for row in rows]

    def record_desk_publish(
        self, conference: str, organiser: str, now: datetime, summary: dict[str, int]
    ) -> None:
        with self._transaction(lock="organisers") as db:
            db.execute(
                "INSERT INTO desk_publishes (conference, organiser, published, summary) "
                "VALUES (?, ?, ?, ?)",
                (conference, organiser, now.isoformat(), json.dumps(summary)),
            )

    def desk_publishes(self, conference: str, *, limit: int = 50) -> list[DeskPublish]:
        """The publishes from the desk of a conference, newest first."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT conference, organiser, published, summary FROM desk_publishes "
                "WHERE conference = ? ORDER BY id DESC LIMIT ?",
                (conference, limit),
            ).fetchall()
        return [DeskPublish(c, o, p, json.loads(s)) for c, o, p, s in rows]

    def site_key(self, name: str) -> str:
        """A random key kept under this name, made by whoever asks first: every worker and
        replica of the store signs with the same one."""
        with self._reading() as db:
            row = db.execute("SELECT value FROM site_keys WHERE name = ?", (name,)).fetchone()
        if row:
            return str(row[0])
        with self._transaction(lock="organisers") as db:
            db.execute(
                "INSERT INTO site_keys VALUES (?, ?) ON CONFLICT DO NOTHING",
                (name, secrets.token_hex(32)),
            )
            row = db.execute("SELECT value FROM site_keys WHERE name = ?", (name,)).fetchone()
        return str(row[0])


def _organiser(row: tuple[str, str, str, str]) -> Organiser:
    name, secret, conferences, added = row
    return Organiser(name, secret, tuple(json.loads(conferences)), added)
