"""Precision class of issue 16, stop 26 (noise18): act verbs in their opinion sense are no
event (argument/opinion-sense-is-no-event).

"Agree with" a person or a view with nothing agreed to do, "agree about" something,
"recognise" a fact and "dismiss" a worry state or answer an opinion. Agreements to act,
recognition of a state and refusals of a proposal or a demand stay events. Sentences of our
own (not those of coding_cases_noise18.yaml or the BBC noise sample); each sentence of the
no-event test gave an AGREE, SUPPORT or REJECT event on main 912fa1b."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.rules import all_rules
from diplograph.coding.verb_senses import opinion_words

OPINION = "argument/opinion-sense-is-no-event"


@pytest.mark.parametrize("text", [
    "Polish President Andrzej Duda said he did not agree with Czech officials who have "
    "criticised the treaty.",
    "Irish Prime Minister Leo Varadkar agreed with Belgian ministers about the causes of the "
    "energy crisis.",
    "Danish Prime Minister Mette Frederiksen said she agreed with Chancellor Scholz that the "
    "summit had been a failure.",
    "The Mexican government should recognise the weaknesses of its border policy.",
    "President Lula recognised that Argentina had made mistakes on trade.",
    "Egyptian President Sisi dismissed fears from Sudanese lawmakers that the dam would cut "
    "water supplies.",
])
def test_an_opinion_sense_is_no_event(code_sentence, text):
    # The officials' own criticism of the treaty is another event; the agreeing is none.
    assert not [e for e in code_sentence(text) if e.type in {"AGREE", "SUPPORT", "REJECT"}]


@pytest.mark.parametrize("text, expected", [
    ("Chile agreed with Peru to open a new border crossing.", ("AGREE", "CHL", "PER")),
    ("Vietnam agreed with Cambodia on a new river treaty.", ("AGREE", "VNM", "KHM")),
    ("Mexico recognised Kosovo as an independent state.", ("SUPPORT", "MEX", "XKX")),
    ("President Lula dismissed the Argentine proposal for a single currency.",
     ("REJECT", "BRA", "ARG")),
    ("Egypt rejected Ethiopia's demand to fill the dam this summer.", ("REJECT", "EGY", "ETH")),
])
def test_agreements_recognitions_and_refusals_stay(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not any(OPINION in e.rules for e in events)


def test_the_rule_is_registered_for_the_types_its_words_name():
    rules = {r.name: r for r in all_rules()}
    assert rules[OPINION].types == opinion_words().types == frozenset(
        {"AGREE", "SUPPORT", "REJECT"})
