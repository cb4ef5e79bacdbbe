"""Coordinated subjects are two sources, each other's counterparts only in an act done
together, and a headline's coordinated receivers are each acted on by its agent (issue #15,
stop 23; coding/coordination.py, triggers.hidden_passive_parts). Sentences of our own, not
from any case file."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.settings import Settings

RULE = "argument/stance-of-two-is-no-joint-act"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


@pytest.mark.parametrize("text", [
    "Latvia and Estonia welcomed the verdict.",  # a stance on a thing
    "Latvia and Estonia praised the new pipeline.",
    "The Greens and Labour are phoning pensioners this week.",  # people no actor stands for
])
def test_two_subjects_of_a_stance_are_not_each_others_counterparts(code, text):
    # each subject keeps its stance with no receiver, under the product's confidence floor
    events = code(text)
    assert all(e.target is None and e.confidence < Settings().min_confidence for e in events)
    assert all(RULE in e.rules for e in events)


def test_two_subjects_of_a_stance_on_an_owned_thing_face_its_owner(code):
    assert type_and_countries(code("Latvia and Estonia welcomed Finland's offer of gas.")) == {
        ("SUPPORT", "LVA", "FIN"), ("SUPPORT", "EST", "FIN")}


def test_two_subjects_of_a_joint_act_face_each_other(code):
    assert type_and_countries(code("Latvia and Estonia signed a border treaty.")) == {
        ("SUPPORT", "LVA", "EST")}


@pytest.mark.parametrize("text", [
    "Latvia and Estonia praised by Sweden for their reforms",  # tagged as a past tense
    "Latvia and Estonia criticised by Russia over language laws",
    "Latvia and Estonia condemned by Russia over language laws",  # hung from the nouns
])
def test_a_headline_passive_acts_on_each_receiver(code, text):
    agent = "SWE" if "Sweden" in text else "RUS"
    assert {(source, target) for _, source, target in type_and_countries(code(text))} == {
        (agent, "LVA"), (agent, "EST")}


def test_two_subjects_acting_on_what_they_share_face_each_other(code):
    assert type_and_countries(code("Latvia and Estonia improved their relations.")) == {
        ("SUPPORT", "LVA", "EST")}
