"""Hybrid coding on the learned detector's own labelled sentences (issue #17).

    .venv/bin/python benchmarks/hybrid_split.py [--split dev|test] [--min-confidence 0.5]
                                                [--limit N] [--show]

Each sentence of the split (``training/events/``, see its README; the git-ignored pools
must be present) is coded as a one-sentence article, once by the rules alone and once
with the detector (``EventCoder(detector=False/True)``). A sentence's predicted types are
those of its events at or above ``--min-confidence``; its gold types are the labels.
Prints type-level micro P/R/F1 of both, the detector alone (its thresholds), and the
hybrid per type. ``dev`` is for tuning; ``test`` is the detector's held-out split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplograph.coding.coder import EventCoder  # noqa: E402
from diplograph.coding.hybrid import load_detector  # noqa: E402
from diplograph.coding.parse import load_nlp  # noqa: E402
from diplograph.records import Article, PublishedDate  # noqa: E402
from training.events.dataset import make_splits  # noqa: E402
from training.events.labels import TYPES  # noqa: E402


def coded_types(coder: EventCoder, doc, floor: float) -> set[str]:
    """The types of a one-sentence article's events at or above ``floor``."""
    article = Article(doc_id="s", article_index=0, title=None, text=doc.text,
                      published=PublishedDate(value="2005-01-01", precision="day",
                                              source="metadata"))
    return {e.type for e in coder.code(article, doc) if e.confidence >= floor}


def micro(gold: list[set[str]], pred: list[set[str]], kinds=TYPES) -> dict[str, float]:
    """Type-level precision, recall and F1 over sentences, for the types ``kinds``."""
    tp = sum(len(g & p & set(kinds)) for g, p in zip(gold, pred, strict=True))
    made = sum(len(p & set(kinds)) for p in pred)
    wanted = sum(len(g & set(kinds)) for g in gold)
    prec = tp / made if made else 0.0
    rec = tp / wanted if wanted else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"P": round(prec, 3), "R": round(rec, 3), "F1": round(f1, 3), "tp": tp,
            "made": made, "gold": wanted}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    parser.add_argument("--show", action="store_true", help="print the hybrid's wrong types")
    args = parser.parse_args()
    split = make_splits()[args.split]
    texts = split.texts[: args.limit or None]
    gold = [{TYPES[j] for j in row.nonzero()[0]} for row in split.y[: len(texts)]]
    nlp = load_nlp()
    docs = list(nlp.pipe(texts))
    coders = EventCoder(detector=False), EventCoder(detector=True)
    rules, both = ([coded_types(c, d, args.min_confidence) for d in docs] for c in coders)
    alone = [set(t) for t in load_detector().detect(texts)]
    print(f"{args.split}: {len(texts)} sentences, min confidence {args.min_confidence}")
    for name, pred in (("rules", rules), ("hybrid", both), ("detector alone", alone)):
        print(f"{name:15s}", micro(gold, pred))
    print("\n| type | gold | rules P / R | hybrid P / R | hybrid made |\n|---|---:|---|---|---:|")
    for kind in TYPES:
        r, h = micro(gold, rules, [kind]), micro(gold, both, [kind])
        print(f"| {kind} | {h['gold']} | {r['P']:.2f} / {r['R']:.2f} | "
              f"{h['P']:.2f} / {h['R']:.2f} | {h['made']} |")
    if args.show:
        wrong = Counter()
        for text, g, p, r in zip(texts, gold, both, rules, strict=True):
            if p - r - g:
                wrong.update(p - r - g)
                print(f"extra {sorted(p - r - g)} gold {sorted(g)} | {text[:140]}")
        print(wrong.most_common())
    return 0


if __name__ == "__main__":
    sys.exit(main())
