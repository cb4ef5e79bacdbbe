"""A purpose clause under a negated verb (SPEC §4 ``status``): "Lavrov did NOT travel to
Ankara TO MEET Fidan" says the meeting did not happen either (no journey, no act it was
made for): ``negated``. A negation that is not on the verb the purpose hangs from (a
relative clause's, a subject's own clause) does not reach it. Sentences of our own (real
states and leaders), labelled before the code ran; a third of them (the sha256 of the text,
modulo 3, is 0) is held out: no rule was chosen by reading them."""

from __future__ import annotations

import hashlib

import pytest
import test_status

read = test_status.read  # a fixture: the reading of one word of a sentence

NEGATED = [
    ("Lavrov did not travel to Ankara to meet Fidan.", "meet"),
    ("Macron never went to Algiers to apologise for the war.", "apologise"),
    ("Germany did not send ships to the Red Sea to escort tankers.", "escort"),
    ("China has not sent envoys to Kyiv to mediate between the two sides.", "mediate"),
    ("Biden will not fly to Riyadh to meet the crown prince.", "meet"),
    ("The minister did not come to Brussels to sign the accord.", "sign"),
    ("Erdogan did not call Putin to discuss the grain deal.", "discuss"),
    ("Japan has not deployed troops to the island to deter China.", "deter"),
    ("Officials said Blinken had not flown to Beijing to negotiate a truce.", "negotiate"),
]
NOT_NEGATED = [
    ("The envoy, who did not speak to reporters, came to Kyiv to mediate.", "mediate"),
    ("Lavrov travelled to Ankara to meet Fidan, though he did not stay long.", "meet"),
    ("Turkey, which has not joined the sanctions, sent a delegation to Moscow to negotiate.",
     "negotiate"),
]


def held_out(text: str) -> bool:
    """A third of the cases, kept apart from the choice of the rule."""
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 3 == 0


@pytest.mark.parametrize("text, word", [c for c in NEGATED if not held_out(c[0])])
def test_tune_negated(read, text, word):
    assert read(text, word).status == "negated"


@pytest.mark.parametrize("text, word", [c for c in NOT_NEGATED if not held_out(c[0])])
def test_tune_not_negated(read, text, word):
    assert read(text, word).status != "negated"


@pytest.mark.parametrize("text, word", [c for c in NEGATED if held_out(c[0])])
def test_held_out_negated(read, text, word):
    assert read(text, word).status == "negated"


@pytest.mark.parametrize("text, word", [c for c in NOT_NEGATED if held_out(c[0])])
def test_held_out_not_negated(read, text, word):
    assert read(text, word).status != "negated"
