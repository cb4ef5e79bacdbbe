"""Political bodies the knowledge lacked (issue #15, stop 27, orgs27), chosen by how many
corpus articles name them (benchmarks/unknown_names.py): parties' committees, caucuses,
think tanks and super PACs, police and agencies
(data/actors/organisations/political_bodies_orgs27.yaml), and ministries and committees read
as their state's body (metonyms in data/actors/countries.yaml). Each entry carries a public
source; an ambiguous short name is held only in its full form. The mention table of the
stop is tests/data/actor_mentions_orgs27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.knowledge.yamldata import load_yaml_file

BODIES = (resources.files("diplograph") / "data" / "actors" / "organisations"
          / "political_bodies_orgs27.yaml")
IN_2005 = dt.date(2005, 3, 1)
IN_2016 = dt.date(2016, 6, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def test_every_entry_names_its_public_source() -> None:
    """Each entry is preceded by a `# source:` comment with a public address (comments: the
    schema's `source` key marks imported entries, which these are not)."""
    lines = BODIES.read_text(encoding="utf-8").splitlines()
    entries = [i for i, line in enumerate(lines) if line.startswith("- {name: ")]
    assert len(entries) == len(load_yaml_file(BODIES))
    unsourced = [lines[i] for i in entries
                 if not lines[i - 1].startswith("# source: https://")]
    assert unsourced == []


@pytest.mark.parametrize(("text", "words", "when", "want"), [
    # A party's national committee by its acronym; a super PAC; a city's police.
    ("The RNC said its chairman would meet the nominee on Thursday.", "The RNC", IN_2016,
     ("Republican National Committee", "USA", "PTY")),
    ("Priorities USA Action bought airtime in Florida.", "Priorities USA Action", IN_2016,
     ("Priorities USA Action", "USA", "NGO")),
    ("Officers of the NYPD guarded the building overnight.", "NYPD", IN_2016,
     ("New York Police Department", "USA", "COP")),
    # Labour's MPs as a body (LEG); a British party of 2005.
    ("The Parliamentary Labour Party backed the leader on Monday.",
     "The Parliamentary Labour Party", IN_2005, ("Parliamentary Labour Party", "GBR", "LEG")),
    ("The British National Party lost its deposit in every seat.",
     "The British National Party", IN_2005, ("British National Party", "GBR", "PTY")),
])
def test_a_body_named_in_full_or_by_its_own_acronym(resolver: ActorResolver, text: str,
                                                    words: str, when: dt.date,
                                                    want: tuple[str, str, str]) -> None:
    actor = actor_at(resolver, text, words, when=when, home=None)
    assert (actor.name, actor.country, actor.sector) == want


@pytest.mark.parametrize(("text", "words", "when", "want"), [
    # A ministry whose name is one state's alone is that state's government.
    ("The Department for International Development sent tents to the camps.",
     "The Department for International Development", IN_2005, ("GBR", "GOV")),
    ("The Treasury Department froze the bank's assets.", "The Treasury Department",
     IN_2016, ("USA", "GOV")),
    # Congress's committee is the legislature.
    ("The Senate Judiciary Committee voted on the nomination.",
     "The Senate Judiciary Committee", IN_2016, ("USA", "LEG")),
])
def test_a_ministry_or_committee_is_its_state_body(resolver: ActorResolver, text: str,
                                                   words: str, when: dt.date,
                                                   want: tuple[str, str]) -> None:
    actor = actor_at(resolver, text, words, when=when, home=None)
    assert (actor.country, actor.sector) == want


@pytest.mark.parametrize(("text", "words"), [
    # A company whose name holds the party's is read whole or not at all.
    ("Bureau Veritas inspected the new bridge.", "Bureau Veritas"),
    # Bare "Sepa" is also Scotland's agency: never China's.
    ("Sepa officers took samples from the loch.", "Sepa"),
])
def test_a_namesake_is_not_the_body(resolver: ActorResolver, text: str, words: str) -> None:
    mentions = resolver.find_mentions(resolver.nlp(text), when=IN_2005, home_country=None)
    at = text.index(words)
    names = [m.actor.name for m in mentions if m.start <= at < m.end]
    assert "Veritas" not in names and not any(m.actor.country == "CHN" for m in mentions)
