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
standardised multinomial logistic regression (:class:`BandModel`, stops 17 to 24) or, since
stop 25, boosted classification trees (:class:`TreeBand`: one ensemble of trees per band,
the three sums a softmax; at the same happened recall they call more uncertain predicates
uncertain, docs/benchmarks.md, band17), and a weight per band that picks the point of its
recall curve (the happened weight, chosen by CV: the point whose happened recall is the
shipped logistic point's).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from diplograph.coding.cues import Cue
from diplograph.coding.factuality_trees import (
    NODE_FIELDS,
    Around,
    Trees,
    input_row,
    input_scores,
    words_around,
)
from diplograph.coding.shipped_arrays import read_arrays
from diplograph.errors import KnowledgeError

BAND_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "factuality_band.npz"
BANDS = ("not", "uncertain", "happened")  # the classifier's classes, in this order
_FIELDS = ("mean", "scale", "coef", "intercept", "weights")
_NO_EMBEDDINGS = np.zeros((0, 0), np.float32)
_TREE_FIELDS = ("roots", "baseline", *(f"node_{k}" for k in NODE_FIELDS))


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


@dataclass(frozen=True, slots=True)
class TreeBand:
    """Boosted classification trees over named input columns: one ensemble per band (in
    the order of BANDS), whose sums are the logits of a softmax."""

    columns: tuple[str, ...]
    trees: tuple[Trees, ...]
    weights: np.ndarray  # each band's probability is scaled by this before the argmax

    def probabilities(self, row: np.ndarray) -> np.ndarray:
        logits = np.array([trees.predict(row) for trees in self.trees])
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()

    def band(self, row: np.ndarray) -> str:
        return BANDS[int(np.argmax(self.probabilities(row) * self.weights))]


Band = BandModel | TreeBand


def save_band(model: Band, path: Path = BAND_PATH) -> None:
    """Write a fitted band classifier (``benchmarks/factuality_band.py --write``): the
    trees of band k under names prefixed ``bK_``."""
    arrays: dict[str, np.ndarray] = {"columns": np.array(model.columns, dtype=str),
                                     "weights": np.asarray(model.weights, np.float64)}
    if isinstance(model, TreeBand):
        for k, trees in enumerate(model.trees):
            arrays |= {f"b{k}_roots": trees.roots, f"b{k}_baseline": np.array(trees.baseline),
                       **{f"b{k}_node_{name}": trees.nodes[name] for name in NODE_FIELDS}}
    else:
        arrays |= {k: np.asarray(getattr(model, k), np.float64) for k in _FIELDS}
    np.savez_compressed(path, **arrays)
    load_band.cache_clear()


def _is_tree_file(path: Path) -> bool:
    with np.load(path, allow_pickle=False) as data:
        return "b0_roots" in data.files


@functools.lru_cache(maxsize=2)
def load_band(path: Path = BAND_PATH) -> Band | None:
    """Load (once) the band classifier; None when none is shipped.

    Raises:
        KnowledgeError: the file is malformed.
    """
    try:
        trees = path.exists() and _is_tree_file(path)
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read the band classifier ({exc})") from exc
    if trees:
        return _load_tree_band(path)
    data = read_arrays(path, "the band classifier", ("columns", *_FIELDS))
    if data is None:
        return None
    model = BandModel(columns=tuple(data["columns"].tolist()), **{k: data[k] for k in _FIELDS})
    if model.coef.shape != (len(BANDS), len(model.columns)):
        raise KnowledgeError(f"{path}: weights of shape {model.coef.shape} for "
                             f"{len(model.columns)} columns")
    return model


def _load_tree_band(path: Path) -> TreeBand:
    names = tuple(f"b{k}_{name}" for k in range(len(BANDS)) for name in _TREE_FIELDS)
    data = read_arrays(path, "the band classifier", ("columns", "weights", *names))
    assert data is not None  # the file exists: _is_tree_file read it
    trees = tuple(Trees(columns=(), roots=data[f"b{k}_roots"],
                        nodes={name: data[f"b{k}_node_{name}"] for name in NODE_FIELDS},
                        baseline=float(data[f"b{k}_baseline"]), embeddings=_NO_EMBEDDINGS)
                  for k in range(len(BANDS)))
    return TreeBand(columns=tuple(data["columns"].tolist()), trees=trees,
                    weights=data["weights"])


def band_of(trigger: Token, cues: tuple[Cue, ...] | list[Cue], cue_score: float,
            corrected_score: float, feats: tuple[str, ...],
            model: Band | None = None, around: Around | None = None) -> str | None:
    """The band the classifier gives a predicate; None when none is shipped or the
    correction leaves the predicate alone (a denial, a withheld confirmation).
    ``around``: the words around the predicate, when already read."""
    model = model or load_band()
    if model is None or not feats:
        return None
    row = input_row(model.columns, _NO_EMBEDDINGS, around or words_around(trigger, cues),
                    input_scores(cue_score, corrected_score), feats)
    return model.band(row)


__all__ = ["BANDS", "BAND_PATH", "Band", "BandModel", "TreeBand", "band_of", "load_band",
           "save_band"]
