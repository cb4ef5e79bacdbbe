"""The band classifier as boosted classification trees (SPEC §4 ``status``; stop 25,
band17): a tree ensemble per band, the sums a softmax, read back from its file."""

from __future__ import annotations

import numpy as np
import pytest

from diplograph.coding.cues import Cue
from diplograph.coding.factuality_band import TreeBand, band_of, load_band, save_band
from diplograph.coding.factuality_trees import Trees
from diplograph.coding.parse import load_nlp

COLUMNS = ("score:cue", "pos:NOUN")
NO_TABLE = np.zeros((0, 0), np.float32)


def _stump(column: int, threshold: float, low: float, high: float) -> Trees:
    """One tree of one split: ``low`` where the column is <= threshold, else ``high``."""
    nodes = {"feature": np.array([column, 0, 0], np.int32),
             "threshold": np.array([threshold, 0.0, 0.0]),
             "left": np.array([1, 0, 0], np.int32), "right": np.array([2, 0, 0], np.int32),
             "value": np.array([0.0, low, high]), "leaf": np.array([False, True, True])}
    return Trees(columns=(), roots=np.array([0], np.int32), nodes=nodes, baseline=0.0,
                 embeddings=NO_TABLE)


def _nouns_are_uncertain(weight: float = 1.0) -> TreeBand:
    """Trees of our own: an event noun is uncertain, anything else happened."""
    is_noun = 1  # the column pos:NOUN
    return TreeBand(columns=COLUMNS,
                    trees=(_stump(is_noun, 0.5, -4.0, -4.0),  # not: never
                           _stump(is_noun, 0.5, -2.0, 3.0),  # uncertain: a noun
                           _stump(is_noun, 0.5, 2.0, 0.0)),  # happened: the rest
                    weights=np.array([1.0, 1.0, weight]))


@pytest.fixture(scope="module")
def parse():
    nlp = load_nlp()
    return lambda text, word: next(t for t in nlp(text) if t.text == word)


def test_the_trees_read_the_predicate(parse):
    model = _nouns_are_uncertain()
    talks = parse("The envoys called for talks on the dam.", "talks")
    signed = parse("The two ministers signed an accord in Doha.", "signed")
    feats = ("dep:dobj",)
    assert band_of(talks, [Cue("noun", "talks")], 2.4, 2.2, feats, model) == "uncertain"
    assert band_of(signed, [], 3.0, 3.0, feats, model) == "happened"
    # the happened weight picks another point of the curve
    assert band_of(talks, [Cue("noun", "talks")], 2.4, 2.2, feats,
                   _nouns_are_uncertain(weight=1e6)) == "happened"


def test_tree_probabilities_are_a_softmax_of_the_sums():
    probs = _nouns_are_uncertain().probabilities(np.array([3.0, 1.0], np.float32))
    expected = np.exp([-4.0, 3.0, 0.0]) / np.exp([-4.0, 3.0, 0.0]).sum()
    assert np.allclose(probs, expected)


def test_the_trees_round_trip_through_their_file(tmp_path):
    path = tmp_path / "band.npz"
    save_band(_nouns_are_uncertain(1.8), path)
    loaded = load_band(path)
    assert isinstance(loaded, TreeBand) and loaded.columns == COLUMNS
    assert loaded.weights[2] == 1.8
    for row in (np.array([2.0, 0.0], np.float32), np.array([2.0, 1.0], np.float32)):
        assert np.allclose(loaded.probabilities(row),
                           _nouns_are_uncertain().probabilities(row))
