"""What a database holds is asked of DuckDB's catalog once per server snapshot: its cursors
answer from what was read when it opened; a writable connection is asked every time."""

from __future__ import annotations

import duckdb
from stored import coded, event, write_store

from diplograph.records import ActorRef, EventDate
from diplograph.serve.snapshot import Snapshots
from diplograph.store import catalog, queries

RUTTE = ActorRef(name="Mark Rutte", country="NLD", kind="person")
STUBB = ActorRef(name="Alexander Stubb", country="FIN", kind="person")


def one_call(tmp_path):
    text = "Rutte phoned Stubb about the summit."
    return write_store(tmp_path / "db.duckdb", [coded("d1", text, [event(
        "d1-e0", "d1", text, RUTTE, STUBB, EventDate(value="2025-12-20", precision="day"))])])


def test_a_server_cursor_answers_from_the_snapshots_catalog(tmp_path):
    snapshots = Snapshots(one_call(tmp_path), refresh_s=3600)
    try:
        with snapshots.cursor() as cur:
            known = catalog.fixed(cur)
            assert known is not None and known == catalog.read(cur)
            assert {"events", "counts_actor", "_migrations"} <= known.tables
            assert catalog.has_column(cur, "events", "listing_key")
            assert queries.has_column(cur, "events", "incident_id")
            assert not catalog.has_column(cur, "events", "no_such_column")
            assert not catalog.has_table(cur, "no_such_table")
            with catalog.fixed_cursor(cur) as inner:  # a cursor of a cursor knows it too
                assert catalog.fixed(inner) == known
    finally:
        snapshots.close()


def test_a_fixed_connection_is_not_asked_again():
    con = duckdb.connect()
    con.execute("CREATE TABLE events (id VARCHAR)")
    catalog.fix(con, catalog.read(con))
    con.execute("ALTER TABLE events ADD COLUMN listing_key VARCHAR")  # never on a snapshot
    assert not queries.has_listing_key(con)  # the promise, not the catalog
    catalog.forget(con)
    assert queries.has_listing_key(con)
    con.close()


def test_a_writable_connection_is_asked_every_time():
    con = duckdb.connect()
    assert catalog.fixed(con) is None
    assert not catalog.has_table(con, "counts_dyad")
    con.execute("CREATE TABLE counts_dyad (a VARCHAR)")
    assert catalog.has_table(con, "counts_dyad") and catalog.has_column(con, "counts_dyad", "a")
    con.close()
