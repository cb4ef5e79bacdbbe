"""The claim a denial or a withheld confirmation is about (SPEC §4 ``status``): in "the
Kremlin denied REPORTS that Putin met Trump" what is denied is the meeting, not the reports,
which were made; so the claim noun that is the object of the denial ("reports",
"allegations", "claims", "rumours") is told in the article's own voice (``asserted``), while
the act in its that-clause stays ``denied`` (or ``unconfirmed`` under a withheld
confirmation). An act that is itself the object ("denied the ATTACK") is still denied.
Sentences of our own (real states and leaders), labelled before the code ran; a third of
them (the sha256 of the text, modulo 3, is 0) is held out: no rule was chosen by reading
them."""

from __future__ import annotations

import hashlib

import pytest
import test_status

read = test_status.read  # a fixture: the reading of one word of a sentence

CASES = [
    # the claim noun, object of a denial: the claim was made
    ("The Kremlin denied reports that Putin had met Trump in Alaska.", "reports", "asserted"),
    ("Beijing rejected allegations that it had supplied drones to Russia.", "allegations",
     "asserted"),
    ("The ministry dismissed claims that Iranian troops had entered Syria.", "claims",
     "asserted"),
    # fact17's refit called the bare noun "rumours" uncertain (hypothetical, an xfail);
    # after fact18's refit (the frame:bare / frame:by features) it is asserted, as labelled
    ("Ankara denied rumours that Erdogan would visit Damascus.", "rumours", "asserted"),
    ("Kyiv rejected accusations that its army had shelled the power plant.", "accusations",
     "asserted"),
    ("Pyongyang denied the reports of a missile launch over Japan.", "reports", "asserted"),
    # the claim noun, object of a withheld confirmation: the claim was made
    ("The Pentagon declined to confirm reports that troops had landed in Taiwan.", "reports",
     "asserted"),
    ("Tehran refused to comment on claims that its envoy had met Saudi officials.", "claims",
     "asserted"),
    # the act in the claim's clause: denied, unconfirmed, as before
    ("The Kremlin denied reports that Putin had met Trump in Alaska.", "met", "denied"),
    ("Beijing rejected allegations that it had supplied drones to Russia.", "supplied",
     "denied"),
    ("The Pentagon declined to confirm reports that troops had landed in Taiwan.", "landed",
     "unconfirmed"),
    # an act that is itself the object of the denial: denied
    ("Russia denied the attack on the convoy near Kharkiv.", "attack", "denied"),
    ("Israel denied the strike on the hospital in Gaza.", "strike", "denied"),
    ("Damascus denied the use of chemical weapons in Douma.", "use", "denied"),
]


def held_out(text: str, word: str) -> bool:
    """A third of the cases, kept apart from the choice of the rule (a sentence asked of
    twice is held out or not by its text and word)."""
    return int(hashlib.sha256(f"{text}|{word}".encode()).hexdigest(), 16) % 3 == 0


def _values(case) -> tuple:  # a plain tuple, or a pytest.param's values
    return tuple(getattr(case, "values", case))


TUNE = [c for c in CASES if not held_out(*_values(c)[:2])]
HELD_OUT = [c for c in CASES if held_out(*_values(c)[:2])]


@pytest.mark.parametrize("text, word, status", TUNE)
def test_tune(read, text, word, status):
    test_status.assert_status(read, text, word, status)


@pytest.mark.parametrize("text, word, status", HELD_OUT)
def test_held_out(read, text, word, status):
    test_status.assert_status(read, text, word, status)
