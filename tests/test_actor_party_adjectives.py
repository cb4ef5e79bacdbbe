"""A party named by its adjective (issue #15, stop 27, partyadj27): rules
`party-adjective-owner` ("Tory PLANS": the party owns them) and `party-adjective-members`
("Republican HOPEFULS": its members), coding/actors/party_adjectives.py, words in
data/actors/mention_words.yaml. The mention table of the stop is
tests/data/actor_mentions_partyadj27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.words import mention_words

IN_2005 = dt.date(2005, 3, 1)
IN_2016 = dt.date(2016, 6, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _texts(resolver: ActorResolver, text: str, when: dt.date, home: str | None) -> list[str]:
    """The words of every mention the resolver finds in `text`."""
    mentions = resolver.find_mentions(resolver.nlp(text), when=when, home_country=home)
    return [m.actor.text or "" for m in mentions]


def test_the_words_are_data() -> None:
    words = mention_words()
    assert "manifesto" in words.party_owned_nouns
    assert words.party_member_nouns["hopefuls"] == "ELI"
    assert "democratic" in words.common_sense_party_adjectives


@pytest.mark.parametrize(("text", "words", "when", "home", "want"), [
    # rule `party-adjective-owner`: the adjective alone is the party, owner of the thing.
    ("Doctors attacked the Tory pledge on waiting lists.", "Tory", IN_2005, "GBR",
     ("Conservative Party", "GBR", "PTY")),
    ("Economists doubted the Lib Dem policies on pensions.", "Lib Dem", IN_2005, None,
     ("Liberal Democrats", "GBR", "PTY")),
    ("Aid groups praised the Democratic health care proposal.", "Democratic", IN_2016, "USA",
     ("Democratic Party", "USA", "PTY")),
    ("Republican proposals on visas were shelved in May.", "Republican", IN_2016, "USA",
     ("Republican Party", "USA", "PTY")),
    # rule `party-adjective-members`: a member noun the body nouns lack.
    ("Three Republican contenders met donors in Texas.", "Republican contenders", IN_2016,
     "USA", ("Republican Party", "USA", "ELI")),
    # the movement's adjective: Peronist is the Justicialist Party's.
    ("Peronist deputies rejected the budget in Buenos Aires.", "Peronist deputies",
     dt.date(2005, 6, 1), "ARG", ("Justicialist Party", "ARG", "LEG")),
])
def test_a_party_adjective_names_the_party(resolver: ActorResolver, text: str, words: str,
                                           when: dt.date, home: str | None,
                                           want: tuple[str, str, str]) -> None:
    actor = actor_at(resolver, text, words, when=when, home=home)
    assert (actor.name, actor.country, actor.sector) == want


@pytest.mark.parametrize(("text", "words", "home"), [
    # lowercase words are never the party
    ("Critics called the budget a conservative plan.", "conservative", "GBR"),
    # an ordinary word capitalised at a sentence start, before an owned noun, elsewhere
    ("Democratic programmes were promised by the new government in Georgia.", "Democratic",
     "GEO"),
    # another state's party of the same adjective
    ("The Conservative platform in Alberta promised lower taxes.", "Conservative", "CAN"),
    # a noun of an election, not an owned thing
    ("Turnout in the Democratic caucus was low in Iowa.", "Democratic", "USA"),
])
def test_no_party_where_the_adjective_is_not_the_party(resolver: ActorResolver, text: str,
                                                       words: str, home: str) -> None:
    assert not any(words in found for found in _texts(resolver, text, IN_2016, home))


def test_the_reader_answers_at_an_adjective_or_the_article_before_it_only(
        resolver: ActorResolver) -> None:
    """The speed cut (speed28): a token with no knowledge match at it nor right after it is
    left at once; the reads at the adjective and at the article before it stay."""
    doc = resolver.nlp("Critics said Tory plans and the Lib Dem policies would hurt "
                       "Conservative candidates in the north.")
    reading = resolver._reading(doc)
    read = {i: resolver._party_adjectives.read(doc, i, reading.hits, "GBR", IN_2005)
            for i in range(len(doc))}
    found = {i: (r[0].name, r[1], r[2]) for i, r in read.items() if r is not None}
    tory, the, cons = (next(t.i for t in doc if t.text == w) for w in ("Tory", "the",
                                                                       "Conservative"))
    assert found[tory][1:] == (tory, tory + 1)
    assert found[the][1:] == (the + 1, the + 3)  # "the Lib Dem": the adjective's tokens
    assert found[cons][1:] == (cons, cons + 2)  # "Conservative candidates": the members
    assert all(reading.hits.first(i, ("orgadj",)) or reading.hits.first(i + 1, ("orgadj",))
               for i in found)
