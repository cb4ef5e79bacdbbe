"""Actors with no known identity whose state the story tells (issues #15, #16, stop 25,
agents17): rules `calling-before-name`, `own-place` and `members-of-named-force`, and the
story's setting (coding/actors/setting.py). The mention table of the stop is
tests/data/actor_mentions_settings.tsv. Sentences of our own, none of the table's."""

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


def _actor(resolver: ActorResolver, text: str, words: str, home: str | None = None) -> ActorRef:
    return actor_at(resolver, text, words, when=WHEN, home=home)


def _mentioned(resolver: ActorResolver, text: str, words: str) -> bool:
    at = text.index(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    return any(m.start <= at < m.end for m in mentions)


@pytest.mark.parametrize(("text", "words", "name", "country", "sector"), [
    # Rule calling-before-name: the calling is not part of the name; the words before it
    # place the person ...
    ("Canadian engineer, Tom Black, was among those detained in Lyon.",
     "Canadian engineer, Tom Black", "Tom Black", "CAN", "CVL"),
    ("Glasgow solicitor Fiona Kerr said the ruling was wrong.", "Glasgow solicitor Fiona Kerr",
     "Fiona Kerr", "GBR", None),
    # ... else the story's setting: its places and state actors, one state clearly ahead.
    ("Riot police cleared a square in Lyon on Friday. France's interior minister praised "
     "them. Historian Paul Mercier said the protest was the largest since 1968.",
     "Historian Paul Mercier", "Paul Mercier", "FRA", "CVL"),
    # Rule own-place: "in" a city on the person's phrase, before the body's state.
    ("Analyst Hiro Sato of Nomura in Osaka said shares would fall.", "Hiro Sato", "Hiro Sato",
     "JPN", None),
])
def test_a_calling_and_its_place(resolver, text, words, name, country, sector):
    actor = _actor(resolver, text, words)
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


def test_no_setting_no_state(resolver: ActorResolver) -> None:
    """Contrast: nothing in the text places her: the calling's sector, no state guessed."""
    actor = _actor(resolver, "Magistrate Joan Hill adjourned the hearing until Friday.",
                   "Magistrate Joan Hill")
    assert (actor.name, actor.country, actor.sector) == ("Joan Hill", None, "JUD")


def test_two_states_compete_no_setting(resolver: ActorResolver) -> None:
    """Contrast: a story about two states has no setting; a bare group noun stays unplaced."""
    text = ("Greece and Turkey traded accusations after a collision near Rhodes. Greek "
            "officials blamed Turkish ships, and Turkey's navy blamed Greek ones. Protesters "
            "gathered outside both embassies.")
    assert not _mentioned(resolver, text, "Protesters")


def test_a_group_noun_takes_the_setting(resolver: ActorResolver) -> None:
    text = ("Thousands marched through Toulouse and Nantes in western France on Saturday. "
            "Protesters said they would strike again.")
    actor = _actor(resolver, text, "Protesters")
    assert (actor.country, actor.sector) == ("FRA", "CVL")


@pytest.mark.parametrize(("text", "country"), [
    # Rule members-of-named-force: "Officers" are the police named before them ...
    ("Police in Bordeaux fired tear gas on Monday. Officers arrested ten people.", "FRA"),
    # ... of another state than the story's home where the text says so.
    ("Two British fans were held in Madrid. Police in Madrid questioned them. Officers said "
     "they would be released.", "ESP"),
])
def test_officers_are_the_named_force(resolver, text, country):
    actor = _actor(resolver, text, "Officers", home="GBR")
    assert (actor.country, actor.sector) == (country, "COP")


def test_officers_with_no_force_named_are_left_alone(resolver: ActorResolver) -> None:
    """Contrast: an army has officers too; with no police named they are not placed."""
    assert not _mentioned(resolver, "Officers said the base would close in May.", "Officers")


def test_a_judge_sits_on_the_court_named_before(resolver: ActorResolver) -> None:
    """Rule calling-before-name: with no words of her own and two states in the story, the
    judge is of the court the story named."""
    text = ("A French appeals court will rule on the extradition request. The British "
            "government wants the man returned. Judge Anne Morel said the hearing would "
            "continue on Monday.")
    actor = _actor(resolver, text, "Judge Anne Morel")
    assert (actor.name, actor.country, actor.sector) == ("Anne Morel", "FRA", "JUD")


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    # Rule nameless-calling: a place or a demonym before a calling with no name.
    ("A Texas judge blocked the new voting law on Friday.", "A Texas judge", "USA", "JUD"),
    ("An Irish farmer has won damages from the ministry.", "An Irish farmer", "IRL", "CVL"),
])
def test_a_nameless_calling_of_a_place(resolver, text, words, country, sector):
    actor = _actor(resolver, text, words)
    assert (actor.name, actor.country, actor.sector, actor.kind) == (None, country, sector,
                                                                    "person")


def test_a_bare_calling_is_left_alone(resolver: ActorResolver) -> None:
    """Contrast: "the lawyer" with no words of its own is not placed by the story."""
    text = "Lawyers in Leeds and Bradford went on strike. The lawyer said pay was too low."
    assert not _mentioned(resolver, text, "The lawyer")


def test_a_definite_calling_is_left_alone(resolver: ActorResolver) -> None:
    """Contrast: "the Texas farmer" is someone the story named: no new person."""
    text = "Bob Hale spoke to reporters. The Texas farmer said the drought was the worst."
    assert not _mentioned(resolver, text, "The Texas farmer")


def test_place_entities_are_listed_once_and_match_the_ents(resolver: ActorResolver) -> None:
    # story_setting's places: the Doc's GPE, LOC and FAC entities in text order, listed once
    # per Doc for all of an article's walks.
    from diplograph.coding.actors.setting import _place_entities

    doc = resolver.nlp("Police in Cardiff and officials from France met near the Thames "
                       "at Heathrow Airport on Monday, Reuters said.")
    listed = _place_entities(doc)
    assert listed == [(e.start, e.end) for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}]
    assert "France" in [doc[s:e].text for s, e in listed]
    assert _place_entities(doc) is listed
