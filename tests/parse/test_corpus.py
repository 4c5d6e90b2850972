"""The reading corpus: programme texts in the shapes real pages use, each with its expected
sessions in `NAME.expected.json` beside it (how they are matched: `scoring.py`).

Each text is pinned to how the reader reads it now (`corpus/readings.tsv`: sessions
expected, read, found, with the right end and room), so that a change that reads any text
better or worse shows as that text's test, with its misses; `bench/corpus.py --write`
records a better reading in the same commit. The totals are printed with the mean
first-sight F1 of the newest texts (`corpus/first-sight.tsv`): how the reader did on each
text before any change was made for it, the honest estimate of what organisers will see.
What the reader reads must be right: precision at least 0.85, ends and rooms at least 0.95.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from calsvc.model import Conference, Schedule
from calsvc.parse import parse_programme

from ..conftest import REFERENCE
from ..scoring import Score, label, read_table, score_text, texts

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXTS = texts(CORPUS)
FIRST_SIGHT = CORPUS / "first-sight.tsv"
READINGS = CORPUS / "readings.tsv"
NEWEST = 30  # how many of the newest texts the first-sight figure averages
MIN_PRECISION = 0.85  # of the sessions read, the share that are on the page
MIN_ACCURACY = 0.95  # of the sessions found, the share with the right end, and the right room


def read(data: bytes, conference: Conference) -> Schedule:
    return parse_programme(data, conference, reference=REFERENCE)


def first_sight(path: Path = FIRST_SIGHT, newest: int = NEWEST) -> tuple[int, float]:
    """How many first-sight rows the figure averages, and their mean F1 (newest last)."""
    found = read_table(path)
    found.sort(key=lambda row: date.fromisoformat(row["date"]))  # stable: file order in a day
    chosen = found[-newest:]
    return len(chosen), sum(float(row["f1"]) for row in chosen) / max(len(chosen), 1)


def test_first_sight_names_corpus_texts_once() -> None:
    names = [row["text"] for row in read_table(FIRST_SIGHT)]

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


def reading(score: Score) -> dict[str, int]:
    """What readings.tsv records of a text's score."""
    names = ("expected", "read", "found", "ends", "rooms")
    return {name: getattr(score, name) for name in names}


def _readings() -> dict[str, dict[str, int]]:
    return {
        row.pop("text"): {name: int(value) for name, value in row.items()}
        for row in read_table(READINGS)
    }


@pytest.mark.parametrize(
    ("kind", "track", "written"),
    [
        ("☕ Accueil", None, "accueil"),
        ("🟢 Opening", "Room 🔴 2", "opening room 2"),
        ("Session 1", "Soils.", "session 1 soils"),
    ],
    ids=["emoji-before", "emoji-inside", "final-stop"],
)
def test_labels_compare_without_emoji_and_a_final_stop(
    kind: str, track: str | None, written: str
) -> None:
    assert label(kind, track) == written


def test_readings_name_each_corpus_text_once() -> None:
    names = [row["text"] for row in read_table(READINGS)]

    assert sorted(names) == sorted(p.name for p in TEXTS)


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in TEXTS])
def test_corpus_file(text: Path) -> None:
    score = score_text(text, read)
    recorded = _readings().get(text.name)

    assert reading(score) == recorded, (
        f"{text.name} reads differently from readings.tsv ({recorded}); its misses now:\n"
        + "\n".join(score.misses)
        + "\nif it reads better, record it: .venv/bin/python bench/corpus.py --write"
    )


def test_corpus_precision_recall_and_accuracy() -> None:
    total = Score()
    for text in TEXTS:
        total.add(score_text(text, read))
    ends, rooms = total.ends / max(total.found, 1), total.rooms / max(total.found, 1)
    rows, mean = first_sight()
    print(
        f"\n{total.summary(len(TEXTS))}\n"
        f"first sight: mean F1 {mean:.3f} over the newest {rows} texts, each read before "
        "any change was made for it"
    )

    assert total.precision >= MIN_PRECISION, f"precision {total.precision:.3f}"
    assert ends >= MIN_ACCURACY, f"end accuracy {ends:.3f} is below {MIN_ACCURACY}"
    assert rooms >= MIN_ACCURACY, f"room accuracy {rooms:.3f} is below {MIN_ACCURACY}"
