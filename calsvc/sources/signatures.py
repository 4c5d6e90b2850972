"""How a change to a source file is noticed without reading it: its signature on disk."""

from __future__ import annotations

import time
from pathlib import Path

Signature = tuple[int, int, int] | None
# A file changed this recently may change again within one tick of its clock, unseen by
# its signature; until then it is read and compared by content.
SETTLE_SECONDS = 2.0


def settled(sig: Signature) -> bool:
    """Whether a file is old enough for its signature alone to show a change."""
    return sig is not None and sig[0] / 1e9 < time.time() - SETTLE_SECONDS


def signature(path: Path) -> Signature:
    """A cheap fingerprint of a file on disk: changes whenever the file is rewritten."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)
