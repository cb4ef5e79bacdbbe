"""Actors you can trust (issue 15): spokespeople of a named body (the `spokesperson-of-body`
rule, coding/actors/voices.py, `body_voice_nouns` in mention_words.yaml). Sentences written
for the rule."""

from __future__ import annotations

import pytest
from conftest import actors_in as _actors

from diplograph.coding.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _who(resolver: ActorResolver, text: str, mention: str, home: str | None = "GBR") -> tuple:
    actor = _actors(resolver, text, "2005-01-15", home)[mention]
    return actor.country, actor.sector, actor.role


@pytest.mark.parametrize(("text", "mention", "who"), [
    # A body we know: its state and sector, no state office.
    ("A spokesman for UKIP urged the mayor to resign.", "A spokesman", ("GBR", "PTY", None)),
    ("A spokeswoman for Unison said the strike would go ahead.", "A spokeswoman",
     ("GBR", "LAB", None)),
    ("A spokesman for NATO said the talks had ended.", "A spokesman", (None, "IGO", None)),
    # A state's own body: still the government's spokesperson.
    ("A spokesman for the Home Office rejected the claims.", "A spokesman",
     ("GBR", "GOV", "spokesperson")),
    # A named body we do not know: the story's state, the sector its noun gives, or none.
    ("A spokesman for the Kestrel Party said it would stand in Dover.", "A spokesman",
     ("GBR", "PTY", None)),
    ("A spokeswoman for Brightwater Holdings declined to comment.", "A spokeswoman",
     ("GBR", None, None)),
])
def test_a_spokesperson_for_a_body_is_the_body_s(resolver: ActorResolver, text: str,
                                                mention: str, who: tuple) -> None:
    assert _who(resolver, text, mention) == who


def test_a_story_with_no_home_still_places_a_known_body_s_spokesperson(
        resolver: ActorResolver) -> None:
    assert _who(resolver, "A spokesman for UKIP urged the mayor to resign.", "A spokesman",
                None) == ("GBR", "PTY", None)


@pytest.mark.parametrize(("text", "mention", "who"), [
    # No body named: the home state's spokesperson, as before.
    ("A government spokesman said the plan was sound.", "A government spokesman",
     ("GBR", "GOV", "spokesperson")),
    ("A spokesman said the plan was sound.", "A spokesman", ("GBR", "GOV", "spokesperson")),
    # Whose the post is already said before the noun: the party's.
    ("A Labour spokesman for health said the plan was sound.", "A Labour spokesman",
     ("GBR", "PTY", None)),
])
def test_a_spokesperson_for_no_named_body_is_read_as_before(
        resolver: ActorResolver, text: str, mention: str, who: tuple) -> None:
    assert _who(resolver, text, mention) == who

