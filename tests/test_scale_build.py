"""benchmarks/scale.py: databases grown from real rows, consistent with the store's rules."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import duckdb
from test_fusion_window import BATCHES, tables

from diplograph.records import event_from_dict
from diplograph.store.incidents import fusion_key
from diplograph.store.queries import LISTING_KEY
from diplograph.store.store import Store

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def scale_module():
    """benchmarks/scale.py as a module (the benchmarks folder is not a package)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.append(str(BENCHMARKS))
    return importlib.import_module("scale")


def shifted(value: str | None, days: int) -> str | None:
    """scale_build's SQL date shift, run on one value."""
    scale_module()
    import scale_build
    con = duckdb.connect()
    con.execute(scale_build.SHIFTED)
    return con.execute("SELECT shifted(?, ?)", [value, days]).fetchone()[0]


def test_shifted_dates_keep_their_precision():
    assert shifted("2024-03-01", 1) == "2024-02-29"
    assert shifted("2024-01", 31) == "2023-12"
    assert shifted("2024-12", 400) == "2023-11"
    assert shifted("2024", 400) == "2023"
    assert shifted(None, 9) is None and shifted("20", 9) == "20"
    assert shifted("2024-13-45", 3) == "2024-13-45"  # not a date: kept as it is


def written_base(tmp_path: Path) -> Path:
    """A base database written batch by batch through the store."""
    base = tmp_path / "base.duckdb"
    with Store(base) as store:
        for batch in BATCHES:
            store.write(batch)
    return base


def test_a_grown_database_has_the_asked_events_and_fused_incidents(tmp_path):
    base, grown = written_base(tmp_path), tmp_path / "grown.duckdb"
    figures = scale_module().build([base], 200, grown)
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


def test_replica_records_agree_with_their_columns_and_fusion_keys(tmp_path):
    """The SQL rewrite of a replica's JSON record (ids, date, actors) matches the columns
    it was written beside, and its fusion key is the one the store would compute."""
    base, grown = written_base(tmp_path), tmp_path / "grown.duckdb"
    scale_module().build([base], 300, grown)
    with duckdb.connect(str(grown), read_only=True) as con:
        rows = con.execute("SELECT id, doc_id, date_value, source_name, target_country, "
                           "fusion_key, record FROM events WHERE id LIKE '%~%'").fetchall()
        actor_rows = con.execute("SELECT count(*) FROM actors a JOIN events e "
                                 "ON e.id = a.event_id WHERE a.role_in_event = 'source' "
                                 "AND a.name IS DISTINCT FROM e.source_name").fetchone()[0]
        # The kept listing key is the replica's own (stop 20: it was the base row's).
        stale_keys = con.execute(f"SELECT count(*) FROM events WHERE listing_key "
                                 f"IS DISTINCT FROM {LISTING_KEY}").fetchone()[0]
    assert rows and actor_rows == 0 and stale_keys == 0
    for event_id, doc_id, date, source, target_country, key, record in rows:
        event = event_from_dict(json.loads(record))
        assert (event.id, event.doc_id, event.date.value) == (event_id, doc_id, date)
        assert (event.source.name if event.source else None) == source
        assert (event.target.country if event.target else None) == target_country
        assert fusion_key(event) == key


def test_the_endpoint_table_puts_the_largest_server_cpu_first():
    figures = {"/api/events": {"one": {"p50": 12.4, "p95": 17.0, "cpu_p50": 11.2},
                               "4": {"p50": 40.0, "p95": 316.0}},
               "/api/network": {"one": {"p50": 188.0, "p95": 208.0, "cpu_p50": 51.0},
                                "4": {"p50": 600.0, "p95": 1004.0}}}
    table = scale_module().endpoint_table(figures, 4).splitlines()
    assert table[0] == "| endpoint | CPU p50 | 1 client p50 / p95 | 4 clients p50 / p95 |"
    assert table[2:] == ["| `/api/network` | 51 | 188 / 208 | 600 / 1004 |",
                         "| `/api/events` | 11 | 12 / 17 | 40 / 316 |"]
    alone = {url: {"one": got["one"]} for url, got in figures.items()}  # --clients 0
    assert scale_module().endpoint_table(alone, 0).splitlines()[2] == \
        "| `/api/network` | 51 | 188 / 208 |"
