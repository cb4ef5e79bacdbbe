"""Recall class of issue 16, stop 28 (callfor28): a request told as "X called for Y to <act>".

The parser hangs "for" from the requested act as its ``mark`` ("called | for Y to free"), not
as a preposition of "called", so the lexicon's `call` + for rule never fired, and a request
noun ("its call(s) for Y to <act>") lost Y as the topic of the requested act. The clause now
counts as the rule's "for" phrase (``triggers.marked_clauses``) and its subject is the target
(the ``for_clause_subj`` slot); request_addressee leaves such a clause's subject alone.
Sentences of our own; the contrasts are a "for Y to" clause under a subject that is no actor,
and under a verb that asks nothing."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries


@pytest.mark.parametrize("text, expected", [
    ("Norway has called for Eritrea to free the detained journalists.", ("REQUEST", "NOR", "ERI")),
    ("The Thai government called for Cambodia to withdraw its troops from the temple.",
     ("REQUEST", "THA", "KHM")),
    ("Uruguay pleaded for Argentina to reopen the bridge.", ("REQUEST", "URY", "ARG")),
    ("Portugal renewed its call for Angola to release the activists.", ("REQUEST", "PRT", "AGO")),
    ("Austria repeated its calls for Serbia to recognise the court's ruling.",
     ("REQUEST", "AUT", "SRB")),
])
def test_a_call_for_an_actor_to_act_asks_that_actor(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


@pytest.mark.parametrize("text", [
    "The ceasefire deal calls for Ethiopian troops to leave the border town.",
    "Reporters waited for Japan to announce the new prime minister.",
])
def test_a_for_clause_under_no_request_is_no_request(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "REQUEST"]


def test_renewed_call_for_an_actor_to_act_is_no_phone_call(code_sentence):
    events = code_sentence("Poland renewed its call for Belarus to free the jailed reporter.")
    assert not [e for e in events if e.type == "CONSULT"]
