"""An actor's kept profile counts (``counts_profile``, ``counts_counterpart``) are stored in
actor order, so that a person page's scans read the row groups of its actor only (DuckDB's
zone maps); the order is layout alone: the counts stay what a full recount gives."""

from __future__ import annotations

import random

from test_counts import assert_counts_exact, random_document

from diplograph.store import migrations
from diplograph.store.store import Store

ACTOR_ORDERED = ("counts_profile", "counts_counterpart")


def _in_actor_order(con, table: str) -> bool:
    keys = con.execute(f"SELECT matched_on, actor FROM {table} ORDER BY rowid").fetchall()
    return keys == sorted(keys, key=lambda key: (key[0], key[1] is None, key[1]))


def _writes(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    store.write([random_document(rng, f"doc{i}", 2) for i in range(40)])


def test_a_new_databases_actor_counts_are_in_actor_order(tmp_path):
    with Store(tmp_path / "new.duckdb") as store:
        _writes(store, 5)
        store.rebuild_counts()
        assert all(_in_actor_order(store.con, table) for table in ACTOR_ORDERED)
        assert_counts_exact(store)


def test_a_database_from_before_m022_gets_its_actor_counts_in_actor_order(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    before = [(name, m) for name, m in migrations.MIGRATIONS
              if name != "m022_actor_counts_in_actor_order"]
    monkeypatch.setattr(migrations, "MIGRATIONS", before)
    with Store(path) as store:  # as the version before wrote it, in its groups' order
        _writes(store, 8)
        store.con.execute("CREATE TABLE shuffled AS SELECT * FROM counts_profile "
                          "ORDER BY hash(actor, month, type, status)")
        store.con.execute("DELETE FROM counts_profile")
        store.con.execute("INSERT INTO counts_profile SELECT * FROM shuffled")
        assert not _in_actor_order(store.con, "counts_profile")
    monkeypatch.undo()
    with Store(path) as store:
        assert all(_in_actor_order(store.con, table) for table in ACTOR_ORDERED)
        assert_counts_exact(store)
        _writes(store, 9)  # a write after it: its recounted rows appended, the counts exact
        assert_counts_exact(store)
