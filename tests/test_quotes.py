"""Tests for diplograph.coding.quotes: direct and indirect attribution, kinds, robustness.

Every sentence here is written for the tests (no corpus text).
"""

from __future__ import annotations

import pytest

from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import (
    Attribution,
    attribution_for,
    find_attributions,
    load_lexicon,
    speaker_text,
    to_quote,
)
from diplograph.records import ActorRef, Quote


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _atts(nlp, text):
    doc = nlp(text)
    return doc, find_attributions(doc)


def _find(doc, atts, content_part):
    """The attribution whose content contains content_part (exactly one expected)."""
    hits = [a for a in atts if content_part in doc.text[a.content_start : a.content_end]]
    assert hits, f"no attribution covers {content_part!r}: {_show(doc, atts)}"
    return min(hits, key=lambda a: a.content_end - a.content_start)


def _show(doc, atts):
    return [
        (speaker_text(doc, a), a.cue, doc.text[a.content_start : a.content_end], a.kind)
        for a in atts
    ]


# (text, content part, speaker or None, cue lemma, direct, kind)
CASES = [
    # direct quotes, cue after
    ("“We will not back down,” Carney said.", "We will not back down", "Carney", "say", True,
     "say"),
    ('"Sanctions will stay in place," the minister said on Tuesday.',
     "Sanctions will stay in place", "the minister", "say", True, "say"),
    ("“The talks were constructive,” said the Foreign Ministry spokeswoman.",
     "The talks were constructive", "the Foreign Ministry spokeswoman", "say", True, "say"),
    ("“We are ready to talk,” the ministry said in a statement.",
     "We are ready to talk", "the ministry", "say", True, "say"),
    ("“There will be consequences,” Ms. Varga warned.",
     "There will be consequences", "Ms. Varga", "warn", True, "say"),
    ("“The border is closed,” the general told reporters in Kyiv.",
     "The border is closed", "the general", "tell", True, "say"),
    # direct quotes, cue before
    ("Carney said: “We are ready for any outcome.”", "We are ready for any outcome",
     "Carney", "say", True, "say"),
    ("The envoy told Reuters, \"Nothing has been decided yet.\"", "Nothing has been decided yet",
     "The envoy", "tell", True, "say"),
    # indirect reports
    ("Carney told reporters that Canada would respond to the tariffs.",
     "Canada would respond", "Carney", "tell", False, "say"),
    ("The talks were productive, the Kremlin said on Tuesday.", "The talks were productive",
     "the Kremlin", "say", False, "say"),
    ("The Russian Defence Ministry said in its readout that the two ministers spoke by phone.",
     "the two ministers spoke by phone", "The Russian Defence Ministry", "say", False, "say"),
    ("The president's readout stated that both leaders condemned the attack.",
     "both leaders condemned the attack", "The president's readout", "state", False, "say"),
    ("Macron's office said in a statement on Friday that the leaders discussed energy.",
     "the leaders discussed energy", "Macron's office", "say", False, "say"),
    ("Lavrov said the meeting was useful, adding that talks would resume in May.",
     "talks would resume in May", "Lavrov", "add", False, "say"),
    ("It was announced that the summit would take place in Oslo.",
     "the summit would take place in Oslo", None, "announce", False, "say"),
    ("The prime minister announced new sanctions against the regime.",
     "new sanctions against the regime", "The prime minister", "announce", False, "say"),
    ("Officials accused the rebels of shelling the town, and claimed that civilians had died.",
     "civilians had died", "Officials", "claim", False, "say"),
    ("Russia accused Ukraine of shelling the nuclear plant.",
     "Ukraine of shelling the nuclear plant", "Russia", "accuse", False, "say"),
    ("The president urged Moscow to withdraw its troops.", "Moscow to withdraw its troops",
     "The president", "urge", False, "say"),
    ('"I\'m not going to resign," said retired general Ana Ruiz, asked about the report.',
     "I'm not going to resign", "retired general Ana Ruiz", "say", True, "say"),
    # according to
    ("According to a statement from the Prime Minister's Office, Carney spoke with the "
     "Ukrainian president.", "Carney spoke with the Ukrainian president",
     "a statement from the Prime Minister's Office", "according to", False, "according_to"),
    ("The two leaders met in Geneva, according to the White House.",
     "The two leaders met in Geneva", "the White House", "according to", False, "according_to"),
    # denials
    ("Moscow denied that its troops had crossed the border.", "its troops had crossed the border",
     "Moscow", "deny", False, "deny"),
    ("The ministry rejected claims that it had shelled the city.", "it had shelled the city",
     "The ministry", "reject", False, "deny"),
    ("“We did not send any soldiers,” the spokesman denied.", "We did not send any soldiers",
     "the spokesman", "deny", True, "deny"),
    # confirmations
    ("The embassy confirmed that the ambassador had been summoned.",
     "the ambassador had been summoned", "The embassy", "confirm", False, "confirm"),
    # unconfirmed
    ("The Kremlin neither confirmed nor denied the report of a secret meeting.",
     "the report of a secret meeting", "The Kremlin", "deny", False, "unconfirmed"),
    ("Peskov declined to confirm the meeting with the envoy.", "the meeting with the envoy",
     "Peskov", "confirm", False, "unconfirmed"),
    ("The ministry did not confirm that the talks had taken place.",
     "the talks had taken place", "The ministry", "confirm", False, "unconfirmed"),
]


@pytest.mark.parametrize(("text", "part", "speaker", "cue", "direct", "kind"), CASES)
def test_attribution_patterns(nlp, text, part, speaker, cue, direct, kind):
    doc, atts = _atts(nlp, text)
    att = _find(doc, atts, part)
    assert speaker_text(doc, att) == speaker
    assert att.cue == cue
    assert att.direct is direct
    assert att.kind == kind


def test_direct_content_excludes_marks(nlp):
    doc, atts = _atts(nlp, "“We will win,” she said.")
    (att,) = [a for a in atts if a.direct]
    assert doc.text[att.content_start : att.content_end] == "We will win"
    assert doc.text[att.cue_start : att.cue_end] == "said"


def test_multi_sentence_quote_is_one_span(nlp):
    doc, atts = _atts(nlp, "The minister said: “We are ready. We have always been ready.”")
    att = _find(doc, atts, "We have always been ready")
    assert doc.text[att.content_start : att.content_end].startswith("We are ready.")
    assert speaker_text(doc, att) == "The minister"


def test_following_fragment_inherits_speaker(nlp):
    text = "“We will not back down,” Carney said. “We have always defended our workers.”"
    doc, atts = _atts(nlp, text)
    second = _find(doc, atts, "We have always defended our workers")
    assert second.direct and speaker_text(doc, second) == "Carney"


def test_quote_with_speaker_in_next_paragraph(nlp):
    text = ("The minister was defiant.\n"
            "“We will not be intimidated by anyone in this matter.”\n"
            "“Nor will our allies,” she told Reuters.")
    doc, atts = _atts(nlp, text)
    first = _find(doc, atts, "We will not be intimidated")
    assert speaker_text(doc, first) == "she" and first.cue == "tell"


def test_speaker_in_previous_sentence(nlp):
    text = "Carney spoke to reporters on Tuesday. “We will not be intimidated by anyone.”"
    doc, atts = _atts(nlp, text)
    att = _find(doc, atts, "We will not be intimidated")
    assert att.direct and speaker_text(doc, att) == "Carney" and att.cue == "speak"


def test_colon_cue_before_paragraph_break(nlp):
    text = "The foreign minister told reporters in Ottawa:\n“Our position has not changed.”"
    doc, atts = _atts(nlp, text)
    att = _find(doc, atts, "Our position has not changed")
    assert att.direct and speaker_text(doc, att) == "The foreign minister"


def test_readout_of_the_call(nlp):
    text = "In a readout of the call, the White House said the leaders discussed the ceasefire."
    doc, atts = _atts(nlp, text)
    att = _find(doc, atts, "the leaders discussed the ceasefire")
    assert speaker_text(doc, att) == "the White House" and not att.direct


def test_contrast_clause_is_the_narrator(nlp):
    text = "The envoy says the talks were useful, but for the opposition it is a stalling tactic."
    doc, atts = _atts(nlp, text)
    att = _find(doc, atts, "the talks were useful")
    assert "opposition" not in doc.text[att.content_start : att.content_end]


def test_scare_quotes_are_not_attributions(nlp):
    doc, atts = _atts(nlp, "The so-called “peace plan” was published on Monday.")
    assert atts == []


def test_partial_quote_belongs_to_the_indirect_report(nlp):
    doc, atts = _atts(nlp, "He called the plan “a disaster” and said it would fail.")
    att = _find(doc, atts, "it would fail")
    assert not att.direct and speaker_text(doc, att) == "He"
    assert not any(doc.text[a.content_start : a.content_end] == "a disaster" for a in atts)


def test_stray_quote_does_not_swallow_the_article(nlp):
    text = ("The summit opened on Monday with a “historic handshake.\n\n"
            + "Ministers met in the afternoon and discussed trade.\n\n" * 5
            + "“We are satisfied,” the host said.")
    doc, atts = _atts(nlp, text)
    longest = max(a.content_end - a.content_start for a in atts)
    assert longest < 60
    assert _find(doc, atts, "We are satisfied").direct


def test_straight_and_curly_quotes_agree(nlp):
    curly_doc, curly = _atts(nlp, "“The deal is off,” the envoy said.")
    straight_doc, straight = _atts(nlp, '"The deal is off," the envoy said.')
    curly_speakers = [speaker_text(curly_doc, a) for a in curly]
    assert curly_speakers == [speaker_text(straight_doc, a) for a in straight]
    assert curly[0].direct and straight[0].direct


def test_nested_quote_stays_inside_outer_quote(nlp):
    text = "“They told us ‘never again’ and then attacked,” the mayor said."
    doc, atts = _atts(nlp, text)
    outer = _find(doc, atts, "never again")
    assert speaker_text(doc, outer) == "the mayor"
    assert doc.text[outer.content_start : outer.content_end].startswith("They told us")


def test_attribution_for_picks_innermost(nlp):
    text = "The spokesman said that Lavrov claimed that Kyiv had attacked the plant."
    doc, atts = _atts(nlp, text)
    trigger = next(t for t in doc if t.text == "attacked")
    att = attribution_for(doc, atts, trigger)
    assert att is not None and att.cue == "claim"
    outside = next(t for t in doc if t.text == "spokesman")
    assert attribution_for(doc, atts, outside) is None


def test_attribution_for_none_in_narrative(nlp):
    doc, atts = _atts(nlp, "Troops crossed the border at dawn. “It is over,” he said.")
    trigger = next(t for t in doc if t.text == "crossed")
    assert attribution_for(doc, atts, trigger) is None


def test_to_quote(nlp):
    doc, atts = _atts(nlp, "“We are ready,” Carney said.")
    speaker = ActorRef(name="Mark Carney", country="CAN", text="Carney")
    quote = to_quote(doc, atts[0], speaker)
    assert isinstance(quote, Quote)
    assert quote.text == "We are ready" == doc.text[quote.start : quote.end]
    assert quote.speaker == speaker and quote.cue == "say"


def test_lexicon_classes():
    lex = load_lexicon()
    assert lex.cue_class("say") == "report"
    assert lex.cue_class("warn") == "speech_act"
    assert lex.cue_class("deny") == "deny"
    assert lex.cue_class("confirm") == "confirm"
    assert lex.cue_class("eat") is None


def test_empty_and_quote_only_text(nlp):
    assert find_attributions(nlp("")) == []
    assert find_attributions(nlp("“")) == []
    assert find_attributions(nlp('""')) == []


def test_attribution_is_frozen():
    att = Attribution(source_start=-1, source_end=-1, cue_start=0, cue_end=4, cue="say",
                      content_start=5, content_end=9, direct=False, kind="say")
    with pytest.raises(AttributeError):
        att.kind = "deny"  # type: ignore[misc]
    assert not att.has_source
