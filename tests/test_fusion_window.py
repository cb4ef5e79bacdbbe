"""Incremental fusion: a batch recomputes only its fusion windows, with the same result
as recomputing every incident (``rebuild_incidents``)."""

from __future__ import annotations

import json

from diplograph import records as rec
from diplograph.store.store import Store

MACRON = rec.ActorRef(name="Emmanuel Macron", country="FRA", kind="person", role="head of state")
FRANCE = rec.ActorRef(name="France", country="FRA", kind="state", text="the Elysee")
SCHOLZ = rec.ActorRef(name="Olaf Scholz", country="DEU", kind="person", role="head of government")
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
MERZ = rec.ActorRef(name="Friedrich Merz", country="DEU", kind="person", role="head of government")


def doc(doc_id: str, events: list[tuple]) -> rec.DocumentResult:
    """One document; events as (id, source, target, date or None, article_index)."""
    document = rec.Document(doc_id=doc_id, kind="text", content="...", content_hash=doc_id)
    published = rec.PublishedDate(value="2024-01-02", precision="day")
    articles = [rec.Article(doc_id=doc_id, article_index=i, title=None, published=published,
                            text="Macron met Scholz.", url=f"https://{doc_id}.example/{i}")
                for i in sorted({e[4] for e in events} | {0})]
    return rec.DocumentResult(document, articles, [
        rec.Event(id=f"{doc_id}.{eid}", doc_id=doc_id, article_index=index, type="CONSULT",
                  mode=None, source=src, target=tgt, date=rec.EventDate(
                      value=date, precision=PRECISION_OF_LENGTH.get(len(date or ""), "unknown")),
                  status="reported", confidence=0.8,
                  evidence=rec.Evidence(text="Macron met Scholz.", start=0, end=18))
        for eid, src, tgt, date, index in events])


BATCHES = [
    [doc("a", [("1", MACRON, SCHOLZ, "2023-12-30", 0), ("2", MACRON, SCHOLZ, None, 0),
               ("3", FRANCE, SCHOLZ, "2024-01-03", 0)]),
     doc("b", [("1", MACRON, SCHOLZ, "2023-12", 0), ("2", MACRON, MERZ, "2025-05-07", 0)])],
    # an undated mention links this article's 2024 and 2025 events
    [doc("c", [("1", MACRON, MERZ, "2025", 0), ("2", MACRON, MERZ, None, 0),
               ("3", SCHOLZ, MACRON, "2024-01-03", 0), ("4", MACRON, SCHOLZ, None, 1)])],
    # a month that fits two days stays apart; a year that fits one incident joins it
    [doc("d", [("1", MACRON, SCHOLZ, "2023-12-29", 0), ("2", MACRON, SCHOLZ, "2023-12", 0),
               ("3", FRANCE, MERZ, "2025-05-07", 0), ("4", FRANCE, SCHOLZ, "2024", 0)])],
    # rewriting: a's 2023 events move to 2026 and its undated mention goes away
    [doc("a", [("1", MACRON, SCHOLZ, "2026-02-01", 0), ("3", FRANCE, SCHOLZ, "2024-01-03", 0)])],
    # a date without a year ("20") may fuse with any year of its key
    [doc("c", []), doc("e", [("1", MERZ, MACRON, "2025-05-07", 0), ("2", MERZ, SCHOLZ, "20", 0)])],
    [doc("f", [("1", SCHOLZ, MERZ, "2021-03-03", 0)])],
    [doc("e", [("1", MERZ, MACRON, "2025-05-07", 0)])],
]


def tables(store: Store) -> tuple[list, list]:
    incidents = store.con.execute("SELECT * EXCLUDE (record), record FROM incidents "
                                  "ORDER BY id").fetchall()  # the record last
    links = store.con.execute("SELECT * FROM incident_events ORDER BY event_id").fetchall()
    return incidents, links


def test_batch_by_batch_fusion_equals_a_full_rebuild(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        for batch in BATCHES:
            store.write(batch)
            incremental = tables(store)
            store.rebuild_incidents()
            assert tables(store) == incremental
        sizes = sorted(json.loads(r[-1])["n_events"] for r in incremental[0])
    assert sizes[-1] > 1  # some events did fuse


def test_a_batch_reads_only_its_window(tmp_path):
    from diplograph.store import fusion

    with Store(tmp_path / "db.duckdb") as store:
        store.write(BATCHES[0])
        store.write([doc("x", [("1", MACRON, SCHOLZ, "2019-06-01", 0)])])
        touched = fusion.touched_before_write(store.con, ["y"])
        store.write([doc("y", [("1", MACRON, SCHOLZ, "2019-06-01", 0)])])
        touched.windows |= fusion.windows_of_documents(store.con, ["y"])
        years = fusion._closed_years(store.con, touched)
        [(n,)] = store.con.execute("SELECT count(*) FROM incidents WHERE date_value = '2019-06-01'"
                                   ).fetchall()
    assert years == {("CONSULT|DEU|FRA", "2019")} and n == 1


REPORTS = {  # three short reports written for this test, ingested one file at a time
    "paris.txt": "PARIS, 14 March 2024 - French President Emmanuel Macron met German Chancellor "
                 "Olaf Scholz in Paris on 14 March 2024. Macron said the two leaders agreed to "
                 "deepen defence cooperation. Scholz also met Macron again.",
    "berlin.txt": "BERLIN - German Chancellor Olaf Scholz held talks with French President "
                  "Emmanuel Macron on March 14, 2024, his office said. Scholz will visit Paris "
                  "in 2025, officials said.",
    "brussels.txt": "BRUSSELS - Emmanuel Macron met Olaf Scholz in Brussels in March 2024, "
                    "diplomats said.",
}


def test_ingesting_real_reports_one_by_one_equals_a_full_rebuild(tmp_path, warm_process):
    from diplograph.run.ingest import ingest_paths

    db = tmp_path / "db.duckdb"
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest_paths([str(tmp_path / name)], db)
    with Store(db) as store:
        incremental = tables(store)
        store.rebuild_incidents()
        assert tables(store) == incremental
    assert any(json.loads(r[-1])["n_articles"] > 1 for r in incremental[0])


def test_the_cluster_index_finds_what_comparing_with_every_cluster_finds(monkeypatch):
    import random

    from diplograph.store import incidents

    rng = random.Random(19)
    dates = ["2023-12-29", "2023-12-30", "2023-12", "2023", "2024-01-03", "2024", "20", "2024-1",
             None]
    people = [MACRON, FRANCE, SCHOLZ, MERZ]
    events = [event for i in range(300) for event in doc(f"d{i % 9}", [
        (str(i), rng.choice(people), rng.choice(people), rng.choice(dates), i % 2)]).events]
    indexed = incidents.cluster_events(events)
    monkeypatch.setattr(incidents._ClusterIndex, "near", lambda index, event: index.all)
    every = incidents.cluster_events(events)
    assert [[e.id for e in c] for c in indexed] == [[e.id for e in c] for c in every]
    assert len(every) < len(events)


def test_a_rebuild_key_group_by_key_group_equals_one_at_once(tmp_path, monkeypatch):
    from diplograph.store import fusion

    with Store(tmp_path / "db.duckdb") as store:
        for batch in BATCHES:
            store.write(batch)
        at_once = tables(store)
        monkeypatch.setattr(fusion, "REBUILD_EVENTS", 1)  # one key at a time
        store.rebuild_incidents()
        assert tables(store) == at_once
    assert len({row[1] for row in at_once[0]}) == 2  # CONSULT|DEU|FRA and CONSULT|DEU|DEU


def test_a_rebuild_in_worker_processes_equals_one_in_this_process(tmp_path, monkeypatch):
    from diplograph.store import fusion

    with Store(tmp_path / "db.duckdb") as store:
        for batch in BATCHES:
            store.write(batch)
        here = tables(store)
        monkeypatch.setattr(fusion, "REBUILD_EVENTS", 1)  # several groups in flight
        assert store.rebuild_incidents(workers=2) == len(here[0])
        assert tables(store) == here
