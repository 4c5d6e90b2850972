"""How the reader does on corpus texts it has never seen, recorded before any change for them.

    .venv/bin/python bench/first_sight.py tests/corpus/NAME.txt …            # score, print
    .venv/bin/python bench/first_sight.py --record tests/corpus/NAME.txt …   # and record
    .venv/bin/python bench/first_sight.py --code /tmp/frozen --record …     # another checkout

Run it on a new text before changing any code for it: `--record` appends the text's
first-sight F1 to `tests/corpus/first-sight.tsv` with the date and the commit of the reader
that read it, and refuses a text that has a row already (a first sight is had once) or a
reader with uncommitted changes (the row must name the code that made it). `--relabel`
replaces a row after a labelling mistake is fixed, only when read by the same commit.
Without a text, it prints the mean first-sight F1 of the newest 30 rows.
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "corpus" / "first-sight.tsv"
FIELDS = ["text", "date", "expected", "f1", "commit"]


def _commit(code: Path) -> str:
    """The reader's commit; uncommitted changes to it make a first sight unrecordable."""
    dirty = subprocess.run(
        ["git", "-C", str(code), "status", "--porcelain", "--", "calsvc"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if dirty.strip():
        raise SystemExit(f"{code}/calsvc has uncommitted changes; commit or use --code")
    return subprocess.run(
        ["git", "-C", str(code), "rev-parse", "--short=12", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _rows() -> list[dict[str, str]]:
    if not TABLE.exists():
        return []
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _write(rows: list[dict[str, str]]) -> None:
    partial = TABLE.with_suffix(".tsv.partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(TABLE)


def record(name: str, expected: int, f1: float, commit: str, *, relabel: bool) -> None:
    with (ROOT / "tests" / "corpus" / ".first-sight.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # helpers may record at once
        rows = _rows()
        old = next((row for row in rows if row["text"] == name), None)
        row = {"text": name, "date": date.today().isoformat(), "expected": str(expected)}
        row |= {"f1": f"{f1:.3f}", "commit": commit}
        if old is None and relabel:
            raise SystemExit(f"{name} has no first-sight row to relabel")
        if old is not None and not relabel:
            raise SystemExit(f"{name} was first read on {old['date']} (F1 {old['f1']}); kept")
        if old is not None:
            if old["commit"] != commit:
                raise SystemExit(f"{name} was first read by {old['commit']}, not {commit}")
            rows[rows.index(old)] = row | {"date": old["date"]}
        else:
            rows.append(row)
        _write(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="*", type=Path)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose reader reads")
    parser.add_argument("--record", action="store_true", help="append to first-sight.tsv")
    parser.add_argument("--relabel", action="store_true", help="replace a row, same commit")
    arguments = parser.parse_args()
    sys.path[:0] = [str(arguments.code.resolve()), str(ROOT)]

    from calsvc.parse import parse_programme
    from tests.conftest import REFERENCE
    from tests.parse.test_corpus import first_sight
    from tests.scoring import score_text

    if not arguments.texts:
        rows, mean = first_sight()
        print(f"first sight: mean F1 {mean:.3f} over the newest {rows} texts")
        return
    commit = _commit(arguments.code) if arguments.record or arguments.relabel else ""
    for text in arguments.texts:
        score = score_text(
            text, lambda data, conference: parse_programme(data, conference, reference=REFERENCE)
        )
        print(
            f"{text.name}: {score.expected} expected, {score.read} read, {score.found} found; "
            f"precision {score.precision:.3f}, recall {score.recall:.3f}, F1 {score.f1:.3f}"
        )
        for miss in score.misses:
            print(f"    {miss}")
        if commit:
            record(text.name, score.expected, score.f1, commit, relabel=arguments.relabel)


if __name__ == "__main__":
    main()
