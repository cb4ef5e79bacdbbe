"""Scoring system events against gold events (SPEC §7).

This implements the referee's matching rules (``shared/tools/score_events.py``)
so that ``diplograph eval`` prints the same figures; a test runs both on the
same files. It adds per-type figures, which the referee does not print.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.records import SYMMETRIC_TYPES

ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
POLARITY = {
    "asserted": "happened", "reported": "happened", "unconfirmed": "happened",
    "planned": "future", "hypothetical": "future",
    "denied": "not", "negated": "not",
}


def norm_type(value: str | None) -> str:
    value = (value or "").upper()
    return ALIASES.get(value, value)


def polarity(event: dict) -> str:
    return POLARITY.get(event.get("status", "asserted"), "happened")


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def actor_ok(spec: object, actor: dict | None) -> bool:
    """'*' matches anything, None matches no actor, a dict constrains country and/or name."""
    if spec == "*":
        return True
    if spec is None:
        return not actor or not (actor.get("name") or actor.get("country"))
    if not actor or not isinstance(spec, dict):
        return False
    if "country" in spec:
        allowed = spec["country"] if isinstance(spec["country"], list) else [spec["country"]]
        if (actor.get("country") or "") not in allowed:
            return False
    if "name" in spec:
        haystack = " ".join(str(actor.get(k) or "") for k in ("name", "text"))
        if not re.search(spec["name"], haystack, re.I):
            return False
    return True


def event_key(event: dict) -> tuple:
    """(doc, type, actors, polarity): one real claim, however many sentences repeat it."""
    def actor(x: dict | None) -> tuple[str, str]:
        x = x or {}
        return (x.get("country") or "", (x.get("name") or "").lower())
    kind = norm_type(event["type"])
    pair = (actor(event.get("source")), actor(event.get("target")))
    if kind in SYMMETRIC_TYPES:
        pair = tuple(sorted(pair))
    return (event["doc_id"], kind, *pair, polarity(event))


def matches(gold: dict, event: dict) -> bool:
    types = gold["type"] if isinstance(gold["type"], list) else [gold["type"]]
    kind = norm_type(event["type"])
    if kind not in {norm_type(t) for t in types}:
        return False
    if polarity(event) != gold.get("polarity", "happened"):
        return False
    src, tgt = event.get("source"), event.get("target")
    if actor_ok(gold.get("source", "*"), src) and actor_ok(gold.get("target", "*"), tgt):
        return True
    if kind in SYMMETRIC_TYPES:
        return actor_ok(gold.get("source", "*"), tgt) and actor_ok(gold.get("target", "*"), src)
    return False


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    optional: int = 0
    required: int = 0
    missed: int = 0
    date_hits: int = 0
    date_total: int = 0
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    details: list[tuple[str, str, dict]] = field(default_factory=list)
    misses: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return (self.required - self.missed) / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict:
        """The referee's figures, with its names and rounding."""
        return {
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3), "true_positive_keys": self.tp,
            "false_positive_keys": self.fp, "optional_keys": self.optional,
            "required_gold": self.required, "missed_gold": self.missed,
            "date_accuracy": (round(self.date_hits / self.date_total, 3)
                              if self.date_total else None),
            "dated_gold_matched": self.date_total,
        }

    def per_type(self) -> dict[str, dict[str, float]]:
        """Precision/recall/F1 per event type (tp, fp, missed counted per type)."""
        out = {}
        for kind, (tp, fp, missed) in sorted(self.by_type.items()):
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + missed) if tp + missed else 0.0
            out[kind] = {"precision": round(p, 3), "recall": round(r, 3),
                         "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                         "tp": tp, "fp": fp, "missed": missed}
        return out


def score(gold: list[dict], system: Iterable[dict]) -> Score:
    """Score system events against gold with the referee's rules (see module doc)."""
    docs = {g["doc_id"] for g in gold}
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc_id"]].append(g)
    representatives: dict[tuple, dict] = {}
    for event in system:
        if event.get("doc_id") in docs:
            representatives.setdefault(event_key(event), event)
    system_by_doc: dict[str, list[dict]] = defaultdict(list)
    for key, event in representatives.items():
        system_by_doc[key[0]].append(event)

    result = Score(required=sum(1 for g in gold if not g.get("optional")))
    found: set[tuple[str, int]] = set()
    for doc in sorted(docs):
        golds = gold_by_doc[doc]
        for event in system_by_doc[doc]:
            _score_event(result, doc, golds, event, found)
    for doc in sorted(docs):
        for i, g in enumerate(gold_by_doc[doc]):
            if not g.get("optional") and (doc, i) not in found:
                result.misses.append((doc, g))
                types = g["type"] if isinstance(g["type"], list) else [g["type"]]
                if types:  # a required record of no type can only be missed: no type row
                    result.by_type[norm_type(types[0])][2] += 1
    result.missed = len(result.misses)
    return result


def _score_event(result: Score, doc: str, golds: list[dict], event: dict, found: set) -> None:
    hits = [i for i, g in enumerate(golds) if matches(g, event)]
    required = [i for i in hits if not golds[i].get("optional")]
    kind = norm_type(event["type"])
    if required:
        result.tp += 1
        result.by_type[kind][0] += 1
        for i in required:
            found.add((doc, i))
            gold_date = golds[i].get("date")
            if gold_date and gold_date.get("precision") == "day":
                result.date_total += 1
                result.date_hits += int(
                    (event.get("date") or {}).get("value") == gold_date["value"])
        result.details.append(("TP", doc, event))
    elif hits:
        result.optional += 1
        result.details.append(("ok", doc, event))
    else:
        result.fp += 1
        result.by_type[kind][1] += 1
        result.details.append(("FP", doc, event))
