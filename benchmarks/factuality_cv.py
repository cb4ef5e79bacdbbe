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
        [--embeddings DIR] [--dims 32] [--folds 5] [--group document|source] [--calibrate]
"""

from __future__ import annotations

import argparse
import json
import pickle
import struct
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from factuality import metrics
from factuality_calibration import FITTERS, out_of_fold, shrinkage
from factuality_fit import Settings, fit_correction, inner_gold
from factuality_sites import Site, read_sites, source_of

from diplograph.coding.correction import corrected, save_correction, within_limits
from diplograph.coding.detector import EventDetector
from diplograph.coding.factuality import doubted
from diplograph.coding.factuality_features import group_of
from diplograph.coding.factuality_trees import (
    SLOTS,
    Around,
    Trees,
    input_row,
    input_scores,
    save_trees,
)

EMBEDDINGS = Path(__file__).resolve().parent.parent / "training" / "events" / "build" / \
    "m2v-minilm-pca256"
MIN_PATH = 20  # a cue path is a column when this many training predicates have it
MIN_NAMED = 50  # a named correction feature is a column of the tree and MLP inputs
POS = ("VERB", "NOUN", "ADJ", "AUX", "PROPN")

Predict = Callable[[list[Site]], np.ndarray]
GROUPS: dict[str, Callable[[Site], str]] = {"document": lambda s: s.document,
                                            "source": lambda s: source_of(s.document)}


def read_embeddings(folder: Path, dims: int) -> np.ndarray:
    """The first ``dims`` columns (largest principal components) of a model2vec table;
    ``detector``: the shipped event detector's folded table (16 columns, numpy only)."""
    if str(folder) == "detector":
        return EventDetector.load().table
    raw = (folder / "model.safetensors").read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])["embeddings"]
    start, end = header["data_offsets"]
    table = np.frombuffer(raw[8 + size + start:8 + size + end], dtype=np.float16)
    return table.reshape(header["shape"])[:, :dims].astype(np.float32)


def limit_all(sites: list[Site], values: np.ndarray) -> np.ndarray:
    """Each score within the correction's limits; an uncorrected predicate (a denial, a
    withheld confirmation) keeps its cue score."""
    return np.array([within_limits(s.scored.reading.cue_score, v) if s.scored.reading.features
                     else s.scored.reading.cue_score for s, v in zip(sites, values, strict=True)])


def doubt_all(sites: list[Site], values: np.ndarray) -> np.ndarray:
    """Learned scores (of the innermost report, within the limits) times the doubt of the
    outer sources of a nested report, as at run time (``factuality.doubted``); an
    uncorrected predicate's cue score already holds it."""
    return np.array([doubted(s.scored.reading.cue_score, v, s.scored.reading.cues)
                     if s.scored.reading.features else v
                     for s, v in zip(sites, values, strict=True)])


def doubting(fit):  # type: ignore[no-untyped-def]
    """A candidate whose scores are a learned part's (the ridge correction): its held-out
    scores with the outer doubt applied, as the run time does."""
    def fit_doubted(train: list[Site]) -> Predict:
        predict = fit(train)
        return lambda sites: doubt_all(sites, predict(sites))
    return fit_doubted


class Dense:
    """The trees' input columns (``factuality_trees.input_row``), fixed on the fold: the
    cue paths and named correction features frequent enough there (from ``min_named``
    training predicates up); ``lexical``: the hashed lemma features too (which word the
    predicate and its governor are), from ``MIN_NAMED`` up."""

    def __init__(self, train: list[Site], table: np.ndarray, named: bool = True,
                 min_named: int = MIN_NAMED, lexical: bool = False,
                 slots: tuple[str, ...] = SLOTS) -> None:
        self.table = table
        paths = Counter(s.cue_path for s in train)
        counts = Counter(f for s in train for f in s.scored.reading.features)
        self.columns = tuple(
            [f"score:{k}" for k in ("cue", "corrected", "delta", "corrected_at_all")]
            + [f"pos:{p}" for p in POS]
            + [f"path:{p}" for p, n in sorted(paths.items()) if n >= MIN_PATH]
            + [f"f:{f}" for f, n in sorted(counts.items())
               if named and n >= (MIN_NAMED if "#" in f else min_named)
               and (lexical or "#" not in f)]
            + [f"emb:{slot}:{i}" for slot in slots for i in range(table.shape[1])])

    def __call__(self, sites: list[Site], base: np.ndarray) -> np.ndarray:
        return np.array([input_row(self.columns, self.table, _around(s), _scores(s, b),
                                   s.scored.reading.features)
                         for s, b in zip(sites, base, strict=True)], dtype=np.float32)


def _around(site: Site) -> Around:
    return Around(word=site.word, governor=site.governor, pos=site.pos,
                  cue_words=site.cue_words, cue_path=site.cue_path,
                  left=site.left, right=site.right)


def _scores(site: Site, base: float) -> dict[str, float]:
    reading = site.scored.reading
    return {**input_scores(reading.cue_score, base),
            "corrected_at_all": float(bool(reading.features))}


_FITTED: dict = {}  # (settings, fold) -> correction: the stacked candidates share one fit


def fit_ridge(train: list[Site], settings: Settings) -> Predict:
    # the count of features tells a fold's sites from the same sites with a group dropped
    key = (settings, len(train), train[0].document, train[-1].document,
           sum(len(s.scored.reading.features) for s in train))
    if key not in _FITTED:
        _FITTED[key] = fit_correction([s.scored for s in train], settings, write=False)
    model = _FITTED[key]

    def predict(sites: list[Site]) -> np.ndarray:
        return np.array([corrected(s.scored.reading.cue_score, s.scored.reading.features, model)
                         for s in sites])
    predict.model = model  # type: ignore[attr-defined]
    return predict


def fit_stacked(train: list[Site], table: np.ndarray, learner: str, named: bool = True,
                embedded: bool = True, settings: Settings = Settings(),
                min_named: int = MIN_NAMED, lexical: bool = False,
                slots: tuple[str, ...] = SLOTS) -> Predict:
    """The shipped correction, then ``learner`` on what it leaves over (richer features)."""
    base = fit_ridge(train, settings)
    dense = Dense(train, table if embedded else table[:, :0], named, min_named, lexical,
                  slots)
    x = dense(train, base(train))
    y = inner_gold([s.scored for s in train]) - base(train)
    model = _learner(learner).fit(x, y)

    def predict(sites: list[Site]) -> np.ndarray:
        b = base(sites)
        return doubt_all(sites, limit_all(sites, b + model.predict(dense(sites, b))))
    predict.parts = (base, dense, model)  # type: ignore[attr-defined]
    return predict


class Blend:
    """The mean of several regressors' predictions (trees fitted to the median and to the
    mean of the residual: the first serves the MAE, the second Pearson's r)."""

    def __init__(self, models: list) -> None:  # type: ignore[type-arg]
        self.models = models

    def fit(self, x: np.ndarray, y: np.ndarray) -> Blend:
        for model in self.models:
            model.fit(x, y)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.mean([model.predict(x) for model in self.models], axis=0)


def without_group(fit, group: str):  # type: ignore[no-untyped-def]
    """``fit``, on sites whose correction features lack one group (the model as it was
    before the group was added)."""
    def fit_without(train: list[Site]) -> Predict:
        predict = fit(stripped(train, group))

        def predict_without(sites: list[Site]) -> np.ndarray:
            return predict(stripped(sites, group))
        if hasattr(predict, "parts"):  # a stacked candidate can be written (--write)
            predict_without.parts = predict.parts  # type: ignore[attr-defined]
        return predict_without
    return fit_without


def stripped(sites: list[Site], group: str) -> list[Site]:
    """The sites with the correction features of ``group`` left out."""
    return [replace(s, scored=replace(s.scored, reading=replace(
        s.scored.reading, features=tuple(f for f in s.scored.reading.features
                                         if group_of(f) != group))))
            for s in sites]


def _learner(name: str):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.neural_network import MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    if name == "ridge":
        return make_pipeline(StandardScaler(), Ridge(alpha=300.0))
    if name == "extra":  # stop 27: randomised trees, averaged (not boosted)
        from sklearn.ensemble import ExtraTreesRegressor
        return ExtraTreesRegressor(n_estimators=100, min_samples_leaf=20, max_features=0.3,
                                   random_state=0)
    if name == "gbm-blend+extra":
        return Blend([_learner("gbm"), _learner("gbm-squared"), _learner("extra")])
    if name == "gbm-blend+ridge":  # the trees and a ridge over the same inputs, averaged
        return Blend([_learner("gbm"), _learner("gbm-squared"), _learner("ridge")])
    if name.startswith("gbm-blend"):  # "gbm-blend-small": fewer, smaller trees
        size = name.removeprefix("gbm-blend")
        return Blend([_learner("gbm" + size), _learner("gbm-squared" + size)])
    if name.startswith("gbm"):
        loss = "squared_error" if name.startswith("gbm-squared") else "absolute_error"
        small = name.endswith("-small")
        return HistGradientBoostingRegressor(loss=loss, max_iter=100 if small else 200,
                                             learning_rate=0.05,
                                             max_leaf_nodes=7 if small else 15,
                                             min_samples_leaf=100 if small else 40,
                                             l2_regularization=10.0 if small else 1.0,
                                             random_state=0)
    if name == "mlp":
        return make_pipeline(StandardScaler(), MLPRegressor(
            hidden_layer_sizes=(32,), alpha=1.0, early_stopping=True, max_iter=300,
            random_state=0))
    raise ValueError(name)


def fit_two_part(train: list[Site], table: np.ndarray, margins: tuple[float, ...]) -> Predict:
    """A class-balanced 3-way classifier picks the band; the correction's score moves
    into it where the classifier's top probability leads the score's band by a margin."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    base = fit_ridge(train, Settings())
    dense = Dense(train, table)
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
        return doubt_all(sites, limit_all(sites, out))
    return lambda sites: {m: predict(sites, m) for m in margins}  # type: ignore[return-value]


def _band(value: float) -> int:
    return 0 if value <= -1 else 1 if value < 1 else 2


def _into_band(score: float, band: int) -> float:
    return (-1.5, 0.5, 1.5)[band] if _band(score) != band else score


def folds_of(sites: list[Site], folds: int,
             group: Callable[[Site], str] = lambda s: s.document) -> list[np.ndarray]:
    """Held-out row indices of each fold, whole documents (or whole groups: a news source,
    ``factuality_sites.source_of``), sizes balanced.

    scikit-learn's ``GroupKFold`` assignment (the largest document first, into the fold
    with the fewest rows so far), written out in numpy so that the folds need no train
    dependency; ``tests/test_factuality_cv.py`` checks it gives the same folds.
    """
    documents, document_of_row = np.unique([group(s) for s in sites], return_inverse=True)
    rows_per_document = np.bincount(document_of_row)
    largest_first = np.argsort(rows_per_document, kind="stable")[::-1]
    rows_per_fold = np.zeros(folds)
    fold_of_document = np.zeros(len(documents))
    for document in largest_first:
        lightest = np.argmin(rows_per_fold)
        rows_per_fold[lightest] += rows_per_document[document]
        fold_of_document[document] = lightest
    fold_of_row = fold_of_document[document_of_row]
    return [np.where(fold_of_row == fold)[0] for fold in range(folds)]


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
    return (f"| {name} | {m['mae']:.4f} | {m['r']:.4f} | {m['acc3']:.3f} | "
            f"{m['recall_not']:.3f} | {m['recall_uncertain']:.3f} | {m['recall_happened']:.3f} |")


def candidates(table: np.ndarray) -> dict[str, Callable]:
    return {
        "cue": lambda train: (lambda sites: np.array([s.scored.reading.cue_score
                                                      for s in sites])),
        "ridge": doubting(lambda train: fit_ridge(train, Settings())),
        "ridge, L2 30": doubting(lambda train: fit_ridge(train, Settings(ridge=30.0))),
        "ridge, L2 3": doubting(lambda train: fit_ridge(train, Settings(ridge=3.0))),
        "ridge, lexical L2 100": doubting(
            lambda train: fit_ridge(train, Settings(lexical_ridge=100.0))),
        "ridge, uncertain weight 1": doubting(lambda train: fit_ridge(
            train, Settings(uncertain_weight=1.0))),
        "+emb ridge": lambda train: fit_stacked(train, table, "ridge", named=False),
        "+gbm": lambda train: fit_stacked(train, table, "gbm"),
        "+gbm, no named": lambda train: fit_stacked(train, table, "gbm", named=False),
        "+gbm, no embeddings": lambda train: fit_stacked(train, table, "gbm", embedded=False),
        "+gbm, squared error": lambda train: fit_stacked(train, table, "gbm-squared"),
        "+gbm, blend": lambda train: fit_stacked(train, table, "gbm-blend"),
        "+gbm, blend, no embeddings": lambda train: fit_stacked(train, table, "gbm-blend",
                                                                embedded=False),
        "+gbm, blend, no embeddings, small": lambda train: fit_stacked(
            train, table, "gbm-blend-small", embedded=False),
        "ridge, no lexical": doubting(lambda train: fit_ridge(train, Settings(lexical_ridge=1e9))),
        "+gbm, blend, no embeddings, no lexical": lambda train: fit_stacked(
            train, table, "gbm-blend", embedded=False, settings=Settings(lexical_ridge=1e9)),
        "+mlp": lambda train: fit_stacked(train, table, "mlp"),
        # stop 18: the place of the predicate's clause (factuality_features "place")
        "+gbm, blend, no embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "gbm-blend", embedded=False), "place"),
        "ridge, no place": doubting(without_group(lambda train: fit_ridge(train, Settings()),
                                                   "place")),
        "+gbm+ridge, no embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "gbm-blend+ridge", embedded=False),
            "place"),
        # stop 22 (fact11): richer tree columns, the rarer named features, the lemmas
        **{f"+gbm, blend, no embeddings, no place{label}": without_group(
            lambda train, m=m, lex=lex: fit_stacked(train, table, "gbm-blend", embedded=False,
                                                    min_named=m, lexical=lex), "place")
           for label, m, lex in ((", named 20", 20, False), (", lexical", MIN_NAMED, True),
                                 (", named 20, lexical", 20, True))},
        # stop 25 (band17): the squared-error trees alone, the half of the blend that
        # serves Pearson's r (the bar #21 misses), against the blend tuned for the MAE too
        "+gbm, squared error, no embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "gbm-squared", embedded=False), "place"),
        "+gbm+ridge, no embeddings": lambda train: fit_stacked(
            train, table, "gbm-blend+ridge", embedded=False),
        "two-part": lambda train: fit_two_part(train, table, (0.0, 0.2, 0.4, 0.6)),
        # stop 27 (fact27): with --embeddings detector, the shipped detector's folded
        # table; all five slots, or the words either side of the predicate alone
        "+gbm, blend, detector embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "gbm-blend"), "place"),
        # stop 27: another learner over the same inputs (no embeddings)
        "+extra trees, no embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "extra", embedded=False), "place"),
        "+gbm+extra, blend, no embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "gbm-blend+extra", embedded=False),
            "place"),
        "+gbm, blend, window embeddings, no place": without_group(
            lambda train: fit_stacked(train, table, "gbm-blend", slots=("left", "right")),
            "place"),
    }


def trees_of(model, dense: Dense) -> Trees:  # type: ignore[no-untyped-def]
    """Fitted scikit-learn HistGradientBoostingRegressors (one, or a Blend) as arrays
    (numpy alone runs them; leaf values already carry the learning rate, and a blend's
    share)."""
    members = model.models if isinstance(model, Blend) else [model]
    share = 1.0 / len(members)
    parts = [predictor.nodes for member in members for (predictor,) in member._predictors]
    scale = np.concatenate([np.full(len(predictor.nodes), share)
                            for member in members for (predictor,) in member._predictors])
    roots = np.cumsum([0] + [len(p) for p in parts[:-1]]).astype(np.int32)
    shift = np.repeat(roots, [len(p) for p in parts])
    nodes = np.concatenate(parts)
    arrays = {"feature": nodes["feature_idx"].astype(np.int32),
              "threshold": nodes["num_threshold"].astype(np.float64),
              "left": (nodes["left"] + shift).astype(np.int32),
              "right": (nodes["right"] + shift).astype(np.int32),
              "value": nodes["value"].astype(np.float64) * scale,
              "leaf": nodes["is_leaf"].astype(bool)}
    baseline = share * sum(float(np.ravel(m._baseline_prediction)[0]) for m in members)
    return Trees(columns=dense.columns, roots=roots, nodes=arrays, baseline=baseline,
                 embeddings=dense.table)


def write_model(sites: list[Site], fit, stretch: float = 1.0) -> int:  # type: ignore[no-untyped-def]
    """Fit a stacked tree candidate on all of UW train + dev and ship it: the correction
    (``factuality_model.npz``) and the trees (``factuality_trees.npz``), with the stretch
    of their score away from the mean gold value (``factuality_calibration.stretch``)."""
    predict = fit(sites)
    base, dense, model = predict.parts
    save_correction(base.model)
    centre = float(np.mean([s.scored.gold for s in sites]))
    trees = replace(trees_of(model, dense), stretch=stretch, centre=centre)
    x = dense(sites[:200], base(sites[:200]))
    gap = max(abs(trees.predict(r) - p) for r, p in zip(x, model.predict(x), strict=True))
    print(f"wrote {len(trees.roots)} trees over {len(trees.columns)} columns; "
          f"largest gap to scikit-learn on 200 rows {gap:.2e}")
    save_trees(trees)
    return 0


def score_test(sites: list[Site], name: str, fit) -> int:  # type: ignore[no-untyped-def]
    """The shipped model, and ``name`` fitted on all of UW train + dev, on the test splits."""
    predict = fit(sites)
    print("| split, model | MAE | r | acc3 | recall not | recall uncertain | recall happened |"
          "\n|---|---|---|---|---|---|---|")
    for split in ("uw/test", "meantime/test"):
        test = read_sites(splits=(split,))
        shipped = np.array([s.scored.reading.score for s in test])
        print(row(f"{split}, shipped model (main)", test, shipped))
        out = predict(test)
        for variant, scores in (out.items() if isinstance(out, dict) else [("", out)]):
            label = f"{name}, margin {variant}" if variant != "" else name
            print(row(f"{split}, {label} (fitted on train + dev)", test, scores), flush=True)
    return 0


def fold_figures(sites: list[Site], folds: list[np.ndarray], scores: np.ndarray) -> str:
    """Each held-out fold's MAE and Pearson r: the spread a pooled CV difference is read
    against (stop 27)."""
    gold = np.array([s.scored.gold for s in sites])
    parts = [(np.mean(np.abs(gold[f] - scores[f])), np.corrcoef(gold[f], scores[f])[0, 1])
             for f in folds]
    return ("(by fold: MAE " + " ".join(f"{m:.4f}" for m, _ in parts)
            + "; r " + " ".join(f"{r:.4f}" for _, r in parts) + ")")


def print_calibrated(label: str, sites: list[Site], folds: list[np.ndarray],
                     scores: np.ndarray) -> None:
    """The rows of each monotone calibration of these held-out scores, fitted out of fold
    (``factuality_calibration``), and how much the scores are shrunk."""
    gold = np.array([s.scored.gold for s in sites])
    print(f"({label}: {shrinkage(scores, gold)})")
    for name, fitter in FITTERS.items():
        calibrated = limit_all(sites, out_of_fold(scores, gold, folds, fitter))
        print(row(f"{label}, {name}", sites, calibrated), flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the read predicates")
    parser.add_argument("--only", nargs="+", help="candidates to run (default: all)")
    parser.add_argument("--embeddings", type=Path, default=EMBEDDINGS)
    parser.add_argument("--dims", type=int, default=32)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--group", choices=("document", "source"), default="document",
                        help="what a fold keeps whole: a document, or a news source (APW, "
                             "NYT, WSJ, ...: the nearest thing to test's other source)")
    parser.add_argument("--test", metavar="NAME",
                        help="once, at the end: fit NAME on all of train + dev and score "
                             "UW test and MEANTIME test, beside the shipped model")
    parser.add_argument("--write", metavar="NAME",
                        help="fit NAME (a tree candidate) on all of train + dev and ship it")
    parser.add_argument("--stretch", type=float, default=1.0,
                        help="with --write: the factor the shipped score is stretched by "
                             "away from the mean gold value")
    parser.add_argument("--keep", type=Path, metavar="PICKLE",
                        help="add each candidate's held-out scores to this pickle")
    parser.add_argument("--calibrate", action="store_true",
                        help="also print each candidate with its held-out scores "
                             "calibrated out of fold (factuality_calibration)")
    opts = parser.parse_args(argv)
    sites = read_sites(cache=opts.cache)
    fits = opts.cache.with_suffix(".fits.pkl") if opts.cache else None
    if fits is not None and fits.exists():  # the corrections fitted on each fold, kept
        _FITTED.update(pickle.loads(fits.read_bytes()))
    # the embeddings are a build output of the detector; the shipped trees do without them
    table = (read_embeddings(opts.embeddings, opts.dims)
             if str(opts.embeddings) == "detector" or opts.embeddings.exists()
             else np.zeros((0, 0), np.float32))
    if opts.test:
        return score_test(sites, opts.test, candidates(table)[opts.test])
    if opts.write:
        return write_model(sites, candidates(table)[opts.write], opts.stretch)
    folds = folds_of(sites, opts.folds, GROUPS[opts.group])
    print(f"{len(sites)} predicates, {len({s.document for s in sites})} documents, "
          f"{opts.folds} folds by {opts.group}; embeddings {table.shape[1]} dims\n"
          "| candidate (CV over UW train + dev) | MAE | r | acc3 | recall not | "
          "recall uncertain | recall happened |\n|---|---|---|---|---|---|---|")
    for name, fit in candidates(table).items():
        if opts.only and name not in opts.only:
            continue
        for variant, scores in cross_validate(sites, folds, fit).items():
            label = f"{name}, margin {variant}" if variant != "" else name
            print(row(label, sites, scores), flush=True)
            print(fold_figures(sites, folds, scores), flush=True)
            if opts.keep is not None:
                kept = pickle.loads(opts.keep.read_bytes()) if opts.keep.exists() else {}
                opts.keep.write_bytes(pickle.dumps({**kept, label: scores}))
            if opts.calibrate:
                print_calibrated(label, sites, folds, scores)
        if fits is not None:
            fits.write_bytes(pickle.dumps(_FITTED))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
