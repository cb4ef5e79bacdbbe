"""Spot facts for people_j_peers_knights.yaml (invariants: test_people_files.py): peers,
knights and dames by the titled names the news uses."""

from __future__ import annotations

import datetime as dt

import pytest
from people_facts import load_people

FILE = "people_j_peers_knights.yaml"


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people(FILE)


@pytest.mark.parametrize(("name", "alias"), [
    ("Peter Goldsmith", "Lord Goldsmith"),
    ("Patricia Scotland", "Baroness Scotland"),
    ("Ian Blair", "Sir Ian Blair"),
    ("John Browne", "Lord Browne of Madingley"),
])
def test_the_titled_name_is_an_alias(people: list[dict], name: str, alias: str) -> None:
    person = next(p for p in people if p["name"] == name)
    assert alias in person["aliases"]


def test_an_ambiguous_titled_name_is_no_alias(people: list[dict]) -> None:
    # "Lord Browne" was John Browne of BP and, from 2010, Des Browne: neither alone.
    assert not any("Lord Browne" in p["aliases"] for p in people)


@pytest.mark.parametrize(("name", "day", "in_office"), [
    ("Peter Goldsmith", "2005-03-01", True),  # attorney general 2001-2007
    ("Peter Goldsmith", "2008-01-01", False),
    ("John Stevens", "2005-01-15", True),  # Met commissioner until 31 January 2005
    ("Ian Blair", "2005-06-01", True),  # Met commissioner from 1 February 2005
])
def test_terms(people: list[dict], name: str, day: str, in_office: bool) -> None:
    when = dt.date.fromisoformat(day)
    person = next(p for p in people if p["name"] == name)
    active = any(t["start"] <= when <= (t["end"] or dt.date.max) for t in person["terms"])
    assert active is in_office
