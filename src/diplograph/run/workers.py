"""Worker processes that each load the model once and work on one document at a time.

Why processes and not an alarm in this one: cleaning and parsing spend their
time in C code (lxml, spaCy) that a signal cannot interrupt, and nothing in
a process can bound its own memory without risking a crash half-way through
a write. So every document is cleaned and coded in a worker, and the parent,
which only reads, links and stores, watches it:

- a worker still on its document ``doc_timeout_s`` after receiving it, or
  whose resident memory passes ``doc_memory_mb``, is killed (SIGKILL) and
  replaced by a fresh one; the document becomes one ``DocumentError`` line
  and no other document is touched (each is coded alone, so its events do
  not depend on its neighbours);
- the workers live for the whole ingest and set up once (the pipeline loads the
  model and coder in the parent before forking them, so a worker's setup, and a
  replacement's, only readies it: :func:`~diplograph.run.pipeline.ready_worker`),
  and the clock of a document starts only when a set-up worker starts on it;
- a worker gets its next few small documents while still on one (``queued``),
  so that it goes on working while the parent stores a batch; the clock of a
  queued document starts when the parent receives the outcome of the one before
  (so it can run a little longer than its limit when the parent was busy);
- with ``work_batch``, a worker works on the documents waiting in its pipe
  together (one ``nlp.pipe`` for all: 13-25% less parsing CPU than one call per
  document), so the first one's clock also holds the others' work; when a
  worker with several documents is killed, which one was to blame is not known,
  so each goes back to the queue to be worked on alone, first in line, and only
  a document that fails alone fails;
- results come back in input order whatever order the workers finish in,
  with at most ``window`` documents in flight (memory stays bounded).

Workers are forked (as spaCy's own ``n_process`` does), so they start with
the parent's code, test hooks included.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from threadpoolctl import threadpool_limits

from diplograph.errors import DiplographError, ExitStatus
from diplograph.records import Document, DocumentError

logger = logging.getLogger(__name__)

Item = TypeVar("Item")
# Builds the worker's state once (loads the model); the work function gets it with each task.
Setup = Callable[[], Any]
Work = Callable[[Any, Document], Any]
# The same for several documents at once: one outcome per document, in order.
WorkBatch = Callable[[Any, list[Document]], list[Any]]

_READY = "ready"
_POLL_S = 0.1  # how often the parent looks at the clocks and memory of busy workers
# A worker reads its next document only when done with the one before, so what is sent
# ahead waits in the pipe: kept well under a socket's buffer (208 KB on Linux, 4 bytes a
# character at most), or the parent's send would block while the worker's result waits.
QUEUED_CHARS = 16_000


class WorkerStartError(DiplographError):
    """A worker process could not load what it needs (model, knowledge files).

    Its exit status is the cause's: 2 for a bad file the user gave (``--actors``), 3 when
    the machine failed it (killed while loading, out of memory, a missing model)."""

    def __init__(self, message: str, exit_status: ExitStatus = ExitStatus.ENVIRONMENT) -> None:
        super().__init__(message)
        self.exit_status = exit_status


@dataclass(slots=True)
class Limits:
    """What one document may use: wall seconds and resident MB of its worker (0: no limit)."""

    seconds: float = 0.0
    memory_mb: int = 0


@dataclass(slots=True)
class _Slot(Generic[Item]):
    """One input item in the window: its document to work on (None: nothing to do)
    and, once known, the outcome."""

    item: Item
    document: Document | None
    outcome: Any = None
    done: bool = False
    alone: bool = False  # its worker was killed with others in flight: retried by itself


@dataclass(slots=True)
class _Worker:
    process: Any  # multiprocessing.Process (forked)
    conn: Connection
    ready: bool = False
    # Sent and not yet answered, in order: the worker is on the first, the rest wait.
    slots: deque[_Slot] = field(default_factory=deque)
    started: float = field(default=0.0)  # when the worker started on ``slots[0]``

    def can_take(self, slot: _Slot, queued: int) -> bool:
        """Whether ``slot``'s document may be sent now: at once when idle, else as one of at
        most ``queued`` small documents waiting behind the current one (never with a
        document to be worked on alone)."""
        if not self.slots:
            return True
        if slot.alone or any(s.alone for s in self.slots) or slot.document is None:
            return False
        waiting = sum(len(s.document.content) for s in self.slots if s.document)
        return (len(self.slots) <= queued
                and waiting + len(slot.document.content) <= QUEUED_CHARS)


def _serve(conn: Connection, parents_end: Connection, setup: Setup, work: Work,
           work_batch: WorkBatch | None) -> None:
    """The worker's loop: load once, then one document per message (with ``work_batch``,
    every document already waiting at once) until told to stop, or until the parent is
    gone (killed with -9, it can tell no one)."""
    # The fork copied the parent's end of the pipe: while this process holds it, the pipe
    # never reads as closed, and a worker outlives a killed parent, holding its files open.
    parents_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = setup()
    except Exception as exc:  # reported to the parent, which stops the ingest
        status = exc.exit_status if isinstance(exc, DiplographError) else ExitStatus.ENVIRONMENT
        conn.send(("failed", f"{type(exc).__name__}: {exc}", int(status)))
        return
    conn.send(_READY)
    try:
        while (document := conn.recv()) is not None:
            if work_batch is None:
                conn.send(work(state, document))
                continue
            batch, stop = _gathered(conn, document)
            for outcome in work_batch(state, batch):
                conn.send(outcome)
            if stop:
                return
    except (EOFError, BrokenPipeError):  # the parent died: nobody is waiting for results
        return


def _gathered(conn: Connection, first: Document) -> tuple[list[Document], bool]:
    """``first`` and the documents already waiting in the pipe; True when told to stop."""
    batch = [first]
    while conn.poll(0):
        if (more := conn.recv()) is None:
            return batch, True
        batch.append(more)
    return batch, False


class DocumentWorkers:
    """``processes`` persistent workers running ``work(setup(), document)`` under ``limits``.

    Use as a context manager; :meth:`outcomes` is the ordered stream.
    """

    def __init__(self, setup: Setup, work: Work, *, processes: int, limits: Limits,
                 window: int | None = None, queued: int = 4,
                 work_batch: WorkBatch | None = None) -> None:
        self.setup, self.work, self.limits = setup, work, limits
        self.work_batch = work_batch
        self.processes = max(1, processes)
        self.queued = queued
        self.window = window or (queued + 4) * self.processes
        self.context = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []
        self.queue: deque[_Slot] = deque()

    def __enter__(self) -> DocumentWorkers:
        self.workers = [self._start() for _ in range(self.processes)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker: politely when idle, by force when busy or stuck."""
        for worker in self.workers:
            if not worker.slots and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 5
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers = []

    def outcomes(self, items: Iterable[Item],
                 document_of: Callable[[Item], Document | None]
                 ) -> Iterator[tuple[Item, Any]]:
        """``(item, outcome)`` for each item, in input order. ``document_of(item)`` is the
        document to work on, or None for an item that passes through (outcome None)."""
        window: deque[_Slot] = deque()
        pending = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(window) < self.window:
                item = next(pending, _END)
                if item is _END:
                    exhausted = True
                    break
                window.append(self._slot(item, document_of(item)))
            self._dispatch()
            while window and window[0].done:
                slot = window.popleft()
                yield slot.item, slot.outcome
            if not window and exhausted:
                return
            if window and not window[0].done:
                self._wait()

    def _slot(self, item: Item, document: Document | None) -> _Slot:
        slot = _Slot(item, document, done=document is None)
        if document is not None:
            self.queue.append(slot)
        return slot

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(target=_serve,
                                       args=(child_end, parent_end, self.setup, self.work,
                                             self.work_batch),
                                       daemon=True, name="diplograph-worker")
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def _dispatch(self) -> None:
        """Give queued documents to loaded workers, idle ones first (their clock starts
        now), then a few more to each while it works."""
        ready = [w for w in self.workers if w.ready]
        while self.queue and ready:
            worker = min(ready, key=lambda w: len(w.slots))  # one at a time, in turn
            if not worker.can_take(self.queue[0], self.queued):
                return
            if not worker.slots:
                worker.started = time.monotonic()
            worker.slots.append(self.queue.popleft())
            worker.conn.send(worker.slots[-1].document)

    def _wait(self) -> None:
        """Collect whatever workers have sent (up to ``_POLL_S``), then enforce the limits."""
        conns = {w.conn: w for w in self.workers}
        for conn in wait(list(conns), timeout=_POLL_S):
            self._receive(conns[conn])  # type: ignore[index]
        now = time.monotonic()
        for i, worker in enumerate(self.workers):
            if not worker.slots:
                continue
            reason = self._over_limit(worker, now)
            if reason:
                self.workers[i] = self._replace(worker, reason)

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join()
            if not worker.ready:
                raise WorkerStartError(
                    f"a worker process stopped while loading (exit status "
                    f"{worker.process.exitcode})") from None
            self.workers[self.workers.index(worker)] = self._replace(
                worker, f"its worker process stopped (exit status {worker.process.exitcode})")
            return
        if isinstance(message, tuple) and message[:1] == ("failed",):
            raise WorkerStartError(f"a worker process could not load: {message[1]}",
                                   ExitStatus(message[2]))
        if message == _READY and not worker.ready:
            worker.ready = True
            return
        if worker.slots:
            slot = worker.slots.popleft()
            slot.outcome, slot.done = message, True
            worker.started = time.monotonic()  # it goes straight on to the next one, if any

    def _over_limit(self, worker: _Worker, now: float) -> str | None:
        seconds, memory_mb = self.limits.seconds, self.limits.memory_mb
        if seconds and now - worker.started > seconds:
            return (f"took longer than the {seconds:g} s limit (doc_timeout_s); "
                    "its worker was stopped")
        if memory_mb and resident_mb(worker.process.pid) > memory_mb:
            return (f"needed more than the {memory_mb} MB memory limit (doc_memory_mb); "
                    "its worker was stopped")
        return None

    def _replace(self, worker: _Worker, reason: str) -> _Worker:
        """Kill ``worker``, fail its document with ``reason``, put the documents queued
        behind it back first in line, and start a fresh worker."""
        slot = worker.slots.popleft() if worker.slots else None
        if slot is not None and worker.slots and self.work_batch is not None:
            # Worked on together: any of them may be the one to blame.
            worker.slots.appendleft(slot)
            slot = None
            for retried in worker.slots:
                retried.alone = True
        self.queue.extendleft(reversed(worker.slots))
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        if slot is not None:
            where = slot.document.path or slot.document.doc_id if slot.document else "?"
            slot.outcome, slot.done = DocumentError(doc=where, reason=reason), True
            logger.info("document %s: %s", where, reason)
        return self._start()


_END: Any = object()


def single_threaded_blas() -> None:
    """From now on, NumPy's matrix products in this process use one thread (a worker's
    setup: a worker is one core's work)."""
    threadpool_limits(1, user_api="blas")


def resident_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (0 where /proc is not available)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576
