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
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calsvc.parse import parse_programme  # noqa: E402
from tests.conftest import REFERENCE  # noqa: E402
from tests.parse.test_corpus import CORPUS, READINGS, first_sight, reading  # noqa: E402
from tests.scoring import Score, score_text, texts  # noqa: E402

FIELDS = ["text", "expected", "read", "found", "ends", "rooms"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="record tests/corpus/readings.tsv")
    arguments = parser.parse_args()
    recorded = _recorded()
    rows, total = [], Score()
    for text in texts(CORPUS):
        score = score_text(
            text, lambda data, conference: parse_programme(data, conference, reference=REFERENCE)
        )
        total.add(score)
        row = {"text": text.name, **{name: str(value) for name, value in reading(score).items()}}
        rows.append(row)
        if recorded.get(text.name) != row:
            was = recorded.get(text.name)
            print(f"{text.name}: F1 {score.f1:.3f} (was {_f1(was) if was else 'not recorded'})")
    ends, rooms = total.ends / max(total.found, 1), total.rooms / max(total.found, 1)
    newest, mean = first_sight()
    print(
        f"corpus: {len(rows)} texts, {total.expected} sessions expected, {total.read} read; "
        f"precision {total.precision:.3f}, recall {total.recall:.3f}, F1 {total.f1:.3f}; "
        f"end accuracy {ends:.3f}, room accuracy {rooms:.3f}\n"
        f"first sight: mean F1 {mean:.3f} over the newest {newest} texts"
    )
    if arguments.write:
        partial = READINGS.with_suffix(".tsv.partial")
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, FIELDS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        partial.replace(READINGS)


def _recorded() -> dict[str, dict[str, str]]:
    if not READINGS.exists():
        return {}
    with READINGS.open(encoding="utf-8", newline="") as handle:
        return {row["text"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _f1(row: dict[str, str]) -> str:
    score = Score(*(int(row[name]) for name in FIELDS[1:]))
    return f"{score.f1:.3f}"


if __name__ == "__main__":
    main()
