"""Scale benchmark: the store, the API and the CLI on databases of 100k and 1M events.

Usage (from the repository root):

    .venv/bin/python benchmarks/scale.py --base A.duckdb [B.duckdb ...] --events 100000
        --batch BATCH.jsonl [--work DIR] [--runs 7] [--clients 4] [--json OUT.json]

1. **Build** (``DIR/scale-<events>.duckdb``, reused when it exists): the documents of
   the ``--base`` databases (real ingests, e.g. the bundled sample and 200 BBC
   articles) are copied, then replicated until there are ``--events`` events. Replica
   ``r`` of a document gets new ids (``doc~r``), all its dates shifted back by the same
   number of days (0 to 26 years, precision kept) and, for each event, a source and a
   target drawn from the real actors of the base (Zipf-skewed, so a few dyads are
   heavy, as in real data). The base rows are written with the store's own row builders,
   the replicas by ``INSERT ... SELECT`` inside DuckDB (``scale_build.py``), sorted by
   date; the incidents are fused and the counts kept once at the end.
2. **Endpoints**: the app in this process behind a real uvicorn server on a free port;
   every API route and page twin (``.json``) with real ids from the database, first one
   sequential client (a warm-up call, then ``--runs`` calls each), then ``--clients``
   concurrent clients (each the same calls; ``--clients 0``: none); p50/p95 per endpoint
   in milliseconds, and a table of them by the server's CPU per request, largest first.
3. **CLI**: ``events``, ``incidents`` and ``export`` (csv, parquet, plover-jsonl), each
   in a child process: wall time and the child's peak RSS (``wait4``).
4. **Ingest**: ``diplograph ingest BATCH`` (``--batch``: a JSONL file of 64 documents
   not in the base) into a copy of the scaled database and into an empty one.
5. **During an ingest** (``--during-ingest`` with ``--batch``): the server as it serves,
   on a copy of the scaled database, one client cycling through the endpoints (``--only``)
   while the batch is ingested into that copy: every request's wall time, the slowest.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import duckdb
from scale_build import build_in_sql

from diplograph import records as rec
from diplograph.store.store import Store

REPO = Path(__file__).resolve().parent.parent
DIPLOGRAPH = [sys.executable, "-m", "diplograph"]


# -- 1. building ------------------------------------------------------------------------


def load_base(paths: list[Path]) -> list[rec.DocumentResult]:
    """The documents, articles and events of real ingested databases."""
    results = []
    for path in paths:
        with duckdb.connect(str(path), read_only=True) as con:
            events: dict[str, list[rec.Event]] = {}
            for (record,) in con.execute("SELECT record FROM events ORDER BY id").fetchall():
                event = rec.event_from_dict(json.loads(record))
                events.setdefault(event.doc_id, []).append(event)
            articles: dict[str, list[rec.Article]] = {}
            for row in con.execute(
                    "SELECT doc_id, article_index, title, text, published_value, "
                    "published_precision, published_source, url FROM articles "
                    "ORDER BY doc_id, article_index").fetchall():
                articles.setdefault(row[0], []).append(rec.Article(
                    doc_id=row[0], article_index=row[1], title=row[2], text=row[3],
                    published=rec.PublishedDate(value=row[4], precision=row[5] or "unknown",
                                                source=row[6]), url=row[7]))
            for doc_id, kind, content_hash, url in con.execute(
                    "SELECT doc_id, kind, content_hash, url FROM documents").fetchall():
                document = rec.Document(doc_id=doc_id, kind=kind, content="",
                                        content_hash=content_hash, url=url)
                results.append(rec.DocumentResult(document, articles.get(doc_id, []),
                                                  events.get(doc_id, [])))
    return results


def build(bases: list[Path], n_events: int, path: Path) -> dict:
    """A database of ``n_events`` events replicated from ``bases`` (see the module doc and
    ``scale_build.py``)."""
    return build_in_sql(load_base(bases), n_events, path)


# -- 2. endpoints -----------------------------------------------------------------------


def real_ids(db: Path) -> dict:
    """Ids and actors of ``db`` to call the endpoints with: an event (``event_id``, its
    ``doc_id`` and ``index``), the biggest incident, the busiest pair of countries (``a``,
    ``b``), the busiest person (``person``) and the event half-way down the list (``mid``)."""
    with duckdb.connect(str(db), read_only=True) as con:
        event_id, doc_id, index = con.execute(
            "SELECT id, doc_id, article_index FROM events ORDER BY id LIMIT 1").fetchone()
        incident_id = con.execute("SELECT id FROM incidents ORDER BY n_events DESC, id "
                                  "LIMIT 1").fetchone()[0]
        a, b = con.execute(
            "SELECT least(source_country, target_country), greatest(source_country, "
            "target_country) FROM events WHERE source_country <> target_country "
            "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()
        person = con.execute("SELECT source_name FROM events WHERE source_role IS NOT NULL "
                             "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        mid = con.execute("SELECT id FROM events ORDER BY date_value NULLS LAST, doc_id, "
                          "article_index, evidence_start, id LIMIT 1 OFFSET "
                          "(SELECT count(*) // 2 FROM events)").fetchone()[0]
    return {"event_id": event_id, "doc_id": doc_id, "index": index,
            "incident_id": incident_id, "a": a, "b": b, "person": person, "mid": mid}


def endpoints(db: Path) -> list[str]:
    """Every API route and page twin, with real ids and actors from ``db``."""
    ids = real_ids(db)
    event_id, doc_id, index, incident_id, a, b, person, mid = (
        ids[k] for k in ("event_id", "doc_id", "index", "incident_id", "a", "b", "person",
                         "mid"))
    return [
        "/api/events", "/api/events?page=1000", f"/api/events?after={mid}",
        f"/api/events?actor={person}", "/api/events?type=CONSULT&since=2020",
        "/api/events?q=talks", f"/api/events/{event_id}", "/api/incidents",
        f"/api/incidents/{incident_id}", f"/api/dyad?a={a}&b={b}",
        f"/api/last-contact?a={a}&b={b}", f"/api/actors/{a}", f"/api/actors/{person}",
        f"/api/cooperation-conflict?actor={a}", "/api/network", "/api/network?level=actor",
        "/api/network?level=actor&limit=200", f"/api/articles/{doc_id}/{index}",
        "/index.json", "/events.json?page=1000", "/incidents.json", f"/dyad.json?a={a}&b={b}",
        "/network.json", "/map.json", "/actors.json", f"/actors/{a}.json",
        f"/actors/{quote(person)}.json",
        f"/events/{event_id}.json", f"/incidents/{incident_id}.json", "/sources.json",
        f"/api/actors/suggest?q={quote(person[:3])}",
    ]


def _timed(client, url: str) -> float:
    return _timed_with_cpu(client, url)[0]


def _timed_with_cpu(client, url: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one request. The server runs in this process, so with
    one client the process's CPU time is the server's (DuckDB's threads included) plus the
    client's small share: what the request cost whatever the machine's load."""
    start, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")
    return elapsed, (time.process_time() - cpu) * 1000


def _percentiles(ms: list[float]) -> dict:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def measure_endpoints(db: Path, runs: int, clients: int, *, keep_answers: bool = False,
                      only: list[str] | None = None, threads: int | None = None,
                      workers: int | None = None) -> dict:
    """p50/p95 (ms) per endpoint: one sequential client (with its CPU time, p50), then
    ``clients`` at once. The server's answers per snapshot are not kept unless
    ``keep_answers`` (every call after the first would be the same kept answer, not a
    query). ``only``: the endpoints that contain one of these strings."""
    import httpx

    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    urls = [u for u in endpoints(db) if not only or any(part in u for part in only)]
    app = create_app(WebSettings(db=db, refresh_s=3600, keep_answers=keep_answers,
                                 threads=threads, workers=workers))
    out: dict[str, dict] = {}
    with running_server(app) as base, httpx.Client(base_url=base, timeout=120) as client:
        for url in urls:
            _timed(client, url)  # warm-up
            walls, cpus = zip(*(_timed_with_cpu(client, url) for _ in range(runs)))
            out[url] = {"one": {**_percentiles(list(walls)),
                                "cpu_p50": round(statistics.median(cpus), 1)}}
            print(json.dumps({url: out[url]}), flush=True)  # a run cut short keeps these
        if not clients:
            return {"endpoints": out}
        times: dict[str, list[float]] = {url: [] for url in urls}
        lock = threading.Lock()

        def work() -> None:
            with httpx.Client(base_url=base, timeout=120) as own:
                for _ in range(runs):
                    for url in urls:
                        ms = _timed(own, url)
                        with lock:
                            times[url].append(ms)

        start = time.perf_counter()
        threads = [threading.Thread(target=work) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    for url in urls:
        out[url][f"{clients}"] = _percentiles(times[url])
    sequential_s = sum(out[u]["one"]["p50"] for u in urls) * runs / 1000  # one client's
    return {"endpoints": out, "throughput_ratio": round(sequential_s * clients / wall, 2)}


def endpoint_table(endpoints: dict, clients: int) -> str:
    """The endpoints' figures as a markdown table, the largest server CPU first."""
    many = f" | {clients} clients p50 / p95" if clients else ""
    lines = [f"| endpoint | CPU p50 | 1 client p50 / p95{many} |",
             "|---|---|---|" + ("---|" if clients else "")]
    for url, got in sorted(endpoints.items(), key=lambda kv: -kv[1]["one"]["cpu_p50"]):
        one = got["one"]
        row = f"| `{url}` | {one['cpu_p50']:.0f} | {one['p50']:.0f} / {one['p95']:.0f}"
        if clients:
            row += f" | {got[str(clients)]['p50']:.0f} / {got[str(clients)]['p95']:.0f}"
        lines.append(row + " |")
    return "\n".join(lines)


# -- 3. CLI and 4. ingest ---------------------------------------------------------------


def run_child(args: list[str], stdout=subprocess.DEVNULL, src: Path = REPO / "src") -> dict:
    """Run ``diplograph ARGS`` in a child (the package in ``src``): wall seconds, CPU
    seconds (user + system of the child and the processes it waited for: what the load of
    a shared machine moves least) and peak RSS (MB).

    The peak is the child's ``VmHWM`` (reset by ``exec``), read every 20 ms until it
    exits: ``wait4``'s ``ru_maxrss`` would count the pages of this (large) parent that
    the fork shared with the child before ``exec``.
    """
    env = {**os.environ, "PYTHONPATH": str(src)}
    cpu = _children_cpu_s()
    start = time.perf_counter()
    child = subprocess.Popen(DIPLOGRAPH + args, stdout=stdout, stderr=subprocess.PIPE, env=env)
    peak_kb = 0
    while child.poll() is None:
        peak_kb = max(peak_kb, _high_water_kb(child.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"{args}: {child.stderr.read().decode()[-500:]}")
    return {"s": round(wall, 1), "cpu_s": round(_children_cpu_s() - cpu, 1),
            "rss_mb": round(peak_kb / 1024)}


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _high_water_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # exited meanwhile
        return 0
    return next((int(line.split()[1]) for line in status.splitlines()
                 if line.startswith("VmHWM:")), 0)


def measure_cli(db: Path, work: Path) -> dict:
    out = {}
    for args in (["events", "--db", str(db)], ["incidents", "--db", str(db)],
                 ["events", "--db", str(db), "--format", "table"]):
        out[" ".join(args[:1] + args[3:])] = run_child(args)
    for fmt in ("csv", "parquet", "plover-jsonl"):
        target = work / f"export-{fmt}"
        out[f"export --format {fmt}"] = run_child(
            ["export", "--db", str(db), "--to", str(target), "--format", fmt])
        shutil.rmtree(target, ignore_errors=True)
    return out


def measure_ingest(db: Path, batch: Path, work: Path) -> dict:
    """``diplograph ingest BATCH`` into a copy of ``db`` and into an empty database."""
    copy, empty = work / "ingest-full.duckdb", work / "ingest-empty.duckdb"
    shutil.copyfile(db, copy)
    empty.unlink(missing_ok=True)
    try:
        full = run_child(["ingest", str(batch), "--db", str(copy), "-q"])
        fresh = run_child(["ingest", str(batch), "--db", str(empty), "-q"])
    finally:
        copy.unlink(missing_ok=True)
        empty.unlink(missing_ok=True)
    return {"into_scaled": full, "into_empty": fresh,
            "ratio": round(full["s"] / fresh["s"], 2),
            "cpu_ratio": round(full["cpu_s"] / max(fresh["cpu_s"], 0.1), 2)}


def measure_during_ingest(db: Path, batch: Path, work: Path,
                          only: list[str] | None = None) -> dict:
    """One client cycling through the endpoints (those containing one of ``only``) of a
    server on a copy of ``db``, as it serves (answers kept per snapshot, a new snapshot
    looked for every second, warmed before it is swapped in), while ``diplograph ingest
    BATCH`` writes into that copy and publishes its snapshots: every request's wall ms, the
    slowest, and how many snapshots the server swapped in. The first cycle, before the
    ingest starts, is timed apart (the server's first, cold answers)."""
    import httpx

    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    urls = [u for u in endpoints(db) if not only or any(part in u for part in only)]
    copy = work / "live.duckdb"
    shutil.copyfile(db, copy)
    app = create_app(WebSettings(db=copy))
    warmups = _Lines()  # the server's "snapshot N warmed: ..." lines
    logging.getLogger("diplograph.serve.cache").addHandler(warmups)
    logging.getLogger("diplograph.serve.cache").setLevel(logging.INFO)
    times: list[tuple[float, str, float]] = []
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    try:
        with running_server(app) as base, httpx.Client(base_url=base, timeout=120) as client:
            first = app.state.snapshots.generation
            # A server's first answers are cold whatever it does: timed apart, before the
            # ingest, so that what follows is the server as it serves (and warms).
            cold = {url: round(_timed(client, url), 1) for url in urls}
            start = time.perf_counter()
            child = subprocess.Popen(DIPLOGRAPH + ["ingest", str(batch), "--db", str(copy), "-q"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
            def cycle() -> None:
                for url in urls:
                    times.append((round(time.perf_counter() - start, 1), url, _timed(client, url)))

            while child.poll() is None:
                cycle()
            ingest_s = time.perf_counter() - start
            # The ingest publishes its last snapshot as it ends: the server warms it and
            # swaps it in while the client goes on (at most 5 minutes), then one more cycle.
            while app.state.snapshots.generation == first and time.perf_counter() - start < \
                    ingest_s + 300:
                cycle()
            cycle()
            swaps = app.state.snapshots.generation - first
        if child.returncode != 0:
            raise RuntimeError(f"ingest: {child.stderr.read().decode()[-500:]}")
    finally:
        for path in (copy, copy.with_name(copy.name + ".wal")):
            path.unlink(missing_ok=True)
    logging.getLogger("diplograph.serve.cache").removeHandler(warmups)
    walls = [ms for _, _, ms in times]
    slowest = sorted(times, key=lambda t: -t[2])[:10]
    return {"first_cycle_before_ingest": cold,
            "ingest_s": round(ingest_s, 1), "requests": len(times), "snapshots": swaps,
            "warm_ups": warmups.lines,
            **_percentiles(walls), "max": round(max(walls), 1),
            "over_500": sum(ms > 500 for ms in walls),
            "per_url_max": {u: round(max(ms for _, v, ms in times if v == u), 1) for u in urls},
            "slowest": slowest}


class _Lines(logging.Handler):
    """A logging handler that keeps the messages, with the time they came."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.started = time.perf_counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{time.perf_counter() - self.started:.1f} s: {record.getMessage()}")


def measure_fusion(db: Path, work: Path, n_docs: int = 10) -> dict:
    """Re-fusing the documents with most events, as a write of them does (in a transaction
    rolled back): the fusion windows they touch (now) vs every event of their fusion keys
    (before incremental fusion), on a copy of ``db``; median milliseconds per document."""
    from diplograph.store import fusion
    from diplograph.store.incidents import fuse

    copy = work / "fusion.duckdb"
    shutil.copyfile(db, copy)
    windows, whole, key_events = [], [], []
    with Store(copy) as store:
        con = store.con
        docs = [r[0] for r in con.execute("SELECT doc_id FROM events GROUP BY 1 "
                                          "ORDER BY count(*) DESC, 1 LIMIT ?", [n_docs]).fetchall()]
        for doc_id in docs:
            con.execute("BEGIN TRANSACTION")
            start = time.perf_counter()
            fusion.refresh_incidents(con, fusion.touched_before_write(con, [doc_id]))
            windows.append((time.perf_counter() - start) * 1000)
            con.execute("ROLLBACK")
            keys = sorted({k for k, _ in fusion.windows_of_documents(con, [doc_id])})
            start = time.perf_counter()
            rows = con.execute(f"SELECT {fusion._FUSE_COLUMNS} FROM events e LEFT JOIN articles a "
                               "ON a.doc_id = e.doc_id AND a.article_index = e.article_index "
                               "WHERE e.fusion_key IN (SELECT unnest(?))", [keys]).fetchall()
            fuse(*fusion._events_and_reports(rows))
            whole.append((time.perf_counter() - start) * 1000)
            key_events.append(len(rows))
    copy.unlink()
    return {"documents": len(windows), "window_ms": round(statistics.median(windows), 1),
            "whole_keys_ms": round(statistics.median(whole), 1),
            "key_events_median": statistics.median(key_events)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, nargs="+", required=True)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=Path, help="JSONL of 64 new documents to ingest.")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "scale")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["endpoints", "cli", "ingest", "fusion"])
    parser.add_argument("--json", type=Path, help="Write the figures here too.")
    parser.add_argument("--only", nargs="*", help="Only the endpoints containing one of "
                        "these strings (to time the slowest ones again).")
    parser.add_argument("--keep-answers", action="store_true",
                        help="Time the server with its answers kept per snapshot.")
    parser.add_argument("--threads", type=int, help="DuckDB threads of the server "
                        "(default: one per core).")
    parser.add_argument("--workers", type=int, help="Requests the server computes at once "
                        "(default: its thread pool, 40).")
    parser.add_argument("--during-ingest", action="store_true",
                        help="With --batch: time the endpoints (--only) while the batch is "
                        "ingested into a copy that the server serves.")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"scale-{args.events}.duckdb"
    report: dict = {"events": args.events}
    if not db.exists():
        report["build"] = build(args.base, args.events, db)
        print(json.dumps({"build": report["build"]}), flush=True)
    if "endpoints" not in args.skip:
        report["api"] = measure_endpoints(db, args.runs, args.clients,
                                          keep_answers=args.keep_answers, only=args.only,
                                          threads=args.threads, workers=args.workers)
        print(json.dumps({"api": report["api"]}, indent=1), flush=True)
        print(endpoint_table(report["api"]["endpoints"], args.clients), flush=True)
    if "fusion" not in args.skip:
        report["fusion"] = measure_fusion(db, args.work)
        print(json.dumps({"fusion": report["fusion"]}), flush=True)
    if "cli" not in args.skip:
        report["cli"] = measure_cli(db, args.work)
        print(json.dumps({"cli": report["cli"]}, indent=1), flush=True)
    if args.batch and args.during_ingest:
        report["during_ingest"] = measure_during_ingest(db, args.batch, args.work, args.only)
        print(json.dumps({"during_ingest": report["during_ingest"]}, indent=1), flush=True)
    if args.batch and "ingest" not in args.skip:
        report["ingest"] = measure_ingest(db, args.batch, args.work)
        print(json.dumps({"ingest": report["ingest"]}, indent=1), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
