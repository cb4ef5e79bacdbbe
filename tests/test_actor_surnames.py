"""Surnames with no antecedent (issue #15, stop 25, surname17): rules `surname-in-setting`,
`appositive-demonym`, `appositive-governing-post` (coding/actors/setting.py) and
`namesake-of-setting` (coding/actors/namesakes.py), and appositive topics that place no
one (coref.appositive_countries). The mention table of the stop is
tests/data/actor_mentions_surnames.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.records import ActorRef

WHEN = dt.date(2005, 3, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor(resolver: ActorResolver, text: str, words: str, home: str | None = None,
           when: dt.date = WHEN) -> ActorRef:
    return actor_at(resolver, text, words, when=when, home=home)


@pytest.mark.parametrize(("text", "words", "country"), [
    # Rule surname-in-setting: a courtesy title and an unknown surname, no antecedent: the
    # story's setting (its places and state actors, one state clearly ahead).
    ("Flood barriers failed in York and Leeds on Sunday. Mr Thwaite said the Environment "
     "Agency had ignored warnings.", "Mr Thwaite", "GBR"),
    ("Opposition supporters marched in Harare on Friday, Zimbabwe's opposition said. Mrs "
     "Moyo said the police had beaten marchers.", "Mrs Moyo", "ZWE"),
])
def test_unknown_surname_takes_the_setting(resolver, text, words, country):
    actor = _actor(resolver, text, words)
    assert (actor.name, actor.country) == (words.split()[-1], country)


def test_no_setting_leaves_the_surname_stateless(resolver: ActorResolver) -> None:
    """Contrast: two states, neither ahead: no state is guessed."""
    actor = _actor(resolver, "Farmers from Spain and Portugal met in Lisbon and Madrid on "
                   "Monday. Mr Duarte said the quotas were unfair.", "Mr Duarte")
    assert (actor.name, actor.country) == ("Duarte", None)


@pytest.mark.parametrize(("text", "words", "country"), [
    # Rule appositive-demonym: the demonym of the appositive, not the story's setting.
    ("Police in Caracas detained Mark Ellery, a British engineer, on Tuesday, Venezuela's "
     "interior ministry said.", "Mark Ellery", "GBR"),
    ("Hana Novak, a Czech nurse, was freed in Tripoli on Friday.", "Hana Novak", "CZE"),
])
def test_appositive_demonym_gives_the_state(resolver, text, words, country):
    assert _actor(resolver, text, words).country == country


@pytest.mark.parametrize(("text", "sector"), [
    # Rule appositive-governing-post: a post of "the administration" or "the government",
    # in a story set in the US: a former official with a former word, else the government's.
    ("Mr. Pruitt, a former administration official, said the sanctions on Iran had failed.",
     "ELI"),
    ("Ms. Carrow, a government adviser on trade with China, said the talks had stalled.",
     "GOV"),
])
def test_governing_post_in_apposition(resolver, text, sector):
    words = text.split(",")[0]
    actor = _actor(resolver, text, words, home="USA", when=dt.date(2016, 5, 1))
    assert (actor.country, actor.sector) == ("USA", sector)


def test_a_topic_is_not_the_person_s_state(resolver: ActorResolver) -> None:
    """"an adviser on Iran": the state is the adviser's topic, not theirs."""
    actor = _actor(resolver, "Mr. Pruitt, a former administration official, said the "
                   "sanctions on Iran had failed.", "Mr. Pruitt", home="USA",
                   when=dt.date(2016, 5, 1))
    assert actor.country != "IRN"


@pytest.mark.parametrize(("text", "words", "name"), [
    # Rule namesake-of-setting: a British Fox in a story set in Britain, not Mexico's
    # president, whose state the story never names ...
    ("The Tories launched their manifesto in London and Birmingham on Monday. Dr Fox "
     "said Labour had wasted billions.", "Dr Fox", "Liam Fox"),
    # ... and, contrasts, the leader abroad where the story names his state or is set there.
    ("Mexican troops patrolled Tijuana and Juarez on Friday. Mr Fox said the border was "
     "safer.", "Mr Fox", "Vicente Fox"),
    ("Mr Blair flew to Washington on Monday, Downing Street said. Mr Bush welcomed him at "
     "the White House.", "Mr Bush", "George W. Bush"),
])
def test_namesake_of_the_setting(resolver, text, words, name):
    assert _actor(resolver, text, words).name == name


# "Gen" (General, unabbreviated in British copy) is a courtesy title like "Dr": "Gen
# Musharraf" is the known Pervez Musharraf, not a new person called "Gen Musharraf" whose
# name then took over "President Musharraf"; one letter after it is no name ("Gen Z").
def test_gen_before_a_known_surname_is_a_title(resolver):
    text = ("President Musharraf of Pakistan visited London on Monday. Gen Musharraf said "
            "the army would stay neutral.")
    actor = _actor(resolver, text, "Gen Musharraf")
    assert (actor.name, actor.country) == ("Pervez Musharraf", "PAK")


def test_a_generation_is_no_person(resolver):
    doc = resolver.nlp("Gen Z voters in Ohio backed the Democrats, a poll said.")
    names = [m.actor.name for m in resolver.find_mentions(doc, when=WHEN)]
    assert "Z" not in names and "Gen Z" not in names
