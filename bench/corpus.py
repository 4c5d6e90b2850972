"""How the reader reads the corpus now, beside how it read each text at first sight.

    .venv/bin/python bench/corpus.py            # print the figures, and each text that differs
    .venv/bin/python bench/corpus.py --write    # and record them in tests/corpus/readings.tsv

The corpus test pins every text to its row in `readings.tsv` (sessions expected, read,
found, ends and rooms right): a change that reads a text better or worse shows there, and
`--write` records it in the same commit. The first-sight figure is the mean F1 of the
newest 30 rows of `first-sight.tsv`, each text read before any change was made for it: the
honest estimate of what an organiser's page gets.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.parse.test_corpus import CORPUS, READINGS, first_sight, read, reading  # noqa: E402
from tests.scoring import Score, read_table, score_text, texts, write_table  # noqa: E402

FIELDS = ["text", "expected", "read", "found", "ends", "rooms"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="record tests/corpus/readings.tsv")
    arguments = parser.parse_args()
    recorded = {row["text"]: row for row in read_table(READINGS)}
    rows, total = [], Score()
    for text in texts(CORPUS):
        score = score_text(text, read)
        total.add(score)
        row = {"text": text.name, **{name: str(value) for name, value in reading(score).items()}}
        rows.append(row)
        if recorded.get(text.name) != row:
            was = recorded.get(text.name)
            print(f"{text.name}: F1 {score.f1:.3f} (was {_f1(was) if was else 'not recorded'})")
    newest, mean = first_sight()
    print(
        f"{total.summary(len(rows))}\n"
        f"first sight: mean F1 {mean:.3f} over the newest {newest} texts"
    )
    if arguments.write:
        write_table(READINGS, FIELDS, rows)


def _f1(row: dict[str, str]) -> str:
    score = Score(*(int(row[name]) for name in FIELDS[1:]))
    return f"{score.f1:.3f}"


if __name__ == "__main__":
    main()
