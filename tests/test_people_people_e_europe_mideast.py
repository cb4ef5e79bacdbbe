"""Spot facts for the office-holder data file people_e_europe_mideast.yaml.

Heads of state and government of Europe, the Middle East, the Caucasus and
Central Asia, 1975-2026 (only the years before people_a/b's coverage for the
states those files hold).  The general invariants live in test_people_files.py.
"""

from __future__ import annotations

import pytest
from people_facts import holder, load_people


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people("people_e_europe_mideast.yaml")


SPOT_FACTS = [
    ("GBR", "head of government", "1985-06-01", "Margaret Thatcher"),
    ("GBR", "head of government", "2003-03-20", "Tony Blair"),
    ("DEU", "head of government", "1989-11-09", "Helmut Kohl"),
    ("DEU", "head of government", "1977-10-18", "Helmut Schmidt"),
    ("FRA", "head of state", "1990-01-01", "François Mitterrand"),
    ("FRA", "head of government", "1999-06-01", "Lionel Jospin"),
    ("ITA", "head of government", "1985-01-01", "Bettino Craxi"),
    ("ESP", "head of government", "1990-01-01", "Felipe González"),
    ("ESP", "head of state", "1975-06-01", "Francisco Franco"),
    ("POL", "head of state", "1992-01-01", "Lech Wałęsa"),
    ("RUS", "head of state", "1995-01-01", "Boris Yeltsin"),
    ("RUS", "head of state", "2004-06-01", "Vladimir Putin"),
    ("RUS", "head of government", "1995-01-01", "Viktor Chernomyrdin"),
    ("UKR", "head of state", "2000-01-01", "Leonid Kuchma"),
    ("CZE", "head of state", "1998-01-01", "Václav Havel"),
    ("ROU", "head of state", "1985-01-01", "Nicolae Ceaușescu"),
    ("SWE", "head of government", "1984-01-01", "Olof Palme"),
    ("IRL", "head of government", "2000-01-01", "Bertie Ahern"),
    ("AUT", "head of state", "1990-01-01", "Kurt Waldheim"),
    ("VAT", "head of state", "1990-01-01", "Pope John Paul II"),
    ("CHE", "head of state", "1999-06-01", "Ruth Dreifuss"),
    ("ISR", "head of government", "1979-03-26", "Menachem Begin"),
    ("ISR", "head of government", "1994-01-01", "Yitzhak Rabin"),
    ("IRQ", "head of state", "1990-08-02", "Saddam Hussein"),
    ("IRN", "head of state", "1985-01-01", "Ruhollah Khomeini"),
    ("IRN", "head of government", "2000-01-01", "Mohammad Khatami"),
    ("SYR", "head of state", "1990-01-01", "Hafez al-Assad"),
    ("JOR", "head of state", "1994-10-26", "Hussein of Jordan"),
    ("SAU", "head of state", "1990-08-02", "Fahd bin Abdulaziz Al Saud"),
    ("PSE", "head of state", "2000-07-11", "Yasser Arafat"),
    ("TUR", "head of government", "1995-01-01", "Tansu Çiller"),
    ("KAZ", "head of state", "2000-01-01", "Nursultan Nazarbayev"),
    ("UZB", "head of state", "2005-05-13", "Islam Karimov"),
    ("ARM", "head of government", "2020-10-01", "Nikol Pashinyan"),
]


@pytest.mark.parametrize(("country", "role", "day", "name"), SPOT_FACTS)
def test_spot_fact(people: list[dict], country: str, role: str, day: str, name: str) -> None:
    assert holder(people, country, role, day) == [name]


def test_handover_days(people: list[dict]) -> None:
    """A term's end day is inclusive (Term.active): the hand-over day belongs to both."""
    assert holder(people, "GBR", "head of government", "1997-05-02") == ["John Major", "Tony Blair"]
    assert holder(people, "GBR", "head of government", "1997-05-03") == ["Tony Blair"]
    assert holder(people, "DEU", "head of government", "1998-10-28") == ["Gerhard Schröder"]
    assert holder(people, "VAT", "head of state", "2005-04-20") == ["Pope Benedict XVI"]


def test_gaps_left_open(people: list[dict]) -> None:
    """Vacancies stay empty: Lebanon's presidency 2014-2016, Slovakia's 1998-1999."""
    assert holder(people, "LBN", "head of state", "2015-06-01") == []
    assert holder(people, "SVK", "head of state", "1998-09-01") == []


def test_successor_states_start_at_independence(people: list[dict]) -> None:
    assert holder(people, "RUS", "head of state", "1991-12-01") == []
    assert holder(people, "SRB", "head of state", "2005-01-01") == []
    assert holder(people, "XKX", "head of government", "2007-06-01") == []


def test_people_shared_with_people_a_b_keep_their_names(people: list[dict]) -> None:
    """Missing early terms of people in people_a/b are added under the same name."""
    names = {p["name"] for p in people}
    assert {"Vladimir Putin", "Benjamin Netanyahu", "Viktor Orbán", "Shimon Peres"} <= names
