"""Spot facts for the office-holder data file people_c_africa.yaml (Africa, 1975-2026)."""

from __future__ import annotations

import datetime as dt

import pytest
from people_facts import evidenced_qids, holder, load_people

AFRICA = set(
    "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COD COG CIV DJI EGY GNQ ERI SWZ ETH GAB GMB "
    "GHA GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE "
    "SOM ZAF SSD SDN TZA TGO TUN UGA ZMB ZWE".split()
)


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return load_people("people_c_africa.yaml")


SPOT_FACTS = [
    ("KEN", "head of state", "1990-06-01", "Daniel arap Moi"),
    ("KEN", "head of government", "2005-01-01", "Mwai Kibaki"),
    ("ZAF", "head of state", "1996-01-01", "Nelson Mandela"),
    ("ZAF", "head of government", "1980-01-01", "P. W. Botha"),
    ("ZAF", "head of state", "2004-01-01", "Thabo Mbeki"),
    ("EGY", "head of state", "1979-03-26", "Anwar Sadat"),
    ("NGA", "head of state", "1995-01-01", "Sani Abacha"),
    ("NGA", "head of state", "2003-01-01", "Olusegun Obasanjo"),
    ("GHA", "head of state", "1985-01-01", "Jerry Rawlings"),
    ("TZA", "head of state", "1980-01-01", "Julius Nyerere"),
    ("ZWE", "head of government", "1985-01-01", "Robert Mugabe"),
    ("ZWE", "head of state", "2000-01-01", "Robert Mugabe"),
    ("UGA", "head of state", "1977-01-01", "Idi Amin"),
    ("UGA", "head of state", "1995-01-01", "Yoweri Museveni"),
    ("COD", "head of state", "1985-01-01", "Mobutu Sese Seko"),
    ("LBY", "head of state", "1990-01-01", "Muammar Gaddafi"),
    ("TUN", "head of state", "2000-01-01", "Zine El Abidine Ben Ali"),
    ("TUN", "head of state", "1980-01-01", "Habib Bourguiba"),
    ("MAR", "head of state", "1990-01-01", "Hassan II"),
    ("MAR", "head of state", "2010-01-01", "Mohammed VI"),
    ("SEN", "head of state", "2005-01-01", "Abdoulaye Wade"),
    ("CIV", "head of state", "1985-01-01", "Félix Houphouët-Boigny"),
    ("ETH", "head of state", "1985-01-01", "Mengistu Haile Mariam"),
    ("ETH", "head of government", "2005-01-01", "Meles Zenawi"),
    ("ZMB", "head of state", "1985-01-01", "Kenneth Kaunda"),
    ("BFA", "head of state", "1985-01-01", "Thomas Sankara"),
    ("LBR", "head of state", "2010-01-01", "Ellen Johnson Sirleaf"),
    ("MOZ", "head of state", "1980-01-01", "Samora Machel"),
    ("NAM", "head of state", "2000-01-01", "Sam Nujoma"),
    ("RWA", "head of state", "2010-01-01", "Paul Kagame"),
    ("AGO", "head of state", "1990-01-01", "José Eduardo dos Santos"),
    ("SDN", "head of state", "2000-01-01", "Omar al-Bashir"),
    ("DZA", "head of state", "2005-01-01", "Abdelaziz Bouteflika"),
    ("MWI", "head of state", "1980-01-01", "Hastings Kamuzu Banda"),
    ("CMR", "head of state", "1990-01-01", "Paul Biya"),
    ("GAB", "head of state", "1990-01-01", "Omar Bongo"),
    ("TGO", "head of state", "1990-01-01", "Gnassingbé Eyadéma"),
    ("BWA", "head of state", "1985-01-01", "Ketumile Masire"),
]


@pytest.mark.parametrize(("country", "role", "day", "name"), SPOT_FACTS)
def test_spot_facts(people: list[dict], country: str, role: str, day: str, name: str) -> None:
    assert holder(people, country, role, day) == [name]


def test_every_african_state_has_a_section(people: list[dict]) -> None:
    covered = {term["country"] for person in people for term in person["terms"]}
    assert covered == AFRICA


def test_stops_where_people_b_starts(people: list[dict]) -> None:
    """EGY and ZAF are in people_b from 1981-10-14 / 2004-07-14 / 2009-05-09: nothing later here."""
    limits = {
        ("EGY", "head of state"): dt.date(1981, 10, 14),
        ("EGY", "head of government"): dt.date(2004, 7, 14),
        ("ZAF", "head of state"): dt.date(2009, 5, 9),
        ("ZAF", "head of government"): dt.date(2009, 5, 9),
    }
    for person in people:
        for term in person["terms"]:
            limit = limits.get((term.get("country"), term["role"]))
            if limit is not None:
                assert term["end"] is not None and term["end"] <= limit, person["name"]


def test_every_qid_has_evidence(people: list[dict]) -> None:
    # Relaxed: QIDs may be filled once verified against a Wikidata-derived source;
    # each filled QID must then be recorded in docs/qid_evidence.tsv.
    recorded = evidenced_qids()
    assert all(person["wikidata"] is None or person["wikidata"] in recorded for person in people)
