"""Actors you can trust (issue #15, stop 28, ustown28): a town written with its US state is
that state's town, never a foreign namesake (`Gazetteer.state_after`, rule
`us-town-with-state`), and "a Georgia senator" is the US state's (coding/actors/
us_states.py, rule `us-state-before-post`). The mention table of the stop is
tests/data/actor_mentions_ustown28.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.in_article import ArticleActors
from diplograph.coding.places import default_gazetteer

WHEN = dt.date(2016, 5, 3)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "country", "admin1"), [
    ("Salem, N.H.", "USA", "New Hampshire"),
    ("Athens, Ga.", "USA", "Georgia"),
    ("Athens, Georgia", "USA", "Georgia"),
    ("Moscow, Idaho", "USA", "Idaho"),
    ("Birmingham, Ala.", "USA", "Alabama"),
    # contrasts: a country after the town, or no qualifier at all
    ("Tbilisi, Georgia", "GEO", None),
    ("Cambridge, England", "GBR", None),
    ("Athens", "GRC", None),
])
def test_a_town_with_its_state(text, country, admin1):
    place = default_gazetteer().resolve(text)
    assert (place.country, place.admin1) == (country, admin1)


@pytest.mark.parametrize(("text", "place", "with_state"), [
    ("He spoke to farmers in Dublin, Calif., on Monday.", "Dublin", "Dublin, Calif."),
    ("The mayor of Paris, Texas, resigned.", "Paris", "Paris, Texas"),
    ("She flew to Charleston, West Virginia, on Friday.", "Charleston",
     "Charleston, West Virginia"),
    # no state after the comma: the place as it is
    ("He met voters in Dublin, then flew home.", "Dublin", "Dublin"),
])
def test_state_after_reads_the_written_state(resolver, text, place, with_state):
    doc = resolver.nlp(text)
    at = next(t.i for t in doc if t.text == place)
    assert default_gazetteer().state_after(doc[at:at + 1]).text == with_state


def test_the_coder_reads_the_town_in_its_state(resolver):
    actors = ArticleActors(resolver, default_gazetteer())
    assert actors.name_actor("Salem, N.H.", True).country == "USA"
    assert actors.name_actor("Salem", True).country == "IND"  # no state: the namesake


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("Police in Moscow, Idaho, closed the bridge on Sunday.", "Police", "USA", "COP"),
    ("Officials in Athens, Ga., said the vote would go ahead.", "Officials", "USA", "GOV"),
    ("Police in Dublin, Ireland, closed the bridge on Sunday.", "Police", "IRL", "COP"),
])
def test_a_local_group_in_a_town_with_its_state(resolver, text, words, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("A Georgia congressman asked for a recount on Friday.", "A Georgia congressman",
     "USA", "LEG"),
    ("Georgia lawmakers passed the budget on Friday.", "Georgia lawmakers", "USA", "LEG"),
    # contrasts: the country's own posts and bodies
    ("Georgia's prime minister visited Brussels on Friday.", "Georgia's prime minister",
     "GEO", "GOV"),
    ("Georgia's parliament passed the budget on Friday.", "Georgia's parliament", "GEO", "LEG"),
])
def test_a_us_post_after_georgia(resolver, text, words, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.country, actor.sector) == (country, sector)


def test_only_mentions_of_a_namesake_s_country_are_read(resolver):
    # The rule reads the tokens of a mention of Georgia (GEO) alone: a mention of any other
    # state, or of none, is handed back as it is, even with "Georgia" and a post in it.
    from diplograph.coding.actors.us_states import us_states_before_posts
    from diplograph.records import ActorRef, Mention

    doc = resolver.nlp("A Georgia senator met a Georgia senator.")
    def mention(start: int, end: int, country: str | None) -> Mention:
        return Mention(start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]),
                       token_start=start, token_end=end,
                       actor=ActorRef(name=None, country=country, sector="LEG", kind="group"))
    mentions = [mention(0, 3, "GEO"), mention(4, 7, "FRA"), mention(4, 7, None)]
    state = resolver._resolve.offices.state
    found = us_states_before_posts(doc, mentions, {"Georgia": "GEO"},
                                   frozenset({"senator"}), state)
    assert found[0].actor.country == "USA"
    assert found[1] is mentions[1] and found[2] is mentions[2]
