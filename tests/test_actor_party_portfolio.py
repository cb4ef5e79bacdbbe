"""Rule `party-portfolio` (issue #15, stop 26, mentions18): a party's spokesperson for a
subject ("Lib Dem Treasury spokesman X", "the Tories' transport spokesman X") is the party's
frontbencher, on the opposition's bench (OPP) while the party is out of government
(coding/actors/phrases.py reads the party past the subject words, resolve.py gives the
sector; the governing parties by date in data/actors/mention_words.yaml). The mention table
of the stop is tests/data/actor_mentions_mentions18.tsv. Sentences of our own, none of the
table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.backrefs import PostMatcher
from diplograph.coding.actors.words import mention_words

IN_2005 = dt.date(2005, 2, 1)
IN_2012 = dt.date(2012, 2, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "name", "when", "sector"), [
    # Out of government on the day: the opposition's front bench.
    ("Liberal Democrat defence spokesman Owen Tate said the cuts went too far.",
     "Owen Tate", IN_2005, "OPP"),
    ("The Conservatives' rural affairs spokeswoman Jill Barrow backed the farmers.",
     "Jill Barrow", IN_2005, "OPP"),
    ("Labour transport spokesman Owen Tate said fares were too high.", "Owen Tate", IN_2012,
     "OPP"),
    # In government on the day, or no subject: the party's.
    ("Labour's election spokesman Owen Tate praised the manifesto.", "Owen Tate", IN_2005,
     "PTY"),
    ("Tory defence spokesman Owen Tate defended the cuts.", "Owen Tate", IN_2012, "PTY"),
    ("Lib Dem spokesman Owen Tate said the vote was close.", "Owen Tate", IN_2005, "PTY"),
])
def test_a_party_spokesperson_for_a_subject(resolver: ActorResolver, text: str, name: str,
                                            when: dt.date, sector: str) -> None:
    actor = actor_at(resolver, text, name, when=when, home=None)
    assert (actor.name, actor.country, actor.sector) == (name, "GBR", sector)


def test_a_party_and_subject_the_model_took_for_a_name(resolver: ActorResolver) -> None:
    """The small model reads "Lib Dem Treasury" as a PERSON: the voice title after the
    subject still makes the party the member's."""
    actor = actor_at(resolver, "Lib Dem Treasury spokesman Owen Tate said the sums were wrong.",
                     "Owen Tate", when=IN_2005, home=None)
    assert (actor.name, actor.country, actor.sector) == ("Owen Tate", "GBR", "OPP")


def test_no_party_a_government_spokesperson(resolver: ActorResolver) -> None:
    """Contrast: a subject spokesman with no party word is not read as a party's."""
    actor = actor_at(resolver, "Defence spokesman Owen Tate said the base would stay open.",
                     "Owen Tate", when=IN_2005, home="GBR")
    assert (actor.sector, actor.role) == ("GOV", "spokesperson")


def test_which_party_governs() -> None:
    words = mention_words()
    posts = PostMatcher(words.official_opposition, words.party_voice_titles,
                        words.governing_parties)
    assert posts.governs("GBR", "Labour Party", IN_2005) is True
    assert posts.governs("GBR", "Liberal Democrats", IN_2005) is False
    assert posts.governs("GBR", "Liberal Democrats", IN_2012) is True
    assert posts.governs("FRA", "Socialist Party", IN_2005) is None  # no record: not judged
