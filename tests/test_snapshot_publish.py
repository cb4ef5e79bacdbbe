"""Snapshots published by the writer: a server opens them read-only, never copies under a
lock, and never stalls while an ingest commits in another process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import httpx
import pytest
from needs import need_module
from stored import coded, event, write_store

from diplograph.records import ActorRef, EventDate
from diplograph.store import publish
from diplograph.store.connection import held_by_a_process
from diplograph.store.publish import snapshot_path
from diplograph.store.store import Store

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
RUTTE = ActorRef(name="Mark Rutte", country="NLD", kind="person")
STUBB = ActorRef(name="Alexander Stubb", country="FIN", kind="person")


def call(doc_id: str) -> object:
    text = f"Rutte phoned Stubb about the summit ({doc_id})."
    return coded(doc_id, text, [event(f"{doc_id}-e0", doc_id, text, RUTTE, STUBB,
                                      EventDate(value="2025-12-20", precision="day"))])


def events_in(path: Path) -> int:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_a_writer_publishes_only_where_a_server_wants_it(tmp_path):
    db = write_store(tmp_path / "db.duckdb", [call("first")])
    assert not snapshot_path(db).exists()  # no server: no copy
    snapshot_path(db).write_bytes(b"")  # what a starting server leaves for writers
    with Store(db) as store:
        store.write([call("second")])
        assert events_in(snapshot_path(db)) == 2  # published after the commit
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.duckdb", "db.duckdb.snapshot"]


@pytest.mark.parametrize("through", ["duckdb's descriptor", "a database copy"])
def test_the_writer_keeps_its_lock_while_it_publishes(tmp_path, monkeypatch, through):
    """Closing any descriptor of a file drops the process's locks on it: the copy must not
    open the database file, or a second writer could open it while the first writes."""
    if through == "a database copy":
        monkeypatch.setattr(publish, "_descriptor_of", lambda db: None)
    db = write_store(tmp_path / "db.duckdb", [call("first")])
    snapshot_path(db).write_bytes(b"")
    with Store(db) as store:
        store.write([call("second")])
        assert events_in(snapshot_path(db)) == 2
        assert held_by_a_process(db)
        other = subprocess.run([sys.executable, "-c", "import duckdb, sys; "
                                "duckdb.connect(sys.argv[1])", str(db)],
                               capture_output=True, text=True)
        assert "Could not set lock" in other.stderr


def test_publishing_is_spaced_and_skipped_when_nothing_changed(tmp_path, monkeypatch):
    db = write_store(tmp_path / "db.duckdb", [call("first")])
    copies = []
    real = publish.copy_into_place
    monkeypatch.setattr(publish, "copy_into_place",
                        lambda *args: copies.append(1) or real(*args))
    monkeypatch.setattr(publish, "MIN_GAP_S", 3600)  # the next commit comes sooner, surely
    with Store(db) as store:
        store.publisher.now()
        assert copies == []  # no snapshot wanted yet
        snapshot_path(db).write_bytes(b"")
        os.utime(snapshot_path(db), (0, 0))  # older than the database
        store.publisher.now()
        store.write([call("second")])  # within the spacing after a publication: no copy
        assert len(copies) == 1 and events_in(snapshot_path(db)) == 1
    assert len(copies) == 2 and events_in(snapshot_path(db)) == 2  # closing publishes
    with Store(db) as store:
        pass  # nothing written: the snapshot is current, no copy
    assert len(copies) == 2


def test_a_lock_is_seen_without_opening_the_file(tmp_path):
    import duckdb

    db = write_store(tmp_path / "db.duckdb", [call("first")])
    assert not held_by_a_process(db)
    with duckdb.connect(str(db)):
        assert held_by_a_process(db)
    assert not held_by_a_process(db)


def request_budget() -> float:
    """0.5 s on a machine with a core to spare; more in proportion to the processes that
    wait for a core on a shared one (at most 1.5 s, still under the 2 s a swap takes)."""
    waiting = os.getloadavg()[0] / (os.cpu_count() or 1)
    return 0.5 * min(3.0, max(1.0, waiting))


# The writer: another process that commits one document at a time, as an ingest does.
WRITER = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{src!r}, {tests!r}]
    from test_snapshot_publish import call
    from diplograph.store.store import Store
    with Store(sys.argv[1]) as store:
        print("writing", flush=True)
        for i in range(int(sys.argv[2])):
            store.write([call(f"later-{{i}}")])
            time.sleep(0.05)
""")


@pytest.mark.slow
def test_the_server_never_stalls_while_an_ingest_commits(tmp_path, monkeypatch):
    need_module("fastapi", "the web extra is not installed")
    from diplograph.serve import WebSettings, create_app, snapshot
    from diplograph.serve.snapshot import PREFIX
    from diplograph.serve.testing import running_server

    # Opening each new snapshot takes 2 s more: a request that waited for it would show.
    real_totals = snapshot.totals
    monkeypatch.setattr(snapshot, "totals", lambda con: time.sleep(2) or real_totals(con))

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    db = write_store(tmp_path / "live.duckdb", [call("first")])
    n_later = 20
    app = create_app(WebSettings(db=db, refresh_s=0.1))
    slowest = (0.0, "")
    with running_server(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        for url in ("/api/events?min_confidence=0", "/", "/actors.json"):
            client.get(url)  # templates compiled, first reads done
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER.format(src=str(SRC), tests=str(TESTS)), str(db),
             str(n_later)], stdout=subprocess.PIPE, text=True,
            preexec_fn=lambda: os.nice(10))  # a batch job: the 2 shared cores go to requests
        assert writer.stdout.readline().strip() == "writing"
        # The server has 30 s to catch up after the writer ends (10 minutes at most in all).
        seen, caught_up_by = 1, time.monotonic() + 600
        while seen < 1 + n_later and time.monotonic() < caught_up_by:
            if writer.poll() is not None:
                caught_up_by = min(caught_up_by, time.monotonic() + 30)
            for url in ("/api/events?min_confidence=0", "/", "/actors.json"):
                started = time.monotonic()
                answer = client.get(url)
                slowest = max(slowest, (time.monotonic() - started, url))
                assert answer.status_code == 200, (url, answer.text[:300])
            seen = client.get("/api/events?min_confidence=0").json()["count"]
            assert writer.poll() in (None, 0)
        writer.stdout.close()
    assert seen == 1 + n_later  # every committed event visible after the refresh
    assert slowest[0] < request_budget(), f"{slowest[1]} took {slowest[0]:.3f} s"
    assert list((tmp_path / "tmp").glob(PREFIX + "*")) == []  # no copy in the temporary folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live.duckdb", "tmp"]


def test_answers_are_kept_per_snapshot(tmp_path, monkeypatch):
    need_module("fastapi", "the web extra is not installed")
    from fastapi.testclient import TestClient

    from diplograph.serve import WebSettings, create_app
    from diplograph.store import web_queries

    db = write_store(tmp_path / "db.duckdb", [call("first")])
    app = create_app(WebSettings(db=db, refresh_s=3600))
    try:
        client = TestClient(app, raise_server_exceptions=False)
        first = client.get("/index.json")
        assert first.status_code == 200

        def broken(*args, **kwargs):
            raise RuntimeError("queried again")

        monkeypatch.setattr(web_queries, "totals", broken)
        again = client.get("/index.json")  # the same snapshot: the kept answer, no query
        assert again.content == first.content
        assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
        assert client.get("/index.json?type=AGREE").status_code == 500  # another question
        with Store(db) as store:  # a new snapshot: answers computed again
            store.write([call("second")])
        assert app.state.snapshots.refresh()
        assert client.get("/index.json").status_code == 500
    finally:
        app.state.snapshots.close()


def test_a_new_snapshot_is_warmed_before_it_is_swapped_in(tmp_path, monkeypatch):
    """The requests seen last are answered on the new snapshot before the swap; until the
    swap every request reads the old one; after it, those answers need no query."""
    need_module("fastapi", "the web extra is not installed")
    import threading

    from fastapi.testclient import TestClient

    from diplograph.serve import WebSettings, create_app
    from diplograph.store import event_lists

    db = write_store(tmp_path / "db.duckdb", [call("first")])
    app = create_app(WebSettings(db=db, refresh_s=3600))
    snapshots = app.state.snapshots
    try:
        client = TestClient(app, raise_server_exceptions=False)

        def count(url: str) -> int:
            return client.get(url).json()["count"]

        asked = "/api/events?min_confidence=0"
        assert count(asked) == 1  # a request the warm-up will replay
        warmed, release = threading.Event(), threading.Event()
        snapshots.warmers.append(lambda con, generation: warmed.set() or release.wait(30))
        with Store(db) as store:
            store.write([call("second")])
        swapping = threading.Thread(target=snapshots.refresh)
        swapping.start()
        try:
            assert warmed.wait(30), "the new snapshot was not warmed"
            old = snapshots.generation
            assert count(asked) == 1  # still the old snapshot's answer
            assert count(asked + "&limit=7") == 1  # a new question: asked of the old one
            assert snapshots.generation == old
        finally:
            release.set()
            swapping.join(30)
        assert snapshots.generation == old + 1

        def queried(*args, **kwargs):
            raise RuntimeError("queried after the swap")

        monkeypatch.setattr(event_lists, "search_json", queried)
        assert count(asked) == 2  # computed on the new snapshot during the warm-up
        assert client.get(asked + "&limit=9").status_code == 500  # not replayed: a query
    finally:
        snapshots.close()


def test_duckdb_threads_are_set_on_every_snapshot_and_one_while_warming(tmp_path):
    from diplograph.serve.snapshot import Snapshots

    db = write_store(tmp_path / "db.duckdb", [call("first")])
    snapshots = Snapshots(db, refresh_s=3600, threads=3)
    while_warming = []
    snapshots.warmers.append(lambda con, generation: while_warming.append(
        con.execute("SELECT current_setting('threads')").fetchone()[0]))
    try:
        with Store(db) as store:
            store.write([call("second")])
        assert snapshots.refresh() and while_warming == [1]
        with snapshots.cursor() as cur:
            assert cur.execute("SELECT current_setting('threads')").fetchone()[0] == 3
    finally:
        snapshots.close()


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_a_warm_up_that_cannot_start_leaves_no_coroutine_behind(tmp_path):
    """A warm-up asked where an event loop already runs cannot replay (asyncio.run refuses):
    its replay coroutine, made but never run, is closed rather than dropped unawaited."""
    need_module("fastapi", "the web extra is not installed")
    import asyncio
    import gc
    import threading
    import warnings

    import duckdb

    from diplograph.serve.cache import ResponseCache

    cache = ResponseCache(app=None)

    async def warm_inside_a_running_loop() -> int:
        with duckdb.connect() as con:
            return cache.warm(con, 1)

    refused: list[str] = []

    def in_a_thread_of_its_own() -> None:
        # Its own thread, so that no loop left running by an earlier test in this worker
        # makes the outer asyncio.run refuse (and drop this test's own coroutine).
        try:
            asyncio.run(warm_inside_a_running_loop())
        except RuntimeError as error:
            refused.append(str(error))

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        thread = threading.Thread(target=in_a_thread_of_its_own)
        thread.start()
        thread.join()
        gc.collect()
    assert len(refused) == 1 and "running event loop" in refused[0]
    assert [str(w.message) for w in seen if issubclass(w.category, RuntimeWarning)] == []
