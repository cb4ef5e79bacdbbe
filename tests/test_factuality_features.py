"""The features the learned factuality correction weighs (coding/factuality_features.py)
and the file its weights live in, on sentences written for these tests."""

from __future__ import annotations

import pytest

from diplograph.coding.correction import Correction, load_correction, save_correction
from diplograph.coding.factuality import groups_read_by, predicate_factuality, shipped_groups
from diplograph.coding.factuality_features import (
    GROUPS,
    HASH_BUCKETS,
    features,
    governing_class,
    group_of,
    hashed,
)
from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import find_attributions
from diplograph.coding.status import StatusFacts
from diplograph.errors import KnowledgeError


@pytest.fixture(scope="module")
def feats():
    nlp = load_nlp()

    def of(text: str, word: str, cue_score: float = 3.0, groups=tuple(GROUPS)) -> set[str]:
        token = next(t for t in nlp(text) if t.text == word)
        path = StatusFacts(trigger=token, verb=None).path
        return set(features(token, path, [], cue_score, groups))
    return of


def test_tense_aspect_and_auxiliaries_of_the_predicate(feats):
    found = feats("The ministers have signed the treaty.", "signed")
    assert {"morph:Aspect=Perf", "aux:have"} <= found
    assert "aux:be+pass" in feats("The treaty was signed in Oslo.", "signed")


def test_a_negation_and_a_saying_verb_above_the_predicate(feats):
    found = feats("The ministers did not say that the rebels attacked the town.", "attacked")
    assert {"above:neg1", "above:cls1=say"} <= found


def test_a_believing_verb_above_is_not_a_saying_one(feats):
    found = feats("The ministers believe that the rebels attacked the town.", "attacked")
    assert "above:cls1=belief" in found and "above:cls1=say" not in found


def test_where_the_predicates_clause_sits(feats):
    def place(text: str, word: str) -> set[str]:
        return {f for f in feats(text, word, groups=("place",))}
    assert place("The rebels attacked the town.", "attacked") == {"place:root"}
    assert place("The envoy said the rebels attacked the town.", "attacked") == {
        "place:ccomp<say"}
    assert place("The rebels want to leave the town.", "leave") == {"place:xcomp<intent"}
    # an event noun takes the place of the clause it sits in; a time clause its mark
    assert place("The envoy left after the talks collapsed.", "talks") >= {
        "place:mark=after"}
    assert "place:quoted" in place('The envoy said "the rebels attacked the town".',
                                   "attacked")
    assert "place:quoted" not in place('"We waited," the envoy said, and the rebels left.',
                                       "left")


def test_an_intent_above_comes_before_the_speech_act(feats):
    assert "above:cls1=intent" in feats("The rebels promised to leave the town.", "leave")


def test_a_modal_far_above_the_predicate(feats):
    near = feats("The army would say that the rebels attacked the town.", "attacked")
    far = feats("The army would say that officials think the rebels attacked the town.",
                "attacked")
    assert "above:modal1=would" in near and "above:modal+=would" in far


def test_the_kind_of_clause(feats):
    assert "clause:mark=if" in feats("If the rebels attack the town, the army will respond.",
                                     "attack")
    assert "sent:future" in feats("If the rebels attack the town, the army will respond.",
                                  "attack")
    assert "clause:relcl" in feats("The treaty that the ministers signed is long.", "signed")
    assert "clause:question" in feats("Did the army attack the town?", "attack")
    assert "sent:hedge" in feats("The army reportedly attacked the town.", "attacked")


def test_lemmas_are_hashed_the_same_in_any_sentence(feats):
    one = feats("The rebels attacked the town.", "attacked")
    two = feats("Nobody knows why the army attacks villages.", "attacks")
    lexical = f"lex#{hashed('p=attack')}"
    assert lexical in one and lexical in two
    assert 0 <= hashed("p=attack") < HASH_BUCKETS


def test_every_feature_has_a_group_and_groups_can_be_left_out(feats):
    text = "Officials said the rebels, who had promised to leave, would not attack the town."
    found = feats(text, "attack", cue_score=-1.5)
    assert found and all(f.startswith("n|") for f in found)
    assert {group_of(f) for f in found} <= set(GROUPS)
    without = feats(text, "attack", cue_score=-1.5, groups=("cues", "syntax"))
    assert without and {group_of(f) for f in without} <= {"cues", "syntax"}


def test_the_groups_a_model_reads_are_those_of_its_weights_and_columns():
    correction = Correction(intercept=0.0, weights={"n|above:neg1": -0.4, "lex#12": 0.1})
    assert groups_read_by(correction, None, None) == ("above", "lexical")
    with_place = Correction(intercept=0.0, weights={"place:root": 0.2, "tag:NN": -0.1})
    assert groups_read_by(with_place, None, None) == ("syntax", "place")


def test_reading_only_the_shipped_groups_changes_no_score_or_status():
    # the run-time reading leaves out the groups no shipped weight reads; a fit reads all
    nlp = load_nlp()
    for text, word in (("Officials said the rebels would not attack the town.", "attack"),
                       ('The envoy said "the rebels attacked the town".', "attacked"),
                       ("The envoy left after the talks collapsed in Vienna.", "talks"),
                       ("Iran wants to resume the talks next month.", "resume")):
        doc = nlp(text)
        token = next(t for t in doc if t.text == word)
        attributions = find_attributions(doc)
        shipped = predicate_factuality(token, attributions)
        every = predicate_factuality(token, attributions, tuple(GROUPS))
        assert (shipped.score, shipped.status) == (every.score, every.status)
        assert set(shipped.features) <= set(every.features)
        assert {group_of(f) for f in shipped.features} <= set(shipped_groups())


def test_a_denying_verb_above_has_the_deny_class():
    nlp = load_nlp()
    token = next(t for t in nlp("The ministry denied the talks.") if t.text == "talks")
    assert governing_class(token.head) == "deny"


def test_the_weights_file_round_trips(tmp_path):
    path = tmp_path / "model.npz"
    model = Correction(intercept=0.05, weights={"tag:NN": -0.2, "lex#12": 0.31, "dep:x": 0.0})
    save_correction(model, path)
    loaded = load_correction(path)
    assert loaded.intercept == 0.05
    assert loaded.weights == {"tag:NN": -0.2, "lex#12": 0.31}  # zero weights are not kept


def test_a_broken_weights_file_is_a_knowledge_error(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a numpy archive")
    with pytest.raises(KnowledgeError):
        load_correction(path)


# fact18: what the parse says of a predicate that has no cue word (labelled before the code).

def test_a_bare_event_noun_and_one_with_a_determiner(feats):
    assert "frame:bare" in feats("Talks between the two sides collapsed on Monday.", "Talks")
    assert "frame:bare" not in feats("The talks between the two sides collapsed on Monday.",
                                     "talks")
    assert "frame:bare" not in feats("Their talks collapsed on Monday.", "talks")


def test_the_verb_that_governs_an_event_noun(feats):
    # a verb that is the event itself ("launched an offensive") against any other verb
    assert "frame:by=event" in feats("The army launched an offensive in the north.",
                                     "offensive")
    assert "frame:by=other" in feats("The minister criticised the offensive in the north.",
                                     "offensive")
    assert not {"frame:by=event", "frame:by=other"} & feats(
        "The army attacked the town.", "attacked")


def test_the_tense_and_form_of_the_governing_verb(feats):
    assert "above:tense1=Past" in feats("The ministers wanted to sign the treaty.", "sign")
    assert "above:tense1=Pres" in feats("The ministers want to sign the treaty.", "sign")
    assert not any(f.startswith("above:tense1=")
                   for f in feats("The rebels attacked the town.", "attacked"))

