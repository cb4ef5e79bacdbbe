"""The DuckDB store: migrations, bulk writes, idempotent ingest, replacement."""

from __future__ import annotations

import duckdb
from stored import coded, event

from diplograph.records import ActorRef, DocumentResult, EventDate, Quote, to_dict
from diplograph.store import migrations, queries
from diplograph.store.filters import EventFilter
from diplograph.store.incidents import fuse
from diplograph.store.store import Store

CARNEY = ActorRef(name="Mark Carney", country="CAN", kind="person", role="head of government")
ZELENSKYY = ActorRef(name="Volodymyr Zelenskyy", country="UKR", kind="person", role="head of state")
MACRON = ActorRef(name="Emmanuel Macron", country="FRA", kind="person", role="head of state")


def result(doc_id: str, content_hash: str,
           events: list[tuple[str, ActorRef, str]]) -> DocumentResult:
    """A document with one article and events (id, target, date) from Carney."""
    text = "Carney met them."
    return coded(doc_id, text, [
        event(i, doc_id, text, CARNEY, target, EventDate(value=date, precision="day"),
              mode="phone", claimed_by=CARNEY,
              quote=Quote(text="a good call", start=0, end=5, speaker=CARNEY, cue="said"))
        for i, target, date in events], content_hash=content_hash, title="t",
        url=f"https://{doc_id}.example/x")


def snapshot(store: Store) -> dict:
    return {t: sorted(map(repr, store.con.execute(f"SELECT * FROM {t}").fetchall()))
            for t in queries.STORE_TABLES}


def test_migrations_are_recorded_and_not_rerun(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        rows = store.con.execute("SELECT name FROM _migrations ORDER BY name").fetchall()
        names = [r[0] for r in rows]
        assert names == [name for name, _ in migrations.MIGRATIONS]
        assert migrations.migrate(store.con) == []


def columns(store: Store, table: str) -> list[str]:
    return [row[0] for row in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()]


def test_events_and_incidents_flatten_what_happened_alike(tmp_path):
    """Both tables hold what happened under the same column names (so that one EventFilter
    reads both), in the order the first migrations created them."""
    with Store(tmp_path / "db.duckdb") as store:
        events, incidents = columns(store, "events"), columns(store, "incidents")
    assert events[:11] == ["id", "doc_id", "article_index", "type", "mode", "source_name",
                           "source_country", "source_sector", "source_role", "source_wikidata",
                           "source_text"]
    assert events[16:20] == ["target_text", "date_value", "date_precision", "date_text"]
    assert incidents[:12] == ["id", "fusion_key", "type", "mode", "source_name",
                              "source_country", "source_text", "target_name", "target_country",
                              "target_text", "date_value", "date_precision"]


def test_event_and_incident_json_keep_their_field_order():
    """The records are built from field groups; their JSON keys still come in the order
    the stored records and exports have always had."""
    ev = event("e1", "a", "Carney called Zelenskyy.", CARNEY, ZELENSKYY,
               EventDate(value="2025-12-26", precision="day"))
    assert list(to_dict(ev))[:10] == ["id", "doc_id", "article_index", "type", "mode", "source",
                                      "target", "date", "status", "factuality"]
    [incident] = fuse([ev], {})
    assert list(to_dict(incident))[:9] == ["id", "fusion_key", "type", "mode", "source",
                                           "target", "date", "status", "weakest_status"]


def test_write_fills_every_table_and_fuses(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([result("a", "h1", [("a1", ZELENSKYY, "2025-12-26")]),
                     result("b", "h2", [("b1", ZELENSKYY, "2025-12-26"),
                                        ("b2", MACRON, "2025-12-20")])])
        assert store.counts() == {"documents": 2, "articles": 2, "events": 3, "incidents": 2}
        assert store.con.execute("SELECT count(*) FROM actors").fetchone()[0] == 9
        assert store.con.execute("SELECT count(*) FROM quotes").fetchone()[0] == 3
        n = store.con.execute("SELECT n_sources FROM incidents WHERE target_country = 'UKR'"
                              ).fetchone()
        assert n == (2,)


def test_rewriting_a_document_replaces_only_its_records(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([result("a", "h1", [("a1", ZELENSKYY, "2025-12-26")]),
                     result("b", "h2", [("b1", ZELENSKYY, "2025-12-26"),
                                        ("b2", MACRON, "2025-12-20")])])
        ingested = "SELECT ingested_at FROM documents WHERE doc_id = 'b'"
        before = store.con.execute(ingested).fetchone()
        macron = store.con.execute("SELECT id FROM incidents WHERE target_country = 'FRA'"
                                   ).fetchone()
        store.write([result("a", "h1-changed", [("a9", MACRON, "2025-11-01")])])
        ids = sorted(r[0] for r in store.con.execute("SELECT id FROM events").fetchall())
        assert ids == ["a9", "b1", "b2"]
        assert store.con.execute(ingested).fetchone() == before
        # the UKR call now has one source; the untouched FRA incident kept its id
        assert store.con.execute("SELECT n_sources FROM incidents WHERE target_country = 'UKR'"
                                 ).fetchone() == (1,)
        assert store.con.execute("SELECT id FROM incidents WHERE date_value = '2025-12-20'"
                                 ).fetchone() == macron
        assert store.con.execute("SELECT count(*) FROM actors WHERE doc_id = 'a'"
                                 ).fetchone() == (3,)
        assert store.counts()["incidents"] == 3


def test_failed_write_keeps_old_records(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([result("a", "h1", [("a1", ZELENSKYY, "2025-12-26")])])
        before = snapshot(store)
        bad = result("a", "h2", [("x", ZELENSKYY, "2025-12-26"), ("x", MACRON, "2025-12-26")])
        try:
            store.write([bad])  # duplicate event id: the insert fails
        except duckdb.Error:
            pass
        assert snapshot(store) == before


def test_old_database_gets_incidents_on_upgrade(tmp_path, monkeypatch):
    import pyarrow as pa

    from diplograph.store.store import event_row

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    migrations.migrate(con)  # a database from before m002/m003
    monkeypatch.undo()
    row = event_row(result("a", "h1", [("a1", ZELENSKYY, "2025-12-26")]).events[0])
    row.pop("fusion_key")
    row.pop("rules")  # added by m004
    row.pop("factuality"), row.pop("claim_chain")  # added by m005
    old = pa.Table.from_pylist([row])  # noqa: F841
    con.execute(f"INSERT INTO events ({', '.join(row)}) SELECT {', '.join(row)} FROM old")
    con.close()
    with Store(path) as store:
        assert store.counts()["incidents"] == 1
        assert store.con.execute("SELECT fusion_key FROM events").fetchone() == ("CONSULT|CAN|UKR",)


def test_factuality_and_claim_chain_are_stored(tmp_path):
    import dataclasses
    import json

    from diplograph.records import event_from_dict
    from diplograph.run.parquet import store_schema

    res = result("a", "h1", [("a1", ZELENSKYY, "2025-12-26")])
    ev = dataclasses.replace(res.events[0], factuality=2.64, claim_chain=(MACRON, CARNEY))
    with Store(tmp_path / "db.duckdb") as store:
        store.write([DocumentResult(res.document, res.articles, [ev])])
        value, chain, record = store.con.execute(
            "SELECT factuality, claim_chain, record FROM events").fetchone()
    assert value == 2.64 and [a["name"] for a in json.loads(chain)] == [MACRON.name, CARNEY.name]
    assert event_from_dict(json.loads(record)) == ev
    assert {"factuality", "claim_chain"} <= set(store_schema("events").names)  # Parquet too
    # What the store keeps for its queries is its own, written at the load, not Parquet's.
    assert not {"listing_key", "incident_id"} & set(store_schema("events").names)


def test_event_filter_applies_to_incidents(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write([result("a", "h1", [("a1", ZELENSKYY, "2025-12-26"),
                                        ("a2", MACRON, "2025-11-02")])])
        assert len(queries.incidents(store.con, EventFilter(actor="FRA"))) == 1
        assert len(queries.incidents(store.con, EventFilter(since="2025-12"))) == 1
        assert len(queries.incidents(store.con, EventFilter(actor="mark carney"))) == 2


TEXTS = {  # short articles written for this test
    "one.txt": "Canadian Prime Minister Mark Carney spoke by phone with Ukrainian President "
               "Volodymyr Zelenskyy on December 26, 2025, his office said.",
    "two.txt": "French President Emmanuel Macron met Mark Carney in Paris on March 17, 2025.",
}


def test_ingest_is_idempotent_and_replaces_changed_files(tmp_path, warm_process):
    from diplograph.run.ingest import ingest_paths

    corpus, db = tmp_path / "in", tmp_path / "db.duckdb"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    first = ingest_paths([str(corpus)], db)
    assert first.documents == 2 and first.events >= 2
    with Store(db) as store:
        before = snapshot(store)
    again = ingest_paths([str(corpus)], db)
    assert (again.documents, again.unchanged) == (0, 2)
    with Store(db) as store:
        assert snapshot(store) == before
    (corpus / "two.txt").write_text("French President Emmanuel Macron met Mark Carney in Paris "
                                    "on March 18, 2025.", encoding="utf-8")
    third = ingest_paths([str(corpus)], db)
    assert (third.documents, third.unchanged) == (1, 1)
    with Store(db) as store:
        after = snapshot(store)
        rows = store.con.execute("SELECT date_value FROM events WHERE doc_id = 'two'").fetchall()
        dates = {r[0] for r in rows}
    assert dates == {"2025-03-18"}
    for table in ("articles", "documents"):
        assert ([r for r in after[table] if "'one'" in r]
                == [r for r in before[table] if "'one'" in r])
