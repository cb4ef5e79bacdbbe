"""Rules `body-descriptor`, `state-body-of` and `party-coordination` (issue #15, stop 26,
phrases18): the words around a body's name that the phrase reader left out. A body's
descriptor nouns in apposition belong to its mention ("pressure group Liberty";
coding/actors/body_descriptors.py, nouns in data/actors/mention_words.yaml
`body_descriptor_nouns`); a state's government named by its leader, its capital or its name
is one mention of the state's body ("the regime in Havana"; coding/actors/state_bodies.py,
nouns in `state_body_nouns`); two parties of one state before one body noun are the state's
body ("Conservative and Labour MPs"; coding/actors/party_pairs.py). The mention table of the
stop is tests/data/actor_mentions_phrases18.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2005, 3, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _mentions(resolver: ActorResolver, text: str) -> dict[str, tuple]:
    """Each mention's words -> (name, state, sector) of its actor."""
    found = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    return {text[m.start:m.end]: (m.actor.name, m.actor.country, m.actor.sector)
            for m in found}


@pytest.mark.parametrize(("text", "words", "actor"), [
    # Descriptor nouns before the name, with or without a determiner of their own.
    ("The tax was opposed by employers' organisation the CBI.", "organisation the CBI",
     ("CBI", "GBR", "BUS")),
    ("The aid charity Oxfam warned of famine.", "The aid charity Oxfam",
     ("Oxfam", None, "NGO")),
    ("Campaign group Greenpeace blocked the harbour.", "Campaign group Greenpeace",
     ("Greenpeace", None, "NGO")),
    # Descriptor nouns after the name.
    ("The Al Jazeera television channel aired the tape.", "The Al Jazeera television channel",
     ("Al Jazeera", "QAT", "JRN")),
])
def test_descriptors_join_the_body(resolver: ActorResolver, text: str, words: str,
                                   actor: tuple) -> None:
    assert _mentions(resolver, text).get(words) == actor


@pytest.mark.parametrize(("text", "words"), [
    # Two determiners: a relative clause, not an apposition.
    ("Prices at the firm the CBI polled have risen.", "the CBI"),
    # A noun that ends a prepositional object before the name opens a clause.
    ("After the letter reached the charity Oxfam said it would respond.", "Oxfam"),
])
def test_no_apposition_leaves_the_name_alone(resolver: ActorResolver, text: str,
                                             words: str) -> None:
    assert words in _mentions(resolver, text)


def test_a_descriptor_that_modifies_a_noun_is_not_the_body(resolver: ActorResolver) -> None:
    """ "The CNN network BOSS": "network" modifies "boss", so the body's mention does not
    end at it (the phrase reader reads the boss, a person of CNN)."""
    found = _mentions(resolver, "The CNN network boss resigned.")
    assert "The CNN network" not in found
    assert found["The CNN network boss"][1:] == ("USA", "JRN")


@pytest.mark.parametrize(("text", "words", "state"), [
    ("Troops loyal to the government of President Robert Mugabe fired on the crowd.",
     "the government of President Robert Mugabe", "ZWE"),
    ("Exiles said the regime in Havana would not last.", "the regime in Havana", "CUB"),
    ("Aid was promised by the government in Khartoum.", "the government in Khartoum", "SDN"),
])
def test_a_state_body_named_by_leader_or_capital(resolver: ActorResolver, text: str,
                                                 words: str, state: str) -> None:
    _, country, sector = _mentions(resolver, text)[words]
    assert (country, sector) == (state, "GOV")


@pytest.mark.parametrize(("text", "words"), [
    ("Crowds gathered at the government offices in Harare.", "the government offices"),
    ("Such choices belong to the government of the day.", "the government of the day"),
    ("The government of Tony Blair's successor will face the vote.", "the government of Tony"),
])
def test_no_state_body_where_the_words_name_no_state(resolver: ActorResolver, text: str,
                                                     words: str) -> None:
    assert not any(words in found for found in _mentions(resolver, text))


@pytest.mark.parametrize(("text", "words", "state"), [
    ("Conservative and Labour MPs signed the letter.", "Conservative and Labour MPs", "GBR"),
    ("The vote split Democratic and Republican legislators.",
     "Democratic and Republican legislators", "USA"),
])
def test_two_parties_of_one_state_are_its_body(resolver: ActorResolver, text: str,
                                               words: str, state: str) -> None:
    """Rule `party-coordination`: the body noun is both parties', so the state's."""
    assert _mentions(resolver, text)[words] == (
        {"GBR": "United Kingdom", "USA": "United States"}[state], state, "LEG")


def test_parties_of_two_states_stay_apart(resolver: ActorResolver) -> None:
    found = _mentions(resolver, "Labour and Republican lawmakers met in London.")
    assert "Labour and Republican lawmakers" not in found


def test_two_bodies_coordinated_keep_their_parties(resolver: ActorResolver) -> None:
    found = _mentions(resolver, "Labour MPs and Tory peers opposed the plan.")
    assert found["Labour MPs"][:2] == ("Labour Party", "GBR")
