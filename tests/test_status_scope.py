"""The scope of a clause's cues over an event noun it governs through a preposition
(SPEC §4 ``status``; ``factuality.yaml``'s ``prepositional_scope``): "could lead TO WAR" is
a possible war, "will travel FOR TALKS" planned talks, "if it resorts TO FORCE" a
conditional force; a negation or an intent on the verb stays with the verb ("did not
comment ON the TALKS": the talks happened). Sentences of our own, labelled before the code
ran."""

from __future__ import annotations

import pytest
import test_status

from diplograph.coding.factuality import BAND_OF_STATUS

read = test_status.read  # a fixture: the reading of one word of a sentence


def kinds(reading) -> set[str]:
    return {c.kind for c in reading.cues}


@pytest.mark.parametrize("text, word, kind, status", [
    ("The border dispute could lead to war between the two states.", "war", "possible",
     "hypothetical"),
    ("The envoys will travel to Geneva for talks with the rebels.", "talks", "future",
     "planned"),
    # a "would" in the article's own voice, under no report, is hypothetical (status15:
    # status rule conditional-would; it was planned before)
    ("The rebels would agree to a ceasefire in the north.", "ceasefire", "would",
     "hypothetical"),
    ("If the army resorts to force, the opposition will leave the talks.", "force",
     "conditional", "hypothetical"),
    ("The government should return to negotiations with the unions.", "negotiations",
     "obligation", "hypothetical"),
])
def test_a_modal_verb_reaches_the_event_noun_of_its_preposition(read, text, word, kind,
                                                                 status):
    reading = read(text, word)
    assert kind in kinds(reading), reading
    assert reading.status == status, reading


@pytest.mark.parametrize("text, word, kind", [
    ("The minister did not comment on the talks with the rebels.", "talks", "negation"),
    ("The army never returned to the border after the attack.", "attack", "negation"),
    ("The rebels want to withdraw from the talks in Geneva.", "talks", "intent"),
])
def test_a_negation_or_intent_on_the_verb_stays_with_the_verb(read, text, word, kind):
    reading = read(text, word)
    assert kind not in kinds(reading), reading
    assert BAND_OF_STATUS[reading.status] != "not", reading


def test_a_verb_with_no_cue_leaves_its_event_noun_as_it_was(read):
    reading = read("The border dispute led to war between the two states.", "war")
    assert not kinds(reading) & {"possible", "future", "would", "conditional", "obligation"}
