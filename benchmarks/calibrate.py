"""Fit and check the event-confidence model (diplograph.coding.confidence).

    .venv/bin/python benchmarks/calibrate.py [--write] [--shared ../shared] [--detector]
        [--campaign] [--l2 L] [--weight SET=W ...] [--save-rows FILE]

Training data is ours: events the coder produces on the hand-written coding
cases (tests/data/coding_cases*.yaml; right = matches an expected event's type,
actors and polarity) and on the bundled sample (right = matches a record of
tests/data/sample_gold.jsonl). The held-out check is the PLOVER gold, which the
fit never sees: a reliability table (share right per confidence band), the
Brier score, and precision above thresholds.

``--detector`` fits the second model of the file, ``with_detector`` (the coder with the
learned detector on, its two features added), and also trains on the TUNE split of
tests/data/real/coding_cases_real.yaml. The detector's probability for a sentence of the
annotation campaign's TRAIN or DEV split (the shipped model was trained on them) is its
out-of-fold probability (``oof_detector.py``; written by ``make train-detector``); for any
other text the shipped model's. ``--in-sample-detector`` uses the shipped model's for every
text and leaves out the real cases whose text is a campaign sentence (the fit before stop
19, for comparison). ``--write`` then writes only that model; without ``--detector`` it
writes the rules-only model.

``--campaign`` adds real labelled events: those of the annotation campaign's TRAIN and DEV
sentences (``campaign_events.py``; type-level judgement, the test split never used). The
penalty (``--l2``) and the sets' weights (``--weight``) are chosen by cross-validation by
document (``confidence_cv.py`` on ``--save-rows``); ``make fit-confidence`` runs the chosen
fit of both models.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import campaign_events
import confidence_fit
import numpy as np
import yaml
from oof_detector import OutOfFoldDetector, campaign_probabilities

from diplograph.coding.coder import EventCoder
from diplograph.coding.confidence import DETECTOR_FEATURES, FEATURES
from diplograph.coding.hybrid import Hybrid, load_detector
from diplograph.coding.parse import load_nlp
from diplograph.evaluation.scoring import POLARITY, load_jsonl, matches
from diplograph.records import SYMMETRIC_TYPES, Article, PublishedDate, to_dict
from diplograph.run.pipeline import read_articles
from diplograph.settings import Settings
from training.events.labels import POOLS

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "src" / "diplograph" / "data" / "lexicon" / "confidence.yaml"
REAL_CASES = REPO / "tests" / "data" / "real" / "coding_cases_real.yaml"
DETECTOR_POOLS = [REPO / "training" / "events" / pool for pool, _ in POOLS]


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


def real_tune_cases(leave_out_campaign: bool) -> list[dict]:
    """The TUNE real cases; with ``leave_out_campaign``, only those whose text is not a
    campaign sentence (needed when the detector's probabilities are in-sample there)."""
    seen = _detector_texts() if leave_out_campaign else set()
    cases = yaml.safe_load(REAL_CASES.read_text(encoding="utf-8"))
    return [c for c in cases if c["split"] == "tune" and " ".join(c["text"].split()) not in seen]


def _row(coder, event, right: bool, group: str, name: str) -> dict:
    """One training row: the event's features, whether it is right, its CV group (the
    document) and the set it comes from."""
    return {"x": coder.feature_log[event.id], "y": int(right), "group": group, "set": name,
            "type": event.type}


def case_examples(coder, nlp, extra: list[dict] = ()) -> list[dict]:
    """Events of the hand-written coding cases (and ``extra`` cases), judged with actors."""
    cases = [case for path in sorted((REPO / "tests" / "data").glob("coding_cases*.yaml"))
             for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    named = [(case, "cases") for case in cases] + [(case, "real-tune") for case in extra]
    rows = []
    for i, (case, name) in enumerate(named):
        for event in _code_text(coder, nlp, f"case{i}", case["text"], str(case["published"])):
            right = _case_right(event, case.get("expect") or [])
            rows.append(_row(coder, event, right, f"case{i}", name))
    return rows


def gold_examples(coder, nlp, texts: Path, gold_path: Path, name: str = "sample") -> list[dict]:
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
                rows.append(_row(coder, event, right, f"{name}:{event.doc_id}", name))
    return rows


def report(name: str, rows: list[dict], bias: float, weights: dict) -> None:
    """Brier score, log loss and reliability table of a model on ``rows``."""
    p = confidence_fit.predict(bias, weights, rows)
    y = np.array([r["y"] for r in rows], dtype=float)
    base = float(np.mean(y))
    print(f"\n{name}: {len(rows)} events, {base:.2f} right; Brier "  # noqa: T201
          f"{confidence_fit.brier(p, y):.3f} (constant-rate Brier {base * (1 - base):.3f}), "
          f"log loss {confidence_fit.log_loss(p, y):.3f}")
    print("| confidence | events | share right |\n|---|---|---|")  # noqa: T201
    for band, count, share in confidence_fit.reliability(p, y):
        print(f"| {band} | {count} | {'-' if share is None else f'{share:.2f}'} |")  # noqa: T201
    for t in (0.5, 0.6, 0.7):
        kept = y[p >= t]
        if len(kept):
            print(f"threshold {t}: keeps {len(kept)}/{len(y)} events, "  # noqa: T201
                  f"{np.mean(kept):.2f} right")


def training_rows(coder, nlp, args) -> list[dict]:
    """The rows the model is fitted on (see the module's docstring)."""
    extra = real_tune_cases(args.in_sample_detector) if args.detector else []
    rows = case_examples(coder, nlp, extra) + gold_examples(
        coder, nlp, REPO / "src" / "diplograph" / "sample",
        REPO / "tests" / "data" / "sample_gold.jsonl")
    if args.campaign:
        rows += campaign_events.campaign_examples(
            coder, nlp, campaign_events.labelled_sentences(args.shared))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted weights")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--detector", action="store_true",
                        help="fit the model used with the learned detector on")
    parser.add_argument("--in-sample-detector", action="store_true",
                        help="the shipped detector's probabilities for campaign sentences too "
                             "(in-sample; the fit before stop 19), for comparison")
    parser.add_argument("--campaign", action="store_true",
                        help="also fit on the annotation campaign's TRAIN and DEV sentences")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights")
    parser.add_argument("--weight", action="append", default=[], metavar="SET=W",
                        help="weight of a set's rows (sets: cases, real-tune, sample, "
                             "campaign-train, campaign-dev); repeatable")
    parser.add_argument("--save-rows", type=Path,
                        help="write the coded rows as JSON (for benchmarks/confidence_cv.py)")
    args = parser.parse_args(argv)
    coder, nlp = EventCoder(detector=args.detector), load_nlp()
    if args.detector and not args.in_sample_detector:
        coder.hybrid = Hybrid(detector=OutOfFoldDetector(load_detector(),
                                                         campaign_probabilities()))
    coder.feature_log = {}
    train = training_rows(coder, nlp, args)
    if coder.hybrid is not None and not args.in_sample_detector:
        print("detector probabilities by source:", coder.hybrid.detector.answered)  # noqa: T201
    if args.save_rows:
        args.save_rows.write_text(json.dumps(train), encoding="utf-8")
    features = FEATURES + DETECTOR_FEATURES if args.detector else FEATURES
    by_set = {name: float(w) for name, w in (item.split("=") for item in args.weight)}
    bias, weights = confidence_fit.fit(train, features, args.l2,
                                       confidence_fit.set_weights(train, by_set))
    print("bias", bias, "weights", weights)  # noqa: T201
    cv = confidence_fit.scores_by_set(train, confidence_fit.cross_validate(
        train, features, args.l2, by_set))
    for name, (events, ll, brier) in cv.items():
        print(f"5-fold CV by document, {name}: {events} events, log loss {ll:.4f}, "  # noqa: T201
              f"Brier {brier:.4f}")
    for name in sorted({r["set"] for r in train}):
        report(f"training: {name}", [r for r in train if r["set"] == name], bias, weights)
    report("training: all", train, bias, weights)
    held_out = args.shared / "gold"
    if held_out.exists():
        test = gold_examples(coder, nlp, held_out / "plover_gsr_texts.jsonl",
                             held_out / "plover_gsr.jsonl", "plover")
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
              "coding cases and the sample gold;\n# refit both with `make fit-confidence`.\n"
              "# with_detector: the model used with the learned detector on, fitted with "
              "--detector --write\n# (also on the TUNE real cases the detector never saw).\n")
    data = {**rules_model, **({"with_detector": with_detector} if with_detector else {})}
    MODEL.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
