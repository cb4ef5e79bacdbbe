"""Factive evaluative adjectives (SPEC §4 ``status``; ``factuality.yaml``'s ``factive``
governors): "Labour was RIGHT to reject the plan" judges a rejection that happened, so the
act keeps the band its cues give (happened, told in the article's voice or a source's),
whatever the band classifier says; an extraposed "it is WRONG to" judges an act in general
and is not factive. Sentences of our own, labelled before the code ran."""

from __future__ import annotations

import pytest
import test_status_band

from diplograph.coding.rules import BAND_CLASSIFIER_RULE

# a band classifier of our own that calls every predicate uncertain (a fixture), and the
# reading of one word of a sentence
classifier_says_uncertain = test_status_band.classifier_says_uncertain
_reading = test_status_band._reading


@pytest.mark.parametrize("text, word, status", [
    ("A Liberal spokesman said Labour was right to reject the plan.", "reject", "reported"),
    ("Critics said the government was wrong to expel the journalists.", "expel", "reported"),
    ("The president was wise to accept the ceasefire.", "accept", "asserted"),
])
def test_the_act_a_factive_adjective_judges_happened(classifier_says_uncertain, text, word,
                                                     status):
    reading = _reading(text, word)
    assert "factive" in {c.kind for c in reading.cues}, reading
    assert reading.status == status, reading
    assert BAND_CLASSIFIER_RULE not in reading.rules


def test_an_extraposed_evaluation_is_not_factive(classifier_says_uncertain):
    reading = _reading("It is wrong to expel journalists for their reporting.", "expel")
    assert "factive" not in {c.kind for c in reading.cues}, reading


def test_a_modal_above_the_adjective_still_counts(classifier_says_uncertain):
    reading = _reading("The government might be wrong to expel the journalists.", "expel")
    assert reading.status == "hypothetical", reading
