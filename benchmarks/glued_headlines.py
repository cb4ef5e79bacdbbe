"""Headlines glued into the first sentence of one-line BBC articles (issues #14, #16).

    PYTHONPATH=src .venv/bin/python benchmarks/glued_headlines.py [--split tune|heldout] [--show]

Reads the hand-labelled cases of ``tests/data/pages/glued_headlines.tsv`` (the glued prefix
of each article, written before the splitter ran), turns each BBC record into an article the
way ``ingest`` does, and counts: the title is exactly the labelled prefix, and the article's
text starts right after it (at the lead).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from diplograph.pages.articles import extract_articles
from diplograph.records import Document

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "data" / "pages" / "glued_headlines.tsv"
CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225" / "articles.jsonl"


def labelled(split: str) -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in CASES.read_text("utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    return [(doc_id, title) for doc_id, title, where in rows if where == split]


def texts(ids: set[str]) -> dict[str, str]:
    found = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids:
                found[row["id"]] = row["text"]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="tune", choices=("tune", "heldout"))
    parser.add_argument("--show", action="store_true", help="print each miss")
    args = parser.parse_args()
    cases = labelled(args.split)
    source = texts({doc_id for doc_id, _ in cases})
    exact = lead = 0
    for doc_id, title in cases:
        text = source[doc_id]
        doc = Document(doc_id=doc_id, kind="text", content=text,
                       content_hash=hashlib.sha256(text.encode()).hexdigest())
        article = extract_articles(doc)[0]
        body = text[len(title):].strip()
        exact += article.title == title
        # The first words, not characters: the cleaner repairs mojibake ("Â£" -> "£").
        at_lead = article.text.split()[:5] == body.split()[:5]
        lead += at_lead
        if args.show and (article.title != title or not at_lead):
            print(f"{doc_id}\texpected {title!r}\tgot {article.title!r}\t"
                  f"text {article.text[:60]!r}")
    n = len(cases)
    print(f"{args.split}: {n} articles; title exact {exact}/{n} = {exact / n:.3f}; "
          f"body starts at the lead {lead}/{n} = {lead / n:.3f}")


if __name__ == "__main__":
    main()
