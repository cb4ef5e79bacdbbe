"""The dashboard's queries: continuous months, the undated bucket, totals that follow the
filters, and one actor matcher for listings, dyads and the network (issue #18)."""

from __future__ import annotations

import duckdb
import pytest

from diplograph.store import outlets, profiles, queries, web_queries
from diplograph.store.aggregates import refresh_counts
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search, month_span, monthly


def test_month_span_has_every_month_across_years():
    assert month_span("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_span("2025-03", "2025-03") == ["2025-03"]


def test_monthly_fills_empty_months_with_zeros_and_keeps_undated_apart():
    rows = [("2024-05", "CONSULT", 2), ("2024-08", "ACCUSE", 1), (None, "CONSULT", 3)]
    block = monthly(rows)
    assert block["periods"] == ["2024-05", "2024-06", "2024-07", "2024-08", "undated"]
    assert block["series"]["CONSULT"] == [2, 0, 0, 0, 3]
    assert block["series"]["ACCUSE"] == [0, 0, 0, 1, 0]
    assert block["undated"] == 3
    assert monthly([]) == {"periods": [], "series": {}, "undated": 0}


QIDS = {"Donald Trump": "Q22686", "Vladimir Putin": "Q7747"}


@pytest.fixture
def con():
    """A tiny store: events with and without a month, people and states."""
    from diplograph.store.aggregates import rebuild_counts
    from diplograph.store.migrations import migrate

    c = duckdb.connect(":memory:")
    migrate(c)
    rows = [
        ("e1", "2024-05-02", "CONSULT", "Donald Trump", "USA", "Q22686", "Vladimir Putin", "RUS"),
        ("e2", "2024-09-10", "ACCUSE", "Donald Trump", "USA", "Q22686", "Vladimir Putin", "RUS"),
        ("e3", None, "CONSULT", "Vladimir Putin", "RUS", "Q7747", "Donald Trump", "USA"),
        ("e4", "2025", "AID", "Canada", "CAN", None, "Ukraine", "UKR"),
    ]
    for id_, date, type_, sn, sc, sq, tn, tc in rows:
        c.execute("INSERT INTO events (id, doc_id, article_index, type, source_name, "
                  "source_country, source_wikidata, source_text, target_name, target_country, "
                  "target_wikidata, target_text, date_value, status, evidence_text, confidence, "
                  "record) VALUES (?, 'd', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', 'x', 0.9, "
                  "'{}')", [id_, type_, sn, sc, sq, sn, tn, tc, QIDS.get(tn), tn, date])
    rebuild_counts(c)  # rows put in by hand: counted as a write through the store counts them
    yield c
    c.close()


def test_over_time_is_continuous_and_counts_the_undated(con):
    block = web_queries.over_time(con, "type", EventFilter())
    assert block["periods"][0] == "2024-05" and block["periods"][-2] == "2024-09"
    assert len(block["periods"]) == 6 and block["periods"][-1] == "undated"
    assert block["undated"] == 2  # no date, and a year only
    assert sum(sum(v) for v in block["series"].values()) == 4  # nothing dropped


def test_totals_follow_the_filter(con):
    assert web_queries.totals(con, EventFilter())["events"] == 4
    only = web_queries.totals(con, EventFilter(type="CONSULT"))
    assert only["events"] == 2 and only["undated"] == 1
    undated = Search(undated=True)
    assert queries.count(con, "events", undated) == 2


def test_one_actor_matcher_for_listing_dyad_and_network(con):
    listed = queries.count(con, "events", EventFilter(actor="Trump"))
    dyad = profiles.dyad_timeline(con, "Trump", "Putin")
    edges = profiles.network(con, EventFilter(actor="Trump"), level="actor")["edges"]
    assert listed == len(dyad) == sum(e["weight"] for e in edges) == 3
    assert len(profiles.dyad_timeline(con, "Q22686", "RUS")) == 3
    assert len(profiles.dyad_timeline(con, "trump", "vladimir putin")) == 3


def test_confidence_floor(con):
    assert queries.count(con, "events", Search(min_confidence=0.95)) == 0
    assert queries.count(con, "events", Search(min_confidence=0.5)) == 4


def test_plover_classes_cover_every_type_once():
    from diplograph.records import EVENT_TYPES

    listed = [t for types in profiles.PLOVER_CLASSES.values() for t in types]
    assert sorted(listed) == sorted(EVENT_TYPES)


def test_cooperation_conflict_per_month(con):
    con.execute("UPDATE events SET status = 'planned' WHERE id = 'e3'")
    block = profiles.cooperation_conflict(con, EventFilter())
    assert block["series"]["verbal cooperation"] == [1, 0, 0, 0, 0, 0]
    assert block["series"]["verbal cooperation · planned"][-1] == 1  # e3: undated, planned
    assert block["series"]["verbal conflict"][4] == 1  # ACCUSE in 2024-09
    assert block["series"]["material cooperation"][-1] == 1  # AID dated to a year only


def add_article(con, doc_id: str, *, url: str | None = None, path: str | None = None,
                doc_url: str | None = None) -> None:
    con.execute("INSERT INTO documents (doc_id, content_hash, path, url) VALUES (?, 'h', ?, ?)",
                [doc_id, path, doc_url])
    con.execute("INSERT INTO articles (doc_id, article_index, text, url) VALUES (?, 0, 'x', ?)",
                [doc_id, url])
    outlets.keep_outlets(con, [doc_id])  # what a write does after inserting the rows,
    refresh_counts(con, [doc_id])  # then the outlets' counts


def test_an_outlet_is_a_host_else_a_file_else_the_document(con):
    add_article(con, "d", url="https://www.Example.com/world/1")  # the events' document
    add_article(con, "feed", doc_url="http://wire.example.net:8080/feed")
    add_article(con, "local", path="/data/in/talks.txt")
    add_article(con, "bare")
    data = outlets.sources(con)
    assert [(o["outlet"], o["events"]) for o in data["outlets"]] == [
        ("example.com", 4), ("bare", 0), ("talks.txt", 0), ("wire.example.net", 0)]
    assert data["n_outlets"] == 4 and data["n_articles"] == 4
    first = outlets.sources(con, sort="outlet", limit=1)
    assert [o["outlet"] for o in first["outlets"]] == ["bare"] and first["n_outlets"] == 4
    assert [a["doc_id"] for a in outlets.sources(con, outlet="talks.txt")["articles"]] == \
        ["local"]
    with pytest.raises(ValueError, match="cannot sort sources"):
        outlets.sources(con, sort="size")


def test_suggestions_put_names_starting_with_the_text_first(con):
    names = [s["name"] for s in web_queries.actor_suggestions(con, "u")]
    assert names[0] == "Ukraine"  # starts with it; the others only contain a "u"
    assert set(names) == {"Ukraine", "Donald Trump", "Vladimir Putin"}
    assert [s["name"] for s in web_queries.actor_suggestions(con, "pu")] == ["Vladimir Putin"]
    assert [s["name"] for s in web_queries.actor_suggestions(con, "USA")] == ["Donald Trump"]
