"""Actors you can trust (issue 15, stop 24): a titled description refers back to the person
the article named with that title. Rule `titled-back-reference` (coding/actors/backrefs.py);
the mention table of the stop is tests/data/actor_mentions_backrefs.tsv. Sentences of our
own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.words import mention_words
from diplograph.records import ActorRef

WHEN = dt.date(2005, 3, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor(resolver: ActorResolver, text: str, words: str, home: str | None = "GBR",
           when: dt.date = WHEN) -> ActorRef:
    """The actor of the mention that starts at the last occurrence of `words`."""
    return actor_at(resolver, text, words, when=when, home=home, last=True)


@pytest.mark.parametrize(("text", "words", "name"), [
    # K059's shape: a bare shadow post is the official opposition's (the Tories in 2005).
    ("Shadow defence secretary Nicholas Soames visited the troops. He met officers in "
     "Basra. The Tory spokesman said they needed more helicopters.", "The Tory spokesman",
     "Nicholas Soames"),
    # Another party's spokesman named in between is not the one.
    ("Shadow education secretary Tim Collins attacked the plan. Liberal Democrat education "
     "spokesman Phil Willis said it was too late. The Conservative spokesman said schools "
     "had been let down.", "The Conservative spokesman", "Tim Collins"),
    ("Liberal Democrat education spokesman Phil Willis attacked the plan. Shadow education "
     "secretary Tim Collins agreed. The Lib Dem spokesman said tuition fees must go.",
     "The Lib Dem spokesman", "Phil Willis"),
    # A shadow post is the one named with it, not the minister named after him.
    ("Shadow defence secretary Nicholas Soames asked about helicopters. Defence Secretary "
     "Geoff Hoon said more were coming. The shadow defence secretary said it was not "
     "enough.", "The shadow defence secretary", "Nicholas Soames"),
    # The bare title is the person named with it, not a foreign holder named with his state
    # (a story of the president's own state: in a British one the bare title stays as before).
    ("President George W Bush flew to Europe. Russian President Vladimir Putin met him in "
     "Bratislava. The president said the talks had been frank.", "The president",
     "George W. Bush"),
    # Someone the knowledge does not hold, named with a post before.
    ("Foreign Office minister Bill Rammell led the delegation to India. The Foreign Office "
     "minister said British firms would benefit.", "The Foreign Office minister",
     "Bill Rammell"),
])
def test_a_titled_description_refers_back_to_the_person_named_with_it(
        resolver: ActorResolver, text: str, words: str, name: str) -> None:
    home = "USA" if "President George" in text else "GBR"
    assert _actor(resolver, text, words, home=home).name == name


@pytest.mark.parametrize(("text", "words"), [
    # No Labour name in the article: the party's voice, not the Tory named before.
    ("Shadow chancellor Oliver Letwin said taxes would rise. The Labour spokesman said the "
     "sums were wrong.", "The Labour spokesman"),
    # "a spokesman" is one of many, not the one named.
    ("Shadow foreign secretary Michael Ancram spoke in Bristol. A Tory spokesman later said "
     "the speech had been cleared.", "A Tory spokesman"),
])
def test_a_title_with_no_one_of_its_own_named_stays_nameless(
        resolver: ActorResolver, text: str, words: str) -> None:
    actor = _actor(resolver, text, words)
    assert actor.name is None
    assert (actor.country, actor.sector) == ("GBR", "PTY")


def test_the_official_opposition_follows_the_date() -> None:
    rows = {(party, start.year) for state, party, start, _ in
            mention_words().official_opposition if state == "GBR"}
    assert ("Conservative Party", 1997) in rows and ("Labour Party", 2010) in rows
