"""Page-latency benchmark: every dashboard page and its JSON twin on a 200-article BBC database.

Usage (from the repository root):

    PYTHONPATH=src .venv/bin/python benchmarks/pages.py [--articles 200] [--runs 20]
        [--work .bench] [--json OUT.json]

1. **Build** (``WORK/bbc-<articles>.duckdb``, reused when it exists): the first
   ``--articles`` records of ``../shared/corpus/bbc-news-2225/articles.jsonl`` in the
   politics and business categories, ingested with ``diplograph ingest`` (the CLI, in a
   child process), as a user would.
2. **Pages**: the app behind a real uvicorn server on a free port (the endpoint timing of
   ``benchmarks/scale.py``: ``_timed``, ``_percentiles``); each HTML page and each JSON
   twin, with real ids and actors from the database: one warm-up call, then ``--runs``
   calls; p50/p95 in milliseconds. The target is p95 < 300 ms for every URL; the ones
   over it are listed and the exit status is 1. The server's answers kept per snapshot
   (``serve/cache.py``) are off unless ``--keep-answers``: every call runs its queries, as a
   first visit does (with them on, every call after the warm-up is the kept answer).
3. **CPU** beside wall time: the process's CPU time (``time.process_time``: the server's
   threads and this client, which run in one process, one call at a time) per call, p50/p95.
   On a machine that other work loads, wall time grows with the wait for a core; CPU time
   says what the request itself costs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import duckdb
from scale import DIPLOGRAPH, REPO, _percentiles, _timed, real_ids

CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225" / "articles.jsonl"
CATEGORIES = ("politics", "business")
TARGET_P95_MS = 300.0


def build(corpus: Path, n_articles: int, work: Path) -> Path:
    """The database of the first ``n_articles`` politics/business records (cached)."""
    db = work / f"bbc-{n_articles}.duckdb"
    if db.exists():
        return db
    inputs = work / f"bbc-{n_articles}"
    inputs.mkdir(parents=True, exist_ok=True)
    picked = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if json.loads(line).get("category") in CATEGORIES:
                picked.append(line)
            if len(picked) == n_articles:
                break
    (inputs / "articles.jsonl").write_text("".join(picked), encoding="utf-8")
    partial = db.with_suffix(".partial.duckdb")
    partial.unlink(missing_ok=True)
    subprocess.run([*DIPLOGRAPH, "ingest", str(inputs), "--db", str(partial), "--quiet"],
                   check=True)
    partial.rename(db)
    return db


def page_urls(db: Path) -> list[str]:
    """Every dashboard page (HTML) and its JSON twin, with real ids and actors from ``db``;
    the list pages also with a filter and a date range (what brushing sets)."""
    ids = real_ids(db)
    event_id, doc_id, index, incident_id, a, b = (
        ids[k] for k in ("event_id", "doc_id", "index", "incident_id", "a", "b"))
    with duckdb.connect(str(db), read_only=True) as con:
        person = con.execute("SELECT source_wikidata FROM events WHERE source_role IS NOT NULL "
                             "AND source_wikidata IS NOT NULL GROUP BY 1 "
                             "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        # The latest month (or year: most BBC events are dated to a year only).
        month = con.execute("SELECT substr(max(date_value), 1, 7) FROM events").fetchone()[0]
    pages = [
        ("/", "/index.json"), "/events", f"/events?type=CONSULT&since={month}&until={month}",
        "/events?sort=-confidence&limit=200", "/incidents", f"/events/{event_id}",
        f"/incidents/{incident_id}", f"/articles/{quote(doc_id)}/{index}", f"/dyad?a={a}&b={b}",
        "/dyad", "/network", "/network?level=actor", "/map", "/map?zoom=3", "/actors",
        "/actors?q=bro", f"/actors/{a}", f"/actors/{person}", "/sources",
    ]
    urls = []
    for page in pages:
        html, twin = page if isinstance(page, tuple) else (page, _twin(page))
        urls += [html, twin]
    return urls


def _twin(url: str) -> str:
    path, _, query = url.partition("?")
    return path + ".json" + ("?" + query if query else "")


def _timed_cpu(client, url: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call (CPU: this process, server and client)."""
    cpu = time.process_time()
    wall = _timed(client, url)
    return wall, (time.process_time() - cpu) * 1000


def measure(db: Path, runs: int, *, keep_answers: bool = False) -> dict[str, dict]:
    """p50/p95 (ms) of each URL, wall and CPU: a warm-up call, then ``runs`` sequential
    calls."""
    import httpx

    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    app = create_app(WebSettings(db=db, refresh_s=3600, keep_answers=keep_answers))
    out = {}
    with running_server(app) as base, httpx.Client(base_url=base, timeout=120) as client:
        for url in page_urls(db):
            _timed(client, url)
            wall, cpu = zip(*(_timed_cpu(client, url) for _ in range(runs)))
            out[url] = {**_percentiles(list(wall)),
                        **{f"cpu_{k}": v for k, v in _percentiles(list(cpu)).items()}}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--work", type=Path, default=REPO / ".bench")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--build-only", action="store_true", help="Build the database, no timing.")
    parser.add_argument("--json", type=Path, help="Write the figures here too.")
    parser.add_argument("--keep-answers", action="store_true",
                        help="Time the server with its answers kept per snapshot.")
    args = parser.parse_args(argv)
    db = build(args.corpus, args.articles, args.work)
    with duckdb.connect(str(db), read_only=True) as con:
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"{db}: {events} events")
    if args.build_only:
        return 0
    load = os.getloadavg()[0]
    figures = measure(db, args.runs, keep_answers=args.keep_answers)
    width = max(map(len, figures))
    print(f"{'URL':<{width}}  {'p50 ms':>8}  {'p95 ms':>8}  {'CPU p50':>8}  {'CPU p95':>8}")
    for url, ms in figures.items():
        flag = "  OVER" if ms["p95"] >= TARGET_P95_MS else ""
        print(f"{url:<{width}}  {ms['p50']:>8.1f}  {ms['p95']:>8.1f}  {ms['cpu_p50']:>8.1f}  "
              f"{ms['cpu_p95']:>8.1f}{flag}")
    print(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after "
          f"({os.cpu_count()} cores)")
    over = [u for u, ms in figures.items() if ms["p95"] >= TARGET_P95_MS]
    print(f"{len(figures)} URLs, {len(over)} over p95 {TARGET_P95_MS:.0f} ms")
    if args.json:
        args.json.write_text(json.dumps({"db": str(db), "events": events, "runs": args.runs,
                                         "keep_answers": args.keep_answers,
                                         "urls": figures}, indent=1), encoding="utf-8")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
