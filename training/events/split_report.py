"""Test-split figures of a detector folder, optionally on part of the test split (issue #17).

The test split grows with each selection's test sids; comparing a retrained model with the
shipped one on the same sentences needs the old part alone as well as the whole.

    python -m training.events.split_report [MODEL_DIR] [--test-files test_sids.txt ...]

MODEL_DIR: a folded detector folder (default: the shipped one); --test-files: the test-sid
files whose sentences count (default: every test sentence). Prints JSON: sentences, micro and
per-type P/R/F1 (metrics.report), with each type's support.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model_dir", nargs="?", default=None)
    ap.add_argument("--test-files", nargs="*", default=[])
    args = ap.parse_args()
    print(json.dumps(test_report(args.model_dir, args.test_files), indent=1))  # noqa: T201


if __name__ == "__main__":
    main()
