"""Monotone calibrations of the factuality score, fitted out of fold (issue #21, stop 19).

A regression fitted to the mean (or the median) shrinks its scores towards the mean of the
gold: the rare ends (not happened, <= -1) and the middle (uncertain) are under-read, which
lowers their recall when the 3-way class is read off the score's band. A monotone map of
the held-out scores can undo part of that without touching their order:

- ``stretch xT``: the scores moved away from the mean of the gold by a factor T
  (s' = m + T (s - m)); a linear map, so Pearson's r is unchanged;
- ``least squares``: the line of the gold on the score (its slope is 1 / the shrinkage);
- ``isotonic``: the isotonic regression of the gold on the score (pool adjacent
  violators), applied by linear interpolation between its steps (numpy alone would run
  it: a table of knots).

Each is fitted, for each fold of ``factuality_cv.py``, on the other folds' held-out scores
and applied to this fold's (nested: no predicate's own gold shapes its calibration). The
calibrated score keeps the correction's limits (``factuality_cv.limit_all``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Calibration = Callable[[np.ndarray], np.ndarray]
STRETCHES = (1.1, 1.2, 1.3)


def isotonic(x: np.ndarray, y: np.ndarray) -> Calibration:
    """The non-decreasing step function of ``y`` on ``x`` closest in squared error (pool
    adjacent violators): flat across each pooled block, linear between blocks."""
    order = np.argsort(x, kind="stable")
    blocks: list[list[float]] = []  # [mean, weight, first x, last x]
    for xi, yi in zip(x[order], y[order], strict=True):
        blocks.append([float(yi), 1.0, float(xi), float(xi)])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (m1, w1, first, _), (m2, w2, _, last) = blocks[-2], blocks.pop()
            blocks[-1] = [(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, first, last]
    knots_x = np.array([b[k] for b in blocks for k in (2, 3)])
    knots_y = np.array([b[0] for b in blocks for _ in (2, 3)])
    return lambda s: np.interp(s, knots_x, knots_y)


def least_squares(x: np.ndarray, y: np.ndarray) -> Calibration:
    slope, intercept = np.polyfit(x, y, 1)
    return lambda s: intercept + slope * s


def stretch(factor: float) -> Callable[[np.ndarray, np.ndarray], Calibration]:
    def fit(x: np.ndarray, y: np.ndarray) -> Calibration:
        centre = float(y.mean())
        return lambda s: centre + factor * (s - centre)
    return fit


FITTERS: dict[str, Callable[[np.ndarray, np.ndarray], Calibration]] = {
    **{f"stretch x{t}": stretch(t) for t in STRETCHES},
    "least squares": least_squares,
    "isotonic": isotonic,
}


def out_of_fold(scores: np.ndarray, gold: np.ndarray, folds: list[np.ndarray],
                fit: Callable[[np.ndarray, np.ndarray], Calibration]) -> np.ndarray:
    """Each fold's scores calibrated by a map fitted on the other folds' scores."""
    out = np.zeros_like(scores)
    for test in folds:
        rest = np.ones(len(scores), bool)
        rest[test] = False
        out[test] = fit(scores[rest], gold[rest])(scores[test])
    return np.clip(out, -3.0, 3.0)


def shrinkage(scores: np.ndarray, gold: np.ndarray) -> str:
    """The slope of the gold on the score (above 1: the scores are shrunk to the mean)
    and the two spreads."""
    slope = np.polyfit(scores, gold, 1)[0]
    return (f"slope of gold on held-out score {slope:.3f}; sd score {scores.std():.3f}, "
            f"sd gold {gold.std():.3f}")
