"""Spot facts for people_g_legislators_opposition.yaml (invariants: test_people_files.py):
the Blair-era cabinet and opposition, US legislators and candidates of 2004-16."""

from __future__ import annotations

import datetime as dt

import pytest
from people_facts import holder, load_people

from diplograph.knowledge.base import load_knowledge_base

FILE = "people_g_legislators_opposition.yaml"


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people(FILE)


@pytest.mark.parametrize(("role", "where", "day", "name"), [
    ("finance minister", "GBR", "2004-06-01", "Gordon Brown"),
    ("interior minister", "GBR", "2004-10-27", "David Blunkett"),
    ("interior minister", "GBR", "2005-01-15", "Charles Clarke"),
    ("foreign minister", "GBR", "2005-01-15", "Jack Straw"),
    ("defence minister", "GBR", "2004-12-16", "Geoff Hoon"),
    ("deputy head of government", "GBR", "2005-01-11", "John Prescott"),
])
def test_who_held_the_office(people: list[dict], role: str, where: str, day: str,
                             name: str) -> None:
    assert holder(people, where, role, day) == [name]


def _sector_on(people: list[dict], name: str, day: str) -> set[str | None]:
    when = dt.date.fromisoformat(day)
    person = next(p for p in people if p["name"] == name)
    return {t.get("sector") for t in person["terms"]
            if t["start"] <= when <= (t["end"] or dt.date.max)}


@pytest.mark.parametrize(("name", "day", "sector"), [
    ("Michael Howard", "2005-03-14", "OPP"),  # Tory leader, not a minister since 1997
    ("Alex Salmond", "2005-03-16", "OPP"),  # SNP leader; first minister only from 2007
    ("Boris Johnson", "2005-02-14", "LEG"),  # backbench MP, mayor from 2008
    ("John Kerry", "2004-11-05", "LEG"),  # senator; secretary of state from 2013
    ("Donald Trump", "2016-05-16", "ELI"),  # candidate with no public office
])
def test_offices_outside_government_carry_their_sector(people: list[dict], name: str,
                                                       day: str, sector: str) -> None:
    assert _sector_on(people, name, day) == {sector}


def test_entries_merge_into_the_person_of_part_a() -> None:
    kb = load_knowledge_base(imported=False)
    browns = [p for p in kb.people if p.name == "Gordon Brown"]
    assert len(browns) == 1 and browns[0].wikidata == "Q10648"
    assert {t.role for t in browns[0].terms} >= {"finance minister", "head of government"}
