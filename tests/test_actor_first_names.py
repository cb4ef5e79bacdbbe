"""Actors you can trust (issue #15, stop 27, names27): a bare first name is the person the
article named in full with it before, the nearest named where several share it (rule
`first-name-antecedent`: coding/actors/first_names.py), and a person's name before the noun
of a thing named after them is no actor (rule `person-naming-a-thing-is-no-actor`:
coding/actors/eponyms.py, data ``eponym_nouns``). The mention table of the stop is
tests/data/actor_mentions_names27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.words import mention_words
from diplograph.records import ActorRef


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _last(resolver: ActorResolver, text: str, words: str, when: str) -> ActorRef:
    """The actor of the mention at the last occurrence of `words` (a US story)."""
    return actor_at(resolver, text, words, when=dt.date.fromisoformat(when), home="USA",
                    last=True)


def _mentions_at(resolver: ActorResolver, text: str, words: str, when: str,
                 first: bool = False) -> list[ActorRef]:
    """The actors of the mentions over the last (or `first`) occurrence of `words`."""
    at = text.index(words) if first else text.rindex(words)
    doc = resolver.nlp(text)
    return [m.actor for m in resolver.find_mentions(doc, when=dt.date.fromisoformat(when),
                                                     home_country="USA")
            if m.start < at + len(words) and at < m.end]


def test_a_first_name_after_the_full_name_is_that_person(resolver: ActorResolver) -> None:
    text = ("Hillary Clinton toured a factory in Youngstown on Friday. "
            "Hillary promised the workers new training programmes.")
    assert _last(resolver, text, "Hillary", "2016-09-02").name == "Hillary Clinton"


def test_a_first_name_of_an_unknown_person_is_that_person(resolver: ActorResolver) -> None:
    text = ("Dana Whitfield, a nurse from Toledo, asked the senator about drug prices. "
            "Dana said her patients could not pay for insulin.")
    assert _last(resolver, text, "Dana", "2016-09-02").name == "Dana Whitfield"


def test_of_two_people_sharing_a_first_name_the_nearest_named_is_meant(
        resolver: ActorResolver) -> None:
    text = ("John Kasich met John Boehner in Columbus on Monday. Kasich left early. "
            "Later Boehner took questions. John told reporters the budget would pass.")
    assert _last(resolver, text, "John", "2015-03-02").name == "John Boehner"


def test_a_first_name_with_no_full_name_before_binds_no_one(resolver: ActorResolver) -> None:
    text = ("Crowds cheered for Bernie in the rain on Saturday. "
            "Bernie Sanders arrived an hour later.")
    found = _mentions_at(resolver, text[:text.index(" Bernie Sanders")], "Bernie",
                         "2016-04-09")
    assert not [a for a in found if a.name == "Bernie Sanders"]


def test_a_surname_alone_does_not_give_its_person_a_first_name(
        resolver: ActorResolver) -> None:
    text = ("Bush vetoed the spending bill on Tuesday. George said the veto was a mistake.")
    found = _mentions_at(resolver, text, "George", "2007-10-02")
    assert not [a for a in found if a.name and "Bush" in a.name]


@pytest.mark.parametrize(("text", "words"), [
    ("Hundreds of students visited the Lincoln memorial in Washington on Sunday.", "Lincoln"),
    ("The senator praised the Truman doctrine in a speech at the academy on Monday.",
     "Truman"),
])
def test_a_name_before_the_noun_of_a_thing_named_after_someone_is_no_person(
        resolver: ActorResolver, text: str, words: str) -> None:
    found = _mentions_at(resolver, text, words, "2016-05-02")
    assert not [a for a in found if a.kind == "person"]


def test_a_leaders_administration_stays_the_state(resolver: ActorResolver) -> None:
    text = "The Obama administration imposed new sanctions on North Korea on Friday."
    actor = _last(resolver, text, "Obama administration", "2016-03-04")
    assert (actor.country, actor.sector, actor.kind) == ("USA", "GOV", "state")


def test_eponym_nouns_name_things_not_bodies() -> None:
    nouns = mention_words().eponym_nouns
    assert {"doctrine", "foundation", "library"} <= nouns
    assert not nouns & {"administration", "government", "agenda", "plan"}


def test_a_first_name_before_the_one_full_name_of_the_article_is_that_person(
        resolver: ActorResolver) -> None:
    text = ("Crowds cheered for Bernie in the rain on Saturday. "
            "Bernie Sanders arrived an hour later and spoke about wages.")
    actor = actor_at(resolver, text, "Bernie", when=dt.date(2016, 4, 9), home="USA")
    assert actor.name == "Bernie Sanders"


def test_a_first_name_before_two_full_names_binds_neither(resolver: ActorResolver) -> None:
    text = ("Ted drew the loudest cheers on Friday. Ted Cruz and Ted Strickland both spoke "
            "at the energy conference in Columbus.")
    found = _mentions_at(resolver, text, "Ted", "2016-03-11", first=True)
    assert not [a for a in found if a.name and " " in a.name]


def test_a_first_name_after_a_determiner_is_a_common_noun(resolver: ActorResolver) -> None:
    text = ("Education minister Bill Rammell defended the plans in the Commons on Monday. "
            "MPs will vote on the Bill next week.")
    found = _mentions_at(resolver, text, "Bill", "2005-03-07")
    assert not [a for a in found if a.name == "Bill Rammell"]


def test_a_first_name_after_a_clause_opening_that_is_still_a_name(
        resolver: ActorResolver) -> None:
    text = ("Mitt Romney unveiled a tax plan in Boston on Monday. It is the only plan that "
            "Mitt has put forward so far.")
    assert _last(resolver, text, "Mitt", "2012-03-05").name == "Mitt Romney"


def test_the_people_named_are_asked_for_only_at_a_bare_first_name(
        resolver: ActorResolver) -> None:
    """The speed cut (speed28): the walk's list of people named so far is built only where
    the token is a bare first name; the nearest one written in full is still found."""
    from diplograph.coding.actors.first_names import (
        first_name_antecedent,
        named_with_first_name,
    )

    doc = resolver.nlp("Maria Lopez met the minister. Later, Maria said the talks went well.")
    maria = ActorRef(name="Maria Lopez", country=None, sector=None, text="Maria Lopez",
                     kind="person")
    other = ActorRef(name="Maria Perez", country=None, sector=None, text="Ms Perez",
                     kind="person")
    asked: list[int] = []

    def named() -> list[ActorRef]:
        asked.append(1)
        return [maria, other]

    bare = next(t.i for t in doc if t.text == "Maria" and t.i > 0)
    assert first_name_antecedent(doc, 3, named, {}) is None  # "the": no first name
    assert not asked
    assert first_name_antecedent(doc, bare, named, {}) == maria  # Ms Perez: not in full
    assert asked == [1]
    assert named_with_first_name("Maria", [maria, other]) == maria
    assert named_with_first_name("Lopez", [maria, other]) is None
