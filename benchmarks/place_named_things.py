"""How often a place inside the name of a thing becomes an event's actor (issue 16).

    PYTHONPATH=src .venv/bin/python benchmarks/place_named_things.py [--limit N] [--all]
                                                                    [--min-confidence 0.5]

Finds the BBC News 2004-05 sentences (``../shared/corpus/bbc-news-2225``) in which a proper
name is part of the name of a thing ("the KYOTO protocol", "LISBON's goals", "the Treaty of
NICE"; the thing nouns are ``thing_nouns`` of ``data/actors/mention_words.yaml``, the shape
is :func:`diplograph.coding.actors.named_things.named_thing` on the parse), codes each
sentence as a one-sentence article (as ``real_cases.py`` does) and lists the events whose
source or target was read off that name. ``--all`` also lists the sentences with no such
event. A sentence is only parsed when a cheap pattern (a capitalised word before a thing
noun, or "<Thing> of <Name>") finds it first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from diplograph.coding.actors.named_things import named_thing
from diplograph.coding.actors.words import mention_words
from diplograph.records import Article, PublishedDate

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225" / "articles.jsonl"
SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


def candidate_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(mention_words().thing_nouns, key=len, reverse=True))
    return re.compile(rf"\b[A-Z][\w'-]*(?:'s)?\s+(?:\w+\s+)?(?i:{nouns})\b"
                      rf"|\b(?i:{nouns})\s+of\s+[A-Z]")


def sentences(corpus: Path, pattern: re.Pattern[str]):
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for sent in SENTENCE_END.split(row["text"]):
                if pattern.search(sent):
                    yield row["id"], row["category"], sent


def read_off(actor, names: list[str]) -> bool:
    """Whether the actor's words are one of the thing-naming names."""
    return actor is not None and actor.text is not None and any(
        n in actor.text.split() for n in names)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="stop after N candidates")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--min-confidence", type=float, default=0.5,
                        help="events below it are dropped, as `diplograph extract` does")
    args = parser.parse_args(argv)
    from diplograph.coding.coder import EventCoder
    from diplograph.coding.parse import load_nlp

    coder, nlp = EventCoder(), load_nlp()
    found = events = with_name = 0
    for n, (doc_id, section, text) in enumerate(sentences(args.corpus, candidate_pattern())):
        if args.limit and n >= args.limit:
            break
        doc = nlp(text)
        names = [t.text for t in doc if named_thing(t) is not None]
        if not names:
            continue
        found += 1
        article = Article(doc_id=doc_id, article_index=0, title=None, text=text,
                          published=PublishedDate(value="2005-01-15", precision="day",
                                                  source="metadata"))
        coded = [e for e in coder.code(article, doc) if e.confidence >= args.min_confidence]
        bad = [e for e in coded if read_off(e.source, names) or read_off(e.target, names)]
        events += len(coded)
        with_name += len(bad)
        if bad or args.all:
            print(f"{doc_id} [{section}] names={names}: {text}")
            for e in bad:
                print(f"    {e.type}/{e.mode} {e.source and e.source.country}"
                      f"[{e.source and e.source.text}] -> {e.target and e.target.country}"
                      f"[{e.target and e.target.text}] {e.confidence:.2f}")
    print(f"sentences with a name in a thing's name: {found}; "
          f"events >= {args.min_confidence}: {events}; "
          f"events with an actor read off the name: {with_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
