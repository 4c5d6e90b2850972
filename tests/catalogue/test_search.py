"""Keyword search gives exactly the entries whose text holds every word, however it looks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calsvc.catalogue.search import MOST_WORDS, Search

LETTERS = st.sampled_from(list("abcé_1 -+\n"))
TEXTS = st.lists(st.text(LETTERS, max_size=40).map(str.casefold), max_size=12)
WORDS = st.lists(st.text(LETTERS, min_size=1, max_size=4).map(str.casefold), min_size=1, max_size=3)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(texts=TEXTS, words=WORDS)
def test_search_equals_substring_test_of_every_word(texts: list[str], words: list[str]) -> None:
    expected = {i for i, text in enumerate(texts) if all(word in text for word in words)}

    assert Search(texts).containing_all(words) == expected


def test_search_answers_from_words_or_from_the_text() -> None:
    texts = ["graph neural networks", "subgraph matching", "c++ templates", "neural nets"]
    many = [" ".join(f"e{n}" for n in range(MOST_WORDS + 5))]
    search, crowded = Search(texts), Search(many + texts)

    assert [
        search.containing_all(["graph"]),
        search.containing_all(["neural", "net"]),
        search.containing_all(["c++"]),
        search.containing_all(["graph", "nowhere"]),
        crowded.containing_all(["e"]),
    ] == [{0, 1}, {0, 3}, {2}, set(), {0, 1, 3, 4}]
