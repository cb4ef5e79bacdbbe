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


def test_a_person_in_a_passive_relative_clause_is_what_the_act_was_done_to(code):
    events = code("The Dutch reporter who was arrested by Turkish police on Friday "
                  "flew home on Monday.")
    assert by_rule(events, "clause/passive-relative-clause-is-its-own-event") == {
        ("COERCE", "TUR", "NLD")}


def test_a_thing_in_a_passive_relative_clause_stays_background(code):
    events = code("The treaty, which was signed by Chile and Peru, covers fishing rights.")
    assert by_rule(events, "clause/passive-relative-clause-is-its-own-event") == set()
