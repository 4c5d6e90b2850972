"""Tables copied one cell to a line, each cell closed by a line holding only '|'."""

from __future__ import annotations

import pytest

from calsvc.parse.celllines import join_cell_lines

BOARD = ["시 간", "|", "내 용", "|", "비 고", "|", "|"]
ROW = ["13:30~14:00", "|", "30’", "|", "◦ 접수", "|", "|"]
CELL_LINES = ["14:00~14:20", "|", "20’", "|", "◦ 개회식", "- 개회선언", "|", "|"]
EMPTY_CELL = ["17:30~", "|", "|", "◦ 만찬", "|", "|"]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        pytest.param(
            [*BOARD, *ROW, *ROW],
            ["시 간 | 내 용 | 비 고", "13:30~14:00 | 30’ | ◦ 접수", "13:30~14:00 | 30’ | ◦ 접수"]
            + [""] * 18,
            id="header-sets-the-width",
        ),
        pytest.param(
            ["a", "|", "b", "|", "c", "|", "|", *ROW, *CELL_LINES, *EMPTY_CELL, "after"],
            ["a | b | c", "13:30~14:00 | 30’ | ◦ 접수", "14:00~14:20 | 20’ | ◦ 개회식", "- 개회선언"]
            + ["17:30~ |  | ◦ 만찬"]
            + [""] * 23
            + ["after"],
            id="a-cell-of-two-lines-and-an-empty-cell",
        ),
        pytest.param(
            ["Sunday |", "|", "4:00 pm - |", "6:00 pm |", "Badge |", "|"],
            ["Sunday |", "|", "4:00 pm - |", "6:00 pm |", "Badge |", "|"],
            id="cells-closed-on-their-own-lines-are-left",
        ),
        pytest.param(["a", "|", "b", "|", "|", "text"], ["a", "|", "b", "|", "|", "text"], id="a-header-alone-is-no-table"),
    ],
)  # fmt: skip
def test_join_cell_lines(lines: list[str], joined: list[str]) -> None:
    assert join_cell_lines(list(lines)) == joined
