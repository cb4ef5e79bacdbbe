"""An attack by a politician, party or campaign on a person or party is criticism, ACCUSE
disapprove; gunmen, troops and states keep ASSAULT (issue #16, stop 28, verbal28;
coding/criticism.py, argument/attack-by-a-politician-on-a-person-is-criticism). Sentences of
our own, not from any case file."""

from __future__ import annotations

import pytest

from diplograph.records import Event

RULE = "recode/attack-by-a-politician-on-a-person-is-criticism"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def coded(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.type, e.mode) for e in events}


@pytest.mark.parametrize("text", [
    "Bernie Sanders attacked Hillary Clinton on Wednesday.",
    "Donald Trump's attacks on Marco Rubio grew more personal.",
    "Marco Rubio targeted Ted Cruz over immigration.",
    # a receiver outside politics: a judge
    "Donald Trump's attacks on Judge Sonia Sotomayor drew rebukes.",
])
def test_an_attack_by_a_politician_on_a_politician_is_criticism(code, text):
    events = code(text)
    assert coded(events) == {("ACCUSE", "disapprove")}
    assert RULE in events[0].rules


@pytest.mark.parametrize("text", [
    "Russia attacked Georgia in August 2008.",
    "Russian troops attacked Ukrainian soldiers near Avdiivka.",
    "A man attacked Hillary Clinton with a knife in Ohio.",
])
def test_force_keeps_its_type(code, text):
    events = code(text)
    assert all(RULE not in e.rules for e in events)
    assert all(e.type != "ACCUSE" for e in events)
