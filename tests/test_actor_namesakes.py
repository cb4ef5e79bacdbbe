"""Namesakes told apart by the article: a title binds only to a holder of that kind of
office, a bare title to a person whose state uses it, a bare surname to the full name the
article gives it (issue #15)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


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
