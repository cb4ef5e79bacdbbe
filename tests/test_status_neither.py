"""Negation carried by "neither ... nor" outside the verb (SPEC §4 ``status``): a subject
coordinated by it ("NEITHER Paris NOR Berlin sent troops") and a clause opened by a fronted
"Nor" or "Neither" ("NOR did Moscow sign the accord") say that the act did not happen:
``negated``. Without them the same sentences are asserted (or reported), and a "neither"
that negates another clause, or an object's "neither", leaves the verb as it was. Sentences
of our own (real states and leaders), labelled before the code ran; a third of them (the
sha256 of the text, modulo 3, is 0) is held out: no rule was chosen by reading them."""

from __future__ import annotations

import hashlib

import pytest
import test_status

read = test_status.read  # a fixture: the reading of one word of a sentence

CASES = [
    # a subject coordinated by "neither ... nor": negated
    ("Neither Paris nor Berlin sent troops to Mali.", "sent", "negated"),
    ("Neither Putin nor Lavrov attended the summit in Johannesburg.", "attended", "negated"),
    ("Neither the Kremlin nor the foreign ministry could be reached for comment.", "reached",
     "negated"),
    ("Neither Erdogan nor his ministers met the Swedish delegation.", "met", "negated"),
    ("Neither China nor India signed the declaration on Ukraine.", "signed", "negated"),
    ("Neither Tehran nor Riyadh has recalled its ambassador.", "recalled", "negated"),
    ("Officials said neither Hamas nor Israel had accepted the proposal.", "accepted",
     "negated"),
    ("Neither Seoul nor Tokyo will attend the talks in Beijing.", "attend", "negated"),
    # a clause opened by a fronted "Nor" or "Neither": negated
    ("Nor did Moscow sign the accord with Kyiv.", "sign", "negated"),
    ("Nor has Washington imposed sanctions on the generals.", "imposed", "negated"),
    ("Neither did Beijing condemn the missile test.", "condemn", "negated"),
    ("Nor did the European Union recognise the election in Belarus.", "recognise", "negated"),
    # the same acts without them: asserted or reported
    ("Paris and Berlin sent troops to Mali.", "sent", "asserted"),
    ("Both China and India signed the declaration on Ukraine.", "signed", "asserted"),
    ("Officials said Hamas and Israel had accepted the proposal.", "accepted", "reported"),
    ("Moscow signed the accord with Kyiv.", "signed", "asserted"),
    # "neither ... nor" on the object, or the verbs: not the subject's, so as before
    ("France sent neither troops nor money to Niger.", "sent", "asserted"),
    ("The Kremlin neither confirmed nor denied that Putin met Trump.", "met", "unconfirmed"),
]


def held_out(text: str) -> bool:
    """A third of the cases, kept apart from the choice of the rule."""
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 3 == 0


TUNE = [c for c in CASES if not held_out(c[0])]
HELD_OUT = [c for c in CASES if held_out(c[0])]


def _check(read, text: str, word: str, status: str) -> None:
    reading = read(text, word)
    assert reading.status == status, reading


@pytest.mark.parametrize("text, word, status", TUNE)
def test_tune(read, text, word, status):
    _check(read, text, word, status)


@pytest.mark.parametrize("text, word, status", HELD_OUT)
def test_held_out(read, text, word, status):
    _check(read, text, word, status)
