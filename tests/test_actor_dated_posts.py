"""Actors you can trust (issue 15, stop 25, dated17): role descriptions whose holder at the
story's date is told by words besides the title (coding/actors/dated_posts.py; the words in
data/actors/dated_posts.yaml, the holders in people/people_k_posts_dated.yaml). Rules
`ordinal-office`, `late-holder`, `ambassador-to`, `nation-post`, `portfolio-post`, and the
title "pope". The mention table of the stop is tests/data/actor_mentions_dated.tsv.
Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.dated_posts import dated_post_words
from diplograph.knowledge.base import load_knowledge_base


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _who(resolver: ActorResolver, text: str, words: str, when: dt.date | None,
         home: str | None) -> tuple:
    actor = actor_at(resolver, text, words, when=when, home=home)
    return actor.name, actor.country, actor.sector


@pytest.mark.parametrize(("text", "words", "when", "home", "want"), [
    # `ordinal-office`: the nth to take the office, former or in office on the day.
    ("Aides said the 41st president was resting at his home in Houston.", "president",
     dt.date(2012, 6, 1), "USA", ("George H. W. Bush", "USA", "ELI")),
    ("The 45th president signed the order in the Oval Office.", "president",
     dt.date(2018, 2, 1), "USA", ("Donald Trump", "USA", "GOV")),
    # Cleveland's return counts again: the 24th is Cleveland, the 25th McKinley.
    ("A statue of the 25th president stands in Canton.", "president",
     dt.date(2015, 1, 1), "USA", ("William McKinley", "USA", "ELI")),
    # `late-holder`: the last holder who had died by the day, not the one in office.
    ("Jordan's late king was buried in Amman as world leaders looked on.", "king",
     dt.date(1999, 2, 9), "GBR", ("Hussein of Jordan", "JOR", "ELI")),
    ("Portraits of North Korea's late leader hang in every classroom.", "leader",
     dt.date(2013, 5, 1), "GBR", ("Kim Jong-il", "PRK", "ELI")),
    # `ambassador-to`: the sending state's ambassador to the story's state or to "to X".
    ("The Russian ambassador met the national security adviser at the White House.",
     "Russian ambassador", dt.date(2010, 3, 1), "USA", ("Sergey Kislyak", "RUS", "GOV")),
    ("China's ambassador to the United States said tariffs would hurt farmers.",
     "China's ambassador", dt.date(2019, 5, 1), "GBR", ("Cui Tiankai", "CHN", "GOV")),
    # `nation-post`: the one devolved nation the article names.
    ("The first minister opened the new Senedd building in Cardiff Bay.", "first minister",
     dt.date(2006, 3, 1), "GBR", ("Rhodri Morgan", "GBR", "GOV")),
    ("At Stormont the first minister said power-sharing would survive.", "first minister",
     dt.date(2010, 2, 1), "GBR", ("Peter Robinson", "GBR", "GOV")),
    # `portfolio-post`: the words before the post pick the portfolio.
    ("The EU's enlargement commissioner said Turkey had work to do.", "commissioner",
     dt.date(2007, 6, 1), None, ("Olli Rehn", None, "IGO")),
    ("The pontiff celebrated mass in Manila before millions.", "pontiff",
     dt.date(2015, 1, 18), "GBR", ("Pope Francis", "VAT", "GOV")),
])
def test_holder_told_by_the_words(resolver, text, words, when, home, want):
    assert _who(resolver, text, words, when, home) == want


@pytest.mark.parametrize(("text", "words", "when", "home"), [
    # No 48th holder yet in 2016: the office, no person.
    ("Pundits speculated about who the 48th president would be.", "president",
     dt.date(2016, 1, 5), "USA"),
    # "late" with no state: no office to look in.
    ("Villagers remembered their late leader with songs.", "leader", dt.date(2010, 1, 1),
     "GBR"),
    # Russia's ambassador to Germany is not in the knowledge: no one invented.
    ("The Russian ambassador was summoned to the foreign ministry in Berlin.",
     "Russian ambassador", dt.date(2019, 1, 1), "DEU"),
    # Scotland and Wales both named: which first minister is not said.
    ("Leaders from Scotland and Wales met in London. The first minister called for more "
     "money.", "The first minister", dt.date(2016, 1, 1), "GBR"),
    # A portfolio no commissioner holds: no one picked.
    ("The EU's fisheries commissioner visited Vigo.", "commissioner", dt.date(2006, 1, 1),
     None),
    # No date: the office, never a holder of some day.
    ("The Chinese ambassador in Washington criticised the sanctions.", "Chinese ambassador",
     None, "USA"),
])
def test_no_holder_when_the_words_do_not_tell(resolver, text, words, when, home):
    at = text.index(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=when, home_country=home)
    covering = [m.actor for m in mentions if m.start <= at < m.end]
    assert all(a.name is None for a in covering), covering
    if "leader" not in words:  # the office is still read ("their late leader": no state)
        assert covering, [text[m.start:m.end] for m in mentions]


def test_us_presidents_are_numbered_from_the_first():
    """The count `ordinal-office` relies on: the people files hold every US president."""
    kb = load_knowledge_base()
    assert ("USA", "head of state") in dated_post_words().numbered_offices
    terms = sorted((t.start, p.name) for p in kb.holders[("head of state", "USA")]
                   for t in p.terms if t.role == "head of state" and t.country == "USA")
    order = [name for i, (_, name) in enumerate(terms) if i == 0 or terms[i - 1][1] != name]
    assert order[0] == "George Washington"
    assert order[15] == "Abraham Lincoln"
    assert order[21] == order[23] == "Grover Cleveland"
    assert order[42:47] == ["George W. Bush", "Barack Obama", "Donald Trump", "Joe Biden",
                            "Donald Trump"]


def test_deaths_are_dates_of_known_holders():
    """Every `died` of people_k merges into a person who held some office."""
    kb = load_knowledge_base()
    dead = [p for p in kb.people if p.died is not None]
    assert len(dead) >= 30
    assert all(p.terms for p in dead)


def test_undated_window_with_two_holders_names_the_office(resolver):
    """Rule `window-holder`: an undated story whose window holds a change of holder."""
    text = "In 2013 the pope told cardinals he was too frail to go on."
    actor = actor_at(resolver, text, "pope", when=None, home="GBR")
    assert (actor.name, actor.country) == (None, "VAT")
    steady = "In 2010 the pope visited Britain for four days."
    assert actor_at(resolver, steady, "pope", when=None, home="GBR").name == "Pope Benedict XVI"
    # The holder the article names is the one it means, even named after the description
    # (a headline's "PM" before "Tony Blair has apologised"), whatever the window holds.
    named_after = ("PM apology over jailings Tony Blair has apologised to two families wronged "
                   "in 1974. The prime minister met them at Westminster.")
    assert actor_at(resolver, named_after, "PM", when=None, home="GBR").name == "Tony Blair"


@pytest.mark.parametrize(("text", "when", "home", "want"), [
    # Rule `our-office` (coding/actors/speakers.py): the speaker's state's office.
    ("\"Our president has kept us safe,\" a French minister told reporters in Berlin.",
     dt.date(2010, 6, 1), "DEU", ("Nicolas Sarkozy", "FRA")),
    ("\"Our prime minister must resign,\" an Italian senator said on Monday.",
     dt.date(2011, 3, 1), "GBR", ("Silvio Berlusconi", "ITA")),
    # The speaker's state is the story's: as before.
    ("\"Our president has failed farmers,\" an American senator said in Iowa.",
     dt.date(2015, 3, 1), "USA", ("Barack Obama", "USA")),
])
def test_our_office_is_the_speakers(resolver, text, when, home, want):
    actor = actor_at(resolver, text, "president" if "president" in text else "prime minister",
                     when=when, home=home)
    assert (actor.name, actor.country) == want
