"""Refit the cue values of ``data/lexicon/factuality.yaml`` on UW train (never dev or test).

Called by ``python benchmarks/factuality.py --fit``. Each gold predicate of UW train is
read with the status rules; its score is +3 times the product of the values of its cues.
Coordinate descent over a grid of values, kind by kind (then, for cue words that cue at
least MIN_WORD train predicates, word by word: ``possible:could``), minimises the mean
absolute error plus half the mean squared error (the first is the literature's measure;
the second keeps Pearson's r in view: fitting the MAE alone gave dev r 0.750, MAE 0.463;
the squared error alone r 0.760, MAE 0.481; this mix r 0.757, MAE 0.467, before the
last cue words were added; 0.758 and 0.466 with them). Bounds keep
each kind's meaning (a negation turns the score over, a hedge moves it towards 0, nothing
raises it above +3), so the status read off the score still says "negated" for "did not
meet" and "denied" for a denial. Kinds with no UW predicate (``planned_frame``, an intent
to meet coded as the meeting) keep their hand-set values. The fitted values replace the
``calibration:`` block of the file, whose comments and lists stay as they are.

Then the correction (:mod:`diplograph.coding.correction`): a linear model over the
features of each predicate's cue analysis, fitted to what the refitted cue score leaves
over (gold minus cue score; a nested report's gold divided by the doubt of its outer
sources, ``inner_gold``) by ridge regression, reweighted a few times towards the
absolute error (iteratively reweighted least squares); features seen on fewer than
MIN_FEATURE train predicates (MIN_LEXICAL for hashed lemmas) get no weight. It rewrites
``factuality_model.npz``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from diplograph.coding.correction import Correction, corrected, save_correction
from diplograph.coding.cues import WORDS_PATH, load_words
from diplograph.coding.factuality import outer_doubt, score_of

# (low, high) for each kind's value; kinds not listed range over [0.05, 1].
BOUNDS = {
    "negation": (-1.0, -0.5),
    "deny": (-1.0, -0.5),
    "negative_governor": (-1.0, -0.4),
    "withheld": (0.0, 0.3),
    "confirm": (0.8, 1.0),
}
GRID_STEP = 0.01
ROUNDS = 4
LOSS = "mix"  # the error minimised: "mae", "mse", or "mix" (MAE + MSE / 2)


Signature = tuple[tuple[str, str, int], ...]  # (kind, word, count) of one predicate's cues
MIN_WORD = 15  # a cue word gets its own value when it cues this many train predicates
# Kinds whose word is the predicate itself, not a cue word: no per-word values (they would
# learn the topics of the training news, not how English marks factuality).
NO_WORD_VALUES = frozenset({"noun", "adjective", "base_verb", "present", "gerund"})


@dataclass(frozen=True)
class Groups:
    """The gold values of the scored predicates, grouped by their cue kinds and words."""

    keys: list[Signature]
    gold: np.ndarray  # every predicate's gold value
    group: np.ndarray  # every predicate's index into keys


def _groups(scored) -> Groups:  # type: ignore[no-untyped-def]
    index: dict[Signature, int] = {}
    gold, group = [], []
    for s in scored:
        if s.reading is not None:
            counts = Counter((c.kind, c.word) for c in s.reading.cues)
            key = tuple(sorted((k, w, n) for (k, w), n in counts.items()))
            group.append(index.setdefault(key, len(index)))
            gold.append(s.gold)
    return Groups(keys=list(index), gold=np.array(gold), group=np.array(group))


def _loss(groups: Groups, values: dict[str, float]) -> float:
    """The error of the scores that the fit minimises (see LOSS)."""
    scores = np.array([
        math.prod(values.get(f"{k}:{w}", values.get(k, 1.0)) ** c for k, w, c in key)
        for key in groups.keys])
    error = groups.gold - np.clip(3.0 * scores, -3.0, 3.0)[groups.group]
    if LOSS == "mix":
        return float(np.abs(error).mean() + (error ** 2).mean() / 2)
    return float((error ** 2).mean() if LOSS == "mse" else np.abs(error).mean())


def fit(scored) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Fit the values on these scored predicates (UW train) and rewrite the data file.

    Returns:
        The fitted value of each kind.
    """
    items = _groups(scored)
    values = {k: v for k, v in load_words().calibration.items() if ":" not in k}
    seen: Counter = Counter({k: 0 for k in values})
    sizes = np.bincount(items.group, minlength=len(items.keys))
    for key, size in zip(items.keys, sizes, strict=True):
        for kind, word, _ in key:
            seen[kind] += int(size)
            seen[f"{kind}:{word}"] += int(size)
    print(f"fitting {len(values)} kinds on {len(items.gold)} predicates; "
          f"{LOSS} before {_loss(items, values):.4f}")
    for _ in range(ROUNDS):
        for kind in [k for k in values if seen[k]]:
            values[kind] = _best(items, values, kind, BOUNDS.get(kind, (0.05, 1.0)))
    # Word values only for kinds with a value: a kind the calibration leaves out (status
    # rule conditional-would's cue) counts 1.0, by design, whatever its word.
    for name in sorted(k for k, n in seen.items() if ":" in k and n >= MIN_WORD
                       and k.partition(":")[0] not in NO_WORD_VALUES
                       and k.partition(":")[0] in values):
        kind = name.partition(":")[0]
        trial = {**values, name: values[kind]}
        trial[name] = _best(items, trial, name, BOUNDS.get(kind, (0.05, 1.0)))
        if _loss(items, trial) < _loss(items, values) - 0.0002:
            values = trial
    print(f"{LOSS} after {_loss(items, values):.4f}")
    for name, value in values.items():
        print(f"  {name}: {value} (n={seen[name]})")
    _rewrite(values)
    return values


def _best(items: Groups, values: dict[str, float], name: str,
          bounds: tuple[float, float]) -> float:
    """The grid value of ``name`` with the least loss, the others held (ties: the nearest)."""
    low, high = bounds
    grid = [round(low + i * GRID_STEP, 2) for i in range(round((high - low) / GRID_STEP) + 1)]
    return min(grid, key=lambda v: (_loss(items, {**values, name: v}), abs(v - values[name])))


def _rewrite(values: dict[str, float]) -> None:
    """Replace the ``calibration:`` block (to the end of the file) with ``values``."""
    text = WORDS_PATH.read_text(encoding="utf-8")
    head = re.split(r"^calibration:\n", text, flags=re.MULTILINE)[0]
    block = "calibration:\n" + "".join(f"  {k!r}: {v}\n" if ":" in k else f"  {k}: {v}\n"
                                       for k, v in values.items())
    WORDS_PATH.write_text(head + block, encoding="utf-8")
    load_words.cache_clear()


MIN_FEATURE = 10  # a named feature gets a weight when this many train predicates have it
MIN_LEXICAL = 3  # a hashed lexical feature (``lex#``, ``glex#``, ``pair#``), this many
# (dev MAE 0.436 at 3, 0.438 at 5 and at 10)
RIDGE = 10.0  # the L2 penalty on the weights (not on the intercept)
LEXICAL_RIDGE = 10.0  # the L2 penalty on the weights of hashed lemmas
REWEIGHTS = 6  # rounds of reweighting towards the absolute error
# Gold-uncertain predicates (in (-1, +1)) weigh this many times more: 6% of UW train, they
# are what the MAE fit gives up first (dev: uncertain recall 0.11 at 1, 0.19 at 2, for
# +0.002 MAE; 3 costs +0.009 MAE).
UNCERTAIN_WEIGHT = 2.0
_FLOOR = 0.25  # residuals below this weigh as much as this (keeps the weights bounded)


@dataclass(frozen=True)
class Settings:
    """What the correction's fit can be tuned by (on UW dev)."""

    min_feature: int = MIN_FEATURE
    min_lexical: int = MIN_LEXICAL
    ridge: float = RIDGE
    lexical_ridge: float = LEXICAL_RIDGE
    uncertain_weight: float = UNCERTAIN_WEIGHT


def _kept(counts: Counter, settings: Settings) -> list[str]:
    """The features frequent enough on train to get a weight."""
    def least(name: str) -> int:
        lexical = "#" in name
        return settings.min_lexical if lexical else settings.min_feature
    return sorted(f for f, n in counts.items() if n >= least(f))


def _index_matrix(rows: list[tuple[str, ...]], column: dict[str, int]) -> np.ndarray:
    """Each row's feature columns and the intercept's, padded with the all-zero column
    (a sparse 0/1 design matrix; the intercept is column len(column))."""
    zero = len(column) + 1
    picked = [[column[f] for f in feats if f in column] + [len(column)] for feats in rows]
    index = np.full((len(rows), max(map(len, picked))), zero, dtype=np.int64)
    for i, cols in enumerate(picked):
        index[i, :len(cols)] = cols
    return index


def _ridge(index: np.ndarray, weight: np.ndarray, target: np.ndarray, penalty: np.ndarray,
           start: np.ndarray) -> np.ndarray:
    """Weighted ridge regression on a 0/1 design by Jacobi-preconditioned conjugate
    gradients (the design never densified: 9,000 rows by thousands of hashed features)."""
    size = len(penalty)

    def normal(v: np.ndarray) -> np.ndarray:  # (X' W X + P) v
        fitted = np.append(v, 0.0)[index].sum(axis=1)
        back = np.bincount(index.ravel(), np.repeat(weight * fitted, index.shape[1]), size + 1)
        return back[:size] + penalty * v

    rhs = np.bincount(index.ravel(), np.repeat(weight * target, index.shape[1]), size + 1)[:size]
    diagonal = np.bincount(index.ravel(), np.repeat(weight, index.shape[1]), size + 1)[:size]
    diagonal = diagonal + penalty
    x = start.copy()
    r = rhs - normal(x)
    z = r / diagonal
    p = z.copy()
    rz = r @ z
    for _ in range(2000):
        ap = normal(p)
        step = rz / (p @ ap)
        x += step * p
        r -= step * ap
        if np.linalg.norm(r) <= 1e-9 * np.linalg.norm(rhs):
            break
        z = r / diagonal
        rz, previous = r @ z, rz
        p = z + (rz / previous) * p
    return x


def inner_gold(scored) -> np.ndarray:  # type: ignore[no-untyped-def]
    """What the learned part (correction, trees) is fitted to: each predicate's gold value,
    a nested report's divided by the doubt of its outer sources (``factuality.doubted``
    multiplies the learned score by it at run time: the learned part reads the innermost
    report)."""
    return np.array([s.gold / outer_doubt(s.reading.cues) for s in scored])


def fit_correction(scored, settings: Settings = Settings(), write: bool = True,  # type: ignore[no-untyped-def]
                   keep=lambda feature: True) -> Correction:
    """Fit the correction on these scored predicates (UW train), after the cue values, and
    (``write``) rewrite ``factuality_model.npz``.

    Args:
        keep: which features to use (the ablation drops a group at a time).
    """
    rows = [s for s in scored if s.reading is not None and s.reading.features]
    feats = [tuple(f for f in s.reading.features if keep(f)) for s in rows]
    names = _kept(Counter(f for fs in feats for f in fs), settings)
    column = {f: i for i, f in enumerate(names)}
    index = _index_matrix(feats, column)
    # the cue values may just have been refitted: the readings' cue scores are stale
    cue_scores = np.array([score_of(s.reading.cues) for s in rows])
    gold = inner_gold(rows)
    penalty = np.array([settings.lexical_ridge if "#" in f else settings.ridge for f in names]
                       + [0.0])
    emphasis = np.where(np.abs(gold) < 1.0, settings.uncertain_weight, 1.0)
    weight, solution = emphasis, np.zeros(len(names) + 1)
    for _ in range(REWEIGHTS):
        solution = _ridge(index, weight, gold - cue_scores, penalty, solution)
        model = Correction(intercept=round(float(solution[-1]), 3),
                           weights={f: round(float(w), 3) for f, w in zip(names, solution)})
        fitted = np.array([corrected(c, fs, model)
                           for c, fs in zip(cue_scores, feats, strict=True)])
        weight = emphasis / np.maximum(np.abs(gold - fitted), _FLOOR)
    print(f"correction: {len(names)} features on {len(rows)} predicates; "
          f"MAE {np.abs(gold - cue_scores).mean():.4f} -> {np.abs(gold - fitted).mean():.4f}")
    if write:
        save_correction(model)
    return model
