"""Analyst queries over a small hand-built database."""

from __future__ import annotations

import json

import pytest
from stored import coded, event, write_store

from diplograph.errors import NotFound
from diplograph.records import ActorRef, EventDate
from diplograph.store import profiles, queries
from diplograph.store.filters import EventFilter
from diplograph.store.store import Store

CAN = ActorRef(name="Mark Carney", country="CAN", kind="person", role="head of government",
               wikidata="Q1")
UKR = ActorRef(name="Volodymyr Zelenskyy", country="UKR", kind="person", role="head of state")
RUS = ActorRef(name="Russia", country="RUS", kind="state", text="the Kremlin")
NATO = ActorRef(name="NATO", country=None, kind="organisation")

EVENTS = [  # (id, doc, type, source, target, date, status)
    ("e1", "d1", "CONSULT", CAN, UKR, "2025-03-17", "reported"),
    ("e2", "d2", "CONSULT", UKR, CAN, "2025-12-26", "asserted"),
    ("e3", "d2", "CONSULT", CAN, UKR, "2026-01-10", "planned"),
    ("e4", "d3", "ACCUSE", RUS, CAN, "2025-06-01", "asserted"),
    ("e5", "d3", "SUPPORT", CAN, NATO, "2025-06", "reported"),
    ("e6", "d1", "SUPPORT", CAN, UKR, "2025-03-17", "reported"),
]


@pytest.fixture()
def con(tmp_path):
    events: dict[str, list] = {}
    for i, doc, type_, src, tgt, date, status in EVENTS:
        events.setdefault(doc, []).append(
            event(i, doc, "Some text.", src, tgt, EventDate(value=date), type=type_, status=status))
    db = write_store(tmp_path / "q.duckdb", [coded(doc, "Some text.", evs)
                                             for doc, evs in events.items()])
    with Store(db) as store:
        yield store.con


def test_dyad_timeline_both_directions_by_date(con):
    rows = profiles.dyad_timeline(con, "CAN", "UKR")
    assert [r["id"] for r in rows] == ["e1", "e6", "e2", "e3"]
    assert all(r["incident_id"].startswith("inc_") for r in rows)
    consults = profiles.dyad_timeline(con, "Volodymyr Zelenskyy", "mark carney",
                                     EventFilter(type="CONSULT", until="2025"))
    assert [r["id"] for r in consults] == ["e1", "e2"]
    json.dumps(rows)  # JSON-ready


def test_a_dyad_page_is_its_stored_records_with_their_incidents(con):
    pages = profiles.dyad_timeline_json(con, "CAN", "UKR", limit=3)
    stored = dict(con.execute("SELECT id, record FROM events").fetchall())
    fused = dict(con.execute("SELECT event_id, incident_id FROM incident_events").fetchall())
    con.execute("DELETE FROM incident_events WHERE event_id = 'e6'")  # one left unfused
    con.execute("UPDATE events SET incident_id = NULL WHERE id = 'e6'")  # and kept so
    for row_id, text in profiles.dyad_timeline_json(con, "CAN", "UKR", limit=3):
        assert text.startswith(stored[row_id][:-1])  # the stored text, as it is
        assert json.loads(text) == {**json.loads(stored[row_id]),
                                    "incident_id": None if row_id == "e6" else fused[row_id]}
    assert [row_id for row_id, _ in pages] == ["e1", "e6", "e2"]


def test_a_dyad_page_reads_the_same_incidents_without_the_kept_column(con, monkeypatch):
    def pages():
        return [(profiles.dyad_timeline_json(con, a, b, limit=limit),
                 profiles.last_contact_json(con, a, b))
                for a, b in (("CAN", "UKR"), ("RUS", "CAN"), ("Volodymyr Zelenskyy", "Canada"))
                for limit in (2, None)]

    kept = pages()
    assert any(rows for rows, _ in kept)
    monkeypatch.setattr(profiles, "has_column", lambda *a: False)  # an older database
    assert pages() == kept


def test_dyad_count_from_the_kept_counts_agrees_with_its_events(con, tmp_path):
    for flt in (EventFilter(), EventFilter(type="CONSULT"), EventFilter(type="ACCUSE")):
        assert profiles._counted_dyad(con, "CAN", "UKR", flt) is not None
        assert profiles.count_dyad(con, "UKR", "CAN", flt) == \
            len(profiles.dyad_timeline(con, "CAN", "UKR", flt))
    # A group with no country, named like a state's code: the kept counts would take its
    # events for the state's, so the count goes to the events themselves.
    named_like_a_code = ActorRef(name="UKR", country=None, kind="organisation")
    db = write_store(tmp_path / "named.duckdb", [coded("d9", "Some text.", [
        event("n1", "d9", "Some text.", CAN, named_like_a_code, EventDate(value="2025-01-02")),
        event("n2", "d9", "Some text.", CAN, UKR, EventDate(value="2025-01-03"))])])
    with Store(db) as store:
        assert profiles._counted_dyad(store.con, "CAN", "UKR", EventFilter()) is None
        assert profiles.count_dyad(store.con, "CAN", "UKR") == 1


def test_last_contact_ignores_planned_meetings(con):
    assert profiles.last_contact(con, "UKR", "CAN")["id"] == "e2"
    assert profiles.last_contact(con, "Q1", "RUS") is None


def test_actor_profile(con):
    p = profiles.actor_profile(con, "CAN")
    assert (p["n_events"], p["as_source"], p["as_target"]) == (6, 4, 2)
    assert p["counterparts"][0]["id"] == "Volodymyr Zelenskyy" and p["counterparts"][0]["n"] == 4
    assert p["types"]["CONSULT"] == 3
    assert p["timeline"][0] == {"period": "2025-03", "n": 2}
    assert p["first_date"] == "2025-03-17" and p["last_date"] == "2026-01-10"


def test_network_weights_and_filters(con):
    net = profiles.network(con)
    edges = {(e["source"], e["target"], e["directed"]): e for e in net["edges"]}
    assert edges[("CAN", "UKR", False)]["types"] == {"CONSULT": 3}  # symmetric: undirected
    assert edges[("CAN", "UKR", True)]["types"] == {"SUPPORT": 1}
    assert edges[("RUS", "CAN", True)]["weight"] == 1
    assert {n["id"] for n in net["nodes"]} == {"CAN", "UKR", "RUS", "NATO"}
    assert net["edges_total"] == len(net["edges"])
    heaviest = profiles.network(con, limit=1)
    assert heaviest["edges"] == net["edges"][:1] and heaviest["edges_total"] == len(net["edges"])
    only = profiles.network(con, EventFilter(type="ACCUSE", since="2025-01"), level="actor")
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("Russia", "Mark Carney")]


def test_incident_and_article_lookups(con):
    listed = queries.incidents(con, EventFilter(actor="UKR"), limit=10)
    assert len(listed) == 4
    one = queries.incident(con, listed[0]["id"])
    assert [e["id"] for e in one["events"]] == list(one["event_ids"])
    art = queries.article(con, "d2", 0)
    assert art["title"] == "title d2" and {e["id"] for e in art["events"]} == {"e2", "e3"}
    with pytest.raises(NotFound):
        queries.incident(con, "inc_nope")
    with pytest.raises(NotFound):
        queries.article(con, "d2", 5)
    assert queries.count(con, "events", EventFilter(actor="NATO")) == 1


def test_every_limited_network_keeps_the_whole_networks_heaviest_edges_with_their_types(con):
    # The type lists are built after the heaviest edges are chosen (stop 21): each limit
    # must give the whole network's first edges, types and all, and only their ends as nodes.
    for level in ("country", "actor"):
        whole = profiles.network(con, level=level)
        for k in range(1, len(whole["edges"]) + 1):
            top = profiles.network(con, level=level, limit=k)
            assert top["edges"] == whole["edges"][:k]
            assert top["edges_total"] == whole["edges_total"]
            ends = {e[end] for e in top["edges"] for end in ("source", "target")}
            assert [n for n in whole["nodes"] if n["id"] in ends] == top["nodes"]
