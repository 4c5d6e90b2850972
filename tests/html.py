"""Reading pages in tests with the standard library: elements, attributes and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    ancestors: list[str] = field(default_factory=list)
    classes_above: set[str] = field(default_factory=set)  # the classes of its ancestors


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(
            tag,
            {k: v or "" for k, v in attrs},
            ancestors=[e.tag for e in self.open],
            classes_above={c for e in self.open for c in e.attrs.get("class", "").split()},
        )
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data


def elements(page: bytes | str) -> list[Element]:
    reader = _Reader()
    reader.feed(page.decode("utf-8") if isinstance(page, bytes) else page)
    return reader.elements


def find(page: bytes | str, tag: str, **attrs: str) -> list[Element]:
    """Elements with this tag whose attributes include these (class_ for class)."""
    wanted = {k.rstrip("_"): v for k, v in attrs.items()}
    return [e for e in elements(page) if e.tag == tag and all(
        v in e.attrs.get(k, "").split() if k == "class" else e.attrs.get(k) == v for k, v in wanted.items())]  # fmt: skip


def text(element: Element) -> str:
    return " ".join(element.text.split())
