"""The worker pool: persistent processes, results in input order, and a per-document limit
that kills the worker (time or memory) without touching the other documents."""

from __future__ import annotations

import os
import time

import numpy  # noqa: F401 - loads the BLAS library whose threads are limited
import pytest
from threadpoolctl import threadpool_info

from diplograph.errors import ExitStatus, KnowledgeError
from diplograph.records import Document, DocumentError
from diplograph.run.workers import (
    QUEUED_CHARS,
    DocumentWorkers,
    Limits,
    WorkerStartError,
    resident_mb,
    single_threaded_blas,
)


def _doc(content: str) -> Document:
    return Document(doc_id=content, kind="text", content=content, content_hash=content,
                    path=f"{content}.txt")


def _loaded() -> dict:
    return {"pid": os.getpid()}


def _shout(state: dict, doc: Document) -> tuple[int, str]:
    """The test work: 'slow' sleeps, 'hog' fills memory, 'crash' dies, the rest is upper-cased
    (with the worker's pid, to see that workers are reused)."""
    if doc.content == "slow":
        time.sleep(60)
    if doc.content == "hog":
        held = [b"x" * (50 << 20) for _ in range(40)]  # up to 2 GB, touched page by page
        time.sleep(60)
        return len(held), "hog"
    if doc.content == "crash":
        os._exit(3)
    return state["pid"], doc.content.upper()


def _run(contents: list[str | None], limits: Limits, processes: int = 2) -> list:
    """Outcomes, in order; ``None`` stands for an item that passes through the pool."""
    with DocumentWorkers(_loaded, _shout, processes=processes, limits=limits) as workers:
        return [outcome for _, outcome in workers.outcomes(
            contents, lambda c: _doc(c) if c is not None else None)]


def test_outcomes_come_in_input_order_from_workers_loaded_once():
    contents = [f"story {i}" for i in range(30)]
    contents.insert(7, None)
    outcomes = _run(contents, Limits())
    assert [o[1] if o else None for o in outcomes] == [c.upper() if c else None
                                                       for c in contents]
    pids = {o[0] for o in outcomes if o}
    assert len(pids) <= 2 and os.getpid() not in pids


@pytest.mark.parametrize("processes", [1, 2])  # with one, "after" and "last" wait behind "slow"
def test_a_slow_document_is_stopped_at_its_limit_and_the_others_go_on(processes: int):
    started = time.monotonic()
    outcomes = _run(["before", "slow", "after", "last"], Limits(seconds=1.5), processes)
    elapsed = time.monotonic() - started
    assert [o[1] for o in outcomes if not isinstance(o, DocumentError)] == [
        "BEFORE", "AFTER", "LAST"]
    error = outcomes[1]
    assert isinstance(error, DocumentError) and error.doc == "slow.txt"
    assert "1.5 s limit (doc_timeout_s)" in error.reason and "\n" not in error.line()
    assert elapsed < 10


def test_a_document_over_the_memory_limit_is_stopped():
    limit = int(resident_mb(os.getpid())) + 400  # a forked worker starts near the parent's size
    outcomes = _run(["one", "hog", "two"], Limits(memory_mb=limit), processes=1)
    assert isinstance(outcomes[1], DocumentError)
    assert f"{limit} MB memory limit (doc_memory_mb)" in outcomes[1].reason
    assert [o[1] for o in (outcomes[0], outcomes[2])] == ["ONE", "TWO"]


def test_a_worker_that_dies_fails_its_document_only():
    outcomes = _run(["one", "crash", "two"], Limits(), processes=1)
    assert isinstance(outcomes[1], DocumentError)
    assert "exit status 3" in outcomes[1].reason
    assert [o[1] for o in (outcomes[0], outcomes[2])] == ["ONE", "TWO"]


def _started(state: dict, doc: Document) -> float:
    """The test work for timing: when the worker started on the document."""
    started = time.monotonic()
    time.sleep(0.05)
    return started


def test_a_worker_goes_on_with_the_next_documents_while_the_parent_is_busy():
    with DocumentWorkers(_loaded, _started, processes=1, limits=Limits(seconds=30)) as workers:
        stream = workers.outcomes([f"story {i}" for i in range(4)], _doc)
        next(stream)
        busy_until = time.monotonic() + 1.0
        time.sleep(1.0)  # the parent storing a batch
        later = [started for _, started in stream]
    assert all(started < busy_until for started in later)


def test_a_long_document_is_not_sent_ahead_to_a_busy_worker():
    long_text = "word " * (QUEUED_CHARS // 5 + 1)
    with DocumentWorkers(_loaded, _started, processes=1, limits=Limits(seconds=30)) as workers:
        stream = workers.outcomes(["story", long_text, "after"], _doc)
        next(stream)
        busy_until = time.monotonic() + 1.0
        time.sleep(1.0)
        later = [started for _, started in stream]
    assert later[0] < busy_until < later[1]  # "after" waits for a send, behind the long one


def _shout_together(state: dict, docs: list[Document]) -> list[tuple[int, str]]:
    """The test work for several documents at once: each outcome says how many there were."""
    time.sleep(0.05)
    return [(len(docs), _shout(state, doc)[1]) for doc in docs]


def _run_together(contents: list[str], limits: Limits) -> list:
    with DocumentWorkers(_loaded, _shout, processes=1, limits=limits,
                         work_batch=_shout_together) as workers:
        return [outcome for _, outcome in workers.outcomes(contents, _doc)]


def test_documents_waiting_for_a_worker_are_worked_on_together_and_come_back_in_order():
    contents = [f"story {i}" for i in range(20)]
    outcomes = _run_together(contents, Limits(seconds=30))
    assert [text for _, text in outcomes] == [c.upper() for c in contents]
    assert max(together for together, _ in outcomes) > 1


def test_a_slow_document_worked_on_with_others_is_found_by_working_on_each_alone():
    started = time.monotonic()
    outcomes = _run_together(["one", "two", "slow", "three"], Limits(seconds=1.5))
    assert [o[1] for o in outcomes if not isinstance(o, DocumentError)] == [
        "ONE", "TWO", "THREE"]
    assert isinstance(outcomes[2], DocumentError) and outcomes[2].doc == "slow.txt"
    assert time.monotonic() - started < 20


def _blas_threads(state: None, doc: Document) -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_a_worker_set_up_for_one_core_multiplies_matrices_in_one_thread():
    before = _blas_threads(None, _doc("parent"))
    with DocumentWorkers(single_threaded_blas, _blas_threads, processes=1,
                         limits=Limits()) as workers:
        [(_, in_worker)] = list(workers.outcomes(["story"], _doc))
    assert in_worker and set(in_worker) == {1}
    assert _blas_threads(None, _doc("parent")) == before  # the parent is left as it was


def _broken_setup() -> dict:
    raise OSError("model directory not found")


def _bad_knowledge_setup() -> dict:
    raise KnowledgeError("actors.yaml: line 3: not a list")


@pytest.mark.parametrize("setup, status", [
    (_broken_setup, ExitStatus.ENVIRONMENT),  # the machine: fix the install, not the input
    (_bad_knowledge_setup, ExitStatus.USAGE),  # a file the user gave: fix the file
])
def test_a_worker_that_cannot_load_stops_the_run_with_one_line_and_the_cause_s_status(
        setup, status):
    with pytest.raises(WorkerStartError) as caught:
        with DocumentWorkers(setup, _shout, processes=1, limits=Limits()) as workers:
            list(workers.outcomes(["one"], _doc))
    assert caught.value.exit_status is status
    assert ("model directory not found" if status is ExitStatus.ENVIRONMENT
            else "not a list") in str(caught.value)


def _pool_then_wait(report) -> None:
    """A parent that starts a worker, says the worker's pid, then waits to be killed."""
    with DocumentWorkers(_loaded, _shout, processes=1, limits=Limits()) as workers:
        outcome = next(iter(workers.outcomes(["ping"], _doc)))[1]
        report.send(outcome[0])
        time.sleep(60)


def test_workers_do_not_outlive_a_parent_killed_with_sigkill():
    """kill -9 of an ingest must not leave its workers asleep forever, holding its files."""
    import multiprocessing
    import signal

    ours, theirs = multiprocessing.Pipe()
    parent = multiprocessing.get_context("fork").Process(target=_pool_then_wait,
                                                         args=(theirs,))
    parent.start()
    worker_pid = ours.recv()
    os.kill(parent.pid, signal.SIGKILL)
    parent.join()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(worker_pid):
        time.sleep(0.05)
    survived = _alive(worker_pid)
    if survived:  # never leave it holding the test run's pipes
        os.kill(worker_pid, signal.SIGKILL)
    assert not survived


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
