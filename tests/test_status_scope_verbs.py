"""Which verbs pass their clause's cues to the event noun of a preposition (SPEC §4
``status``; ``factuality.yaml``'s ``prepositional_scope_verbs``): verbs of outcome and of
moving towards an act ("could RESULT IN violence", "may ESCALATE INTO a war") do; a verb
whose prepositional object is a given ("will continue PAST the DEADLINE", "will remain IN
EFFECT") does not. Sentences of our own, labelled before the code ran (fact11)."""

from __future__ import annotations

import pytest
import test_status

read = test_status.read  # a fixture: the reading of one word of a sentence
MODAL_KINDS = {"possible", "future", "would", "conditional", "obligation"}


def kinds(reading) -> set[str]:
    return {c.kind for c in reading.cues}


@pytest.mark.parametrize("text, word, kind, status", [
    ("The protests could result in violence against the police.", "violence", "possible",
     "hypothetical"),
    ("The standoff might escalate into a war between the neighbours.", "war", "possible",
     "hypothetical"),
    ("The rebels will push for elections in the spring.", "elections", "future", "planned"),
    ("The ministers would go to war over the islands.", "war", "would", "planned"),
])
def test_a_verb_of_outcome_passes_its_modal_to_the_event_noun(read, text, word, kind,
                                                               status):
    reading = read(text, word)
    assert kind in kinds(reading), reading
    assert reading.status == status, reading


@pytest.mark.parametrize("text, word", [
    ("The strike will continue past the deadline set by the court.", "deadline"),
    ("The government will remain in power after the vote.", "vote"),
    ("The general will be honoured for the rescue of the hostages.", "rescue"),
])
def test_another_verb_keeps_its_modal_from_the_event_noun(read, text, word):
    reading = read(text, word)
    assert not kinds(reading) & MODAL_KINDS, reading
