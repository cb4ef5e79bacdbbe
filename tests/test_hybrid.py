"""Hybrid coding (coding/hybrid.py): the learned detector proposes a type the rules did not
code, the parse finds its actors, and the event names the detector in its ``rules``."""

from __future__ import annotations

import pytest
from conftest import sentence_coder

from diplograph.coding import hybrid
from diplograph.coding.coder import EventCoder
from diplograph.coding.confidence import DETECTOR_FEATURES
from diplograph.coding.parse import load_nlp

# The rules code no event here (burning flags is no trigger of ours); the detector reads the
# sentence as a protest, and the parse gives it its source (the place is no target).
PELTED = "Greek protesters burned flags outside the Turkish embassy."
# A protest the rules code themselves.
STONES = "Greek protesters threw stones at the Turkish embassy."
# A protest the detector is sure of, with no state, organisation or person of a state in it.
NO_ACTOR = "Protesters pelted the police with stones outside the stadium."


@pytest.fixture(scope="module")
def coders():
    nlp = load_nlp()
    return (sentence_coder(EventCoder(detector=True), nlp),
            sentence_coder(EventCoder(detector=False), nlp))


def proposed(events):
    return [e for e in events if hybrid.is_proposed(e.rules)]


def test_the_detector_adds_the_type_the_rules_missed_with_its_actors(coders):
    with_detector, rules_only = coders
    assert "PROTEST" not in {e.type for e in rules_only(PELTED)}
    found = proposed(with_detector(PELTED))
    assert [(e.type, e.source.country) for e in found] == [("PROTEST", "GRC")]
    event = found[0]
    assert event.target is None or event.target.country != "TUR"  # "outside the embassy"
    # the main-line word that adds most to PROTEST's logit (here the flags, not the verb)
    assert event.rules[0] == "detector:PROTEST" and event.trigger in {"burned", "flags"}
    assert event.status == "asserted" and event.date.value == "2025-03-14"


def test_a_proposal_without_an_identified_actor_is_no_event(coders):
    with_detector, _ = coders
    sent = load_nlp()(NO_ACTOR)
    assert "PROTEST" in hybrid.Hybrid().proposed(
        hybrid.Hybrid().probabilities(list(sent.sents))[0], covered=set())
    assert with_detector(NO_ACTOR) == []


def test_rule_events_keep_their_rules_and_gain_the_detector_features():
    coder = EventCoder(detector=True)
    coder.feature_log = {}
    events = sentence_coder(coder, load_nlp())(STONES)
    by_rules = [e for e in events if not hybrid.is_proposed(e.rules)]
    assert by_rules and all(e.rules[0].startswith("trigger/") for e in by_rules)
    for event in events:
        values = coder.feature_log[event.id]
        assert set(DETECTOR_FEATURES) <= set(values)
        assert values["detector_proposed"] == float(hybrid.is_proposed(event.rules))


def test_the_setting_turns_the_detector_on_and_off(monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_EVENT_DETECTOR", "true")
    assert EventCoder().hybrid is not None
    monkeypatch.setenv("DIPLOGRAPH_EVENT_DETECTOR", "0")
    assert EventCoder().hybrid is None


def test_the_detector_is_loaded_once_per_process():
    assert EventCoder(detector=True).hybrid.detector is EventCoder(detector=True).hybrid.detector
