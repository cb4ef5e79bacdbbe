"""The status band (SPEC §4 ``status``, ``factuality``): where a band classifier may have a
say in the claim status, and how a score is brought into a band."""

from __future__ import annotations

import numpy as np
import pytest

from diplograph.coding.cues import Cue
from diplograph.coding.factuality import (
    BAND_OF_STATUS,
    band_is_open,
    clipped_into,
    keeps_cue_band,
    predicate_factuality,
    status_in_band,
    status_of,
)
from diplograph.coding.factuality_band import BandModel, band_of, load_band, save_band
from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import find_attributions
from diplograph.coding.rules import BAND_CLASSIFIER_RULE
from diplograph.errors import KnowledgeError

SAID = [Cue("report", "say")]
TALKS = [Cue("noun", "talks")]  # a bare event noun: it moves the score, fixes no band
WILL = [Cue("future", "will")]
COULD = [Cue("possible", "could")]
NOT = [Cue("negation", "not")]
DENIED = [Cue("deny", "deny")]
WITHHELD = [Cue("withheld", "confirm")]


def test_no_band_leaves_the_status_read_off_the_cue_score():
    for score, cues in [(3.0, []), (2.5, SAID), (0.5, TALKS), (2.0, WILL), (-2.0, NOT)]:
        assert status_in_band(score, cues, None) == status_of(score, cues)


def test_an_open_band_is_decided_by_the_classifier():
    # "the ministers signed" (asserted), "X said they signed" (reported), "the TALKS"
    assert status_in_band(3.0, [], "uncertain") == "hypothetical"
    assert status_in_band(2.5, SAID, "uncertain") == "hypothetical"
    assert status_in_band(0.5, TALKS, "happened") == "asserted"
    assert status_in_band(0.5, [*TALKS, *SAID], "happened") == "reported"


def test_cues_that_fix_the_band_keep_their_status():
    # "will meet" stays planned, "could meet" hypothetical, "did not meet" negated, a
    # denial denied and a withheld confirmation unconfirmed, whatever the classifier says
    for score, cues in [(2.0, WILL), (1.2, COULD), (-2.0, NOT), (-1.5, DENIED),
                        (0.9, WITHHELD)]:
        for band in ("happened", "uncertain", "not"):
            assert status_in_band(score, cues, band) == status_of(score, cues)


def test_the_classifier_alone_never_negates_an_act():
    assert status_in_band(3.0, [], "not") == "asserted"
    assert status_in_band(2.5, SAID, "not") == "reported"


def test_the_free_policy_lets_the_band_override_the_cues():
    assert status_in_band(2.0, WILL, "happened", policy="free") == "asserted"
    assert status_in_band(3.0, SAID, "not", policy="free") == "negated"
    assert status_in_band(3.0, DENIED, "not", policy="free") == "denied"


def test_which_cues_leave_the_band_open():
    assert band_is_open([]) and band_is_open(SAID) and band_is_open(TALKS)
    assert not any(band_is_open(c) for c in (WILL, COULD, NOT, DENIED, WITHHELD))
    # "officials said the hackers TRIED to break in": PLOVER codes the attempt as the act
    assert not band_is_open([*SAID, Cue("attempt", "try")])
    assert status_in_band(1.04, [*SAID, Cue("attempt", "try")], "uncertain") == "reported"


def test_a_score_is_moved_to_the_edge_of_its_band():
    assert clipped_into(0.4, "happened") == 1.0
    assert clipped_into(2.6, "happened") == 2.6
    assert clipped_into(2.6, "uncertain") == 0.99
    assert clipped_into(-2.0, "uncertain") == -0.99
    assert clipped_into(0.3, "uncertain") == 0.3
    assert clipped_into(-0.5, "not") == -1.0
    for status, band in BAND_OF_STATUS.items():
        assert band in ("happened", "uncertain", "not"), status


# ------------------------------------------------------------------ the band classifier
@pytest.fixture(scope="module")
def parse():
    nlp = load_nlp()
    return lambda text, word: next(t for t in nlp(text) if t.text == word)


def _nouns_are_uncertain(weight: float = 1.0) -> BandModel:
    """A classifier of our own: an event noun is uncertain, anything else happened."""
    coef = np.array([[0.0, -4.0], [0.0, 4.0], [1.0, 0.0]])  # not, uncertain, happened
    return BandModel(columns=("score:cue", "pos:NOUN"), mean=np.zeros(2), scale=np.ones(2),
                     coef=coef, intercept=np.zeros(3), weights=np.array([1.0, 1.0, weight]))


def test_the_classifier_reads_the_predicate_and_its_scores(parse):
    model = _nouns_are_uncertain()
    talks = parse("Officials called for talks on the border.", "talks")
    signed = parse("The ministers signed the treaty in Geneva.", "signed")
    feats = ("dep:dobj",)
    assert band_of(talks, [Cue("noun", "talks")], 2.4, 2.2, feats, model) == "uncertain"
    assert band_of(signed, [], 3.0, 3.0, feats, model) == "happened"
    # the weight of happened picks another point of the curve
    assert band_of(talks, [Cue("noun", "talks")], 2.4, 2.2, feats,
                   _nouns_are_uncertain(weight=1e6)) == "happened"


def test_a_predicate_the_correction_leaves_alone_gets_no_band(parse):
    met = parse("The Kremlin denied that Putin had met Trump.", "met")
    assert band_of(met, [Cue("deny", "deny")], -1.5, -1.5, (), _nouns_are_uncertain()) is None


def test_probabilities_sum_to_one():
    probs = _nouns_are_uncertain().probabilities(np.array([3.0, 1.0]))
    assert probs.shape == (3,) and abs(probs.sum() - 1.0) < 1e-9 and probs.argmax() == 1


def test_the_classifier_round_trips_through_its_file(tmp_path):
    path = tmp_path / "band.npz"
    save_band(_nouns_are_uncertain(2.0), path)
    loaded = load_band(path)
    assert loaded is not None and loaded.columns == ("score:cue", "pos:NOUN")
    assert np.array_equal(loaded.coef, _nouns_are_uncertain().coef)
    assert loaded.weights[2] == 2.0
    assert load_band(tmp_path / "none.npz") is None


def test_a_malformed_classifier_file_is_a_knowledge_error(tmp_path):
    path = tmp_path / "bad.npz"
    np.savez(path, columns=np.array(["score:cue"]), mean=np.zeros(1))
    with pytest.raises(KnowledgeError):
        load_band(path)


# ------------------------------------------------------------------ provenance
def _everything_uncertain() -> BandModel:
    """A classifier of our own that calls every predicate uncertain."""
    return BandModel(columns=("score:cue",), mean=np.zeros(1), scale=np.ones(1),
                     coef=np.zeros((3, 1)), intercept=np.array([0.0, 1.0, 0.0]),
                     weights=np.ones(3))


@pytest.fixture
def classifier_says_uncertain(monkeypatch):
    from diplograph.coding import factuality_band

    monkeypatch.setattr(factuality_band, "load_band", _everything_uncertain)


def _reading(text: str, word: str):
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == word)
    return predicate_factuality(token, find_attributions(doc))


def test_a_status_the_classifier_set_names_it_in_the_rules(classifier_says_uncertain):
    # the cues alone read "signed" as asserted; the classifier's band makes it hypothetical
    reading = _reading("The ministers signed the treaty in Geneva.", "signed")
    assert reading.status == "hypothetical"
    assert reading.rules[-1] == BAND_CLASSIFIER_RULE == "status/band-classifier"


def test_a_status_the_cues_fix_does_not_name_the_classifier(classifier_says_uncertain):
    # "will sign" is planned whatever the classifier says; "could sign" hypothetical, as
    # its cue score already reads it
    for text in ("The ministers will sign the treaty in Geneva.",
                 "The ministers could sign the treaty in Geneva."):
        reading = _reading(text, "sign")
        assert reading.status in ("planned", "hypothetical")
        assert BAND_CLASSIFIER_RULE not in reading.rules


ENVOY_MET = "The Japanese envoy met the Chinese foreign minister in Beijing on Monday."


def test_an_event_the_cues_decide_names_no_classifier(code_sentence):
    # with the shipped classifier the cues decide: asserted, and no learned part named
    met = [e for e in code_sentence(ENVOY_MET) if e.trigger == "met"]
    assert met and met[0].status == "asserted"
    assert BAND_CLASSIFIER_RULE not in met[0].rules


def test_an_event_lists_the_classifier_after_its_rules(classifier_says_uncertain,
                                                       code_sentence):
    met = [e for e in code_sentence(ENVOY_MET) if e.trigger == "met"]
    assert met and met[0].status == "hypothetical"
    assert met[0].rules[-1] == BAND_CLASSIFIER_RULE
    assert met[0].rules[0].startswith("trigger/")


# ------------------------------------------------------------------ implicative verbs
@pytest.mark.parametrize("text, word", [
    ("The minister refused to sign the treaty in Geneva.", "refused"),
    ("The envoy declined to comment on the talks.", "declined"),
    ("Both sides failed to agree on a ceasefire.", "failed"),
    ("The rebels avoided meeting the mediators.", "avoided"),
])
def test_a_negative_implicative_verb_is_never_made_hypothetical(classifier_says_uncertain,
                                                                text, word):
    # the refusal, the failure happened: the cues keep the band, whatever the classifier
    reading = _reading(text, word)
    assert BAND_OF_STATUS[reading.status] == "happened"
    assert BAND_CLASSIFIER_RULE not in reading.rules


def test_the_act_under_a_negative_implicative_verb_stays_negated(classifier_says_uncertain):
    assert _reading("The minister refused to sign the treaty.", "sign").status == "negated"


def test_a_failure_coded_as_the_act_keeps_the_cues_band(classifier_says_uncertain,
                                                        code_sentence):
    # "failed to reach an agreement" is a REJECT whose failure is the act (failure-is-the-
    # act): told as happened even where a classifier calls everything uncertain
    events = code_sentence("Iran and the EU failed to reach an agreement on Monday.")
    reject = [e for e in events if e.type == "REJECT"]
    assert reject and reject[0].status == "asserted"
    assert BAND_CLASSIFIER_RULE not in reject[0].rules


def test_a_plain_act_is_still_left_to_the_classifier(classifier_says_uncertain):
    assert not keeps_cue_band("sign") and keeps_cue_band("refuse")
    assert keeps_cue_band("meet", failed=True)


# ------------------------------------------------------------------ intent words as the act
@pytest.mark.parametrize("text, word", [
    ("The government said it is willing to resume talks with the rebels.", "willing"),
    ("Both parties pledged to respect the ceasefire in the north.", "pledged"),
    ("The new cabinet is ready for dialogue with the opposition.", "ready"),
])
def test_an_intent_word_itself_keeps_the_cues_band(classifier_says_uncertain, text, word):
    # the statement of intent happened (SPEC §4 codes "willing to", "ready for" as AGREE):
    # the cues keep its band, whatever the classifier says
    reading = _reading(text, word)
    assert BAND_OF_STATUS[reading.status] == "happened"
    assert BAND_CLASSIFIER_RULE not in reading.rules


def test_the_act_an_intent_word_governs_stays_planned(classifier_says_uncertain):
    reading = _reading("The government said it is willing to resume talks.", "resume")
    assert reading.status == "planned"


def test_only_verbs_and_adjectives_of_intent_keep_the_band():
    assert keeps_cue_band("willing", pos="ADJ") and keeps_cue_band("vow", pos="VERB")
    assert not keeps_cue_band("plan", pos="NOUN")  # "the PLAN": an event noun, left open
    assert not keeps_cue_band("meet", pos="VERB")


def test_an_intent_coded_as_agree_keeps_the_cues_band(classifier_says_uncertain,
                                                      code_sentence):
    # "willing to withdraw" is coded as the AGREE it is (promise-is-the-act drops the
    # intent cue): the willingness is told as happened, whatever the classifier says
    events = code_sentence("Turkey says it is willing to withdraw its soldiers from northern "
                           "Iraq.")
    agree = [e for e in events if e.type == "AGREE"]
    assert agree and agree[0].status == "reported", [(e.type, e.status) for e in events]
    assert BAND_CLASSIFIER_RULE not in agree[0].rules
