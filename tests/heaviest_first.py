"""``--dist loadfile`` with the costliest test files handed out first.

xdist queues the files by their number of tests, most first, so the files of one or two
long tests (the actor-table floors, the kill-and-resume, the Ray equivalence) came last,
and the run ended with one worker busy for a minute while the other had finished. With
the longest first (the longest-processing-time rule), the many small files fill in at the
end and both workers finish close together. The list, heaviest first, is
tests/heaviest_files.txt (CPU seconds per file in docs/benchmarks.md, "Test time, third
round"); files not in it keep xdist's order, after these.
"""

from __future__ import annotations

from pathlib import Path

from xdist.scheduler import LoadFileScheduling

HEAVIEST = Path(__file__).with_name("heaviest_files.txt")


def heaviest_files() -> list[str]:
    """The file paths (from the repository root) in tests/heaviest_files.txt, heaviest first."""
    lines = HEAVIEST.read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


class HeaviestFirstScheduling(LoadFileScheduling):
    """LoadFileScheduling whose queue starts with the files of ``heaviest_files()``."""

    def _assign_work_unit(self, node) -> None:  # type: ignore[no-untyped-def]
        if not getattr(self, "_heaviest_first", False):
            # The first assignment comes right after schedule() has filled the queue.
            for path in reversed(heaviest_files()):
                if path in self.workqueue:
                    self.workqueue.move_to_end(path, last=False)
            self._heaviest_first = True
        super()._assign_work_unit(node)
