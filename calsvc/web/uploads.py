"""A programme sent by a form: the file dropped, else the text pasted; refused whole past a
size (413), never cut short; and its text, for the form to send again."""

from __future__ import annotations

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge


def sent_programme(limit: int, too_large: str) -> tuple[bytes, str | None]:
    """The bytes of the file dropped (and its name), else of the text pasted (and None);
    RequestEntityTooLarge saying `too_large` when they pass `limit` bytes."""
    dropped = request.files.get("file")
    if dropped is not None and dropped.filename:
        data, name = dropped.read(limit + 1), dropped.filename
        dropped.close()  # (a large one is spooled to a file of its own: closed now)
    else:
        data, name = request.form.get("text", "").replace("\r\n", "\n").encode("utf-8"), None
    if len(data) > limit:
        raise RequestEntityTooLarge(too_large)
    return data, name


def decoded(data: bytes) -> str:
    """A dropped file's text, for the form to send again (with a download, with a publish)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
