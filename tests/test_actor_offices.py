"""Actors you can trust (issue 15, stop 23): offices of the right body and names of the right
person. Rules `surname-no-namesake` (coding/actors/resolve.py), `office-of-body`
(coding/actors/body_offices.py), `governing-noun-keeps-sector` (coding/actors/in_article.py)
and `titled-holder-named` (coding/actors/body_offices.py); the mention table of the stop is
tests/data/actor_mentions_offices.tsv. Sentences of our own."""

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


def _actor(resolver: ActorResolver, text: str, words: str, home: str | None = "GBR",
           when: dt.date | None = WHEN) -> ActorRef:
    """The actor of the mention that starts at the first occurrence of `words`."""
    return actor_at(resolver, text, words, when=when, home=home)


# ------------------------------------------------------------------ surname-no-namesake
@pytest.mark.parametrize(("text", "words"), [
    ("Villagers in Devon are angry about the bypass. Mr Abbott, a local farmer, said "
     "the road would cut his land in two.", "Mr Abbott"),
    pytest.param("Mrs Clark, who runs the post office, said trade had fallen.", "Mrs Clark",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "a head of government abroad (Helen Clark, NZL) still wins: a leader of "
                     "the day is known by surname alone (test_actor_trust's 'Bush said')"))),
    pytest.param("Dr Singh told the health trust that waiting lists were falling.", "Dr Singh",
                 marks=pytest.mark.xfail(strict=True, reason="as Mrs Clark (Manmohan Singh)")),
    ("Mr Rudd, a parish councillor, said the lane was unsafe.", "Mr Rudd"),
])
def test_a_titled_surname_with_no_antecedent_is_no_namesake_abroad(
        resolver: ActorResolver, text: str, words: str) -> None:
    # Tony Abbott and Kevin Rudd were Australian ministers or MPs in 2005 (Helen Clark and
    # Manmohan Singh led their states): a surname alone in a British story names someone of
    # the story's state we do not know.
    actor = _actor(resolver, text, words)
    assert (actor.country, actor.wikidata) == ("GBR", None)
    assert actor.name == words.split()[-1]


def test_a_surname_binds_to_a_namesake_of_the_story(resolver: ActorResolver) -> None:
    # Michael Howard led the opposition in Britain in 2005: he fits the story's state.
    actor = _actor(resolver, "Mr Howard said the asylum system was in chaos.", "Mr Howard")
    assert (actor.name, actor.country) == ("Michael Howard", "GBR")


def test_a_surname_binds_to_a_namesake_of_a_state_the_story_names(
        resolver: ActorResolver) -> None:
    text = "Australia will send more troops to Iraq, Mr Howard told parliament in Canberra."
    actor = _actor(resolver, text, "Mr Howard", home=None)
    assert (actor.name, actor.country) == ("John Howard", "AUS")


# ------------------------------------------------------------------ office-of-body
@pytest.mark.parametrize(("text", "words", "sector"), [
    ("Bowls club chairman Derek Lane said the green would be relaid.", "Derek Lane", "CVL"),
    ("Tenants' association president Joan Pike said the repairs were late.", "Joan Pike",
     "CVL"),
    ("Labour branch chairman Tom Hale resigned over the decision.", "Tom Hale", "PTY"),
    ("Company chairman Ian Ross said the plant would close.", "Ian Ross", "BUS"),
    ("Union president Mark Serwin called a ballot on strike action.", "Mark Serwin", "LAB"),
])
def test_a_post_after_a_body_noun_is_the_body_s_office(
        resolver: ActorResolver, text: str, words: str, sector: str) -> None:
    actor = _actor(resolver, text, words)
    assert (actor.name, actor.country, actor.sector, actor.role) == (words, "GBR", sector, None)


def test_a_party_president_is_no_head_of_state(resolver: ActorResolver) -> None:
    text = "Lib Dem president Simon Hughes said the Tories were wrong on tax."
    actor = _actor(resolver, text, "Lib Dem president Simon Hughes")
    assert (actor.name, actor.country, actor.sector, actor.role) == (
        "Simon Hughes", "GBR", "PTY", None)


def test_a_state_s_president_keeps_the_office(resolver: ActorResolver) -> None:
    # No body before the post: the state's head ("President Jacques Chirac").
    text = "President Jacques Chirac said France would not send more troops."
    actor = _actor(resolver, text, "President Jacques Chirac")
    assert (actor.name, actor.country, actor.sector, actor.role) == (
        "Jacques Chirac", "FRA", "GOV", "head of state")


def test_a_known_person_keeps_a_state_office_held_that_day(resolver: ActorResolver) -> None:
    # Thabo Mbeki led both the ANC and South Africa in 2005: the office he holds stays.
    text = "ANC president Thabo Mbeki said the elections would be free."
    actor = _actor(resolver, text, "Thabo Mbeki", home="ZAF")
    assert (actor.name, actor.country, actor.role) == ("Thabo Mbeki", "ZAF", "head of state")


# ------------------------------------------------------------------ governing-noun-keeps-sector
@pytest.mark.parametrize(("text", "words"), [
    ("The prime minister held talks with the crisis committee of ministers in London on "
     "Tuesday.", "ministers"),
    ("Mr Kinnock voted against the spending cuts of Harold Wilson's administration in "
     "1975.", "Harold Wilson's administration"),
])
def test_a_body_of_the_state_stays_the_government_around_another_noun(
        code_sentence, text: str, words: str) -> None:
    # The events' actor words may be the body's: where they are, it is the government, not
    # the state's civilians (K088, K098 of the stop-22 hand-check).
    actors = [a for e in code_sentence(text, "2005-03-01") for a in (e.source, e.target)
              if a is not None and a.text == words]
    assert actors, "no event names the body"
    assert all((a.country, a.sector) == ("GBR", "GOV") for a in actors)


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Serbian President Vojislav Kostunica promised to reform the police.",
     "Serbian President Vojislav Kostunica", "SRB"),
    ("Rebels said that President Kagame must agree to the changes.", "President Kagame", "RWA"),
])
def test_a_state_word_before_president_keeps_the_state_s_office(
        resolver: ActorResolver, text: str, words: str, country: str) -> None:
    # Undated, so no term of the knowledge is held "that day": the state's office stays as
    # the resolver reads it (main reads Kostunica, alone and undated, as head of government).
    actor = _actor(resolver, text, words, home=None, when=None)
    assert (actor.country, actor.sector) == (country, "GOV")
    assert actor.role in ("head of state", "head of government")


# ------------------------------------------------------ a party's adjective before "leader"
@pytest.mark.parametrize(("text", "words", "country"), [
    ("The Tory leader criticised the budget on Tuesday.", "Tory leader", "GBR"),
    # "conservative" is a filler, but not before "leader" (actors16).
    ("Speaking in Leeds, the Conservative leader promised lower council tax.",
     "Conservative leader", "GBR"),
    ("The Republican leader in the Senate blocked the bill.", "Republican leader", "USA"),
])
def test_a_party_adjective_before_leader_names_the_party_leader(resolver, text, words, country):
    # as after the party's name ("the Labour leader"): the party's head, not nobody
    actor = _actor(resolver, text, words, home=country)
    assert (actor.country, actor.sector, actor.role) == (country, "PTY", "head of organisation")


def test_a_party_adjective_before_a_title_stays_the_man(resolver):
    text = "Republican candidate Jeb Bush spoke in Miami."
    assert _actor(resolver, text, "Jeb Bush", home="USA").name == "Jeb Bush"
