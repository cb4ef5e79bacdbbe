"""The list of heaviest test files that ``--dist loadfile`` hands out first names real files."""

from __future__ import annotations

from pathlib import Path

from heaviest_first import heaviest_files

REPO = Path(__file__).resolve().parent.parent


def test_every_listed_file_is_a_test_file_of_the_suite() -> None:
    listed = heaviest_files()
    assert len(listed) >= 5 and len(set(listed)) == len(listed)
    for path in listed:
        assert (REPO / path).is_file() and path.startswith("tests/"), path
