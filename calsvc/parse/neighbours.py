"""The lines around a date or time that the layouts read its session's name from: the
nearest plain text above or below, the next line of any kind, and whether a line there is a
session's label and names a kind of session.
"""

from __future__ import annotations

from ..errors import HeaderProblem
from .blocks import State
from .forms import Mention, Undated
from .items import is_author_line
from .labels import GENERIC_KIND, Vocabulary
from .roles import LOOK, MAX_LABEL_WORDS, clean, is_field, looks_like_label, row_title
from .rooms import is_rule


def neighbour(lines: list[str], index: int, step: int, state: State) -> int | None:
    """The nearest non-blank plain-text line within reach above (-1) or below (+1); reach
    is counted in lines, not counting one already read with this one nor blank ones (up to
    2 × LOOK lines in all). Table furniture ('|', '|---|') counts as blank."""
    position, reach = index + step, LOOK
    while 0 <= position < len(lines) and abs(position - index) <= reach:
        if lines[position] and not is_rule(lines[position]):
            if position in state.used:
                if step > 0:  # the second half of a range read with the line above
                    position, reach = position + step, reach + abs(position - index)
                    continue
                return None
            try:
                form = state.read(lines[position])
            except HeaderProblem:  # a header of its own, with a wrong date: no label
                return None
            # (a date among words may be part of a title: 'Terugblik op de middag op 19 mei')
            return position if form is None or isinstance(form, Undated | Mention) else None
        reach = min(reach + 1, 2 * LOOK)  # (a blank line is no distance, up to a point)
        position += step
    return None


def line_above(lines: list[str], index: int) -> int | None:
    """The nearest non-blank line above, within LOOK lines (a bounded look: scanning back to
    the start from every line was quadratic in a page of blank lines)."""
    return next((i for i in range(index - 1, max(index - LOOK, -1), -1) if lines[i].strip()), None)


def neighbour_line(lines: list[str], index: int) -> int | None:
    """The next non-blank line, whatever it holds (table furniture counts as blank)."""
    for position in range(index + 1, min(index + 1 + LOOK, len(lines))):
        if lines[position] and not is_rule(lines[position]):
            return position
    return None


def label_line(line: str, *, below_time: bool = False) -> bool:
    """Whether a line next to a date or time names its session: a label, not a field
    ('Chair: Ana Lee') nor a list of people. Below a time alone it is the title whatever its
    last word, and may read like names if it has no comma ('Workshops and Interest Groups')."""
    text = clean(line)
    if is_field(text):
        return False
    if below_time:  # its first sentence is the title, the rest describes the session
        title = row_title(text)
        return (
            title is not None
            and len(title.split()) <= MAX_LABEL_WORDS
            and ("," not in title or not is_author_line(title))
        )
    return (
        len(text.split()) <= MAX_LABEL_WORDS and looks_like_label(text) and not is_author_line(text)
    )


def names_kind(vocabulary: Vocabulary, label: str) -> bool:
    """Whether a label names a kind of session ('Keynote', 'Exhibit Hall'), not just a title."""
    return vocabulary.read(label, short_is_kind=False).kind != GENERIC_KIND
