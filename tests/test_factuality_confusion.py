"""The miss classes of benchmarks/factuality_confusion.py: which cue in a sentence could say
that a predicate the status calls happened is not sure, on sentences of our own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from factuality_confusion import miss_class  # noqa: E402

from diplograph.coding.parse import load_nlp  # noqa: E402


@pytest.mark.parametrize("sentence, word, expected", [
    ("The border clashes could lead to a war in the region.", "war",
     "modal (could, may, might, can)"),
    ("Officials did not expect any changes in the policy.", "changes",
     "negation above, out of the path's scope"),
    ("Reporters asked whether the army had withdrawn from the town.", "withdrawn",
     "question / whether"),
    ("If the rebels attack the town, the army will respond.", "attack",
     "conditional (if / unless above)"),
    ("The envoy met the foreign minister in Geneva.", "met", "a verb, no cue word"),
    ("The ministers reached an agreement on trade.", "agreement",
     "an event noun, no cue word"),
])
def test_the_first_cue_class_that_fits(sentence, word, expected):
    assert miss_class(sentence, word, load_nlp()) == expected


def test_a_word_not_in_the_sentence_is_said_so():
    assert miss_class("The envoy met the minister.", "signed", load_nlp()) == \
        "predicate not found"
