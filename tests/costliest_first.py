"""``--dist loadfile`` with the test files handed out costliest first, by measured cost.

A worker asks for its next file when two tests or fewer of its files are left, so handing
out every file in decreasing cost is list scheduling by the longest-processing-time rule:
the minute-long files start first and spread over the workers, and the many files of a
second or less fill in at the end, so the workers finish within about one small file of
each other. xdist's own order (most tests first) left the one-test files of a minute for
the end; the last round's list of the twelve heaviest files put them first but kept
xdist's order for the rest, which still left one worker 60 s behind the other.

The costs are tests/file_costs.txt: wall seconds per file in a whole `make test` (how they
were measured is in docs/benchmarks.md, "Test time, sixth round"). Wall, not CPU: a file
that waits on Chromium, the Ray cluster or its subprocesses holds its worker for its wall
time however little CPU its own process uses. A file not listed there costs the mean of the
listed ones, so a new file is neither first nor last.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from xdist.scheduler import LoadFileScheduling

COSTS = Path(__file__).with_name("file_costs.txt")


def file_costs() -> dict[str, float]:
    """Seconds per test file (path from the repository root) from tests/file_costs.txt."""
    costs = {}
    for line in COSTS.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if fields:
            path, seconds = fields
            costs[path] = float(seconds)
    return costs


def costliest_first(paths: Iterable[str], costs: dict[str, float]) -> list[str]:
    """``paths`` in decreasing cost; an unlisted path costs the mean of ``costs``. The sort
    is stable, so files of equal cost keep the order they came in."""
    default = sum(costs.values()) / len(costs) if costs else 0.0
    return sorted(paths, key=lambda path: -costs.get(path, default))


class CostliestFirstScheduling(LoadFileScheduling):
    """LoadFileScheduling whose queue of files is in decreasing cost (``file_costs()``)."""

    def _assign_work_unit(self, node) -> None:  # type: ignore[no-untyped-def]
        if not getattr(self, "_costliest_first", False):
            # The first assignment comes right after schedule() has filled the queue.
            for path in costliest_first(list(self.workqueue), file_costs()):
                self.workqueue.move_to_end(path)
            self._costliest_first = True
        super()._assign_work_unit(node)
