"""The reading corpus: programme texts in the shapes real pages use, each with its expected
sessions in `NAME.expected.json` beside it (how they are matched: `scoring.py`).

The figures are printed, and the test fails below F1 0.98 or end/room accuracy 0.95. Each
file is also a test of its own, listing its misses. Beside them the test prints the mean
first-sight F1 of the newest texts (`corpus/first-sight.tsv`): how the reader did on each
text before any change was made for it, the honest estimate of what organisers will see.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from calsvc.model import Conference, Schedule
from calsvc.parse import parse_programme

from .conftest import REFERENCE
from .scoring import Score, score_text, texts

CORPUS = Path(__file__).parent / "corpus"
TEXTS = texts(CORPUS)
FIRST_SIGHT = CORPUS / "first-sight.tsv"
NEWEST = 30  # how many of the newest texts the first-sight figure averages


def read(data: bytes, conference: Conference) -> Schedule:
    return parse_programme(data, conference, reference=REFERENCE)


def first_sight(path: Path = FIRST_SIGHT, newest: int = NEWEST) -> tuple[int, float]:
    """How many first-sight rows the figure averages, and their mean F1 (newest last)."""
    with path.open(encoding="utf-8", newline="") as rows:
        found = list(csv.DictReader(rows, delimiter="\t"))
    found.sort(key=lambda row: date.fromisoformat(row["date"]))  # stable: file order in a day
    chosen = found[-newest:]
    return len(chosen), sum(float(row["f1"]) for row in chosen) / max(len(chosen), 1)


def test_first_sight_names_corpus_texts_once() -> None:
    with FIRST_SIGHT.open(encoding="utf-8", newline="") as rows:
        names = [row["text"] for row in csv.DictReader(rows, delimiter="\t")]

    assert [name for name, count in Counter(names).items() if count > 1] == []
    assert sorted(set(names) - {p.name for p in TEXTS}) == []


def test_first_sight_mean_is_over_the_newest_rows(tmp_path: Path) -> None:
    table = tmp_path / "first-sight.tsv"
    table.write_text(
        "text\tdate\texpected\tf1\tcommit\n"
        "c.txt\t2026-12-07\t4\t0.50\tabc\n"
        "a.txt\t2026-12-01\t3\t0.10\tabc\n"
        "b.txt\t2026-12-06\t5\t1.00\tabc\n",
        encoding="utf-8",
    )

    assert first_sight(table, newest=2) == (2, 0.75)


def test_corpus_has_the_shapes_the_issue_names() -> None:
    layouts = Counter(p.name.split("-", 1)[0] for p in TEXTS)

    assert len(TEXTS) >= 20, f"{len(TEXTS)} texts; the corpus needs at least 20"
    assert layouts["agenda"] >= 6, f"{layouts['agenda']} agenda texts; it needs at least 6"


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in TEXTS])
def test_corpus_file(text: Path) -> None:
    assert score_text(text, read).misses == []


def test_corpus_precision_recall_and_accuracy() -> None:
    total = Score()
    for text in TEXTS:
        total.add(score_text(text, read))
    ends, rooms = total.ends / max(total.found, 1), total.rooms / max(total.found, 1)
    rows, mean = first_sight()
    print(
        f"\ncorpus: {len(TEXTS)} texts, {total.expected} sessions expected, {total.read} read; "
        f"precision {total.precision:.3f}, recall {total.recall:.3f}, F1 {total.f1:.3f}; "
        f"end accuracy {ends:.3f}, room accuracy {rooms:.3f}\n"
        f"first sight: mean F1 {mean:.3f} over the newest {rows} texts, each read before "
        "any change was made for it"
    )

    assert total.f1 >= 0.98, f"F1 {total.f1:.3f} is below 0.98"
    assert ends >= 0.95, f"end accuracy {ends:.3f} is below 0.95"
    assert rooms >= 0.95, f"room accuracy {rooms:.3f} is below 0.95"
