"""Handing memory back to the system after work that needed much of it for a moment."""

from __future__ import annotations

import contextlib
import ctypes
import gc


def release_memory() -> None:
    """Hands memory used only for a moment (a reload, a large answer) back to the system.

    Parsing a large programme briefly holds its text several times over; glibc keeps such
    freed memory in the process unless asked, which would leave every worker at its peak.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to ask
        ctypes.CDLL("libc.so.6").malloc_trim(0)
