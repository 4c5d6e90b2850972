"""What a piece of a programme line is: a title, a label, a room, a field, prose, page
furniture or the page's own metadata. Every reader asks these questions here, and the limits
they answer by are named here, once.

    looks_like_title   'Registration desk open' (a title may follow a time)
    looks_like_label   'Keynote: Rivers' (a label may stand before a date; 'Uploads close' not)
    room_line          'Room 3', 'Grand Hall', 'Location: Ballroom B' (in places.py)
    is_field           'Organisers: Ana Lee', 'Chair: Bo Chen' (a field of a session)
    is_metadata        'Posted Sat, March 1, 2025 10:00am' (the page's own dates)
    is_end_marker      'End', 'Fin de la journée', '終了' (no session, the end of one)
    is_deadline        'Submission deadline: May 1' (a date that is not a day of the programme)
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from . import lexicon as lx
from .tokenkinds import T
from .tokens import tokenize
from .when import looks_timed

DITTO = "〃"  # a table cell that a taller cell above covers (saved pages' rowspans)
_DITTOS = frozenset({DITTO, '"', "”", "''", "ditto", "idem", "dto", "dto.", "id."})


def is_dash_cell(cell: str) -> bool:
    """A cell that holds only a dash: between a start's cell and an end's ('9:00 ⇥ - ⇥ 10:30')."""
    return cell.strip() in ("-", "–", "—", "~", "～")


def is_ditto(cell: str) -> bool:
    """'〃', '"', 'ditto': a cell that the cell above it goes on into."""
    return cell.lower() in _DITTOS


# Limits.
MAX_QUESTION_WORDS = 8  # words of a question that goes on a title after its colon
MAX_HEADER_LENGTH = 300  # characters: a longer line is prose, never a session header
MAX_ROW_LENGTH = 1000  # characters of a line that starts with a time (a talk, its authors)
MAX_LABEL = 200  # characters of a title or label; a longer one is prose
MAX_LABEL_WORDS = 20  # words of a line that names the session beside its date or time line
MAX_UNREAD_WORDS = 14  # words of a line with a time that is warned about when not read
MAX_HEADING_WORDS = 8  # words a day heading may hold beside its date ('Day 2 – … (Room 3.01)')
MAX_ROOM = 80  # characters of a room's name
MAX_ROOM_WORDS = 6  # words of a room line
MAX_CJK_ROOM = 20  # characters of a room's name written in CJK (no spaces between words)
WRAP_WIDTH = 50  # characters of a title line that ends where e-mail and PDF text wrap
LOOK = 3  # lines: how far a label may stand from its date line, a room from its title
ROWS_GAP = 12  # lines of text (blank lines apart) between a date line and the rows under it
QUOTE = 80  # characters of a line that a warning quotes
LONG_TAIL = 120  # characters at the end of an over-long line looked at for a date


@functools.cache
def words() -> dict[str, frozenset[str]]:
    """The [roles] and [rooms] word lists of words.toml."""
    text = resources.files(__package__).joinpath("words.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {
        name: frozenset(w.lower() for w in listed)
        for section in ("roles", "rooms", "page", "data")
        for name, listed in data[section].items()
    }


# Bullets, Markdown headings and quotes, list numbers (Roman ones of two letters or more: 'IV.
# Kết thúc'; 'I.' may be an initial): marks before a line's text ('o' and 'l' are the bullets
# of a word processor's symbol font, copied as letters).
_MARKUP = re.compile(
    r"^\s*(?:#{1,6}\s+|>\s*|[-–—*+•◦▪▫■□●○◆◇►▶▸▹→⇒➢➤➔✓✔☐★☆▲△▼※‣⁃·◎〇❍❒❖✦➣❯]+\s*"
    r"|\d{1,2}[.)]\s+(?=[^\W\d_]*[^\W\d_a-z]|[^\w\s]|\d{1,2}[:.h]\d\d)|o\s+(?=[A-Z\d])|/\s+(?=\d)"
    r"|(?=[IVX]{2})X{0,2}(?:IX|IV|V?I{0,3})\.\s+(?=[^\W\d_a-z][^\W\d_]*[^\W\d_.])"
    r"|l\s+(?=\d|[\u3040-\u9fff\uac00-\ud7af])"
    r"|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3}|[ivx]{1,4}|[a-zA-Z])[)）]\s*)+"
)

_DAY_FIRST = re.compile(r"^\d{1,2}\.\s")
_MONTH_NEXT = re.compile(r"^[^\W\d_]{3,}")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]*)\)")  # '[Tutorials](https://…)' → 'Tutorials'


def clean(line: str) -> str:
    """The line without markup: bullets, heading marks, emphasis, links' addresses, outer
    table pipes. '12. September' keeps its number: a day, not an item of a list."""
    text = _MARKUP.sub("", line)
    month = _MONTH_NEXT.match(text) if text != line and _DAY_FIRST.match(line) else None
    if month and lx.lexicon().means(lx.fold(month[0]), T.MONTH) is not None:
        text = line
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    return text.strip().strip("|").strip()


def strip_bullet(text: str) -> str:
    """A title without the bullet between it and its time ('09:00 o Intro', '10h15 ► Talk')."""
    return _MARKUP.sub("", text).strip()


# 'Results improved. We ran it': a full stop after a word, not after an initial ('A. Person')
# or a title ('Prof. Helena M. Korsgaard', 'Dr. Ruiz').
_SENTENCE_BREAK = re.compile(
    r"\w\w(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bMrs)(?<!\bProf)\. [A-Z]"
)


def looks_like_title(text: str) -> bool:
    """Whether text after a session's time can be its title: short, not a sentence
    ('Registration desk open' is one; 'The hall opens at nine. Bring…' is not)."""
    first = text[:1]
    if not text or len(text) > MAX_LABEL or first.islower():  # (CJK letters have no case)
        return False
    return not (_SENTENCE_BREAK.search(text) or text.endswith((".", ",", ";", "。")))


_FIRST_SENTENCE = re.compile(r"(?:(?<=\w\w)|(?<=[)\]\"”’]))[.!?]\s+(?=[^\W\d_])")


def row_title(text: str) -> str | None:
    """The title in the text after a row's time, as the page wrote it, without a bullet
    ('o Introduction', '► Talk'): the whole text, or its first sentence when the rest is long,
    names the place ('Location: …') or tells times of its own ('paseo en barca (incluye
    cena). Terminado el paseo, salida a las 23 horas…'), which then describes the session.
    None when no title is there."""
    text = strip_bullet(text)
    if not text or not any(c.isalpha() for c in text[:MAX_LABEL]):
        return None
    first, *rest = _FIRST_SENTENCE.split(text, maxsplit=1)
    if rest and (len(text) > MAX_LABEL or field_place(text) or looks_timed(tokenize(rest[0]))):
        text = first
    return without_stop(text.strip()) or None


def field_place(text: str) -> str | None:
    """The place a location field names in the sentences after a row's title: 'Gala. Locație:
    Casa Memorială (Sala B). Organizator: …' → 'Casa Memorială (Sala B)'."""
    for sentence in _FIRST_SENTENCE.split(text)[1:]:
        if field_name(sentence) in words()["location_fields"]:
            return without_stop(re.split("[:：]", sentence, maxsplit=1)[1].strip()) or None
    return None


def without_stop(text: str) -> str:
    """'Start 1e ronde.' → 'Start 1e ronde', 'Pausa para almoço;' → 'Pausa para almoço',
    '报到。' → '报到' (an ellipsis stays: 'Semear...')."""
    text = text.removesuffix(";").removesuffix("。").rstrip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"))


def goes_on(title: str, line: str) -> bool:
    """Whether a title goes on on the next line: it ends with a dash, a comma, '&' or a joining
    word ('of', 'and', 'de'), or leaves a bracket or a quotation open; after a colon, only a
    quotation, a lower-case word or a question goes on it (a name on its own line is the
    speaker)."""
    if title.endswith(":"):  # (a question is no speaker's name: 'Panel I:' / 'Who? (Hall)')
        question = "?" in line and len(line.split()) <= MAX_QUESTION_WORDS
        return line[:1] in "\"“„«'‘" or line[:1].islower() or question
    if title.endswith(("-", "–", "—", ",", "&", "/", "+")):
        return True
    last = title.rsplit(None, 1)[-1:]  # (none for a title of spaces only)
    # A joining word is written in lower case, but in a title all in capitals: 'Session I'
    # ends on a numeral, not on the Catalan 'i'.
    joining = last and (last[0].islower() or title.isupper())
    if joining and last[0].lower() in words()["joining_words"]:
        return True
    if (title.count('"') + title.count("”") - title.count("“") + title.count("„")) % 2:
        return True  # an open quotation ('"Ernesto Bolla”' is closed, as '„x“' is)
    if _QUOTED_NAME.match(line) and title[-1:].isalpha() and last and last[0].islower():
        return True  # a name in quotes under the words it completes: 'виступ гурту' / '«КРУК».'
    wrapped = len(title) >= WRAP_WIDTH and title[-1:].isalpha() and line[:1].islower()
    if wrapped and line.endswith("."):
        return True  # a sentence wrapped at a width: '… Group, with discussion' / 'focusing …'
    return any(_opened(title, left, right) for left, right in _PAIRS if left != right)


_QUOTED_NAME = re.compile(r"[«„][^\s«»„“]")  # '«Сірі журавлі».' (not '« Previous Page')


def _opened(title: str, left: str, right: str) -> bool:
    """Whether a title leaves a bracket or quotation open. '“' closes '„' ('„Карст и
    вино“', German and Bulgarian quotes) as well as opening an English one."""
    lefts = title.count(left) - (title.count("„") if left == "“" else 0)
    return lefts > title.count(right)


def looks_like_label(text: str) -> bool:
    """Whether text before a date can name a session: a title that does not run on into the
    date ('Uploads close Fri 17 May 11:59' is a sentence)."""
    return looks_like_title(text) and text.rsplit(None, 1)[-1] not in words()["sentence_endings"]


_FIELD_PREFIX = re.compile(
    r"^(?:bio|abstract|speakers?|presenters?|authors?|chairs?|moderators?)\s*:\s*(?=\S)",
    re.IGNORECASE,
)


def strip_field(label: str) -> str:
    """'Bio :Oral 6C Fairness' → 'Oral 6C Fairness': a field name glued before a label; a
    field that names when ('Time:', '时 间：', 'Fecha:') is no label at all."""
    if says_when(label):
        return label.split(":", 1)[-1].split("：", 1)[-1].strip() if _VALUE.search(label) else ""
    if _CJK_SPACE.sub("", _NUMBERED.sub("", label).lower()) in words()["when_fields"]:
        return ""  # '1)日時 2025年4月20日(日)午前10時', 'Date 12 May': the field's name alone
    return _FIELD_PREFIX.sub("", label).strip()


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[).．]\s*", re.IGNORECASE)


_FIELD = re.compile(r"^([^\W\d_][\w \u3000]{0,20}?)\s*[:：]")  # ('日　時：', spaced out)
_VALUE = re.compile(r"[:：]\s*\S")
_CJK_SPACE = re.compile(r"(?<=[\u3040-\u9fff\uac00-\ud7af])\s+(?=[\u3040-\u9fff\uac00-\ud7af])")


def field_name(text: str) -> str | None:
    """The name of the field a line starts with ('Location: Hall B' → 'location'; '地 点：…'
    → '地点', written spaced out to align), or None."""
    found = _FIELD.match(text)
    return _CJK_SPACE.sub("", found[1].strip().lower()) if found else None


MAX_WHEN_WORDS = 4  # words of a field's name that says when ('Date of the workshop:')
MIN_WHEN_STEM = 5  # letters of a word for when that may take an ending ('időpont|ja')
_LONG_FIELD = re.compile(rf"^([^\W\d_]+(?:[ \u3000][^\W\d_]+){{0,{MAX_WHEN_WORDS - 1}}})\s*[:：]")


def says_when(text: str) -> bool:
    """Whether a line opens with a field that says when, before a date: 'Time:', '时 间：',
    or a name of a few words holding such a word, inflected as it may be ('Date of the
    workshop:', 'A továbbképzés időpontja:', the course's time)."""
    if ":" not in text and "：" not in text:
        return False
    when = words()["when_fields"]
    if (name := field_name(text)) is not None and name in when:
        return True
    if (found := _LONG_FIELD.match(text)) is None:
        return False
    return any(part in when or part.startswith(_when_stems()) for part in found[1].lower().split())


@functools.cache
def parts_of_day() -> frozenset[str]:
    """The words that head a morning's or an afternoon's rows ('MAÑANA', '下午')."""
    return words()["morning_headings"] | words()["afternoon_headings"]


@functools.cache
def _when_stems() -> tuple[str, ...]:
    return tuple(w for w in words()["when_fields"] if len(w) >= MIN_WHEN_STEM)


def is_field(text: str) -> bool:
    """'Organisers: Ana Lee', 'Location: Hall B', '場所：…': a field of a session, never its
    name."""
    name = field_name(text)
    return name is not None and name in words()["fields"] | words()["when_fields"]


def is_metadata(text: str) -> bool:
    """'Posted Sat, March 1, 2025 10:00am · Updated Thu, March 6', '01-10-19 Ana Lee 0
    comments': the page's own dates, a post's byline ending with its count of comments, and
    a message's time stamp."""
    parts = text.split()
    if not parts:
        return False
    last = parts[-1].lower().rstrip(":.")
    counted = last in words()["comments"] and _comments().search(text) is not None
    stamped = ":" in text and _TIME_STAMP.search(text) is not None
    first = parts[0].lower()
    glued = first.startswith(_metadata_prefixes())  # '작성일21.04.19'
    return first.rstrip(":") in words()["metadata"] or glued or counted or stamped


# 'Date: Thu, 30 Oct 2008 09:41:17 -0700', 'Received on … 16:42:05 UTC': a time to the
# second (not ':00') stamps a message or a page; no programme writes a session so.
_TIME_STAMP = re.compile(r"(?<![\d:])\d{1,2}:[0-5]\d:(?!00)[0-5]\d(?![\d:])")


@functools.cache
def _metadata_prefixes() -> tuple[str, ...]:
    return tuple(words()["metadata_prefixes"])


@functools.cache
def _comments() -> re.Pattern[str]:
    counted = "|".join(map(re.escape, sorted(words()["comments"], key=len, reverse=True)))
    none = "|".join(map(re.escape, words()["no_comments"]))
    return re.compile(
        rf"(?:(?<![\d:.,])\d{{1,4}}|\b(?:{none}))\s+(?:{counted})\s*[:.]?\s*$", re.IGNORECASE
    )


def is_end_marker(text: str) -> bool:
    """'End', 'End of day 1', 'Fin', 'Ende', '終了予定': the end of the day, no session."""
    return _end_markers().match(text.strip(" .!")) is not None


@functools.cache
def _end_markers() -> re.Pattern[str]:
    ends = sorted(words()["end_markers"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, ends))})(?:\s|$)", re.IGNORECASE)


def is_deadline(text: str) -> bool:
    """Whether a line with a date is a deadline or a notice, not a day of the programme."""
    lowered = text.lower()
    return any(word in lowered for word in words()["deadline"])
