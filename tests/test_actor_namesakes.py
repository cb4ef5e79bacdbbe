"""Namesakes told apart by the article: a title binds only to a holder of that kind of
office, a bare title to a person whose state uses it, a bare surname to the full name the
article gives it (issue #15)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only); a new one costs 0.7 s of CPU


def _actors(resolver: ActorResolver, text: str, when: dt.date | None,
            home: str | None = None) -> list[tuple[str, str | None]]:
    """(mention words, resolved name) in text order."""
    mentions = resolver.find_mentions(resolver.nlp(text), when=when, home_country=home)
    return [(text[m.start:m.end], m.actor.name) for m in mentions]


@pytest.mark.parametrize("when", [D("2003-05-01"), None])
def test_title_skips_a_namesake_named_before_without_the_office(
        resolver: ActorResolver, when: dt.date | None) -> None:
    text = ("Jeb Bush, the governor, opened a school in Tampa on Monday. "
            "President Bush spoke about the school at the White House.")
    found = dict(_actors(resolver, text, when, "USA"))
    assert found["Jeb Bush"] == "Jeb Bush"
    assert found["President Bush"] == "George W. Bush"


def test_bare_title_is_a_holder_whose_state_uses_that_title(resolver: ActorResolver) -> None:
    text = ("Prime Minister John Howard of Australia flew to London to meet Gordon Brown. "
            "The chancellor promised a trade deal.")
    found = dict(_actors(resolver, text, D("2005-02-10")))
    assert found["Prime Minister John Howard"] == "John Howard"
    assert found["The chancellor"] == "Gordon Brown"


@pytest.mark.parametrize("text", [
    "Howard warns over council tax Michael Howard has said bills will rise again.",
    "Howard visits Dover. Tory leader Michael Howard spoke about asylum at the port.",
])
def test_headline_surname_takes_the_full_name_given_after_it(
        resolver: ActorResolver, text: str) -> None:
    found = _actors(resolver, text, D("2005-02-10"))
    assert found[0] == ("Howard", "Michael Howard")


def test_surname_two_full_names_share_keeps_the_knowledge_choice(
        resolver: ActorResolver) -> None:
    # No single full name to prefer: the earlier reading stands (the Tory leader named
    # just before "Mr Howard" in a British story).
    text = ("Michael Howard criticised the plan in London. John Howard, Australia's prime "
            "minister, said nothing. Tory leader Michael Howard then spoke again. "
            "Mr Howard said taxes would fall.")
    found = _actors(resolver, text, D("2005-02-10"), "GBR")
    assert ("Mr Howard", "Michael Howard") in found
