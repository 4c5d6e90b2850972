"""Rooms, where a programme names them: after a time ('@ Room 116', '(Room 101)', '| Hall C',
'in Room 2'), in a table cell beside a title, or on a line of their own ('Location: Hall B')."""

from __future__ import annotations

import re

from .places import room_cell, room_line, room_word
from .roles import MAX_ROOM, words
from .tokenkinds import T
from .tokens import Tokens

_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{3,}")


_RULE = re.compile(r"^[\s|:+\-=]*$")


_LABELLED = re.compile(r"[-–—,]?\s*\bRoom:\s*(?P<room>.{1,80})\s*$")
_MODES = frozenset(
    {"virtual", "online", "hybrid", "remote", "in person", "en ligne", "virtuell", "optional"}
)
_BRACKETED = re.compile(r"[(（]([^()（）]{1,80})[)）]")  # ASCII or fullwidth: '进场（北辰厅）'


def room_of(text: str) -> str | None:
    text = text.strip(" \t@|,;-–—").strip()
    if text.startswith(("(", "[", "（", "【")) and text.endswith((")", "]", "）", "】")):
        text = text[1:-1].strip()
    return text or None


def tail_room(tokens: Tokens, i: int, text: str) -> tuple[bool, str | None]:
    """What may follow a time: nothing, '@ Room 116', '(Room 101)', '| Hall C', 'in Room 2'."""
    if i >= len(tokens):
        return True, None
    rest = text[tokens[i].start :]
    first = tokens[i]
    if first.kind == T.AT or first.kind == T.SEP and first.text in "|\t,·⋅":
        return True, room_of(rest)
    rest = rest.rstrip(" |")  # (a copied table's cell ends in ' |')
    if first.kind == T.OPEN and rest.endswith((")", "]", "）", "】")) and len(rest) <= MAX_ROOM:
        return True, None if rest[1:-1].strip().lower() in _MODES else room_of(rest)
    if first.kind == T.WORD and first.lower == "in" and i + 1 < len(tokens):
        return True, room_of(text[tokens[i + 1].start :])
    if first.kind == T.WORD and room_line(rest):
        return True, room_of(rest)
    return False, None


def title_and_room(text: str) -> tuple[str, str | None]:
    """'Paper session 1 | Room 101' → the title and its room; '(Room 101)', '@ Hall B' too."""
    cells = split_cells(text)
    if len(cells) > 1:
        rooms = [c for c in cells[1:] if room_cell(c)]
        return cells[0], room_of(rooms[0]) if rooms else None
    title = text.strip()
    if "@" in title:
        title, _, room = title.rpartition("@")
        return title.strip(" -–—,"), room_of(room)
    if "Room:" in title and (found := _LABELLED.search(title)) and found.start() > 0:
        return title[: found.start()].strip(" -–—,"), room_of(found["room"])
    for found in _BRACKETED.finditer(title):  # '(Parkinson Court)', 'remarks (B-114) - Ana Lee'
        inner = found[1].split(", ")[0].strip()
        apart = found.start() > 0 or title[found.end() :].strip(" .:;")  # '(Aula 2). Bienvenida'
        room = _cjk_at(found[1]) or found[1]
        named = room != found[1] or room_line(inner) or _place_word_first(inner)
        if apart and inner.lower() not in _MODES and named:
            rest = f"{title[: found.start()].rstrip()} {title[found.end() :].lstrip(' .:;')}"
            return rest.strip(" -–—,。"), room_of(room)  # '(Aula 2, CEAR). Bienvenida'

    if (placed := in_place(title) or _cjk_place_first(title)) is not None:
        return placed
    if ", " in title:
        return _after_comma(title)
    return title, None


_CJK_START = re.compile(r"[\u3040-\u9fff]{2}")
MAX_CJK_HEAD = 8  # characters of a place that opens a CJK title


def _cjk_place_first(title: str) -> tuple[str, str] | None:
    """'第二会议室评委会议', '北辰厅开幕': a CJK title that opens with its place (a name ending
    in a place word: '会议室', '厅'), glued to the words of the session."""
    if not _CJK_START.match(title):
        return None
    for place in sorted(words()["cjk_places"], key=len, reverse=True):
        end = title.find(place, 1) + len(place)  # (len(place) - 1 where it is not there)
        rest = title[end:]
        if len(place) < end <= MAX_CJK_HEAD and _CJK_START.match(rest):
            return rest, title[:end]
    return None


def _place_word_first(inner: str) -> bool:
    """'(sál Refektář)', '(restaurace U Zlatého kola)': a place word in lower case, then the
    place's name."""
    first, *rest = inner.split(maxsplit=1)
    return first.islower() and bool(rest) and rest[0][:1].isupper() and room_word(first)


def _cjk_at(aside: str) -> str | None:
    """The place after '在' ('at') in a bracketed aside: '(在区政协办公室,汇报讨论情况)' →
    '区政协办公室', when it names one."""
    if "在" not in aside:
        return None
    place = re.split(r"[,，、;；]", aside.rsplit("在", 1)[1])[0].strip()
    return place if place and room_line(place) else None


def in_place(title: str) -> tuple[str, str] | None:
    """'Assemblea dei soci in Sala Ginestra', 'visita (presso la sede del Consolato)', 'Dinner
    at the Ristorante Maestrale': a place after the last word that puts a session in one."""
    opened = title.endswith(")") and "(" in title
    head, inner = title[:-1].rsplit("(", 1) if opened else ("", title)
    parts = inner.split()
    for k in range(len(parts) - 2, -1 if opened else 0, -1):
        if parts[k].lower() not in words()["in_place"]:
            continue
        rest = parts[k + 1 :]
        if len(rest) > 1 and rest[0].lower() in words()["place_articles"]:
            rest = rest[1:]
        room = " ".join(rest)
        if room_line(room) and _capital(room) or opened and k == 0 and _at_a_place(parts[0], room):
            before = head if opened else " ".join(parts[:k])
            return before.rstrip(" ,;-–—"), room
        return None
    return None


def _capital(text: str) -> bool:
    """Whether a name begins as names do: a capital, or a letter of a script with no case
    ('ห้องประชุม 2')."""
    first = text[:1]
    return first.isupper() or first.isalpha() and not first.islower()


def _at_a_place(word: str, room: str) -> bool:
    """'(presso la sede del Consolato)', '(at the Faculty Club)': a bracket that says where,
    not one that says how ('(in English)', '(in two groups)')."""
    return word.lower() not in words()["in_manner"] and room[:1].isalpha()


def _after_comma(title: str) -> tuple[str, str | None]:
    """'Welcome reception, Science Center Great Hall', 'sesiones, aulas 2, 4 y 5',
    'Alibaba Group, Room 511E: Video Understanding': a room after a comma, from the first
    part that names a place; what follows a colon after it is the title's rest."""
    head, colon, tail = title.partition(": ")
    parts = head.split(", ")
    for k in range(1, len(parts)):
        if not room_line(parts[k]):
            continue
        if any(len(part.split()) > 3 for part in parts[k + 1 :]):
            return title, None
        rest, room = _glued_room(parts[:k], parts[k:])
        return (f"{rest}: {tail}" if colon else rest), room
    return title, None


def _glued_room(before: list[str], after: list[str]) -> tuple[str, str]:
    """The title and the room, the room's parts after the comma: 'Registration Room C1,
    ground floor' and 'Parallel Session 1 Room 3, 4 & 6, second floor', where the room's
    name and number run on after the title, belong to the room too."""
    j = len(before) - 1
    while j > 0 and all(w.isdigit() or w in ("&", "and") for w in before[j].split()):
        j -= 1  # ('4 & 6': more of the room's numbers)
    words = before[j].split()
    for w in range(len(words) - 2, 0, -1):
        name = " ".join(words[w:])
        if room_word(words[w], leading=True) and _ROOM_CODE_AFTER.match(name):
            title = ", ".join([*before[:j], " ".join(words[:w])])
            return title, ", ".join([name, *before[j + 1 :], *after])
    return ", ".join(before), ", ".join(after)


_ROOM_CODE_AFTER = re.compile(r"^\w+\s+[A-Z]?\d{0,4}[A-Z]?$")


# 'F106: Hands-on tutorial', 'Room 2: Posters': a room's code before a title.
_ROOM_FIRST = re.compile(
    r"^(?P<room>[A-Z]{1,3}-?\d{1,4}[A-Za-z]?|[A-Z]?\d{1,2}\.\d{2}"
    r"|(?:Room|Sala|Salle|Saal|Raum|Hall|Aula|Zaal)\s+[\w.-]{1,6})\s*:\s+(?P<title>\S.*)$"
)
_ALTERNATIVES = re.compile(r"\s+(?:or|oder|ou|o|of|lub|/)\s+")


def rooms_first(title: str) -> list[tuple[str, str]] | None:
    """'F106: Hands-on tutorial … or F107: Hack time': sessions, each after its room, held
    at once; None when the title does not start with a room."""
    parts = _ALTERNATIVES.split(title)
    found = [_ROOM_FIRST.match(part.strip()) for part in parts]
    if not all(found):
        whole = _ROOM_FIRST.match(title) or _PLACE_FIRST.match(title)
        if whole is None or not _place_first(whole["room"], whole.groupdict().get("colon")):
            return None
        return [(whole["title"].strip(), whole["room"])]
    return [(match["title"].strip(), match["room"]) for match in found if match]


# 'salle B214 : Chants de luttes', 'Salle Marc-Seignobos: Projection': a place, a colon.
_PLACE_FIRST = re.compile(r"^(?P<room>[^:：]{2,60}?)(?P<colon>\s*:)\s+(?P<title>\S.*)$")


def _place_first(room: str, colon: str | None) -> bool:
    """Whether words before a title's colon are its place, not its kind: a room's code, a
    place word first ('Salle Marc-Seignobos'), or a spaced colon after a place ('Grand
    Amphi : Projection'); 'Exhibit Hall: Posters' is a kind of session."""
    if colon is None:
        return True  # a room's code, as _ROOM_FIRST reads it
    named = [w for w in room.split() if room_word(w)]  # not 'Session A0: Opening'
    if room_line(room) is None or not named:
        return False
    spaced = colon.startswith(" ")
    return spaced or room_word(room.split()[0], leading=True) or any(map(str.isdigit, room))


def split_cells(text: str) -> list[str]:
    return [c.strip() for c in _CELL_SPLIT.split(text) if c.strip() and not is_rule(c)]


def is_rule(line: str) -> bool:
    """Table furniture and nothing else: '|', '| |', '|---|:--:|', '+----+', '---'."""
    return bool(_RULE.match(line))
