""""Call X Y" names X (an insult, a label); it is no phone call (issue #16, stop 22). A
hand-check of BBC politics events found "calling Mr Brown reckless" coded CONSULT/phone; the
phone trigger read any "call" with an actor object. Sentences of our own, labelled before the
rule was written; the phone calls below must stay phone calls."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


@pytest.mark.parametrize("text", [
    "Keir Starmer attacked the budget, calling Rishi Sunak reckless.",
    "Vladimir Putin called Volodymyr Zelensky a puppet of the West.",
    "Donald Trump called Justin Trudeau weak and dishonest.",
    "The Iranian foreign minister called Benjamin Netanyahu a war criminal.",
    "Emmanuel Macron called the Russian president unpredictable.",
    "Recep Tayyip Erdogan has called Israel a terror state.",
    "Kim Jong Un called South Korea the principal enemy.",
    "The Chinese ambassador called Taiwan's president a separatist.",
])
def test_calling_someone_something_is_no_phone_call(code, text):
    assert not [e for e in code(text) if e.type == "CONSULT"]


@pytest.mark.parametrize("text", [
    "Joe Biden called Benjamin Netanyahu on Sunday.",
    # the purpose infinitive, parsed as an xcomp, is no name (stop 23)
    "Emmanuel Macron called Vladimir Putin to discuss the war in Ukraine.",
    "The Turkish president called the Greek prime minister to offer condolences.",
    "The German chancellor called the Polish prime minister after the attack.",
    "Narendra Modi called Donald Trump to congratulate him on his victory.",
    "Olaf Scholz called Xi Jinping.",
    "The Japanese prime minister called his South Korean counterpart late on Tuesday.",
])
def test_a_call_to_a_leader_stays_a_phone_call(code, text):
    assert ("CONSULT", "phone") in {(e.type, e.mode) for e in code(text)}
