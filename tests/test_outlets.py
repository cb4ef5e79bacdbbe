"""The sources view at any size: outlets from their kept counts, a page at a time, in the
order of each sort, equal to grouping and sorting every article; the articles likewise."""

from __future__ import annotations

import random
from collections import defaultdict

import duckdb
import pytest
from stored import coded, event

from diplograph.records import ActorRef, EventDate
from diplograph.store.outlets import SOURCE_SORTS, outlets_defined_and_kept, sources
from diplograph.store.store import Store

HOSTS = ["https://news.example/a/", "https://www.paper.example/story/", "http://wire.example/",
         None]
RUTTE = ActorRef(name="Mark Rutte", country="NLD", kind="person")


def document(rng: random.Random, i: int):
    text = f"Report {i}: the ministers met in The Hague."
    host = rng.choice(HOSTS)
    events = [event(f"d{i}-{k}", f"d{i}", text, RUTTE, None, EventDate(value=None))
              for k in range(rng.choice([0, 0, 1, 2, 5]))]
    return coded(f"d{i}", text, events, url=f"{host}{i}" if host else None)


@pytest.fixture(scope="module")
def con(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    rng = random.Random(4)
    store = Store(tmp_path_factory.mktemp("outlets") / "db.duckdb")
    store.write([document(rng, i) for i in range(40)])
    yield store.con
    store.close()


def expected_outlets(con, sort: str) -> list[dict]:
    """Every article grouped by outlet and sorted here, from the outlets' definition."""
    defined, _ = outlets_defined_and_kept(con)
    grouped: dict[str, dict] = defaultdict(lambda: {"docs": set(), "articles": 0, "events": 0})
    for doc_id, _, outlet, n_events in defined:
        grouped[outlet]["docs"].add(doc_id)
        grouped[outlet]["articles"] += 1
        grouped[outlet]["events"] += n_events
    rows = [{"outlet": o, "documents": len(g["docs"]), "articles": g["articles"],
             "events": g["events"]} for o, g in grouped.items()]
    column = sort.lstrip("-")
    rows.sort(key=lambda r: r["outlet"])  # ties by name, whichever way the column sorts
    rows.sort(key=lambda r: r[column], reverse=sort.startswith("-"))
    return rows


@pytest.mark.parametrize("sort", list(SOURCE_SORTS))
@pytest.mark.parametrize("limit", [1, 2, 7])
def test_outlet_pages_are_the_sorted_outlets(con, sort, limit):
    expected = expected_outlets(con, sort)
    pages = [sources(con, sort=sort, limit=limit, page=p)
             for p in range(1, -(-len(expected) // limit) + 2)]
    assert [o for page in pages for o in page["outlets"]] == expected
    assert {page["n_outlets"] for page in pages} == {len(expected)}
    assert pages[-1]["outlets"] == []  # past the last page


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_article_pages_are_the_articles_by_events(con, limit):
    _, kept = outlets_defined_and_kept(con)
    expected = sorted(kept, key=lambda r: (-r[3], r[2], r[0], r[1]))
    pages = [sources(con, limit=limit, page=p)["articles"]
             for p in range(1, -(-len(expected) // limit) + 1)]
    listed = [(a["doc_id"], a["article_index"], a["outlet"], a["events"])
              for page in pages for a in page]
    assert listed == expected
    assert sources(con, limit=limit)["pages"] == -(-len(expected) // limit)
