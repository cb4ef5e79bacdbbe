"""The two body scans of the actor walk read the token table and build a Token only for a
candidate (issue #19, stop 26, speed19): the home-body scan skips a capitalised word with no
"the" before it, the state-body scan every word that is no governing noun. These sentences
(our own) check that what they skip could never have been read, and that what they read
still is."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.bodies import _home_body, home_state_bodies, span_mention
from diplograph.coding.actors.state_bodies import state_bodies_named
from diplograph.records import ActorRef

WHEN = dt.date(2024, 1, 1)
TEXTS = (
    "Some Treasury officials met the Treasury team while US Treasury staff waited.",
    "The Defense Department and a Defense Department aide spoke to Trump Treasury critics.",
    "Critics of the regime in Damascus said the government of Sudan had erred.",
    "Government sources said the administration of Jane Doe and the regime held talks.",
)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver


def _state(country: str, sector: str | None) -> ActorRef:
    return ActorRef(name=country, country=country, sector=sector, kind="state")


@pytest.mark.parametrize("text", TEXTS)
def test_a_capitalised_word_after_no_the_starts_no_home_body(resolver: ActorResolver,
                                                             text: str) -> None:
    doc = resolver.nlp(text)
    bodies = resolver.words.home_bodies
    for token in doc:
        if token.i > 0 and doc[token.i - 1].lower_ != "the":
            assert _home_body(doc, token, bodies) is None, token.text


def test_the_home_body_after_the_is_still_read(resolver: ActorResolver) -> None:
    doc = resolver.nlp(TEXTS[0])
    found = home_state_bodies(doc, [], resolver.words.home_bodies, "USA", _state)
    assert [(m.actor.text, m.actor.sector) for m in found] == [("the Treasury", "GOV")]


def test_a_body_opening_the_text_is_still_read(resolver: ActorResolver) -> None:
    doc = resolver.nlp("Treasury officials met Defense Department aides.")
    assert _home_body(doc, doc[0], resolver.words.home_bodies) is not None
    found = home_state_bodies(doc, [], resolver.words.home_bodies, "USA", _state)
    assert found and found[0].token_start == 0


def test_the_state_body_scan_reads_only_governing_nouns_after_the(
        resolver: ActorResolver) -> None:
    doc = resolver.nlp(TEXTS[2])
    sudan = next(t.i for t in doc if t.text == "Sudan")
    named = [span_mention(doc[sudan:sudan + 1], _state("SDN", None))]  # a state's name
    found = state_bodies_named(doc, named, resolver.words.state_body_nouns,
                               lambda span: {"Damascus": "SYR"}.get(span.text), _state)
    assert [(m.actor.text, m.actor.country) for m in found] == [
        ("the regime in Damascus", "SYR"), ("the government of Sudan", "SDN")]


def test_a_governing_noun_opening_the_text_is_no_state_body(resolver: ActorResolver) -> None:
    doc = resolver.nlp("Government of Sudan officials met the regime in Damascus.")
    found = state_bodies_named(doc, [], resolver.words.state_body_nouns,
                               lambda span: {"Damascus": "SYR"}.get(span.text), _state)
    assert [m.actor.text for m in found] == ["the regime in Damascus"]
