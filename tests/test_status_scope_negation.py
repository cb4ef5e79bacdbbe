"""Negation through a verb of outcome (candidate N+neg, fact11): "did NOT LEAD TO war" is a
war that did not happen, while a negation on any other verb stays with it ("did not
comment ON the TALKS": the talks happened). Sentences of our own, labelled before the code
ran."""

from __future__ import annotations

import pytest
import test_status

from diplograph.coding.factuality import BAND_OF_STATUS

read = test_status.read  # a fixture: the reading of one word of a sentence


@pytest.mark.parametrize("text, word", [
    ("The border dispute did not lead to war between the two states.", "war"),
    ("The long talks never resulted in an agreement on the border.", "agreement"),
])
def test_a_negated_verb_of_outcome_negates_its_event_noun(read, text, word):
    reading = read(text, word)
    assert "negation" in {c.kind for c in reading.cues}, reading
    assert BAND_OF_STATUS[reading.status] == "not", reading


@pytest.mark.parametrize("text, word", [
    ("The minister did not speak about the attack on the convoy.", "attack"),
    ("The troops did not return to base after the raid.", "raid"),
])
def test_a_negation_on_another_verb_or_preposition_stays(read, text, word):
    reading = read(text, word)
    assert BAND_OF_STATUS[reading.status] != "not", reading
