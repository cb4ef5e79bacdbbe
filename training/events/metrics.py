"""Multi-label metrics and threshold tuning (dev only).

Micro-F1 counts (sentence, type) pairs over the 16 types, so a sentence with no event
contributes only through false positives. Per-type thresholds are tuned on dev where the type
has at least MIN_DEV_POSITIVES positives there; rarer types use the single threshold that
maximises dev micro-F1 (a per-type threshold fitted on three examples is noise).
"""

from __future__ import annotations

import numpy as np

from .labels import TYPES

GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)
MIN_DEV_POSITIVES = 8


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def counts(y: np.ndarray, pred: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-type true positives, false positives and false negatives."""
    y, pred = y.astype(bool), pred.astype(bool)
    return (y & pred).sum(0), (~y & pred).sum(0), (y & ~pred).sum(0)


def micro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    """Micro-F1 over all (sentence, type) pairs."""
    tp, fp, fn = counts(y, pred)
    return prf(int(tp.sum()), int(fp.sum()), int(fn.sum()))[2]


def report(y: np.ndarray, pred: np.ndarray) -> dict:
    """Micro P/R/F1, any-event P/R/F1, no-event accuracy and per-type P/R/F1/support."""
    tp, fp, fn = counts(y, pred)
    micro = prf(int(tp.sum()), int(fp.sum()), int(fn.sum()))
    gold_any, pred_any = y.any(1), pred.any(1)
    any_ev = prf(int((gold_any & pred_any).sum()), int((~gold_any & pred_any).sum()),
                 int((gold_any & ~pred_any).sum()))
    none = ~gold_any
    per_type = {t: dict(zip(("p", "r", "f1"), prf(int(tp[j]), int(fp[j]), int(fn[j]))),
                        support=int(y[:, j].sum()), predicted=int(pred[:, j].sum()))
                for j, t in enumerate(TYPES)}
    return {"micro": dict(zip(("p", "r", "f1"), micro)),
            "any_event": dict(zip(("p", "r", "f1"), any_ev)),
            "no_event_correct": float((~pred_any[none]).mean()) if none.any() else 0.0,
            "per_type": per_type}


def best_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    """The grid threshold with the best F1 for one type (ties: the higher threshold)."""
    best_t, best_f = 0.5, -1.0
    for t in GRID:
        tp, fp, fn = counts(y[:, None], (scores >= t)[:, None])
        f = prf(int(tp[0]), int(fp[0]), int(fn[0]))[2]
        if f >= best_f:
            best_t, best_f = float(t), f
    return best_t


def global_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    """The single grid threshold with the best micro-F1."""
    fs = [micro_f1(y, scores >= t) for t in GRID]
    return float(GRID[int(np.argmax(fs))])


def tune_thresholds(y: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Per-type thresholds from dev scores (global threshold for rare types)."""
    glob = global_threshold(y, scores)
    out = np.full(len(TYPES), glob)
    for j in range(len(TYPES)):
        if y[:, j].sum() >= MIN_DEV_POSITIVES:
            out[j] = best_threshold(y[:, j], scores[:, j])
    return out
