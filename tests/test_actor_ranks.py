"""Actors you can trust (issue 15, stop 27, ranks27): military and police ranks before a name
(rules `rank-before-name`, `rank-noun`: coding/actors/ranks.py, data/actors/ranks.yaml) and
"former" before a known person's past title (rule `former-then-current`:
coding/actors/offices.py). The mention table of the stop is
tests/data/actor_mentions_ranks27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.ranks import rank_words
from diplograph.records import ActorRef


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor(resolver: ActorResolver, text: str, words: str, when: str,
           home: str | None = None) -> ActorRef:
    """The actor of the mention at the last occurrence of `words`."""
    return actor_at(resolver, text, words, when=dt.date.fromisoformat(when), home=home,
                    last=True)


def _who(actor: ActorRef) -> tuple:
    return actor.name, actor.country, actor.sector


def test_every_rank_serves_in_the_armed_forces_or_the_police() -> None:
    words = rank_words()
    assert set(words.ranks.values()) == {"MIL", "COP"}
    assert words.word_ranks <= set(words.ranks)
    assert set(words.service_words.values()) <= {"MIL", "COP"}


@pytest.mark.parametrize(("text", "words", "when", "home", "who"), [
    # A state's word before the rank: that state's armed forces, the rank not in the name.
    ("Egyptian Brig Gen Samir Fahmy said the border crossing would stay closed.",
     "Egyptian Brig Gen Samir Fahmy", "2007-06-20", None, ("Samir Fahmy", "EGY", "MIL")),
    # A police word before a rank the armies hold too: the state's police.
    ("Afghan police Capt. Noor Ahmad said the bomber had been stopped at a checkpoint.",
     "Afghan police Capt. Noor Ahmad", "2008-05-04", None, ("Noor Ahmad", "AFG", "COP")),
    # A police rank in a story with a home state, the force named after the name.
    ("Det Insp Karen Holt of Merseyside Police said two men had been arrested.",
     "Det Insp Karen Holt", "2006-02-10", "GBR", ("Karen Holt", "GBR", "COP")),
    # The force named in the words that describe the name (an appositive).
    ("Lt Col Mark Vance, a spokesman for the US military in Kabul, said two soldiers had "
     "been hurt.", "Lt Col Mark Vance", "2006-01-01", None, ("Mark Vance", "USA", "MIL")),
    # A service word and a rank with dots in a US story.
    ("Army Sgt. Luis Romero said the patrol had come under fire twice that week.",
     "Army Sgt. Luis Romero", "2005-09-12", "USA", ("Luis Romero", "USA", "MIL")),
])
def test_a_rank_before_a_name_says_the_person_serves_in_a_force(
        resolver: ActorResolver, text: str, words: str, when: str, home: str | None,
        who: tuple) -> None:
    assert _who(_actor(resolver, text, words, when, home)) == who


def test_a_rank_before_a_surname_named_before_is_that_person(resolver: ActorResolver) -> None:
    text = ("Col. Rashid Karim of the Jordanian army said the camp would be moved. "
            "Col. Karim said the refugees would be consulted.")
    assert _who(_actor(resolver, text, "Col. Karim", "2006-03-03")) \
        == ("Rashid Karim", "JOR", "MIL")


def test_a_rank_as_the_head_noun_after_a_force_is_one_of_its_people(
        resolver: ActorResolver) -> None:
    actor = _actor(resolver, "An Iraqi police colonel who asked not to be named said the "
                   "station had been attacked twice.", "Iraqi police colonel", "2005-05-05")
    assert (actor.kind, actor.name, actor.country, actor.sector) \
        == ("person", None, "IRQ", "COP")


@pytest.mark.parametrize(("text", "words"), [
    ("The magazine Private Eye printed the letter in full.", "Private Eye"),
    ("General Motors said sales had fallen in Europe.", "General Motors"),
])
def test_a_rank_word_in_a_name_of_one_more_word_makes_no_person(
        resolver: ActorResolver, text: str, words: str) -> None:
    mentions = resolver.find_mentions(resolver.nlp(text), when=dt.date(2005, 3, 1),
                                      home_country="GBR")
    assert not [m for m in mentions if words in text[m.start:m.end]
                and m.actor.kind == "person" and m.actor.name]


def test_a_known_person_called_by_a_rank_keeps_their_office(resolver: ActorResolver) -> None:
    actor = _actor(resolver, "Col Gaddafi told the summit that Africa needed one army.",
                   "Col Gaddafi", "2007-07-01")
    assert _who(actor) == ("Muammar Gaddafi", "LBY", "GOV")


@pytest.mark.parametrize(("text", "words", "when", "who"), [
    # A past title with "former": the office held on the day, not ELI or the past office.
    ("Former foreign secretary Jack Straw told MPs the courts needed more judges.",
     "Former foreign secretary Jack Straw", "2008-02-12", ("Jack Straw", "GBR", "GOV")),
    ("Former chancellor Kenneth Clarke said the party had to change.",
     "Former chancellor Kenneth Clarke", "2006-10-03", ("Kenneth Clarke", "GBR", "LEG")),
    # With no office on the day: a former official, never the office's holder.
    ("Former president Jimmy Carter arrived in Caracas to watch the vote.",
     "Former president Jimmy Carter", "2004-08-14", ("Jimmy Carter", "USA", "ELI")),
    ("Ex-President Leonid Kuchma gave evidence to the prosecutors.",
     "Ex-President Leonid Kuchma", "2005-03-10", ("Leonid Kuchma", "UKR", "ELI")),
])
def test_former_before_a_past_title_gives_the_office_of_the_day(
        resolver: ActorResolver, text: str, words: str, when: str, who: tuple) -> None:
    assert _who(_actor(resolver, text, words, when)) == who


def test_rank_starts_skip_only_tokens_where_no_rank_starts(resolver: ActorResolver) -> None:
    """The speed cut (speed28): the tokens ``ranked_people`` tries are listed once per Doc,
    and every token left out is one where ``_rank_at`` reads no rank."""
    from diplograph.coding.actors.ranks import _rank_at, _rank_starts

    ranks = rank_words().ranks
    doc = resolver.nlp("Pentagon spokesman Navy Capt. Jeff Davis met Lt-Gen Ali Reza and "
                       "Det Supt Mark Hollis; the colonel, Private Eye and General Motors "
                       "said LT GEN Smith and air chief marshal Jones were in Rear Admiral "
                       "Kerr's office.")
    starts = _rank_starts(doc, ranks)
    assert starts is _rank_starts(doc, ranks)  # listed once
    read = [i for i in range(len(doc)) if doc[i].text[:1].isupper()
            and _rank_at(doc, i, ranks) is not None]
    assert read  # the sentence holds ranks
    assert set(read) <= set(starts)
    assert all(_rank_at(doc, i, ranks) is None for i in set(range(len(doc))) - set(starts)
               if doc[i].text[:1].isupper())
    assert starts == sorted(starts)
