"""The names the actor resolver leaves unknown in real news, counted by article (issue #15,
stop 26, kb19): a way to choose what the knowledge should hold next by frequency, not by
the rows of one table.

    PYTHONPATH=src .venv/bin/python benchmarks/unknown_names.py [--top 40] [--limit N]
        [--out FILE]

Reads the BBC News politics articles (2004-05, ``../shared/corpus/bbc-news-2225``) and the
PolNeAR articles (2015-16, ``../shared/corpus/polnear``, each at its publication date),
alternating the two so that ``--limit`` keeps both. For each spaCy PERSON or ORG entity it
counts the articles where the resolver gives it no mention, or a person the knowledge does
not hold. Prints the top names (articles, label, how: ``none`` or ``unknown-person``) and
writes every name to ``--out`` (TSV). Noise (first names, parties read as PERSON) is listed
as found: the counts choose, a reader decides who is a public office holder.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CATEGORIES = ("politics",)
PREFIX_CHARS = 6000  # an article's opening: where its actors are named first


def bbc_articles() -> list[tuple[str, str, dt.date | None]]:
    path = CORPUS / "bbc-news-2225" / "articles.jsonl"
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [(r["id"], r["text"], None) for r in rows if r["category"] in CATEGORIES]


def polnear_articles() -> list[tuple[str, str, dt.date | None]]:
    base = CORPUS / "polnear" / "data"
    with (base / "metadata.tsv").open(encoding="utf-8") as f:
        dates = {r["filename"]: r["publication_date"]
                 for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    out = []
    for path in sorted(base.glob("*/text/*.txt")):
        try:
            when = dt.date.fromisoformat(dates.get(path.stem, ""))
        except ValueError:
            when = None
        out.append((path.stem, path.read_text(encoding="utf-8"), when))
    return out


def unknown_names(resolver, known: set[str], articles) -> dict[str, tuple[set[str], str]]:
    """name -> (ids of the articles that leave it unknown, its label and how)."""
    found: dict[str, set[str]] = defaultdict(set)
    how: dict[str, str] = {}
    for article_id, text, when in articles:
        doc = resolver.nlp(text[:PREFIX_CHARS])
        covering = {}
        for mention in resolver.find_mentions(doc, when=when):
            for i in range(mention.token_start, mention.token_end):
                covering[i] = mention
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            name = ent.text.strip().removeprefix("the ").removeprefix("The ")
            hits = [covering[i] for i in range(ent.start, ent.end) if i in covering]
            if not hits:
                found[name].add(article_id)
                how[name] = f"{ent.label_} none"
            elif hits[0].actor.kind == "person" and hits[0].actor.name not in known:
                found[name].add(article_id)
                how[name] = f"{ent.label_} unknown-person"
    return {name: (ids, how[name]) for name, ids in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--limit", type=int, default=None, help="articles read, at most")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    from diplograph.coding.actors import ActorResolver
    from diplograph.knowledge.base import load_knowledge_base

    pairs = itertools.zip_longest(bbc_articles(), polnear_articles())
    articles = [a for pair in pairs for a in pair if a is not None][: args.limit]
    known = {p.name for p in load_knowledge_base().people}
    counts = unknown_names(ActorResolver(), known, articles)
    ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1][0]), kv[0]))
    for name, (ids, how) in ranked[: args.top]:
        print(f"{len(ids):4d}  {how:22s}  {name}")
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for name, (ids, how) in ranked:
                f.write(f"{len(ids)}\t{how}\t{name}\t{' '.join(sorted(ids)[:4])}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
