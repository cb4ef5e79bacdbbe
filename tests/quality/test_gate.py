"""The quality gate in the test suite: coding must not fall below the pinned floors."""

import json
import sys
from pathlib import Path

import pytest
from needs import need

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gate  # noqa: E402


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(gate.BASELINE.read_text(encoding="utf-8"))


def test_coding_cases_hold_their_floors(baseline):
    figures = {"coding_cases": gate.case_figures()}
    assert gate.regressions(figures, baseline) == []


def test_plover_gold_holds_its_floors(baseline, warm_process):
    need(gate.SHARED_GOLD.exists(),
         f"{gate.SHARED_GOLD} is not there (the shared data sits beside the repo in CI)")
    figures = {"coding_cases": {k: 1.0 for k in ("case_accuracy", "event_recall")},
               "plover_gsr": gate.plover_figures()}
    assert gate.regressions(figures, baseline) == []
