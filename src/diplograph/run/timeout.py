"""A best-effort time limit with SIGALRM, for code run in this process.

The local engine enforces ``Settings.doc_timeout_s`` by killing a worker
process (:mod:`diplograph.run.workers`); this alarm is what is left where the
work runs in the caller's process (a coder handed to
:func:`~diplograph.run.pipeline.iter_results`, a Ray actor). An alarm raised in
the main thread interrupts Python code but not a long call into C (lxml,
spaCy), which runs to its end first. Off the main thread (or on a platform
without ``SIGALRM``) the limit cannot be enforced and the block just runs.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from diplograph.errors import DiplographError

logger = logging.getLogger(__name__)


class DocumentTimeout(DiplographError):
    """A document took longer than the per-document time limit."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, what: str = "document") -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block if it runs longer than ``seconds``.

    Args:
        seconds: the limit; None or <= 0 means no limit.
        what: named in the error message.

    Raises:
        DocumentTimeout: the block ran out of time.
    """
    if not seconds or seconds <= 0 or not _can_alarm():
        yield
        return

    def _expired(signum, frame):  # type: ignore[no-untyped-def]
        raise DocumentTimeout(f"{what} took longer than the {seconds:g} s limit (doc_timeout_s)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
