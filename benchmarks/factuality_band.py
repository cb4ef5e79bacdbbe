"""Choose the status band (happened / uncertain / not) by 5-fold CV over UW train + dev.

The 3-way class an analyst sees is the band of the claim status (asserted, reported:
happened; unconfirmed, planned, hypothetical: uncertain; denied, negated: not). Today the
status reads the cue score and the cues (``factuality.status_of``). Here a class-balanced
3-way classifier over the same inputs as the shipped trees (``factuality_cv.Dense``: cue
score, corrected score, part of speech, path to the nearest cue, the correction's named
features) is fitted in each fold, and its band is reconciled with the cues by
``factuality.status_in_band`` under each policy; the numeric score stays the shipped
regression (the correction and trees, refitted in the fold), and is either left as it is
or clipped into the status's band (what that costs in MAE and r is printed).

Printed per candidate: the per-class recall and 3-way accuracy of the statuses' bands,
and MAE / r of the score, unclipped and clipped. Never reads test.

Usage::

    python benchmarks/factuality_band.py --cache /tmp/sites.pkl [--group document|source]
        [--bands-only] [--classifiers "logistic 0.05"]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from factuality import pearson
from factuality_cv import (
    _FITTED,
    GROUPS,
    Dense,
    fit_ridge,
    fit_stacked,
    folds_of,
    stripped,
    trees_of,
)
from factuality_fit import Settings
from factuality_sites import Site, read_sites

from diplograph.coding.factuality import (
    BAND_OF_STATUS,
    BANDS,
    band_is_open,
    clipped_into,
    keeps_cue_band,
    status_in_band,
)
from diplograph.coding.factuality_band import Band, BandModel, TreeBand, save_band
from diplograph.coding.factuality_trees import Trees
from diplograph.coding.parse import load_nlp

HAPPENED_WEIGHTS = (1.0, 1.5, 2.0, 2.5, 3.0)  # the happened probability, scaled: the curve


def band_of(value: float) -> str:
    return "happened" if value >= 1 else "not" if value <= -1 else "uncertain"


def classifier(name: str):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    if name.startswith("logistic"):
        c = float(name.split()[-1])
        return make_pipeline(StandardScaler(), LogisticRegression(
            C=c, class_weight="balanced", max_iter=3000))
    # "trees LEAVES [MIN_LEAF]": "trees 7 100", seven leaves a tree, 100 predicates a leaf
    leaves, min_leaf = ([int(n) for n in name.split()[1:]] + [40])[:2]
    return HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05,
                                          max_leaf_nodes=leaves, min_samples_leaf=min_leaf,
                                          l2_regularization=1.0, class_weight="balanced",
                                          random_state=0)


def held_out(sites: list[Site], folds: list[np.ndarray], names: list[str],
             table: np.ndarray, scored: bool = True,
             fit_rows: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The held-out regression scores (with ``scored`` False, the shipped model's scores,
    not held out: a quicker run for the bands alone), and each classifier's held-out band
    probabilities (columns in the order of BANDS). With ``fit_rows`` (a mask), the
    classifiers learn from those training predicates only (``open_rows``)."""
    scores = np.array([s.scored.reading.score for s in sites])
    probs = {n: np.zeros((len(sites), 3)) for n in names}
    gold_band = np.array([BANDS.index(band_of(s.scored.gold)) for s in sites])
    for k, test in enumerate(folds):
        mask = np.ones(len(sites), bool)
        mask[test] = False
        train = [s for s, m in zip(sites, mask, strict=True) if m]
        held = [sites[i] for i in test]
        if scored:
            scores[test] = fit_stacked(train, table, "gbm-blend", embedded=False)(held)
        base = fit_ridge(train, Settings())
        dense = Dense(train, table)
        x_train, x_held = dense(train, base(train)), dense(held, base(held))
        rows = mask[mask] if fit_rows is None else fit_rows[mask]
        for name in names:
            model = classifier(name).fit(x_train[rows], gold_band[mask][rows])
            probs[name][test] = model.predict_proba(x_held)
        print(f"fold {k + 1} done", file=sys.stderr, flush=True)
    return scores, probs


def evaluate(label: str, sites: list[Site], scores: np.ndarray,
             statuses: list[str]) -> str:
    gold = np.array([s.scored.gold for s in sites])
    truth = [band_of(g) for g in gold]
    bands = [BAND_OF_STATUS[st] for st in statuses]
    recalls = []
    for band in ("not", "uncertain", "happened"):
        hits = [b == band for t, b in zip(truth, bands, strict=True) if t == band]
        recalls.append(sum(hits) / len(hits))
    acc = np.mean([t == b for t, b in zip(truth, bands, strict=True)])
    cells = [f"{np.abs(gold - scores).mean():.4f}", f"{pearson(list(gold), list(scores)):.4f}"]
    for only_open in (False, True):
        clipped = np.array([clipped_into(v, BAND_OF_STATUS[st])
                            if not only_open or band_is_open(s.scored.reading.cues) else v
                            for v, st, s in zip(scores, statuses, sites, strict=True)])
        cells += [f"{np.abs(gold - clipped).mean():.4f}",
                  f"{pearson(list(gold), list(clipped)):.4f}"]
    return (f"| {label} | {recalls[0]:.3f} | {recalls[1]:.3f} | {recalls[2]:.3f} | "
            f"{np.mean(recalls):.3f} | {acc:.3f} | " + " | ".join(cells) + " |")


def statuses_with(sites: list[Site], bands: list[str | None], policy: str,
                  fixed: list[bool] | None = None) -> list[str]:
    """The statuses with these bands; where ``fixed`` says so, the cues' alone."""
    fixed = fixed or [False] * len(sites)
    return [status_in_band(s.scored.reading.cue_score, s.scored.reading.cues,
                           None if keep else band, policy)
            for s, band, keep in zip(sites, bands, fixed, strict=True)]


def implicative(sites: list[Site]) -> list[bool]:
    """Whether each predicate is a negative-implicative verb (``factuality.keeps_cue_band``):
    its lemma read by our pipeline from the word as written, alone (the cache keeps the
    word, not its lemma)."""
    nlp = load_nlp()
    words = sorted({s.word for s in sites})
    lemma = {w: doc[0].lemma_ if len(doc) else w for w, doc in zip(words, nlp.pipe(words),
                                                                    strict=True)}
    return [s.pos in ("VERB", "AUX", "ADJ") and keeps_cue_band(lemma[s.word], pos=s.pos)
            for s in sites]


def open_rows(sites: list[Site]) -> np.ndarray:
    """The predicates whose band the classifier decides at run time: no cue fixes it
    (``factuality.band_is_open``) and the predicate is no negative-implicative verb."""
    fixed = implicative(sites)
    return np.array([band_is_open(s.scored.reading.cues) and not keep
                     for s, keep in zip(sites, fixed, strict=True)])


def tree_bands(fitted, columns: tuple[str, ...]) -> tuple[Trees, ...]:  # type: ignore[no-untyped-def]
    """A scikit-learn HistGradientBoostingClassifier's trees as arrays, one ensemble per
    band (each boosting iteration holds one tree per class)."""
    baseline = np.ravel(fitted._baseline_prediction)
    return tuple(
        trees_of(SimpleNamespace(_predictors=[[step[k]] for step in fitted._predictors],
                                 _baseline_prediction=baseline[k:k + 1]),
                 SimpleNamespace(columns=columns, table=np.zeros((0, 0), np.float32)))
        for k in range(len(BANDS)))


def write_band(sites: list[Site], name: str, weight: float, open_only: bool = False) -> int:
    """Fit the classifier ``name`` ("logistic C" or "trees LEAVES MIN_LEAF") on all of UW
    train + dev (with ``open_only``, on its open predicates) and ship it, with the happened
    weight ``weight`` (the point of the curve chosen by CV)."""
    table = np.zeros((0, 0), np.float32)
    base = fit_ridge(sites, Settings())
    dense = Dense(sites, table)
    x = dense(sites, base(sites))
    gold_band = np.array([BANDS.index(band_of(s.scored.gold)) for s in sites])
    rows = open_rows(sites) if open_only else np.ones(len(sites), bool)
    fitted = classifier(name).fit(x[rows], gold_band[rows])
    weights = np.array([1.0, 1.0, weight])
    model: Band
    if name.startswith("trees"):
        model = TreeBand(columns=dense.columns, trees=tree_bands(fitted, dense.columns),
                         weights=weights)
    else:
        scaler, logistic = fitted[0], fitted[-1]
        model = BandModel(columns=dense.columns, mean=scaler.mean_, scale=scaler.scale_,
                          coef=logistic.coef_, intercept=logistic.intercept_, weights=weights)
    gap = max(float(np.abs(model.probabilities(r) - p).max())
              for r, p in zip(x[:200], fitted.predict_proba(x[:200]), strict=True))
    save_band(model)
    print(f"wrote the band classifier over {len(dense.columns)} columns; largest gap to "
          f"scikit-learn's probabilities on 200 rows {gap:.2e}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--group", choices=("document", "source"), default="document")
    parser.add_argument("--classifiers", nargs="+",
                        default=["logistic 0.05", "logistic 1", "trees 15"])
    parser.add_argument("--write", metavar="NAME", help="fit the classifier NAME "
                        "on all of train + dev and ship it")
    parser.add_argument("--weight", type=float, default=1.0,
                        help="with --write: the happened weight")
    parser.add_argument("--bands-only", action="store_true",
                        help="do not refit the regression in each fold (the MAE and r "
                             "columns then read the shipped scores, not held out)")
    parser.add_argument("--open-only", action="store_true",
                        help="fit the classifiers on the open predicates alone (those "
                             "whose band they decide at run time)")
    parser.add_argument("--without", metavar="GROUP",
                        help="leave out a group of correction features (as the shipped "
                             "regression does: 'place')")
    opts = parser.parse_args(argv)
    sites = read_sites(cache=opts.cache)
    if opts.without:
        sites = stripped(sites, opts.without)
    fits = opts.cache.with_suffix(".fits.pkl") if opts.cache else None
    if fits is not None and fits.exists():  # the fold corrections factuality_cv.py kept
        _FITTED.update(pickle.loads(fits.read_bytes()))
    if opts.write:
        return write_band(sites, opts.write, opts.weight, opts.open_only)
    folds = folds_of(sites, 5, GROUPS[opts.group])
    table = np.zeros((0, 0), np.float32)
    suffix = (f".band-{opts.group}{'-bands' if opts.bands_only else ''}"
              f"{'-open' if opts.open_only else ''}.pkl")
    kept = opts.cache.with_suffix(suffix) if opts.cache else None
    if kept is not None and kept.exists():
        scores, probs = pickle.loads(kept.read_bytes())
    else:
        scores, probs = held_out(sites, folds, opts.classifiers, table, not opts.bands_only,
                                 open_rows(sites) if opts.open_only else None)
        if kept is not None:
            kept.write_bytes(pickle.dumps((scores, probs)))
    print("| candidate (CV over UW train + dev) | recall not | recall uncertain | "
          "recall happened | mean recall | acc3 | MAE | r | MAE clipped | r clipped | "
          "MAE clipped where open | r clipped where open |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(evaluate("statuses as today (cue score)", sites, scores,
                   [s.scored.reading.status for s in sites]))
    fixed = implicative(sites)
    print(f"({sum(fixed)} predicates are negative-implicative verbs)")
    for name, p in probs.items():
        for weight in HAPPENED_WEIGHTS:
            shifted = p * np.array([1.0, 1.0, weight])
            bands = [BANDS[int(i)] for i in shifted.argmax(1)]
            for policy in ("open", "free"):
                print(evaluate(f"{name}, happened x{weight}, {policy}", sites, scores,
                               statuses_with(sites, bands, policy)), flush=True)
            print(evaluate(f"{name}, happened x{weight}, open, implicative verbs keep the "
                           "cues' band", sites, scores,
                           statuses_with(sites, bands, "open", fixed)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
