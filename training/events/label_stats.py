#!/usr/bin/env python3
"""Summarise a labeller's files: per-type positives, statuses, modes, no-event count.

Counts every labels_<X>/chunk_NN.jsonl and extra*_NN.jsonl (the extra selections, whose
sentences are in pool_extra*.jsonl; labels.py's POOLS and LABEL_GLOBS list them).

Usage: python3 training/events/label_stats.py [--labeller A] [--json]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# "select" shadows the standard library here: load labels.py by path (scripts run by path).
_spec = importlib.util.spec_from_file_location("events_labels", HERE / "labels.py")
labels = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = labels  # dataclasses look their module up there
_spec.loader.exec_module(labels)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--labeller", default="A")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    pool = {}
    for name, _ in labels.POOLS:
        if not (HERE / name).exists():
            continue
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            pool[r["sid"]] = r
    lab = HERE / f"labels_{a.labeller}"
    files = labels.label_files(lab)
    types, status, modes = Counter(), Counter(), Counter()
    src_ev, src_all, bucket_ev = Counter(), Counter(), Counter()
    n = none = n_test = n_overlap = multi = 0
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            n += 1
            p = pool[r["sid"]]
            src_all[p["category"]] += 1
            n_test += p["test"]
            n_overlap += p["overlap"]
            if not r["types"]:
                none += 1
                continue
            src_ev[p["category"]] += 1
            bucket_ev[p["bucket"]] += 1
            multi += len(r["types"]) > 1
            for t in r["types"]:
                types[t] += 1
                status[r["status"][t]] += 1
                if r["modes"].get(t):
                    modes[f"{t}/{r['modes'][t]}"] += 1
    out = {
        "chunks": [f.stem for f in files], "sentences": n, "no_event": none, "with_event": n - none,
        "multi_type": multi, "test_sentences": n_test, "overlap_sentences": n_overlap,
        "types": dict(types.most_common()), "status": dict(status.most_common()),
        "modes": dict(modes.most_common()),
        "event_rate_by_category": {k: f"{src_ev[k]}/{v}" for k, v in sorted(src_all.items())},
        "events_by_selection_bucket": dict(bucket_ev.most_common()),
    }
    print(json.dumps(out, indent=None if a.json else 2))


if __name__ == "__main__":
    main()
