"""Actors you can trust (issue #15, stop 29, headrole29): a name in apposition to a role noun
is the person (coding/actors/role_appositives.py, rule `role-noun-appositive-name`); a
headline's post is the person the lead names, else the office (coding/actors/
headline_roles.py, rules `headline-role-lead-name`, `place-post-office`); a name ending in an
organisation's noun and holding a state's word is that organisation (coding/actors/
state_named_bodies.py, rule `organisation-noun-ends-name`), and a word of a longer name is no
town (coding/actors/in_article.py, rule `word-of-a-name-is-no-place`). The mention table
of the stop is tests/data/actor_mentions_headrole29.tsv. Sentences of our own, none of the
table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2016, 5, 3)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "words", "name"), [
    # role-noun-appositive-name: the parser hangs the name from the verb; the role phrase
    # (without its owner) is still the named person.
    ("Democrats urged a vote on the governor's pick for the state court, Judge Alan T. Ruiz, "
     "before the recess.", "pick for the state court", "Alan T. Ruiz"),
    ("Critics of the plan met the senator's chief strategist, Maria Quinn, on Friday.",
     "chief strategist", "Maria Quinn"),
])
def test_role_noun_is_the_name_in_apposition(resolver, text, words, name):
    actor = actor_at(resolver, text, words, when=WHEN, home="USA")
    assert (actor.name, actor.kind) == (name, "person")


@pytest.mark.parametrize(("text", "words"), [
    # An apposition that names no one: the role phrase binds no one.
    ("Voters in the district backed the governor's pick, a former prosecutor, on Tuesday.",
     "the governor's pick"),
])
def test_role_noun_with_no_name_binds_no_one(resolver, text, words):
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country="USA")
    at = text.index(words)
    named = [m.actor.name for m in mentions if m.start < at + len(words) and at < m.end
             and m.actor.kind == "person" and m.actor.name]
    assert named == []


def test_name_heading_its_own_clause_is_no_apposition(resolver):
    """ "Asked about the senator, Clinton said ...": the name is the next clause's subject."""
    text = "Asked about the senator, Hillary Clinton said she had never met him."
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country="USA")
    at = text.index("the senator")
    assert not [m for m in mentions if m.start <= at < m.end
                and m.actor.name == "Hillary Clinton"]


def test_headline_post_is_the_person_the_lead_names(resolver):
    text = ("Florida senator unveils tax plan. MIAMI - Senator Marco Rubio of Florida set out "
            "his tax plan on Tuesday.")
    actor = actor_at(resolver, text, "Florida senator", when=WHEN, home=None)
    assert (actor.name, actor.country, actor.sector) == ("Marco Rubio", "USA", "LEG")


@pytest.mark.parametrize(("text", "words", "sector"), [
    # place-post-office: the lead names no one (or another post's holder): the office.
    ("Utah governor vetoes school bill. The bill had passed both chambers in March.",
     "Utah governor", "GOV"),
    ("The Utah senator will vote against the bill, his office said.", "The Utah senator",
     "LEG"),
])
def test_place_post_with_no_name_is_the_office(resolver, text, words, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.name, actor.country, actor.sector) == (None, "USA", sector)


def test_a_post_of_many_is_no_office(resolver):
    """ "Every Utah senator": no single office, left alone."""
    text = "Every Utah senator voted against the bill on Tuesday."
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    assert not [m for m in mentions if m.actor.sector == "LEG" and m.actor.name is None
                and text[m.start:m.end].endswith("senator")]


@pytest.mark.parametrize(("text", "words", "name", "country"), [
    # organisation-noun-ends-name: the organisation, of the state its name holds.
    ("The Mexico Water Fund, a charity, said the dams were leaking.", "Mexico Water Fund",
     "Mexico Water Fund", "MEX"),
    ("Analysts at the German Energy Institute said prices would fall.",
     "German Energy Institute", "German Energy Institute", "DEU"),
])
def test_organisation_named_with_a_state_word(resolver, text, words, name, country):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.name, actor.country, actor.sector, actor.kind) == (
        name, country, "NGO", "organisation")


def test_state_before_an_organisation_noun_stays_the_state(resolver):
    """ "France's Olympic Committee": a possessive, the state named apart from the name."""
    text = "France's foreign ministry said the committee would meet on Monday."
    actor = actor_at(resolver, text, "France", when=WHEN, home=None)
    assert (actor.country, actor.kind) == ("FRA", "state")


@pytest.fixture(scope="module")
def code(event_coder):
    from conftest import sentence_coder

    from diplograph.coding.parse import load_nlp
    return sentence_coder(event_coder, load_nlp())


def test_word_of_a_longer_name_is_no_town(code):
    """word-of-a-name-is-no-place: "the Gay Games" is no event of Gay, a town in Russia."""
    events = code("Chicago hosted the Gay Games in 2006, and thousands of athletes came.",
                  "2016-07-11")
    targets = [(e.target.text, e.target.country) for e in events if e.target]
    assert ("Gay", "RUS") not in targets
