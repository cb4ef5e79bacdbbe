"""The learned correction of the factuality score (coding/correction.py) and the noun
objects framed by their verb (coding/cues.py), on sentences written for these tests."""

from __future__ import annotations

import pytest
import test_status

from diplograph.coding.correction import (
    NOT_HAPPENED,
    Correction,
    corrected,
    features,
    load_correction,
)
from diplograph.coding.factuality import score_of, status_of
from diplograph.coding.factuality_trees import refined
from diplograph.coding.parse import load_nlp
from diplograph.coding.status import StatusFacts

read = test_status.read  # the reading of one predicate of our sentence


@pytest.fixture(scope="module")
def parse():
    nlp = load_nlp()
    return lambda text, word: next(t for t in nlp(text) if t.text == word)


# ------------------------------------------------------------------ the limits
@pytest.mark.parametrize("cue_score", [3.0, 2.1, 0.4, 0.0])
def test_a_correction_never_turns_an_act_over(cue_score):
    sinking = Correction(intercept=-9.0, weights={})
    assert 0.0 <= corrected(cue_score, ["nocue"], sinking) <= 3.0


@pytest.mark.parametrize("cue_score", [-3.0, -1.8, -1.0])
def test_a_correction_never_lifts_a_negated_act_out_of_not_happened(cue_score):
    lifting = Correction(intercept=9.0, weights={"n|kind:negation": 9.0})
    assert -3.0 <= corrected(cue_score, ["n|kind:negation"], lifting) <= NOT_HAPPENED


def test_a_negated_uncertain_score_stays_on_its_side_of_zero():
    lifting = Correction(intercept=9.0, weights={})
    assert corrected(-0.5, ["n|kind:negation"], lifting) == 0.0


def test_without_features_the_cue_score_stands():
    assert corrected(1.37, (), Correction(intercept=5.0, weights={})) == 1.37


def test_the_shipped_correction_loads_and_weighs_features():
    model = load_correction()
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())
    assert -1.0 < model.intercept < 1.0


# ------------------------------------------------------------------ the features
def test_features_name_the_frame_of_the_predicate(parse):
    token = parse("The envoy pressed for any withdrawal of the troops.", "withdrawal")
    facts = StatusFacts(trigger=token, verb=None)
    feats = features(token, facts.path, [], 3.0)
    assert {"prep:for", "det:any", "tag:NN", "dep:pobj", "nocue"} <= set(feats)


def test_features_of_a_negated_act_are_kept_apart(parse):
    token = parse("The ministers did not sign the treaty.", "sign")
    facts = StatusFacts(trigger=token, verb=None)
    feats = features(token, facts.path, [], -1.8)
    assert feats and all(f.startswith("n|") for f in feats)


def test_a_partys_own_word_is_not_corrected(read):
    denied = read("The ministry denied that the envoys had met in Oslo.", "met")
    assert denied.status == "denied" and denied.features == ()
    assert denied.score == denied.cue_score == score_of(denied.cues)
    withheld = read("The ministry declined to confirm that the envoys had met in Oslo.", "met")
    assert withheld.status == "unconfirmed" and withheld.features == ()
    assert -1.0 < withheld.score < 1.0


def test_an_act_argued_for_is_less_sure_than_one_dated_by(read):
    argued = read("The senators argued for any withdrawal of the troops.", "withdrawal")
    dated = read("The senators met after the withdrawal of the troops.", "withdrawal")
    assert argued.score < dated.score <= 3.0


def test_the_score_is_the_cue_score_corrected(read, parse):
    text = "The spokesman said the ministers might sign the treaty."
    reading = read(text, "sign")
    assert reading.cue_score == score_of(reading.cues)
    # corrected, then refined by the shipped trees (coding/factuality_trees.py)
    score = corrected(reading.cue_score, reading.features)
    assert reading.score == refined(parse(text, "sign"), reading.cues, reading.cue_score,
                                    score, reading.features)
    assert reading.status == "hypothetical"


def test_the_status_reads_the_cue_score_not_the_correction(read):
    reading = read("Officials said the hackers tried to break into the army's computers.",
                   "break")
    assert reading.status == status_of(reading.cue_score, reading.cues) == "reported"


# ------------------------------------------------------------------ noun objects framed by the verb
@pytest.mark.parametrize("text, word, kind", [
    ("The court blocked the trial of the two officers.", "trial", "prevent_governor"),
    ("The rebels want a war with the capital.", "war", "intent"),
    ("The minister avoided a vote on the budget.", "vote", "negative_governor"),
])
def test_a_noun_object_takes_the_frame_of_its_verb(read, text, word, kind):
    assert kind in {c.kind for c in read(text, word).cues}


def test_a_noun_object_of_another_verb_is_presupposed(read):
    reading = read("Reporters covered the trial of the two officers.", "trial")
    assert not {c.kind for c in reading.cues} & {"prevent_governor", "intent",
                                                   "negative_governor"}
    assert reading.status == "asserted"
