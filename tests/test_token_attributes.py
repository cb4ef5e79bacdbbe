"""The memoised attribute ruler and lemmatizer (coding/token_attributes.py) annotate every
token exactly as spaCy's own components do: pinned on texts that reach the ruler's
several-token rules, its rules on DEP and whitespace, and lemmas the ruler sets itself.
benchmarks/token_attributes.py runs the same comparison on the whole BBC corpus."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from diplograph.coding import token_attributes
from diplograph.coding.parse import DEFAULT_MODEL, load_nlp

ARRAYS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

TEXTS = [
    # several-token rules: "ai n't", "gon na", "got ta", "let 's", "y' all", "There is"
    "Y'all ain't gonna believe it, but we've got ta leave. Let's go, c'mon.",
    "There is a plan, and there are risks; there were talks and there was a deal.",
    # DEP-conditioned rules: pronoun objects, auxiliaries, "do"/"have" as main verbs
    "He gave it to me, I saw you, and they did what they had promised to do.",
    "Nothin' has been decided: the minister will not resign and doesn't want to.",
    # whitespace tokens, and a news paragraph with names, dates and numbers
    "The talks  resumed.\n\nForeign Minister Sergei Lavrov met his US counterpart on 3 "
    "March 2022 in Geneva, where 1,200 delegates gathered.",
    "Prime Minister Tony Blair's government said it would not back the EU's proposal, "
    "which was rejected by France, Germany and the Netherlands last year.",
]


@pytest.fixture(scope="module")
def stock() -> spacy.Language:
    return spacy.load(DEFAULT_MODEL)


def test_the_product_pipeline_runs_the_memo_in_place_of_the_two_components() -> None:
    nlp = load_nlp()
    names = nlp.pipe_names
    assert token_attributes.FACTORY in names
    assert token_attributes.RULER not in names and token_attributes.LEMMATIZER not in names
    assert names.index(token_attributes.FACTORY) < names.index("ner")
    assert token_attributes.RULER in nlp.disabled  # kept, as the memo's source


def test_every_token_is_annotated_as_spacy_annotates_it(stock: spacy.Language) -> None:
    ours = load_nlp()
    for text, mine, theirs in zip(TEXTS, ours.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert np.array_equal(mine.to_array(ARRAYS), theirs.to_array(ARRAYS)), text
    # The several-token rules fired: their lemmas are the ruler's, not the lemmatizer's.
    first = ours(TEXTS[0])
    assert [t.lemma_ for t in first if t.lower_ in ("ai", "gon", "na")] == ["be", "go", "to"]


def test_a_second_pass_uses_the_memo_and_changes_nothing(stock: spacy.Language) -> None:
    ours = load_nlp()
    memo = ours.get_pipe(token_attributes.FACTORY)
    list(ours.pipe(TEXTS))
    effects = len(memo._effects)
    again = [d.to_array(ARRAYS) for d in ours.pipe(TEXTS)]
    assert len(memo._effects) == effects  # every token's effect came from the memo
    for mine, theirs in zip(again, stock.pipe(TEXTS), strict=True):
        assert np.array_equal(mine, theirs.to_array(ARRAYS))


def test_a_pattern_the_memo_cannot_key_keeps_the_stock_components() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})  # an attribute outside the memo's key
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not token_attributes.supports(ruler)
    assert not token_attributes.install(nlp)
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"]


def test_a_pipeline_without_the_components_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not token_attributes.install(nlp)
    assert nlp.pipe_names == []


def test_the_memo_pickles_as_its_two_sources() -> None:
    import pickle

    memo = load_nlp().get_pipe(token_attributes.FACTORY)
    copy = pickle.loads(pickle.dumps(memo))
    assert isinstance(copy, token_attributes.MemoisedTokenAttributes)
    assert copy.ruler.patterns == memo.ruler.patterns


def test_the_word_memos_are_emptied_past_their_limit(stock: spacy.Language,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ours = load_nlp()
    memo = ours.get_pipe(token_attributes.FACTORY)
    monkeypatch.setattr(token_attributes, "MEMO_LIMIT", 5)
    docs = list(ours.pipe(TEXTS))
    assert len(memo._lemmas) < 5 + max(len(d) for d in docs)  # emptied before each document
    for mine, theirs in zip(docs, stock.pipe(TEXTS), strict=True):
        assert np.array_equal(mine.to_array(ARRAYS), theirs.to_array(ARRAYS))
