"""Out-of-fold probabilities and the thresholds chosen from them (issue #17, stop 19).

Per-type thresholds tuned on the small dev split swung between retrains (PROTEST 0.55 -> 0.10
test F1 on 10 dev positives). Here train and dev are pooled, cut into K folds by document
(a document's sentences share a fold), and each fold is scored by a model fitted on the
other K-1: every pooled sentence gets a probability from a model that never saw it. The
thresholds are chosen on those probabilities by `shrunk_thresholds`, a rule fixed before any
result was read:

- g = the one grid threshold with the best out-of-fold micro-F1 over all types;
- t*_j = the grid threshold with type j's best out-of-fold F1;
- t_j = (n_j * t*_j + PRIOR * g) / (n_j + PRIOR), n_j = type j's out-of-fold positives:
  a type with few positives stays near the shared threshold, a frequent one gets its own.

The same probabilities are written to `oof_probabilities.tsv` (sid, one column per type):
the confidence fit reads them for campaign sentences instead of the shipped model's, which
was trained on those sentences (benchmarks/oof_detector.py).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .labels import HERE, TYPES
from .linear import GRID_C, GRID_WEIGHT, fit_ovr
from .metrics import best_threshold, counts, global_threshold, micro_f1, prf, tune_thresholds

FOLDS = 5
FOLD_SALT = "oof|17"
HALF_SALT = "half|17"
PRIOR = 100  # positives at which a type's own threshold and the shared one weigh the same
OOF_FILE = HERE / "oof_probabilities.tsv"
logger = logging.getLogger(__name__)


def document_of(sid: str) -> str:
    """``source:doc`` of a sid ``source:doc:index``."""
    return sid.rsplit(":", 1)[0]


def _hash_bucket(doc: str, salt: str, buckets: int) -> int:
    return int(hashlib.sha256(f"{salt}|{doc}".encode()).hexdigest()[:12], 16) % buckets


def folds_of(sids: list[str], k: int = FOLDS, salt: str = FOLD_SALT) -> np.ndarray:
    """Each sentence's fold: a hash of its document, so a document never straddles folds."""
    return np.array([_hash_bucket(document_of(s), salt, k) for s in sids])


def oof_scores(x: np.ndarray, y: np.ndarray, folds: np.ndarray, c: float,
               class_weight: str | None) -> np.ndarray:
    """Probabilities of every row from the model fitted on the other folds."""
    out = np.zeros(y.shape, dtype=np.float64)
    for f in np.unique(folds):
        held = folds == f
        w, b = fit_ovr(x[~held], y[~held], c, class_weight)
        out[held] = 1.0 / (1.0 + np.exp(-(x[held] @ w.T + b)))
    return out


def shrunk_thresholds(y: np.ndarray, scores: np.ndarray, prior: float = PRIOR) -> np.ndarray:
    """Each type's best threshold pulled toward the shared one by its support (see above)."""
    glob = global_threshold(y, scores)
    out = np.empty(y.shape[1])
    for j in range(y.shape[1]):
        n = float(y[:, j].sum())
        own = best_threshold(y[:, j], scores[:, j]) if n else glob
        out[j] = (n * own + prior * glob) / (n + prior)
    return np.round(out, 2)


RULES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "old (per type where >= 8 positives)": tune_thresholds,
    "new (shrunk toward the shared threshold)": shrunk_thresholds,
}


@dataclass(frozen=True, slots=True)
class OofFit:
    """The chosen setting's out-of-fold probabilities and what was tried."""

    scores: np.ndarray
    thresholds: np.ndarray
    micro_f1: float
    c: float
    class_weight: str | None
    power: float
    trials: list[dict]


def select(features: Callable[[float], np.ndarray], y: np.ndarray, sids: list[str],
           powers: tuple[float, ...]) -> OofFit:
    """Length power, C and class weight with the best out-of-fold micro-F1 under
    `shrunk_thresholds` (the grid of linear.select)."""
    folds = folds_of(sids)
    best: OofFit | None = None
    trials = []
    for power in powers:
        x = features(power)
        for c in GRID_C:
            for cw in GRID_WEIGHT:
                scores = oof_scores(x, y, folds, c, cw)
                th = shrunk_thresholds(y, scores)
                f = micro_f1(y, scores >= th)
                trials.append({"length_power": power, "C": c, "class_weight": cw,
                               "oof_micro_f1": round(f, 4)})
                logger.info("power %s C=%s class_weight=%s out-of-fold micro-F1 %.4f",
                            power, c, cw, f)
                if best is None or f > best.micro_f1:
                    best = OofFit(scores, th, f, c, cw, power, trials)
    assert best is not None
    return best


def per_type(y: np.ndarray, pred: np.ndarray) -> dict[str, dict]:
    """P/R/F1 and support per type."""
    tp, fp, fn = counts(y, pred)
    return {t: dict(zip(("p", "r", "f1"), prf(int(tp[j]), int(fp[j]), int(fn[j]))),
                    support=int(y[:, j].sum())) for j, t in enumerate(TYPES)}


def half_swap(y: np.ndarray, scores: np.ndarray, sids: list[str],
              rule: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> dict:
    """A rule's stability: thresholds chosen on one half of the documents, applied to the
    other (both ways); the micro-F1 so reached and each type's threshold in the two halves."""
    half = folds_of(sids, 2, HALF_SALT) == 0
    th_a, th_b = rule(y[half], scores[half]), rule(y[~half], scores[~half])
    pred = np.zeros(y.shape, dtype=bool)
    pred[~half] = scores[~half] >= th_a
    pred[half] = scores[half] >= th_b
    return {"micro_f1_cross": round(micro_f1(y, pred), 4),
            "per_type_cross": per_type(y, pred),
            "thresholds_half_a": dict(zip(TYPES, np.round(th_a, 2).tolist())),
            "thresholds_half_b": dict(zip(TYPES, np.round(th_b, 2).tolist()))}


def rule_report(y: np.ndarray, scores: np.ndarray, sids: list[str]) -> dict:
    """Per rule: thresholds on all the out-of-fold probabilities, per-type P/R/F1 there (in
    sample for the thresholds) and the half-swap figures (out of sample)."""
    out = {}
    for name, rule in RULES.items():
        th = rule(y, scores)
        out[name] = {"thresholds": dict(zip(TYPES, np.round(th, 2).tolist())),
                     "micro_f1": round(micro_f1(y, scores >= th), 4),
                     "per_type": per_type(y, scores >= th),
                     "half_swap": half_swap(y, scores, sids, rule)}
    return out


def write_probabilities(sids: list[str], scores: np.ndarray, path: Path = OOF_FILE) -> None:
    """sid and one probability per type (3 decimals), tab-separated, sorted by sid."""
    lines = ["sid\t" + "\t".join(TYPES)]
    for i in sorted(range(len(sids)), key=lambda i: sids[i]):
        lines.append(sids[i] + "\t" + "\t".join(f"{p:.3f}" for p in scores[i]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_probabilities(path: Path = OOF_FILE) -> dict[str, dict[str, float]]:
    """sid -> type -> out-of-fold probability."""
    rows = path.read_text(encoding="utf-8").splitlines()
    types = rows[0].split("\t")[1:]
    return {cells[0]: dict(zip(types, map(float, cells[1:])))
            for cells in (row.split("\t") for row in rows[1:] if row)}

