"""The learned correction of the factuality score (SPEC §4 ``factuality``).

The cue score (+3 times the product of the calibrated cue values,
:func:`diplograph.coding.factuality.score_of`) knows which cues a predicate has, not how
its sentence frames it: an event noun after "for" or "about" ("calls FOR a withdrawal")
or with "any" ("any WAR") is less sure than one after "after"; a negated bare verb is
surer not to have happened than a negated noun; an act under "will" in a relative clause
of a report is less sure than the report. A linear model over the features of
:mod:`diplograph.coding.factuality_features` (the cue analysis, the parse around the
predicate, and hashed lemmas of the predicate and its governor), fitted on UW train + dev
by ``benchmarks/factuality_cv.py --write`` (``factuality_fit.py``; ``make
fit-factuality``), adds a correction to the cue score. Its weights are data
(``data/lexicon/factuality_model.npz``: feature names and weights, read once; numpy alone
at run time).

Three limits keep the status read off the score meaning what it did: the correction never
turns the score over (a positive cue score stays >= 0, a negative one <= 0), never lifts a
negated act out of the not-happened band (a cue score <= -1 stays <= -1), and does not
touch a party's own word on the act (a denial, a withheld confirmation), whose cue values
say it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from diplograph.coding.factuality_features import UNCORRECTED_KINDS, features
from diplograph.coding.shipped_arrays import read_arrays
from diplograph.errors import KnowledgeError

MODEL_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "factuality_model.npz"
# The bands of the 3-way reading (the benchmark's classes): happened from +1 up, not
# happened from -1 down, uncertain in between.
HAPPENED, NOT_HAPPENED = 1.0, -1.0


@dataclass(frozen=True, slots=True)
class Correction:
    """The fitted linear model: an intercept and one weight per feature."""

    intercept: float
    weights: dict[str, float]


@functools.lru_cache(maxsize=2)
def load_correction(path: Path = MODEL_PATH) -> Correction:
    """Load (once) the fitted correction.

    Raises:
        KnowledgeError: the file is missing or malformed.
    """
    data = read_arrays(path, "the factuality correction", ("names", "weights", "intercept"))
    if data is None:
        raise KnowledgeError(f"{path}: cannot read the factuality correction (no such file)")
    names, weights = data["names"].tolist(), data["weights"].tolist()
    intercept = float(data["intercept"])
    if len(names) != len(weights):
        raise KnowledgeError(f"{path}: {len(names)} feature names for {len(weights)} weights")
    return Correction(intercept=intercept,
                      weights={str(n): float(w) for n, w in zip(names, weights, strict=True)})


def save_correction(model: Correction, path: Path = MODEL_PATH) -> None:
    """Write a fitted correction (``benchmarks/factuality_fit.py``), its weights sorted."""
    names = sorted(name for name, weight in model.weights.items() if weight)
    np.savez_compressed(path, names=np.array(names, dtype=str),
                        weights=np.array([model.weights[n] for n in names], dtype=np.float64),
                        intercept=np.array(model.intercept))
    load_correction.cache_clear()


def corrected(cue_score: float, feats: tuple[str, ...] | list[str],
              model: Correction | None = None) -> float:
    """The cue score plus the fitted correction, on the cue score's side of zero, in
    [-3, +3], rounded to two decimals (unchanged when there are no features)."""
    if not feats:
        return cue_score
    model = model or load_correction()
    return within_limits(cue_score, cue_score + model.intercept
                         + sum(model.weights.get(f, 0.0) for f in feats))


def within_limits(cue_score: float, value: float) -> float:
    """A learned score kept on the cue score's side of zero, in the not-happened band when
    the cue score is (a negated act), in [-3, +3], rounded to two decimals."""
    low, high = (0.0, 3.0) if cue_score >= 0 else (-3.0, 0.0)
    if cue_score <= NOT_HAPPENED:
        high = NOT_HAPPENED
    return round(max(low, min(high, value)), 2)


__all__ = ["HAPPENED", "MODEL_PATH", "NOT_HAPPENED", "UNCORRECTED_KINDS", "Correction",
           "corrected", "features", "load_correction", "save_correction", "within_limits"]
