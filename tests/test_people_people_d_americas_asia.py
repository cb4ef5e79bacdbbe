"""Spot facts for the office-holder data file people_d_americas_asia.yaml.

Heads of state and government of the Americas, South, South-East and East Asia
and Oceania, 1975-2026 (only the years before people_a/b's coverage for the
states those files hold).  The general invariants live in test_people_files.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from people_facts import evidenced_qids, holder, load_people


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people("people_d_americas_asia.yaml")


@pytest.mark.parametrize(
    ("country", "role", "day", "expected"),
    [
        ("USA", "head of state", "1985-06-01", "Ronald Reagan"),
        ("USA", "head of government", "1998-01-01", "Bill Clinton"),
        ("CAN", "head of government", "1988-06-01", "Brian Mulroney"),
        ("MEX", "head of state", "1991-01-01", "Carlos Salinas de Gortari"),
        ("ARG", "head of state", "1982-04-02", "Leopoldo Galtieri"),
        ("BRA", "head of state", "1997-01-01", "Fernando Henrique Cardoso"),
        ("CHL", "head of state", "1980-01-01", "Augusto Pinochet"),
        ("CUB", "head of state", "1990-01-01", "Fidel Castro"),
        ("NIC", "head of state", "1993-01-01", "Violeta Chamorro"),
        ("PER", "head of state", "1995-01-01", "Alberto Fujimori"),
        ("COL", "head of state", "2005-01-01", "Álvaro Uribe"),
        ("JAM", "head of government", "1985-01-01", "Edward Seaga"),
        ("CHN", "head of government", "1990-01-01", "Li Peng"),
        ("CHN", "head of state", "1995-01-01", "Jiang Zemin"),
        ("JPN", "head of government", "1985-01-01", "Yasuhiro Nakasone"),
        ("JPN", "head of state", "1980-01-01", "Hirohito"),
        ("KOR", "head of state", "1985-01-01", "Chun Doo-hwan"),
        ("TWN", "head of state", "1995-01-01", "Lee Teng-hui"),
        ("IND", "head of government", "1982-01-01", "Indira Gandhi"),
        ("PAK", "head of state", "1985-01-01", "Muhammad Zia-ul-Haq"),
        ("PAK", "head of government", "1995-01-01", "Benazir Bhutto"),
        ("IDN", "head of state", "1990-01-01", "Suharto"),
        ("PHL", "head of state", "1988-01-01", "Corazon Aquino"),
        ("MYS", "head of government", "1995-01-01", "Mahathir Mohamad"),
        ("SGP", "head of government", "1980-01-01", "Lee Kuan Yew"),
        ("THA", "head of government", "2003-01-01", "Thaksin Shinawatra"),
        ("VNM", "head of government", "2010-01-01", "Nguyễn Tấn Dũng"),
        ("KHM", "head of government", "1977-06-01", "Pol Pot"),
        ("AFG", "head of state", "2010-01-01", "Hamid Karzai"),
        ("BGD", "head of government", "2015-01-01", "Sheikh Hasina"),
        ("LKA", "head of state", "2010-01-01", "Mahinda Rajapaksa"),
        ("AUS", "head of government", "1985-01-01", "Bob Hawke"),
        ("NZL", "head of government", "2019-03-15", "Jacinda Ardern"),
        ("PNG", "head of government", "1976-01-01", "Michael Somare"),
    ],
)
def test_known_holders(people, country, role, day, expected):
    assert holder(people, country, role, day) == [expected]


def test_handover_day_has_both_holders(people):
    # Term ends are inclusive (Term.active), so the hand-over day belongs to both.
    assert holder(people, "USA", "head of state", "1981-01-20") == ["Jimmy Carter", "Ronald Reagan"]
    assert holder(people, "USA", "head of state", "1981-01-21") == ["Ronald Reagan"]
    assert holder(people, "USA", "head of state", "1981-01-19") == ["Jimmy Carter"]


def test_coverage_stops_where_people_a_b_start(people):
    # Terms in this file for the states held by people_a/b end where those files begin.
    assert holder(people, "USA", "head of state", "2009-01-21") == []
    assert holder(people, "IND", "head of government", "2004-05-23") == []
    assert holder(people, "BRA", "head of state", "2003-01-02") == []


def test_merged_people_keep_the_existing_names(people):
    by_name = {p["name"]: p for p in people}
    assert {"Nawaz Sharif", "Shinzo Abe", "Pak Pong-ju"} <= set(by_name)
    assert [t["start"] for t in by_name["Shinzo Abe"]["terms"]] == [dt.date(2006, 9, 26)]


def test_aliases_cover_common_spellings(people):
    by_name = {p["name"]: p for p in people}
    assert "Chretien" in by_name["Jean Chrétien"]["aliases"]
    assert "Soeharto" in by_name["Suharto"]["aliases"]
    assert "Prachanda" in by_name["Pushpa Kamal Dahal"]["aliases"]
    assert "Mullah Omar" in by_name["Mohammed Omar"]["aliases"]


def test_every_qid_has_evidence(people):
    # Relaxed: QIDs may be filled once verified against a Wikidata-derived source;
    # each filled QID must then be recorded in docs/qid_evidence.tsv.
    recorded = evidenced_qids()
    assert all(p["wikidata"] is None or p["wikidata"] in recorded for p in people)
