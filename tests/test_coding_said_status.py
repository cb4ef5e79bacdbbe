"""Issue 16, stop 27: the claim status of a speech act told as what was said.

A criticism, allegation or demand that exists only as the content of "X said (that) ..." is
``reported``, claimed by X (SPEC §4 ``status``; the convention of
tests/data/real/coding_cases_real.yaml); "X accused/criticised/condemned Y" is the act itself,
``asserted``; a saying inside another frame keeps that frame's status ("will say": planned).
The coder decides it in one place (``attribution.event_chain``): the trigger's own report
joins the chain of reports that carry the event. Sentences of our own."""

from __future__ import annotations

import pytest

from diplograph.coding.attribution import own_report
from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import find_attributions


def _accuse(events):
    return [e for e in events if e.type == "ACCUSE"]


@pytest.mark.parametrize("text, speaker", [
    ("The Dutch foreign minister said Hungary's new media law was a disgrace.", "NLD"),
    ("The Lithuanian government said Russia had rigged the referendum in Crimea.", "LTU"),
    ("The Kenyan opposition said Uganda had failed to protect the border.", "KEN"),
    ("Japan announced new fishing quotas, and South Korea said they were unfair.", "KOR"),
])
def test_criticism_told_as_what_was_said_is_reported_by_the_speaker(code_sentence, text,
                                                                    speaker):
    events = _accuse(code_sentence(text))
    assert events, text
    for event in events:
        assert event.status == "reported"
        assert event.claimed_by is not None and event.claimed_by.country == speaker
        assert [a.country for a in event.claim_chain] == [speaker]
        assert "status/attributed-report" in event.rules


@pytest.mark.parametrize("text", [
    "The Dutch foreign minister criticised Hungary's new media law.",
    "Lithuania accused Russia of rigging the referendum in Crimea.",
])
def test_the_speech_act_itself_stays_asserted(code_sentence, text):
    events = _accuse(code_sentence(text))
    assert events and all(e.status == "asserted" and e.claimed_by is None for e in events)


def test_a_planned_saying_keeps_its_frame(code_sentence):
    events = _accuse(code_sentence(
        "The Irish prime minister will say on Monday that Britain's border plan is a mistake."))
    assert events and all(e.status == "planned" for e in events)


def test_reported_criticism_keeps_a_factuality_of_what_happened(code_sentence):
    """The score stays in the band of the status: a reported act happened as told."""
    events = _accuse(code_sentence("Chile's foreign ministry said Argentina's claim to the "
                                   "islands was illegal."))
    assert events and all(e.status == "reported" and e.factuality >= 1.0 for e in events)


@pytest.mark.parametrize("text, cue, owned", [
    ("Chile said Peru's plan was a mistake.", "said", True),
    ("Chile asked Peru to withdraw its plan.", "asked", False),  # a directive: the act itself
    ("Chile warned that Peru's plan was a mistake.", "warned", False),  # a speech act
    ("Chile announced sanctions on Peru.", "announced", False),  # the object is no clause
])
def test_own_report_is_a_neutral_verb_passing_on_a_clause(text, cue, owned):
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == cue)
    assert (own_report(find_attributions(doc), token) is not None) is owned
