"""What an actor page shows: a person (roles with dates from the knowledge base, events
as source and as target, counterparts) or a state (events over time by type), titled
with a name, never a bare code.

The SQL is in :mod:`diplograph.store.profiles` and :mod:`diplograph.store.event_lists`;
this module only decides what kind of actor an id names and puts the page together.
"""

from __future__ import annotations

from urllib.parse import quote

import duckdb

from diplograph.knowledge.base import KnowledgeBase, Person, load_knowledge_base
from diplograph.store import actor_counts, event_lists, profiles
from diplograph.store.filters import is_country_code, is_wikidata_id
from diplograph.store.web_queries import Search

MAX_LISTED = 200  # events listed on a person page (the rest: the event list, linked)


def actor_href(actor: dict | None) -> str | None:
    """The page of an event's actor: a person's own page (Wikidata id, else name), a
    state's page for a state or anyone else of that country, else the name's."""
    if not actor:
        return None
    person = actor.get("wikidata") or actor.get("role")
    key = (actor.get("wikidata") or actor.get("name")) if person else \
        (actor.get("country") or actor.get("name"))
    return f"/actors/{quote(key, safe='')}" if key else None


def _person(kb: KnowledgeBase, actor_id: str, found: list[dict]) -> Person | None:
    qid = actor_id.upper() if is_wikidata_id(actor_id) else (found[0]["wikidata"] if found
                                                              else None)
    names = {actor_id.lower()} | {f["name"].lower() for f in found[:1] if f["name"]}
    for person in kb.people:
        if (qid and person.wikidata == qid) or person.name.lower() in names:
            return person
    return None


def _roles(person: Person) -> list[dict]:
    """A person's offices by date; one row per title held (a president is both head of
    state and of government: one row, both roles)."""
    rows: dict[tuple, dict] = {}
    for t in sorted(person.terms, key=lambda t: (t.start, t.role)):
        key = (t.title or t.role, t.country, t.org, t.start, t.end)
        row = rows.setdefault(key, {"roles": [], "title": t.title or t.role, "country": t.country,
                                    "org": t.org, "start": t.start.isoformat(),
                                    "end": t.end.isoformat() if t.end else None,
                                    "acting": t.acting})
        row["roles"].append(t.role)
    return list(rows.values())


def identify(con: duckdb.DuckDBPyConnection, actor_id: str,
             found: list[dict] | None = None) -> dict:
    """``{"id", "kind": "state"|"person"|"organisation"|"actor", "name", "country",
    "wikidata", "roles": [...]}`` for the page's title and heading; ``found``: what
    :func:`profiles.actor_identities` answers for ``actor_id``, when already asked."""
    kb = load_knowledge_base()
    found = profiles.actor_identities(con, actor_id) if found is None else found
    if is_country_code(actor_id):
        country = kb.countries.get(actor_id)
        states = [f for f in found if f["kind"] == "state"]
        name = country.name if country else (states[0]["name"] if states else actor_id)
        return {"id": actor_id, "kind": "state", "name": name, "country": actor_id,
                "wikidata": None, "roles": []}
    person = _person(kb, actor_id, found)
    top = found[0] if found else {}
    if person or top.get("kind") == "person" or top.get("role"):
        roles = _roles(person) if person else []
        return {"id": actor_id, "kind": "person",
                "name": person.name if person else top.get("name") or actor_id,
                "country": top.get("country") or next((r["country"] for r in roles
                                                       if r["country"]), None),
                "wikidata": (person.wikidata if person else None) or top.get("wikidata"),
                "roles": roles}
    org = kb.organisations.get(top.get("name") or actor_id)
    return {"id": actor_id, "kind": "organisation" if org else "actor",
            "name": top.get("name") or actor_id, "country": top.get("country"),
            "wikidata": org.wikidata if org else top.get("wikidata"), "roles": []}


def actor_page(con: duckdb.DuckDBPyConnection, actor_id: str, search: Search) -> dict:
    """Everything an actor page shows (its JSON twin is this dict); the names the actor's
    words match are looked up once for its profile, chart and list."""
    with actor_counts.names_asked_once():
        return _page_of(con, actor_id, search)


def _page_of(con: duckdb.DuckDBPyConnection, actor_id: str, search: Search) -> dict:
    matches = profiles.actor_identities(con, actor_id)  # asked once: the slowest query
    who = identify(con, actor_id, matches)
    mine = search.with_(actor=actor_id)
    profile = profiles.actor_profile(con, actor_id, search)
    states = {c.name for c in load_knowledge_base().countries.values()}
    for c in profile["counterparts"]:
        state = c["country"] and (c["name"] in states or c["name"] in (None, c["country"]))
        c["key"] = c["country"] if state else (c["name"] or c["country"])
    counts = profiles.period_counts(con, mine)  # one count for both charts
    by_type = profiles.types_over_time(counts)
    data = {**profile, "identity": who, "matches": matches, "by_type": by_type,
            "cooperation_conflict": profiles.cooperation_block(counts),
            "undated": by_type["undated"]}  # the chart counted them: no query of its own
    if who["kind"] == "person":
        rows, total = event_lists.search(con, "events", mine, limit=MAX_LISTED, offset=0)
        data["events"], data["events_total"] = rows, total
    return data


__all__ = ["actor_href", "actor_page", "identify"]
