"""People files part L (issue #15, stop 26, kb19): office holders of the 2004-05 and 2015-16
news whom the knowledge lacked, chosen by how many corpus articles name them
(data/actors/people/people_l_office_holders_kb19.yaml). Each entry carries a public source;
a full name resolves to the person with the sector of the post held on the story's day. The
mention table of the stop is tests/data/actor_mentions_kb19.tsv. Sentences of our own, none
of the table's."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.knowledge.yamldata import load_yaml_file

PART_L = (resources.files("diplograph") / "data" / "actors" / "people"
          / "people_l_office_holders_kb19.yaml")


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def test_every_entry_names_its_public_source() -> None:
    """Each entry's block has a `# source:` comment with a public address (comments: the
    schema's `source` key marks imported entries, which these are not)."""
    blocks = PART_L.read_text(encoding="utf-8").split("\n- name: ")[1:]
    assert len(blocks) == len(load_yaml_file(PART_L))
    unsourced = [b.split("\n")[0] for b in blocks if "  # source: https://" not in b]
    assert unsourced == []


@pytest.mark.parametrize(("text", "name", "when", "home", "want"), [
    # A Commons backbencher in 2005: a legislator.
    ("Paul Flynn said the government had ignored the committee's report.", "Paul Flynn",
     dt.date(2005, 2, 1), "GBR", ("Paul Flynn", "GBR", "LEG")),
    # The same post read on two days: shadow chancellor (OPP), then chancellor (GOV).
    ("George Osborne promised to cut the deficit.", "George Osborne",
     dt.date(2008, 6, 1), "GBR", ("George Osborne", "GBR", "OPP")),
    ("George Osborne promised to cut the deficit.", "George Osborne",
     dt.date(2012, 6, 1), "GBR", ("George Osborne", "GBR", "GOV")),
    # A US senator and the FBI's director in 2016.
    ("Tim Kaine told supporters in Richmond that the race was close.", "Tim Kaine",
     dt.date(2016, 9, 1), "USA", ("Tim Kaine", "USA", "LEG")),
    ("James Comey told Congress the inquiry was closed.", "James Comey",
     dt.date(2016, 7, 7), "USA", ("James Comey", "USA", "COP")),
])
def test_a_full_name_is_the_holder_of_the_day(resolver: ActorResolver, text: str, name: str,
                                              when: dt.date, home: str,
                                              want: tuple[str, str, str]) -> None:
    actor = actor_at(resolver, text, name, when=when, home=home)
    assert (actor.name, actor.country, actor.sector) == want


def test_a_namesake_with_another_first_name_stays_unknown(resolver: ActorResolver) -> None:
    actor = actor_at(resolver, "Helen Kaine, a dentist, said the clinic would close.",
                     "Helen Kaine", when=dt.date(2016, 9, 1), home="USA")
    assert actor.name != "Tim Kaine"


def test_a_bare_surname_is_bound_through_the_full_name_only(resolver: ActorResolver) -> None:
    text = ("James Comey told Congress the inquiry was closed. Mr Comey said no charges "
            "would be brought.")
    actor = actor_at(resolver, text, "Mr Comey", when=dt.date(2016, 7, 7), home="USA")
    assert actor.name == "James Comey"
