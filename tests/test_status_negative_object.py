"""A verb whose object is "no" thing (SPEC §4 ``status``): "Russia reached NO agreement",
"the Kremlin gave NO details", "inspectors found NOTHING" say that the act did not happen,
as "did not reach an agreement" does: ``negated``. The same verb with a plain object, and a
"no" elsewhere in the sentence (a prepositional object, a relative clause) leave it
asserted. Sentences of our own (real states and leaders), labelled before the code ran; a
third of them (the sha256 of the text, modulo 3, is 0) is held out: no rule was chosen by
reading them."""

from __future__ import annotations

import hashlib

import pytest
import test_status

read = test_status.read  # a fixture: the reading of one word of a sentence

CASES = [
    # a "no" object: the act did not happen
    ("Russia reached no agreement with Ukraine on grain exports.", "reached", "negated"),
    ("The Kremlin gave no details of the talks in Riyadh.", "gave", "negated"),
    ("Iran made no concessions to the nuclear inspectors.", "made", "negated"),
    ("China has taken no action against the North Korean tankers.", "taken", "negated"),
    ("Turkey found no evidence of Swedish support for the militants.", "found", "negated"),
    ("The envoys held no meeting with the rebel commanders.", "held", "negated"),
    ("Hungary offered no support for the new sanctions on Moscow.", "offered", "negated"),
    ("France sent no troops to Niger after the coup.", "sent", "negated"),
    ("Israel launched no strikes on Lebanon overnight.", "launched", "negated"),
    ("The inspectors found nothing at the Iranian site.", "found", "negated"),
    # reported, future and modal: the negation is still the act's
    ("Lavrov said Moscow had received no request from Kyiv.", "received", "negated"),
    ("Germany will send no tanks to Ukraine this year.", "send", "negated"),
    ("The spokesman said Japan could find no trace of the missile.", "find", "negated"),
    # the same verbs with a plain object: asserted
    ("Russia reached an agreement with Ukraine on grain exports.", "reached", "asserted"),
    ("The Kremlin gave details of the talks in Riyadh.", "gave", "asserted"),
    ("Israel launched strikes on Lebanon overnight.", "launched", "asserted"),
    ("Turkey found evidence of Swedish support for the militants.", "found", "asserted"),
    # a "no" that is not the verb's object: the verb stays asserted
    ("France sent troops to Niger with no warning to the junta.", "sent", "asserted"),
    ("Iran made concessions to inspectors who had no access to the site.", "made", "asserted"),
    ("Hungary offered support to Ukraine at no cost to its budget.", "offered", "asserted"),
    # the object noun itself, and a "no" subject, as before: negated
    ("Russia reached no agreement with Ukraine on grain exports.", "agreement", "negated"),
    ("No country sent troops to Niger after the coup.", "sent", "negated"),
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
