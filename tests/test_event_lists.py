"""A page of the event list read from its date buckets only (``store/event_lists.py``) is
the page an ``ORDER BY ... LIMIT ... OFFSET`` over every matching event gives, from the
kept bucket counts or from the events, by offset and by keyset, for any filter."""

from __future__ import annotations

import json
import random

import duckdb
import pytest
from stored import write_store
from test_counts import random_document

from diplograph.store import event_lists, kept_buckets, queries, web_queries
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search

SEARCHES = [
    Search(), Search(min_confidence=0.5), Search(flt=EventFilter(type="CONSULT")),
    Search(flt=EventFilter(actor="Rutte")), Search(q="militants", min_confidence=0.5),
    Search(undated=True), Search(flt=EventFilter(since="2025-11"), min_confidence=0.8),
    Search(flt=EventFilter(type="NOPE")),
    # An actor and a dyad whose buckets come from the kept profile and dyad counts
    # (store/kept_buckets.py), and words those cannot tell apart (read from the events).
    Search(flt=EventFilter(actor="NLD", type="CONSULT")), Search(flt=EventFilter(actor="Q57792")),
    Search(flt=EventFilter(actor="FIN"), other="NLD", min_confidence=0.5),
    Search(flt=EventFilter(actor="NLD", status="denied"), other="FIN"),
    Search(flt=EventFilter(actor="militants")),
]
# The searches a kept table answers.
KEPT = SEARCHES[:3] + SEARCHES[-5:-1]


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    """40 random documents, read as the server reads them."""
    rng = random.Random(5)
    path = write_store(tmp_path_factory.mktemp("lists") / "db.duckdb",
                       [random_document(rng, f"doc{i}", 1) for i in range(40)])
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


def every_page(con, s: Search, limit: int) -> list[list[str]]:
    total = queries.count(con, "events", s)
    return [event_lists.page_json(con, s, limit=limit, offset=offset)[0]
            for offset in range(total + 2)]


def sorted_pages(con, s: Search, limit: int) -> list[list[str]]:
    total = queries.count(con, "events", s)
    return [queries.listing_json(con, "events", s, limit=limit, offset=offset)
            for offset in range(total + 2)]


@pytest.mark.parametrize("s", SEARCHES, ids=repr)
@pytest.mark.parametrize("limit", [1, 3, 8])
def test_offset_pages_are_the_sorted_pages(filled, s, limit):
    assert every_page(filled, s, limit) == sorted_pages(filled, s, limit)
    assert event_lists.page_json(filled, s, limit=limit)[1] == queries.count(filled, "events", s)


@pytest.mark.parametrize("s", KEPT, ids=repr)
def test_pages_from_the_events_equal_pages_from_the_kept_counts(filled, s, monkeypatch):
    from_counts = every_page(filled, s, 4)
    assert kept_buckets.bucket_counts(filled, s) is not None  # these are counted
    assert any(from_counts)
    monkeypatch.setattr(kept_buckets, "has_counts", lambda con: False)  # an older database
    assert kept_buckets.bucket_counts(filled, s) is None
    assert every_page(filled, s, 4) == from_counts


def test_words_the_kept_counts_cannot_tell_apart_are_counted_from_the_events(filled):
    # "militants": some of Hamas's sides only; "Rutte" with free text; a place.
    for s in (SEARCHES[-1], SEARCHES[3].with_(q="spoke"), Search(flt=EventFilter(place="Kyiv")),
              Search(flt=EventFilter(actor="Hamas"), other="FIN")):
        assert kept_buckets.bucket_counts(filled, s) is None


@pytest.mark.parametrize("s", SEARCHES, ids=repr)
@pytest.mark.parametrize("limit", [1, 5])
def test_keyset_pages_walk_the_whole_list(filled, s, limit):
    whole = queries.listing_json(filled, "events", s)
    walked, after = [], None
    while True:
        page, _ = event_lists.page_json(filled, s, limit=limit, after=after)
        walked += page
        if len(page) < limit:
            break
        after = json.loads(page[-1])["id"]
    assert walked == whole


@pytest.mark.parametrize("s", SEARCHES[:4], ids=repr)
def test_keyset_with_an_offset_is_the_sorted_query(filled, s):
    ids = [e["id"] for e in queries.listing(filled, "events")]
    for after in ids[::5] + ["no-such-event"]:
        for offset in (0, 2):
            expected = queries.listing_json(filled, "events", s, limit=3, offset=offset,
                                            after=after)
            assert event_lists.page_json(filled, s, limit=3, offset=offset,
                                         after=after)[0] == expected


@pytest.mark.parametrize("s", SEARCHES[:6], ids=repr)
def test_keyset_pages_are_the_same_without_the_kept_listing_key(filled, s, monkeypatch):
    ids = [e["id"] for e in queries.listing(filled, "events")]
    afters = ids[::3] + ids[-2:]

    def pages():
        return [event_lists.page_json(filled, s, limit=4, offset=offset, after=after)
                for after in afters for offset in (0, 3)]

    assert queries.has_listing_key(filled)
    with_key = pages()
    monkeypatch.setattr(queries, "has_listing_key", lambda con: False)  # an older database
    monkeypatch.setattr(event_lists, "has_listing_key", lambda con: False)
    assert pages() == with_key
    assert any(rows for rows, _ in with_key)


def test_the_listing_key_sorts_as_the_listing_order():
    # Ids that begin like one another, article indexes of one and two digits, a missing
    # evidence start, dates of every precision and none: the cases a text order can break.
    rows = [(f"e{i}", date, doc, index, start)
            for i, (date, doc, index, start) in enumerate(
                (date, doc, index, start)
                for date in (None, "2024", "2024-05", "2024-05-03", "2024-11-30")
                for doc in ("d", "d-1", "d1", "d~x", "dé")
                for index in (2, 10)
                for start in (None, 0, 5, 40))]
    con = duckdb.connect()
    con.execute("CREATE TABLE events (id VARCHAR, date_value VARCHAR, doc_id VARCHAR, "
                "article_index INTEGER, evidence_start INTEGER)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", rows)
    by_key = con.execute(f"SELECT id FROM events ORDER BY {queries.LISTING_KEY}").fetchall()
    assert by_key == con.execute(f"SELECT id FROM events ORDER BY {queries.EVENT_ORDER}").fetchall()
    assert con.execute(f"SELECT count(*) FROM events WHERE ({queries.LISTING_KEY}) IS NULL"
                       ).fetchone()[0] == 0


def test_sorted_and_incident_lists_keep_their_query(filled):
    s = Search(min_confidence=0.5)
    for table, sort in (("events", "-date"), ("incidents", None), ("incidents", "type")):
        rows, total = event_lists.search_json(filled, table, s, limit=4, offset=2, sort=sort)
        assert rows == queries.listing_json(filled, table, s, limit=4, offset=2,
                                            order=web_queries.order_by(table, sort))
        assert total == web_queries.count_matching(filled, table, s)
