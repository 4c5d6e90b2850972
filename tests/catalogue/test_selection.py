"""Selections from query parameters: normalized, bounded, and with errors naming what is allowed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calsvc.catalogue.selection import MAX_QUERY_WORDS, Selection, selection_from_query
from calsvc.errors import SelectionError
from calsvc.web.links import feed_path, subscribe_links


def test_selection_normalizes_slugs_words_and_order() -> None:
    chosen = selection_from_query([("kind", "Invited Talk"), ("kind", "poster"), ("kind", "poster"),
                                   ("day", "2023-06-06"), ("q", "GNN  Training"), ("conference", "MLSys-2023")])  # fmt: skip

    assert chosen == Selection(conferences=("mlsys-2023",), kinds=("invited-talk", "poster"),
                               days=(date(2023, 6, 6),), queries=(("gnn", "training"),))  # fmt: skip


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([("sort", "time")], "sort='time' is not valid; allowed: parameters conference, track, kind, day, q, s"),
        ([("day", "06/06/2023")], "day='06/06/2023' is not valid; allowed: dates written YYYY-MM-DD, e.g. 2023-06-06"),
        ([("q", "x" * 201)], "q='xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not valid; allowed: words up to 200 characters"),
        ([("kind", str(n)) for n in range(51)], "kind='50' is not valid; allowed: at most 50 values of kind"),
    ],
    ids=["unknown-parameter", "malformed-day", "long-words", "too-many-values"],
)  # fmt: skip
def test_selection_errors_name_parameter_and_allowed_values(
    pairs: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(SelectionError) as error:
        selection_from_query(pairs)

    assert str(error.value) == message


@pytest.mark.parametrize(
    ("selection", "path"),
    [
        (Selection(), "/calendar.ics"),
        (Selection(conferences=("c",)), "/c/calendar.ics"),
        (Selection(conferences=("c",), tracks=("t",)), "/c/tracks/t.ics"),
        (Selection(conferences=("c",), kinds=("poster",)), "/c/kinds/poster.ics"),
        (
            Selection(conferences=("c",), kinds=("oral", "poster")),
            "/calendar.ics?conference=c&kind=oral&kind=poster",
        ),
        (Selection(tracks=("t",)), "/calendar.ics?track=t"),
        (Selection(conferences=("c",), queries=(("a", "b"),)), "/calendar.ics?conference=c&q=a+b"),
    ],
    ids=["all", "conference", "track", "kind", "two-kinds", "track-without-conference", "words"],
)
def test_feed_path_is_the_shortest_url(selection: Selection, path: str) -> None:
    assert feed_path(selection) == path


def test_subscribe_links_forms() -> None:
    links = subscribe_links(
        "https://cal.example.org/calendar.ics?kind=poster&day=2023-06-06", "MLSys · Posters"
    )

    assert links == {
        "https": "https://cal.example.org/calendar.ics?kind=poster&day=2023-06-06",
        "webcal": "webcal://cal.example.org/calendar.ics?kind=poster&day=2023-06-06",
        "google": "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fcal.example.org%2Fcalendar.ics%3Fkind%3Dposter%26day%3D2023-06-06",
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fcal.example.org%2Fcalendar.ics%3Fkind%3Dposter%26day%3D2023-06-06&name=MLSys%20%C2%B7%20Posters",
        "office365": "https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fcal.example.org%2Fcalendar.ics%3Fkind%3Dposter%26day%3D2023-06-06&name=MLSys%20%C2%B7%20Posters",
        "download": "https://cal.example.org/calendar.ics?kind=poster&day=2023-06-06&download=1",
    }


QUERY_PAIRS = st.lists(
    st.tuples(st.sampled_from(["conference", "track", "kind"]), st.text(max_size=30))
    | st.tuples(st.just("q"), st.text(max_size=30).filter(lambda q: len(q.split()) <= 3))
    | st.tuples(
        st.just("day"),
        st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)).map(date.isoformat),
    ),
    max_size=12,
).filter(lambda pairs: sum(len(v.split()) for k, v in pairs if k == "q") <= MAX_QUERY_WORDS)


@pytest.mark.slow
@settings(max_examples=300)
@given(QUERY_PAIRS)
def test_selection_round_trips_through_its_query(pairs: list[tuple[str, str]]) -> None:
    chosen = selection_from_query(pairs)

    assert selection_from_query(chosen.query_pairs()) == chosen


@pytest.mark.slow
@settings(max_examples=300)
@given(QUERY_PAIRS)
def test_selection_narrowing_twice_equals_once(pairs: list[tuple[str, str]]) -> None:
    chosen = selection_from_query(pairs)

    once = chosen.narrowed(conference="c", kind="k")

    assert once.narrowed(conference="c", kind="k") == once


def test_query_words_are_bounded_in_all() -> None:
    ten = [("q", "one two three four five"), ("q", "six seven eight nine ten")]

    with pytest.raises(SelectionError) as error:
        selection_from_query([*ten, ("q", "eleven")])

    assert (len(selection_from_query(ten).queries), str(error.value)) == (
        2,
        "q='eleven' is not valid; allowed: at most 10 words in all",
    )
