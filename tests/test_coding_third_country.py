"""Recall class of issue 16, stop 21: the place of a meeting between two states sets its mode,
third-party in neither side's country (coding/third_country.py). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

THIRD = "recode/meeting-in-a-third-country-is-third-party"


@pytest.mark.parametrize("text, expected", [
    ("The Chinese foreign minister met the Indian foreign minister in Geneva on Monday.",
     ("CONSULT", "third-party", "CHN", "IND")),
    # joint subjects, paired first, then placed
    ("The Peruvian and Chilean presidents met in Madrid.",
     ("CONSULT", "third-party", "PER", "CHL")),
    # the target's country alone: the source travelled there
    ("The Chinese foreign minister met the Indian foreign minister in New Delhi on Monday.",
     ("CONSULT", "visit", "CHN", "IND")),
])
def test_the_place_of_a_meeting_sets_its_mode(code_sentence, text, expected):
    assert by_rule(code_sentence(text), THIRD) == {expected}


@pytest.mark.parametrize("text", [
    "The Chinese foreign minister met the Indian foreign minister in Beijing on Monday.",
    "The Chinese foreign minister met the Indian foreign minister on Monday.",
])
def test_a_meeting_at_home_or_with_no_place_keeps_no_mode(code_sentence, text):
    events = code_sentence(text)
    assert {(e.type, e.mode) for e in events} == {("CONSULT", None)}
    assert not by_rule(events, THIRD)


def test_a_phone_call_keeps_its_mode(code_sentence):
    events = code_sentence("The Chinese premier spoke by phone with the Indian prime minister "
                           "from Geneva.")
    assert {(e.type, e.mode) for e in events} == {("CONSULT", "phone")}
