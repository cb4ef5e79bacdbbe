"""Actors you can trust (issue 15, stop 25, epithet17): rule `epithet-back-reference`
(coding/actors/described.py, facts in data/actors/epithets.yaml). A description that names no
one ("the Kentucky Republican", "the New York businessman", "the Democratic front-runner",
"the Texas senator") is the one person named before it whose party, state, country, posts
and occupations fit every word; two who fit, none, or a former post bind no one. The mention
table of the stop is tests/data/actor_mentions_epithets.tsv. Sentences of our own, none of
the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.epithets import epithet_words
from diplograph.records import ActorRef

WHEN = dt.date(2016, 2, 12)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor(resolver: ActorResolver, text: str, words: str,
           when: dt.date = WHEN) -> ActorRef | None:
    """The actor at the last occurrence of `words`, or None where no mention is there."""
    try:
        return actor_at(resolver, text, words, when=when, home="USA", last=True)
    except AssertionError:
        return None


@pytest.mark.parametrize(("text", "words", "name"), [
    # A party noun with a state: the one named Republican of that state.
    ("Rand Paul and Donald Trump both spoke in Iowa. The Kentucky Republican warned about "
     "the debt.", "The Kentucky Republican", "Rand Paul"),
    # An occupation: the one named person whose trade it is.
    ("Chris Christie questioned Donald Trump's record. The real estate developer replied on "
     "television.", "The real estate developer", "Donald Trump"),
    # A candidacy with a party: the one running for that party that day.
    ("Donald Trump and Hillary Clinton held rallies in Ohio. The Democratic candidate spoke "
     "about wages.", "The Democratic candidate", "Hillary Clinton"),
    # A senator with a state the title does not name: the holder's home state.
    ("Senator Lindsey Graham and Senator Ted Cruz disagreed on Syria. The Texas senator "
     "wanted more bombing.", "The Texas senator", "Ted Cruz"),
    # Two epithets joined: both must fit.
    ("Jeb Bush and Marco Rubio met donors in Miami. The Florida senator and presidential "
     "candidate left early.", "The Florida senator and presidential candidate",
     "Marco Rubio"),
])
def test_an_epithet_is_the_one_person_named_before_who_fits(
        resolver: ActorResolver, text: str, words: str, name: str) -> None:
    actor = _actor(resolver, text, words)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(("text", "words", "when", "named"), [
    # Two who fit: not ours to choose.
    ("Rand Paul and Mitch McConnell spoke in Louisville. The Kentucky Republican praised "
     "the miners.", "The Kentucky Republican", WHEN, ("Rand Paul", "Mitch McConnell")),
    # No one named before.
    ("Protesters gathered outside the hotel. The billionaire did not come out.",
     "The billionaire", WHEN, ("Donald Trump",)),
    # The one named before is of another party.
    ("Hillary Clinton spoke in Nevada. The Republican front-runner was in South Carolina.",
     "The Republican front-runner", WHEN, ("Hillary Clinton",)),
    # Someone we know nothing of was named: he may be the businessman meant.
    ("Donald Trump and Harold Vexley toured the site. The businessman said the deal was "
     "done.", "The businessman", WHEN, ("Donald Trump", "Harold Vexley")),
    # A candidacy over: Scott Walker ended his in September 2015.
    ("Scott Walker spoke in Madison. The Republican candidate said the race was open.",
     "The Republican candidate", dt.date(2015, 11, 2), ("Scott Walker",)),
    # A former post binds no one.
    ("Jeb Bush and John Kasich spoke in Ohio. The former Florida governor was heckled.",
     "The former Florida governor", WHEN, ("Jeb Bush", "John Kasich")),
])
def test_an_epithet_that_fits_no_one_or_two_binds_no_one(
        resolver: ActorResolver, text: str, words: str, when: dt.date,
        named: tuple[str, ...]) -> None:
    actor = _actor(resolver, text, words, when)
    assert actor is None or actor.name not in named


def test_every_person_s_facts_name_their_source() -> None:
    words = epithet_words()
    assert words.facts, "no people in epithets.yaml"
    assert all(f.source.startswith("en.wikipedia.org/") for f in words.facts.values())
    trump = words.facts["Donald Trump"]
    assert trump.in_party("Republican", WHEN) and trump.running_for_president(WHEN)
    assert not trump.running_for_president(dt.date(2018, 1, 1))
    assert trump.home_state(WHEN) == "New York"
    assert "businessman" in trump.occupations
    assert words.facts["Bernie Sanders"].in_party("Democratic", WHEN)  # running as one
