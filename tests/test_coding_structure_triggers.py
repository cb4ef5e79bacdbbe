"""Recall classes of issue 16, stop 17, each rule with sentences of our own: event nouns
whose own phrase names both sides, the agent of a passive light verb, and criticism told
as the content of "said" (coding/structure_triggers.py, arguments.py)."""

from __future__ import annotations

import pytest

from diplograph.records import Event

OWN_ACTORS = "trigger/event-noun-with-its-own-actors"
SAID_CRITICISM = "trigger/criticism-told-as-what-was-said"
PASSIVE_AGENT = "argument/agent-of-a-passive-light-verb"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def by_rule(events: list[Event], rule: str) -> set[tuple]:
    return {(e.type, e.mode, e.source and e.source.country, e.target and e.target.country)
            for e in events if rule in e.rules}


# ------------------------------------------------------------------ event nouns
@pytest.mark.parametrize("text, expected", [
    ("Vietnam's ban on Chinese fishing boats took effect in May.",
     ("SANCTION", None, "VNM", "CHN")),
    ("China's attack on Indian border posts killed three soldiers.",
     ("ASSAULT", None, "CHN", "IND")),
    ("The British condemnation of Russia for the poisoning was swift.",
     ("ACCUSE", "disapprove", "GBR", "RUS")),
])
def test_an_event_noun_naming_both_sides_is_an_event(code, text, expected):
    assert by_rule(code(text), OWN_ACTORS) == {expected}


@pytest.mark.parametrize("text", [
    "The government's ban on smoking in bars took effect in May.",  # no counterpart
    "The attack on Indian border posts killed three soldiers.",  # no owner
    "Peru's debate over Chilean fishing rights lasted a week.",  # a topic, not an act on
])
def test_an_event_noun_without_both_sides_is_no_event_of_its_own(code, text):
    assert by_rule(code(text), OWN_ACTORS) == set()


# ------------------------------------------------------------------ passive agents
def test_the_agent_of_a_passive_light_verb_is_the_source(code):
    events = code("A proposal for talks was made to Athens by Ankara in March.")
    assert by_rule(events, PASSIVE_AGENT) == {("AGREE", None, "TUR", "GRC")}


def test_a_passive_light_verb_without_an_agent_gets_no_source_from_it(code):
    events = code("A proposal for talks was made to Athens in March.")
    assert by_rule(events, PASSIVE_AGENT) == set()


# ------------------------------------------------------------------ criticism in "said"
@pytest.mark.parametrize("text, target", [
    ("The Italian prime minister said Austria's border controls were a serious mistake.", "AUT"),
    ("The Danish minister said the Swedish decision was unfair and hasty.", "SWE"),
])
def test_a_verdict_on_an_actors_act_told_in_said_is_disapproval(code, text, target):
    assert {t for _, _, _, t in by_rule(code(text), SAID_CRITICISM)} == {target}


@pytest.mark.parametrize("text", [
    "The minister said the new law was unfair.",  # no actor's act
    "The Italian prime minister said Austria's border controls were not a mistake.",
    "The Italian prime minister said Austria's border controls were a success.",
])
def test_no_verdict_on_an_actor_is_no_criticism(code, text):
    assert by_rule(code(text), SAID_CRITICISM) == set()


# ------------------------------------------------------------------ verdict by naming
NAMING = "trigger/verdict-given-by-naming"


@pytest.mark.parametrize("text, expected", [
    ("Spain's foreign minister has called Morocco's decision a grave mistake.",
     ("ACCUSE", "disapprove", "ESP", "MAR")),
    ("The Dutch minister described the Belgian plan as unfair.",
     ("ACCUSE", "disapprove", "NLD", "BEL")),
])
def test_a_verdict_given_by_naming_an_actors_act_is_disapproval(code, text, expected):
    assert by_rule(code(text), NAMING) == {expected}


@pytest.mark.parametrize("text", [
    "The Dutch minister described the Belgian plan as generous.",  # no verdict
    "The Dutch minister did not call Belgium's decision a mistake.",  # negated
    "Critics called the film a disgrace.",  # no actor's act
])
def test_naming_without_a_verdict_on_an_actor_is_no_criticism(code, text):
    assert by_rule(code(text), NAMING) == set()


def test_an_event_noun_another_trigger_acts_on_is_not_an_act_of_its_own(code):
    events = code("Washington could lift its sanctions on Turkey in the coming weeks.")
    assert by_rule(events, OWN_ACTORS) == set()


def test_a_hyphenated_verdict_split_by_the_tokenizer_is_a_verdict(code):
    events = code("The Irish minister said Britain's new visa rules were ill-advised.")
    assert by_rule(events, SAID_CRITICISM) == {("ACCUSE", "disapprove", "IRL", "GBR")}


# ------------------------------------------------------------------ a pronoun for the act
PRONOUN_VERDICT = "trigger/verdict-on-an-act-named-by-a-pronoun"


def test_a_verdict_on_an_act_a_pronoun_names_is_disapproval(code):
    events = code("Russia unveiled its plan on Monday, but Ukraine said it was absurd.")
    assert {t for _, _, _, t in by_rule(events, PRONOUN_VERDICT)} == {"RUS"}


@pytest.mark.parametrize("text", [
    # the empty "it" of a clause put after the verdict (partyadj27: a party's plan named
    # before made the party the target of "it was a scandal that the system ...")
    "Russia unveiled its plan on Monday, but Ukraine said it was a disgrace that the talks "
    "had failed.",
    "Russia unveiled its plan on Monday, but Ukraine said it was wrong that the talks had "
    "failed.",
])
def test_the_empty_it_of_a_clause_after_the_verdict_names_no_act(code, text):
    assert by_rule(code(text), PRONOUN_VERDICT) == set()
