"""Recall classes of issue 16, stop 16, each rule with a sentence of our own: acts told
in participle and passive relative clauses, and light verbs carrying an event noun."""

from __future__ import annotations

import pytest

from diplograph.records import Event


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def by_rule(events: list[Event], rule: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source and e.source.country, e.target and e.target.country)
            for e in events if rule in e.rules}


def test_a_participle_beside_the_subject_is_its_own_event(code):
    events = code("The Italian foreign minister, visiting Tunis, said the border would reopen.")
    assert by_rule(events, "clause/participle-beside-its-subject-is-its-own-event") == {
        ("CONSULT", "ITA", "TUN")}


def test_a_participle_that_restricts_its_noun_stays_background(code):
    assert code("Students visiting Tunis said the museums were crowded.") == []


def test_a_participle_with_its_agent_is_an_act_of_the_agent(code):
    events = code("The sanctions imposed by Canada on Iran were lifted after a year.")
    assert ("SANCTION", "CAN", "IRN") in by_rule(
        events, "clause/participle-with-its-agent-is-its-own-event")


def test_a_participle_deep_in_a_phrase_stays_background(code):
    events = code("Farmers demanded the return of land seized by Zimbabwean police.")
    assert by_rule(events, "clause/participle-with-its-agent-is-its-own-event") == set()


def test_a_person_in_a_passive_relative_clause_is_what_the_act_was_done_to(code):
    events = code("The Dutch reporter who was arrested by Turkish police on Friday "
                  "flew home on Monday.")
    assert by_rule(events, "clause/passive-relative-clause-is-its-own-event") == {
        ("COERCE", "TUR", "NLD")}


def test_a_thing_in_a_passive_relative_clause_stays_background(code):
    events = code("The treaty, which was signed by Chile and Peru, covers fishing rights.")
    assert by_rule(events, "clause/passive-relative-clause-is-its-own-event") == set()


def test_a_meal_with_a_counterpart_is_a_meeting(code):
    events = code("The Greek prime minister had lunch with the Turkish president in Ankara.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("CONSULT", "GRC", "TUR")]


def test_a_meal_with_no_counterpart_is_no_meeting(code):
    assert code("The Greek prime minister had lunch with his family on Sunday.") == []


def test_concern_voiced_over_an_actor_is_disapproval(code):
    events = code("Japan expressed concern over North Korean missile tests.")
    assert [(e.type, e.mode, e.source.country, e.target.country) for e in events] == [
        ("ACCUSE", "disapprove", "JPN", "PRK")]


def test_concern_that_is_the_subject_of_the_light_verb_is_no_disapproval(code):
    assert code("The senator predicted that concerns over Cuba would express themselves "
                "in the vote.") == []


def test_an_event_noun_subject_of_an_intransitive_light_verb_stays_an_event(code):
    events = code("Kurdish protests against Turkish policies are continuing.")
    assert {(e.type, e.target and e.target.country) for e in events} == {("PROTEST", "TUR")}


def test_arrests_made_among_a_group_are_arrests(code):
    events = code("Malaysian police made arrests among Indonesian fishermen on Friday.")
    assert [(e.type, e.mode, e.source.country, e.target.country) for e in events] == [
        ("COERCE", "arrest", "MYS", "IDN")]


def test_an_extended_deal_is_cooperation(code):
    events = code("Chile renewed its fishing agreement with Peru for five years.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("COOPERATE", "CHL", "PER")]


def test_an_offer_made_to_a_state_is_a_promise(code):
    events = code("Sweden made an offer of fighter jets to Colombia.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("AGREE", "SWE", "COL")]
