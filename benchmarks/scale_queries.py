"""Wall and CPU time of the store queries behind the event lists, search, event and
article pages, suggestions and sources (issue 19, part A), a dyad's page, last contact
and answer (stop 17), an actor page's queries and a dyad's chart (stop 19) and a person
page's list (stop 20), called in-process on a database file, read-only and with one
DuckDB thread: what a request costs the server without HTTP, whatever the machine's load
(CPU time).

    PYTHONPATH=src python benchmarks/scale_queries.py DB [--only NAME ...] [--runs N]

Runs with main's code too (``search_json`` was in ``web_queries`` there).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable

import duckdb

from diplograph.store import outlets, profiles, queries
from diplograph.store import web_queries as wq
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search

try:  # the snapshot's fixed catalog (stop 19)
    from diplograph.store import catalog
except ImportError:
    catalog = None

try:  # this branch's module; main had the same functions in web_queries
    from diplograph.store import event_lists as lists
except ImportError:
    lists = wq


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def calls(con: duckdb.DuckDBPyConnection) -> dict[str, Callable[[], object]]:
    """The queries, with ids of the database (the first event, the middle of the list)."""
    floor = Search(min_confidence=0.5)  # the server's default
    event_id, doc_id, index = con.execute(
        "SELECT id, doc_id, article_index FROM events ORDER BY id LIMIT 1").fetchone()
    mid = con.execute("SELECT id FROM events ORDER BY date_value NULLS LAST, doc_id, "
                      "article_index, evidence_start, id LIMIT 1 OFFSET "
                      "(SELECT count(*) // 2 FROM events)").fetchone()[0]

    def page(s: Search, **kw) -> Callable[[], object]:
        return lambda: lists.search_json(con, "events", s, limit=50, **{"offset": 0, **kw})

    return {
        "events page 1": page(floor),
        "events page 1000": page(floor, offset=49_950),
        "events after the middle": page(floor, after=mid),
        "events actor=Donald Trump": page(floor.with_(actor="Donald Trump")),
        "events q=talks": page(floor.with_(q="talks")),
        "one event": lambda: wq.event(con, event_id),
        "one article": lambda: queries.article(con, doc_id, index),
        "overview totals": lambda: wq.totals(con, floor, whole=True),
        "sources": lambda: outlets.sources(con),
        "suggest Don": lambda: wq.actor_suggestions(con, "Don"),
        "events type=CONSULT since 2020": page(floor.with_(type="CONSULT", since="2020")),
        "events place=London": page(Search(flt=EventFilter(place="London"))),
        **dyad_calls(con, floor),
        **actor_calls(con, floor),
        **page_calls(con, floor),
    }


def page_calls(con: duckdb.DuckDBPyConnection, floor: Search) -> dict[str, Callable]:
    """The networks (country and actor level, all edges and the heaviest 200) and a whole
    person page (its identities, profile, chart and list of 200), as the server asks them
    (stop 21)."""
    from diplograph.serve import actor_view

    named = {f"network {level} limit {limit}": (
        lambda level=level, limit=limit: profiles.network(con, floor, level=level, limit=limit))
        for level, limit in (("country", None), ("actor", None), ("actor", 200))}
    named["actor page Donald Trump"] = lambda: actor_view.actor_page(con, "Donald Trump", floor)
    return named


def actor_calls(con: duckdb.DuckDBPyConnection, floor: Search) -> dict[str, Callable]:
    """An actor page's two queries (its identities, its profile) for the busiest state, the
    busiest Wikidata id and a person by name, and the dyad page's chart of the busiest
    pair of countries (stop 19)."""
    state = con.execute("SELECT source_country FROM events WHERE source_country IS NOT NULL "
                        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    person = con.execute("SELECT source_wikidata FROM events WHERE source_wikidata IS NOT NULL "
                         "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    a, b = _busiest_pair(con)
    named = {}
    for actor in (state, person[0] if person else None, "Donald Trump"):
        if actor is not None:
            named[f"actor identities {actor}"] = (
                lambda actor=actor: profiles.actor_identities(con, actor))
            named[f"actor profile {actor}"] = (
                lambda actor=actor: profiles.actor_profile(con, actor, floor))
            # A person page's list of 200 events and its total (stop 20).
            named[f"actor list of 200 {actor}"] = (
                lambda actor=actor: lists.search_json(con, "events", floor.with_(actor=actor),
                                                      limit=200, offset=0))
    named[f"dyad {a}-{b} chart"] = lambda: profiles.cooperation_conflict(
        con, floor.with_(actor=a, other=b))
    return named


def _busiest_pair(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    return con.execute("SELECT least(source_country, target_country), greatest(source_country, "
                       "target_country) FROM events WHERE source_country <> target_country "
                       "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()


def dyad_calls(con: duckdb.DuckDBPyConnection, floor: Search) -> dict[str, Callable]:
    """The busiest pair of countries: its first page of 500, its last contact, and its
    page made into the API's answer, through the response model (main's ``/api/dyad``) and
    as stored (this branch's, where ``dyad_timeline_json`` exists)."""
    a, b = _busiest_pair(con)
    found = {"all": []}

    def validated() -> str:
        from diplograph.serve.models import Dyad

        events = profiles.dyad_timeline(con, a, b, floor, limit=500)
        return Dyad.model_validate({"a": a, "b": b, "count": len(events), "events": events,
                                    "next": None, "last_contact": None}).model_dump_json()

    def stored() -> str:
        from diplograph.serve.models import public_event

        found["all"] = profiles.dyad_timeline_json(con, a, b, floor, limit=500)
        return ", ".join(public_event(record) for _, record in found["all"])

    named = {f"dyad {a}-{b} page of 500": lambda: profiles.dyad_timeline(con, a, b, floor,
                                                                          limit=500),
             f"dyad {a}-{b} last contact": lambda: profiles.last_contact(con, a, b),
             f"dyad {a}-{b} answer, validated": validated}
    if hasattr(profiles, "dyad_timeline_json"):
        named[f"dyad {a}-{b} answer, as stored"] = stored
    return named


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--only", nargs="*", help="Only the queries whose name holds one of these.")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    con.execute("SET threads = 1")
    if hasattr(catalog, "fix"):  # as the server does with its snapshot (stop 19 on)
        catalog.fix(con, catalog.read(con))
    for name, call in calls(con).items():
        if args.only and not any(part in name for part in args.only):
            continue
        call()  # warm-up
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), _cpu()
            call()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((_cpu() - cpu) * 1000)
        print(f"{name:34s} wall p50 {statistics.median(walls):8.1f} ms   "
              f"CPU p50 {statistics.median(cpus):7.1f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
