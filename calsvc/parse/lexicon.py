"""The words of dates and times in many languages, from the Unicode CLDR through Babel.

One table that every reader looks words up in, as dateutil's `parserinfo` is for its parser:
for each language in LANGUAGES, CLDR gives the month names (wide and abbreviated, as a date
writes them and standing alone), the weekday names (wide, abbreviated, short, and narrow
where that is no single letter), a.m. and p.m., noon and midnight, the marks written after
an hour or a minute ('Uhr', 'h', '時', '분', 'horas'), the signs between the two ends of a
range ('–', '～'), the order of a date in numbers ('dd/MM/y' or 'M/d/yy') and the marks of
the CJK dates ('6月26日'). Adding a language is adding its code to LANGUAGES.

A word may mean several things: 'mar' is March and, in Spanish, French and Italian, Tuesday;
'de' is 'of' and, in Hungarian, a.m. A word's `kind` is its first meaning (a month before a
weekday); the grammar asks `means` where another would fit. Two-letter words and everyday
words ('Mo', 'ma', 'set') are plain words until the grammar asks.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

from babel import Locale
from babel.dates import get_period_id

from .tokenkinds import T

LANGUAGES = (
    *("en", "fr", "de", "es", "it", "pt", "ca", "gl", "nl", "da", "sv", "nb", "fi"),
    *("et", "pl", "cs", "sk", "sl", "hr", "hu", "ro", "hsb", "tr", "el", "ru", "uk"),
    *("bg", "th", "eo", "lt", "lv", "is", "sr", "sr_Latn", "mk"),
    *("he", "ar", "fa", "hi", "ms", "sq", "az", "cy", "sw", "af"),
    *("ja", "zh", "zh_Hant", "ko"),
    *("id", "vi"),
)
# Languages read by their full month and weekday names only: their abbreviations are words
# of other languages or units ('Min' is Indonesian Sunday and '(45 min)', 'Sen').
WIDE_ONLY = frozenset({"id"})
# Languages that write a month or weekday with case endings CLDR does not list: 'oktoobril'
# (Estonian, in October), 'oktobrī', 'Piektdien' (Latvian), 'lokakuussa', 'októberben',
# 'в октябре'. A word opening with the stem of one of their names is that name.
INFLECTED = frozenset({"et", "lv", "lt", "fi", "hu", "pl", "cs", "sk", "sl", "hr", "sr_Latn"})
INFLECTED |= {"ru", "uk", "bg", "tr", "is"}
MIN_STEM = 5  # letters of a stem: 'juuni' → 'juunil'; not 'květ' (květen, May) → 'květina'
MAX_ENDING = 4  # letters after a stem: 'lokaku' + 'ussa'

_NUMBERED = re.compile(r"([^\W\d_]+) (\d{1,2})")  # a month named by its number: 'tháng 3'
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_QUOTED = re.compile(r"'([^']+)'")
_FIELDS = re.compile(r"[GyYuUrQqMLlwWdDFgEecabBhHkKjJCmsSAzZOvVXx]+")


@dataclass(frozen=True, slots=True)
class Meaning:
    kind: str
    value: int  # a month 1-12, a weekday 0-6 (Monday 0), 0 for a.m. and 1 for p.m., else 0


UNKNOWN = -1  # the value of a form that means one weekday in one language, another elsewhere


@dataclass
class Lexicon:
    """Each written form (lower case, no final full stop) and what it may mean."""

    meanings: dict[str, tuple[Meaning, ...]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # the token kind of a form, if any
    languages: dict[str, frozenset[str]] = field(default_factory=dict)  # who writes a form
    day_first: dict[str, bool] = field(default_factory=dict)  # per language: 'dd/MM' or 'M/d'
    dashes: frozenset[str] = frozenset()  # what stands between the ends of a range
    cjk_words: tuple[str, ...] = ()  # CJK forms, longest first (CJK writes no spaces)
    year_marks: frozenset[str] = frozenset()  # '年', '년'
    month_marks: frozenset[str] = frozenset()  # '月', '월'
    day_marks: frozenset[str] = frozenset()  # '日', '일'
    meridiem_first: frozenset[str] = frozenset()  # forms written before the time: '午後3時'
    ranges: frozenset[str] = frozenset()  # 'to', 'bis', 'à'
    froms: frozenset[str] = frozenset()  # 'from', 'ab', 'dès'
    before_times: frozenset[str] = frozenset()  # between a date and its time: 'at', 'kl.'
    abouts: frozenset[str] = frozenset()  # 'ca.', 'circa', before a start or an end
    open_ends: frozenset[str] = frozenset()  # an end left open: '18.00-selesai', '22:00 - late'
    timeless: frozenset[str] = frozenset()  # forms that tell a date or time without a digit
    dotted: tuple[str, ...] = ()  # a.m./p.m. forms with a full stop inside: 'μ.μ', 'a. m'
    articles: frozenset[str] = frozenset()  # between a weekday and its date: 'den', 'le'
    year_words: frozenset[str] = frozenset()  # after a year: 'r.' (rok), 'г.' (год)
    day_suffixes: frozenset[str] = frozenset()  # after a day with no year: '21 d.' (diena)
    era_marks: tuple[str, ...] = ()  # before a year, read as blanks: 'พ.ศ.' (Buddhist Era)
    era_years: dict[str, int] = field(default_factory=dict)  # '平成': 1988 ('平成26年': 2014)
    event_days: frozenset[str] = frozenset()  # 'Day 2', '1st day', '2 일 차'
    day_parts: frozenset[str] = frozenset()  # 'Divendres, 14 tarda': after a weekday's date
    event_day_marks: frozenset[str] = frozenset()  # 'Hari ke-2', '2日目'
    event_day_ordinals: dict[str, int] = field(default_factory=dict)  # 'Day one', 'اليوم الأول'
    hour_marks: frozenset[str] = frozenset()  # written after a clock's hour: 'h', 'Uhr', '時'
    # weekdays named in two words, by the second word: {'iau': {'dydd': 3}} ('Dydd Iau')
    weekday_pairs: dict[str, dict[str, int]] = field(default_factory=dict)
    stems: dict[str, Meaning] = field(default_factory=dict)  # of INFLECTED: 'oktoob': October
    month_words: frozenset[str] = frozenset()  # before a month's number: 'tháng 3' (March)
    # The hours of the day a period's word covers, for a word read after a time as its half
    # of the day: 'pagi' (0-11), 'malam' (18-23), 'ptg' (p.m., 12-23): '7.00 mlm' is 19:00.
    period_hours: dict[str, frozenset[int]] = field(default_factory=dict)

    def means(self, form: str, kind: str) -> int | None:
        """The value of `form` as a word of `kind` ('mar' as a weekday: 1), or None."""
        for meaning in self.meanings.get(form, ()):
            if meaning.kind == kind:
                return meaning.value
        return None

    def inflected(self, form: str) -> Meaning | None:
        """The month or weekday a word with a case ending names ('oktoobril': October), by
        the longest stem it opens with."""
        if not form.isalpha():
            return None
        for length in range(len(form) - 1, max(MIN_STEM, len(form) - MAX_ENDING) - 1, -1):
            if (meaning := self.stems.get(form[:length])) is not None:
                return meaning if meaning.kind else None  # (a stem of two names)
        return None


@functools.lru_cache(maxsize=1 << 16)  # (every word of every line is folded, most of them often)
def fold(form: str) -> str:
    """A form as the lexicon keys it: lower case, spaces plain, no final full stop."""
    form = unicodedata.normalize("NFC", form).casefold().replace("\u202f", " ").replace("\xa0", " ")
    return form.replace("i\u0307", "i").strip().rstrip(".").strip()  # ('CUMARTESİ': 'İ' → 'i̇')


def _plain(form: str) -> str | None:
    """A Latin form without its accents ('février' → 'fevrier'), when that differs; a
    dotless 'ı' is an 'i' ('aralık', as 'ARALIK' folds)."""
    if _CJK.search(form) or not form.isascii() and not all(c < "\u0250" for c in form):
        return None
    plain = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    plain = plain.replace("ı", "i")
    return plain if plain != form else None


def _literals(pattern: str) -> Iterator[str]:
    """The words a CLDR pattern writes around its fields: "HH 'Uhr'" → 'Uhr'; 'H時' → '時'."""
    yield from _QUOTED.findall(pattern)
    for piece in _FIELDS.split(_QUOTED.sub(" ", pattern)):
        yield from piece.split()


def _unit_words(locale: Locale, unit: str) -> Iterator[str]:
    for width, forms in locale._data["unit_patterns"].get(unit, {}).items():
        for count, pattern in forms.items():
            if count != "per" and width != "per":
                yield pattern.replace("{0}", " ").strip()


def _forms(locale: Locale, *, wide_only: bool) -> Iterator[tuple[Meaning, str]]:
    """Every form CLDR gives this language for a month, weekday, day period or mark."""
    glued = _glued_before_month(locale)
    for context in ("format", "stand-alone"):
        for width in ("wide",) if wide_only else ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                month = re.sub(r"^(?:de |d['’]|del )", "", fold(name))
                yield Meaning(T.MONTH, number), month
                if glued and context == "format":  # 'במרץ': 'in March', as 'd בMMMM y' writes it
                    yield Meaning(T.MONTH, number), glued + month
        for width in ("wide",) if wide_only else ("wide", "abbreviated", "short", "narrow"):
            names = locale.days[context][width]
            shared = _shared_first_word(names.values())
            for number, name in names.items():
                if len(name.rstrip(".")) > 1 or _CJK.match(name) and name != "一":
                    yield Meaning(T.WEEKDAY, number), fold(name.removeprefix(shared))
    periods = locale.day_periods["format"]
    for width in ("abbreviated", "wide", "narrow"):
        for key, kind in (("am", T.MERIDIEM), ("pm", T.MERIDIEM), ("noon", T.NOON)):
            if name := periods.get(width, {}).get(key):
                yield Meaning(kind, int(key == "pm")), fold(name)
        if name := periods.get(width, {}).get("midnight"):
            yield Meaning(T.MIDNIGHT, 0), fold(name)
    skeletons = locale.datetime_skeletons
    for pattern in (skeletons.get("H"), skeletons.get("Hm"), locale.time_formats["short"]):
        for word in _literals(getattr(pattern, "pattern", pattern or "")):
            if any(c.isalpha() for c in word):
                yield Meaning(T.HOURS, 0), fold(word)
    for word in _unit_words(locale, "duration-hour"):
        yield Meaning(T.LENGTH, 60), fold(word)
    for word in _unit_words(locale, "duration-minute"):
        yield Meaning(T.LENGTH, 1), fold(word)
        yield Meaning(T.MINUTES, 0), fold(word)


def _shared_first_word(names: Iterable[str]) -> str:
    """The word every weekday's name opens with, and its space ('Dydd ' in Welsh 'Dydd Iau',
    'יום ' in Hebrew): each name is then read by the word after it."""
    firsts = {name.split(" ", 1)[0] + " " if " " in name else "" for name in names}
    return firsts.pop() if len(firsts) == 1 else ""


def _glued_before_month(locale: Locale) -> str:
    """The letters a language's long date writes glued before the month's name: 'ב' in
    Hebrew's 'd בMMMM y'."""
    found = re.search(r"(?:^|\s)'?(\w+)'?MMMM", locale.date_formats["long"].pattern)
    return fold(found[1]) if found and not found[1].isascii() else ""  # (fields are ASCII)


def _usable(form: str) -> bool:
    return bool(form) and not any(c.isdigit() for c in form) and " " not in form


def _add(lexicon: Lexicon, meaning: Meaning, form: str, language: str) -> None:
    plain = _plain(form) if meaning.kind in (T.MONTH, T.WEEKDAY) else None  # 'dél' is no 'del'
    for key in (form, plain):
        if key is None:
            continue
        known = lexicon.meanings.get(key, ())
        same = next((m for m in known if m.kind == meaning.kind), None)
        if same is None:
            lexicon.meanings[key] = (*known, meaning)
        elif same.value != meaning.value:  # 'ma': Monday in Dutch, Tuesday in Spanish
            lexicon.meanings[key] = tuple(
                Meaning(m.kind, UNKNOWN) if m is same else m for m in known
            )
        lexicon.languages[key] = lexicon.languages.get(key, frozenset()) | {language}


_PREFERENCE = (T.MONTH, T.WEEKDAY, T.MERIDIEM, T.NOON, T.MIDNIGHT, T.HOURS, T.MINUTES, T.LENGTH)


def _kind(form: str, meanings: tuple[Meaning, ...], everyday: frozenset[str]) -> str | None:
    """The token kind of a form: its first meaning, unless the form is too short or too
    common to be anything but a word until the grammar asks."""
    if form in everyday or (len(form) <= 2 and not _CJK.match(form)):
        return None
    kinds = {m.kind for m in meanings}
    if kinds <= {T.HOURS, T.MINUTES, T.LENGTH}:
        return None  # 'min', 'uur', 'hours' stay words; the grammar asks after a number
    if kinds <= {T.NOON, T.MIDNIGHT, T.MERIDIEM} and len(form) <= 3 and not _CJK.match(form):
        return None  # 'dél' (Hungarian noon), 'em' (Swedish p.m.): words of other languages
    return next(kind for kind in _PREFERENCE if kind in kinds)


def _marks(locale: Locale) -> tuple[set[str], set[str], set[str]]:
    """The CJK marks after the year, month and day of a long date: 'y年M月d日'."""
    pattern = locale.date_formats["long"].pattern
    found: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for field_, marks in zip("yMd", found, strict=True):
        after = re.search(field_ + r"+'?([^\sGyMLdE']+)", pattern)
        if after and _CJK.match(after[1]):
            marks.add(after[1])
    for name in locale.months["format"]["wide"].values():  # '6월': the mark in the name
        if (mark := name.lstrip("0123456789")) != name and _CJK.match(mark):
            found[1].add(mark)
    return found


def day_first_in(locale: Locale) -> bool:
    """Whether the language writes the day before the month in numbers ('26/06'): its short
    date says, unless that starts with the year (ISO order), then its long date does."""
    for width in ("short", "long"):
        fields = "".join(f[0] for f in _FIELDS.findall(locale.date_formats[width].pattern))
        if not fields.startswith("y") or width == "long":
            return fields.find("d") < fields.find("M")
    return True


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon of every language in LANGUAGES (loaded once, on first use)."""
    data = tomllib.loads(resources.files(__package__).joinpath("words.toml").read_text("utf-8"))
    found = Lexicon()
    for language in LANGUAGES:
        _add_language(found, language)
    time = data["time"]
    for form, number in time["month_spellings"].items():
        _add(found, Meaning(T.MONTH, number), fold(form), "")
    for form, number in time["weekday_spellings"].items():
        _add(found, Meaning(T.WEEKDAY, number), fold(form), "")
    for form in time["hours"]:
        _add(found, Meaning(T.HOURS, 0), fold(form), "")
    for form in time["length_minutes"]:
        _add(found, Meaning(T.LENGTH, 1), fold(form), "")
    for form in time["length_hours"]:
        _add(found, Meaning(T.LENGTH, 60), fold(form), "")
    everyday = frozenset(fold(w) for w in time["everyday"])
    found.kinds = {
        form: kind
        for form, meanings in found.meanings.items()
        if (kind := _kind(form, meanings, everyday)) is not None
    }
    # '〜' (a wave dash): what Japanese pages type for CLDR's '～'; '09h00 → 10h00', '9h > 9h30'
    dashes = found.dashes | {"\u301c", "\u223c", *"→⟶➔➜⇒>"}  # ('∼', a tilde operator)
    found.dashes = frozenset(d for d in dashes if d and not d.isalnum())
    for name, listed in _WORD_SETS.items():
        setattr(found, name, frozenset(fold(w) for w in time[listed]))
    found.froms |= found.abouts  # ('ca. 20:00': about a time is a start too)
    cjk = (f for f in (*found.meanings, *found.ranges) if _CJK.match(f))  # ('から': a range)
    found.cjk_words = tuple(sorted(cjk, key=len, reverse=True))
    found.dotted = _dotted(found)
    found.era_marks = tuple(time["era_marks"])
    found.era_years = dict(time["era_years"])
    found.event_day_ordinals = {fold(w): n for w, n in time["event_day_ordinals"].items()}
    found.hour_marks = _meaning(found, T.HOURS)
    found.timeless = _meaning(found, T.WEEKDAY, T.NOON, T.MIDNIGHT)
    for form, meanings in found.meanings.items():
        for meaning in meanings:
            if meaning.kind == T.MERIDIEM and meaning.value in (0, 1) and " " not in form:
                _add_period(found, form, range(12 * meaning.value, 12 * meaning.value + 12))
    for short, word in time["day_period_spellings"].items():
        if (hours := found.period_hours.get(fold(word))) is not None:
            _add_period(found, fold(short), hours)
    taken = everyday | found.froms | found.ranges | found.articles
    found.period_hours = {
        form: hours
        for form, hours in found.period_hours.items()
        if len(form) > 1 and form not in taken and not _meaning_besides(found, form, T.MERIDIEM)
    }
    return found


# The lexicon's sets of words, each from its list in words.toml [time].
_WORD_SETS = (
    {"articles": "day_articles", "ranges": "range", "froms": "from"}
    | {"abouts": "about", "before_times": "before_time"}
    | {
        name: name
        for name in ("year_words", "day_suffixes", "event_days", "day_parts", "event_day_marks")
    }
    | {"open_ends": "open_ends"}
)


def _add_period(found: Lexicon, form: str, hours: Iterable[int]) -> None:
    found.period_hours[form] = found.period_hours.get(form, frozenset()) | frozenset(hours)


def _flexible_periods(found: Lexicon, locale: Locale) -> None:
    """CLDR's words for the parts of a day ('pagi', 'malam', 'βράδυ', 'tengah hari'), each
    with the hours CLDR's rules give it in that language."""
    periods = locale.day_periods["format"]
    owner = [get_period_id(datetime.time(hour, 30), locale=locale) for hour in range(24)]
    for width in ("abbreviated", "wide"):
        for period, name in periods.get(width, {}).items():
            form = fold(name)
            if period not in ("am", "pm") and form and not _CJK.match(form):
                _add_period(found, form, (h for h in range(24) if owner[h] == period))


def _add_language(found: Lexicon, language: str) -> None:
    """A language's forms from CLDR, the order it writes a date in numbers, what it writes
    between the ends of a range (lexicon() keeps it if it is a sign, not a word) and the
    marks of its CJK dates and periods."""
    locale = Locale.parse(language)
    for meaning, form in _forms(locale, wide_only=language in WIDE_ONLY):
        if _usable(form):
            _add(found, meaning, form, language)
    found.day_first.setdefault(language.split("_")[0], day_first_in(locale))
    if language in INFLECTED:
        _add_stems(found, locale)
    _flexible_periods(found, locale)
    for width in ("wide", "abbreviated"):  # 'tháng 3', 'thg 3': a word and the month's number
        names = locale.months["format"][width].values()
        found.month_words |= {m[1] for n in names if (m := _NUMBERED.fullmatch(fold(n)))}
    for context in ("format", "stand-alone"):
        for number, name in locale.days[context]["wide"].items():
            if len(words := fold(name).split()) == 2:  # 'cümə axşamı', 'יום חמישי'
                found.weekday_pairs.setdefault(words[1], {})[words[0]] = number
    interval = locale.interval_formats[None]
    found.dashes |= {interval.replace("{0}", "").replace("{1}", "").strip()}
    years, months, days = _marks(locale)
    found.year_marks |= years
    found.month_marks |= months
    found.day_marks |= days
    hm = str(getattr(locale.datetime_skeletons.get("hm"), "pattern", ""))
    if hm.lstrip().startswith("a"):  # '午後3時': CJK writes the period first
        periods = locale.day_periods["format"]["abbreviated"]
        found.meridiem_first |= {fold(periods[p]) for p in ("am", "pm") if _CJK.match(periods[p])}


def _add_stems(found: Lexicon, locale: Locale) -> None:
    """The stems of a language's wide month and weekday names: the name, and the name
    without its last two letters, each at least MIN_STEM long ('október' + 'ben'; 'oktoober'
    → 'oktoob' + 'ril', 'piektdiena' → 'piektdie' + 'n'). A stem two names share means
    neither."""
    for kind, names in ((T.MONTH, locale.months), (T.WEEKDAY, locale.days)):
        for context in ("format", "stand-alone"):
            for number, name in names[context]["wide"].items():
                folded = fold(name)
                if len(folded) < MIN_STEM or " " in folded:
                    continue
                stem = folded[: max(MIN_STEM, len(folded) - 2)]
                for key in {folded, stem, _plain(folded) or stem, _plain(stem) or stem}:
                    known = found.stems.get(key)
                    meaning = Meaning(kind, number)
                    found.stems[key] = meaning if known in (None, meaning) else _CLASH


_CLASH = Meaning("", UNKNOWN)  # a stem of two names


def _dotted(found: Lexicon) -> tuple[str, ...]:
    """The a.m./p.m. forms with a full stop inside, longest first: 'μ.μ', 'a. m'."""
    return tuple(
        sorted(
            (
                f
                for f, ms in found.meanings.items()
                if "." in f and any(m.kind == T.MERIDIEM for m in ms)
            ),
            key=len,
            reverse=True,
        )
    )


def _meaning_besides(found: Lexicon, form: str, kind: str) -> bool:
    """Whether a form means anything but a word of this kind ('h': an hour's mark too)."""
    return any(m.kind != kind for m in found.meanings.get(form, ()))


def _meaning(found: Lexicon, *kinds: str) -> frozenset[str]:
    """The forms that may mean a word of one of these kinds."""
    return frozenset(
        form for form, meanings in found.meanings.items() if any(m.kind in kinds for m in meanings)
    )


@functools.cache
def page_words() -> dict[str, frozenset[str]]:
    """The [page] lists of words.toml: metadata and deadline words."""
    data = tomllib.loads(resources.files(__package__).joinpath("words.toml").read_text("utf-8"))
    return {name: frozenset(fold(w) for w in words) for name, words in data["page"].items()}
