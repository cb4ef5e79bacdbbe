"""The detector the confidence fit sees (benchmarks/oof_detector.py), issue #17, stop 19:
out-of-fold probabilities for the campaign's sentences, the shipped model's for other text.

Every sentence here is written for these tests (no news text is copied).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the campaign scripts live in training/, outside src/
sys.path.insert(0, str(ROOT / "benchmarks"))

from oof_detector import OutOfFoldDetector  # noqa: E402

from diplograph.coding.detector import EventDetector  # noqa: E402
from training.events.labels import TYPES  # noqa: E402

CAMPAIGN = "The ministers of the two coastal states signed a fishing accord in the harbour town."


@pytest.fixture(scope="module")
def detector() -> OutOfFoldDetector:
    held = dict.fromkeys(TYPES, 0.01) | {"AGREE": 0.42}
    return OutOfFoldDetector(EventDetector.load(), {CAMPAIGN: held})


def test_a_campaign_sentence_gets_its_out_of_fold_probability(detector):
    (probs,) = detector.predict(["The ministers of the two coastal states  signed a fishing "
                                 "accord in the harbour town."])
    assert probs["AGREE"] == 0.42
    assert detector.answered["out_of_fold"] >= 1


def test_a_piece_of_a_campaign_sentence_gets_the_whole_sentence_probability(detector):
    (probs,) = detector.predict(["signed a fishing accord in the harbour town."])
    assert probs["AGREE"] == 0.42
    assert detector.answered["out_of_fold_piece"] >= 1


def test_other_text_gets_the_shipped_model_probability(detector):
    text = "Rebels shelled the northern garrison overnight, the army said."
    (probs,) = detector.predict([text])
    assert probs == detector.detector.predict([text])[0]
    short = "signed a fishing accord"  # too short to be placed inside a campaign sentence
    assert detector.predict([short])[0] == detector.detector.predict([short])[0]
    assert detector.thresholds == detector.detector.thresholds
