"""Fit and check the event-confidence model (diplograph.coding.confidence).

    .venv/bin/python benchmarks/calibrate.py [--write] [--shared ../shared] [--detector]

Training data is ours: events the coder produces on the hand-written coding
cases (tests/data/coding_cases*.yaml; right = matches an expected event's type,
actors and polarity) and on the bundled sample (right = matches a record of
tests/data/sample_gold.jsonl). The held-out check is the PLOVER gold, which the
fit never sees: a reliability table (share right per confidence band), the
Brier score, and precision above thresholds.

``--detector`` fits the second model of the file, ``with_detector`` (the coder with the
learned detector on, its two features added), and also trains on the TUNE split of
tests/data/real/coding_cases_real.yaml, leaving out the cases whose text the detector
was trained on (the git-ignored pools of training/events/, where present). ``--write``
then writes only that model; without ``--detector`` it writes the rules-only model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import yaml

from diplograph.coding.coder import EventCoder
from diplograph.coding.confidence import DETECTOR_FEATURES, FEATURES
from diplograph.coding.parse import load_nlp
from diplograph.evaluation.scoring import POLARITY, load_jsonl, matches
from diplograph.records import SYMMETRIC_TYPES, Article, PublishedDate, to_dict
from diplograph.run.pipeline import read_articles
from diplograph.settings import Settings

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "src" / "diplograph" / "data" / "lexicon" / "confidence.yaml"
REAL_CASES = REPO / "tests" / "data" / "real" / "coding_cases_real.yaml"
DETECTOR_POOLS = [REPO / "training" / "events" / name
                  for name in ("pool.jsonl", "pool_extra.jsonl")]


def _code_text(coder, nlp, doc_id: str, text: str, published: str):
    article = Article(doc_id=doc_id, article_index=0, title=None, text=text,
                      published=PublishedDate(value=published, precision="day", source="metadata"))
    return coder.code(article, nlp(text))


def _same(code, actor) -> bool:
    if code is None:
        return actor is None
    return actor is not None and code in {actor.country, actor.name}


def _case_right(event, expected: list[dict]) -> bool:
    for exp in expected:
        if exp["type"] != event.type or POLARITY[exp["status"]] != POLARITY[event.status]:
            continue
        pairs = [(event.source, event.target)]
        if event.type in SYMMETRIC_TYPES:
            pairs.append((event.target, event.source))
        if any(_same(exp.get("source"), s) and _same(exp.get("target"), t) for s, t in pairs):
            return True
    return False


def _detector_texts() -> set[str]:
    """The sentences the detector's labels hold (whitespace-normalised)."""
    found = set()
    for path in DETECTOR_POOLS:
        if not path.exists():
            print(f"warning: {path} missing: real cases the detector saw stay in the fit")  # noqa: T201
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            found.add(" ".join(json.loads(line)["text"].split()))
    return found


def real_tune_cases() -> list[dict]:
    """The TUNE real cases whose text the detector was not trained on."""
    seen = _detector_texts()
    cases = yaml.safe_load(REAL_CASES.read_text(encoding="utf-8"))
    return [c for c in cases if c["split"] == "tune" and " ".join(c["text"].split()) not in seen]


def case_examples(coder, nlp, extra: list[dict] = ()) -> list[tuple[dict, int]]:
    cases = [case for path in sorted((REPO / "tests" / "data").glob("coding_cases*.yaml"))
             for case in yaml.safe_load(path.read_text(encoding="utf-8"))] + list(extra)
    rows = []
    for i, case in enumerate(cases):
        for event in _code_text(coder, nlp, f"case{i}", case["text"], str(case["published"])):
            rows.append((coder.feature_log[event.id],
                         int(_case_right(event, case.get("expect") or []))))
    return rows


def gold_examples(coder, nlp, texts: Path, gold_path: Path) -> list[tuple[dict, int]]:
    gold = defaultdict(list)
    for record in load_jsonl(gold_path):
        gold[record["doc_id"]].append(record)
    rows = []
    for item in read_articles([str(texts)], Settings()):
        if not isinstance(item, tuple):
            continue
        for article in item[1]:
            for event in coder.code(article, nlp(article.text)):
                right = any(matches(g, to_dict(event)) for g in gold.get(event.doc_id, []))
                rows.append((coder.feature_log[event.id], int(right)))
    return rows


def fit(rows: list[tuple[dict, int]], features: tuple[str, ...] = FEATURES, l2: float = 1.0,
        steps: int = 4000) -> tuple[float, dict]:
    """L2-regularised logistic regression by gradient descent (numpy only)."""
    x = np.array([[r[0][f] for f in features] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + l2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= 0.5 * grad_w
        b -= 0.5 * grad_b
    return round(b, 3), {f: round(float(v), 3) for f, v in zip(features, w)}


def predict(bias: float, weights: dict, row: dict) -> float:
    z = bias + sum(weights.get(f, 0.0) * row.get(f, 0.0) for f in weights)
    return 1 / (1 + np.exp(-z))


def report(name: str, rows: list[tuple[dict, int]], bias: float, weights: dict) -> None:
    probs = [(predict(bias, weights, r), y) for r, y in rows]
    brier = np.mean([(p - y) ** 2 for p, y in probs])
    base = np.mean([y for _, y in probs])
    print(f"\n{name}: {len(probs)} events, {base:.2f} right; Brier {brier:.3f} "  # noqa: T201
          f"(constant-rate Brier {base * (1 - base):.3f})")
    print("| confidence | events | share right |")  # noqa: T201
    print("|---|---|---|")  # noqa: T201
    for lo in (0.0, 0.3, 0.5, 0.7):
        hi = {0.0: 0.3, 0.3: 0.5, 0.5: 0.7, 0.7: 1.01}[lo]
        band = [y for p, y in probs if lo <= p < hi]
        share = f"{np.mean(band):.2f}" if band else "-"
        print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(band)} | {share} |")  # noqa: T201
    for t in (0.5, 0.6, 0.7):
        kept = [y for p, y in probs if p >= t]
        if kept:
            print(f"threshold {t}: keeps {len(kept)}/{len(probs)} events, "  # noqa: T201
                  f"{np.mean(kept):.2f} right")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted weights")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--detector", action="store_true",
                        help="fit the model used with the learned detector on")
    args = parser.parse_args(argv)
    coder, nlp = EventCoder(detector=args.detector), load_nlp()
    coder.feature_log = {}
    extra = real_tune_cases() if args.detector else []
    train = case_examples(coder, nlp, extra) + gold_examples(
        coder, nlp, REPO / "src" / "diplograph" / "sample",
        REPO / "tests" / "data" / "sample_gold.jsonl")
    features = FEATURES + DETECTOR_FEATURES if args.detector else FEATURES
    bias, weights = fit(train, features)
    print("bias", bias, "weights", weights)  # noqa: T201
    report("training (coding cases + sample gold)", train, bias, weights)
    held_out = args.shared / "gold"
    if held_out.exists():
        test = gold_examples(coder, nlp, held_out / "plover_gsr_texts.jsonl",
                             held_out / "plover_gsr.jsonl")
        report("held out (PLOVER gold)", test, bias, weights)
    if args.write:
        write_model({"bias": bias, "weights": weights}, detector=args.detector)
    return 0


def write_model(model: dict, *, detector: bool) -> None:
    """Replace one of the two models of the file, keeping the other."""
    current = yaml.safe_load(MODEL.read_text(encoding="utf-8"))
    rules_model = {k: current[k] for k in ("bias", "weights")}
    with_detector = current.get("with_detector")
    if detector:
        with_detector = model
    else:
        rules_model = model
    header = ("# Confidence model: logistic weights over the features of "
              "diplograph.coding.confidence.\n# Fitted by benchmarks/calibrate.py on the "
              "coding cases and the sample gold; refit with --write.\n# with_detector: the "
              "model used with the learned detector on, fitted with --detector --write\n"
              "# (also on the TUNE real cases the detector never saw).\n")
    data = {**rules_model, **({"with_detector": with_detector} if with_detector else {})}
    MODEL.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
