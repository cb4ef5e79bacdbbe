"""The imported CAMEO verb patterns as a second trigger source (coding/cameo.py): matched
on the parse (object, preposition, passive subject), behind our own lexicon, named
``trigger/cameo:<lemma>:<code>``, and turned off by the setting ``cameo_patterns``."""

from __future__ import annotations

import pytest
from conftest import sentence_coder

from diplograph.coding.cameo import cameo_triggers
from diplograph.coding.coder import EventCoder
from diplograph.coding.parse import load_nlp
from diplograph.knowledge.cameo import load_cameo
from diplograph.knowledge.lexicon import load_lexicon


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _coder(nlp, cameo: bool):
    return sentence_coder(EventCoder(lexicon=load_lexicon(cameo=cameo)), nlp)


def test_object_and_preposition_pattern_codes_an_accusation(nlp):
    events = _coder(nlp, True)("The United States filed a complaint against Iran at the WTO.")
    ev = next(e for e in events if e.type == "ACCUSE")
    assert (ev.source.country, ev.target.country) == ("USA", "IRN")
    assert ev.rules[0] == "trigger/cameo:file:114"


def test_passive_verb_reads_its_object_in_subject_position(nlp):
    events = _coder(nlp, True)("Two Russian soldiers were shot by Ukrainian police.")
    ev = next(e for e in events if e.type == "ASSAULT")
    assert (ev.source.country, ev.target.country) == ("UKR", "RUS")
    assert ev.rules[0].startswith("trigger/cameo:shoot:")


def test_a_blocking_pattern_stops_the_default(nlp):
    sent = next(nlp("An earthquake killed forty villagers in Iran.").sents)
    assert cameo_triggers(sent, load_cameo(), []) == []


def test_our_lexicon_wins_on_the_same_verb(nlp):
    events = _coder(nlp, True)("Vladimir Putin met Emmanuel Macron in Paris on Monday.")
    assert events and events[0].rules[0] == "trigger/CONSULT:verb:meet"


def test_the_setting_turns_the_patterns_off(nlp):
    assert load_lexicon(cameo=False).cameo is None
    events = _coder(nlp, False)("The United States filed a complaint against Iran at the WTO.")
    assert not any(r.startswith("trigger/cameo:") for e in events for r in e.rules)


def test_an_imported_pattern_needs_two_sides(nlp):
    # "signed two laws": CAMEO's 'sign' codes an agreement, but there is no counterpart.
    events = _coder(nlp, True)("President Lula signed two laws on Tuesday.")
    assert not any(r.startswith("trigger/cameo:") for e in events for r in e.rules)


def test_an_imported_pattern_is_not_coded_between_one_state_and_itself(nlp):
    events = _coder(nlp, True)("The Chilean mining company filed suit against Chile's "
                               "government in a Santiago court.")
    assert not any(r.startswith("trigger/cameo:") for e in events for r in e.rules)


def test_a_sport_phrase_keeps_the_patterns_out_of_the_sentence(nlp):
    cameo = load_cameo()
    plain = next(nlp("Turkish police shot two Syrian smugglers.").sents)
    sport = next(nlp("Turkish police shot two Syrian smugglers before the third round.").sents)
    assert cameo_triggers(plain, cameo, []) and cameo_triggers(sport, cameo, []) == []


def _scanned_best(token, verbs):
    """The full scan the ranked search replaced: every pattern of every verb, in order,
    a more specific match replacing the best so far, the default where none matched."""
    from diplograph.coding.cameo import _has_rest, _VerbParts

    best, best_specificity, parts = None, 0, _VerbParts(token)
    for verb in verbs:
        if verb.rest and not _has_rest(token, verb.rest):
            continue
        for pattern in verb.patterns:
            if pattern.specificity > best_specificity and parts.matches(pattern):
                best, best_specificity = (verb, pattern), pattern.specificity
        if best is None and verb.default is not None:
            best, best_specificity = (verb, verb.default), verb.default.specificity
    return best


def test_the_ranked_search_picks_what_the_full_scan_picks(nlp):
    from diplograph.coding.cameo import _best_match
    from diplograph.coding.triggers import verb_forms

    cameo = load_cameo()
    text = ("The United States filed a complaint against Iran at the WTO. "
            "Two Russian soldiers were shot by Ukrainian police. "
            "Rebels gunned down a convoy of aid workers near the border. "
            "The minister returned to Freetown and returned the weapons to the UN. "
            "Kenya sent troops to Somalia and sent a letter to the council. "
            "France accused Mali of harbouring militants and called for talks with the junta. "
            "The army fired missiles at the village while the president pledged aid to Chad.")
    tried = 0
    for token in nlp(text):
        verbs = next((cameo.verbs[f] for f in verb_forms(token) if f in cameo.verbs), None)
        if token.pos_ in {"VERB", "AUX"} and verbs is not None:
            tried += 1
            assert _best_match(token, verbs) == _scanned_best(token, verbs), token.text
    assert tried >= 10


def test_the_phrase_trie_matches_where_the_alternation_does():
    import re

    from diplograph.knowledge.cameo import phrase_trie

    phrases = [("champion", False), ("champions", False), ("cup", True), ("cup final", False),
               ("world cup", True), ("a.c. milan", False), ("f1", True), ("seed", True)]
    plain = re.compile(r"\b(?:" + "|".join(re.escape(p) + (r"\b" if whole else "")
                                            for p, whole in phrases) + ")")
    trie = re.compile(r"\b" + phrase_trie(phrases))
    texts = ["the championship opens", "she is a champion.", "the cupboard was bare",
             "the cup final", "a world cup bid", "world cups", "a.c. milan won", "the f1 race",
             "the f15 jet", "seeded third", "the top seed", "talks on trade", "cupid", ""]
    for text in texts:
        assert bool(trie.search(text)) == bool(plain.search(text)), text
    assert sum(bool(trie.search(t)) for t in texts) == 7


def test_the_object_index_skips_only_patterns_the_verb_cannot_match(nlp):
    from diplograph.coding.cameo import _best_match, _tried, _VerbParts
    from diplograph.coding.triggers import verb_forms

    cameo = load_cameo()
    text = ("Police arrested two protesters and seized their banners in the square. "
            "The envoy signed an agreement with Ghana and set a deadline for the talks. "
            "Troops opened fire on the crowd after the rebels attacked a checkpoint. "
            "The ministry recalled its ambassador and expelled three diplomats.")
    tried = skipped = 0
    for token in nlp(text):
        verbs = next((cameo.verbs[f] for f in verb_forms(token) if f in cameo.verbs), None)
        if token.pos_ not in {"VERB", "AUX"} or verbs is None:
            continue
        parts = _VerbParts(token)
        for verb in verbs:
            at = list(_tried(verb, parts))
            assert at == sorted(set(at)), token.text
            left_out = set(range(len(verb.ranked))) - set(at)
            assert not any(parts.matches(verb.ranked[i][1]) for i in left_out), token.text
            skipped += len(left_out)
        tried += 1
        assert _best_match(token, verbs) == _scanned_best(token, verbs), token.text
    assert tried >= 8 and skipped > 0
