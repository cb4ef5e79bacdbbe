"""Tokens that start no mention are decided once per article (stop 20, ingest speed): the
walks after the first pass over them, so what the first walk found there must be all there
is. These texts put a mention where the shortcut could miss it: a single name after "the"
and two adjectives, a surname named before, a pronoun, a title after its modifiers."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.mention import Hit, Hits

WHEN = dt.date(2024, 1, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver


def test_a_match_starting_within_the_span_is_seen() -> None:
    hits = Hits({5: [Hit(5, 7, "country", "FRA")]})
    assert hits.start_between(2, 6) and hits.start_between(5, 6)
    assert not hits.start_between(2, 5) and not hits.start_between(6, 9)


def test_name_after_the_article_and_two_adjectives_keeps_them(resolver: ActorResolver) -> None:
    text = "the influential independent Institute for Fiscal Studies warned ministers."
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country="GBR")
    first = mentions[0]
    assert first.actor.name == "Institute for Fiscal Studies"
    assert (first.start, first.token_start) == (0, 0)


def test_surname_and_pronoun_on_every_walk(resolver: ActorResolver) -> None:
    # No home state given: the article is walked once undecided, then with the state its
    # mentions settle on; both walks must still resolve "Doe" and "She".
    text = ("Canadian journalist Jane Doe met the French foreign minister in Paris. "
            "Doe asked about trade. She later wrote a column.")
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN)
    texts = {m.actor.text: m.actor.name for m in mentions}
    assert texts.get("Doe") == "Jane Doe"
    assert texts.get("She") == "Jane Doe"
    assert any(m.actor.role == "foreign minister" and m.actor.country == "FRA"
               for m in mentions)


def test_no_phrase_where_the_shortcut_says_none_opens(resolver: ActorResolver) -> None:
    # The phrase reader skips its grammar where no match, PERSON entity or lead word is at
    # the token: on every token it skips, the grammar must read nothing either, and the
    # tokens it does not skip (determiners, honorifics, "former", "shadow") are still read.
    text = ("The former Italian prime minister met Mr Smith and the shadow culture secretary "
            "in Rome. Later, officials said that Dr. Alan Jones, a lawyer, and Jane Doe of "
            "Kenya's opposition had flown to Nairobi with two Russian diplomats.")
    doc = resolver.nlp(text)
    reading = resolver._reading(doc)
    reader = resolver._phrases
    skipped = [i for i in range(len(doc))
               if reader.opens_nothing(doc, i, reading.hits, reading.person_ents)]
    assert len(skipped) > len(doc) // 3
    for i in skipped:
        assert reader.read_phrase(doc, i, reading.hits, reading.person_ents) is None, doc[i]
    read = {doc[i].lower_ for i in range(len(doc))
            if reader.read(doc, i, reading.hits, reading.person_ents) is not None}
    assert {"the", "mr"} <= read


def test_walks_skip_only_tokens_where_no_mention_starts(resolver: ActorResolver) -> None:
    # The walks read only the tokens listed in ``_Reading.starts``: at every other token,
    # with the memory of a whole walk (a surname and a gender named before), no mention
    # starts, so skipping it changes nothing.
    from diplograph.coding.actors.coref import ArticleMemory
    from diplograph.coding.actors.resolver import _Article

    text = ("Kenyan lawyer Jane Doe met the French foreign minister in Paris on Monday. "
            "Doe said she would return to Nairobi, and the minister said his government "
            "had asked the influential independent Institute for Fiscal Studies for advice.")
    doc = resolver.nlp(text)
    reading = resolver._reading(doc)
    resolver._walk(doc, WHEN, "KEN", dated=True, reading=reading)
    memory = ArticleMemory(resolver._genders, resolver._pronouns, hits=reading.hits)
    article = _Article(doc=doc, reading=reading, memory=memory, when=WHEN, dated=True,
                       home_country="KEN")
    for m in resolver.find_mentions(doc, when=WHEN, home_country="KEN"):
        memory.remember(doc, m.token_start, m.actor)
    skipped = [i for i in range(len(doc)) if i not in reading.starts]
    assert len(skipped) >= 5
    for i in skipped:
        assert resolver._actor_at(article, i)[2] is None, doc[i]
    starting = {doc[i].lower_ for i in reading.starts}
    assert {"doe", "she", "his", "the"} <= starting
