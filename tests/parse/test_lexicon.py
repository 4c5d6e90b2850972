"""The calendar words of every language the reader knows, from CLDR: one row per language
reads the date and the time that language's own CLDR formats write (what its pages print)."""

from __future__ import annotations

from datetime import date, time

import pytest
from babel.dates import format_date, format_time

from calsvc.parse.forms import DayHeading, TimeRow
from calsvc.parse.labels import Vocabulary
from calsvc.parse.lexicon import LANGUAGES, UNKNOWN, lexicon
from calsvc.parse.lines import read_line
from calsvc.parse.tokenkinds import T

VOCABULARY = Vocabulary()
THURSDAY = date(2024, 9, 12)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", ["full", "long"])
def test_each_language_reads_its_own_dates(language: str, width: str) -> None:
    line = format_date(THURSDAY, format=width, locale=language)

    form = read_line(line, VOCABULARY)

    assert isinstance(form, DayHeading), line
    weekday = 3 if width == "full" else None
    assert (form.day.month, form.day.day, form.day.weekday, form.day.year) == (9, 12, weekday, 2024)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_reads_its_own_times(language: str) -> None:
    written = format_time(time(14, 30), format="short", locale=language)

    form = read_line(f"{written} Keynote", VOCABULARY)

    assert isinstance(form, TimeRow), written
    assert (form.title, form.span.start.hour, form.span.start.minute) == ("Keynote", 14, 30)


def test_a_language_is_its_code_in_the_list() -> None:
    assert (len(LANGUAGES), len(set(LANGUAGES))) == (51, 51)


@pytest.mark.parametrize(
    ("form", "kind", "value"),
    [
        ("mar", T.MONTH, 3),  # March in English, Spanish, Italian
        ("mar", T.WEEKDAY, 1),  # and Tuesday in Spanish, French, Italian
        ("ma", T.WEEKDAY, UNKNOWN),  # Monday in Dutch, Tuesday in Spanish
        ("poniedziałek", T.WEEKDAY, 0),
        ("木曜日", T.WEEKDAY, 3),
        ("fevrier", T.MONTH, 2),  # written without its accent
        ("dél", "noon", 0),  # Hungarian noon; plain 'del' is no noon
        ("del", "noon", None),
        ("senin", T.WEEKDAY, 0),  # Indonesian, by its full name only
        ("min", T.WEEKDAY, None),  # not Indonesian Sunday: '(45 min)'
        ("nopember", T.MONTH, 11),  # Indonesian's older spelling, from words.toml
    ],
    ids=[
        "mar-month",
        "mar-weekday",
        "ma-two-weekdays",
        "polish",
        "japanese",
        "plain",
        "hu-noon",
        "del",
        "id-wide",
        "id-no-abbreviation",
        "spelling",
    ],
)
def test_a_word_means_what_cldr_says(form: str, kind: str, value: int | None) -> None:
    assert lexicon().means(form, kind) == value


@pytest.mark.parametrize(
    ("language", "day_first"),
    [("en", False), ("pt", True), ("de", True), ("ja", False), ("sv", True), ("hu", False)],
)
def test_the_order_of_dates_in_numbers_is_each_languages(language: str, day_first: bool) -> None:
    assert lexicon().day_first[language] is day_first


def test_cjk_marks_and_range_signs_come_from_the_date_patterns() -> None:
    words = lexicon()

    assert (
        sorted(words.year_marks),
        sorted(words.month_marks),
        sorted(words.day_marks),
        "～" in words.dashes,
    ) == (["年", "년"], ["月", "월"], ["日", "일"], True)
