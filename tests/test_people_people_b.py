"""Spot facts for the office-holder file people_b.yaml (invariants: test_people_files.py)."""

from __future__ import annotations

import pytest
from people_facts import holder, load_people


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people("people_b.yaml")


def _terms(people: list[dict]):
    for person in people:
        for term in person["terms"]:
            yield person, term


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


def test_handover_day_has_both_holders(people):
    # Term ends are inclusive (Term.active), so the hand-over day belongs to both.
    assert holder(people, "ESP", "head of state", "2014-06-19") == ["Juan Carlos I", "Felipe VI"]
    assert holder(people, "ESP", "head of state", "2014-06-20") == ["Felipe VI"]
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
