"""Places: whether words name a room or a venue ('Room 3', 'Aula Magna', 'Palazzo Reale,
Sala delle Colonne', 'F106'), for room lines, room cells and rooms after titles. The place
words, in many languages, are in words.toml [rooms]."""

from __future__ import annotations

import re

from .roles import MAX_CJK_ROOM, MAX_ROOM, MAX_ROOM_WORDS, field_name, words

_CJK_ROOM = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")


def room_word(word: str, *, leading: bool = False) -> bool:
    """'Hall', 'Sala', 'Boardroom', 'Hörsaal', '会議室': a word that names a place; `leading`:
    one that names it standing first ('Room 3', 'Sala Verdi', not 'Hotel Check-In')."""
    word = word.lower().strip("().,;:[]")
    places = words()["leading_places" if leading else "places"]
    if word in places or word.rstrip("s") in places:
        return True
    compound = any(word.endswith(end) for end in words()["place_endings"])  # 'Hörsaalgebäude'
    if compound and len(word) > 4:
        return True
    if leading:
        return False
    return bool(_CJK_ROOM.search(word)) and any(p in word for p in words()["cjk_places"])


_BUILDING = re.compile(r"^[A-Z]{2,4}$")
MAX_BEFORE_ROOM = 2  # words of a place's name before 'Room 2' ('Main Conference Room 2')
_ROOM_CODE = re.compile(r"^(?:[A-Z]{0,3}[-.]?\d{1,4}[A-Za-z]?(?:[-./]\d{1,3})?|[A-Z]\d{0,3})$")


def room_code(word: str) -> bool:
    """'511E', 'B-114', '3.01', 'A': what numbers a room after its place word."""
    return _ROOM_CODE.match(word) is not None


def has_place_word(text: str) -> bool:
    """Whether a place word stands anywhere among the words ('Kultúrne centrum Pod
    Hradom'), not only first or last as names_a_place asks: for a place where the layout
    already says one stands (a bracket alone after the times, a line under a day heading)."""
    return bool({w.strip(",.;()").lower() for w in text.split()} & words()["places"])


def names_a_place(text: str) -> bool:
    """Whether words name a place: a place word heads them, first or last but for a code
    ('Science Center Great Hall', 'Aula Magna', 'Room 511E', 'Lecture Hall A'), or they are
    a room code ('F106', '3.01', 'B-201'); an affiliation is no place ('Lincoln Laboratory')
    and neither is a place word inside other words ('NYSCHSA Staff & Hotel Staff')."""
    parts = text.strip("()[] ").split()
    if not parts or any(p.lower().strip(",.()") in words()["affiliations"] for p in parts):
        return False
    if "📍" in text:
        return True
    numbered = len(parts) > 1 and _ROOM_CODE.match(parts[-1]) is not None
    while len(parts) > 1 and _ROOM_CODE.match(parts[-1]):
        parts = parts[:-1]  # 'Room 511E', 'Hall A', 'Rooms 220A and 220B'
    if numbered and len(parts) > MAX_BEFORE_ROOM + 1 and room_word(parts[-1], leading=True):
        return room_word(parts[0], leading=True)  # ('Empfang VDA GWZ Raum 105': a title, a room)
    if room_word(parts[0], leading=True) or room_word(parts[-1]):
        return True
    if numbered and len(parts) == 1 and _BUILDING.match(parts[0]):
        return True  # 'HS 101', 'CB 036': a building's letters and a room's number
    code = text.split()[-1]  # 'B-114', '3.01', 'F106': a digit, and a letter or a stop
    return (
        len(text.split()) <= 2
        and bool(_ROOM_CODE.match(code))
        and any(map(str.isdigit, code))
        and not code.isdigit()
    )


def room_line(text: str) -> str | None:
    """A line that only names a room: 'Room 3', 'Grand Hall:', 'Location: Ballroom B',
    '[ Exhibit Hall A ]' (as virtual conference sites print it), 'Palazzo Reale, Sala
    delle Colonne' (a building and its room)."""
    if len(text) > MAX_ROOM or text.endswith((".", ",", ";", "。", "、")):
        return None
    if text.endswith(":") and text.count(":") == 1:
        text = text[:-1].rstrip()  # 'Pajta udvar:' over the rows held there
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    if text.endswith(")") and "(" not in text:  # 'Pavillon Hélène-Pelletier, local B-2215)'
        text = text[:-1].rstrip()
    elif text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()  # '(Pavillon Hélène-Pelletier, local B-3120)
    if (name := field_name(text)) is not None and name in words()["location_fields"]:
        value = re.split(r"[:：]", text, maxsplit=1)[1].strip()
        return value if value and not _long_cjk(value) else None
    if text.lower() in words()["location_fields"]:
        return None  # 'Venue' alone: a field's name, its value on the next line
    if _long_cjk(text):
        return None
    if ":" in text or "：" in text:
        return None  # 'Section 2: Solids Room: P2' is a session and its room
    if any(w in words()["in_place"] for w in text.lower().split()[1:-1]):
        return None  # 'Continental Breakfast in Exhibit Hall': a session and its place
    if len(text.split()) <= MAX_ROOM_WORDS and names_a_place(text) and not _sentence(text):
        return text
    if _with_address(text):
        return text
    if (place := _before_notice(text)) is not None:
        return room_line(place)  # 'Pavillón Municipal (Pantón) – ACCESO CON ENTRADA': a notice
    parts = re.split(r", | [–—-] ", text)  # 'Ateneo Mediterraneo – Dipartimento di Fisica'
    if 1 < len(parts) <= 3 and _place_and_names(parts):
        return text  # ('Lipov trg, Ljubljana': a square, named in lower case, and its city)
    return None


def _before_notice(text: str) -> str | None:
    """The place before a dash and a notice in capitals ('… – ACCESO CON ENTRADA'), if any."""
    place, dash, notice = text.rpartition(" – ")
    if not dash or not notice.isupper() or len(notice.split()) < 2 or room_line(notice):
        return None
    return place


def _place_and_names(parts: list[str]) -> bool:
    """Whether parts of a line are a place and proper names ('Palazzo Reale, Sala delle
    Colonne'; 'Lipov trg, Ljubljana': a square, named in lower case, and its city)."""
    rooms = [room_line(part) is not None for part in parts]
    return any(rooms) and all(room or proper_name(p) for room, p in zip(rooms, parts, strict=True))


def _long_cjk(text: str) -> bool:
    """Words in a CJK script too long for a room's name: a place run into prose."""
    return _CJK_ROOM.search(text) is not None and len(text) > MAX_CJK_ROOM


_QUOTES = "\"'„“”«»‚‘’"


def proper_name(text: str) -> bool:
    """A name, every word of it capitalised but its joining words ('Palazzo La Marmora',
    'Sala delle Colonne', '271-273'), not a phrase ('Coffee and snacks included')."""
    names = (w.lstrip(_QUOTES) for w in text.split() if w not in ("/", "&", "-"))
    return all(  # ('Dworek „Pod Lipami”', 'Sala Albaida / Sala Retama')
        w[:1].isupper() or w[:1].isdigit() or w.lower() in words()["joining_words"] for w in names
    )


# A name and then its street address in brackets: 'Дитяча бібліотека (вул. Шкільна, 3)'.
_ADDRESSED = re.compile(r"(?P<name>[^()]+?)\s*\((?P<street>[^\W\d_]+)\.?\s[^()]*\d[^()]*\)")


def _with_address(text: str) -> bool:
    """A place named with its address: a capitalised name of a few words, then in brackets a
    street word and a number ('Depo (ul. Kijowska 52)', 'Café Nord (Rue Haute 12)')."""
    found = _ADDRESSED.fullmatch(text)
    return (
        found is not None
        and found["street"].lower() in words()["street_words"]
        and found["name"][:1].isupper()
        and len(found["name"].split()) <= MAX_ROOM_WORDS
        and not _sentence(found["name"])
    )


def _sentence(text: str) -> bool:
    """'The hall was full': words opening a sentence, not a name ('The Orchard Room')."""
    parts = text.split()
    return (
        len(parts) > 2
        and parts[0].lower() in words()["sentence_openings"]
        and not all(p[:1].isupper() or p[:1].isdigit() for p in parts)
    )


def room_cell(cell: str) -> bool:
    """A table cell beside the title that names a room: 'Room 101', 'Foyer', 'Aula Magna',
    'Mensa' (a person's name is not one: 'Ingrid Solberg')."""
    one_word = len(cell.split()) == 1 and cell[:1].isalpha()
    audience = cell.lower().strip(".") in words()["audiences"]  # '| All |', '| Squads |'
    return room_line(cell) is not None or one_word and not audience
