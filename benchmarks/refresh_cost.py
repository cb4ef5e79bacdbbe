"""CPU and wall of keeping the count tables at one write: ``aggregates.refresh_counts`` for
the first ``--docs`` documents of a database (their keys collected and their rows
recounted, as a write of them does; stop 22: collected before, as a write does, so that an
additive table subtracts and adds them), in a transaction rolled back, median of ``--runs``.

    PYTHONPATH=src python benchmarks/refresh_cost.py DB.duckdb [--docs 64] [--runs 3]

Run it with main's ``src`` and a branch's on their own copies to compare the upkeep of
the tables each keeps (the write itself, parsing and fusion are not in it).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import duckdb

from diplograph.store import aggregates


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def refresh_once(con: duckdb.DuckDBPyConnection, docs: list[str]) -> tuple[float, float]:
    """CPU and wall milliseconds of one refresh of ``docs``' keys, rolled back: their keys
    (and an additive table's rows) collected, then refreshed, as ``Store.write`` does (the
    events are not deleted in between: an additive table gets its rows back unchanged)."""
    con.execute("BEGIN TRANSACTION")
    cpu, wall = _cpu_s(), time.perf_counter()
    aggregates.collect_keys(con, docs)
    aggregates.refresh_counts(con, docs)
    spent = ((_cpu_s() - cpu) * 1000, (time.perf_counter() - wall) * 1000)
    con.execute("ROLLBACK")
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--docs", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with duckdb.connect(args.db) as con:
        docs = [r[0] for r in con.execute("SELECT DISTINCT doc_id FROM events ORDER BY doc_id "
                                          "LIMIT ?", [args.docs]).fetchall()]
        every = aggregates.AGGREGATES
        _report(f"all {len(every)} tables, {len(docs)} documents",
                [refresh_once(con, docs) for _ in range(args.runs)])
        for agg in every:  # refresh_counts keeps the tables of aggregates.AGGREGATES
            aggregates.AGGREGATES = (agg,)
            _report(agg.table, [refresh_once(con, docs) for _ in range(args.runs)])
        aggregates.AGGREGATES = every


def _report(what: str, runs: list[tuple[float, float]]) -> None:
    cpu, wall = (statistics.median(r[i] for r in runs) for i in (0, 1))
    print(f"{what}: CPU ms {[round(c) for c, _ in runs]} (median {cpu:.0f}), "
          f"wall ms median {wall:.0f}", flush=True)

if __name__ == "__main__":
    main()
