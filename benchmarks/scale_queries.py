"""Wall and CPU time of the store queries behind the event lists, search, event and
article pages, suggestions and sources (issue 19, part A), called in-process on a
database file, read-only and with one DuckDB thread: what a request costs the server
without HTTP, whatever the machine's load (CPU time).

    PYTHONPATH=src python benchmarks/scale_queries.py DB [--only NAME ...] [--runs N]

Runs with main's code too (``search_json`` was in ``web_queries`` there).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable

import duckdb

from diplograph.store import outlets, queries
from diplograph.store import web_queries as wq
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search

try:  # this branch's module; main had the same functions in web_queries
    from diplograph.store import event_lists as lists
except ImportError:
    lists = wq


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def calls(con: duckdb.DuckDBPyConnection) -> dict[str, Callable[[], object]]:
    """The queries, with ids of the database (the first event, the middle of the list)."""
    floor = Search(min_confidence=0.5)  # the server's default
    event_id, doc_id, index = con.execute(
        "SELECT id, doc_id, article_index FROM events ORDER BY id LIMIT 1").fetchone()
    mid = con.execute("SELECT id FROM events ORDER BY date_value NULLS LAST, doc_id, "
                      "article_index, evidence_start, id LIMIT 1 OFFSET "
                      "(SELECT count(*) // 2 FROM events)").fetchone()[0]

    def page(s: Search, **kw) -> Callable[[], object]:
        return lambda: lists.search_json(con, "events", s, limit=50, **{"offset": 0, **kw})

    return {
        "events page 1": page(floor),
        "events page 1000": page(floor, offset=49_950),
        "events after the middle": page(floor, after=mid),
        "events actor=Donald Trump": page(floor.with_(actor="Donald Trump")),
        "events q=talks": page(floor.with_(q="talks")),
        "one event": lambda: wq.event(con, event_id),
        "one article": lambda: queries.article(con, doc_id, index),
        "overview totals": lambda: wq.totals(con, floor, whole=True),
        "sources": lambda: outlets.sources(con),
        "suggest Don": lambda: wq.actor_suggestions(con, "Don"),
        "events type=CONSULT since 2020": page(floor.with_(type="CONSULT", since="2020")),
        "events place=London": page(Search(flt=EventFilter(place="London"))),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--only", nargs="*", help="Only the queries whose name holds one of these.")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    con.execute("SET threads = 1")
    for name, call in calls(con).items():
        if args.only and not any(part in name for part in args.only):
            continue
        call()  # warm-up
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), _cpu()
            call()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((_cpu() - cpu) * 1000)
        print(f"{name:34s} wall p50 {statistics.median(walls):8.1f} ms   "
              f"CPU p50 {statistics.median(cpus):7.1f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
