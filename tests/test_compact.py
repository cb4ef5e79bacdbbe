"""Events stored in date order: each batch is inserted sorted by date, and ``compact``
rewrites the whole table that way without changing what is stored."""

from __future__ import annotations

import duckdb
import pytest
from stored import coded, event
from typer.testing import CliRunner

from diplograph import cli
from diplograph.records import ActorRef, EventDate
from diplograph.store.aggregates import recount, stored_counts
from diplograph.store.store import Store

MERZ = ActorRef(name="Friedrich Merz", country="DEU", kind="person")
TUSK = ActorRef(name="Donald Tusk", country="POL", kind="person")


def story(doc_id: str, dates: list[str | None]):
    text = f"Merz and Tusk met ({doc_id})."
    return coded(doc_id, text, [
        event(f"{doc_id}-{i}", doc_id, text, MERZ, TUSK,
              EventDate(value=d, precision="day" if d else None)) for i, d in enumerate(dates)])


def stored_dates(con: duckdb.DuckDBPyConnection) -> list[str | None]:
    """The events' dates in the order of their rows on disk."""
    return [d for (d,) in con.execute("SELECT date_value FROM events ORDER BY rowid").fetchall()]


def in_order(dates: list[str | None]) -> bool:
    keys = [(d is None, d or "") for d in dates]
    return keys == sorted(keys)


def test_a_batch_is_inserted_in_date_order(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([story("late", ["2025-03-02", None, "2019-01-01"]),
                     story("early", ["2001-05-05", "2025-03-01"])])
        assert in_order(stored_dates(store.con))


def test_compact_orders_every_event_and_keeps_the_rest(tmp_path):
    db = tmp_path / "db.duckdb"
    with Store(db) as store:  # three batches of different years: interleaved on disk
        store.write([story("a", ["2024-01-01", "2010-06-01"])])
        store.write([story("b", ["2003-02-02", None])])
        store.write([story("c", ["2030-01-01", "2012-12-12"])])
        assert not in_order(stored_dates(store.con))
        before = sorted(store.con.execute("SELECT * FROM events").fetchall(), key=repr)
        incidents = store.con.execute("SELECT count(*) FROM incident_events").fetchone()
    result = CliRunner().invoke(cli.app, ["compact", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "6 events stored in date order" in result.output
    with Store(db) as store:
        assert in_order(stored_dates(store.con))
        assert sorted(store.con.execute("SELECT * FROM events").fetchall(), key=repr) == before
        assert store.con.execute("SELECT count(*) FROM incident_events").fetchone() == incidents
        assert stored_counts(store.con) == recount(store.con)
        with pytest.raises(duckdb.ConstraintException):  # the primary key still holds
            store.con.execute("INSERT INTO events SELECT * FROM events LIMIT 1")
        store.write([story("b", ["2003-02-02"])])  # and writes go on as before
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 5
