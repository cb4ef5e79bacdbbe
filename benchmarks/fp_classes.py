"""The referee's false positives by class: a type the sentence's gold does not list, a
wrong status, or the actor side that fails, with the argument rules behind each.

    python benchmarks/fp_classes.py ../shared/gold/plover_gsr.jsonl /tmp/p.jsonl

Uses the referee's own matching (``../shared/tools/score_events.py``) on the gold records
of the same document; no gold sentence is printed or read.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

import score_events as referee  # noqa: E402

STEPS = ("argument/", "recode/", "fold/")


def _types(gold: dict) -> set[str]:
    listed = gold["type"] if isinstance(gold["type"], list) else [gold["type"]]
    return {referee.norm_type(t) for t in listed}


def fp_class(event: dict, golds: list[dict]) -> str:
    """Why a false positive is one: its type, its status, or which actor side fails."""
    kind = referee.norm_type(event["type"])
    same = [g for g in golds if kind in _types(g)]
    if not same:
        return "type not in the sentence's gold"
    if referee.POLARITY.get(event.get("status", "asserted"), "happened") != "happened":
        return f"status {event.get('status')}"
    source_ok = any(referee.actor_ok(g.get("source", "*"), event.get("source")) for g in same)
    target_ok = any(referee.actor_ok(g.get("target", "*"), event.get("target")) for g in same)
    if source_ok and not target_ok:
        target = event.get("target") or {}
        if not (target.get("country") or target.get("name")):
            return "target missing"
        return "target invented (no words)" if target.get("text") is None else "target wrong"
    return "source wrong" if target_ok else "both wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("system", type=Path)
    args = parser.parse_args()
    gold = referee.load(args.gold)
    _, details, _ = referee.score(gold, referee.load(args.system))
    by_doc = collections.defaultdict(list)
    for record in gold:
        by_doc[record["doc_id"]].append(record)
    types, rules, tp_rules = collections.Counter(), collections.Counter(), collections.Counter()
    for verdict, doc, event in details:
        fired = [r for r in event.get("rules", []) if r.startswith(STEPS)]
        if verdict == "TP":
            tp_rules.update(fired)
        if verdict != "FP":
            continue
        cls = fp_class(event, by_doc[doc])
        types[(cls, referee.norm_type(event["type"]))] += 1
        rules.update((cls, r) for r in fired or ["(no argument rule)"])
    totals = collections.Counter()
    for (cls, _), n in types.items():
        totals[cls] += n
    for cls, n in totals.most_common():
        by_type = ", ".join(f"{t} {m}" for (c, t), m in types.most_common() if c == cls)
        print(f"{cls}: {n}  by type: {by_type}")  # noqa: T201
        behind = ", ".join(f"{r} {m}" for (c, r), m in rules.most_common() if c == cls)
        print(f"    rules: {behind}")  # noqa: T201
    print("TP rules:", dict(tp_rules.most_common()))  # noqa: T201


if __name__ == "__main__":
    main()
