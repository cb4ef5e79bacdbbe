"""Choose the factuality model by 5-fold cross-validation over UW train + dev, by document.

Every candidate is fitted on four fifths of UW train + dev and scored on the fifth it
did not see; the folds keep each TempEval-3 document whole (``factuality_sites``), since
the gap between dev and test figures suggested that tuning on dev sentences leaked what
a document says about its own events. Printed for each candidate: the pooled MAE,
Pearson r, 3-way accuracy and per-class recall of the five held-out folds (the measures
of ``benchmarks/factuality.py``). Never reads test.

Candidates (numpy alone would run each of them: linear weights, tree arrays, matrices):

- ``cue``: the cue score alone; ``ridge``: the shipped correction (``factuality_fit``)
  and its settings varied;
- ``+emb ridge``: the shipped correction, then a ridge regression over richer features
  of what it leaves over: the static detector embeddings (model2vec, MiniLM) of the
  predicate, its governor and its cue words, the dependency path to the nearest cue, the
  part of speech;
- ``+gbm``: gradient-boosted trees over the same features, on the same residual;
- ``+mlp``: a small multi-layer perceptron, the same;
- ``two-part``: a class-balanced 3-way classifier picks the band, the correction's score
  is moved into it (only where the classifier's margin reaches a threshold: the curve).

Usage::

    python benchmarks/factuality_cv.py --cache /tmp/sites.pkl [--only NAME ...]
        [--embeddings DIR] [--dims 32] [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from factuality import metrics
from factuality_fit import Settings, fit_correction
from factuality_sites import Site, read_sites

from diplograph.coding.correction import NOT_HAPPENED, corrected
from diplograph.coding.detector import EventDetector

EMBEDDINGS = Path(__file__).resolve().parent.parent / "training" / "events" / "build" / \
    "m2v-minilm-pca256"
MIN_PATH = 20  # a cue path is a column when this many training predicates have it
MIN_NAMED = 50  # a named correction feature is a column of the tree and MLP inputs
POS = ("VERB", "NOUN", "ADJ", "AUX", "PROPN")

Predict = Callable[[list[Site]], np.ndarray]


def read_embeddings(folder: Path, dims: int) -> np.ndarray:
    """The first ``dims`` columns (largest principal components) of a model2vec table."""
    raw = (folder / "model.safetensors").read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])["embeddings"]
    start, end = header["data_offsets"]
    table = np.frombuffer(raw[8 + size + start:8 + size + end], dtype=np.float16)
    return table.reshape(header["shape"])[:, :dims].astype(np.float32)


class Embedder:
    """The mean embedding of the WordPiece tokens of a word (zeros for none)."""

    def __init__(self, table: np.ndarray) -> None:
        self.table = table
        self.detector = EventDetector.load()

    def __call__(self, words: tuple[str, ...] | list[str]) -> np.ndarray:
        ids = [i for w in words for i in self.detector.token_ids(w)]
        return self.table[ids].mean(0) if ids else np.zeros(self.table.shape[1], np.float32)


def limited(cue: float, value: float, corrected_at_all: bool) -> float:
    """The limits of ``correction.corrected``: the cue score's side of zero, a negated act
    stays not-happened, an uncorrected predicate keeps its cue score."""
    if not corrected_at_all:
        return cue
    low, high = (0.0, 3.0) if cue >= 0 else (-3.0, 0.0)
    if cue <= NOT_HAPPENED:
        high = NOT_HAPPENED
    return round(max(low, min(high, value)), 2)


def limit_all(sites: list[Site], values: np.ndarray) -> np.ndarray:
    return np.array([limited(s.scored.reading.cue_score, v, bool(s.scored.reading.features))
                     for s, v in zip(sites, values, strict=True)])


class Dense:
    """The richer features of a predicate as one dense row, columns fixed on the fold."""

    def __init__(self, train: list[Site], embed: Embedder) -> None:
        self.embed = embed
        paths = Counter(s.cue_path for s in train)
        self.paths = sorted(p for p, n in paths.items() if n >= MIN_PATH)
        named = Counter(f for s in train for f in s.scored.reading.features if "#" not in f)
        self.named = sorted(f for f, n in named.items() if n >= MIN_NAMED)

    def __call__(self, sites: list[Site], base: np.ndarray, named: bool = True) -> np.ndarray:
        rows = []
        for s, b in zip(sites, base, strict=True):
            reading = s.scored.reading
            feats = set(reading.features)
            row = [reading.cue_score, b, b - reading.cue_score, float(bool(reading.features))]
            row += [float(s.pos == p) for p in POS] + [float(s.cue_path == p) for p in self.paths]
            if named:
                row += [float(f in feats) for f in self.named]
            rows.append(np.concatenate([row, self.embed([s.word]), self.embed([s.governor]),
                                        self.embed(s.cue_words)]))
        return np.array(rows, dtype=np.float32)


_FITTED: dict = {}  # (settings, fold) -> correction: the stacked candidates share one fit


def fit_ridge(train: list[Site], settings: Settings) -> Predict:
    key = (settings, len(train), train[0].document, train[-1].document)
    if key not in _FITTED:
        _FITTED[key] = fit_correction([s.scored for s in train], settings, write=False)
    model = _FITTED[key]
    return lambda sites: np.array([corrected(s.scored.reading.cue_score, s.scored.reading.features,
                                             model) for s in sites])


def fit_stacked(train: list[Site], embed: Embedder, learner: str, named: bool = True) -> Predict:
    """The shipped correction, then ``learner`` on what it leaves over (richer features)."""
    base = fit_ridge(train, Settings())
    dense = Dense(train, embed)
    x = dense(train, base(train), named)
    y = np.array([s.scored.gold for s in train]) - base(train)
    model = _learner(learner).fit(x, y)

    def predict(sites: list[Site]) -> np.ndarray:
        b = base(sites)
        return limit_all(sites, b + model.predict(dense(sites, b, named)))
    return predict


def _learner(name: str):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.neural_network import MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    if name == "ridge":
        return make_pipeline(StandardScaler(), Ridge(alpha=300.0))
    if name == "gbm":
        return HistGradientBoostingRegressor(loss="absolute_error", max_iter=300,
                                             learning_rate=0.05, max_leaf_nodes=15,
                                             min_samples_leaf=40, l2_regularization=1.0,
                                             random_state=0)
    if name == "mlp":
        return make_pipeline(StandardScaler(), MLPRegressor(
            hidden_layer_sizes=(32,), alpha=1.0, early_stopping=True, max_iter=300,
            random_state=0))
    raise ValueError(name)


def fit_two_part(train: list[Site], embed: Embedder, margins: tuple[float, ...]) -> Predict:
    """A class-balanced 3-way classifier picks the band; the correction's score moves
    into it where the classifier's top probability leads the score's band by a margin."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    base = fit_ridge(train, Settings())
    dense = Dense(train, embed)
    bands = np.array([_band(s.scored.gold) for s in train])
    classifier = make_pipeline(StandardScaler(), LogisticRegression(
        C=0.05, class_weight="balanced", max_iter=2000)).fit(dense(train, base(train)), bands)

    def predict(sites: list[Site], margin: float) -> np.ndarray:
        b = base(sites)
        probs = classifier.predict_proba(dense(sites, b))
        out = b.copy()
        for i, (p, score) in enumerate(zip(probs, b, strict=True)):
            now = _band(score)
            best = int(np.argmax(p))
            if best != now and p[best] - p[now] >= margin:
                out[i] = _into_band(score, best)
        return limit_all(sites, out)
    return lambda sites: {m: predict(sites, m) for m in margins}  # type: ignore[return-value]


def _band(value: float) -> int:
    return 0 if value <= -1 else 1 if value < 1 else 2


def _into_band(score: float, band: int) -> float:
    return (-1.5, 0.5, 1.5)[band] if _band(score) != band else score


def folds_of(sites: list[Site], folds: int) -> list[np.ndarray]:
    """Held-out row indices of each fold, whole documents, sizes balanced."""
    from sklearn.model_selection import GroupKFold
    groups = [s.document for s in sites]
    return [test for _, test in GroupKFold(n_splits=folds).split(sites, groups=groups)]


def cross_validate(sites: list[Site], folds: list[np.ndarray], fit) -> dict:  # type: ignore[no-untyped-def]
    """The held-out scores of each row (a dict when ``fit`` returns several variants)."""
    held: dict = {}
    for test in folds:
        mask = np.ones(len(sites), bool)
        mask[test] = False
        predict = fit([s for s, m in zip(sites, mask, strict=True) if m])
        out = predict([sites[i] for i in test])
        for key, values in (out.items() if isinstance(out, dict) else [("", out)]):
            held.setdefault(key, np.zeros(len(sites)))[test] = values
    return held


def row(name: str, sites: list[Site], scores: np.ndarray) -> str:
    scored = [replace(s.scored, reading=replace(s.scored.reading, score=float(v)))
              for s, v in zip(sites, scores, strict=True)]
    m = metrics(scored)
    return (f"| {name} | {m['mae']:.3f} | {m['r']:.3f} | {m['acc3']:.3f} | "
            f"{m['recall_not']:.3f} | {m['recall_uncertain']:.3f} | {m['recall_happened']:.3f} |")


def candidates(embed: Embedder) -> dict[str, Callable]:
    return {
        "cue": lambda train: (lambda sites: np.array([s.scored.reading.cue_score
                                                      for s in sites])),
        "ridge": lambda train: fit_ridge(train, Settings()),
        "ridge, L2 30": lambda train: fit_ridge(train, Settings(ridge=30.0)),
        "ridge, L2 3": lambda train: fit_ridge(train, Settings(ridge=3.0)),
        "ridge, lexical L2 100": lambda train: fit_ridge(train, Settings(lexical_ridge=100.0)),
        "ridge, uncertain weight 1": lambda train: fit_ridge(
            train, Settings(uncertain_weight=1.0)),
        "+emb ridge": lambda train: fit_stacked(train, embed, "ridge", named=False),
        "+gbm": lambda train: fit_stacked(train, embed, "gbm"),
        "+gbm, no named": lambda train: fit_stacked(train, embed, "gbm", named=False),
        "+mlp": lambda train: fit_stacked(train, embed, "mlp"),
        "two-part": lambda train: fit_two_part(train, embed, (0.0, 0.2, 0.4, 0.6)),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the read predicates")
    parser.add_argument("--only", nargs="+", help="candidates to run (default: all)")
    parser.add_argument("--embeddings", type=Path, default=EMBEDDINGS)
    parser.add_argument("--dims", type=int, default=32)
    parser.add_argument("--folds", type=int, default=5)
    opts = parser.parse_args(argv)
    sites = read_sites(cache=opts.cache)
    embed = Embedder(read_embeddings(opts.embeddings, opts.dims))
    folds = folds_of(sites, opts.folds)
    print(f"{len(sites)} predicates, {len({s.document for s in sites})} documents, "
          f"{opts.folds} folds; embeddings {opts.dims} dims\n"
          "| candidate (CV over UW train + dev) | MAE | r | acc3 | recall not | "
          "recall uncertain | recall happened |\n|---|---|---|---|---|---|---|")
    for name, fit in candidates(embed).items():
        if opts.only and name not in opts.only:
            continue
        for variant, scores in cross_validate(sites, folds, fit).items():
            label = f"{name}, margin {variant}" if variant != "" else name
            print(row(label, sites, scores), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
