"""The cost table that ``--dist loadfile`` orders the test files by, and the order it gives."""

from __future__ import annotations

from pathlib import Path

from costliest_first import costliest_first, file_costs

REPO = Path(__file__).resolve().parent.parent


def test_every_listed_file_is_a_test_file_of_the_suite_with_a_cost() -> None:
    costs = file_costs()
    assert len(costs) >= 5
    for path, seconds in costs.items():
        assert (REPO / path).is_file() and path.startswith("tests/"), path
        assert seconds > 0, path


def test_files_go_out_costliest_first_and_an_unlisted_one_at_the_mean() -> None:
    costs = {"tests/a.py": 2.0, "tests/b.py": 60.0, "tests/c.py": 10.0, "tests/d.py": 0.5}
    queue = ["tests/a.py", "tests/new.py", "tests/d.py", "tests/b.py", "tests/c.py"]
    # The mean is 18.125 s: the new file goes between the 60 s and the 10 s one.
    assert costliest_first(queue, costs) == [
        "tests/b.py", "tests/new.py", "tests/c.py", "tests/a.py", "tests/d.py"]


def test_files_of_equal_cost_keep_the_order_they_came_in() -> None:
    costs = {"tests/x.py": 1.0, "tests/y.py": 1.0}
    assert costliest_first(["tests/y.py", "tests/x.py"], costs) == ["tests/y.py", "tests/x.py"]
    assert costliest_first(["tests/x.py", "tests/y.py"], {}) == ["tests/x.py", "tests/y.py"]
