"""A person named with the side he speaks for is the source, not that side (issue #15, stop
23; coding/party_voice.py). Sentences of our own with invented names, not from any case file."""

from __future__ import annotations

import pytest

RULE = "argument/named-speaker-for-a-party"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


@pytest.mark.parametrize("text", [
    "Judith Farrow, for the Liberal Democrats, accused Turkey of jailing journalists.",
    "Speaking for the Conservatives, Judith Farrow accused Turkey of jailing journalists.",
])
def test_the_named_speaker_is_the_source(code, text):
    events = code(text)
    assert [(e.type, e.source.name, e.source.country, e.target.country) for e in events] == [
        ("ACCUSE", "Judith Farrow", "GBR", "TUR")]
    assert RULE in events[0].rules


def test_a_party_for_its_own_part_stays_the_source(code):
    events = code("The Liberal Democrats, for their part, accused Turkey of jailing journalists.")
    assert [(e.source.name, e.target.country) for e in events] == [("Liberal Democrats", "TUR")]
    assert RULE not in events[0].rules
