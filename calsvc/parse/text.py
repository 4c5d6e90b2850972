"""Turning the bytes of a source into clean lines, whatever encoding and line ends it came with."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import SourceError
from ..model import Diagnostic
from .celllines import join_cell_lines
from .datafile import data_lines
from .webpage import looks_like_html, page_text

MAX_SOURCE_MB = 64
LONG_LINE = 100_000  # abstracts run to a few thousand characters
# RFC 5545 allows no control character but tab in TEXT, and parsers reject a calendar
# that has one. Vertical tab, form feed, a lone CR and NEL part words; the rest go.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACING = "\x0b\x0c\r\x85"
_WITHOUT_CONTROLS = {
    code: (" " if chr(code) in _SPACING else None)
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
}
# Text copied from web pages ends lines in spaces and no-break spaces; both are noise.
_TRAILING = " \t\r\f\v\u00a0\u2007\u202f\u200b\ufeff"


def _control_share(data: bytes) -> float:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def decode(data: bytes, source: str) -> tuple[list[str], list[Diagnostic]]:
    """Lines of text, stripped at both ends; Windows-1252 and BOMs tolerated, binary refused,
    and a web page turned into the lines its text shows."""
    diagnostics: list[Diagnostic] = []
    if _control_share(data) > 0.1:
        raise SourceError(source, 1, "this is not a text file (it holds binary data)")
    if looks_like_html(data):
        data = page_text(data)
        message = "read as a web page; line numbers count the lines of its text"
        diagnostics.append(Diagnostic(source, 1, "info", "web-page", message))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace").removeprefix("\ufeff")
        diagnostics.append(
            Diagnostic(source, line, "info", "encoding", "not UTF-8; read as Windows-1252")
        )
    suspect = "\r" in text or bool(_CONTROL.search(text) or _MOJIBAKE.search(text))
    lines = text.split("\n")
    del text  # the lines hold it all now; a large source should not be held twice
    if suspect or max(map(len, lines)) > LONG_LINE:
        _mend(lines, source, diagnostics)  # (line by line only where the text needs it)
    if (records := data_lines(lines)) is not None:
        lines = records
        message = "read as a programme kept as data: each record's line holds what was read"
        diagnostics.append(Diagnostic(source, 1, "info", "data-file", message))
    if not looks_like_html(data):
        _embedded_tables(lines, source, diagnostics)
        _inline_html(lines)
    return join_cell_lines([_stripped(line) for line in lines]), diagnostics


def _mend(lines: list[str], source: str, diagnostics: list[Diagnostic]) -> None:
    """Lines without CR line ends, control characters and mojibake; overlong ones warned."""
    for number, raw in enumerate(lines, start=1):
        if raw.endswith("\r"):  # CRLF line ends
            lines[number - 1] = raw = raw[:-1]
        if _CONTROL.search(raw):
            found = ", ".join(sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(raw)}))
            message = f"control characters removed ({found}); calendars refuse them in text"
            diagnostics.append(Diagnostic(source, number, "warning", "control", message))
            lines[number - 1] = raw = raw.translate(_WITHOUT_CONTROLS)
        if _MOJIBAKE.search(raw) and (repaired := _repaired(raw)) != raw:
            message = "UTF-8 shown as Windows-1252 ('â€“' for '–'); read as UTF-8"
            diagnostics.append(Diagnostic(source, number, "info", "encoding", message))
            lines[number - 1] = raw = repaired
        if len(raw) > LONG_LINE:
            length = f"{len(raw):,}"
            message = f"line has {length} characters, more than any programme line; read as text"
            diagnostics.append(Diagnostic(source, number, "warning", "long-line", message))


# UTF-8 read as Windows-1252 or Latin-1 before it was copied: 'â€“' (or 'â' alone, its two
# invisible bytes dropped) for '–', 'Ã©' for 'é', 'Â' before a no-break space.
_MOJIBAKE = re.compile(r"[âÃÂ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\s]")
_LONE_DASH = re.compile(r"(?<=\d) â (?=\d)")  # '09:30 â 10:00'


def _repaired(line: str) -> str:
    """A line of mojibake as it was written, when it reads back as UTF-8; else only its
    dashes between times."""
    try:
        return line.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return _LONE_DASH.sub(" – ", line)


# HTML written inside Markdown or text: a character reference, a line break.
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def _inline_html(lines: list[str]) -> None:
    """Character references and line breaks that Markdown and text pages write in HTML
    ('&nbsp;', 'Title<br>Speaker'), as a browser shows them on one line."""
    for number, line in enumerate(lines):
        if "&" in line or "<" in line:
            line = _REFERENCE.sub(lambda found: html.unescape(found[0]), line)
            lines[number] = _BREAK.sub(" ", line)


_EDGE = _TRAILING.replace("\t", "")


def _stripped(line: str) -> str:
    """A line without the spaces at its ends; a row of tab-separated cells keeps the tabs
    at its ends, which stand for its empty first and last cells. Times glued to each other
    and to the title, as a table copied without its cell breaks gives them, are parted:
    '10.0010.15Opening ceremony' → '10.00–10.15 Opening ceremony'."""
    if line.count("\t") > 1 and line.strip():
        return line.strip(_EDGE)
    line = line.strip(_TRAILING).lstrip()
    if line[:1].isdigit() and (glued := _GLUED_TIMES.match(line)):
        end = f"–{glued['end']}" if glued["end"] else ""
        return f"{glued['start']}{end} {line[glued.end() :]}"
    return line


# Two times and a title run together ('17.0019.00Registration'), or a time and a title
# ('19:30Óvások'): a time's two minute digits, then at once a time or a capital letter.
_GLUED_TIMES = re.compile(
    r"(?P<start>(?:[01]?\d|2[0-3])[.:][0-5]\d)(?P<end>(?:[01]?\d|2[0-3])[.:][0-5]\d)?(?=[^\W\d_a-z])"
)  # (not before a lower-case letter: '8:00am', '9.30h' keep their marks)


_TABLE_OPEN = re.compile(r"^\s*<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)


def _embedded_tables(lines: list[str], source: str, diagnostics: list[Diagnostic]) -> None:
    """An HTML table inside Markdown or text (as GitHub Pages and Jekyll programmes hold
    them) becomes the lines its text shows, one per row as in a saved page; blank lines
    pad it to its written length, so every line after it keeps its number."""
    number = 0
    while number < len(lines):
        if not _TABLE_OPEN.match(lines[number]):
            number += 1
            continue
        end, depth = number, 0
        while end < len(lines):
            depth += len(_TABLE_OPEN.findall(lines[end])) - len(_TABLE_CLOSE.findall(lines[end]))
            if depth <= 0:
                break
            end += 1
        region = lines[number : end + 1]
        shown = page_text("\n".join(region).encode("utf-8")).decode("utf-8").split("\n")
        shown += [""] * (len(region) - len(shown))
        lines[number : end + 1] = shown[: len(region)]
        message = "an HTML table, read as a web page shows it; its rows start at this line"
        diagnostics.append(Diagnostic(source, number + 1, "info", "html-table", message))
        number = end + 1


def read_bytes(path: Path, *, name: str | None = None, limit_mb: int = MAX_SOURCE_MB) -> bytes:
    """A source's bytes, or a SourceError (naming it as `name`, else its path) that says why not."""
    shown = name or str(path)
    try:
        if (size := path.stat().st_size) > limit_mb * 2**20:
            raise SourceError(
                shown,
                None,
                f"is {size / 2**20:,.0f} MB, larger than the {limit_mb} MB a source may be "
                "(CALSVC_MAX_SOURCE_MB sets it)",
            )
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise SourceError(shown, None, "is a folder, not a file") from exc
    except OSError as exc:
        raise SourceError(shown, None, f"cannot read: {exc.strerror}") from exc
