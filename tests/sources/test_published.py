"""A replica's copy of the published sources: exactly the newest version's files, written
whole, even with several replicas writing the one folder at once."""

from __future__ import annotations

import threading
from pathlib import Path

from calsvc.sources.published import mirror


def test_the_copy_holds_exactly_the_version_s_files(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("gone", "utf-8")
    (tmp_path / ".hidden").write_text("kept", "utf-8")

    mirror({"a.txt": b"A", "conferences.toml": b"[x]"}, tmp_path)

    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden", "a.txt", "conferences.toml"]


def test_replicas_writing_one_folder_at_once_leave_whole_files(tmp_path: Path) -> None:
    """Two replicas in one process (as in tests and one-machine setups) copy the same
    versions at the same moment: neither fails, and the files are whole."""
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def copy() -> None:
        start.wait()
        for n in range(50):
            try:
                mirror({"a.txt": f"version {n}".encode() * 1000}, tmp_path)
            except OSError as error:
                errors.append(error)

    threads = [threading.Thread(target=copy) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (errors, (tmp_path / "a.txt").read_bytes(), sorted(p.name for p in tmp_path.iterdir())) == (
        [], b"version 49" * 1000, ["a.txt"])  # fmt: skip
