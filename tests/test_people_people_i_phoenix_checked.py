"""Spot facts for people_i_phoenix_checked.yaml (invariants: test_people_files.py): offices
dated from the Phoenix actor dictionaries, merged into the people of the other files."""

from __future__ import annotations

import datetime as dt

import pytest
from people_facts import load_people

from diplograph.knowledge.base import load_knowledge_base

FILE = "people_i_phoenix_checked.yaml"


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people(FILE)


def test_every_entry_cites_its_phoenix_line() -> None:
    from importlib import resources
    text = (resources.files("diplograph") / "data" / "actors" / "people" / FILE).read_text(
        encoding="utf-8")
    names = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("- name:")]
    for name in names:
        assert f"# {name.upper().replace(' ', '_')}_:" in text, name


@pytest.mark.parametrize(("name", "day", "in_office"), [
    ("Nicolas Sarkozy", "2004-11-16", True),  # FRAGOVBUS 040401-041231
    ("Nicolas Sarkozy", "2005-06-01", False),  # between Phoenix's terms
    ("Lee Hsien Loong", "2010-08-29", True),  # SGPGOV >040812
    ("Lee Hsien Loong", "2003-01-01", False),
])
def test_terms_follow_phoenix(people: list[dict], name: str, day: str, in_office: bool) -> None:
    when = dt.date.fromisoformat(day)
    person = next(p for p in people if p["name"] == name)
    active = any(t["start"] <= when <= (t["end"] or dt.date.max) for t in person["terms"])
    assert active is in_office


def test_the_terms_merge_into_the_person_of_part_a() -> None:
    kb = load_knowledge_base()
    sarkozy = [p for p in kb.people if p.name == "Nicolas Sarkozy"]
    assert len(sarkozy) == 1  # one person: his presidency (part A) and his ministries
    assert {t.role for t in sarkozy[0].terms} >= {"head of state", "other"}
