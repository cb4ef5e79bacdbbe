"""benchmarks/scale.py: databases grown from real rows, consistent with the store's rules."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import duckdb
from test_fusion_window import BATCHES, tables

from diplograph.store.store import Store

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def scale_module():
    """benchmarks/scale.py as a module (the benchmarks folder is not a package)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.append(str(BENCHMARKS))
    return importlib.import_module("scale")


def test_shifted_dates_keep_their_precision():
    scale = scale_module()
    assert scale.shift_date("2024-03-01", 1) == "2024-02-29"
    assert scale.shift_date("2024-01", 31) == "2023-12"
    assert scale.shift_date("2024", 400) == "2023"
    assert scale.shift_date(None, 9) is None and scale.shift_date("20", 9) == "20"


def test_a_grown_database_has_the_asked_events_and_fused_incidents(tmp_path):
    scale = scale_module()
    base = tmp_path / "base.duckdb"
    with Store(base) as store:
        for batch in BATCHES:
            store.write(batch)
    grown = tmp_path / "grown.duckdb"
    figures = scale.build([base], 200, grown)
    with Store(grown) as store:
        fused = tables(store)
        store.rebuild_incidents()
        assert tables(store) == fused
        people = {r[0] for r in store.con.execute("SELECT DISTINCT source_name FROM events")
                  .fetchall()}
        replicas = store.con.execute("SELECT count(*) FROM events WHERE id LIKE '%~%'"
                                     ).fetchone()[0]
    with duckdb.connect(str(base), read_only=True) as con:
        real = {r[0] for r in con.execute("SELECT DISTINCT source_name FROM events").fetchall()}
        [(n_real,)] = con.execute("SELECT count(*) FROM events").fetchall()
    assert 200 <= figures["events"] < 210 and figures["incidents"] == len(fused[0])
    assert people == real and replicas == figures["events"] - n_real
