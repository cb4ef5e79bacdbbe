"""Spot facts for the office-holder file people_a.yaml (invariants: test_people_files.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from people_facts import load_people

from diplograph.knowledge.base import load_knowledge_base


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people("people_a.yaml")


def _terms(people: list[dict]):
    for person in people:
        for term in person["terms"]:
            yield person, term


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
