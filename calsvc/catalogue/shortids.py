"""Short ids for sessions, for personal links that carry their picks: `?s=k3v7qa2.x9fd2me`.

An id is the first 7 characters of the base32 digest of the session's UID, so it stays the
same as long as the UID does, on every replica and after every restart, with nothing stored.
Two UIDs of one catalogue that share those 7 characters both get 8 instead (about once in
700 catalogues of 10,000 sessions); the 7-character id then names neither.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Sequence

SHORT, LONG = 7, 8
ID = re.compile(r"[a-z2-7]{7,8}")
SEPARATORS = re.compile(r"[.,]")  # '.' as written: a URL nested in another keeps it as it is


def _digest(uid: str) -> str:
    return base64.b32encode(hashlib.sha256(uid.encode("utf-8")).digest()).decode().lower()


def short_ids(uids: Sequence[str]) -> list[str]:
    """The id of each UID, in order: 7 characters, or 8 where 7 would name two sessions."""
    digests = [_digest(uid) for uid in uids]
    taken = Counter(digest[:SHORT] for digest in digests)
    return [d[:SHORT] if taken[d[:SHORT]] == 1 else d[:LONG] for d in digests]


def every_id(uids: Sequence[str]) -> frozenset[str]:
    """Each id these UIDs could have had (7 characters, or 8 beside a namesake)."""
    return frozenset(d[:n] for d in map(_digest, uids) for n in (SHORT, LONG))


def split_ids(text: str) -> list[str]:
    """The ids in a query value, in order; empty parts (a trailing '.') are dropped."""
    return [part for part in SEPARATORS.split(text.strip().lower()) if part]
