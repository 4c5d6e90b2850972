"""Lines → tokens: the words of dates and times, told apart from everything else.

A small scanner cuts a line into chunks (a date in numbers, a number or clock time,
a.m./p.m., a run of letters, a CJK word or character, a dash, any other single character); the
lexicon (`lexicon.py`, from CLDR) then says what each word can be: a weekday, a month, a.m.
or p.m., noon, midnight, a mark written after an hour or a minute. The grammar in `when.py`
reads these tokens; nothing here decides what a line means.

Fullwidth forms ('１０：００～１２：００', '（木）') are scanned as their ASCII twins; a token
keeps its place in the line, so what the line wrote can always be cut out of it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from . import lexicon as lx
from .tokenkinds import T

# Abbreviations people write after a time. Two-letter US forms ('PT') name a zone without
# its half of the year. Anything else in capitals is a word, so 'ML' or 'AI' never is a zone.
ZONES = frozenset(
    {
        *("UTC", "GMT", "Z", "WET", "WEST", "BST", "IST", "CET", "CEST", "EET", "EEST", "MSK"),
        *("TRT", "GST", "PKT", "ICT", "WIB", "SGT", "HKT", "CST", "AWST", "JST", "KST", "ACST"),
        *("ACDT", "AEST", "AEDT", "NZST", "NZDT", "HST", "AKST", "AKDT", "PST", "PDT", "MST"),
        *("MDT", "CDT", "EST", "EDT", "AST", "ADT", "NST", "NDT", "BRT", "ART", "CLT", "CLST"),
        *("COT", "PET", "SAST", "CAT", "EAT", "WAT", "PT", "MT", "CT", "ET", "AoE"),
    }
)

_SINGLE = {
    "|": T.SEP,
    "·": T.SEP,
    "⋅": T.SEP,
    "•": T.SEP,
    ",": T.SEP,
    ";": T.SEP,
    "/": T.SEP,
    "\t": T.SEP,
    "@": T.AT,
    "(": T.OPEN,
    "[": T.OPEN,
    "<": T.OPEN,
    "〈": T.OPEN,
    "【": T.OPEN,
    "《": T.OPEN,
    ")": T.CLOSE,
    "]": T.CLOSE,
    ">": T.CLOSE,
    "〉": T.CLOSE,
    "】": T.CLOSE,
    "》": T.CLOSE,
    ":": T.COLON,
}
CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"  # kana, ideographs, hangul


def _marks() -> str:
    """A character class body of the combining marks (Unicode categories M*) of the basic
    plane: they belong to the word they sit in ('วันจันทร์' is one word, not five), though
    \\w does not match them."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


MARKS = _marks()
# Thai dates count years in the Buddhist Era, 543 years ahead: 2443 BE is 1900.
_THAI = re.compile("[\u0e00-\u0e7f]")
BUDDHIST_ERA_OFFSET = 543
THAI_ORDINAL = "ที่"  # after a weekday: 'วันพฤหัสบดีที่ 12 กันยายน' (Thursday the 12th)
BUDDHIST_ERA = 2443
MIN_WEEKDAY = 5  # letters of a weekday's name that may take an ending ('söndag' + 'en')
# Fullwidth ASCII (U+FF01–FF5E) and the ideographic space, one character for one; and the
# Arabic script's comma and semicolon as the Latin ones.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULLWIDTH |= {0x060C: ord(","), 0x061B: ord(";")}


class Token(NamedTuple):
    """One token: its kind, the text it covers (start, end in the line), and its value."""

    kind: str
    text: str
    start: int
    end: int
    value: int = 0

    @property
    def lower(self) -> str:
        return lx.fold(self.text)


@functools.cache
def _scanner() -> re.Pattern[str]:
    """The scanner, with the CJK words and range signs of the lexicon in it."""
    words = lx.lexicon()
    cjk = "|".join(map(re.escape, words.cjk_words))
    dashes = "".join(re.escape(d) for d in sorted(words.dashes) if len(d) == 1)
    periods = "|".join(re.escape(p).replace(r"\.", r"\.\s?") + r"\.?" for p in words.dotted)
    hours = "|".join(
        re.escape(f) for f in sorted(words.hour_marks, key=len, reverse=True) if f.isalpha()
    )
    MINUTE_MARKS = "[\u0384\u2032\u00b4]"  # after the minutes: Greek '7.40΄ μ.μ.', '10.30′'
    return re.compile(
        rf"""
        (?P<date>\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}(?P<ysep>[./])\s?\d{{1,2}}(?P=ysep)\s?\d{{1,2}}\.?
          |\d{{1,2}}(?P<sep>[./])\d{{1,2}}(?P=sep)(?:\d{{4}}|\d{{2}})|\d{{1,2}}\.\s\d{{1,2}}\.\s\d{{4}}
          |\d{{1,2}}-\d{{1,2}}-\d{{4}}|\d{{2}}-\d{{2}}-\d{{2}})(?![\d-])
      | (?P<daymonth>\d{{1,2}}\.\d{{1,2}}\.(?![\d.])|\d{{1,2}}/\d{{1,2}}(?![\d/]))
      | (?P<clock>\d{{1,2}}(?:[:.’']\d{{2}}(?::\d{{2}})?{MINUTE_MARKS}?
          |h\d{{2}}(?:mn\b)?|h(?![^\W\d_])|,\d{{2}}(?=\s*(?:{hours})\b)))(?!\d|:\d)
      | (?P<number>\d+)(?:(?P<ordinal>st|nd|rd|th|er|[º°ª])(?![^\W\d_{CJK}]))?(?!\d)
      | (?P<meridiem>[ap]\.?\s?m\b\.?|{periods})
      | (?P<offset>(?:UTC|GMT)[+-]\d{{1,2}}(?::?\d{{2}})?)
      | (?P<cjk>{cjk}|[{CJK}])
      | (?P<glued>Uhr(?=[A-ZÄÖÜ][a-zäöüß]))
      | (?P<letters>(?:[^\W\d_{CJK}][{MARKS}]*)+(?:-(?:[^\W\d_{CJK}][{MARKS}]*)+)*\.?)
      | (?P<dash>-{{1,3}}|[\u2010-\u2015\u2212{dashes}])
      | (?P<other>[^\s\t]|\t)
        """,
        re.IGNORECASE | re.VERBOSE,
    )


def _word(text: str, start: int, end: int, tokens: list[Token]) -> None:
    """A word, as the lexicon knows it; a hyphenated word it does not know is its parts."""
    folded = lx.fold(text)
    kinds = lx.lexicon().kinds
    kind = kinds.get(folded)
    firsts = lx.lexicon().weekday_pairs.get(folded)
    weekday = firsts.get(tokens[-1].lower.rstrip(".")) if firsts and tokens else None
    if weekday is not None:  # 'Dydd Iau', 'Cümə axşamı': a weekday in two words
        first = tokens.pop()
        tokens.append(Token(T.WEEKDAY, f"{first.text} {text}", first.start, end, weekday))
        return
    if kind is None and _short_period(text, folded, tokens):
        kind = T.MERIDIEM
    if kind is not None:
        value = lx.lexicon().means(folded, kind)
        tokens.append(Token(kind, text, start, end, value if value is not None else 0))
        return
    if "-" in folded.strip("-"):
        offset = start
        for index, part in enumerate(text.split("-")):
            if index:
                tokens.append(Token(T.DASH, "-", offset, offset + 1))
                offset += 1
            if part:
                _word(part, offset, offset + len(part), tokens)
            offset += len(part)
        return
    if (weekday := _weekday_form(folded)) is not None:  # 'Söndagen', 'Montags'
        tokens.append(Token(T.WEEKDAY, text, start, end, weekday))
        return
    if (inflected := lx.lexicon().inflected(folded)) is not None:  # 'oktoobril', 'Piektdien'
        tokens.append(Token(inflected.kind, text, start, end, inflected.value))
        return
    word = text.rstrip(".")
    if word in ZONES:
        tokens.append(Token(T.ZONE, word, start, start + len(word)))
        return
    tokens.append(Token(T.WORD, text, start, end))


def _short_period(text: str, folded: str, tokens: list[Token]) -> bool:
    """A.m. or p.m. in one to three letters, right after a time's hour and minutes: in
    another script, or three Latin capitals ('2:30 م', '2:30 PTG'; not '14:30 em Kaffe',
    '10:00 DE' or '31 DE GENER')."""
    return (
        bool(tokens)
        and tokens[-1].kind == T.CLOCK
        and (not text.isascii() or text.isupper() and len(text) == 3)
        and lx.lexicon().means(folded, T.MERIDIEM) is not None
    )


def _weekday_form(folded: str) -> int | None:
    """A weekday's name with a case or article ending ('söndagen', 'montags', 'lundì'): a
    weekday of five letters or more and at most two letters after it."""
    stems = [folded[:-cut] for cut in (1, 2) if len(folded) - cut >= MIN_WEEKDAY]
    if folded.endswith(THAI_ORDINAL):  # 'วันพฤหัสบดีที่ 12': Thai writes 'the' after it
        stems.append(folded.removesuffix(THAI_ORDINAL))
    for stem in stems:
        if lx.lexicon().kinds.get(stem) == T.WEEKDAY:
            value = lx.lexicon().means(stem, T.WEEKDAY)
            return None if value is None or value == lx.UNKNOWN else value
    return None


def _daymonth(text: str, start: int, end: int, tokens: list[Token]) -> None:
    """'3.9.', '26/06': a day and a month; '10.30.' ending a sentence is a time and a stop."""
    first, second = (int(part) for part in re.split(r"[./]", text.rstrip("."))[:2])
    if "." in text and not (1 <= second <= 12 and 1 <= first <= 31):
        tokens.append(Token(T.CLOCK, text[:-1], start, end - 1))
        tokens.append(Token(T.WORD, ".", end - 1, end))
        return
    tokens.append(Token(T.DAYMONTH, text, start, end))


_DAY_DOT_MONTH = re.compile(r"^(?:2[5-9]|3[01])\.(?:0[1-9]|1[0-2])$")  # '25.01', never a time

Tokens = tuple[Token, ...]
MAX_REMEMBERED = 4096  # lines whose tokens are kept: a line is tokenized by more than one rule


# An image's alt text copied where the page drew an arrow between two times: '09h00
# fleche-programmation 10h00 Accueil' (one lower-case word joined by '-' or '_').
_ALT_DASH = re.compile(r"(?<=\d)\s+[a-z]+(?:[-_][a-z]+)+\s+(?=\d{1,2}[:h.]\d{2})")


# A clock with a space after its colon, at the start of a row: '09: 30 | Keynote' (the
# space moves after it, so every later token keeps its place).
_SPACED_CLOCK = re.compile(r"^(\s*[0-2]\d): ([0-5]\d)(?!\d)")
# The same with a stop, after an hour's word and before the title: 'Ore 14. 00 Escursioni'.
_SPACED_DOT_CLOCK = re.compile(r"^(\s*[^\W\d_]{2,4}\.?\s+[0-2]?\d)\. ([0-5]\d)(?=\s+[^\W\d_])")


# A range of times written with decimal commas at the start of a row: '7,30 – 8,30 | Primirea'
# (read as '7:30 – 8:30'; a comma time alone is a number, '1,50 €', unless an hour's word
# follows it: '17,30 Uhr').
_COMMA_RANGE = re.compile(
    r"^(\W{0,3}?)([01]?\d|2[0-3]),([0-5][05])(\s*[-–—]\s*)([01]?\d|2[0-4]),([0-5][05])(?![\d,])"
)


# A time with a decimal comma alone on its line, over its title: '15,00' (read as '15:00';
# among words a comma's number is no time: '1,50 €').
_COMMA_ALONE = re.compile(r"^(\s*)([01]?\d|2[0-3]),([0-5]\d)(\s*)$")


def _as_dash(found: re.Match[str]) -> str:
    """A dash in place of the text found, as long as it was (token offsets stay right)."""
    return " " + "–".center(len(found.group()) - 2) + " "


@functools.cache
def _eras() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, lx.lexicon().era_marks)))


@functools.cache
def _japanese_era() -> re.Pattern[str]:
    names = "|".join(map(re.escape, lx.lexicon().era_years))
    return re.compile(rf"({names})\s*(?=\d{{1,2}}\s*年)")


@functools.cache
def _bracketed_era() -> re.Pattern[str]:
    names = "|".join(map(re.escape, lx.lexicon().era_years))
    return re.compile(rf"(?<=\d)\s*[(（](?:{names})\s*(?:\d{{1,2}}|元)\s*[)）](?=\s*年)")


def _japanese_eras(line: str) -> dict[int, tuple[int, int]]:
    """Where the number of each year written in a Japanese era starts: where its era's name
    starts, and the year before the era's first."""
    years = lx.lexicon().era_years
    return {f.end(): (f.start(), years[f[1]]) for f in _japanese_era().finditer(line)}


@functools.lru_cache(maxsize=MAX_REMEMBERED)
def tokenize(line: str) -> Tokens:
    """The tokens of a line, spaces dropped; every other character is in one token."""
    tokens: list[Token] = []
    append = tokens.append
    line = _ALT_DASH.sub(_as_dash, line.translate(_FULLWIDTH))
    line = _SPACED_CLOCK.sub(r"\1:\2 ", line)
    line = _SPACED_DOT_CLOCK.sub(r"\1.\2 ", line)
    line = _COMMA_RANGE.sub(r"\1\2:\3\4\5:\6", line)
    line = _COMMA_ALONE.sub(r"\1\2:\3\4", line)
    thai = _THAI.search(line) is not None
    if thai:  # an era's name before its year: blanks, as long as it was
        line = _eras().sub(lambda found: " " * len(found.group()), line)
    if "年" in line:  # '2026(令和8)年': the year and, in brackets, its era's: blanks
        line = _bracketed_era().sub(lambda found: " " * len(found.group()), line)
    eras = _japanese_eras(line) if "年" in line else {}
    if eras:  # ('平成26年': one number from the era's name on, its first year added)
        written, line = line, _japanese_era().sub(lambda found: " " * len(found.group()), line)
    for match in _scanner().finditer(line):
        kind = match.lastgroup
        text = match.group()
        start, end = match.span()
        if kind == "letters" or kind == "cjk" or kind == "glued":  # 'UhrFeierliche' → 2 words
            _word(text, start, end, tokens)
        elif kind == "number" or kind == "ordinal":  # 'ordinal': a number with 'th' after it
            digits = match["number"]  # (a run of thousands of digits is no number to read)
            value = int(digits) if len(digits) <= 9 else 10**9
            if thai and len(digits) == 4 and value >= BUDDHIST_ERA:
                value -= BUDDHIST_ERA_OFFSET  # 'พ.ศ. 2568' is 2025
            if start in eras:
                start, first_year = eras[start]
                text, value = written[start:end], value + first_year
            if tokens and 1 <= value <= 12 and tokens[-1].lower in lx.lexicon().month_words:
                start = tokens.pop().start  # 'tháng 3': March
                append(Token(T.MONTH, line[start:end], start, end, value))
                continue
            append(Token(T.NUMBER, text, start, end, value))
        elif kind == "other":
            append(Token(_SINGLE.get(text, T.WORD), text, start, end))
        elif kind == "offset":
            append(Token(T.ZONE, text, start, end))
        elif kind == "daymonth" or kind == "clock" and _DAY_DOT_MONTH.match(text):
            _daymonth(text, start, end, tokens)  # ('25.01': no hour 25, the 25th of January)
        else:
            append(Token(kind or T.WORD, text, start, end))
    return tuple(tokens)
