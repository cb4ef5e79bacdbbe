"""Check that incremental fusion left the same incidents as fusing everything at once.

    .venv/bin/python scripts/fusion_check.py DB [DB ...]

Each database was filled batch by batch (``diplograph ingest``), so its
incidents come from the incremental path (``store/fusion.py``: only the fusion
windows a batch touches are recomputed). The check copies the file, recomputes
every incident from the stored events (``Store.rebuild_incidents``, which fuses
every fusion key whole, as before incremental fusion) and compares both tables
``incidents`` and ``incident_events`` row for row.

Exit status 0 when identical, 1 otherwise.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from diplograph.store.store import Store

TABLES = {"incidents": "id", "incident_events": "event_id"}


def _tables(store: Store) -> dict[str, list[tuple]]:
    return {table: store.con.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            for table, order in TABLES.items()}


def check(db: Path) -> bool:
    """True when rebuilding the incidents of a copy of ``db`` changes nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / db.name
        shutil.copyfile(db, copy)
        with Store(copy) as store:
            incremental = _tables(store)
            start = time.perf_counter()
            store.rebuild_incidents()
            seconds = time.perf_counter() - start
            rebuilt = _tables(store)
    same = incremental == rebuilt
    print(f"{db}: {len(incremental['incidents'])} incidents, "
          f"{len(incremental['incident_events'])} links; rebuild {seconds:.1f} s; "
          f"{'identical' if same else 'DIFFERENT'}")
    for table, rows in incremental.items():
        extra, missing = set(rows) - set(rebuilt[table]), set(rebuilt[table]) - set(rows)
        if extra or missing:
            print(f"  {table}: {len(extra)} rows only incremental, {len(missing)} only rebuilt")
    return same


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    results = [check(Path(db)) for db in argv]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
