"""Test-split figures of a detector folder, optionally on part of the test split (issue #17).

The test split grows with each selection's test sids; comparing a retrained model with the
shipped one on the same sentences needs the old part alone as well as the whole.

    python -m training.events.split_report [MODEL_DIR] [--test-files test_sids.txt ...]
    python -m training.events.split_report NEW_DIR --against OLD_DIR --test-files OLD_FILES...

MODEL_DIR: a folded detector folder (default: the shipped one); --test-files: the test-sid
files whose sentences count (default: every test sentence). Prints JSON: sentences, micro and
per-type P/R/F1 (metrics.report), with each type's support.

--against OLD_DIR applies stop 19's rule for shipping a retrained model, fixed before it was
trained: micro-F1 on the whole test split and on the old part (--test-files) must not fall,
and no type with at least MIN_SUPPORT test positives may lose more than MAX_TYPE_LOSS F1.
Prints both models' figures and the decision.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from diplograph.coding.detector import EventDetector

from .dataset import make_splits
from .labels import HERE, TYPES, read_sids
from .metrics import report


def test_report(model_dir: str | None, test_files: list[str]) -> dict:
    """metrics.report of the detector's decisions on the chosen test sentences."""
    test = make_splits()["test"]
    keep = set().union(*(read_sids(HERE / name) for name in test_files)) if test_files else None
    rows = [i for i, sid in enumerate(test.sids) if keep is None or sid in keep]
    detector = EventDetector.load(model_dir)
    decided = detector.detect([test.texts[i] for i in rows])
    pred = np.array([[t in types for t in TYPES] for types in decided], dtype=bool)
    return {"sentences": len(rows), **report(test.y[rows], pred)}


MIN_SUPPORT = 20
MAX_TYPE_LOSS = 0.10


def ship_check(new_dir: str, old_dir: str, old_files: list[str]) -> dict:
    """Both models on the whole test split and its old part, and the ship decision."""
    whole = {"new": test_report(new_dir, []), "old": test_report(old_dir, [])}
    part = {"new": test_report(new_dir, old_files), "old": test_report(old_dir, old_files)}
    losses = {t: round(whole["old"]["per_type"][t]["f1"] - s["f1"], 4)
              for t, s in whole["new"]["per_type"].items()
              if s["support"] >= MIN_SUPPORT
              and whole["old"]["per_type"][t]["f1"] - s["f1"] > MAX_TYPE_LOSS}
    ships = (whole["new"]["micro"]["f1"] >= whole["old"]["micro"]["f1"]
             and part["new"]["micro"]["f1"] >= part["old"]["micro"]["f1"] and not losses)
    per_type = {t: {"support": s["support"], "old": round(whole["old"]["per_type"][t]["f1"], 4),
                    "new": round(s["f1"], 4)} for t, s in whole["new"]["per_type"].items()}
    return {"whole_micro": {k: r["micro"] for k, r in whole.items()},
            "old_part_micro": {k: r["micro"] for k, r in part.items()},
            "per_type_f1": per_type, "types_losing_too_much": losses, "ships": ships}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model_dir", nargs="?", default=None)
    ap.add_argument("--test-files", nargs="*", default=[])
    ap.add_argument("--against", help="the shipped model's folder: apply the ship rule")
    args = ap.parse_args()
    if args.against:
        result = ship_check(args.model_dir, args.against, args.test_files)
    else:
        result = test_report(args.model_dir, args.test_files)
    print(json.dumps(result, indent=1))  # noqa: T201


if __name__ == "__main__":
    main()
