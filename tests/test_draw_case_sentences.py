"""The reproducible draws behind tests/data/real/coding_cases_drawn.yaml,
coding_cases_drawn27.yaml and coding_cases_drawn28.yaml (scripts/draw_case_sentences.py):
sentence splitting on a text of our own, and the case files holding only drawn sentences,
with the split the hash rule gives."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import draw_case_sentences as draw  # noqa: E402

CASES = REPO / "tests" / "data" / "real" / draw.DRAWN_FILE
SECOND_DRAW = "coding_cases_drawn27.yaml"  # --seed 2727 --into coding_cases_drawn27.yaml
THIRD_DRAW = "coding_cases_drawn28.yaml"  # --seed 2828 --into coding_cases_drawn28.yaml


def test_sentences_split_at_stops_and_keep_middle_lengths():
    text = ("The minister arrived in Oslo on Monday for two days of talks with her Norwegian "
            "counterpart. Short one. \"We will sign the fisheries accord next week,\" she told "
            "reporters outside the foreign ministry building in the city centre.")
    assert draw.sentences(text) == [
        "The minister arrived in Oslo on Monday for two days of talks with her Norwegian "
        "counterpart.",
        "\"We will sign the fisheries accord next week,\" she told reporters outside the "
        "foreign ministry building in the city centre.",
    ]


def test_the_drawn_file_is_not_excluded_from_its_own_draw():
    texts = draw.known_texts()
    drawn = {case["text"] for case in yaml.safe_load(CASES.read_text(encoding="utf-8"))}
    assert texts and not texts & drawn


def test_a_later_draw_excludes_the_first_drawn_file_but_not_its_own():
    texts = draw.known_texts(SECOND_DRAW)
    first = {case["text"] for case in yaml.safe_load(CASES.read_text(encoding="utf-8"))}
    second = {case["text"] for case in
              yaml.safe_load((CASES.parent / SECOND_DRAW).read_text(encoding="utf-8"))}
    assert first <= texts and not texts & second


@pytest.mark.parametrize("name", [draw.DRAWN_FILE, SECOND_DRAW, THIRD_DRAW])
def test_drawn_cases_carry_the_hash_split(name):
    for case in yaml.safe_load((CASES.parent / name).read_text(encoding="utf-8")):
        digest = int(hashlib.sha256(case["text"].encode("utf-8")).hexdigest(), 16)
        assert case["split"] == ("heldout" if digest % 3 == 0 else "tune"), case["drawn"]
