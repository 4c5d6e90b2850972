"""Reading what follows a header: its papers (title, authors, abstract) and its rooms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Item
from .places import names_a_place
from .rooms import is_rule

_ROOM = re.compile(r"^\[\s*(?P<room>[^\[\]]{1,120}?)\s*\]$")
_ABSTRACT = re.compile(r"^abstract\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE | re.DOTALL)
_BIO = re.compile(r"^bio\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|·|•|;|\band\b)\s*")
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u00de][\w'’\-.]*|\([A-Z][\w'’\-.]*\)|[A-Z]\.(?:[A-Z]\.)*"
    r"|de|da|di|del|der|den|van|von|le|la|bin|al|dos|du)$"
)
# "Ryan Adams is a machine learning researcher…": a talk's speaker bio, not its abstract.
_BIO_OPENING = re.compile(
    r"^(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][\w'’\-.]*\s+){1,3}"
    r"(?:is|was|has|holds|leads|received|joined|currently|works)\b"
)
_LIST_MARK = re.compile(r"[,·•;]")
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ")", '"', "”")


def is_author_line(line: str, *, single_name_ok: bool = False) -> bool:
    """Whether a line lists people: 'Eyal Cidon, Jenya Pergament, Zain Asgar'."""
    if len(line) > 2000 or line.endswith((".", ":", "?", "!")) and not line[-2:-1].isupper():
        return False
    names = [name for name in _NAME_SEPARATORS.split(line) if name]
    if not names or (len(names) < 2 and not single_name_ok):
        return False
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
            return False
    return len(names) >= 2 or len(names[0].split()) <= 4


_AFFILIATION = re.compile(r"\s*\([^()]*\)\s*[:：]?$")  # 'Henrike Stolzenau (Marburg):'
_PEOPLE_SEPARATORS = re.compile(r"\s*[、，,&/]\s*")
_HANDLE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{2,19}$")  # 'kuohsin', 'RiverT'


def names_people(line: str) -> bool:
    """Whether a line names a talk's speakers and nothing else: 'Lena Hartmann', 'Henrike
    Stolzenau (Marburg):', 'Prof. Dr. Wendelin Karst,', 'kuohsin、Yuchen、Moritaka' (a
    single word is a speaker's handle; CJK words are not told from a kind: '基調講演')."""
    text = _AFFILIATION.sub("", line).rstrip(":：,; ")
    if text.isupper():
        return False  # ('CZYTANKI W MEDIATECE': a title in capitals)
    names = [name for name in _PEOPLE_SEPARATORS.split(text) if name]
    return bool(names) and all(
        is_author_line(name, single_name_ok=True) or _HANDLE.match(name) for name in names
    )


def _is_title_shaped(line: str) -> bool:
    return (
        len(line) <= 200
        and len(line.split()) <= 25
        and (line[0].isupper() or line[0].isdigit())
        and not line.endswith((".", ",", ";", "!"))
    )


@dataclass
class _Draft:
    title: str | None = None
    authors: str | None = None
    abstract: list[str] = field(default_factory=list)
    bio: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.title or self.authors or self.abstract or self.bio)

    def item(self) -> Item:
        return Item(self.title, self.authors, _join(self.abstract), _join(self.bio))


def _join(lines: list[str]) -> str | None:
    """Joins lines into paragraphs: a line that ends mid-sentence was wrapped, so it continues."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith(_SENTENCE_END):
            text += "\n" + line
        else:
            text += " " + line
    return text or None


@dataclass(frozen=True, slots=True)
class Body:
    items: tuple[Item, ...]
    rooms: tuple[str, ...]


def read_body(lines: Sequence[str], *, talk: bool) -> Body:
    """The items and rooms in the stripped lines after one header (blank lines kept)."""
    reader = _Reader(talk)
    cells = [_cell(line) for line in lines]
    for index, line in enumerate(cells):
        if line:
            reader.read(line, cells[index + 1] if index + 1 < len(cells) else "")
    reader.close()
    return Body(tuple(reader.items), tuple(reader.rooms))


def _cell(line: str) -> str:
    """A line without the borders of the table cell it was copied from ('| Its abstract |');
    nothing for page furniture ('|', '|---|', '© 2025 Summit')."""
    if line[:1] in "|:+-=" or line.endswith("|"):  # (most lines are not: skip the pattern)
        return "" if is_rule(line) else line.strip("|").strip()
    return "" if _COPYRIGHT.match(line) else line


class _Reader:
    """A session's body read line by line: papers (title, authors, abstract, bio) and rooms."""

    def __init__(self, talk: bool) -> None:
        self.talk = talk
        self.items: list[Item] = []
        self.rooms: list[str] = []
        self.draft = _Draft()
        self.in_bio = False

    def close(self) -> None:
        """Ends the paper being read, if it has anything."""
        if not self.draft.empty():
            self.items.append(self.draft.item())
        self.draft, self.in_bio = _Draft(), False

    def read(self, line: str, following: str) -> None:
        if (room := _ROOM.match(line)) and names_a_place(room["room"]):  # not '[Panel]'
            if room["room"] not in self.rooms:
                self.rooms.append(room["room"])
            if self.draft.abstract:
                self.close()
            return
        if marker := _ABSTRACT.match(line):
            if self.draft.abstract:
                self.close()
            self.in_bio = False
            line = (marker["rest"] or "").strip()
        elif marker := _BIO.match(line):
            self.in_bio = True
            line = marker["rest"].strip()
        if line:
            self._text(line, following)

    def _text(self, line: str, following: str) -> None:
        draft = self.draft
        # A line above an author list is its title, unless it is itself a list of names
        # ('Characterizing and Taming Model Instability' has no commas; authors do).
        if (
            _is_title_shaped(line)
            and is_author_line(following, single_name_ok=True)
            and not ((_LIST_MARK.search(line)) and is_author_line(line))
        ):
            self.close()
            self.draft.title = line
        elif is_author_line(line):
            if draft.authors or draft.abstract:
                self.close()
            self.draft.authors = line
        elif draft.empty() and _is_title_shaped(line) and len(line) <= 150:
            draft.title = line
        elif self.in_bio or (self.talk and draft.abstract and _BIO_OPENING.match(line)):
            self.in_bio = True
            draft.bio.append(line)
        else:
            draft.abstract.append(line)
