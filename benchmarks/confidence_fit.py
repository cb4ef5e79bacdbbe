"""The numbers of the confidence fit: weighted logistic regression, grouped CV, scores.

Rows are dicts: ``x`` (feature name -> value), ``y`` (1 = right), ``group`` (the document:
rows of one document always fall in the same fold) and ``set`` (where the row comes from).
"""

from __future__ import annotations

import hashlib

import numpy as np

BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))


def matrix(rows: list[dict], features: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Feature matrix and labels of ``rows``."""
    x = np.array([[r["x"].get(f, 0.0) for f in features] for r in rows], dtype=float)
    return x.reshape(len(rows), len(features)), np.array([r["y"] for r in rows], dtype=float)


def fit(rows: list[dict], features: tuple[str, ...], l2: float = 1.0,
        weights: np.ndarray | None = None) -> tuple[float, dict[str, float]]:
    """L2-regularised, row-weighted logistic regression by Newton's method (numpy only).
    Minimises sum(weight * log loss) + l2 / 2 * |w|^2; the bias is not penalised."""
    x, y = matrix(rows, features)
    x1 = np.hstack([x, np.ones((len(y), 1))])
    sw = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    penalty = np.full(x1.shape[1], l2)
    penalty[-1] = 0.0
    beta = np.zeros(x1.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x1 @ beta)))
        grad = x1.T @ (sw * (p - y)) + penalty * beta
        hess = (x1 * (sw * p * (1 - p))[:, None]).T @ x1 + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return round(float(beta[-1]), 3), {f: round(float(v), 3) for f, v in zip(features, beta)}


def predict(bias: float, weights: dict[str, float], rows: list[dict]) -> np.ndarray:
    """Each row's probability under the model (bias, weights)."""
    z = np.array([bias + sum(w * r["x"].get(f, 0.0) for f, w in weights.items()) for r in rows])
    return 1 / (1 + np.exp(-z))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    """Mean log loss (probabilities clipped away from 0 and 1)."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))) if len(y) else float("nan")


def brier(p: np.ndarray, y: np.ndarray) -> float:
    """Mean squared error of the probabilities."""
    return float(np.mean((p - y) ** 2)) if len(y) else float("nan")


def fold_of(group: str, folds: int) -> int:
    """The fold of a document: stable, by hash, so a document never straddles folds."""
    return int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) % folds


def set_weights(rows: list[dict], by_set: dict[str, float]) -> np.ndarray:
    """Each row's weight: its set's weight (1 when the set is not named)."""
    return np.array([by_set.get(r["set"], 1.0) for r in rows])


def cross_validate(rows: list[dict], features: tuple[str, ...], l2: float,
                   by_set: dict[str, float], folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities of every row, folds by document."""
    out = np.zeros(len(rows))
    fold = np.array([fold_of(r["group"], folds) for r in rows])
    for k in range(folds):
        train = [r for r, f in zip(rows, fold, strict=True) if f != k]
        bias, w = fit(train, features, l2, set_weights(train, by_set))
        held = np.nonzero(fold == k)[0]
        out[held] = predict(bias, w, [rows[i] for i in held])
    return out


def scores_by_set(rows: list[dict], p: np.ndarray) -> dict[str, tuple[int, float, float]]:
    """(events, log loss, Brier) of each set of rows and of all together."""
    y = np.array([r["y"] for r in rows], dtype=float)
    names = sorted({r["set"] for r in rows})
    out = {}
    for name in [*names, "all"]:
        mask = np.array([name in ("all", r["set"]) for r in rows])
        out[name] = (int(mask.sum()), log_loss(p[mask], y[mask]), brier(p[mask], y[mask]))
    return out


def reliability(p: np.ndarray, y: np.ndarray) -> list[tuple[str, int, float | None]]:
    """(band, events, share right) for the confidence bands of the docs."""
    table = []
    for lo, hi in BANDS:
        band = (p >= lo) & (p < hi)
        share = float(np.mean(y[band])) if band.any() else None
        table.append((f"{lo:.1f}–{min(hi, 1.0):.1f}", int(band.sum()), share))
    return table
