"""What a long command shows on stderr while it runs.

A progress bar (rich, which the CLI framework already brings) with the documents done of
the total, the rate and the time left, and the run's error lines printed *above* the bar
through the same console, so that a line never glues onto a half-drawn bar. Without a
terminal on stderr (a pipe, a log file, CI) there is no bar: the error lines are written
as they are, one per line.
"""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

__all__ = ["RunProgress"]


class RunProgress:
    """A progress bar over ``total`` documents (None: unknown, the bar then counts only).

    Use as a context manager; :meth:`advance_to` moves the bar, :meth:`line` prints one
    message on stderr. ``enabled=False`` (``--quiet``, or stderr is no terminal) draws
    nothing and still prints the lines.
    """

    def __init__(self, total: int | None, *, enabled: bool, what: str = "documents") -> None:
        self.enabled, self.what = enabled, what
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
            TextColumn("elapsed,"), TimeRemainingColumn(), TextColumn("left"),
            TextColumn("{task.fields[extra]}"),
            console=self.console, transient=False, disable=not enabled,
        )
        # Until the first document is done the models are loading (seconds, not a stall).
        self._task = self._progress.add_task("starting", total=total, extra="", rate="")

    def __enter__(self) -> RunProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._progress.stop()

    def advance_to(self, done: int, extra: str = "") -> None:
        """``done`` documents dealt with; ``extra`` is shown after the bar (e.g. events)."""
        task = self._progress.tasks[0]
        total = task.total
        if total is not None and done > total:  # the total was an estimate
            self._progress.update(self._task, total=done)
        speed = task.speed
        rate = f"{speed:.1f}/s" if speed else ""
        self._progress.update(self._task, completed=done, extra=extra, rate=rate,
                              description=self.what)

    def line(self, text: str) -> None:
        """One message on stderr, above the bar when there is one."""
        if self.enabled:
            self.console.print(text, markup=False, highlight=False)
        else:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
