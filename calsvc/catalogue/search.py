"""Keyword search over sessions: which entries hold every word of a query, as substrings.

Built once with the catalogue. Every session's text (title, papers, authors, abstracts,
casefolded) is kept, and each distinct word in them has the list of entries it appears in.
A query word made of word characters lies inside some word of a text whenever the text
holds it, so it is answered from the words that contain it: a pass over the list of
distinct words, then their entries. Other query words ('c++'), and ones that many distinct
words contain ('e'), ask each text in turn, which stops at the first hit. Either way a word
costs at most about one pass over the text, and a query at most ten words.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from ..model import Session

_WORD = re.compile(r"\w+")
# Past this many distinct words containing the query word, one pass over the text is cheaper.
MOST_WORDS = 64


class Search:
    """An immutable index of the entries' texts, safe to share between threads."""

    def __init__(self, texts: Sequence[str]) -> None:
        postings: dict[str, array[int]] = {}
        for position, text in enumerate(texts):
            for word in set(_WORD.findall(text)):
                entries = postings.get(word)
                if entries is None:
                    postings[word] = entries = array("i")
                entries.append(position)
        self._texts = list(texts)
        self._words = sorted(postings)
        self._word_starts = []
        offset = 0
        for word in self._words:
            self._word_starts.append(offset)
            offset += len(word) + 1
        self._vocabulary = "\0".join(self._words)
        self._postings = [postings[word] for word in self._words]

    def containing_all(self, words: Sequence[str]) -> set[int]:
        """Entries holding every word: the longest (rarest) first, the rest looked for only in
        those entries once they are few, so a word found nowhere ends the search at once."""
        ordered = sorted(words, key=len, reverse=True)
        found = self._containing(ordered[0])
        for word in ordered[1:]:
            if not found:
                break
            if len(found) * 8 < len(self._texts):
                texts = self._texts
                found = {i for i in found if word in texts[i]}
            else:
                found &= self._containing(word)
        return found

    def _containing(self, word: str) -> set[int]:
        if _WORD.fullmatch(word):
            holders = self._words_containing(word)
            if holders is not None:
                found: set[int] = set()
                for index in holders:
                    found.update(self._postings[index])
                return found
        return self._scan(word)

    def _words_containing(self, word: str) -> list[int] | None:
        """The distinct words that contain `word`, or None when there are too many."""
        holders: list[int] = []
        vocabulary, starts = self._vocabulary, self._word_starts
        at = vocabulary.find(word)
        while at != -1:
            index = bisect_right(starts, at) - 1
            holders.append(index)
            if len(holders) > MOST_WORDS:
                return None
            if index + 1 == len(starts):
                break
            at = vocabulary.find(word, starts[index + 1])
        return holders

    def _scan(self, word: str) -> set[int]:
        """Every text asked in turn; each stops at its first hit."""
        return {position for position, text in enumerate(self._texts) if word in text}


def search_text(session: Session) -> str:
    """What a keyword is looked for in: the title, and each paper's title, authors, abstract."""
    parts = [session.title]
    for item in session.items:
        parts += [item.title or "", item.authors or "", item.abstract or ""]
    return "\n".join(parts).casefold()


def search_of(sessions: Iterable[Session]) -> Search:
    """The search index of sessions, in this order."""
    return Search([search_text(s) for s in sessions])
