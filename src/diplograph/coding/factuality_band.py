"""The band classifier of the claim status (SPEC §4 ``status``): happened, uncertain or not.

The status an analyst reads falls in one of three bands (asserted, reported: happened;
unconfirmed, planned, hypothetical: uncertain; denied, negated: not). Where the cues fix
none (no modal, future, hedge, denial or negation), the band was the cue score's side of
+1; a class-balanced 3-way classifier over the same inputs as the factuality trees (the
cue and corrected scores, the part of speech, the path to the nearest cue, the
correction's named features: ``factuality_trees.input_row``) decides it instead
(``factuality.status_in_band``). It was chosen by 5-fold CV over UW train + dev grouped
by document (``benchmarks/factuality_band.py``) and fitted on all of them. Its arrays are
data (``data/lexicon/factuality_band.npz``, read once); numpy alone runs it: a
standardised multinomial logistic regression, and a weight per band that picks the point
of its recall curve (happened x1.5 since stop 21: chosen by CV by news source, the mean of
the uncertain and not-happened status recalls, happened recall kept >= 0.75 and within
0.03 of stop 20's x2; docs/benchmarks.md, fact10).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from diplograph.coding.cues import Cue
from diplograph.coding.factuality_trees import Around, input_row, input_scores, words_around
from diplograph.coding.shipped_arrays import read_arrays
from diplograph.errors import KnowledgeError

BAND_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "factuality_band.npz"
BANDS = ("not", "uncertain", "happened")  # the classifier's classes, in this order
_FIELDS = ("mean", "scale", "coef", "intercept", "weights")
_NO_EMBEDDINGS = np.zeros((0, 0), np.float32)


@dataclass(frozen=True, slots=True)
class BandModel:
    """A fitted multinomial logistic regression over named input columns."""

    columns: tuple[str, ...]
    mean: np.ndarray  # the standardisation of each column
    scale: np.ndarray
    coef: np.ndarray  # one row per band
    intercept: np.ndarray
    weights: np.ndarray  # each band's probability is scaled by this before the argmax

    def probabilities(self, row: np.ndarray) -> np.ndarray:
        logits = self.coef @ ((row - self.mean) / self.scale) + self.intercept
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()

    def band(self, row: np.ndarray) -> str:
        return BANDS[int(np.argmax(self.probabilities(row) * self.weights))]


def save_band(model: BandModel, path: Path = BAND_PATH) -> None:
    """Write a fitted band classifier (``benchmarks/factuality_band.py --write``)."""
    np.savez_compressed(path, columns=np.array(model.columns, dtype=str),
                        **{k: np.asarray(getattr(model, k), np.float64) for k in _FIELDS})
    load_band.cache_clear()


@functools.lru_cache(maxsize=2)
def load_band(path: Path = BAND_PATH) -> BandModel | None:
    """Load (once) the band classifier; None when none is shipped.

    Raises:
        KnowledgeError: the file is malformed.
    """
    data = read_arrays(path, "the band classifier", ("columns", *_FIELDS))
    if data is None:
        return None
    model = BandModel(columns=tuple(data["columns"].tolist()), **{k: data[k] for k in _FIELDS})
    if model.coef.shape != (len(BANDS), len(model.columns)):
        raise KnowledgeError(f"{path}: weights of shape {model.coef.shape} for "
                             f"{len(model.columns)} columns")
    return model


def band_of(trigger: Token, cues: tuple[Cue, ...] | list[Cue], cue_score: float,
            corrected_score: float, feats: tuple[str, ...],
            model: BandModel | None = None, around: Around | None = None) -> str | None:
    """The band the classifier gives a predicate; None when none is shipped or the
    correction leaves the predicate alone (a denial, a withheld confirmation).
    ``around``: the words around the predicate, when already read."""
    model = model or load_band()
    if model is None or not feats:
        return None
    row = input_row(model.columns, _NO_EMBEDDINGS, around or words_around(trigger, cues),
                    input_scores(cue_score, corrected_score), feats)
    return model.band(row)


__all__ = ["BANDS", "BAND_PATH", "BandModel", "band_of", "load_band", "save_band"]
