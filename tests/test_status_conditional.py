"""The conditional "would" (SPEC §4 ``status``): "would" in the consequent of a condition
("would meet Y IF ...", "UNLESS ...", "HAD X done ..., Y would have ..."), a counterfactual
"would have", and a "would" in the article's own voice under no report ("Britain WOULD be
critical of any strike") say what may happen: ``hypothetical``. A reported future ("Russia
SAID it would hold talks next week", the future of "will" told in the past) is ``planned``
like "will"; a habitual or narrative past ("would OFTEN meet", "would LATER sign") happened;
a "would like to" is an intent; a negated "would" negates the act. Sentences of our own
(real states and leaders), labelled before the code ran; a third of them (the sha256 of the
text, modulo 3, is 0) is held out: no rule was chosen by reading them."""

from __future__ import annotations

import hashlib

import pytest
import test_status

read = test_status.read  # a fixture: the reading of one word of a sentence

CASES = [
    # the consequent of a condition: if, unless, provided, an inverted "had" / "were"
    ("Germany would send tanks to Ukraine if the United States did the same.", "send",
     "hypothetical"),
    ("Turkey would approve Sweden's membership of NATO unless Stockholm refused to extradite "
     "the suspects.", "approve", "hypothetical"),
    ("Putin would meet Zelensky if Kyiv accepted his terms.", "meet", "hypothetical"),
    ("Beijing would impose sanctions on Taipei if the island declared independence.", "impose",
     "hypothetical"),
    ("Iran would resume talks with the IAEA provided that sanctions were lifted.", "resume",
     "hypothetical"),
    ("Israel would withdraw its troops from Gaza if Hamas released the hostages.", "withdraw",
     "hypothetical"),
    ("Had Macron visited Algiers, he would have met Tebboune.", "met", "hypothetical"),
    ("Were Russia to attack a NATO member, the alliance would defend it.", "defend",
     "hypothetical"),
    # a reported conditional is still conditional
    ("Biden said the United States would defend Taiwan if China attacked the island.", "defend",
     "hypothetical"),
    ("Erdogan said Turkey would block Finland's bid unless Helsinki changed its policy.", "block",
     "hypothetical"),
    ("The Kremlin said Putin would talk to Zelensky only if Kyiv withdrew its troops.", "talk",
     "hypothetical"),
    # a counterfactual "would have"
    ("Iran would have attacked Israel without American pressure.", "attacked", "hypothetical"),
    ("Officials said Iran would have struck Israel if Washington had not intervened.", "struck",
     "hypothetical"),
    ("Without the ceasefire, Russia would have captured Kharkiv.", "captured", "hypothetical"),
    # "would" in the article's own voice, under no report: hedged, an implicit condition
    ("Britain would be critical of any Israeli strike on Iran.", "critical", "hypothetical"),
    ("A Chinese blockade of Taiwan would trigger Western sanctions.", "trigger", "hypothetical"),
    ("Japan would welcome a summit with South Korea.", "welcome", "hypothetical"),
    ("In that case, France would recall its ambassador from Algeria.", "recall", "hypothetical"),
    ("Such a deal would allow Ukraine to join NATO.", "join", "hypothetical"),
    ("An Israeli strike on Iran's nuclear sites would provoke retaliation from Tehran.",
     "provoke", "hypothetical"),
    # a reported future: the future of "will" told in the past
    ("Russia said it would hold talks with Ukraine in Istanbul next week.", "hold", "planned"),
    ("The Foreign Office said Britain would expel two Russian diplomats.", "expel", "planned"),
    ("Erdogan announced that Turkey would send troops to Libya.", "send", "planned"),
    ("Macron told reporters he would visit Beijing in April.", "visit", "planned"),
    ("Officials said Blinken would meet Wang Yi in Beijing on Friday.", "meet", "planned"),
    ("The White House said Biden would travel to Kyiv next month.", "travel", "planned"),
    # "will"
    ("Macron will visit Beijing in April.", "visit", "planned"),
    ("Blinken will meet Wang Yi on Friday.", "meet", "planned"),
    ("Germany will send more tanks to Ukraine, Scholz said.", "send", "planned"),
    # a habitual or narrative past "would": it happened
    ("During the Cold War, Soviet leaders would often meet American presidents in Geneva.",
     "meet", "asserted"),
    ("In the 1990s, Yeltsin would regularly call Clinton.", "call", "asserted"),
    ("Sadat would later sign a peace treaty with Israel.", "sign", "asserted"),
    # "would like to": an intent
    ("Japan would like to hold talks with North Korea.", "hold", "planned"),
    ("Zelensky said he would like to meet Putin.", "meet", "planned"),
    # a negated "would": the act is negated
    ("Germany would not send soldiers to Ukraine.", "send", "negated"),
    ("Hungary would never veto the sanctions.", "veto", "negated"),
]


def held_out(text: str) -> bool:
    """A third of the cases, kept apart from the choice of the rule."""
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 3 == 0


TUNE = [c for c in CASES if not held_out(c[0])]
HELD_OUT = [c for c in CASES if held_out(c[0])]


@pytest.mark.parametrize("text, word, status", TUNE)
def test_tune(read, text, word, status):
    test_status.assert_status(read, text, word, status)


@pytest.mark.parametrize("text, word, status", HELD_OUT)
def test_held_out(read, text, word, status):
    test_status.assert_status(read, text, word, status)
