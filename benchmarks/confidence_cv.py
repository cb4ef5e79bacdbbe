"""Choose the confidence model's penalty, set weights and feature variant by cross-validation.

    .venv/bin/python benchmarks/calibrate.py --campaign [--detector] --save-rows ROWS.json
    .venv/bin/python benchmarks/confidence_cv.py ROWS.json [--detector] [--folds 5]

On the rows that ``calibrate.py`` coded: 5-fold cross-validation by document (a document's
events never straddle folds) over every set but the campaign's DEV sentences, which are kept
for tuning: each setting is also fitted on all the other rows and scored on them. Prints,
per setting, the out-of-fold log loss and Brier of the campaign's TRAIN events and of our
hand-judged sets (coding cases, sample gold, real TUNE cases: actors judged too), and the
same on DEV. The choice is the least mean of the two CV log losses; DEV confirms it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import confidence_fit as cf  # noqa: E402

from diplograph.coding.confidence import DETECTOR_FEATURES, FEATURES  # noqa: E402
from diplograph.records import EVENT_TYPES  # noqa: E402

PENALTIES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
CAMPAIGN_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)  # 0: the campaign only scored, not fitted
# Which kinds count as needing no target (the `untargeted_kind` feature): as shipped,
# without the feature, with the two kinds whose victims are often unnamed people, and with
# the two whose object is often a plan or a policy, not an actor.
SHIPPED_KINDS = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "AGREE"})
UNTARGETED_VARIANTS = {
    "shipped": SHIPPED_KINDS,
    "none": frozenset(),
    "shipped+ASSAULT+COERCE": SHIPPED_KINDS | {"ASSAULT", "COERCE"},
    "shipped+ACCUSE+REJECT": SHIPPED_KINDS | {"ACCUSE", "REJECT"},  # criticism of a plan
}
CAMPAIGN_SETS = ("campaign-train", "campaign-dev")
# A candidate feature family, not in the coder: one indicator per event type (on the campaign's
# sentences the rules of some types are right far more often than others).
TYPE_FEATURES = tuple(f"type_{kind.lower()}" for kind in EVENT_TYPES)


def with_untargeted(rows: list[dict], kinds: frozenset[str]) -> list[dict]:
    """The rows with ``untargeted_kind`` recomputed for ``kinds``."""
    out = []
    for row in rows:
        x = dict(row["x"])
        x["untargeted_kind"] = float(not x["target_present"] and row["type"] in kinds)
        x |= {name: float(name == f"type_{row['type'].lower()}") for name in TYPE_FEATURES}
        out.append({**row, "x": x})
    return out


def _ours(rows: list[dict]) -> list[bool]:
    return [r["set"] not in CAMPAIGN_SETS for r in rows]


def evaluate(rows: list[dict], features: tuple[str, ...], l2: float, weight: float,
             folds: int) -> dict[str, float]:
    """CV log loss / Brier on the non-DEV rows (campaign and ours apart) and DEV scores."""
    train = [r for r in rows if r["set"] != "campaign-dev"]
    dev = [r for r in rows if r["set"] == "campaign-dev"]
    by_set = {"campaign-train": weight, "campaign-dev": weight}
    p = cf.cross_validate(train, features, l2, by_set, folds)
    y = np.array([r["y"] for r in train], dtype=float)
    ours = np.array(_ours(train))
    bias, w = cf.fit(train, features, l2, cf.set_weights(train, by_set))
    p_dev = cf.predict(bias, w, dev)
    y_dev = np.array([r["y"] for r in dev], dtype=float)
    scores = {"cv_campaign_ll": cf.log_loss(p[~ours], y[~ours]),
              "cv_ours_ll": cf.log_loss(p[ours], y[ours]),
              "cv_campaign_brier": cf.brier(p[~ours], y[~ours]),
              "cv_ours_brier": cf.brier(p[ours], y[ours]),
              "dev_ll": cf.log_loss(p_dev, y_dev), "dev_brier": cf.brier(p_dev, y_dev)}
    scores["criterion"] = (scores["cv_campaign_ll"] + scores["cv_ours_ll"]) / 2
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=Path)
    parser.add_argument("--detector", action="store_true", help="rows of the detector's model")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--campaign-dev-only", action="store_true",
                        help="cross-validate on the campaign's DEV events instead of TRAIN's "
                             "(the detector was trained on TRAIN: its probability is in-sample "
                             "there); no DEV scores then")
    args = parser.parse_args()
    rows = json.loads(args.rows.read_text(encoding="utf-8"))
    if args.campaign_dev_only:
        rows = [{**r, "set": "campaign-train"} if r["set"] == "campaign-dev" else r
                for r in rows if r["set"] != "campaign-train"]
    features = FEATURES + DETECTOR_FEATURES if args.detector else FEATURES
    names = sorted({r["set"] for r in rows})
    print(f"{len(rows)} rows: " + ", ".join(  # noqa: T201
        f"{name} {sum(r['set'] == name for r in rows)}" for name in names))
    print("| untargeted kinds | l2 | campaign weight | CV LL campaign | CV LL ours | "  # noqa: T201
          "CV Brier campaign | CV Brier ours | DEV LL | DEV Brier | criterion |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")  # noqa: T201
    results = []
    for (variant, kinds), by_type, l2, weight in itertools.product(
            UNTARGETED_VARIANTS.items(), (False, True), PENALTIES, CAMPAIGN_WEIGHTS):
        feats = features if kinds else tuple(f for f in features if f != "untargeted_kind")
        feats += TYPE_FEATURES if by_type else ()
        variant += " +type" if by_type else ""
        s = evaluate(with_untargeted(rows, kinds), feats, l2, weight, args.folds)
        results.append((s["criterion"], variant, l2, weight))
        print(f"| {variant} | {l2} | {weight} | {s['cv_campaign_ll']:.4f} | "  # noqa: T201
              f"{s['cv_ours_ll']:.4f} | {s['cv_campaign_brier']:.4f} | {s['cv_ours_brier']:.4f} "
              f"| {s['dev_ll']:.4f} | {s['dev_brier']:.4f} | {s['criterion']:.4f} |")
    best = min(results)
    print(f"chosen: untargeted {best[1]}, l2 {best[2]}, campaign weight {best[3]} "  # noqa: T201
          f"(criterion {best[0]:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
