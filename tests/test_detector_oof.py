"""Out-of-fold probabilities and thresholds of the detector (training/events/oof.py),
issue #17, stop 19.

Every sentence and label here is written for these tests (no news text is copied).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the campaign scripts live in training/, outside src/

from training.events import oof  # noqa: E402
from training.events.labels import TYPES  # noqa: E402
from training.events.metrics import best_threshold, global_threshold  # noqa: E402


def test_a_document_never_straddles_folds():
    sids = [f"bbc:doc{d}:{i}" for d in range(40) for i in range(6)]
    folds = oof.folds_of(sids)
    by_doc: dict[str, set[int]] = {}
    for sid, fold in zip(sids, folds, strict=True):
        by_doc.setdefault(oof.document_of(sid), set()).add(int(fold))
    assert all(len(found) == 1 for found in by_doc.values())
    assert set(folds.tolist()) == set(range(oof.FOLDS))


def _scores_with_own_best(rng: np.random.Generator, n: int, positives: int) -> tuple:
    """Labels of one frequent and one rare type; the frequent type's positives score high,
    so its own best threshold differs from the shared one."""
    y = np.zeros((n, len(TYPES)), dtype=np.int8)
    y[:positives, 0] = 1
    y[:3, 1] = 1
    scores = rng.uniform(0.0, 0.3, size=y.shape)
    scores[:positives, 0] = rng.uniform(0.7, 0.9, size=positives)
    scores[:3, 1] = 0.95
    return y, scores


def test_a_rare_type_keeps_near_the_shared_threshold_a_frequent_one_gets_its_own():
    y, scores = _scores_with_own_best(np.random.default_rng(7), 2000, 900)
    shared = global_threshold(y, scores)
    th = oof.shrunk_thresholds(y, scores)
    # three positives: 3 / (3 + 100) of the way from the shared threshold to its own best
    assert abs(th[1] - shared) < 0.05
    # 900 positives: 90% of the way to its own best threshold
    own = best_threshold(y[:, 0], scores[:, 0])
    assert abs(th[0] - (0.9 * own + 0.1 * shared)) <= 0.011
    # a type with no positives takes the shared threshold
    assert th[5] == pytest.approx(shared, abs=0.005)


def test_out_of_fold_scores_come_from_models_that_never_saw_the_row():
    # Two documents that say the opposite with the same words: a model that saw a row
    # would score it as labelled; one fitted on the other fold scores it the other way.
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 4))
    y = np.zeros((40, len(TYPES)), dtype=np.int8)
    y[:20, 0] = (x[:20, 0] > 0)
    y[20:, 0] = (x[20:, 0] <= 0)
    folds = np.array([0] * 20 + [1] * 20)
    scores = oof.oof_scores(x, y, folds, c=10.0, class_weight=None)
    inverted = ((scores[:, 0] >= 0.5) != y[:, 0].astype(bool)).mean()
    assert inverted > 0.8


def test_probabilities_file_round_trips(tmp_path):
    sids = ["bbc:b:2", "aeb:a:1"]
    scores = np.tile(np.linspace(0, 1, len(TYPES)), (2, 1))
    scores[1] *= 0.5
    path = tmp_path / "oof.tsv"
    oof.write_probabilities(sids, scores, path)
    back = oof.read_probabilities(path)
    assert list(back) == ["aeb:a:1", "bbc:b:2"]  # sorted by sid
    assert back["bbc:b:2"]["ASSAULT"] == 1.0
    assert back["aeb:a:1"]["ASSAULT"] == 0.5
