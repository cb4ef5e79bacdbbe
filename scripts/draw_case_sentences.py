"""Draw candidate sentences for a new coding-case set, reproducibly, before any labelling.

    .venv/bin/python scripts/draw_case_sentences.py --seed 2416 --count 240 > /tmp/drawn.tsv
    .venv/bin/python scripts/draw_case_sentences.py --seed 2727 --count 300 \
        --into coding_cases_drawn27.yaml > /tmp/drawn27.tsv

Sentences come from BBC News 2004-05 politics articles and PolNeAR 2015-16 texts (half
each, alternating), one per drawn document, shuffled with ``--seed``; a sentence already in
a case file under tests/data/real/ is skipped, as is the first sentence of a BBC record
(the headline is glued to it). Output: ``doc<TAB>published<TAB>sentence`` in drawn order;
the labeller keeps them in that order (see the header of the case file for the rule).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DRAWN_FILE = "coding_cases_drawn.yaml"  # the set this script's draw (seed 2416) was labelled into
BBC_DATE = "2005-01-15"  # BBC records carry no date; the existing case files use this one
# A sentence ends at . ! or ? (with an optional closing quote) before a capital or a quote.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘])")


def known_texts(into: str = DRAWN_FILE) -> set[str]:
    """Texts of the case files made before this draw (not of the file ``into`` it fills)."""
    texts: set[str] = set()
    for path in (ROOT / "tests" / "data" / "real").glob("*.yaml"):
        if path.name == into:
            continue
        texts |= {case["text"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))}
    return texts


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in SENTENCE_END.split(text.replace("\n", " "))]
    return [p for p in parts if 60 <= len(p) <= 320]


def bbc_documents() -> list[tuple[str, str, list[str]]]:
    path = SHARED / "bbc-news-2225" / "articles.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [(r["id"], BBC_DATE, sentences(r["text"])[1:])
            for r in records if r["category"] == "politics"]


def polnear_documents() -> list[tuple[str, str, list[str]]]:
    data = SHARED / "polnear" / "data"
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        dates = {row["filename"]: row["publication_date"]
                 for row in csv.DictReader(handle, delimiter="\t")}
    documents = []
    for part in ("train", "dev", "test"):
        for path in sorted((data / part / "text").glob("*.txt")):
            published = dates.get(path.stem)
            if published:
                documents.append((f"polnear/{part}/text/{path.name}", published,
                                  sentences(path.read_text(encoding="utf-8"))))
    return documents


def draw(seed: int, count: int, into: str = DRAWN_FILE) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    seen = known_texts(into)
    pools = [bbc_documents(), polnear_documents()]
    for pool in pools:
        rng.shuffle(pool)
    drawn: list[tuple[str, str, str]] = []
    for pair in zip(*pools):
        for doc, published, candidates in pair:
            fresh = [s for s in candidates if s not in seen]
            if fresh and len(drawn) < count:
                drawn.append((doc, published, rng.choice(fresh)))
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2416)
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--into", default=DRAWN_FILE,
                        help="the case file this draw fills; every other case file is excluded")
    args = parser.parse_args()
    for doc, published, sentence in draw(args.seed, args.count, args.into):
        print(f"{doc}\t{published}\t{sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
