"""The JSON answers of the routes issue 19 part A changed (event lists, keyset walk,
search, event and article pages, overview, sources, suggestions; stop 17: dyads and last
contacts; stop 20: an actor's event list), from a copy of a small
database, written to a file: run it with main's ``src`` and with a branch's, then compare
the two files (``--compare A B``).

    PYTHONPATH=src python benchmarks/part_a_answers.py DB OUT.json
    python benchmarks/part_a_answers.py --compare MAIN.json BRANCH.json
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import duckdb

# Keys the sources view gained with paging: left out of the comparison.
_NEW_KEYS = ("page", "limit", "pages")
_SUGGESTED = ("Don", "tru", "Pu", "RUS", "the", "minister", "Q7747", "xyz")


def urls(db: Path) -> list[str]:
    """Every page of the event list (7 and 20 a page), filtered and sorted pages, single
    events, the busiest articles, the overview, sources and suggestions."""
    with duckdb.connect(str(db), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM events WHERE confidence >= 0.5").fetchone()[0]
        ids = [r[0] for r in con.execute("SELECT id FROM events ORDER BY id LIMIT 5").fetchall()]
        articles = con.execute("SELECT doc_id, article_index FROM events GROUP BY ALL "
                               "ORDER BY count(*) DESC, 1, 2 LIMIT 3").fetchall()
        person = con.execute("SELECT source_name FROM events WHERE source_role IS NOT NULL "
                             "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    found = [f"/api/events?page={p}&limit=7" for p in range(1, n // 7 + 3)]
    found += [f"/events.json?page={p}&limit=20" for p in range(1, n // 20 + 3)]
    found += [f"/api/events?actor={quote(person)}", "/api/events?actor=RUS&page=2&limit=5",
              "/api/events?q=talks", "/api/events?q=talks&page=2&limit=5",
              "/api/events?type=CONSULT&since=2020", "/api/events?undated=true&limit=5&page=2",
              "/api/events?min_confidence=0&limit=9&page=3",
              "/api/events?sort=-date&page=3&limit=5",
              "/index.json", "/sources.json", "/sources.json?sort=outlet",
              "/sources.json?sort=-articles", "/sources.json?sort=documents"]
    found += [f"/api/events/{i}" for i in ids] + [f"/events/{i}.json" for i in ids]
    found += [f"/{prefix}articles/{quote(d, safe='')}/{i}{suffix}" for d, i in articles
              for prefix, suffix in (("api/", ""), ("", ".json"))]
    found += [f"/api/actors/suggest?q={quote(q)}" for q in _SUGGESTED]
    return found + dyad_urls(db) + profile_urls(db)


def profile_urls(db: Path) -> list[str]:
    """The networks and the actor pages (stop 18) of the busiest state and person (and, stop
    19, of the busiest Wikidata id), and the keyset pages after undated events (each tenth
    of them)."""
    with duckdb.connect(str(db), read_only=True) as con:
        state = con.execute("SELECT source_country FROM events WHERE source_country IS NOT "
                            "NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
        person = con.execute("SELECT source_name FROM events WHERE source_role IS NOT NULL "
                             "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
        wikidata = con.execute("SELECT source_wikidata FROM events WHERE source_wikidata IS NOT "
                               "NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
        undated = [r[0] for r in con.execute(
            "SELECT id FROM events WHERE date_value IS NULL ORDER BY id").fetchall()][::10]
    found = ["/api/network", "/api/network?level=actor", "/api/network?level=actor&limit=3",
             "/network.json", "/network.json?level=actor", "/network.json?type=CONSULT"]
    for actor in (state, person, *(wikidata or ())):
        found += [f"/api/actors/{quote(actor, safe='')}", f"/actors/{quote(actor, safe='')}.json"]
        # An actor's event list, from its kept profile counts (stop 20).
        found += [f"/api/events?actor={quote(actor)}&limit=20&page=3",
                  f"/events.json?actor={quote(actor)}&type=CONSULT&min_confidence=0"]
    return found + [f"/api/events?limit=4&after={quote(i, safe='')}" for i in undated]


def dyad_urls(db: Path) -> list[str]:
    """The dyad and last-contact routes (stop 17) for the two busiest pairs of countries and
    a pair of people: whole, a page of 2 and a page after it, every confidence."""
    with duckdb.connect(str(db), read_only=True) as con:
        pairs = con.execute(
            "SELECT least(source_country, target_country), greatest(source_country, "
            "target_country) FROM events WHERE source_country <> target_country "
            "GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 2").fetchall()
        pairs += con.execute("SELECT source_name, target_name FROM events WHERE source_role "
                             "IS NOT NULL AND target_name IS NOT NULL GROUP BY ALL "
                             "ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchall()
        first = con.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0]
    found = []
    for a, b in pairs:
        ab = f"a={quote(a)}&b={quote(b)}"
        found += [f"/api/dyad?{ab}", f"/api/dyad?{ab}&min_confidence=0&limit=2",
                  f"/api/dyad?{ab}&limit=2&after={first}", f"/api/dyad?{ab}&type=CONSULT",
                  f"/dyad.json?{ab}", f"/api/last-contact?{ab}", f"/api/last-contact?b={a}&a={b}",
                  f"/dyad.json?{ab}&status=reported&min_confidence=0"]
    return found


def answers(db: Path) -> dict:
    """Each URL's JSON (or its status), and the ids of a keyset walk of the whole list."""
    from fastapi.testclient import TestClient

    from diplograph.serve import WebSettings, create_app

    copy = Path(tempfile.mkdtemp()) / "db.duckdb"
    shutil.copy(db, copy)
    out: dict = {}
    with TestClient(create_app(WebSettings(db=copy, refresh_s=3600))) as client:
        for url in urls(copy):
            response = client.get(url)
            body = response.json() if response.status_code == 200 else response.status_code
            if isinstance(body, dict) and "outlets" in body:
                body = {k: v for k, v in body.items() if k not in _NEW_KEYS}
            if isinstance(body, dict) and "edges" in body:  # keys stop 18 added, on purpose
                body = {k: v for k, v in body.items() if k not in ("edges_total", "limit")}
            out[url] = body
        walked, after = [], None
        while True:
            page = client.get("/api/events?limit=13" + (f"&after={after}" if after else ""))
            walked += [e["id"] for e in page.json()["data"]]
            after = page.json().get("next")
            if not after:
                break
        out["keyset walk"] = walked
    return out


def main(argv: list[str]) -> int:
    if argv[0] == "--compare":
        first, second = (json.loads(Path(p).read_text()) for p in argv[1:3])
        differ = [u for u in first if first[u] != second.get(u)]
        print(f"{len(first) - len(differ)} of {len(first)} answers identical; differ: {differ}")
        return 1 if differ else 0
    Path(argv[1]).write_text(json.dumps(answers(Path(argv[0])), indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
