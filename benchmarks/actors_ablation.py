"""Event coding with and without the office-holder knowledge (issue 4's before/after).

    .venv/bin/python benchmarks/actors_ablation.py [--shared ../shared]

"before": the knowledge base without its people files (states, metonyms,
demonyms and organisations only: what a coder without dated office holders
has); "after": the full knowledge base. Both are scored with the referee's
rules on the PLOVER gold and on the bundled sample's gold.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from diplograph.coding.actors import ActorResolver, load_knowledge_base
from diplograph.coding.coder import EventCoder
from diplograph.coding.parse import load_nlp
from diplograph.evaluation.scoring import load_jsonl, score
from diplograph.records import DocumentError, to_dict
from diplograph.run.pipeline import read_articles
from diplograph.settings import Settings

REPO = Path(__file__).resolve().parent.parent


def run(coder: EventCoder, texts: Path) -> list[dict]:
    """Events as ``diplograph extract`` gives them (default confidence threshold)."""
    nlp, events, settings = load_nlp(), [], Settings()
    for item in read_articles([str(texts)], settings):
        if isinstance(item, DocumentError):
            continue
        for article in item[1]:
            events += [to_dict(e) for e in coder.code(article, nlp(article.text))
                       if e.confidence >= settings.min_confidence]
    return events


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    full = load_knowledge_base()
    bare = dataclasses.replace(full, people=(), holders={})
    sets = {
        "plover_gsr": (args.shared / "gold" / "plover_gsr_texts.jsonl",
                       args.shared / "gold" / "plover_gsr.jsonl"),
        "sample": (REPO / "src" / "diplograph" / "sample",
                   REPO / "tests" / "data" / "sample_gold.jsonl"),
    }
    print("| gold | knowledge | precision | recall | F1 |")  # noqa: T201
    print("|---|---|---|---|---|")  # noqa: T201
    for name, (texts, gold) in sets.items():
        for label, kb in (("before: no office holders", bare), ("after: full", full)):
            result = score(load_jsonl(gold), run(EventCoder(resolver=ActorResolver(kb)), texts))
            s = result.summary()
            print(f"| {name} | {label} | {s['precision']} | {s['recall']} | {s['f1']} |")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
