"""A saved web page → the lines a reader gets by copying the page as text.

Headings, paragraphs, list items and definition terms each become a line; a table row
becomes one line with the first line of each cell joined by ' | ', which is how the agenda
readers expect rows, and the cells' further lines (a chair, a speaker) follow it. A cell that
a taller cell above covers (rowspan) is written '〃' (a ditto mark), so every cell keeps its
column: a grid whose columns are rooms or days reads right. Scripts, styles, forms,
navigation and day tabs are dropped: they hold dates that are not sessions.

selectolax (the Lexbor engine) parses the page: it follows the HTML5 parsing rules, so
broken markup (unclosed cells, stray tags) gives the tree a browser would show, and it is
fast in C. lxml's HTML parser is libxml2's, which does not follow those rules; html5lib
does but is pure Python, tens of times slower.
"""

from __future__ import annotations

import codecs
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .roles import DITTO, MAX_LABEL

_DROPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
        "nav", "form", "button", "select", "option", "datalist", "head", "title",
    }
)  # fmt: skip
_DROPPED_ROLES = frozenset({"navigation", "tablist", "menu", "menubar", "search", "banner"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "ul", "html",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"\s+")
_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes are a web page (they begin as one), not text with a tag in it."""
    return _SNIFF.match(data.removeprefix(codecs.BOM_UTF8)[:4096]) is not None


def page_text(data: bytes) -> bytes:
    """The page's text as UTF-8 lines, one per block, row or line break."""
    tree = LexborHTMLParser(_decoded(data))
    root = tree.body or tree.root
    lines: list[str] = []
    if root is not None:
        _Lines(lines).walk(root)
    return "\n".join(lines).encode("utf-8")


def _decoded(data: bytes) -> str:
    """The page as text: by its byte-order mark, else its <meta charset>, else UTF-8 where it
    is valid, else Windows-1252 (what browsers assume for old pages)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            name = codecs.lookup(declared[1].decode("ascii")).name
        except LookupError:
            name = None
        if name and name not in ("utf-8", "iso8859-1", "ascii"):  # browsers read those two as 1252
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class _Lines:
    """Walks the tree, gathering inline text into the current line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.current: list[str] = []

    def flush(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def walk(self, root: LexborNode) -> None:
        # An explicit stack: broken pages can nest thousands of elements deep.
        stack: list[LexborNode | None] = [root]
        while stack:
            node = stack.pop()
            if node is None:  # the end of a block
                self.flush()
                continue
            if node.is_text_node:
                self.current.append(node.text_content or "")
                continue
            if not node.is_element_node or _dropped(node):
                continue
            tag = node.tag
            if tag == "br":
                self.flush()
            elif tag == "table":
                self.flush()
                self.lines += _table(node)
            elif tag == "pre":
                self.flush()
                self.lines += [line.strip() for line in (node.text() or "").splitlines()]
            else:
                if tag in _BLOCKS:
                    self.flush()
                    stack.append(None)
                stack += reversed(_children(node))
        self.flush()


def _dropped(node: LexborNode) -> bool:
    if node.tag in _DROPPED:
        return True
    attributes = node.attributes
    return (
        attributes.get("role") in _DROPPED_ROLES
        or "hidden" in attributes
        or attributes.get("aria-hidden") == "true"
    )


def _children(node: LexborNode) -> list[LexborNode]:
    found = []
    child = node.first_child
    while child is not None:
        found.append(child)
        child = child.next
    return found


def _table(table: LexborNode) -> list[str]:
    """A table's rows, in order, each as _row writes it; text outside rows (a caption)
    first. Cells covered by a rowspan above are written as DITTO."""
    lines: list[str] = []
    covered: dict[int, int] = {}  # column → how many rows below a taller cell still covers
    for node in _children(table):
        if not node.is_element_node or _dropped(node):
            continue
        if node.tag in ("thead", "tbody", "tfoot"):
            rows = [r for r in _children(node) if r.is_element_node and r.tag == "tr"]
        elif node.tag == "tr":
            rows = [node]
        else:
            _Lines(lines).walk(node)
            continue
        for row in rows:
            if not _dropped(row):
                lines += _row(row, covered)
    return lines


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _row(row: LexborNode, covered: dict[int, int]) -> list[str]:
    """A table row: the first line of each cell joined by ' | ' (empty cells kept, as the
    agenda readers count columns), then the cells' further lines."""
    firsts, rest = [], []
    column = 0
    for cell in _children(row):
        if not (cell.is_element_node and cell.tag in _CELLS):
            continue
        while covered.get(column, 0) > 0:
            covered[column] -= 1
            firsts.append(DITTO)
            column += 1
        inner: list[str] = []
        _Lines(inner).walk(cell)
        if len(inner) > 1 and inner[0].endswith(":") and len(inner[0]) <= MAX_LABEL:
            inner[:2] = [f"{inner[0]} {inner[1]}"]  # '<p>Theme 1:</p><p>Drift</p>'
        firsts.append(inner[0] if inner else "")
        rest += inner[1:]
        if (rows := _span(cell, "rowspan")) > 1:
            covered[column] = rows - 1
        column += _span(cell, "colspan")
    while any(n > 0 for c, n in covered.items() if c >= column):
        if covered.get(column, 0) > 0:
            covered[column] -= 1
            firsts.append(DITTO)
        else:
            firsts.append("")
        column += 1
    line = " | ".join(firsts).strip()
    return [line, *rest] if line.strip(f" |{DITTO}") else rest
