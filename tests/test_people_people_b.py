"""Invariants and spot facts for the office-holder data file people_b.yaml."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

PEOPLE_B = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "diplograph"
    / "data"
    / "actors"
    / "people"
    / "people_b.yaml"
)

ROLES = {
    "head of state",
    "head of government",
    "foreign minister",
    "defence minister",
    "spokesperson",
    "secretary general",
    "head of organisation",
    "deputy head of government",
    "finance minister",
    "interior minister",
    "party leader",
    "central bank governor",
    "other",
}
# Roles for which one country has one holder at a time.
EXCLUSIVE_ROLES = {"head of state", "head of government", "foreign minister", "defence minister"}
TERM_KEYS = {"country", "org", "role", "title", "start", "end", "approx", "acting", "body"}
PERSON_KEYS = {"name", "wikidata", "aliases", "gender", "terms"}
FAR_FUTURE = dt.date(9999, 12, 31)


@pytest.fixture(scope="module")
def people() -> list[dict]:
    with PEOPLE_B.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list) and data
    return data


def _terms(people: list[dict]):
    for person in people:
        for term in person["terms"]:
            yield person, term


def holder(people: list[dict], country: str, role: str, day: str) -> list[str]:
    """Names holding ``role`` in ``country`` on ``day`` (end day exclusive)."""
    when = dt.date.fromisoformat(day)
    found = []
    for person, term in _terms(people):
        if term.get("country") != country or term["role"] != role:
            continue
        end = term["end"] or FAR_FUTURE
        if term["start"] <= when < end:
            found.append(person["name"])
    return found


def test_person_schema(people):
    names = set()
    for person in people:
        assert set(person) <= PERSON_KEYS, person["name"]
        assert {"name", "wikidata", "aliases", "gender", "terms"} <= set(person), person
        assert person["name"] not in names, f"duplicate person {person['name']}"
        names.add(person["name"])
        assert person["gender"] in {"m", "f"}, person["name"]
        assert isinstance(person["aliases"], list), person["name"]
        assert all(isinstance(a, str) and a for a in person["aliases"]), person["name"]
        qid = person["wikidata"]
        assert qid is None or re.fullmatch(r"Q[1-9][0-9]*", qid), person["name"]
        assert person["terms"], person["name"]


def test_qids_unique(people):
    qids = [p["wikidata"] for p in people if p["wikidata"]]
    assert len(qids) == len(set(qids))


def test_term_schema(people):
    for person, term in _terms(people):
        where = f"{person['name']}: {term}"
        assert set(term) <= TERM_KEYS, where
        assert term["role"] in ROLES, where
        assert isinstance(term["title"], str) and term["title"], where
        has_country = bool(term.get("country"))
        has_org = bool(term.get("org"))
        assert has_country != has_org, where
        if has_country:
            assert re.fullmatch(r"[A-Z]{3}", term["country"]), where
        assert isinstance(term["start"], dt.date), where
        assert term["end"] is None or isinstance(term["end"], dt.date), where
        if term["end"] is not None:
            assert term["start"] <= term["end"], where
        assert term["start"] <= dt.date(2026, 11, 23), where
        for flag in ("approx", "acting"):
            assert term.get(flag, True) in (True, False), where


def test_no_overlapping_exclusive_terms(people):
    spans = defaultdict(list)
    for person, term in _terms(people):
        if term.get("country") and term["role"] in EXCLUSIVE_ROLES:
            spans[(term["country"], term["role"])].append(
                (term["start"], term["end"] or FAR_FUTURE, person["name"])
            )
    problems = []
    for key, items in spans.items():
        items.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(items, items[1:]):
            # A handover on the same day (end == next start) is not an overlap.
            if s2 < e1:
                problems.append(f"{key}: {n1} {s1}..{e1} overlaps {n2} {s2}..{e2}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("country", "role", "day", "expected"),
    [
        ("TUR", "head of state", "2016-07-15", "Recep Tayyip Erdoğan"),
        ("TUR", "head of government", "2012-01-01", "Recep Tayyip Erdoğan"),
        ("IND", "head of government", "2013-01-01", "Manmohan Singh"),
        ("AUS", "head of government", "2016-01-01", "Malcolm Turnbull"),
        ("BRA", "head of state", "2020-06-01", "Jair Bolsonaro"),
        ("POL", "foreign minister", "2024-06-01", "Radosław Sikorski"),
        ("ISR", "defence minister", "2023-10-07", "Yoav Gallant"),
        ("IRN", "foreign minister", "2015-07-14", "Mohammad Javad Zarif"),
        ("SAU", "defence minister", "2016-01-01", "Mohammed bin Salman"),
        ("NLD", "head of government", "2014-07-17", "Mark Rutte"),
        ("SWE", "head of government", "2019-01-01", "Stefan Löfven"),
        ("SYR", "head of state", "2013-08-21", "Bashar al-Assad"),
        ("MEX", "head of state", "2020-01-01", "Andrés Manuel López Obrador"),
        ("KOR", "head of state", "2018-04-27", "Moon Jae-in"),
    ],
)
def test_known_holders(people, country, role, day, expected):
    assert holder(people, country, role, day) == [expected]


def test_same_day_handover_resolves_to_successor(people):
    assert holder(people, "ESP", "head of state", "2014-06-19") == ["Felipe VI"]
    assert holder(people, "ESP", "head of state", "2014-06-18") == ["Juan Carlos I"]


def test_aliases_cover_common_spellings(people):
    by_name = {p["name"]: p for p in people}
    assert "Erdogan" in by_name["Recep Tayyip Erdoğan"]["aliases"]
    assert "MBS" in by_name["Mohammed bin Salman"]["aliases"]
    assert "Lula" in by_name["Luiz Inácio Lula da Silva"]["aliases"]
    assert "AMLO" in by_name["Andrés Manuel López Obrador"]["aliases"]


def test_selected_qids(people):
    by_name = {p["name"]: p for p in people}
    assert by_name["Recep Tayyip Erdoğan"]["wikidata"] == "Q39259"
    assert by_name["Benjamin Netanyahu"]["wikidata"] == "Q43723"
    assert by_name["Narendra Modi"]["wikidata"] == "Q1058"


def test_every_country_has_current_head(people):
    # Every covered country has someone recorded as head of state at some point
    # in the period, and monarchies/republics alike resolve on a sample day.
    countries = {t["country"] for _, t in _terms(people) if t.get("country")}
    missing = [
        c
        for c in sorted(countries - {"AUS"})  # AUS: British monarch, in part A
        if not holder(people, c, "head of state", "2020-06-01")
    ]
    assert not missing, missing
