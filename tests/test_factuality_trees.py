"""Boosted trees that refine the factuality score (coding/factuality_trees.py), on
sentences and trees written for these tests."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from diplograph.coding.cues import Cue
from diplograph.coding.factuality_trees import (
    Around,
    Trees,
    embedding,
    input_row,
    load_trees,
    reads_window,
    refined,
    save_trees,
    words_around,
)
from diplograph.coding.parse import load_nlp


@pytest.fixture(scope="module")
def parse():
    nlp = load_nlp()
    return lambda text, word: next(t for t in nlp(text) if t.text == word)


def _stump(threshold: float, low: float, high: float, columns=("score:cue",),
           dims: int = 2) -> Trees:
    """One tree: node 0 splits column 0 at ``threshold``; leaves 1 (<=) and 2 (>)."""
    nodes = {"feature": np.array([0, 0, 0], np.int32), "threshold": np.array([threshold, 0, 0]),
             "left": np.array([1, 0, 0], np.int32), "right": np.array([2, 0, 0], np.int32),
             "value": np.array([0.0, low, high]), "leaf": np.array([False, True, True])}
    return Trees(columns=tuple(columns), roots=np.array([0], np.int32), nodes=nodes,
                 baseline=0.1, embeddings=np.ones((30000, dims), np.float32))


def test_words_around_name_the_governor_and_the_path_to_the_cue(parse):
    tok = parse("Officials said the talks might resume next week.", "resume")
    around = words_around(tok, [Cue(kind="possible", word="might")])
    assert around.governor == "said"
    assert around.pos == "VERB"
    assert around.cue_words == ("might",)
    assert around.cue_path == "self"  # "might" hangs from "resume" itself


def test_a_cue_further_up_gives_its_dependency_path(parse):
    tok = parse("The minister denied that the army shelled the town.", "shelled")
    around = words_around(tok, [Cue(kind="deny", word="denied", level=1)])
    assert around.cue_path == "ccomp"
    assert words_around(tok, []).cue_path == "none"


def test_a_tree_goes_left_at_or_below_its_threshold():
    stump = _stump(1.5, -0.4, 0.2)
    assert stump.predict(np.array([1.5])) == pytest.approx(0.1 - 0.4)
    assert stump.predict(np.array([2.9])) == pytest.approx(0.1 + 0.2)


def test_input_rows_are_built_by_column_name():
    table = np.arange(30000 * 2, dtype=np.float32).reshape(30000, 2)
    around = Around(word="met", governor="said", pos="NOUN", cue_words=(), cue_path="ccomp")
    columns = ("score:cue", "pos:NOUN", "pos:VERB", "path:ccomp", "f:kind:past", "f:dep:dobj",
               "emb:cues:1", "emb:word:0")
    row = input_row(columns, table, around, {"cue": 2.5}, ("kind:past",))
    assert row[:7].tolist() == [2.5, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0]  # no cue word: zeros
    assert row[7] == embedding(["met"], table)[0] > 0


def test_refined_scores_keep_the_limits_of_the_correction(parse):
    tok = parse("The ministers did not sign the treaty.", "sign")
    cues = [Cue(kind="negation", word="not")]
    push_up, push_down = _stump(0.0, 5.0, 5.0), _stump(0.0, -9.0, -9.0)
    assert refined(tok, cues, -2.7, -2.5, ("kind:negation",), push_up) == -1.0  # stays not
    assert refined(tok, [], 2.8, 2.9, ("nocue",), push_down) == 0.0  # never turned over
    assert refined(tok, [], 2.8, 2.9, ("nocue",), push_up) == 3.0


def test_an_uncorrected_predicate_keeps_its_score(parse):
    tok = parse("The ministers signed the treaty.", "signed")
    assert refined(tok, [], 3.0, 3.0, (), _stump(0.0, -2.0, -2.0)) == 3.0


def test_trees_round_trip_through_their_file(tmp_path):
    path = tmp_path / "trees.npz"
    save_trees(_stump(1.0, -0.5, 0.25, columns=("score:cue", "pos:VERB")), path)
    back = load_trees(path)
    assert back is not None and back.columns == ("score:cue", "pos:VERB")
    assert back.predict(np.array([0.5, 1.0])) == pytest.approx(-0.4)
    assert load_trees(tmp_path / "none.npz") is None


def test_a_stretch_moves_the_score_away_from_the_centre_within_the_limits():
    trees = replace(_stump(1.0, 0.0, 0.0), stretch=1.5, centre=2.0)
    assert trees.stretched(3.0, 1.0) == 0.5  # an act read as uncertain, further from +2
    assert trees.stretched(3.0, 2.8) == 3.0  # never above +3
    assert trees.stretched(3.0, 0.1) == 0.0  # a positive cue score stays >= 0
    assert trees.stretched(-1.5, -1.2) == -2.8  # a negated act goes further down


def test_the_stretch_round_trips_through_the_file(tmp_path):
    path = tmp_path / "trees.npz"
    save_trees(replace(_stump(1.0, -0.5, 0.25), stretch=1.3, centre=2.1), path)
    back = load_trees(path)
    assert (back.stretch, back.centre) == (1.3, 2.1)


def test_the_window_holds_three_words_either_side_without_punctuation(parse):
    tok = parse("Rebels said, late on Sunday, they would free the hostages soon.", "free")
    around = words_around(tok, [Cue(kind="future", word="would")], with_window=True)
    assert around.left == ("sunday", "they", "would")
    assert around.right == ("the", "hostages", "soon")


def test_the_window_stops_at_the_sentence_edge(parse):
    tok = parse("Talks collapsed. Both sides blamed the mediators.", "collapsed")
    around = words_around(tok, [], with_window=True)
    assert around.left == ("talks",)
    assert around.right == ()  # "Both" opens the next sentence
    assert words_around(tok, []).left == ()  # not read unless asked for


def test_only_trees_fitted_on_a_window_slot_read_the_window():
    assert not reads_window(_stump(1.5, 0.0, 0.0, columns=("score:cue", "emb:word:0")))
    assert reads_window(_stump(1.5, 0.0, 0.0, columns=("score:cue", "emb:right:1")))
    assert not reads_window(None)


def test_window_slots_fill_only_the_columns_the_trees_were_fitted_on():
    table = np.arange(30000 * 2, dtype=np.float32).reshape(30000, 2)
    around = Around(word="resume", governor="said", pos="VERB", cue_words=(),
                    cue_path="none", left=("the", "talks", "might"), right=("next",))
    columns = ("emb:left:0", "emb:right:1")
    row = input_row(columns, table, around, {}, ())
    assert row[0] == embedding(["the", "talks", "might"], table)[0] > 0
    assert row[1] == embedding(["next"], table)[1] > 0
    assert row[0] != row[1]
    # an empty window (the sentence's first word) leaves its slot at zero
    assert input_row(("emb:left:0",), table, replace(around, left=()), {}, ())[0] == 0.0
