"""Stop 28's detector: static logits + word n-grams, one linear model per type (NGRAMS_PLAN.md).

    python -m training.events.ngrams select [--block binary:2]  # OOF grid over train + dev
    python -m training.events.ngrams choose   # the best settings -> build/ngrams_oof.json
    python -m training.events.ngrams fit      # refit the chosen setting, fold -> build/cand-ngrams
    python -m training.events.ngrams judge    # the ship rule on the test split, once; ships if it
                                              # passes

The three steps are separate so that the test split is read only by `judge`, after the
setting, the thresholds and the folded model are fixed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import shutil
import time
from pathlib import Path

import numpy as np

from diplograph.coding.detector import CONFIG, FORMAT, VOCAB, EventDetector

from . import ship
from .dataset import Split, make_splits
from .embedders import BUILD
from .labels import TYPES
from .metrics import micro_f1
from .ngram_features import Vocabulary, combined, fit_vocabulary, ngram_matrix, oof_logits
from .oof import folds_of, per_type, shrunk_thresholds, write_probabilities
from .split_report import ship_check
from .train import SHIPPED, pooled_train_dev

logger = logging.getLogger("training.events.ngrams")
WEIGHTINGS = ("binary", "tfidf")
MIN_DFS = (2, 3)
ALPHAS = (0.25, 1.0)
GRID_C = (1.0, 3.0, 10.0, 30.0)
OOF_JSON = BUILD / "ngrams_oof.json"
CANDIDATE = BUILD / "cand-ngrams"
OLD_TEST_FILES = ["test_sids.txt", "test_sids_extra.txt", "test_sids_extra2.txt",
                  "test_sids_extra3.txt"]


def fit_types(x, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """One L2 logistic regression per type (scikit-learn's objective, intercept unpenalised);
    returns (W types x features, b)."""
    from sklearn.linear_model import LogisticRegression

    w = np.zeros((y.shape[1], x.shape[1]))
    b = np.zeros(y.shape[1])
    for j in range(y.shape[1]):
        model = LogisticRegression(C=c, solver="lbfgs", max_iter=3000)
        model.fit(x, y[:, j])
        w[j], b[j] = model.coef_[0], model.intercept_[0]
    return w, b


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def oof_setting(pooled: Split, static: np.ndarray | None, folds: np.ndarray,
                grams: dict[int, tuple], alpha: float, c: float) -> np.ndarray:
    """Out-of-fold probabilities of one setting (grams: fold -> (fit rows, held rows))."""
    out = np.zeros(pooled.y.shape)
    for f in np.unique(folds):
        held = folds == f
        x_fit, x_held = grams[f]
        s_fit = None if static is None else static[~held]
        s_held = None if static is None else static[held]
        w, b = fit_types(combined(s_fit, alpha, x_fit), pooled.y[~held], c)
        out[held] = _sigmoid(combined(s_held, alpha, x_held) @ w.T + b)
    return out


def fold_grams(pooled: Split, folds: np.ndarray, weighting: str, min_df: int) -> dict[int, tuple]:
    """Per fold: the n-gram matrices of the fitting and held rows (vocabulary from fitting)."""
    out = {}
    texts = np.array(pooled.texts, dtype=object)
    for f in np.unique(folds):
        held = folds == f
        vocab = fit_vocabulary(list(texts[~held]), min_df)
        out[f] = (ngram_matrix(list(texts[~held]), vocab, weighting),
                  ngram_matrix(list(texts[held]), vocab, weighting))
    return out


def select_block(weighting: str, min_df: int) -> list[dict]:
    """The plan's grid for one n-gram weighting and min_df, out of fold (its file in build/)."""
    pooled = pooled_train_dev(make_splits())
    static = oof_logits(pooled.sids)
    folds = folds_of(pooled.sids)
    grams = fold_grams(pooled, folds, weighting, min_df)
    trials = []
    for alpha, c in [(0.0, c) for c in GRID_C] + list(itertools.product(ALPHAS, GRID_C)):
        t0 = time.process_time()
        scores = oof_setting(pooled, None if alpha == 0 else static, folds, grams, alpha, c)
        th = shrunk_thresholds(pooled.y, scores)
        trial = {"features": "n-grams alone" if alpha == 0 else "static + n-grams",
                 "weighting": weighting, "min_df": min_df, "alpha": alpha, "C": c,
                 "oof_micro_f1": round(micro_f1(pooled.y, scores >= th), 4)}
        trials.append(trial)
        logger.info("%s (%.0f CPU s)", json.dumps(trial), time.process_time() - t0)
    _block_file(weighting, min_df).write_text(json.dumps(trials, indent=1) + "\n",
                                              encoding="utf-8")
    return trials


def _block_file(weighting: str, min_df: int):
    return BUILD / f"ngrams_oof_{weighting}_{min_df}.json"


def choose() -> dict:
    """Every block's trials in the plan's order; the best combined and n-grams-alone
    settings (ties: the first), and static alone, all by OOF micro-F1."""
    pooled = pooled_train_dev(make_splits())
    static_probs = _sigmoid(oof_logits(pooled.sids))
    trials = [{"features": "static alone", "oof_micro_f1": round(micro_f1(
        pooled.y, static_probs >= shrunk_thresholds(pooled.y, static_probs)), 4)}]
    for weighting, min_df in itertools.product(WEIGHTINGS, MIN_DFS):
        trials += json.loads(_block_file(weighting, min_df).read_text(encoding="utf-8"))
    best: dict[str, dict] = {}
    for trial in trials:
        kind = trial["features"]
        if kind not in best or trial["oof_micro_f1"] > best[kind]["oof_micro_f1"]:
            best[kind] = trial
    result = {"trials": trials, "best": best}
    OOF_JSON.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def chosen_oof(pooled: Split, chosen: dict) -> np.ndarray:
    """The chosen setting's out-of-fold probabilities again (deterministic: as in select)."""
    static = oof_logits(pooled.sids)
    folds = folds_of(pooled.sids)
    grams = fold_grams(pooled, folds, chosen["weighting"], chosen["min_df"])
    return oof_setting(pooled, static, folds, grams, chosen["alpha"], chosen["C"])


def static_base() -> Path:
    """The static (format v1) model whose logits the n-gram model sits on: the shipped one
    while it is v1, else the static candidate `train.py` last wrote. Its out-of-fold
    probabilities (`oof_probabilities.tsv`) must come from the same training run."""
    for folder in (SHIPPED, BUILD / "cand-static"):
        config = folder / CONFIG
        if config.exists() and json.loads(config.read_text())["format"] == FORMAT:
            return folder
    raise SystemExit("no static (v1) detector: run `python -m training.events.train --only "
                     "static --no-ship` first (it writes build/cand-static)")


def fit() -> dict:
    """Refit the chosen combined setting on all of train + dev, fold it and write the folder."""
    chosen = json.loads(OOF_JSON.read_text(encoding="utf-8"))["best"]["static + n-grams"]
    pooled = pooled_train_dev(make_splits())
    scores = chosen_oof(pooled, chosen)
    th = shrunk_thresholds(pooled.y, scores)
    if round(micro_f1(pooled.y, scores >= th), 4) != chosen["oof_micro_f1"]:
        raise SystemExit("the chosen setting's out-of-fold figure did not reproduce")
    chosen = chosen | {"thresholds": th.tolist()}
    write_probabilities(pooled.sids, scores, BUILD / "ngrams_oof_probabilities.tsv")
    static = oof_logits(pooled.sids)
    vocab = fit_vocabulary(pooled.texts, chosen["min_df"])
    grams = ngram_matrix(pooled.texts, vocab, chosen["weighting"])
    w, b = fit_types(combined(static, chosen["alpha"], grams), pooled.y, chosen["C"])
    base = static_base()
    old = EventDetector.load(base)
    write_candidate(old, base, vocab, w, b, chosen)
    return {"chosen": chosen, "oof_per_type": per_type(pooled.y, scores >= th),
            "n_grams": len(vocab.grams),
            "fold_check_max_abs_logit_diff": fold_check(old, vocab, w, b, chosen, pooled)}


def write_candidate(old: EventDetector, base: Path, vocab: Vocabulary, w: np.ndarray,
                    b: np.ndarray, chosen: dict) -> None:
    """Fold the static weights into the old token table; write the v2 folder."""
    k = len(TYPES)
    a, alpha = w[:, :k], chosen["alpha"]
    table = alpha * old.table.astype(np.float64) @ a.T
    bias = alpha * a @ old.bias.astype(np.float64) + b
    tokens = (base / VOCAB).read_text(encoding="utf-8").split("\n")
    ship.write_folded_ngrams(
        CANDIDATE, vocab=tokens, table=table, bias=bias,
        thresholds=np.array(chosen["thresholds"]), length_power=old.length_power,
        grams=vocab.grams, ngram_table=w[:, k:].T, weighting=chosen["weighting"],
        idf=vocab.idf if chosen["weighting"] == "tfidf" else None,
        provenance={"static_part": f"{old.name}, its logits x alpha={alpha} folded",
                    "ngrams": f"{chosen['weighting']}, min_df {chosen['min_df']}, "
                    f"C {chosen['C']}", "oof_micro_f1": chosen["oof_micro_f1"],
                    "plan": "training/events/NGRAMS_PLAN.md"})


def fold_check(old: EventDetector, vocab: Vocabulary, w: np.ndarray, b: np.ndarray,
               chosen: dict, pooled: Split) -> float:
    """Largest |logit| gap between the folded folder and the unfolded model, on train/dev
    texts with the shipped model's static logits (float16 tables: small, not zero)."""
    texts = pooled.texts[:500]
    new = EventDetector.load(CANDIDATE)
    x = combined(old.logits(texts).astype(np.float64), chosen["alpha"],
                 ngram_matrix(texts, vocab, chosen["weighting"]))
    return float(np.abs(new.logits(texts) - (x @ w.T + b)).max())


def judge() -> dict:
    """Stop 19's ship rule against the shipped model; ships the candidate if it passes."""
    check = ship_check(str(CANDIDATE), str(SHIPPED), OLD_TEST_FILES)
    (BUILD / "ngrams_ship_check.json").write_text(json.dumps(check, indent=1) + "\n",
                                                   encoding="utf-8")
    if check["ships"]:
        shutil.rmtree(SHIPPED)
        shutil.copytree(CANDIDATE, SHIPPED)
    return check


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("select", "choose", "fit", "judge"))
    ap.add_argument("--block", help="select: one WEIGHTING:MIN_DF of the grid (default: all)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    BUILD.mkdir(exist_ok=True)
    if args.step == "select":
        blocks = ([args.block.split(":")] if args.block else
                  [(w, str(d)) for w, d in itertools.product(WEIGHTINGS, MIN_DFS)])
        result = [select_block(w, int(d)) for w, d in blocks]
    else:
        result = {"choose": choose, "fit": fit, "judge": judge}[args.step]()
    print(json.dumps(result, indent=1, default=str))  # noqa: T201


if __name__ == "__main__":
    main()
