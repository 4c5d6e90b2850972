"""The plain text of an event: papers told apart, bounded in size."""

from __future__ import annotations

import pytest

from calsvc.ics.description import MAX_CHARS, describe, paper_label
from calsvc.model import Conference, Item, Session

CONFERENCE = Conference(slug="c", name="Conf 2024", timezone="UTC", source="c.txt")


def _session(items: tuple[Item, ...], kind: str = "Poster") -> Session:
    return Session(uid="u", source="c.txt", line=1, conference="c", kind=kind, track="Systems", title=f"{kind}: Systems", day=None,
                   start=None, end=None, end_inferred=False, timezone="UTC", location=None, items=items)  # fmt: skip


@pytest.mark.parametrize(
    ("item", "label"),
    [
        (Item(title="Cortex: A Compiler"), "Cortex: A Compiler"),
        (Item(abstract="To help, we propose Hotline, a novel profiler for training."), "Hotline (untitled; from its abstract)"),
        (Item(abstract="This paper proposes TyXe, a library."), "TyXe (untitled; from its abstract)"),
        (Item(abstract="We study the problem of efficient generative inference for Transformer models, in one setting."),
         "“We study the problem of efficient generative inference for Transformer…”"),
        (Item(abstract="Short one."), "“Short one.”"),
        (Item(authors="Ann Lee, Bo Chen"), "(untitled)"),
    ],
    ids=["title", "system-proposed", "system-this-paper", "first-words", "short-abstract", "nothing"],
)  # fmt: skip
def test_paper_label(item: Item, label: str) -> None:
    assert paper_label(item) == label


def test_describe_lists_papers_with_authors() -> None:
    session = _session(
        (Item("A Paper", "Ann Lee, Bo Chen", "Text."), Item(abstract="We present Zed, a tool."))
    )

    assert describe(session, CONFERENCE) == (
        "Conf 2024 · Poster · Systems\nTime not announced: check the programme.\n\n2 papers:\n"
        "1. A Paper — Ann Lee, Bo Chen\n2. Zed (untitled; from its abstract)"
    )


def test_describe_is_bounded_however_many_papers() -> None:
    session = _session(tuple(Item(title="T" * 300, authors="A" * 300) for _ in range(500)))

    text = describe(session, CONFERENCE)

    assert (len(text), text[-3:]) == (MAX_CHARS, "AA…")
