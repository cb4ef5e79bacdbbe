"""Denials told with a pronoun, and a party's own "did not" (issue #16, stop 29, insist29).

SPEC §4: ``denied`` is a party saying the act did not happen, ``negated`` the article (or a
non-party) saying so. Two gaps closed: a pronoun subject under "denied / admitted /
acknowledged that" now stands for the reporter, as under "said" (``speech_lemmas``), so the
act keeps its doer; and a negated act reported by its own doer is denied
(status/negation-told-by-its-doer-is-a-denial). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import only_event, type_and_countries

DOER_DENIAL = "status/negation-told-by-its-doer-is-a-denial"


@pytest.mark.parametrize("text, expected, status", [
    ("Niger denied that it had detained the Beninese customs officers.",
     ("COERCE", "NER", "BEN"), "denied"),
    ("Chad admitted that it had expelled the Sudanese diplomats.",
     ("SANCTION", "TCD", "SDN"), "reported"),
])
def test_a_pronoun_under_deny_or_admit_stands_for_the_reporter(code_sentence, text, expected,
                                                               status):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert only_event(events, expected[0]).status == status


def test_a_party_saying_its_act_did_not_happen_is_a_denial(code_sentence):
    event = only_event(code_sentence("Algeria said it had not deported the Malian migrants."),
                  "COERCE")
    assert event.status == "denied"
    assert DOER_DENIAL in event.rules


@pytest.mark.parametrize("text", [
    "An opposition newspaper said Algeria had not deported the Malian migrants.",
    "Algeria has not deported the Malian migrants, a lawyer for the families said.",
])
def test_a_non_party_saying_it_did_not_happen_is_a_negation(code_sentence, text):
    event = only_event(code_sentence(text), "COERCE")
    assert event.status == "negated"
    assert DOER_DENIAL not in event.rules


def test_a_party_saying_its_act_happened_is_reported(code_sentence):
    event = only_event(code_sentence("Algeria said it had deported the Malian migrants."), "COERCE")
    assert event.status == "reported"


@pytest.mark.parametrize("text", [
    "Algeria said it will not deport the Malian migrants.",
    "Algeria said it would not deport the Malian migrants.",
])
def test_a_partys_will_not_is_a_refusal_not_a_denial(code_sentence, text):
    event = only_event(code_sentence(text), "COERCE")
    assert event.status == "negated"
    assert DOER_DENIAL not in event.rules
