"""Event coding on sentences of real articles, labelled before the coder saw them.

    .venv/bin/python benchmarks/real_cases.py [--split tune|heldout|all] [--show]
                                              [--min-confidence 0.5] [--cases FILE] [--by KEY]
                                              [--in-article] [--matching REGEX]

Cases: ``tests/data/real/coding_cases_real.yaml`` (BBC News 2004-05 and PolNeAR
2015-16 sentences; each case has ``split: tune|heldout``, a third held out).
Each sentence is coded as a one-sentence article with its publication date;
events below ``--min-confidence`` (the product's default, 0.5) are dropped, as
``diplograph extract`` drops them. ``--in-article``: each sentence is coded at the end of
its article's text up to it (the actor table's reading, ``actor_table.context_of``), so
that the story's home state and earlier names are there, and only the events of the
sentence count; ``--matching``: only the cases whose text matches a regular expression
(chosen by their words, never by their outcome).

Figures per split:
- ``recall``: expected events produced exactly (type, mode, both actors, status,
  and date / claimed_by where the case gives them), as the coding-case gate
  counts them;
- ``precision``: produced events that match an expected event on type and both
  actors (a wrong mode, status or date counts against recall only);
- ``strict_precision``: produced events that match an expected event exactly;
- ``no_event_clean``: cases without events that produce none.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "quality"))

from coding_cases import event_matches  # noqa: E402  (the gate's matching rules)

CASES = ROOT / "tests" / "data" / "real" / "coding_cases_real.yaml"


def load_coder():
    """The event coder and the spaCy pipeline (imported late: the package layout moves)."""
    from diplograph.coding.coder import EventCoder
    from diplograph.coding.parse import load_nlp

    return EventCoder(), load_nlp()


def code_case(case: dict, coder, nlp, floor: float, in_article: bool = False) -> list:
    from diplograph.records import Article, PublishedDate

    text, at = _context(case) if in_article else (case["text"], 0)
    article = Article(doc_id="case", article_index=0, title=None, text=text,
                      published=PublishedDate(value=str(case["published"]), precision="day",
                                              source="metadata"))
    return [e for e in coder.code(article, nlp(text))
            if e.confidence >= floor and e.evidence.end > at]


def _context(case: dict) -> tuple[str, int]:
    """The case's article up to the end of its sentence, and where the sentence starts."""
    from actor_table import context_of

    doc = str(case.get("doc", "")).split("/")[-1].removesuffix(".txt")
    return context_of({"context_text": case["text"], "doc": doc}, True)


def _loose(expected: dict, event) -> bool:
    """Same type and actors as an expected event (mode, status and date aside)."""
    return event_matches({"type": expected["type"], "mode": event.mode, "status": event.status,
                          "source": expected.get("source"), "target": expected.get("target")},
                         event)


def score(cases: list[dict], coder, nlp, floor: float, show: bool,
          in_article: bool = False) -> dict[str, float]:
    expected_n = found = produced_n = right = strict_right = clean = no_event = 0
    for case in cases:
        expected = case.get("expect") or []
        produced = code_case(case, coder, nlp, floor, in_article)
        expected_n += len(expected)
        produced_n += len(produced)
        hits = [e for e in expected if any(event_matches(e, ev) for ev in produced)]
        found += len(hits)
        right += sum(any(_loose(e, ev) for e in expected) for ev in produced)
        strict_right += sum(any(event_matches(e, ev) for e in expected) for ev in produced)
        if not expected:
            no_event += 1
            clean += not produced
        if show and (len(hits) < len(expected) or len(produced) > len(hits)):
            _show(case, expected, produced)
    return {
        "cases": len(cases), "expected_events": expected_n, "produced_events": produced_n,
        "recall": round(found / expected_n, 3) if expected_n else 0.0,
        "precision": round(right / produced_n, 3) if produced_n else 0.0,
        "strict_precision": round(strict_right / produced_n, 3) if produced_n else 0.0,
        "no_event_clean": f"{clean}/{no_event}",
    }


def _show(case: dict, expected: list[dict], produced: list) -> None:
    print(f"\n{case['text']}")
    for e in expected:
        print(f"   want {e['type']}/{e.get('mode')} {e.get('source')} -> {e.get('target')} "
              f"{e['status']}")
    for ev in produced:
        src = ev.source and (ev.source.country or ev.source.name)
        tgt = ev.target and (ev.target.country or ev.target.name)
        print(f"   got  {ev.type}/{ev.mode} {src} -> {tgt} {ev.status} ({ev.confidence:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--show", action="store_true", help="print every case that fails")
    parser.add_argument("--by", metavar="KEY",
                        help="also print the figures per value of this case key (e.g. class)")
    parser.add_argument("--in-article", action="store_true",
                        help="code each sentence at the end of its article's text up to it")
    parser.add_argument("--matching", metavar="REGEX", help="only the cases whose text matches")
    args = parser.parse_args()
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))
    if args.matching:
        cases = [c for c in cases if re.search(args.matching, c["text"])]
    coder, nlp = load_coder()
    splits = ("tune", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        chosen = [c for c in cases if c["split"] == split]
        figures = score(chosen, coder, nlp, args.min_confidence, args.show, args.in_article)
        print(f"{split:8s} " + " ".join(f"{k}={v}" for k, v in figures.items()))
        for value in sorted({str(c.get(args.by)) for c in chosen} if args.by else ()):
            group = [c for c in chosen if str(c.get(args.by)) == value]
            figures = score(group, coder, nlp, args.min_confidence, False, args.in_article)
            print(f"  {value:20s} " + " ".join(f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
