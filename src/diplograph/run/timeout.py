"""A per-document time limit (``Settings.doc_timeout_s``), enforced with SIGALRM.

Cleaning and coding are pure Python plus C extensions that return to the
interpreter often, so an alarm raised in the main thread interrupts a runaway
document and the batch goes on. Off the main thread (or on a platform without
``SIGALRM``) the limit cannot be enforced and the block just runs.
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
