"""Argument class of issue 16, stop 27 (reqtarget27): the target of a request is its addressee
(argument/request-goes-to-its-addressee, PLOVER 3.8).

"called on fellow Republicans to unendorse Trump" was coded at Trump (docs/
actor_handcheck_polnear27.md, 7 of 100 events): with an addressee the resolver does not place,
the fallback took the actor inside the requested act. The actor asked to act is the target; one
inside the requested act is its topic. Sentences of our own; contrasts: a resolvable addressee
stays the target, a call with no addressee is left to the other rules."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.parse import load_nlp
from diplograph.coding.request_addressee import addressee_words, request_shape
from diplograph.coding.rules import all_rules


@pytest.mark.parametrize("text, topic", [
    ("The Belgian senator called on fellow senators to condemn Iran.", "IRN"),
    ("The Greek minister urged party colleagues to vote against the deal with Turkey.", "TUR"),
    ("The Finnish prime minister asked fellow liberals to stop criticising Estonia.", "EST"),
    ("The Czech president demanded an independent inquiry to investigate Slovakia.", "SVK"),
])
def test_the_topic_of_a_request_is_never_its_target(code_sentence, text, topic):
    requests = {e for e in type_and_countries(code_sentence(text)) if e[0] == "REQUEST"}
    assert not any(target == topic for _, _, target in requests)


@pytest.mark.parametrize("text, expected", [
    ("Denmark called on Norway to stop selling gas to Russia.", ("REQUEST", "DNK", "NOR")),
    ("Chile urged Peru to hand the fugitive over to Bolivia.", ("REQUEST", "CHL", "PER")),
    ("Romania asked Bulgaria to close its border to Turkish trucks.", ("REQUEST", "ROU", "BGR")),
])
def test_a_named_addressee_is_the_target(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


def _verb(text: str, word: str):
    return next(t for t in load_nlp()(text) if t.text == word)


@pytest.mark.parametrize("text, target, topic", [
    ("The UN envoy demanded parties to the war in Yemen to open the ports to Saudi ships.",
     "YEM", "SAU"),
    ("The Kenyan minister urged factions in Somalia to stop attacking Ethiopian convoys.",
     "SOM", "ETH"),
])
def test_an_unplaced_addressee_keeps_the_actor_of_its_own_phrase(code_sentence, text, target,
                                                                   topic):
    targets = {t for kind, _, t in type_and_countries(code_sentence(text)) if kind == "REQUEST"}
    assert target in targets and topic not in targets


@pytest.mark.parametrize("text, verb, addressee, act", [
    ("The senator called on fellow senators to condemn Iran.", "called", "senators", "condemn"),
    ("The minister urged his colleagues to reject the plan.", "urged", "colleagues", "reject"),
    ("The mayor appealed to residents to stay indoors.", "appealed", "residents", "stay"),
])
def test_request_shape_finds_the_addressee_before_the_act(text, verb, addressee, act):
    shape = request_shape(_verb(text, verb))
    assert shape is not None
    assert (shape.addressee[0].text, shape.act.text) == (addressee, act)


@pytest.mark.parametrize("text, verb", [
    ("The minister called for an end to the war.", "called"),
    ("The union demanded to see the contract.", "demanded"),
    ("The senator urged caution.", "urged"),
])
def test_a_call_with_no_addressee_has_no_request_shape(text, verb):
    assert request_shape(_verb(text, verb)) is None


def test_the_rule_is_registered_for_requests():
    rule = next(r for r in all_rules() if r.name == "argument/request-goes-to-its-addressee")
    assert rule.applies_to("REQUEST") and addressee_words().request_types == {"REQUEST"}
