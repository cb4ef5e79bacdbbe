"""The HTTP API and the pages' JSON twins, over real HTTP, on a DB built from the sample."""

from __future__ import annotations

import json
import shutil
import time
from urllib.parse import quote

import duckdb
import httpx
import pytest
from needs import need_module

need_module("fastapi", "the web extra is not installed")

from diplograph.records import EVENT_TYPES, STATUSES  # noqa: E402
from diplograph.serve import WebSettings, create_app  # noqa: E402
from diplograph.serve.testing import running_server  # noqa: E402


@pytest.fixture(scope="module")
def base(sample_db) -> str:
    app = create_app(WebSettings(db=sample_db))
    with running_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def get(client: httpx.Client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r.json() if "json" in r.headers.get("content-type", "") else r.text


def all_events(client) -> list[dict]:
    return get(client, "/api/events?limit=500")["data"]


def test_events_are_paginated(client):
    everything = get(client, "/api/events?limit=500")
    assert everything["count"] == len(everything["data"]) > 5
    first, second = (get(client, f"/api/events?limit=3&page={p}") for p in (1, 2))
    assert first["count"] == everything["count"] and len(first["data"]) == 3
    assert first["pages"] == -(-everything["count"] // 3)
    assert [e["id"] for e in first["data"] + second["data"]] == \
        [e["id"] for e in everything["data"][:6]]
    beyond = get(client, f"/api/events?limit=3&page={first['pages'] + 5}")
    assert beyond["data"] == [] and beyond["count"] == everything["count"]


@pytest.mark.parametrize("path", ["/api/events", "/api/incidents"])
def test_keyset_pages_follow_the_listing_order(client, path):
    everything = [r["id"] for r in get(client, f"{path}?limit=500")["data"]]
    seen, after = [], None
    while True:
        page = get(client, f"{path}?limit=4" + (f"&after={after}" if after else ""))
        seen += [r["id"] for r in page["data"]]
        if not page["next"]:
            break
        after = page["next"]
    assert seen == everything and len(everything) > 4
    assert get(client, f"{path}?after=no-such-id")["data"] == []
    by_type = get(client, "/api/events?limit=3&sort=type")
    assert get(client, f"/api/events?limit=3&sort=type&after={seen[0]}") == by_type
    assert by_type["next"] is None  # no cursor for a sorted list


def test_lists_send_the_stored_records(client, sample_db):
    """As stored, or through the model for a record older than one of its fields (as
    ``/api/dyad`` sends them)."""
    from diplograph.serve.models import public_event

    sent = get(client, "/api/events?limit=500")["data"]
    with duckdb.connect(str(sample_db), read_only=True) as con:
        stored = dict(con.execute("SELECT id, record FROM events").fetchall())
    assert sent == [json.loads(public_event(stored[e["id"]])) for e in sent]
    assert len(sent) == len(stored)


@pytest.mark.parametrize("param, value, check", [
    ("type", "CONSULT", lambda e: e["type"] == "CONSULT"),
    ("type", "consult", lambda e: e["type"] == "CONSULT"),
    ("status", "planned", lambda e: e["status"] == "planned"),
    ("country", "usa", lambda e: "USA" in ((e["source"] or {}).get("country"),
                                           (e["target"] or {}).get("country"))),
    ("since", "2025-08", lambda e: e["date"]["value"] >= "2025-08"),
    ("until", "2025-03", lambda e: e["date"]["value"][:7] <= "2025-03"),
])
def test_event_filters(client, param, value, check):
    found = get(client, f"/api/events?{param}={value}&limit=500")["data"]
    assert found and all(check(e) for e in found)
    assert len(found) < len(all_events(client))


def test_text_search_and_mode(client):
    events = all_events(client)
    word = events[0]["evidence"]["text"].split()[2].strip(".,").lower()
    found = get(client, f"/api/events?q={quote(word)}&limit=500")["data"]
    assert found and events[0]["id"] in {e["id"] for e in found}
    moded = [e for e in events if e.get("mode")]
    if moded:
        mode = moded[0]["mode"]
        got = get(client, f"/api/events?mode={mode}&limit=500")["data"]
        assert got and all(e["mode"] == mode for e in got)
    assert get(client, "/api/events?q=zzzyyyxxx")["count"] == 0


@pytest.mark.parametrize("query, parameter", [
    ("type=FOO", "type"), ("status=maybe", "status"), ("since=2025-13-01", "since"),
    ("until=yesterday", "until"), ("page=0", "page"), ("limit=0", "limit"),
    ("limit=100000", "limit"), ("page=abc", "page"), ("country=CANADA", "country"),
])
def test_bad_parameters_are_422_with_json(client, query, parameter):
    for path in ("/api/events", "/api/incidents", "/events.json"):
        body = get(client, f"{path}?{query}", 422)
        assert body["error"]["status"] == 422
        assert parameter in [d["parameter"] for d in body["error"]["details"]]


GARBAGE = ["", "'", "' OR 1=1 --", "\"; DROP TABLE events; --", "%00", "%FF%FE", "🙂" * 50,
           "a" * 5000, "-1", "1e9", "[]", "{}", "%", "_", "\\", "NULL", "2025-02-30"]
ENDPOINTS = ["/api/events", "/api/incidents", "/api/network", "/api/dyad", "/api/last-contact",
             "/api/actors/RUS", "/", "/index.json", "/events", "/dyad", "/dyad.json", "/network",
             "/network.json", "/map.json", "/incidents.json"]
PARAMS = ["type", "status", "since", "until", "actor", "country", "mode", "q", "page", "limit",
          "a", "b", "level", "min_weight", "top", "zzz"]


def test_garbage_never_gives_500(client):
    # Every value in every parameter of the main listing; elsewhere a rotating pair of values.
    cases = [("/api/events", p, v) for p in PARAMS for v in GARBAGE]
    cases += [(path, p, GARBAGE[(i + j + k) % len(GARBAGE)]) for i, path in enumerate(ENDPOINTS[1:])
              for j, p in enumerate(PARAMS) for k in (0, 7)]
    for path, param, value in cases:
        r = client.get(f"{path}?{param}={value}&a=USA&b=RUS")
        assert r.status_code < 500, (path, param, value, r.text[:300])
        if r.status_code >= 400 and not path.endswith(("/", "/events", "/dyad", "/network")):
            assert "error" in r.json()
    for path in ["/api/events/%27%20OR%201%3D1", "/events/%00", "/articles/x/-1",
                 "/articles/x/abc.json", "/api/articles/..%2F..%2Fetc/0", "/nope", "/api/nope"]:
        r = client.get(path)
        assert 400 <= r.status_code < 500, (path, r.status_code)
    assert get(client, "/api/events?limit=500")["count"] == len(all_events(client))  # still there


def test_event_and_incident_records(client):
    ev = all_events(client)[0]
    one = get(client, f"/api/events/{ev['id']}")
    assert one["id"] == ev["id"] and one["evidence"] == ev["evidence"]
    assert one["incident_id"]
    inc = get(client, f"/api/incidents/{one['incident_id']}")
    assert ev["id"] in [e["id"] for e in inc["events"]]
    assert inc["n_events"] == len(inc["events"])
    assert get(client, "/api/events/no-such-id", 404)["error"]["message"]
    assert get(client, "/api/incidents/no-such-id", 404)["error"]["status"] == 404
    listed = get(client, "/api/incidents?limit=500")
    assert listed["count"] == len(listed["data"]) >= 1
    assert all(i["status"] in STATUSES for i in listed["data"])


def test_pages_count_in_nouns_that_agree_with_the_number(client):
    """'1 event in 1 article from 1 source', never '1 events'."""
    for inc in get(client, "/api/incidents?limit=500")["data"]:
        page = get(client, f"/incidents/{quote(inc['id'], safe='')}")
        n, a, s = (get(client, f"/api/incidents/{quote(inc['id'], safe='')}")[k]
                   for k in ("n_events", "n_articles", "n_sources"))
        words = [f"{n} event{'s' * (n != 1)} in", f"{a} article{'s' * (a != 1)} from",
                 f"{s} source{'s' * (s != 1)};"]
        assert all(w in page for w in words), (inc["id"], words)
    assert "1 events" not in get(client, "/")


def test_dyad_timeline_and_last_contact(client):
    dyad = get(client, "/api/dyad?a=USA&b=RUS")
    assert dyad["count"] == len(dyad["events"]) >= 1
    for e in dyad["events"]:
        assert {e["source"]["country"], (e["target"] or {}).get("country")} == {"USA", "RUS"}
    last = get(client, "/api/last-contact?a=RUS&b=USA")["event"]
    assert last is not None and last["type"] == "CONSULT"
    assert last["status"] in ("asserted", "reported", "unconfirmed")
    # The last contact is the latest dated one; an undated contact has no place in time.
    happened = [e["date"]["value"] for e in dyad["events"] if e["type"] == "CONSULT"
                and e["status"] in ("asserted", "reported", "unconfirmed")
                and e["date"]["value"] is not None]
    assert last["date"]["value"] == max(happened)
    assert get(client, "/dyad.json?a=USA&b=RUS")["events"] == dyad["events"]
    assert get(client, "/api/last-contact?a=USA&b=ZZZ")["event"] is None
    assert get(client, "/api/dyad?a=USA", 422)["error"]["details"][0]["parameter"] == "b"


def test_a_stored_event_is_sent_as_it_is_unless_it_predates_a_field():
    from diplograph.serve.models import public_event

    carney = {"name": "Mark Carney", "country": "CAN", "sector": "GOV", "role": None,
              "wikidata": "Q1", "text": "Carney", "kind": "person"}
    record = {"id": "e1", "doc_id": "d1", "article_index": 0, "type": "CONSULT",
              "mode": "phone", "source": carney, "target": None,
              "date": {"value": "2025-12-26", "precision": "day", "text": None},
              "location": None, "status": "reported", "factuality": 2.0,
              "claimed_by": None, "claim_chain": [],
              "evidence": {"text": 'He said "factuality": none.', "start": 0, "end": 9},
              "confidence": 0.82, "incident_id": "inc_1", "rules": ["r1"]}
    stored = json.dumps(record)
    assert public_event(stored) is stored  # neither parsed nor validated
    older = {k: v for k, v in record.items() if k not in ("factuality", "claim_chain")}
    assert json.loads(public_event(json.dumps(older))) == {
        **older, "factuality": None, "claim_chain": []}
    no_role = {**record, "source": {k: v for k, v in carney.items() if k != "role"}}
    assert json.loads(public_event(json.dumps(no_role))) == record  # an actor's field too


def test_the_event_list_and_the_dyad_send_an_older_record_alike(tmp_path):
    """A record stored before ``factuality`` and ``claim_chain`` existed: both routes send
    it through the model (the fields null and empty), the others as stored."""
    from stored import coded, event, write_store

    from diplograph.records import ActorRef, EventDate

    text = "Carney and Zelenskyy spoke."
    can, ukr = ActorRef(name="Canada", country="CAN"), ActorRef(name="Ukraine", country="UKR")
    db = write_store(tmp_path / "old.duckdb", [coded("d1", text, [
        event(f"e{i}", "d1", text, can, ukr, EventDate(value=f"2025-0{i + 1}-02"))
        for i in range(3)])])
    with duckdb.connect(str(db)) as con:  # e1 as an older version stored it
        record = json.loads(con.execute("SELECT record FROM events WHERE id = 'e1'").fetchone()[0])
        older = {k: v for k, v in record.items() if k not in ("factuality", "claim_chain")}
        con.execute("UPDATE events SET record = ? WHERE id = 'e1'", [json.dumps(older)])
    with running_server(create_app(WebSettings(db=db))) as url, \
            httpx.Client(base_url=url, timeout=30) as c:
        listed = get(c, "/api/events")["data"]
        dyad = get(c, "/api/dyad?a=CAN&b=UKR")["events"]
    assert [e["id"] for e in listed] == ["e0", "e1", "e2"]
    assert listed[1]["factuality"] is None and listed[1]["claim_chain"] == []
    def without_incident(events):  # the dyad's events name theirs, the list's do not
        return [{k: v for k, v in e.items() if k != "incident_id"} for e in events]

    assert without_incident(listed) == without_incident(dyad)


def test_network_and_actor_profile(client):
    net = get(client, "/api/network")
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    consult = get(client, "/api/network?type=CONSULT")
    assert all(set(e["types"]) == {"CONSULT"} for e in consult["edges"])
    assert get(client, "/network.json?type=CONSULT")["edges"] == consult["edges"]
    top = get(client, "/api/network?limit=2")
    assert top["edges"] == net["edges"][:2] and len(net["edges"]) > 2
    assert top["edges_total"] == net["edges_total"] == len(net["edges"])
    assert {n["id"] for n in top["nodes"]} == {e[end] for e in top["edges"]
                                               for end in ("source", "target")}
    profile = get(client, "/api/actors/RUS")
    assert profile["n_events"] == profile["as_source"] + profile["as_target"] > 0
    assert "USA" in {c["country"] for c in profile["counterparts"]}


def test_the_network_sends_its_heaviest_edges_and_says_how_many_there_are(client):
    from diplograph.serve.routes import actors

    whole = get(client, "/api/network?level=actor")
    assert whole["edges_total"] == len(whole["edges"]) > 2
    shown = get(client, f"/api/network?level=actor&limit={len(whole['edges']) - 1}")
    assert shown["edges"] == whole["edges"][:-1] and shown["edges_total"] == len(whole["edges"])
    page = client.get(f"/network?level=actor&limit={len(whole['edges']) - 1}").text
    assert 'id="edges-limited"' in page and f"of {len(whole['edges'])} links" in page
    assert 'id="edges-limited"' not in client.get("/network?level=actor").text
    limit = next(p for p in get(client, "/openapi.json")["paths"]["/api/network"]["get"]
                 ["parameters"] if p["name"] == "limit")
    assert limit["schema"]["default"] == actors.EDGES_SHOWN and "edges_total" in \
        limit["description"]


def test_article_segments_mark_the_evidence(client):
    ev = all_events(client)[0]
    art = get(client, f"/api/articles/{ev['doc_id']}/{ev['article_index']}")
    assert "".join(s["text"] for s in art["segments"]) == art["text"]
    marked = "".join(s["text"] for s in art["segments"]
                     if ev["id"] in s["events"])
    assert marked == ev["evidence"]["text"] == (
        art["text"][ev["evidence"]["start"]:ev["evidence"]["end"]]
    )
    page = get(client, f"/events/{ev['id']}.json")
    assert "".join(s["text"] for s in page["segments"] if s["focus"]) == ev["evidence"]["text"]
    get(client, f"/api/articles/{ev['doc_id']}/99", 404)


def test_every_page_has_a_json_twin(client):
    ev = all_events(client)[0]
    pages = ["/", "/events?type=CONSULT", "/incidents", "/dyad?a=USA&b=RUS", "/network",
             "/map", f"/events/{ev['id']}", f"/articles/{ev['doc_id']}/{ev['article_index']}",
             "/actors/RUS", f"/incidents/{ev_incident(client, ev)}"]
    for page in pages:
        html = client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        path, _, query = page.partition("?")
        twin = ("/index.json" if path == "/" else path + ".json") + (f"?{query}" if query else "")
        assert f'href="{twin.replace("&", "&amp;")}"' in html.text, page
        data = client.get(twin)
        assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    ids = [e["id"] for e in get(client, "/events.json?type=CONSULT")["data"]]
    assert ids == [e["id"] for e in get(client, "/api/events?type=CONSULT")["data"]]


def ev_incident(client, ev) -> str:
    return get(client, f"/api/events/{ev['id']}")["incident_id"]


def test_overview_counts(client):
    data = get(client, "/index.json")
    assert data["totals"]["events"] == len(all_events(client))
    by_type = data["by_type"]
    assert set(by_type["series"]) <= set(EVENT_TYPES)
    assert all(len(v) == len(by_type["periods"]) for v in by_type["series"].values())
    assert set(data["by_status"]["series"]) <= set(STATUSES)
    assert data["top_dyads"][0]["n"] >= data["top_dyads"][-1]["n"]


def test_openapi_is_served(client):
    spec = get(client, "/openapi.json")
    for path in ("/api/events", "/api/incidents", "/api/dyad", "/api/last-contact",
                 "/api/network", "/api/actors/{actor_id}", "/api/articles/{doc_id}/{index}"):
        assert path in spec["paths"], path
    assert "swagger" in get(client, "/docs").lower()


def test_event_and_incident_schemas_list_their_fields_in_record_order(client):
    schemas = get(client, "/openapi.json")["components"]["schemas"]
    assert list(schemas["EventPublic"]["properties"])[:9] == [
        "id", "doc_id", "article_index", "type", "mode", "source", "target", "date", "location"]
    assert list(schemas["IncidentPublic"]["properties"])[:7] == [
        "id", "type", "mode", "source", "target", "date", "status"]


def test_the_event_schema_documents_the_claim_fields(client):
    """factuality and claim_chain are in every event record: the schema must say so."""
    fields = get(client, "/openapi.json")["components"]["schemas"]["EventPublic"]["properties"]
    assert {"anyOf": [{"type": "number", "maximum": 3.0, "minimum": -3.0}, {"type": "null"}]
            }.items() <= fields["factuality"].items()
    assert fields["claim_chain"]["items"] == {"$ref": "#/components/schemas/ActorPublic"}
    events = all_events(client)
    assert all({"factuality", "claim_chain"} <= set(e) for e in events)
    assert any(e["claim_chain"] for e in events), "the sample has reported claims"
    assert all(-3 <= e["factuality"] <= 3 for e in events)


def test_server_shows_what_a_program_that_does_not_publish_wrote(sample_db, tmp_path):
    """The server never locks the file: any program can open it for writing while pages are
    served, and once it lets go, the server publishes the file itself and shows the change."""
    db = tmp_path / "live.duckdb"
    shutil.copyfile(sample_db, db)
    app = create_app(WebSettings(db=db, refresh_s=0))
    with running_server(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        ev = all_events(client)[0]
        writer = duckdb.connect(str(db))  # the exclusive lock an ingest holds
        try:
            assert client.get("/").status_code == 200
            writer.execute("UPDATE events SET status = 'denied', record = json_merge_patch("
                           "record, '{\"status\": \"denied\"}') WHERE id = ?", [ev["id"]])
        finally:
            writer.close()
        deadline = time.monotonic() + 10
        while get(client, f"/api/events/{ev['id']}")["status"] != "denied":
            assert time.monotonic() < deadline, "the server never saw the committed write"
            time.sleep(0.1)
        for page in ("/", "/network", "/map", f"/events/{ev['id']}"):
            assert client.get(page).status_code == 200


def test_missing_database_is_a_clear_error(tmp_path):
    from diplograph.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        create_app(WebSettings(db=tmp_path / "absent.duckdb"))


def test_a_dyad_is_paged_by_keyset(client):
    top = get(client, "/index.json")["top_dyads"][0]
    whole = get(client, f"/api/dyad?a={top['a']}&b={top['b']}&min_confidence=0")
    assert whole["count"] == len(whole["events"]) >= 2 and whole["next"] is None
    pages, after = [], ""
    while True:
        page = get(client, f"/api/dyad?a={top['a']}&b={top['b']}&min_confidence=0&limit=1"
                           f"&after={after}")
        assert page["count"] == whole["count"] and len(page["events"]) <= 1
        pages += page["events"]
        if page["next"] is None:
            break
        after = page["next"]
    assert [e["id"] for e in pages] == [e["id"] for e in whole["events"]]
    assert get(client, f"/dyad.json?a={top['a']}&b={top['b']}")["next"] is None
