"""Reading a session's body into items and rooms."""

from __future__ import annotations

import pytest

from calsvc.model import Item
from calsvc.parse.items import Body, is_author_line, names_people, read_body


def test_read_body_title_authors_abstract_paragraphs() -> None:
    lines = [
        "", "Learning on Traces", "Giulio Zhou, Martin Maas", "",
        "Storage services decide.", "", "In this work, we show more.", "",
        "Next Paper", "Ann Lee, Bo Chen", "", "Its abstract.",
    ]  # fmt: skip

    body = read_body(lines, talk=False)

    assert body == Body(
        (
            Item("Learning on Traces", "Giulio Zhou, Martin Maas",
                 "Storage services decide.\nIn this work, we show more."),
            Item("Next Paper", "Ann Lee, Bo Chen", "Its abstract."),
        ),
        (),
    )  # fmt: skip


def test_read_body_leaves_out_page_furniture() -> None:
    lines = ["|", "| |", "|---|:--:|", "Its abstract, in a cell. |", "+----+", "© 2025 Summit"]

    assert read_body(lines, talk=False) == Body((Item(None, None, "Its abstract, in a cell."),), ())


def test_read_body_item_without_title_line() -> None:
    lines = ["Old Paper", "Ann Lee, Bo Chen", "Text.", "Sameer Kumar, Yu (Emma) Wang", "", "More."]

    body = read_body(lines, talk=False)

    assert body.items == (
        Item("Old Paper", "Ann Lee, Bo Chen", "Text."),
        Item(None, "Sameer Kumar, Yu (Emma) Wang", "More."),
    )


def test_read_body_abstract_markers_split_items() -> None:
    lines = ["", "Abstract", "First.", "Abstract", "Second.", "", "Abstract:Third."]

    body = read_body(lines, talk=False)

    assert body.items == (
        Item(abstract="First."),
        Item(abstract="Second."),
        Item(abstract="Third."),
    )


def test_read_body_room_lines_give_location_and_split_items() -> None:
    lines = ["[ Exhibit Hall A ]", "[ Exhibit Hall A ]", "First.", "[ Exhibit Hall A ]", "Second."]

    body = read_body(lines, talk=False)

    assert body == Body((Item(abstract="First."), Item(abstract="Second.")), ("Exhibit Hall A",))


def test_read_body_bracketed_words_that_name_no_place_are_no_room() -> None:
    body = read_body(["[Presentations]", "Ana Ruiz"], talk=False)

    assert body.rooms == ()


def test_read_body_talk_title_abstract_bio() -> None:
    lines = [
        "Accelerating Engineering with Machine Learning",
        "Advances in machine learning are having impacts.",
        "Ryan Adams is a machine learning researcher.",
    ]

    body = read_body(lines, talk=True)

    assert body.items == (
        Item("Accelerating Engineering with Machine Learning", None,
             "Advances in machine learning are having impacts.",
             "Ryan Adams is a machine learning researcher."),
    )  # fmt: skip


def test_read_body_wrapped_lines_join_into_one_paragraph() -> None:
    lines = ["Intro", "This tutorial will craft and run an", "online experiment.", "Next one."]

    body = read_body(lines, talk=True)

    assert body.items == (
        Item("Intro", None, "This tutorial will craft and run an online experiment.\nNext one."),
    )


def test_read_body_bio_marker_with_nothing_after_is_ignored() -> None:
    body = read_body(["Modern NLP runs on Transformers.", "Bio :"], talk=True)

    assert body.items == (Item(abstract="Modern NLP runs on Transformers."),)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Yunfeng Lin, Guilin Li, Xing Zhang", True),
        ("Alex Dimakis · Ion Stoica · Alexander Smola", True),
        ("Ettore M. G. Trainiti, Thanapon Noraset", True),
        ("Riyadh Baghdadi, Mohamed-Hicham LEGHETTAS, Karima BENATCHBA", True),
        ("Sameer Kumar, Yu (Emma) Wang, Cliff Young", True),
        ("Ludwig van Beethoven and Ada Lovelace", True),
        ("Characterizing and Taming Model Instability Across Edge Devices", False),
        ("TPU, GPU)-based hardware platforms connected via interconnects (e.g.", False),
        ("We propose a system, and it works.", False),
        ("Giulio Zhou", False),
    ],
    ids=["commas", "middle-dots", "initials", "capitals", "parenthesised", "and-particle",
         "title-with-and", "wrapped-prose", "sentence", "single-name"],
)  # fmt: skip
def test_is_author_line(line: str, expected: bool) -> None:
    assert is_author_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lena Hartmann", True),
        ("Henrike Stolzenau (Marburg):", True),
        ("Prof. Dr. Wendelin Karst,", True),
        ("kuohsin、Yuchen、Moritaka", True),
        ("Yuchen, Arlo Pan", True),
        ("CZYTANKI W MEDIATECE", False),
        ("Designing for the second screen", False),
        ("基調講演", False),
        ("Hacker級贊助：南港數位", False),
    ],
    ids=["one-name", "affiliation-and-colon", "titles-and-comma", "handles-cjk-commas",
         "handle-and-name", "title-in-capitals", "sentence-case-title", "cjk-kind",
         "sponsor-field"],
)  # fmt: skip
def test_names_people(line: str, expected: bool) -> None:
    assert names_people(line) is expected
