"""The CLI run in a child forked from the test process, which already holds the spaCy
model and the knowledge (``warm_process``): a fresh ``python -m diplograph`` spends
seconds of CPU loading them again. Tests that pin the entry point itself still start
one (test_cli, test_dumps)."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable

from diplograph import cli


def forked_cli(args: list[str], prepare: Callable[[], None] | None = None):
    """``diplograph ARGS`` in a forked child (a ``multiprocessing`` process: its
    ``exitcode`` is the command's exit status); ``prepare`` runs in the child first. The
    child leads a process group of its own, with the document workers it forks."""
    def run() -> None:
        os.setpgid(0, 0)
        # pytest's log capture holds the root logger: without it, the CLI's basicConfig
        # logs to stderr as in a fresh process.
        logging.root.handlers.clear()
        if prepare is not None:
            prepare()
        sys.argv = ["diplograph", *args]
        cli.main()

    proc = multiprocessing.get_context("fork").Process(target=run)
    proc.start()
    with contextlib.suppress(OSError):  # set on both sides, whichever runs first
        os.setpgid(proc.pid, proc.pid)
    return proc
