"""What the imported CAMEO verb patterns add and cost, per PLOVER type (an ablation).

    .venv/bin/python benchmarks/cameo_ablation.py [--split tune] [--min-confidence 0.5]
        [--gold GOLD.jsonl ON.jsonl OFF.jsonl]...

Real cases (``tests/data/real/coding_cases_real.yaml``, the TUNE split by default):
every sentence is parsed once and coded twice, with the CAMEO patterns (setting
``cameo_patterns``, env ``DIPLOGRAPH_CAMEO_PATTERNS``) on and off; per type, the
expected events found (recall hits), the events produced and the produced events that
match an expected one on type and both actors (as ``real_cases.py`` counts them).

``--gold`` scores two ``diplograph extract`` outputs of one gold file (made with the
setting on and off) with the referee's matching (``../shared/tools/score_events.py``)
and splits its true and false positive keys and misses by type.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "quality"))

from coding_cases import event_matches  # noqa: E402
from real_cases import CASES, _loose  # noqa: E402

REFEREE = ROOT.parent / "shared" / "tools" / "score_events.py"


def _coders():
    from diplograph.coding.coder import EventCoder
    from diplograph.coding.parse import load_nlp
    from diplograph.knowledge.lexicon import load_lexicon

    return {"on": EventCoder(lexicon=load_lexicon(cameo=True)),
            "off": EventCoder(lexicon=load_lexicon(cameo=False))}, load_nlp()


def real_cases(split: str, floor: float) -> dict[str, Counter]:
    from diplograph.records import Article, PublishedDate

    cases = [c for c in yaml.safe_load(CASES.read_text(encoding="utf-8")) if c["split"] == split]
    coders, nlp = _coders()
    counts: dict[str, Counter] = {f"{k}_{arm}": Counter() for k in ("hit", "made", "right")
                                  for arm in coders}
    for case in cases:
        doc = nlp(case["text"])
        article = Article(doc_id="case", article_index=0, title=None, text=case["text"],
                          published=PublishedDate(value=str(case["published"]),
                                                  precision="day", source="metadata"))
        expected = case.get("expect") or []
        for arm, coder in coders.items():
            made = [e for e in coder.code(article, doc) if e.confidence >= floor]
            for e in expected:
                counts[f"hit_{arm}"][e["type"]] += any(event_matches(e, ev) for ev in made)
            for ev in made:
                counts[f"made_{arm}"][ev.type] += 1
                counts[f"right_{arm}"][ev.type] += any(_loose(e, ev) for e in expected)
    counts["expected"] = Counter(e["type"] for c in cases for e in c.get("expect") or [])
    return counts


def gold_counts(gold: Path, system: Path) -> dict[str, Counter]:
    spec = importlib.util.spec_from_file_location("score_events", REFEREE)
    referee = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(referee)  # type: ignore[union-attr]
    _, details, missed = referee.score(referee.load(gold), referee.load(system))
    out = {"TP": Counter(), "FP": Counter(), "miss": Counter()}
    for tag, _, ev in details:
        if tag in out:
            out[tag][referee.norm_type(ev["type"])] += 1
    for _, g in missed:
        types = g["type"] if isinstance(g["type"], list) else [g["type"]]
        out["miss"][referee.norm_type(types[0])] += 1
    return out


def _table(title: str, columns: dict[str, Counter]) -> None:
    types = sorted({t for c in columns.values() for t in c})
    print(f"\n{title}\n{'type':10s} " + " ".join(f"{k:>9s}" for k in columns))
    for t in types:
        print(f"{t:10s} " + " ".join(f"{c[t]:9d}" for c in columns.values()))
    print(f"{'all':10s} " + " ".join(f"{sum(c.values()):9d}" for c in columns.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="tune", choices=("tune", "heldout", "none"))
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--gold", nargs=3, action="append", type=Path, default=[],
                        metavar=("GOLD", "ON", "OFF"))
    args = parser.parse_args()
    if args.split != "none":
        c = real_cases(args.split, args.min_confidence)
        _table(f"real cases, {args.split} (hit = expected found exactly; right = produced "
               "and matching type + actors)",
               {k: c[k] for k in ("expected", "hit_off", "hit_on", "made_off", "made_on",
                                  "right_off", "right_on")})
    for gold, on, off in args.gold:
        a, b = gold_counts(gold, off), gold_counts(gold, on)
        _table(f"{gold.name} (referee keys)", {"TP_off": a["TP"], "TP_on": b["TP"],
                                               "FP_off": a["FP"], "FP_on": b["FP"],
                                               "miss_off": a["miss"], "miss_on": b["miss"]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
