"""The coder's per-article token table holds what each Token would say, read once."""

from __future__ import annotations

import pytest

from diplograph.coding.parse import load_nlp
from diplograph.coding.token_table import token_table, tokens_of_pos

TEXTS = [
    "Russia's defence minister Sergei Shoigu met the U.S. Secretary of State on Monday.",
    '"It was a mistake," she said, and THE island nation\'s short-sighted envoy left.',
    "The Tory MP, Dominic Grieve, said the country had been in default since 2001.",
]


@pytest.fixture(scope="module")
def docs():
    nlp = load_nlp()
    return [nlp(text) for text in TEXTS]


def test_each_column_holds_what_the_token_says(docs):
    for doc in docs:
        table = token_table(doc)
        assert len(table) == len(doc)
        for token in doc:
            i = token.i
            read = (table.text[i], table.lower[i], table.tag[i], table.pos[i], table.dep[i],
                    table.ent_type[i], table.lemma[i], table.is_title[i], table.is_lower[i],
                    table.is_alpha[i], table.space_after[i])
            assert read == (token.text, token.lower_, token.tag_, token.pos_, token.dep_,
                            token.ent_type_, token.lemma_, token.is_title, token.is_lower,
                            token.is_alpha, token.whitespace_ == " ")


def test_the_table_is_read_once_per_doc(docs):
    assert token_table(docs[0]) is token_table(docs[0])
    assert token_table(docs[0]) is not token_table(docs[1])


def test_an_empty_doc_has_an_empty_table():
    assert len(token_table(load_nlp()(""))) == 0


def test_tokens_of_pos_gives_a_sentence_s_words_of_those_parts_in_order(docs):
    for doc in docs:
        for sent in doc.sents:
            nouns = list(tokens_of_pos(sent, {"NOUN", "PROPN"}))
            assert nouns == [t for t in sent if t.pos_ in ("NOUN", "PROPN")]
    first = next(iter(docs[0].sents))
    assert [t.text for t in tokens_of_pos(first, {"PROPN"})][:3] == ["Russia", "Sergei", "Shoigu"]


def test_tokens_of_pos_listed_once_match_a_scan_of_any_span(docs):
    # The positions are listed once per Doc and set of parts: every span of the Doc (a
    # sentence, a clause, a single word, an empty one) still gets what a scan of it gives,
    # for a frozen set and a plain one alike.
    for doc in docs:
        for parts in (frozenset({"VERB"}), {"VERB", "AUX"}, frozenset({"ADJ", "NOUN"}),
                      frozenset({"INTJ"})):
            for start in range(len(doc) + 1):
                for end in (start, start + 1, start + 4, len(doc)):
                    span = doc[start:min(end, len(doc))]
                    assert list(tokens_of_pos(span, parts)) == \
                        [t for t in span if t.pos_ in parts]


def test_strings_decoded_across_docs_stay_right_past_the_limit(docs, monkeypatch):
    from diplograph.coding import token_table as table_module

    monkeypatch.setattr(table_module, "DECODED_LIMIT", 8)  # emptied at every Doc
    for doc in docs:
        doc.user_data.pop("diplograph.token_table", None)
        table = token_table(doc)
        assert table.lower == [t.lower_ for t in doc] and table.lemma == [t.lemma_ for t in doc]
    assert len(table_module._DECODED) <= len({t.orth_ for t in docs[-1]}) * 7


def test_positions_of_words_match_a_scan_and_are_listed_once(docs):
    from diplograph.coding.token_table import positions_of_words

    nouns = frozenset({"envoy", "minister", "the", "be"})  # "be": by lemma only ("was")
    sectors = {"minister": "GOV", "secretary": "GOV", "mp": "PTY", "police": "COP"}
    for doc in docs:
        for words in (nouns, sectors):
            by_word = [t.i for t in doc if t.lower_ in words]
            by_lemma = [t.i for t in doc if t.lower_ in words or t.lemma_.lower() in words]
            assert positions_of_words(doc, words) == by_word
            assert positions_of_words(doc, words, lemmas=True) == by_lemma
            assert positions_of_words(doc, words) is positions_of_words(doc, words)
    # A word list equal to another but not the same object is listed on its own.
    doc = docs[0]
    assert positions_of_words(doc, set(nouns)) == positions_of_words(doc, nouns)
    doc = docs[1]  # "It WAS a mistake"
    assert positions_of_words(doc, nouns, lemmas=True) != positions_of_words(doc, nouns)


def test_verb_forms_read_in_the_table_are_the_token_s_own(docs):
    # verb_forms reads the lemma and word in the token table: the forms the Token's own
    # lemma_ and lower_ give, for every word of our sentences.
    from diplograph.coding.triggers import _verb_forms, verb_forms, verb_forms_of

    for doc in docs:
        for token in doc:
            own = _verb_forms(token.lemma_.lower(), token.lower_)
            assert verb_forms(token) == own == verb_forms_of(token_table(doc), token.i)


def test_affirmed_verbs_are_those_of_the_lemmas_not_negated():
    # Only verbs of the lemmas are built as Tokens, and the negated one is left out:
    # the same verbs a scan of every token gives.
    from diplograph.coding.said_clauses import affirmed_verbs, negated
    from diplograph.coding.triggers import verb_forms

    doc = load_nlp()("The minister said the plan failed, but did not say it was wrong, "
                     "and the envoy claimed that talks had stalled.")
    lemmas = frozenset({"say", "claim"})
    for sent in doc.sents:
        scanned = [t for t in sent if t.pos_ == "VERB" and lemmas & set(verb_forms(t))
                   and not negated(t)]
        assert affirmed_verbs(sent, lemmas) == scanned
    assert [t.text for t in affirmed_verbs(doc[:], lemmas)] == ["said", "claimed"]


def test_sentence_bounds_are_those_of_token_sent(docs):
    # The sentence starts are listed once per Doc: every token's (start, end) is its own
    # Token.sent's, in a Doc of several sentences as in one of one.
    from diplograph.coding.token_table import sentence_bounds

    several = load_nlp()("Russia said so. Then Ukraine left! Talks, it said, would go on? Yes.")
    for doc in (*docs, several):
        for token in doc:
            assert sentence_bounds(doc, token.i) == (token.sent.start, token.sent.end)
    assert len(list(several.sents)) > 2
