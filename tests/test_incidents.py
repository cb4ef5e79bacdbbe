"""Fusion of events into incidents: pure rules, and two real articles about one call."""

from __future__ import annotations

import json

import pytest

from diplograph.records import ActorRef, Event, EventDate, Evidence
from diplograph.store.incidents import (
    Report,
    actors_compatible,
    dates_compatible,
    fuse,
    fusion_key,
    summarize,
)

CARNEY = ActorRef(name="Mark Carney", country="CAN", sector="GOV", role="head of government",
                  kind="person")
ZELENSKYY = ActorRef(name="Volodymyr Zelenskyy", country="UKR", sector="GOV", role="head of state",
                     kind="person")
UKRAINE = ActorRef(name="Ukraine", country="UKR", sector="GOV", kind="state")
PUTIN = ActorRef(name="Vladimir Putin", country="RUS", role="head of state", kind="person")
LAVROV = ActorRef(name="Sergei Lavrov", country="RUS", role="foreign minister", kind="person")
KREMLIN = ActorRef(name="Russia", country="RUS", sector="GOV", kind="state", text="the Kremlin")
TRUMP = ActorRef(name="Donald Trump", country="USA", role="head of state", kind="person")


def ev(id, doc="a", type="CONSULT", source=CARNEY, target=ZELENSKYY, date="2025-12-26",
       status="reported", index=0, claimed_by=None, mode=None) -> Event:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")
    return Event(id=id, doc_id=doc, article_index=index, type=type, mode=mode, source=source,
                 target=target, date=EventDate(value=date, precision=precision), status=status,
                 evidence=Evidence(text=f"sentence {id}", start=0, end=10), confidence=0.8,
                 claimed_by=claimed_by)


def test_symmetric_types_ignore_direction_in_the_key():
    assert fusion_key(ev("1")) == fusion_key(ev("2", source=ZELENSKYY, target=CARNEY))
    assert fusion_key(ev("1", type="ACCUSE")) != fusion_key(
        ev("2", type="ACCUSE", source=ZELENSKYY, target=CARNEY))


@pytest.mark.parametrize("a, b, ok", [
    ("2025-12-26", "2025-12-26", True), ("2025-12-26", "2025-12", True),
    ("2025-12-26", "2025", True), ("2025-12", "2025-11", False),
    ("2025-12-26", "2025-12-27", False), (None, "2025-12-26", False),
])
def test_dates_compatible_with_their_precisions(a, b, ok):
    assert dates_compatible(EventDate(value=a), EventDate(value=b)) is ok


def test_actor_compatibility():
    assert actors_compatible(PUTIN, KREMLIN)  # a person and the state's government
    assert not actors_compatible(PUTIN, LAVROV)  # two different people
    assert actors_compatible(None, None) and not actors_compatible(PUTIN, None)


def test_same_call_in_three_sources_is_one_incident_with_status_range():
    events = [
        ev("1", doc="a", status="reported", claimed_by=CARNEY),
        ev("2", doc="b", source=ZELENSKYY, target=CARNEY, status="asserted"),
        ev("3", doc="c", source=UKRAINE, target=CARNEY, date="2025-12", status="unconfirmed"),
    ]
    reports = {"a#0": Report(published="2025-12-27", outlet="x.example"),
               "b#0": Report(published="2025-12-26", outlet="y.example"),
               "c#0": Report(published="2025-12-29", outlet="y.example")}
    [incident] = fuse(events, reports)
    assert incident.n_events == 3 and incident.n_articles == 3 and incident.n_sources == 2
    assert (incident.status, incident.weakest_status) == ("asserted", "unconfirmed")
    assert (incident.first_report, incident.last_report) == ("2025-12-26", "2025-12-29")
    assert incident.date.value == "2025-12-26"
    assert incident.source.name in ("Mark Carney", "Volodymyr Zelenskyy")
    assert incident.summary.startswith(
        "asserted by 1 source; reported by 1 source (claimed by Mark Carney)")
    assert [e["event_id"] for e in incident.evidence] == ["1", "2", "3"]


def test_different_days_types_or_people_stay_apart():
    events = [ev("1"), ev("2", date="2025-12-20"), ev("3", type="SUPPORT"),
              ev("4", source=PUTIN, target=TRUMP), ev("5", source=LAVROV, target=TRUMP)]
    assert len(fuse(events)) == 5


def test_ambiguous_month_is_not_glued_to_two_days():
    incidents = fuse([ev("1", date="2025-12-20"), ev("2", date="2025-12-26"),
                      ev("3", date="2025-12")])
    assert len(incidents) == 3


def test_undated_mention_joins_only_its_own_article():
    incidents = fuse([ev("1", doc="a"), ev("2", doc="a", date=None), ev("3", doc="b", date=None)])
    sizes = sorted(i.n_events for i in incidents)
    assert sizes == [1, 2]


def test_fusion_is_deterministic_and_ids_stable():
    events = [ev("1", doc="a"), ev("2", doc="b"), ev("3", doc="c", date="2025-11-02")]
    first = [(i.id, i.event_ids) for i in fuse(events)]
    assert first == [(i.id, i.event_ids) for i in fuse(list(reversed(events)))]


def test_summary_counts_distinct_outlets():
    reports = {"a#0": Report(outlet="x"), "b#0": Report(outlet="x")}
    assert summarize([ev("1", doc="a"), ev("2", doc="b")], reports) == "reported by 1 source"


TWO_ARTICLES = [  # two differently worded reports of the same phone call (written for this test)
    {"id": "call_a", "url": "https://www.maple-wire.example/world/carney-call",
     "published": "2025-12-27", "title": "Carney and Zelenskyy discuss peace plan",
     "text": "Canadian Prime Minister Mark Carney spoke by phone with Ukrainian President "
             "Volodymyr Zelenskyy on Friday, the Prime Minister's Office said in a statement. "
             "The two leaders discussed the peace plan and security guarantees for Ukraine."},
    {"id": "call_b", "url": "https://kyiv-daily.example/news/zelenskyy-carney",
     "published": "2025-12-26", "title": "Zelenskyy holds call with Canadian leader",
     "text": "Ukrainian President Volodymyr Zelenskyy held a telephone conversation with "
             "Canada's prime minister Mark Carney on December 26, 2025. Zelenskyy thanked "
             "Carney for Canada's support, his office said."},
]


def test_two_articles_about_the_same_call_fuse_into_one_incident(tmp_path, warm_process):
    from diplograph.run.ingest import ingest_paths
    from diplograph.store import queries
    from diplograph.store.filters import EventFilter
    from diplograph.store.store import Store

    src = tmp_path / "calls.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in TWO_ARTICLES), encoding="utf-8")
    db = tmp_path / "db.duckdb"
    ingest_paths([str(src)], db)
    with Store(db, read_only=True) as store:
        [call] = queries.incidents(store.con, EventFilter(type="CONSULT"))
        full = queries.incident(store.con, call["id"])
    assert call["n_articles"] == 2 and call["n_sources"] == 2
    assert call["date"]["value"] == "2025-12-26"
    assert {call["source"]["country"], call["target"]["country"]} == {"CAN", "UKR"}
    assert call["first_report"] == "2025-12-26" and call["last_report"] == "2025-12-27"
    assert {e["doc_id"] for e in full["events"]} == {"call_a", "call_b"}
