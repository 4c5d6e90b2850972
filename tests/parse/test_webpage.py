"""Saved web pages → lines of text: one row per form a page takes, with ids."""

from __future__ import annotations

import pytest

from calsvc.parse.text import decode
from calsvc.parse.webpage import looks_like_html, page_text

PAGE = "<!doctype html><html><body>{}</body></html>"


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        pytest.param("<h2>Tue 6 Jun</h2><p>Poster: A <b>B</b></p>", ["Tue 6 Jun", "Poster: A B"], id="blocks-and-inline"),
        pytest.param("<p>09:00<br>Keynote</p>", ["09:00", "Keynote"], id="line-break"),
        pytest.param("<table><tr><td>09:00<td>Talk<td>Room 1</table>", ["09:00 | Talk | Room 1"], id="row-cells-unclosed"),
        pytest.param("<table><tr><td>10:00<td>Coffee<td></table>", ["10:00 | Coffee |"], id="row-empty-cell"),
        pytest.param("<table><tr><td>11:00<td>Session 1<br><i>chair: X</i></table>", ["11:00 | Session 1", "chair: X"], id="row-cell-lines"),
        pytest.param("<table><tr><th>9:00am<td><p>Theme 1:</p><p>Drift</p><p>Chair: X</p></table>", ["9:00am | Theme 1: Drift", "Chair: X"], id="row-cell-label-and-value"),
        pytest.param("<ul><li>09:00 Opening<li>09:15 Talk</ul>", ["09:00 Opening", "09:15 Talk"], id="list-items"),
        pytest.param("<dl><dt>9:00 AM<dd>Opening</dl>", ["9:00 AM", "Opening"], id="definition-list"),
        pytest.param("<script>var d='Tue 6 Jun 09:00';</script><p>x</p>", ["x"], id="script-dropped"),
        pytest.param("<style>p{}</style><noscript>Tue 6 Jun</noscript><p>x</p>", ["x"], id="style-noscript-dropped"),
        pytest.param("<nav><a>Tue 6 Jun</a></nav><p>x</p>", ["x"], id="nav-dropped"),
        pytest.param('<ul role="tablist"><li>Tue 6 Jun<li>Wed 7 Jun</ul><p>x</p>', ["x"], id="day-tabs-dropped"),
        pytest.param("<select><option>Tue 6 Jun</select><button>Wed 7 Jun</button><p>x</p>", ["x"], id="form-controls-dropped"),
        pytest.param('<div hidden>Tue 6 Jun</div><div aria-hidden="true">y</div><p>x</p>', ["x"], id="hidden-dropped"),
        pytest.param("<pre>09:00  Opening\n09:15  Talk</pre>", ["09:00  Opening", "09:15  Talk"], id="pre-keeps-lines"),
        pytest.param("<p>a\n   b&nbsp;c &amp; d</p>", ["a b c & d"], id="spaces-and-entities"),
    ],
)  # fmt: skip
def test_page_text(body: str, lines: list[str]) -> None:
    assert page_text(PAGE.format(body).encode()).decode().split("\n") == lines


@pytest.mark.parametrize(
    ("data", "text"),
    [
        pytest.param('<html><meta charset="windows-1252"><p>Caf\xe9 \x93x\x94'.encode("latin-1"), "Café “x”", id="meta-charset-1252"),
        pytest.param(b"<html><p>Caf\xe9", "Café", id="undeclared-not-utf8"),
        pytest.param('<html><meta charset="iso-8859-1"><p>\x93q\x94'.encode("latin-1"), "“q”", id="latin1-read-as-1252"),
        pytest.param("\ufeff<html><p>Zoë".encode(), "Zoë", id="utf8-bom"),
    ],
)  # fmt: skip
def test_page_encodings(data: bytes, text: str) -> None:
    assert page_text(data).decode() == text


@pytest.mark.slow
def test_deeply_nested_markup_is_read_without_recursion() -> None:
    data = ("<html><body>" + "<div>" * 20_000 + "Tue 6 Jun 09:00 Keynote").encode()
    assert page_text(data).decode() == "Tue 6 Jun 09:00 Keynote"


@pytest.mark.parametrize(
    ("data", "html"),
    [
        pytest.param(b"<!DOCTYPE html>\n<html>", True, id="doctype"),
        pytest.param(b"\n  <html lang=en>", True, id="html-tag"),
        pytest.param(b"<!-- saved -->\n<html>", True, id="comment-first"),
        pytest.param(b"Poster: <b>A</b> Tue 6 Jun 09:00", False, id="text-with-a-tag"),
        pytest.param(b"| Time | Session |", False, id="markdown-table"),
    ],
)
def test_looks_like_html(data: bytes, html: bool) -> None:
    assert looks_like_html(data) is html


def test_html_table_in_markdown_is_read_as_the_page_shows_it() -> None:
    text = "# Schedule\n<table>\n  <tr>\n    <th>8:00am</th>\n    <td>Welcome</td>\n  </tr>\n</table>\nEnd"

    lines, notes = decode(text.encode(), "s.md")

    assert lines == ["# Schedule", "8:00am | Welcome", "", "", "", "", "", "End"]
    assert [(n.line, n.code) for n in notes] == [(2, "html-table")]


def test_a_tab_separated_row_keeps_its_empty_edge_cells() -> None:
    lines, _ = decode(b"  \tMon 9.5\tTue 10.5 \n\t09:00 Talk  \n", "s.txt")

    assert lines == ["\tMon 9.5\tTue 10.5", "09:00 Talk", ""]


@pytest.mark.parametrize(
    ("line", "parted"),
    [
        pytest.param("17.0019.00Registration", "17.00–19.00 Registration", id="two-times-and-a-title"),
        pytest.param("19:30Óvások", "19:30 Óvások", id="a-time-and-a-title"),
        pytest.param("10.00 Talk", "10.00 Talk", id="spaced-left"),
        pytest.param("2024.05.06", "2024.05.06", id="a-date-left"),
    ],
)  # fmt: skip
def test_times_glued_to_a_title_are_parted(line: str, parted: str) -> None:
    lines, _ = decode(line.encode(), "s.txt")

    assert lines == [parted]
