"""The confidence model (coding/confidence.py) and its fit (benchmarks/confidence_fit.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from diplograph.coding import confidence
from diplograph.knowledge.yamldata import load_yaml
from diplograph.records import ActorRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import campaign_events  # noqa: E402
import confidence_fit  # noqa: E402

MODEL = ROOT / "src" / "diplograph" / "data" / "lexicon" / "confidence.yaml"
FRANCE = ActorRef(name="France", country="FRA", kind="state")
MALI = ActorRef(name="Mali", country="MLI", kind="state")


def _shipped() -> dict:
    return load_yaml(MODEL.read_text(encoding="utf-8"))


def test_the_shipped_models_weigh_exactly_the_coders_features():
    data = _shipped()
    assert tuple(data["weights"]) == confidence.FEATURES
    detector = data["with_detector"]["weights"]
    assert tuple(detector) == confidence.FEATURES + confidence.DETECTOR_FEATURES


def _values(kind: str, target: ActorRef | None) -> dict[str, float]:
    return confidence.features(kind=kind, source=FRANCE, target=target, specificity=1,
                               noun_trigger=False, sentence_tokens=20, status="asserted",
                               folded=False)


def test_only_kinds_that_need_no_target_count_as_untargeted():
    assert set(_values("ACCUSE", MALI)) == set(confidence.FEATURES)
    assert _values("RETREAT", None)["untargeted_kind"] == 1.0
    assert _values("ACCUSE", None)["untargeted_kind"] == 0.0
    assert _values("RETREAT", MALI)["untargeted_kind"] == 0.0


def _rows(pairs: list[tuple[float, int]], group: str = "d") -> list[dict]:
    return [{"x": {"f": f}, "y": y, "group": f"{group}{i // 3}", "set": "s"}
            for i, (f, y) in enumerate(pairs)]


# A feature that is right three times in four when on and once in four when off.
SEPARATING = [(1.0, 1)] * 30 + [(1.0, 0)] * 10 + [(0.0, 1)] * 10 + [(0.0, 0)] * 30


def test_the_fit_learns_the_sign_and_the_penalty_shrinks_it():
    _, loose = confidence_fit.fit(_rows(SEPARATING), ("f",), l2=0.01)
    _, tight = confidence_fit.fit(_rows(SEPARATING), ("f",), l2=100.0)
    assert loose["f"] > tight["f"] > 0
    # unpenalised, the fit gives back the odds ratio of the table: log(3) - log(1/3)
    assert abs(loose["f"] - 2 * np.log(3)) < 0.01


def test_a_heavier_set_pulls_the_fit_its_way():
    rows = _rows(SEPARATING) + [{**r, "set": "other"} for r in _rows([(1.0, 0)] * 40, "o")]
    _, even = confidence_fit.fit(rows, ("f",), l2=0.01)
    heavy = confidence_fit.set_weights(rows, {"other": 3.0})
    _, pulled = confidence_fit.fit(rows, ("f",), l2=0.01, weights=heavy)
    assert pulled["f"] < even["f"]


def test_cross_validation_never_splits_a_document():
    rows = _rows(SEPARATING)
    folds = {}
    for row in rows:
        folds.setdefault(row["group"], set()).add(confidence_fit.fold_of(row["group"], 5))
    assert all(len(seen) == 1 for seen in folds.values())
    p = confidence_fit.cross_validate(rows, ("f",), 1.0, {}, folds=5)
    y = np.array([r["y"] for r in rows], dtype=float)
    assert confidence_fit.log_loss(p, y) < confidence_fit.log_loss(np.full(len(y), 0.5), y)


def test_the_campaigns_test_split_is_never_fitted_on():
    with pytest.raises(ValueError, match="never fitted"):
        campaign_events.labelled_sentences(ROOT.parent / "shared", ("train", "test"))


def test_a_campaign_sentence_is_grouped_by_its_document():
    sentence = campaign_events.LabelledSentence("bbc:bbc-train-0007:12", "train",
                                                "Iran rejected the offer.", frozenset({"REJECT"}))
    assert sentence.document == "bbc:bbc-train-0007"
