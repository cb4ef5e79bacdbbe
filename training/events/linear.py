"""One-vs-rest logistic regression on sentence features, with C and class weights chosen on dev.

The fitted model is just a weight matrix W (types x dims) and a bias b, so that
p(type | sentence) = sigmoid(W . x + b); nothing from scikit-learn is needed to apply it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from .metrics import micro_f1, tune_thresholds

logger = logging.getLogger(__name__)
GRID_C = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
GRID_WEIGHT = (None, "balanced")


@dataclass(frozen=True, slots=True)
class LinearModel:
    """sigmoid(X @ w.T + b), with per-type decision thresholds."""

    w: np.ndarray
    b: np.ndarray
    thresholds: np.ndarray
    c: float
    class_weight: str | None

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Per-type probabilities of each row of x."""
        return 1.0 / (1.0 + np.exp(-(x @ self.w.T + self.b)))


def _sample_weights(y: np.ndarray, class_weight: str | None) -> np.ndarray:
    """Per-(sentence, type) weights; 'balanced' as in scikit-learn (n / (2 * class count))."""
    if class_weight is None:
        return np.ones(y.shape, dtype=np.float64)
    n = y.shape[0]
    pos = np.maximum(y.sum(0), 1)
    neg = np.maximum(n - y.sum(0), 1)
    return np.where(y == 1, n / (2 * pos), n / (2 * neg))


def fit_ovr(x: np.ndarray, y: np.ndarray, c: float, class_weight: str | None
            ) -> tuple[np.ndarray, np.ndarray]:
    """All types' binary logistic regressions in one L-BFGS run; returns (W, b).

    Minimises C * sum(weighted log-loss) + 0.5 * ||W||^2 (bias not penalised), the objective
    of scikit-learn's LogisticRegression, for the 16 independent problems at once.
    """
    from scipy.optimize import minimize

    x = x.astype(np.float64)
    yf = y.astype(np.float64)
    sw = _sample_weights(y, class_weight)
    d, k = x.shape[1], y.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: d * k].reshape(k, d), theta[d * k:]
        z = x @ w.T + b
        # log(1 + e^z) - y z, computed stably.
        ll = np.logaddexp(0.0, z) - yf * z
        g = sw * (1.0 / (1.0 + np.exp(-z)) - yf)
        grad_w = c * (g.T @ x) + w
        value = c * float((sw * ll).sum()) + 0.5 * float((w * w).sum())
        return value, np.concatenate([grad_w.ravel(), c * g.sum(0)])

    res = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                   options={"maxiter": 5000})
    w, b = res.x[: d * k].reshape(k, d), res.x[d * k:]
    return w.astype(np.float32), b.astype(np.float32)


def select(x_train: np.ndarray, y_train: np.ndarray, x_dev: np.ndarray, y_dev: np.ndarray
           ) -> tuple[LinearModel, list[dict]]:
    """Grid over C and class weights; the best dev micro-F1 (thresholds tuned on dev) wins."""
    best: LinearModel | None = None
    best_f, trials = -1.0, []
    for c in GRID_C:
        for cw in GRID_WEIGHT:
            w, b = fit_ovr(x_train, y_train, c, cw)
            probe = LinearModel(w, b, np.full(y_dev.shape[1], 0.5), c, cw)
            s = probe.scores(x_dev)
            th = tune_thresholds(y_dev, s)
            f = micro_f1(y_dev, s >= th)
            trials.append({"C": c, "class_weight": cw, "dev_micro_f1": round(f, 4)})
            logger.info("LR C=%s class_weight=%s dev micro-F1 %.3f", c, cw, f)
            if f > best_f:
                best_f, best = f, LinearModel(w, b, th, c, cw)
    assert best is not None
    return best, trials
