"""A dyad's timeline and last contact read from the date buckets kept per dyad
(``counts_dyad_listing``, ``store/kept_buckets.py``) are what sorting every event between
the two gives; an actor's list is counted from the events when some event has an empty
date (the profile counts fold it into no month)."""

from __future__ import annotations

import json
import random

import duckdb
import pytest
from stored import coded, event, write_store
from test_counts import random_document

from diplograph.records import ActorRef, EventDate
from diplograph.store import catalog, dyad_kept, event_lists, kept_buckets, profiles, queries
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search

FLOORS = [Search(min_confidence=0.5), Search(), Search(flt=EventFilter(type="CONSULT")),
          EventFilter(status="denied")]
PAIRS = [("FIN", "NLD"), ("NLD", "FIN"), ("NLD", "BEL")]  # BEL: no event with NLD


FIN = ActorRef(name="Finland", country="FIN", kind="state")
NLD = ActorRef(name="Netherlands", country="NLD", kind="state")
# Contacts between the two: the latest that happened is c1 (a day after the year-only c2,
# before the denied c3; c4 has no date).
CONTACTS = [("c1", FIN, NLD, "2024-03-02", "day", "reported"),
            ("c2", NLD, FIN, "2024", "year", "reported"),
            ("c3", FIN, NLD, "2026-01-02", "day", "denied"),
            ("c4", NLD, FIN, None, None, "reported")]


def contacts() -> object:
    text = "Finland and the Netherlands held talks."
    return coded("contacts", text, [event(id, "contacts", text, src, tgt,
                                          EventDate(value=value, precision=precision),
                                          status=status)
                                    for id, src, tgt, value, precision, status in CONTACTS])


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    """60 random documents and the contacts above, read as the server reads them."""
    rng = random.Random(23)
    path = write_store(tmp_path_factory.mktemp("dyads") / "db.duckdb",
                       [random_document(rng, f"doc{i}", 1) for i in range(60)] + [contacts()])
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


def hide_dyad_counts(monkeypatch) -> None:
    """Read the database as one from before migration m020 (no ``counts_dyad_listing``)."""
    has_table = catalog.has_table
    monkeypatch.setattr(catalog, "has_table",
                        lambda con, table: table != "counts_dyad_listing" and has_table(con, table))


def walk(con, a: str, b: str, flt, limit: int) -> list[tuple[str, str]]:
    """Every page of the dyad's timeline, keyset after keyset."""
    walked, after = [], None
    while True:
        page = profiles.dyad_timeline_json(con, a, b, flt, limit=limit, after=after)
        walked += page
        if len(page) < limit:
            return walked
        after = page[-1][0]


@pytest.mark.parametrize("a, b", PAIRS)
@pytest.mark.parametrize("flt", FLOORS, ids=repr)
def test_a_dyads_pages_from_its_kept_buckets_are_its_sorted_events(filled, a, b, flt,
                                                                    monkeypatch):
    assert dyad_kept.timeline_page(filled, a, b, flt, limit=3, after=None) is not None
    kept = [walk(filled, a, b, flt, limit) for limit in (1, 3, 500)]
    assert kept[0] == kept[1] == kept[2]
    assert bool(kept[0]) == (b != "BEL")
    hide_dyad_counts(monkeypatch)
    assert dyad_kept.timeline_page(filled, a, b, flt, limit=3, after=None) is None
    assert walk(filled, a, b, flt, 3) == kept[0]
    assert profiles.dyad_timeline_json(filled, a, b, flt) == kept[0]  # every one, sorted


def test_a_page_after_an_unknown_event_is_empty(filled):
    assert profiles.dyad_timeline_json(filled, "FIN", "NLD", Search(), limit=5,
                                       after="no-such-event") == []


@pytest.mark.parametrize("a, b", PAIRS + [("FIN", "FIN")])
def test_the_last_contact_from_the_kept_buckets_is_the_latest_one(filled, a, b, monkeypatch):
    kept = profiles.last_contact_json(filled, a, b)
    if a != b:  # FIN-FIN: two ends of one state, never a kept pair (read from the events)
        assert (json.loads(kept)["id"] if kept else None) == ("c1" if b != "BEL" else None)
    hide_dyad_counts(monkeypatch)
    assert profiles.last_contact_json(filled, a, b) == kept


def test_names_and_words_are_read_from_the_events(filled):
    # A person, words of an article, a filter naming an actor of its own, every event.
    for a, b, flt, limit in (("Rutte", "FIN", Search(), 5), ("militants", "FIN", Search(), 5),
                             ("FIN", "NLD", Search(flt=EventFilter(actor="Rutte")), 5),
                             ("FIN", "NLD", Search(q="spoke"), 5), ("FIN", "NLD", Search(), None)):
        assert dyad_kept.timeline_page(filled, a, b, flt, limit=limit, after=None) is None
    assert kept_buckets.dyad_pair(filled, "Rutte", "FIN") is None


def test_an_empty_date_sends_an_actors_list_to_the_events(tmp_path):
    rutte = ActorRef(name="Mark Rutte", country="NLD", kind="person")
    stubb = ActorRef(name="Alexander Stubb", country="FIN", kind="person")
    text = "Rutte met Stubb."
    events = [event(f"e{i}", "d1", text, rutte, stubb, EventDate(value=value, precision=p))
              for i, (value, p) in enumerate([("", "day"), ("2024-05-01", "day"),
                                              (None, None), ("2023", "year")])]
    path = write_store(tmp_path / "db.duckdb", [coded("d1", text, events)])
    with duckdb.connect(str(path), read_only=True) as con:
        s = Search(flt=EventFilter(actor="Rutte"))
        assert kept_buckets.bucket_counts(con, s) is None  # the '' date: no kept months
        assert kept_buckets.bucket_counts(con, Search()) is not None
        listed = [json.loads(r)["id"] for r in event_lists.page_json(con, s, limit=10)[0]]
        assert listed == [e["id"] for e in queries.listing(con, "events", s)] == \
            ["e0", "e3", "e1", "e2"]
